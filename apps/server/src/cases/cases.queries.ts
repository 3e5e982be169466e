import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
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

export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return result.rows as T[];
}

/** A timestamp as ISO 8601 in UTC, the same on every driver. */
export const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Overdue: submitted, not yet answered, and the day of the deadline is over (`today` from the clock). */
export const overdueSql = (today: string) =>
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
