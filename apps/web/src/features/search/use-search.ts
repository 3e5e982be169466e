import type { ProductSearchResult } from '@verity/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, isApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { searchProducts, type SearchFilters } from './api';

export interface SearchState {
  /** null until the first answer for these filters arrives. */
  result: Omit<ProductSearchResult, 'nextCursor'> | null;
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  /** The error code of the last failed call (first page or next page). */
  error: { code: string; page: 'first' | 'next' } | null;
  /** How many results the last next page added, for the live announcement. */
  added: number | null;
}

const initial: SearchState = {
  result: null,
  nextCursor: null,
  loading: true,
  loadingMore: false,
  error: null,
  added: null,
};

const codeOf = (error: unknown) => (isApiError(error) ? error.code : 'NETWORK_ERROR');

/**
 * The catalog for the filters: the first page whenever they change (a newer search cancels an
 * older one, whose answer could otherwise arrive last), and next pages on demand. Results of the
 * previous search stay visible while the next one loads, so the list does not flash.
 */
export function useSearch(filters: SearchFilters) {
  const { lang } = useI18n();
  const { q, brand, category } = filters;
  const [state, setState] = useState<SearchState>(initial);
  const [attempt, setAttempt] = useState(0);
  const nextPage = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    nextPage.current?.abort();
    setState((s) => ({ ...s, loading: true, loadingMore: false, error: null, added: null }));
    searchProducts({ q, brand, category }, { lang, signal: controller.signal })
      .then(({ nextCursor, ...result }) =>
        setState({ result, nextCursor, loading: false, loadingMore: false, error: null, added: null }),
      )
      .catch((error: unknown) => {
        if (!isAbort(error)) setState((s) => ({ ...s, loading: false, error: { code: codeOf(error), page: 'first' } }));
      });
    return () => controller.abort();
  }, [q, brand, category, lang, attempt]);

  useEffect(() => () => nextPage.current?.abort(), []);

  const cursor = state.nextCursor;
  const busy = state.loading || state.loadingMore;
  const loadMore = useCallback(() => {
    if (!cursor || busy) return;
    const controller = new AbortController();
    nextPage.current = controller;
    setState((s) => ({ ...s, loadingMore: true, error: null }));
    searchProducts({ q, brand, category }, { lang, cursor, signal: controller.signal })
      .then((page) =>
        setState((s) => ({
          ...s,
          result: s.result && { ...s.result, items: [...s.result.items, ...page.items] },
          nextCursor: page.nextCursor,
          loadingMore: false,
          added: page.items.length,
        })),
      )
      .catch((error: unknown) => {
        if (!isAbort(error))
          setState((s) => ({ ...s, loadingMore: false, error: { code: codeOf(error), page: 'next' } }));
      });
  }, [cursor, busy, q, brand, category, lang]);

  const retry = useCallback(() => {
    if (state.error?.page === 'next') loadMore();
    else setAttempt((n) => n + 1);
  }, [state.error, loadMore]);

  return { ...state, loadMore, retry };
}
