import type {
  Case,
  CaseFacets,
  CaseInputSchema,
  CasePatchSchema,
  CaseStats,
  CaseSummary,
  caseTransitionTargets,
} from '@verity/contract';
import type { z } from 'zod';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { decodeCursor, pageOf } from '../platform/pagination';
import { authorize, scopeOf, type Action, type Actor } from '../platform/policy';
import * as q from './cases.queries';
import * as lists from './case-lists.queries';
import { caseScopeSql, lineScopeSql } from './cases.scope';
import { idempotent, type StoredAnswer } from './idempotency';
import { addWorkingDays, RESPONSE_WORKING_DAYS } from './working-days';
import { noNotices, type CaseNotifier } from './case-notices';
import { nextStates, presentCase } from './cases.present';

/** The fewest cases a country may have in a month to be named in the statistics. */
export const STATS_COUNTRY_THRESHOLD = 3;

type CaseInput = z.output<typeof CaseInputSchema>;
type CasePatch = z.output<typeof CasePatchSchema>;
type Target = (typeof caseTransitionTargets)[number];
/** At most this many right holders and brands among the filter choices (the most frequent). */
const FACET_LIMIT = 200;

/** Reading and deciding reach the cases shared with the actor's administration; changing a draft or sharing does not. */
const reachesShared = (action: Action) =>
  action !== 'case.edit' && action !== 'case.share' && action !== 'case.deadline';

/** Shipment columns from a body: only what was sent (a PATCH leaves the rest as it is). */
function columnsOf(input: Partial<CaseInput>): Partial<q.CaseColumns> {
  const { lines: _lines, declaredValue, ...rest } = input;
  const columns: Partial<q.CaseColumns> = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  );
  if (declaredValue !== undefined) columns.declaredValue = declaredValue === null ? null : String(declaredValue);
  return columns;
}

/** Cases: drafts, submission to the right holders, their answers, the officers' decisions. */
export function createCasesService({
  db,
  clock = () => new Date(),
  notify = noNotices,
}: {
  db: Db;
  clock?: () => Date;
  /** Told of each change inside its transaction (notifications' outbox). */
  notify?: CaseNotifier;
}) {
  const today = () => clock().toISOString().slice(0, 10);

  /**
   * The case for an action: FORBIDDEN when the role may never do it, or when the actor sees
   * the case but may not do this to it; CASE_NOT_FOUND when it lies outside what the actor sees.
   */
  async function load(actor: Actor, action: Action, id: string, h: Db = db): Promise<q.CaseRow> {
    const scope = authorize(actor, action);
    const row = await q.findCase(h, id, caseScopeSql(actor, scope, { withShared: reachesShared(action) }), today());
    if (row) return row;
    const readScope = action === 'case.read' ? undefined : scopeOf(actor, 'case.read');
    if (readScope) {
      const readable = { scope: readScope, organisationId: actor.organisationId };
      if (await q.findCase(h, id, caseScopeSql(actor, readable, { withShared: true }), today()))
        throw new AppError('FORBIDDEN', { action });
    }
    throw new AppError('CASE_NOT_FOUND');
  }

  async function presentById(actor: Actor, id: string, h: Db) {
    return presentCase(h, actor, await load(actor, 'case.read', id, h));
  }

  /** Products and brands named on lines, with the right holder each line goes to. */
  async function resolveLines(h: Db, lines: CaseInput['lines']): Promise<q.LineValues[]> {
    const productIds = [...new Set(lines.flatMap((l) => (l.productId ? [l.productId] : [])))];
    const brandIds = [...new Set(lines.flatMap((l) => (!l.productId && l.brandId ? [l.brandId] : [])))];
    const [foundProducts, foundBrands] = await Promise.all([
      q.findProductsForLines(h, productIds),
      q.findBrandsForLines(h, brandIds),
    ]);
    return lines.map((line) => {
      let brandId: string | null = null;
      let rightHolderId: string | null = null;
      if (line.productId) {
        // Officers read published products only: a draft looks as if it did not exist.
        const product = foundProducts.find((p) => p.id === line.productId && p.status === 'published');
        if (!product) throw new AppError('PRODUCT_NOT_FOUND', { productId: line.productId });
        brandId = product.brandId;
        rightHolderId = product.organisationId;
      } else if (line.brandId) {
        const brand = foundBrands.find((b) => b.id === line.brandId);
        if (!brand) throw new AppError('BRAND_NOT_FOUND', { brandId: line.brandId });
        brandId = brand.id;
        rightHolderId = brand.organisationId;
      }
      return {
        productId: line.productId,
        brandId,
        rightHolderId,
        description: line.description,
        quantity: String(line.quantity),
        unit: line.unit,
      };
    });
  }

  async function readCase(actor: Actor, id: string): Promise<Case> {
    return presentCase(db, actor, await load(actor, 'case.read', id));
  }

  async function listCases(
    actor: Actor,
    query: lists.CaseFilter & { sort?: lists.CaseSort | undefined; cursor?: string | undefined; limit: number },
  ): Promise<{ items: CaseSummary[]; nextCursor: string | null }> {
    const scope = authorize(actor, 'case.read');
    if (query.from && query.to && query.to < query.from)
      throw new AppError('CASE_FILTER_DATES_INVALID', { from: query.from, to: query.to });
    const sort = query.sort ?? 'newest';
    const after = decodeCursor(query.cursor, lists.caseCursor);
    // A cursor carries its order's key: one of the other order is stale, not a page.
    if (after && (after.length === 4) !== (sort === 'deadline')) throw new AppError('SEARCH_CURSOR_INVALID');
    const rows = await lists.listCases(
      db,
      caseScopeSql(actor, scope, { withShared: true }),
      lineScopeSql(actor),
      query,
      today(),
      { sort, after, limit: query.limit },
    );
    const page = pageOf(rows, query.limit, (r) =>
      sort === 'deadline' ? ['deadline', r.responseDeadline, r.sortKey, r.id] : [r.sortKey, r.id],
    );
    return {
      items: page.items.map(({ sortKey: _sortKey, organisationId, organisationName, ...row }) => ({
        ...row,
        organisation: { id: organisationId, name: organisationName },
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** The filter choices of the caller's list: counts per state, transport mode, right holder and brand. */
  async function caseFacets(actor: Actor): Promise<CaseFacets> {
    const scope = authorize(actor, 'case.read');
    const facets = await lists.caseFacets(
      db,
      caseScopeSql(actor, scope, { withShared: true }),
      lineScopeSql(actor),
      FACET_LIMIT,
    );
    return {
      total: facets.statuses.reduce((sum, s) => sum + s.count, 0),
      ...facets,
      transportModes: facets.transportModes as CaseFacets['transportModes'],
    };
  }

  /** A draft; with an `Idempotency-Key`, a retried request gets the first answer, never a second case. */
  async function createCase(actor: Actor, input: CaseInput, key?: string): Promise<StoredAnswer<Case>> {
    authorize(actor, 'case.create');
    const country = actor.country;
    if (!country) throw new AppError('ORGANISATION_COUNTRY_REQUIRED');
    return idempotent(db, { userId: actor.userId, key, route: 'POST /api/v1/cases', body: input }, async (tx) => {
      const lines = await resolveLines(tx, input.lines);
      const year = clock().getUTCFullYear();
      const number = await q.nextReferenceNumber(tx, country, year);
      const id = await q.insertCase(tx, {
        ...columnsOf(input),
        reference: `${country}-${year}-${String(number).padStart(6, '0')}`,
        organisationId: actor.organisationId,
        country,
        createdBy: actor.userId,
      });
      await q.replaceLines(tx, id, lines);
      await q.insertEvent(tx, {
        caseId: id,
        kind: 'created',
        userId: actor.userId,
        organisationId: actor.organisationId,
        toStatus: 'draft',
      });
      return { status: 201, body: await presentById(actor, id, tx) };
    });
  }

  /** Autosave of a draft: the fields sent replace the current ones; `lines`, when sent, replace all lines. */
  async function updateDraft(actor: Actor, id: string, patch: CasePatch): Promise<Case> {
    return db.transaction(async (tx) => {
      const row = await load(actor, 'case.edit', id, tx);
      if (row.status !== 'draft' || !(await q.updateDraft(tx, id, columnsOf(patch))))
        throw new AppError('CASE_STATE_INVALID', { status: row.status });
      if (patch.lines) await q.replaceLines(tx, id, await resolveLines(tx, patch.lines));
      return presentById(actor, id, tx);
    });
  }

  /** draft → submitted: the right holders of its lines are asked to answer by the deadline. */
  async function submitCase(actor: Actor, id: string, key?: string): Promise<StoredAnswer<Case>> {
    authorize(actor, 'case.edit');
    const request = { userId: actor.userId, key, route: `POST /api/v1/cases/${id}/submit`, body: {} };
    return idempotent(db, request, async (tx) => {
      const row = await load(actor, 'case.edit', id, tx);
      if (row.status !== 'draft') throw new AppError('CASE_STATE_INVALID', { status: row.status });
      if ((await q.involvedRightHolders(tx, id)).length === 0) throw new AppError('CASE_HAS_NO_LINES');
      const now = clock();
      // The owning administration's own number of working days (organisations' case settings), else 10.
      const workingDays =
        (await q.findOrganisation(tx, row.organisationId))?.responseWorkingDays ?? RESPONSE_WORKING_DAYS;
      const responseDeadline = addWorkingDays(now, workingDays);
      if (!(await q.moveCase(tx, id, ['draft'], 'submitted', { responseDeadline, submittedAt: now })))
        throw new AppError('CASE_STATE_INVALID', { status: row.status });
      await q.insertEvent(tx, {
        caseId: id,
        kind: 'status',
        userId: actor.userId,
        organisationId: actor.organisationId,
        fromStatus: 'draft',
        toStatus: 'submitted',
        details: { responseDeadline, workingDays },
      });
      await notify(tx, {
        event: 'case.submitted',
        caseId: id,
        by: actor,
        to: { customs: false, rightHolders: 'all' },
        data: { responseDeadline },
      });
      return { status: 200, body: await presentById(actor, id, tx) };
    });
  }

  /**
   * A right holder's verdict on its lines (a new answer replaces its earlier one). The case
   * becomes `answered` when every right holder with a line in it has answered.
   */
  async function answerCase(
    actor: Actor,
    id: string,
    input: { verdict: Case['answers'][number]['verdict']; comment: string | null },
  ): Promise<Case> {
    return db.transaction(async (tx) => {
      const row = await load(actor, 'case.answer', id, tx);
      if (row.status !== 'submitted' && row.status !== 'answered')
        throw new AppError('CASE_STATE_INVALID', { status: row.status });
      await q.upsertAnswer(tx, {
        caseId: id,
        organisationId: actor.organisationId,
        answeredBy: actor.userId,
        ...input,
      });
      await q.insertEvent(tx, {
        caseId: id,
        kind: 'answer',
        userId: actor.userId,
        organisationId: actor.organisationId,
        reason: input.comment,
        details: { verdict: input.verdict },
      });
      await notify(tx, {
        event: 'case.answered',
        caseId: id,
        by: actor,
        to: { customs: true, rightHolders: [] },
        data: { verdict: input.verdict },
      });
      const involved = await q.involvedRightHolders(tx, id);
      if (row.status === 'submitted' && involved.every((r) => r.answered)) {
        if (await q.moveCase(tx, id, ['submitted'], 'answered', { answeredAt: clock() }))
          await q.insertEvent(tx, {
            caseId: id,
            kind: 'status',
            userId: actor.userId,
            organisationId: actor.organisationId,
            fromStatus: 'submitted',
            toStatus: 'answered',
            details: { cause: 'all_answered' }, // a code: the reader's app words it in their language
          });
      }
      return presentById(actor, id, tx);
    });
  }

  /** An officer's decision: detained, released, destroyed, handed to court, closed — only from allowed states. */
  async function transitionCase(actor: Actor, id: string, input: { to: Target; reason: string }): Promise<Case> {
    return db.transaction(async (tx) => {
      const row = await load(actor, 'case.transition', id, tx);
      const moved =
        nextStates[row.status].includes(input.to) &&
        (await q.moveCase(tx, id, [row.status], input.to, input.to === 'closed' ? { closedAt: clock() } : {}));
      if (!moved) throw new AppError('CASE_STATE_INVALID', { status: row.status, to: input.to });
      await q.insertEvent(tx, {
        caseId: id,
        kind: 'status',
        userId: actor.userId,
        organisationId: actor.organisationId,
        fromStatus: row.status,
        toStatus: input.to,
        reason: input.reason,
      });
      await notify(tx, {
        event: 'case.status',
        caseId: id,
        by: actor,
        to: { customs: true, rightHolders: row.status === 'draft' ? [] : 'all' },
        data: { from: row.status, to: input.to },
      });
      return presentById(actor, id, tx);
    });
  }

  /** Invites another customs administration (e.g. the country of departure): it then sees the case and may decide. */
  async function shareCase(actor: Actor, id: string, organisationId: string): Promise<Case> {
    return db.transaction(async (tx) => {
      const row = await load(actor, 'case.share', id, tx);
      const target = await q.findOrganisation(tx, organisationId);
      if (!target?.active) throw new AppError('ORGANISATION_NOT_FOUND');
      if ((target.kind !== 'customs' && target.kind !== 'agency') || target.id === row.organisationId)
        throw new AppError('CASE_SHARE_INVALID');
      if (await q.insertShare(tx, { caseId: id, organisationId, invitedBy: actor.userId }))
        await q.insertEvent(tx, {
          caseId: id,
          kind: 'share',
          userId: actor.userId,
          organisationId: actor.organisationId,
          details: { organisationId, organisationName: target.name, country: target.country },
        });
      await notify(tx, {
        event: 'case.shared',
        caseId: id,
        by: actor,
        to: { customs: true, rightHolders: [] },
        data: { organisationId },
      });
      return presentById(actor, id, tx);
    });
  }

  /**
   * The owning administration moves one case's answer deadline while answers are awaited (e.g. a
   * right holder asked for more time); recorded with who, when and why.
   */
  async function changeDeadline(actor: Actor, id: string, input: { responseDeadline: string; reason: string }) {
    return db.transaction(async (tx) => {
      const row = await load(actor, 'case.deadline', id, tx);
      const open = ['submitted', 'answered'] as const;
      if (!open.includes(row.status as (typeof open)[number]))
        throw new AppError('CASE_STATE_INVALID', { status: row.status });
      if (input.responseDeadline < today()) throw new AppError('DEADLINE_IN_PAST', { today: today() });
      if (!(await q.setDeadline(tx, id, [...open], input.responseDeadline)))
        throw new AppError('CASE_STATE_INVALID', { status: row.status });
      await q.insertEvent(tx, {
        caseId: id,
        kind: 'deadline',
        userId: actor.userId,
        organisationId: actor.organisationId,
        reason: input.reason,
        details: { from: row.responseDeadline, to: input.responseDeadline },
      });
      await notify(tx, {
        event: 'case.deadline_changed',
        caseId: id,
        by: actor,
        to: { customs: true, rightHolders: 'all' },
        data: { responseDeadline: input.responseDeadline },
      });
      return presentById(actor, id, tx);
    });
  }

  /**
   * Anonymised counts for the secretariat: by country, state and month; no references, no
   * parties. A country with fewer than STATS_COUNTRY_THRESHOLD cases in a month could single a
   * case out: it is counted among "other countries" (country null) for that month.
   */
  async function caseStats(
    actor: Actor,
    query: { from?: string | undefined; to?: string | undefined },
  ): Promise<CaseStats> {
    authorize(actor, 'case.stats');
    if (query.from && query.to && query.to < query.from)
      throw new AppError('CASE_FILTER_DATES_INVALID', { from: query.from, to: query.to });
    const groups = await lists.caseStats(db, query, STATS_COUNTRY_THRESHOLD);
    return {
      groups,
      total: groups.reduce((sum, g) => sum + g.count, 0),
      countryThreshold: STATS_COUNTRY_THRESHOLD,
    };
  }

  return {
    readCase,
    listCases,
    caseFacets,
    createCase,
    updateDraft,
    submitCase,
    answerCase,
    transitionCase,
    shareCase,
    changeDeadline,
    caseStats,
  };
}
export type CasesService = ReturnType<typeof createCasesService>;
