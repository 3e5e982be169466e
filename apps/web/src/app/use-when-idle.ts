import { useEffect, useState } from 'react';

/**
 * True once the browser has been idle after `active` became true (at most `timeout` ms later):
 * for what the screen does not need to show first, such as the notifications bell and its
 * stream, so they do not compete with the screen's own code, requests and rendering.
 */
export function useWhenIdle(active: boolean, timeout = 3000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!active || idle) return;
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(() => setIdle(true), { timeout });
      return () => window.cancelIdleCallback(handle);
    }
    // Safari has no requestIdleCallback: after the next frames.
    const handle = window.setTimeout(() => setIdle(true), Math.min(timeout, 1000));
    return () => window.clearTimeout(handle);
  }, [active, idle, timeout]);
  return idle;
}
