import type { CaseSummary } from '@verity/contract';
import { caseStatuses } from '@verity/contract/values';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { useAppContext } from '../../../lib/app-context';
import { useDocumentTitle } from '../../../lib/document-title';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link, navigate } from '../../../lib/router';
import { byDeadline, momentFormat, statusName } from '../case-display';
import { listCases } from '../api';
import { Deadline } from '../components/deadline';

const ALL = 'all';

/**
 * The caller's cases. For a right holder it is the inbox: submitted cases, nearest deadline
 * first (the API sorts by creation, so the loaded pages are sorted here). Filters live in the URL.
 */
export function CaseListScreen({ query }: { query: URLSearchParams }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const { me } = useAppContext();
  const role = me.membership.role;
  const rightHolder = role === 'right_holder_admin' || role === 'right_holder_editor';
  const status = query.get('status') ?? (rightHolder ? 'submitted' : ALL);
  const overdue = query.get('overdue') === 'true';
  const country = role === 'administration_admin' ? (query.get('country') ?? '') : '';
  const [items, setItems] = useState<CaseSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const title = rightHolder ? t('cases.inboxTitle') : t('cases.title');
  useDocumentTitle(title);

  const filters = { status: status === ALL ? undefined : status, overdue, country: country || undefined };
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

  const applyFilters = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const chosen = String(form.get('status') ?? ALL);
    if (chosen !== (rightHolder ? 'submitted' : ALL)) next.set('status', chosen);
    if (form.get('overdue')) next.set('overdue', 'true');
    const code = String(form.get('country') ?? '')
      .trim()
      .toUpperCase();
    if (code) next.set('country', code);
    const search = next.toString();
    navigate(`/cases${search ? `?${search}` : ''}`, { replace: true });
  };

  const shown = rightHolder && items ? [...items].sort(byDeadline) : items;
  const moment = momentFormat(lang);

  return (
    <section className="cases" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{title}</h1>
      {(role === 'officer' || role === 'administration_admin') && (
        <Link className="button primary case-new" to="/cases/new">
          {t('cases.new')}
        </Link>
      )}
      <form className="case-filters card" onSubmit={applyFilters} aria-label={t('cases.filters.label')}>
        <label>
          {t('cases.filters.status')}
          <select name="status" defaultValue={status} key={`status-${status}`}>
            <option value={ALL}>{t('cases.filters.allStatuses')}</option>
            {caseStatuses
              .filter((s) => !rightHolder || s !== 'draft')
              .map((s) => (
                <option key={s} value={s}>
                  {statusName(i18n, s)}
                </option>
              ))}
          </select>
        </label>
        <label className="case-check">
          <input type="checkbox" name="overdue" defaultChecked={overdue} key={`overdue-${overdue}`} />
          {t('cases.filters.overdue')}
        </label>
        {role === 'administration_admin' && (
          <label>
            {t('cases.filters.country')}
            <input
              name="country"
              defaultValue={country}
              key={`country-${country}`}
              maxLength={2}
              autoCapitalize="characters"
              pattern="[A-Za-z]{2}"
              aria-describedby={`${id}-country-hint`}
            />
            <span id={`${id}-country-hint`} className="hint">
              {t('cases.filters.countryHint')}
            </span>
          </label>
        )}
        <button type="submit" className="button">
          {t('cases.filters.apply')}
        </button>
      </form>
      {problem && (
        <p className="alert" role="alert">
          {errorMessage(i18n, problem)}
        </p>
      )}
      <div role="status" className="visually-hidden">
        {items && t('cases.count', { count: items.length })}
      </div>
      {items === null && !problem && <p className="muted">{t('app.loading')}</p>}
      {shown?.length === 0 && <p className="empty">{rightHolder ? t('cases.inboxEmpty') : t('cases.none')}</p>}
      {shown && shown.length > 0 && (
        <ul className="case-list">
          {shown.map((item) => (
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
