import type { IdentifyResponse, Language } from '@verity/contract';
import { useEffect, useState } from 'react';
import { isAbort, isApiError } from '../../lib/api';
import { identifyCode } from './api';

export type IdentifyState =
  | { status: 'idle' }
  /** `result` is the previous answer, kept on screen (dimmed) until the new one arrives. */
  | { status: 'loading'; result?: IdentifyResponse }
  | { status: 'done'; result: IdentifyResponse }
  | { status: 'failed'; code: string };

/** Officers type fast or paste: wait this long after the last keystroke before asking. */
export const IDENTIFY_DEBOUNCE_MS = 250;

/**
 * Identifies `input` as it is typed: debounced, and each new input or language aborts the
 * request still in flight, so an old answer can never replace a newer one.
 * `onAuthRequired` must be stable (useCallback): it is called when the session has expired.
 */
export function useIdentify(input: string, lang: Language, onAuthRequired: () => void): IdentifyState {
  const [state, setState] = useState<IdentifyState>({ status: 'idle' });
  const blank = input.trim() === '';

  useEffect(() => {
    if (blank) {
      // Forget the last answer, so it does not show (dimmed) while the next input is looked up.
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState((previous) => ({
        status: 'loading',
        result: previous.status === 'done' || previous.status === 'loading' ? previous.result : undefined,
      }));
      identifyCode(input, lang, controller.signal).then(
        (result) => {
          if (!controller.signal.aborted) setState({ status: 'done', result });
        },
        (error: unknown) => {
          if (controller.signal.aborted || isAbort(error)) return;
          const code = isApiError(error) ? error.code : 'UNEXPECTED_RESPONSE';
          setState({ status: 'failed', code });
          if (code === 'AUTH_REQUIRED') onAuthRequired();
        },
      );
    }, IDENTIFY_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [input, blank, lang, onAuthRequired]);

  return blank ? { status: 'idle' } : state;
}
