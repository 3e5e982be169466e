import type { Organisation, OrganisationKind } from '@verity/contract';
import { organisationKinds } from '@verity/contract/values';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link, navigate } from '../../../lib/router';
import { listOrganisations, type OrganisationFilters } from '../api';
import { OrganisationForm } from '../components/organisation-form';
import { StateBadge } from '../components/state-badge';
import { kindLabel } from '../labels';

interface Page {
  items: Organisation[];
  nextCursor: string | null;
}

const urlOf = (filters: OrganisationFilters) => {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.kind) params.set('kind', filters.kind);
  const query = params.toString();
  return query ? `/admin?${query}` : '/admin';
};

/** /admin: every organisation, searched by name and filtered by kind (both kept in the URL), paged. */
export function OrganisationsScreen({ filters }: { filters: OrganisationFilters }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [q, setQ] = useState(filters.q);
  const [kind, setKind] = useState<OrganisationKind | ''>(filters.kind);
  const [page, setPage] = useState<Page | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const fail = (caught: unknown) => {
    if (!isAbort(caught)) setError(errorMessage(i18n, isApiError(caught) ? caught.code : 'NETWORK_ERROR'));
  };

  useEffect(() => {
    const controller = new AbortController();
    setPage(null);
    setError(null);
    listOrganisations(filters, null, controller.signal).then(setPage).catch(fail);
    return () => controller.abort();
    // `fail` only formats; the list depends on the filters alone.
  }, [filters.q, filters.kind]);

  const loadMore = async () => {
    if (!page?.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await listOrganisations(filters, page.nextCursor);
      setPage({ items: [...page.items, ...next.items], nextCursor: next.nextCursor });
    } catch (caught) {
      fail(caught);
    } finally {
      setLoadingMore(false);
    }
  };

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(urlOf({ q, kind }), { replace: true });
  };

  return (
    <div className="admin">
      <div className="admin-header">
        <h1 id={`${id}-title`}>{t('admin.title')}</h1>
        {!creating && (
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            {t('admin.newOrganisation')}
          </button>
        )}
      </div>
      <p className="hint">{t('admin.intro')}</p>
      {creating && (
        <OrganisationForm
          onCreated={(organisation) => navigate(`/admin/organisations/${organisation.id}`)}
          onCancel={() => setCreating(false)}
        />
      )}
      <form className="admin-filters" role="search" onSubmit={search}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('admin.search')}</label>
          <input id={`${id}-q`} type="search" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('admin.kind')}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as OrganisationKind | '')}
          >
            <option value="">{t('admin.allKinds')}</option>
            {organisationKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(i18n, k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button">
            {t('admin.filter')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {error && <p className="alert">{error}</p>}
        {!page && !error && <p className="muted">{t('admin.loading')}</p>}
        {page?.items.length === 0 && <p className="empty">{t('admin.none')}</p>}
      </div>
      {page && page.items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.name')}</th>
                <th scope="col">{t('admin.kind')}</th>
                <th scope="col">{t('admin.country')}</th>
                <th scope="col">{t('admin.status')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((organisation) => (
                <tr key={organisation.id}>
                  <th scope="row">
                    <Link to={`/admin/organisations/${organisation.id}`}>{organisation.name}</Link>
                  </th>
                  <td data-label={t('admin.kind')}>{kindLabel(i18n, organisation.kind)}</td>
                  <td data-label={t('admin.country')}>{organisation.country ?? '—'}</td>
                  <td data-label={t('admin.status')}>
                    <StateBadge state={organisation.active ? 'active' : 'inactive'} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page?.nextCursor && (
        <p>
          <button type="button" className="button" disabled={loadingMore} onClick={() => void loadMore()}>
            {loadingMore ? t('admin.loading') : t('admin.loadMore')}
          </button>
        </p>
      )}
    </div>
  );
}
