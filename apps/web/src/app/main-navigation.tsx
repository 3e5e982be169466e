import type { Role } from '@verity/contract';
import { useLayoutEffect, useRef } from 'react';
import { useI18n } from '../lib/i18n';
import { Link, matchPath } from '../lib/router';
import { navigationOf } from './routes';

/**
 * The role's main screens; the current one is marked for screen readers (aria-current). One row
 * whatever the role (on a phone it scrolls sideways, with the current screen brought into view),
 * so its height is known from the first paint and the screen below never moves.
 */
export function MainNavigation({ role, path }: { role: Role; path: string }) {
  const { t, lang } = useI18n();
  const items = navigationOf(role);
  const matches = (to: string) => (to === '/' ? path === '/' : matchPath(`${to}/*`, path) !== null);
  // The most specific item is the current one (/admin/statistics, not /admin as well).
  const currentTo = items
    .filter((item) => matches(item.to))
    .reduce<string | null>((best, item) => (best === null || item.to.length > best.length ? item.to : best), null);
  const current = (to: string) => to === currentTo;
  const list = useRef<HTMLUListElement>(null);

  // Only the row scrolls (never the page): the current link is brought fully into view.
  useLayoutEffect(() => {
    const row = list.current;
    const link = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !link || row.scrollWidth <= row.clientWidth) return;
    const box = row.getBoundingClientRect();
    const target = link.getBoundingClientRect();
    const margin = 16;
    if (target.left < box.left) row.scrollBy({ left: target.left - box.left - margin });
    else if (target.right > box.right) row.scrollBy({ left: target.right - box.right + margin });
  }, [path, lang]);

  return (
    <nav className="main-nav" aria-label={t('app.nav.label')}>
      <ul ref={list}>
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
