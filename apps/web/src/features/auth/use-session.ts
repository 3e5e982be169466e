import type { Me } from '@verity/contract';
import { useCallback, useEffect, useState } from 'react';
import { isAbort, isApiError } from '../../lib/api';
import { fetchMe, login, logout } from './api';

export type Session =
  | { status: 'loading' }
  /** `reason` is unset on arrival, and says why the user is no longer signed in otherwise. */
  | { status: 'signed-out'; reason?: 'signed-out' | 'expired' | 'offline' }
  | { status: 'signed-in'; me: Me };

/**
 * Who is signed in. The session itself is the server's httpOnly cookie: the page only asks
 * `/auth/me` at start, and learns of an expired session when a call answers AUTH_REQUIRED.
 */
export function useSession() {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (me) => setSession({ status: 'signed-in', me }),
      (error: unknown) => {
        // AUTH_REQUIRED is the normal answer; any other failure also leaves the form to try,
        // saying so when the server cannot be reached (the app itself opened from the phone).
        if (isAbort(error)) return;
        const offline = isApiError(error) && error.code === 'NETWORK_ERROR';
        setSession(offline ? { status: 'signed-out', reason: 'offline' } : { status: 'signed-out' });
      },
    );
    return () => controller.abort();
  }, []);

  /** Signs in, or throws the ApiError for the form to show. */
  const signIn = useCallback(async (email: string, password: string) => {
    const me = await login(email, password);
    setSession({ status: 'signed-in', me });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      // Even if the call failed, this page forgets the user; the cookie expires on its own.
      setSession({ status: 'signed-out', reason: 'signed-out' });
    }
  }, []);

  const expire = useCallback(() => setSession({ status: 'signed-out', reason: 'expired' }), []);

  return { session, signIn, signOut, expire };
}
