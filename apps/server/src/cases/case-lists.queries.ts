import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { CaseStatus } from '@verity/contract';
import type { Db } from '../platform/db';
import { iso, overdueSql, rowsOf } from './cases.queries';

/* Lists of cases: the filtered, keyset-paged list, its facets, and the secretariat's anonymised counts. */

const timestampKey = z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/);
/**
 * Keyset cursors of the case list, one per order: newest first [created_at as PostgreSQL
 * prints it, id]; by deadline ['deadline', response_deadline or null, created_at, id].
 */
export const caseCursor = z.union([
  z.tuple([timestampKey, z.uuid()]),
  z.tuple([z.literal('deadline'), z.iso.date().nullable(), timestampKey, z.uuid()]),
]);
export type CaseCursor = z.infer<typeof caseCursor>;

export interface SummaryRow {
  id: string;
  reference: string;
  status: CaseStatus;
  organisationId: string;
  organisationName: string;
  country: string;
  declarationReference: string | null;
  responseDeadline: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  sortKey: string;
  lineCount: number;
}

export interface CaseFilter {
  status?: CaseStatus | undefined;
  overdue?: boolean | undefined;
  country?: string | undefined;
  q?: string | undefined;
  /** Created on or after / on or before these days (UTC). */
  from?: string | undefined;
  to?: string | undefined;
  transportMode?: string | undefined;
  originCountry?: string | undefined;
  /** Start of the port or office, in any case. */
  portOrOffice?: string | undefined;
  /** A line of this right holder / brand, among the lines the caller sees (`lineScope`). */
  rightHolderId?: string | undefined;
  brandId?: string | undefined;
}
export type CaseSort = 'newest' | 'deadline';

/** `text%` for LIKE, with LIKE's own characters escaped, upper-cased. */
const upperPrefix = (text: string) => `${text.replace(/[\\%_]/g, (m) => `\\${m}`).toUpperCase()}%`;

/** The filters as SQL conditions on `c` (cases); line filters only reach lines in `lineScope` (alias `l`). */
function filterSql(filter: CaseFilter, lineScope: SQL, today: string): SQL[] {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(sql`c.status = ${filter.status}`);
  if (filter.overdue !== undefined) conditions.push(filter.overdue ? overdueSql(today) : sql`not ${overdueSql(today)}`);
  if (filter.country) conditions.push(sql`c.country = ${filter.country}`);
  if (filter.q) {
    const prefix = upperPrefix(filter.q);
    conditions.push(sql`(upper(c.reference) like ${prefix} or upper(c.declaration_reference) like ${prefix})`);
  }
  if (filter.from) conditions.push(sql`c.created_at >= (${filter.from}::date)::timestamp at time zone 'UTC'`);
  if (filter.to) conditions.push(sql`c.created_at < (${filter.to}::date + 1)::timestamp at time zone 'UTC'`);
  if (filter.transportMode) conditions.push(sql`c.transport_mode = ${filter.transportMode}`);
  if (filter.originCountry) conditions.push(sql`c.origin_country = ${filter.originCountry}`);
  if (filter.portOrOffice) conditions.push(sql`upper(c.port_or_office) like ${upperPrefix(filter.portOrOffice)}`);
  if (filter.rightHolderId)
    conditions.push(
      sql`exists (select 1 from case_lines l where l.case_id = c.id and l.right_holder_id = ${filter.rightHolderId} and ${lineScope})`,
    );
  if (filter.brandId)
    conditions.push(
      sql`exists (select 1 from case_lines l where l.case_id = c.id and l.brand_id = ${filter.brandId} and ${lineScope})`,
    );
  return conditions;
}

/** After the cursor's row, in the list's order (the deadline order: soonest first, none last, then newest). */
function afterSql(after: CaseCursor): SQL {
  if (after.length === 2) return sql`(c.created_at, c.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`;
  const [, deadline, createdAt, id] = after;
  const sameDeadlineLater = sql`(c.created_at, c.id) < (${createdAt}::timestamptz, ${id}::uuid)`;
  return deadline === null
    ? sql`(c.response_deadline is null and ${sameDeadlineLater})`
    : sql`(c.response_deadline > ${deadline}::date or c.response_deadline is null
          or (c.response_deadline = ${deadline}::date and ${sameDeadlineLater}))`;
}

/**
 * The caller's cases, keyset paged: newest first on (created_at, id), or by deadline on
 * (response_deadline asc nulls last, created_at desc, id desc).
 */
export function listCases(
  db: Db,
  scope: SQL,
  lineScope: SQL,
  filter: CaseFilter,
  today: string,
  page: { sort: CaseSort; after?: CaseCursor | undefined; limit: number },
) {
  const conditions: SQL[] = [scope, ...filterSql(filter, lineScope, today)];
  if (page.after) conditions.push(afterSql(page.after));
  const order =
    page.sort === 'deadline'
      ? sql`c.response_deadline asc nulls last, c.created_at desc, c.id desc`
      : sql`c.created_at desc, c.id desc`;
  return rowsOf<SummaryRow>(
    db,
    sql`select c.id, c.reference, c.status, c.organisation_id as "organisationId", o.name as "organisationName",
          c.country, c.declaration_reference as "declarationReference",
          c.response_deadline::text as "responseDeadline", ${overdueSql(today)} as overdue,
          ${iso(sql`c.created_at`)} as "createdAt", ${iso(sql`c.updated_at`)} as "updatedAt",
          c.created_at::text as "sortKey",
          (select count(*)::int from case_lines l where l.case_id = c.id and ${lineScope}) as "lineCount"
        from cases c join organisations o on o.id = c.organisation_id
        where ${sql.join(conditions, sql` and `)}
        order by ${order}
        limit ${page.limit + 1}`,
  );
}

/**
 * What the caller's cases hold, for the list's filter choices: counts of cases per state,
 * transport mode, right holder and brand, within `scope`; right holders and brands only of
 * the lines in `lineScope` (a right holder: its own). At most `limit` right holders and brands.
 */
export async function caseFacets(db: Db, scope: SQL, lineScope: SQL, limit: number) {
  const [statuses, transportModes, rightHolders, brandRows] = await Promise.all([
    rowsOf<{ status: CaseStatus; count: number }>(
      db,
      sql`select c.status, count(*)::int as count from cases c where ${scope} group by c.status order by c.status`,
    ),
    rowsOf<{ transportMode: string; count: number }>(
      db,
      sql`select c.transport_mode as "transportMode", count(*)::int as count from cases c
          where ${scope} and c.transport_mode is not null group by c.transport_mode order by 2 desc, 1`,
    ),
    rowsOf<{ id: string; name: string; count: number }>(
      db,
      sql`select o.id, o.name, count(distinct c.id)::int as count
          from cases c join case_lines l on l.case_id = c.id join organisations o on o.id = l.right_holder_id
          where ${scope} and ${lineScope}
          group by o.id, o.name order by 3 desc, 2, 1 limit ${limit}`,
    ),
    rowsOf<{ id: string; name: string; rightHolderId: string | null; count: number }>(
      db,
      sql`select b.id, b.name, b.organisation_id as "rightHolderId", count(distinct c.id)::int as count
          from cases c join case_lines l on l.case_id = c.id join brands b on b.id = l.brand_id
          where ${scope} and ${lineScope}
          group by b.id, b.name, b.organisation_id order by 4 desc, 2, 1 limit ${limit}`,
    ),
  ]);
  return { statuses, transportModes, rightHolders, brands: brandRows };
}

/**
 * Counts by country, state and month of creation (UTC), over the whole months from `from`'s to
 * `to`'s: no references, no parties. Drafts are not counted. A country with fewer than
 * `threshold` cases in a month is not named for that month: its cases are counted under
 * country null, so the totals by month and state stay exact.
 */
export function caseStats(db: Db, range: { from?: string | undefined; to?: string | undefined }, threshold: number) {
  const conditions = [sql`c.status <> 'draft'`];
  // Whole months only: two periods that differ by a few days would otherwise single out the
  // cases of those days by their difference.
  if (range.from)
    conditions.push(sql`c.created_at >= date_trunc('month', ${range.from}::date)::timestamp at time zone 'UTC'`);
  if (range.to)
    conditions.push(
      sql`c.created_at < (date_trunc('month', ${range.to}::date) + interval '1 month')::timestamp at time zone 'UTC'`,
    );
  return rowsOf<{ country: string | null; status: CaseStatus; month: string; count: number }>(
    db,
    sql`with cells as (
          select c.country, c.status, to_char(c.created_at at time zone 'UTC', 'YYYY-MM') as month, count(*)::int as count
          from cases c
          where ${sql.join(conditions, sql` and `)}
          group by 1, 2, 3
        ), named as (
          select country, month from cells group by 1, 2 having sum(count) >= ${threshold}
        )
        select n.country, cells.status, cells.month, sum(cells.count)::int as count
        from cells left join named n on n.country = cells.country and n.month = cells.month
        group by n.country, cells.status, cells.month
        order by cells.month, n.country nulls last, cells.status`,
  );
}
