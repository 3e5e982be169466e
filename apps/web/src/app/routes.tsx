import type { Role } from '@verity/contract';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { AreaProps } from '../lib/area';
import { matchPath } from '../lib/router';

/**
 * Every path of the app and the area (a lazily loaded chunk) that answers it. The officer's
 * identify screen is in the main chunk; everything else loads when first opened, so the
 * first screen on a slow phone carries only what it shows.
 */
interface Route {
  pattern: string;
  area: LazyExoticComponent<ComponentType<AreaProps>>;
  /** Who may open it; unset: anyone signed in. */
  roles?: readonly Role[];
}

const rightHolders: readonly Role[] = ['right_holder_admin', 'right_holder_editor'];
const organisationAdmins: readonly Role[] = ['secretariat_admin', 'administration_admin', 'right_holder_admin'];

export const signedInRoutes: readonly Route[] = [
  { pattern: '/search', area: lazy(() => import('../features/search/search-area')) },
  { pattern: '/products/:id', area: lazy(() => import('../features/product/product-area')) },
  // Customs open and follow cases; right holders answer the ones about their brands.
  {
    pattern: '/cases/*',
    area: lazy(() => import('../features/cases/cases-area')),
    roles: ['officer', 'administration_admin', ...rightHolders],
  },
  { pattern: '/portal/*', area: lazy(() => import('../features/portal/portal-area')), roles: rightHolders },
  // Everyone's notifications and choices; the webhooks screen checks the role itself.
  { pattern: '/notifications/*', area: lazy(() => import('../features/notifications/notifications-area')) },
  // The secretariat manages every organisation; an organisation's administrator their own.
  { pattern: '/admin/*', area: lazy(() => import('../features/admin/admin-area')), roles: organisationAdmins },
];

/** Pages for people who are not signed in (accepting an invitation sets a password first). */
export const publicRoutes: readonly Route[] = [
  { pattern: '/invite/:token', area: lazy(() => import('../features/admin/invitation-area')) },
];

export function findRoute(routes: readonly Route[], path: string): Route | undefined {
  return routes.find((route) => matchPath(route.pattern, path));
}

/** Where a role lands after sign-in, and what `/` shows it. */
export function homeOf(role: Role): string {
  if (rightHolders.includes(role)) return '/portal/products';
  if (role === 'secretariat_admin') return '/admin';
  return '/';
}

export interface NavItem {
  to: string;
  label: 'identify' | 'search' | 'cases' | 'products' | 'brands' | 'import' | 'alerts' | 'admin' | 'statistics';
}

/** The main navigation of a role, in the order it is shown. */
export function navigationOf(role: Role): NavItem[] {
  const officer: NavItem[] = [
    { to: '/', label: 'identify' },
    { to: '/search', label: 'search' },
    ...(role === 'officer' || role === 'administration_admin' ? [{ to: '/cases', label: 'cases' } as const] : []),
  ];
  const admin: NavItem[] = organisationAdmins.includes(role) ? [{ to: '/admin', label: 'admin' }] : [];
  if (rightHolders.includes(role))
    return [
      { to: '/cases', label: 'cases' },
      { to: '/portal/products', label: 'products' },
      { to: '/portal/brands', label: 'brands' },
      { to: '/portal/import', label: 'import' },
      { to: '/portal/alerts', label: 'alerts' },
      ...officer,
      ...admin,
    ];
  // The secretariat: organisations, then the anonymised statistics of cases (under /admin).
  if (role === 'secretariat_admin') return [...admin, { to: '/admin/statistics', label: 'statistics' }, ...officer];
  return [...officer, ...admin];
}
