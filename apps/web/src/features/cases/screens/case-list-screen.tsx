import type { CaseFacets, CaseSummary } from '@verity/contract';
import { useEffect, useId, useState } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { useAppContext } from '../../../lib/app-context';
import { useDocumentTitle } from '../../../lib/document-title';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link, navigate } from '../../../lib/router';
import { momentFormat, statusName } from '../case-display';
import { apiFilters, clearedFilters, filtersPath, readFilters, type FilterValues } from '../case-list-filters';
import { caseFacets, listCases } from '../api';
import { CaseFiltersForm } from '../components/case-filters';
import { Deadline } from '../components/deadline';

/**
 * The caller's cases. For a right holder it is the inbox: submitted cases, nearest deadline
 * first (the API sorts, so every page follows the order). Filters live in the URL: Back,
 * Forward and a reload keep them.
 */
export function CaseListScreen({ query }: { query: URLSearchParams }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const { me } = useAppContext();
  const role = me.membership.role;
  const rightHolder = role === 'right_holder_admin' || role === 'right_holder_editor';
  const customs = role === 'officer' || role === 'administration_admin';
  const viewer = { rightHolder, customs, admin: role === 'administration_admin' };
  const values = readFilters(query, viewer);
  const [items, setItems] = useState<CaseSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [facets, setFacets] = useState<CaseFacets | null>(null);
  const title = rightHolder ? t('cases.inboxTitle') : t('cases.title');
  useDocumentTitle(title);

  const filters = apiFilters(values);
  const filterKey = JSON.stringify(filters);

  useEffect(() => {
    const controller = new AbortController();
    setItems(null);
    setProblem(null);
    listCases(JSON.parse(filterKey) as typeof filters, controller.signal).then(
      (page) => {
        setItems(page.items);
        setCursor(page.nextCursor);
      },
      (error: unknown) => {
        if (!isAbort(error)) setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
      },
    );
    return () => controller.abort();
  }, [filterKey]); // the filters' values, as one string

  // The right holders and brands to choose from: those of the caller's cases. Without them the
  // lists offer "any" only; the filters themselves still work.
  useEffect(() => {
    const controller = new AbortController();
    caseFacets(controller.signal).then(setFacets, () => undefined);
    return () => controller.abort();
  }, []);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await listCases({ ...filters, cursor });
      setItems((shown) => [...(shown ?? []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (error) {
      setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
    } finally {
      setLoadingMore(false);
    }
  };

  // Each change of filters is a new entry in the history: Back returns to the previous ones.
  const show = (next: FilterValues) => navigate(filtersPath(next, viewer));

  const moment = momentFormat(lang);

  return (
    <section className="cases" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{title}</h1>
      {(role === 'officer' || role === 'administration_admin') && (
        <Link className="button primary case-new" to="/cases/new">
          {t('cases.new')}
        </Link>
      )}
      <CaseFiltersForm
        values={values}
        viewer={viewer}
        facets={facets}
        onApply={show}
        onClear={() => show(clearedFilters(values, viewer))}
      />
      {problem && (
        <p className="alert" role="alert">
          {errorMessage(i18n, problem)}
        </p>
      )}
      <p role="status" aria-live="polite" aria-atomic="true" className="muted case-count">
        {items && t('cases.count', { count: items.length })}
      </p>
      {items === null && !problem && <p className="muted">{t('app.loading')}</p>}
      {items?.length === 0 && <p className="empty">{rightHolder ? t('cases.inboxEmpty') : t('cases.none')}</p>}
      {items && items.length > 0 && (
        <ul className="case-list">
          {items.map((item) => (
            <li key={item.id} className="card case-item">
              <h2>
                <Link to={`/cases/${item.id}`}>{item.reference}</Link>
              </h2>
              <p>
                <span className="badge">{statusName(i18n, item.status)}</span>{' '}
                <Deadline day={item.responseDeadline} overdue={item.overdue} />
              </p>
              <p className="muted">
                {t('cases.lineCount', { count: item.lineCount })} ·{' '}
                {t('cases.updated', { when: moment.format(new Date(item.updatedAt)) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore}>
          {loadingMore ? t('app.loading') : t('cases.loadMore')}
        </button>
      )}
    </section>
  );
}
