import type { OrganisationKind } from '@verity/contract';
import { organisationKinds } from '@verity/contract/values';
import { lazy } from 'react';
import type { AreaProps } from '../../lib/area';
import { useAppContext } from '../../lib/app-context';
import { useI18n } from '../../lib/i18n';
import { matchPath } from '../../lib/router';
import { periodOf } from './case-stats';
import { OrganisationScreen } from './screens/organisation-screen';
import { OrganisationsScreen } from './screens/organisations-screen';
import './admin.css';

// Charts are the secretariat's alone: their own chunk, so an organisation's admin never loads them.
const CaseStatisticsScreen = lazy(() => import('./screens/case-statistics-screen'));

const kindOf = (value: string | null): OrganisationKind | '' => organisationKinds.find((kind) => kind === value) ?? '';

/**
 * /admin: the secretariat's organisations, and /admin/organisations/:id one of them with its
 * users. An organisation's own administrator, if the shell lets them in, lands on their own.
 * /admin/statistics: the secretariat's anonymised case statistics (period in the query).
 */
export default function AdminArea({ path, query }: AreaProps) {
  const { t } = useI18n();
  const { me } = useAppContext();
  const organisationId = matchPath('/admin/organisations/:id', path)?.id;
  if (organisationId) return <OrganisationScreen key={organisationId} id={organisationId} />;
  if (matchPath('/admin/statistics', path) && me.membership.role === 'secretariat_admin') {
    return <CaseStatisticsScreen period={periodOf(query)} />;
  }
  if (matchPath('/admin', path)) {
    if (me.membership.role !== 'secretariat_admin') return <OrganisationScreen id={me.membership.organisation.id} />;
    return <OrganisationsScreen filters={{ q: query.get('q') ?? '', kind: kindOf(query.get('kind')) }} />;
  }
  return (
    <section className="card">
      <h1>{t('app.pageNotFound')}</h1>
    </section>
  );
}
