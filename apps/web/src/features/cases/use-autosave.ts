import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../lib/api';

export type SaveState = { kind: 'idle' | 'pending' | 'saving' | 'saved' } | { kind: 'failed'; code: string };

/**
 * Saves `body` ~600 ms after the last change, one request at a time, and at once when the
 * screen goes away or the page is hidden. `flush()` saves now (before submitting) and tells whether all is saved.
 */
export function useAutosave(body: unknown, save: (body: unknown) => Promise<unknown>, delay = 600) {
  const json = JSON.stringify(body);
  const latest = useRef(json);
  const saved = useRef(json);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  latest.current = json;

  const flush = useCallback((): Promise<boolean> => {
    queue.current = queue.current.then(async () => {
      const sending = latest.current;
      if (sending === saved.current) return true;
      setState({ kind: 'saving' });
      try {
        await save(JSON.parse(sending));
        saved.current = sending;
        setState({ kind: latest.current === sending ? 'saved' : 'pending' });
        return latest.current === sending;
      } catch (error) {
        setState({ kind: 'failed', code: isApiError(error) ? error.code : 'NETWORK_ERROR' });
        return false;
      }
    });
    return queue.current;
  }, [save]);

  useEffect(() => {
    if (json === saved.current) return;
    setState({ kind: 'pending' });
    const timer = setTimeout(() => void flush(), delay);
    return () => clearTimeout(timer);
  }, [json, flush, delay]);

  // Leaving the screen, or the phone switching to another app, with changes not sent yet: send them.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      void flush();
    };
  }, [flush]);

  return { state, flush };
}
