import { useEffect } from 'react';

/**
 * The tab's title: the app's name by default (the shell's, a `fallback`), or what the screen
 * on show names (a product's name in the history and the tab switcher). Screens' titles win
 * over the fallback whatever order their effects run in (React runs a child's before its parent's).
 */
const claims: { title: string; fallback: boolean }[] = [];

function apply() {
  const title = claims.findLast((c) => !c.fallback)?.title ?? claims.findLast((c) => c.fallback)?.title;
  if (title !== undefined) document.title = title;
}

export function useDocumentTitle(title: string | null | undefined, options: { fallback?: boolean } = {}) {
  const fallback = options.fallback ?? false;
  useEffect(() => {
    if (!title) return;
    const claim = { title, fallback };
    claims.push(claim);
    apply();
    return () => {
      claims.splice(claims.indexOf(claim), 1);
      apply();
    };
  }, [title, fallback]);
}
