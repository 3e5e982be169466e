import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage, useI18n } from '../../lib/i18n';
import { addRecent } from '../../lib/recents';
import { navigate } from '../../lib/router';
import { searchPath, type SearchFilters } from './api';
import { FacetSelect } from './components/facet-select';
import { RecentList } from './components/recent-list';
import { ResultList } from './components/result-list';
import { useSearch } from './use-search';

/** Waiting this long after the last key press before searching: one request per pause, not per key. */
const TYPING_PAUSE_MS = 350;

/**
 * Search and browse the catalog: words (typos tolerated) narrowed by brand and category, results
 * that keep coming as the officer scrolls, and the device's recent scans and searches while the
 * box is empty. Without words it lists the whole catalog by name.
 */
export function SearchScreen({ filters }: { filters: SearchFilters }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [text, setText] = useState(filters.q);
  // The words last put in the URL: when the URL changes otherwise (Back, a recent search), the box follows.
  const pushed = useRef(filters.q);
  const search = useSearch(filters);
  const { result } = search;
  const { brand, category } = filters;

  useEffect(() => {
    if (filters.q === pushed.current) return;
    pushed.current = filters.q;
    setText(filters.q);
  }, [filters.q]);

  const go = (next: SearchFilters) => {
    pushed.current = next.q;
    navigate(searchPath(next), { replace: true });
  };

  useEffect(() => {
    const q = text.trim();
    if (q === pushed.current) return;
    const timer = setTimeout(() => go({ q, brand, category }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, brand, category]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ q: text.trim(), brand, category });
  };

  // A recent search: the box shows its words at once, and no pending keystrokes overwrite them.
  const searchAgain = (q: string) => {
    pushed.current = q;
    setText(q);
  };

  // Remember a search once it led somewhere: a result opened from it.
  const remember = () => {
    if (filters.q) addRecent({ kind: 'search', text: filters.q });
  };

  const filtered = Boolean(brand || category);

  return (
    <div className="search-screen">
      <h1>{t('search.title')}</h1>
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor="search-words">{t('search.label')}</label>
        <div className="search-box">
          <input
            id="search-words"
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
            enterKeyHint="search"
            maxLength={200}
          />
          <button type="submit" className="button primary">
            {t('search.submit')}
          </button>
        </div>
        <div className="facets">
          <FacetSelect
            label={t('search.brand')}
            allLabel={t('search.allBrands')}
            facets={result?.facets.brand ?? []}
            value={brand}
            onChange={(value) => go({ q: filters.q, brand: value, category })}
          />
          <FacetSelect
            label={t('search.category')}
            allLabel={t('search.allCategories')}
            facets={result?.facets.category ?? []}
            value={category}
            onChange={(value) => go({ q: filters.q, brand, category: value })}
          />
        </div>
      </form>

      {!text.trim() && <RecentList onSearchAgain={searchAgain} />}

      <section className="search-results-section" aria-labelledby="results-title" aria-busy={search.loading}>
        <h2 id="results-title" className="visually-hidden">
          {t('search.results')}
        </h2>
        <p role="status" className="search-total" data-testid="search-total">
          {search.loading
            ? t('search.searching')
            : result &&
              (result.totalIsExact
                ? t('search.total', { count: result.total })
                : t('search.totalAtLeast', { count: result.total }))}
        </p>

        {search.error?.page === 'first' && (
          <div className="alert" role="alert">
            <p>{errorMessage(i18n, search.error.code)}</p>
            <button type="button" className="button" onClick={search.retry}>
              {t('search.retry')}
            </button>
          </div>
        )}

        {result && !search.loading && result.total === 0 && !search.error && (
          <div className="empty">
            <p className="empty-title">
              {filters.q ? t('search.empty.title', { q: filters.q }) : t('search.empty.titleNoWords')}
            </p>
            <p>{t('search.empty.hint')}</p>
            {filtered && (
              <button type="button" className="button" onClick={() => go({ q: filters.q, brand: '', category: '' })}>
                {t('search.clearFilters')}
              </button>
            )}
          </div>
        )}

        {result && result.items.length > 0 && <ResultList items={result.items} onOpen={remember} />}

        <MorePages search={search} />
      </section>
    </div>
  );
}

/**
 * The next page: loaded when the end of the list scrolls into view, and by a button for
 * keyboards and screen readers; a live message says how many arrived.
 */
function MorePages({ search }: { search: ReturnType<typeof useSearch> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const sentinel = useRef<HTMLDivElement>(null);
  const { nextCursor, loading, error, loadMore } = search;
  const canAutoLoad = Boolean(nextCursor) && !loading && !error;

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !canAutoLoad || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadMore();
      },
      { rootMargin: '0px 0px 400px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [canAutoLoad, loadMore]);

  return (
    <div className="search-more">
      <div ref={sentinel} aria-hidden="true" />
      <p role="status" className="visually-hidden">
        {search.added !== null && t('search.moreLoaded', { count: search.added })}
      </p>
      {error?.page === 'next' && (
        <div className="alert" role="alert">
          <p>{errorMessage(i18n, error.code)}</p>
          <button type="button" className="button" onClick={search.retry}>
            {t('search.retry')}
          </button>
        </div>
      )}
      {nextCursor && !loading && !error && (
        <button type="button" className="button" onClick={loadMore} aria-disabled={search.loadingMore}>
          {search.loadingMore ? t('search.loadingMore') : t('search.loadMore')}
        </button>
      )}
    </div>
  );
}
