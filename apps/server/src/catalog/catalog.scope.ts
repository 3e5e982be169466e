import { sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../platform/policy';

/**
 * The SQL form of a catalog read scope (platform/policy.ts decides the scope; this only
 * translates it). `p` is the products alias in the query.
 */
export function productScopeSql(scope: DataScope): SQL {
  switch (scope.scope) {
    case 'all':
      return sql`true`;
    case 'own':
      return sql`p.organisation_id = ${scope.organisationId}`;
    case 'published':
      return sql`(p.status = 'published' or p.organisation_id = ${scope.organisationId})`;
  }
}

/** Brands, contacts and applications carry no status: `published` reads them all. */
export function organisationScopeSql(scope: DataScope, column: SQL): SQL {
  return scope.scope === 'own' ? sql`${column} = ${scope.organisationId}` : sql`true`;
}

/** A product as the policy sees it: whose it is, and whether officers may see it. */
export function productAsOwned(product: { organisationId: string; status: string } | undefined) {
  return product && { organisationId: product.organisationId, published: product.status === 'published' };
}
