import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { CaseStatus } from '@verity/contract';
import type { Db } from '../platform/db';
import { brands, files, products } from '../catalog/catalog.tables';
import { caseFiles } from './conversation.tables';
import { organisations } from '../organisations/organisations.tables';
import {
  caseAnswers,
  caseEvents,
  caseLines,
  caseReferenceCounters,
  cases,
  caseShares,
  idempotencyKeys,
} from './cases.tables';

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return result.rows as T[];
}

/** A timestamp as ISO 8601 in UTC, the same on every driver. */
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Overdue: submitted, not yet answered, and the day of the deadline is over (`today` from the clock). */
const overdueSql = (today: string) =>
  sql`(c.status = 'submitted' and c.response_deadline is not null and c.response_deadline < ${today}::date)`;

export interface CaseRow {
  id: string;
  reference: string;
  status: CaseStatus;
  organisationId: string;
  organisationName: string;
  country: string;
  createdById: string;
  createdByName: string;
  declarationReference: string | null;
  transportMode: string | null;
  transportId: string | null;
  portOrOffice: string | null;
  originCountry: string | null;
  consignmentCountry: string | null;
  destinationCountry: string | null;
  consignor: string | null;
  consignee: string | null;
  goodsDescription: string | null;
  declaredValue: string | null;
  declaredCurrency: string | null;
  goodsLocation: string | null;
  assessment: string | null;
  responseDeadline: string | null;
  overdue: boolean;
  submittedAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One case, if `scope` (cases.scope.ts) lets the caller see it. */
export async function findCase(db: Db, id: string, scope: SQL, today: string): Promise<CaseRow | undefined> {
  const [row] = await rowsOf<CaseRow>(
    db,
    sql`select c.id, c.reference, c.status, c.organisation_id as "organisationId", o.name as "organisationName",
          c.country, c.created_by as "createdById", u.name as "createdByName",
          c.declaration_reference as "declarationReference", c.transport_mode as "transportMode",
          c.transport_id as "transportId", c.port_or_office as "portOrOffice",
          c.origin_country as "originCountry", c.consignment_country as "consignmentCountry",
          c.destination_country as "destinationCountry", c.consignor, c.consignee,
          c.goods_description as "goodsDescription", c.declared_value::text as "declaredValue",
          c.declared_currency as "declaredCurrency", c.goods_location as "goodsLocation", c.assessment,
          c.response_deadline::text as "responseDeadline", ${overdueSql(today)} as overdue,
          ${iso(sql`c.submitted_at`)} as "submittedAt", ${iso(sql`c.answered_at`)} as "answeredAt",
          ${iso(sql`c.closed_at`)} as "closedAt", ${iso(sql`c.created_at`)} as "createdAt",
          ${iso(sql`c.updated_at`)} as "updatedAt"
        from cases c
        join organisations o on o.id = c.organisation_id
        join users u on u.id = c.created_by
        where c.id = ${id} and ${scope}`,
  );
  return row;
}

export interface LineRow {
  id: string;
  productId: string | null;
  productName: Record<string, string> | null;
  productReference: string | null;
  brandId: string | null;
  brandName: string | null;
  rightHolderId: string | null;
  rightHolderName: string | null;
  description: string | null;
  quantity: string;
  unit: string;
}

export function listLines(db: Db, caseId: string, lineScope: SQL) {
  return rowsOf<LineRow>(
    db,
    sql`select l.id, l.product_id as "productId", p.name as "productName", p.reference as "productReference",
          l.brand_id as "brandId", b.name as "brandName", l.right_holder_id as "rightHolderId",
          o.name as "rightHolderName", l.description, l.quantity::text as quantity, l.unit
        from case_lines l
        left join products p on p.id = l.product_id
        left join brands b on b.id = l.brand_id
        left join organisations o on o.id = l.right_holder_id
        where l.case_id = ${caseId} and ${lineScope}
        order by l.position`,
  );
}

export interface AnswerRow {
  organisationId: string;
  organisationName: string;
  verdict: string;
  comment: string | null;
  userId: string;
  userName: string;
  createdAt: string;
}

/** The right holders' answers; only `organisationId`'s when given (a right holder reads its own). */
export function listAnswers(db: Db, caseId: string, organisationId: string | null) {
  return rowsOf<AnswerRow>(
    db,
    sql`select a.organisation_id as "organisationId", o.name as "organisationName", a.verdict, a.comment,
          a.answered_by as "userId", u.name as "userName", ${iso(sql`a.created_at`)} as "createdAt"
        from case_answers a
        join organisations o on o.id = a.organisation_id
        join users u on u.id = a.answered_by
        where a.case_id = ${caseId} ${organisationId ? sql`and a.organisation_id = ${organisationId}` : sql``}
        order by a.created_at`,
  );
}

export function listShares(db: Db, caseId: string) {
  return rowsOf<{ organisationId: string; organisationName: string; country: string | null; createdAt: string }>(
    db,
    sql`select s.organisation_id as "organisationId", o.name as "organisationName", o.country,
          ${iso(sql`s.created_at`)} as "createdAt"
        from case_shares s join organisations o on o.id = s.organisation_id
        where s.case_id = ${caseId} order by s.created_at`,
  );
}

export interface EventRow {
  id: string;
  kind: 'created' | 'status' | 'answer' | 'share' | 'deadline';
  userId: string;
  userName: string;
  organisationId: string;
  organisationName: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
}

/**
 * The case's history. For a right holder (`rightHolderId`): its own events and the customs'
 * changes of state — never another right holder's answer, nor that another one answered.
 */
export function listEvents(db: Db, caseId: string, rightHolderId: string | null) {
  return rowsOf<EventRow>(
    db,
    sql`select e.id, e.kind, e.user_id as "userId", u.name as "userName", e.organisation_id as "organisationId",
          o.name as "organisationName", e.from_status as "fromStatus", e.to_status as "toStatus", e.reason,
          e.details, ${iso(sql`e.created_at`)} as "createdAt"
        from case_events e
        join users u on u.id = e.user_id
        join organisations o on o.id = e.organisation_id
        where e.case_id = ${caseId}
          ${rightHolderId ? sql`and (e.organisation_id = ${rightHolderId} or (e.kind in ('status', 'deadline') and o.kind <> 'right_holder'))` : sql``}
        order by e.created_at, e.id`,
  );
}

/** The next number for `country` and `year`: one atomic upsert, safe under concurrent creates. */
export async function nextReferenceNumber(db: Db, country: string, year: number): Promise<number> {
  const [row] = await db
    .insert(caseReferenceCounters)
    .values({ country, year, last: 1 })
    .onConflictDoUpdate({
      target: [caseReferenceCounters.country, caseReferenceCounters.year],
      set: { last: sql`${caseReferenceCounters.last} + 1` },
    })
    .returning({ last: caseReferenceCounters.last });
  return row!.last;
}

export type CaseColumns = Omit<
  typeof cases.$inferInsert,
  'id' | 'reference' | 'organisationId' | 'country' | 'createdBy'
>;
export type LineValues = Omit<typeof caseLines.$inferInsert, 'id' | 'caseId' | 'position'>;

export async function insertCase(db: Db, values: typeof cases.$inferInsert): Promise<string> {
  const [row] = await db.insert(cases).values(values).returning({ id: cases.id });
  return row!.id;
}

/** Changes a draft's columns, only while it is a draft (a submission may have just won). */
export async function updateDraft(db: Db, id: string, values: Partial<CaseColumns>): Promise<boolean> {
  const updated = await db
    .update(cases)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(cases.id, id), eq(cases.status, 'draft')))
    .returning({ id: cases.id });
  return updated.length > 0;
}

/**
 * The draft's lines become `lines`. A line keeps its id when the new line is the same goods
 * (product or brand), or else of the same right holder: photos tied to a line
 * (`case_files.line_id`) stay with it while the draft is retyped. Photos of a line that goes
 * away are deleted with it: untied, they would be shown to every right holder of the case.
 */
export async function replaceLines(db: Db, caseId: string, lines: LineValues[]) {
  const unused = await db
    .select({
      id: caseLines.id,
      productId: caseLines.productId,
      brandId: caseLines.brandId,
      rightHolderId: caseLines.rightHolderId,
    })
    .from(caseLines)
    .where(eq(caseLines.caseId, caseId))
    .orderBy(caseLines.position);
  const take = (match: (e: (typeof unused)[number]) => boolean) => {
    const index = unused.findIndex(match);
    return index < 0 ? undefined : unused.splice(index, 1)[0]!.id;
  };
  const kept: (string | undefined)[] = lines.map((line) =>
    take((e) => e.productId === (line.productId ?? null) && e.brandId === (line.brandId ?? null)),
  );
  lines.forEach((line, i) => {
    kept[i] ??= take((e) => e.rightHolderId === (line.rightHolderId ?? null));
  });
  if (unused.length > 0) {
    const gone = unused.map((e) => e.id);
    const photos = await db
      .delete(caseFiles)
      .where(and(inArray(caseFiles.lineId, gone), eq(caseFiles.kind, 'photo')))
      .returning({ fileId: caseFiles.fileId, thumbnailFileId: caseFiles.thumbnailFileId });
    const fileIds = photos.flatMap((p) => (p.thumbnailFileId ? [p.fileId, p.thumbnailFileId] : [p.fileId]));
    if (fileIds.length > 0) await db.delete(files).where(inArray(files.id, fileIds));
    await db.delete(caseLines).where(inArray(caseLines.id, gone));
  }
  for (const [position, line] of lines.entries()) {
    const id = kept[position];
    if (id)
      await db
        .update(caseLines)
        .set({ ...line, position })
        .where(eq(caseLines.id, id));
    else await db.insert(caseLines).values({ ...line, caseId, position });
  }
}

/** Products an officer may name on a line (published, or its organisation's), with brand and right holder. */
export function findProductsForLines(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: products.id,
      brandId: products.brandId,
      organisationId: products.organisationId,
      status: products.status,
    })
    .from(products)
    .where(inArray(products.id, ids));
}

export function findBrandsForLines(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: brands.id, organisationId: brands.organisationId })
    .from(brands)
    .where(inArray(brands.id, ids));
}

/**
 * Moves a case from one state to another, only if it is still in `from` (two officers
 * deciding at once: one wins, the other gets a conflict). Returns whether it moved.
 */
export async function moveCase(
  db: Db,
  id: string,
  from: CaseStatus[],
  to: CaseStatus,
  extra: Partial<CaseColumns> = {},
): Promise<boolean> {
  const moved = await db
    .update(cases)
    .set({ ...extra, status: to, updatedAt: new Date() })
    .where(and(eq(cases.id, id), inArray(cases.status, from)))
    .returning({ id: cases.id });
  return moved.length > 0;
}

export async function insertEvent(db: Db, values: typeof caseEvents.$inferInsert) {
  // clock_timestamp(), not now(): events written in one transaction keep their order.
  await db.insert(caseEvents).values({ ...values, createdAt: sql`clock_timestamp()` });
}

/** The right holders with a line in the case, and whether each has answered. */
export function involvedRightHolders(db: Db, caseId: string) {
  return rowsOf<{ organisationId: string; answered: boolean }>(
    db,
    sql`select distinct l.right_holder_id as "organisationId",
          exists (select 1 from case_answers a where a.case_id = l.case_id and a.organisation_id = l.right_holder_id) as answered
        from case_lines l where l.case_id = ${caseId} and l.right_holder_id is not null`,
  );
}

/** A right holder's answer; a new one replaces its previous answer. */
export async function upsertAnswer(db: Db, values: typeof caseAnswers.$inferInsert) {
  await db
    .insert(caseAnswers)
    .values(values)
    .onConflictDoUpdate({
      target: [caseAnswers.caseId, caseAnswers.organisationId],
      set: { verdict: values.verdict, comment: values.comment, answeredBy: values.answeredBy, createdAt: new Date() },
    });
}

/** A new answer deadline, only while the case is still in `states`. Returns whether it changed. */
export async function setDeadline(db: Db, id: string, states: CaseStatus[], responseDeadline: string) {
  const changed = await db
    .update(cases)
    .set({ responseDeadline, updatedAt: new Date() })
    .where(and(eq(cases.id, id), inArray(cases.status, states)))
    .returning({ id: cases.id });
  return changed.length > 0;
}

/** Returns false when the organisation already had the case. */
export async function insertShare(db: Db, values: typeof caseShares.$inferInsert): Promise<boolean> {
  const rows = await db.insert(caseShares).values(values).onConflictDoNothing().returning({ id: caseShares.caseId });
  return rows.length > 0;
}

export async function findOrganisation(db: Db, id: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      active: organisations.active,
      name: organisations.name,
      country: organisations.country,
      responseWorkingDays: organisations.caseResponseWorkingDays,
    })
    .from(organisations)
    .where(eq(organisations.id, id))
    .limit(1);
  return row;
}

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

export async function findIdempotentAnswer(db: Db, userId: string, key: string) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row;
}

export async function insertIdempotentAnswer(db: Db, values: typeof idempotencyKeys.$inferInsert) {
  await db.insert(idempotencyKeys).values(values);
}
