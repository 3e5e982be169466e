import { sql, type SQL } from 'drizzle-orm';
import type { Actor, DataScope } from '../platform/policy';

/**
 * The SQL form of a case scope (platform/policy.ts decides the scope; this only translates
 * it). `c` is the cases alias in the query. One place, so every query of cases filters alike.
 *
 * - customs, `own`: cases of the actor's administration, and with `withShared` those shared with it;
 * - customs, `all` (administration admin): cases of the actor's country, and with `withShared`
 *   those shared with its administration; never another country's otherwise;
 * - right holder, `own`: submitted cases (never drafts) with a line of its brands.
 * Reading and deciding include shared cases; changing a draft and sharing do not.
 */
export function caseScopeSql(actor: Actor, scope: DataScope, { withShared }: { withShared: boolean }): SQL {
  const org = scope.organisationId;
  const shared = withShared
    ? sql` or exists (select 1 from case_shares s where s.case_id = c.id and s.organisation_id = ${org})`
    : sql``;
  if (actor.organisationKind === 'right_holder')
    return scope.scope === 'own'
      ? sql`(c.status <> 'draft' and exists (select 1 from case_lines l where l.case_id = c.id and l.right_holder_id = ${org}))`
      : sql`false`;
  if (actor.organisationKind !== 'customs' && actor.organisationKind !== 'agency') return sql`false`;
  switch (scope.scope) {
    case 'all':
      return sql`(c.country = ${actor.country ?? ''}${shared})`;
    case 'own':
      return sql`(c.organisation_id = ${org}${shared})`;
    case 'published':
      return sql`false`;
  }
}

/** The lines a caller reads: a right holder only those of its brands. */
export function lineScopeSql(actor: Actor): SQL {
  return actor.organisationKind === 'right_holder' ? sql`l.right_holder_id = ${actor.organisationId}` : sql`true`;
}

/**
 * Whether the actor's administration may change the case itself (a draft, its shares): the
 * administration that opened it, or its country's administration admin. The same rule as
 * `caseScopeSql` without shares, for the `can` flags of an already loaded case.
 */
export function managesCase(
  actor: Actor,
  scope: DataScope | undefined,
  kase: { organisationId: string; country: string },
): boolean {
  if (!scope || (actor.organisationKind !== 'customs' && actor.organisationKind !== 'agency')) return false;
  if (scope.scope === 'all') return kase.country === actor.country;
  return scope.scope === 'own' && kase.organisationId === scope.organisationId;
}
