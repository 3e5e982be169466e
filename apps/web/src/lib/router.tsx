import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * A small router on the History API: the app has a handful of screens, so a library would only
 * add weight to the officer's first load. Paths are real URLs (the server answers index.html for
 * any page path), so links can be shared, bookmarked and opened in a new tab.
 */
const NAVIGATED = 'verity:navigated';

const currentUrl = () => window.location.pathname + window.location.search;

/** Screens that may hold a navigation back (unsaved changes): each says whether leaving is fine. */
const blockers = new Set<() => boolean>();
const mayLeave = () => [...blockers].every((allows) => allows());

/**
 * While registered, every navigation — a link, `navigate()`, the browser's Back and Forward —
 * first asks `allows()`; returns the function that removes it.
 */
export function blockNavigation(allows: () => boolean): () => void {
  blockers.add(allows);
  return () => blockers.delete(allows);
}

// Back and Forward have already changed the address when popstate fires: a refusal puts it back.
let shownUrl = typeof window === 'undefined' ? '/' : currentUrl();
if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    if (!mayLeave()) {
      window.history.pushState(null, '', shownUrl);
      return;
    }
    shownUrl = currentUrl();
    window.dispatchEvent(new Event(NAVIGATED));
  });
}

function subscribe(onChange: () => void) {
  window.addEventListener(NAVIGATED, onChange);
  return () => window.removeEventListener(NAVIGATED, onChange);
}

/** The current path and query, re-rendering on every navigation. */
export function useLocation(): { path: string; query: URLSearchParams; url: string } {
  const url = useSyncExternalStore(subscribe, currentUrl, currentUrl);
  const parsed = new URL(url, 'http://page');
  return { path: parsed.pathname, query: parsed.searchParams, url };
}

/** Goes to `to` (a path with an optional query); `replace` keeps the Back button where it was. */
export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === currentUrl()) return;
  // Replacing the address (filters, a new product's id once saved) stays on the same screen.
  if (!options.replace && !mayLeave()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  shownUrl = currentUrl();
  window.dispatchEvent(new Event(NAVIGATED));
}

/**
 * Matches `/products/:id` against a path: the named parts (decoded), or null when it does not
 * match. A pattern ending in `/*` matches the path and everything under it.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const wildcard = pattern.endsWith('/*');
  const want = (wildcard ? pattern.slice(0, -2) : pattern).split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (wildcard ? have.length < want.length : have.length !== want.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = have[i]!;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (part !== value) return null;
  }
  return params;
}

/** A link that navigates inside the app, and behaves as a normal link with modifier keys. */
export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
