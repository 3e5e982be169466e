import type { Role } from '@verity/contract';
import { useI18n } from '../lib/i18n';
import { Link, matchPath } from '../lib/router';
import { navigationOf } from './routes';

/** The role's main screens; the current one is marked for screen readers (aria-current). */
export function MainNavigation({ role, path }: { role: Role; path: string }) {
  const { t } = useI18n();
  const items = navigationOf(role);
  const current = (to: string) => (to === '/' ? path === '/' : matchPath(`${to}/*`, path) !== null);
  return (
    <nav className="main-nav" aria-label={t('app.nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={current(item.to) ? 'page' : undefined}>
              {t(`app.nav.${item.label}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
