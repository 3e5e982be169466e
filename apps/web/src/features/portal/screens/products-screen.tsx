import type { Brand, ProductSearchResult } from '@verity/contract';
import { useEffect, useId, useRef, useState } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link, navigate } from '../../../lib/router';
import { listAllBrands, searchProducts, type ProductFilters } from '../api';

/** The rows shown so far and the last answer (its facets and count stay while the next one loads). */
interface State {
  status: 'loading' | 'failed' | 'done';
  items: ProductSearchResult['items'];
  result?: ProductSearchResult;
  code?: string;
}

const filtersOf = (query: URLSearchParams): ProductFilters => ({
  q: query.get('q') ?? '',
  brand: query.get('brand') ?? '',
  category: query.get('category') ?? '',
  status: query.get('status') === 'draft' || query.get('status') === 'published' ? query.get('status')! : '',
});

/** The organisation's products, drafts included: search, filter by brand and category, page on. */
export function ProductsScreen({ query }: { query: URLSearchParams }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const [filters, setFilters] = useState<ProductFilters>(() => filtersOf(query));
  const [typed, setTyped] = useState(filters.q);
  const [brands, setBrands] = useState<Brand[]>([]);
  const [state, setState] = useState<State>({ status: 'loading', items: [] });
  const [cursor, setCursor] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listAllBrands(controller.signal).then(setBrands, () => {}); // the filter falls back to the facets
    return () => controller.abort();
  }, []);

  // Typing settles for a moment before the search runs.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === typed ? f : { ...f, q: typed })), 250);
    return () => clearTimeout(timer);
  }, [typed]);

  // The address changed from outside (the Products link, Back): the list follows it.
  const shown = useRef(filters);
  useEffect(() => {
    shown.current = filters;
  }, [filters]);
  const url = query.toString();
  useEffect(() => {
    const next = filtersOf(new URLSearchParams(url));
    const now = shown.current;
    if (next.q === now.q && next.brand === now.brand && next.category === now.category && next.status === now.status)
      return;
    setFilters(next);
    setTyped(next.q);
    setCursor(null);
  }, [url]);

  // The filters live in the address too, so Back from a product returns to the same list.
  useEffect(() => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
    const search = params.toString();
    navigate(`/portal/products${search ? `?${search}` : ''}`, { replace: true });
  }, [filters]);

  useEffect(() => {
    const controller = new AbortController();
    const more = cursor !== null;
    setState((s) => ({ ...s, status: 'loading', items: more ? s.items : [] }));
    searchProducts(filters, cursor, controller.signal)
      .then((result) =>
        setState((s) => ({ status: 'done', result, items: more ? [...s.items, ...result.items] : result.items })),
      )
      .catch((error: unknown) => {
        if (!isAbort(error))
          setState((s) => ({ ...s, status: 'failed', code: isApiError(error) ? error.code : 'NETWORK_ERROR' }));
      });
    return () => controller.abort();
  }, [filters, cursor]);

  const filter = (change: Partial<ProductFilters>) => {
    setCursor(null);
    setFilters((f) => ({ ...f, ...change }));
  };
  const lastResult = state.result;
  const result = state.status === 'done' ? state.result : undefined;
  const facets = lastResult?.facets;
  const categories = facets?.category ?? [];
  const brandOptions = brands.length > 0 ? brands.map((b) => ({ value: b.id, label: b.name })) : (facets?.brand ?? []);
  const total = lastResult?.total ?? 0;
  const number = new Intl.NumberFormat(lang);
  const updated = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="portal">
      <div className="editor-header">
        <h1 id={`${id}-title`}>{t('portal.products.title')}</h1>
        <div className="editor-actions">
          <Link className="button primary" to="/portal/products/new">
            {t('portal.products.new')}
          </Link>
        </div>
      </div>
      <form role="search" className="card filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('portal.products.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={typed}
            autoComplete="off"
            enterKeyHint="search"
            onChange={(e) => {
              setCursor(null);
              setTyped(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-brand`}>{t('portal.products.brand')}</label>
          <select id={`${id}-brand`} value={filters.brand} onChange={(e) => filter({ brand: e.target.value })}>
            <option value="">{t('portal.products.allBrands')}</option>
            {brandOptions.map((b) => (
              <option key={b.value} value={b.value}>
                {b.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('portal.products.category')}</label>
          <select id={`${id}-category`} value={filters.category} onChange={(e) => filter({ category: e.target.value })}>
            <option value="">{t('portal.products.allCategories')}</option>
            {filters.category && !categories.some((c) => c.value === filters.category) && (
              <option value={filters.category}>{filters.category}</option>
            )}
            {categories.map((c) => (
              <option key={c.value} value={c.value}>
                {t('portal.products.facet', { label: c.label, count: number.format(c.count) })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('portal.products.status')}</label>
          <select id={`${id}-status`} value={filters.status} onChange={(e) => filter({ status: e.target.value })}>
            <option value="">{t('portal.products.allStatuses')}</option>
            <option value="draft">{t('portal.status.draft')}</option>
            <option value="published">{t('portal.status.published')}</option>
          </select>
        </div>
      </form>

      <p role="status" className="muted">
        {state.status === 'loading'
          ? t('portal.loading')
          : lastResult
            ? lastResult.totalIsExact
              ? t('portal.products.count', { count: total, total: number.format(total) })
              : t('portal.products.countAtLeast', { count: total, total: number.format(total) })
            : ''}
      </p>
      {state.status === 'failed' && <p className="alert">{errorMessage(i18n, state.code ?? 'UNKNOWN')}</p>}
      {state.items.length === 0 && state.status === 'done' && (
        <div className="empty">
          <p className="empty-title">{t('portal.products.none')}</p>
          <p>
            <Link to="/portal/products/new">{t('portal.products.new')}</Link> ·{' '}
            <Link to="/portal/import">{t('portal.products.orImport')}</Link>
          </p>
        </div>
      )}
      {state.items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('portal.products.name')}</th>
                <th scope="col">{t('portal.products.brand')}</th>
                <th scope="col">{t('portal.products.category')}</th>
                <th scope="col">{t('portal.products.gtin')}</th>
                <th scope="col">{t('portal.products.status')}</th>
                <th scope="col">{t('portal.products.updated')}</th>
                <th scope="col">{t('portal.products.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {state.items.map((product) => (
                <tr key={product.id}>
                  <th scope="row" data-label={t('portal.products.name')}>
                    <span className="with-thumb">
                      {product.thumbnailUrl ? (
                        <img src={product.thumbnailUrl} alt="" width={40} height={40} loading="lazy" />
                      ) : (
                        <span className="thumb-empty" aria-hidden="true" />
                      )}
                      <Link to={`/portal/products/${product.id}`} lang={product.language}>
                        {product.name}
                      </Link>
                    </span>
                  </th>
                  <td data-label={t('portal.products.brand')}>{product.brand.name}</td>
                  <td data-label={t('portal.products.category')}>{product.category ?? '—'}</td>
                  <td data-label={t('portal.products.gtin')}>{product.gtin ? <code>{product.gtin}</code> : '—'}</td>
                  <td data-label={t('portal.products.status')}>
                    <span className={`status status-${product.status}`}>
                      {product.status === 'draft' ? t('portal.status.draft') : t('portal.status.published')}
                    </span>
                  </td>
                  <td data-label={t('portal.products.updated')}>
                    <time dateTime={product.updatedAt}>{updated.format(new Date(product.updatedAt))}</time>
                  </td>
                  <td data-label={t('portal.products.actions')}>
                    <Link to={`/portal/products/${product.id}/preview`}>
                      {t('portal.products.preview')}
                      <span className="visually-hidden"> {product.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result?.nextCursor && (
        <button type="button" className="button" onClick={() => setCursor(result.nextCursor)}>
          {t('portal.products.loadMore')}
        </button>
      )}
    </div>
  );
}
