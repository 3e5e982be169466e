import { useEffect } from 'react';
import { blockNavigation } from '../../lib/router';

/**
 * While `dirty`, asks before the page goes away: the browser's own prompt on reload or close
 * (beforeunload), and `message` before any navigation inside the app — links, and the
 * browser's Back and Forward (lib/router's blockers).
 */
export function useUnsavedGuard(dirty: boolean, message: string) {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    const unblock = blockNavigation(() => window.confirm(message));
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      unblock();
    };
  }, [dirty, message]);
}
