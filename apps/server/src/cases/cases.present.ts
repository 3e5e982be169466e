import type { Case, CaseStatus, caseTransitionTargets } from '@verity/contract';
import type { Db } from '../platform/db';
import { scopeOf, type Action, type Actor } from '../platform/policy';
import * as q from './cases.queries';
import { lineScopeSql, managesCase } from './cases.scope';
import { photosOf } from './case-files.service';

type Target = (typeof caseTransitionTargets)[number];

/**
 * The workflow: which decisions an officer may take from each state. `submitted → answered`
 * happens by itself when the last right holder answers; `draft → submitted` is `submit`.
 */
export const nextStates: Record<CaseStatus, readonly Target[]> = {
  draft: [],
  // No answer yet (or the deadline passed without one): the officer may still decide.
  submitted: ['detained', 'released', 'closed'],
  answered: ['detained', 'released', 'destroyed', 'court', 'closed'],
  detained: ['released', 'destroyed', 'court', 'closed'],
  released: ['closed'],
  destroyed: ['closed'],
  court: ['closed'],
  closed: [],
};

/** A case as this actor may see it: its lines, answers, photos and events, and what it may do next. */
export async function presentCase(h: Db, actor: Actor, row: q.CaseRow): Promise<Case> {
  const rightHolder = actor.organisationKind === 'right_holder' ? actor.organisationId : null;
  const [lines, answers, shares, events, photos] = await Promise.all([
    q.listLines(h, row.id, lineScopeSql(actor)),
    q.listAnswers(h, row.id, rightHolder),
    rightHolder ? Promise.resolve([]) : q.listShares(h, row.id),
    q.listEvents(h, row.id, rightHolder),
    photosOf(h, actor, row.id),
  ]);
  const edits = managesCase(actor, authorizeQuietly(actor, 'case.edit'), row) && row.status === 'draft';
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    organisation: { id: row.organisationId, name: row.organisationName },
    country: row.country,
    createdBy: { id: row.createdById, name: row.createdByName },
    declarationReference: row.declarationReference,
    transportMode: row.transportMode as Case['transportMode'],
    transportId: row.transportId,
    portOrOffice: row.portOrOffice,
    originCountry: row.originCountry,
    consignmentCountry: row.consignmentCountry,
    destinationCountry: row.destinationCountry,
    consignor: row.consignor,
    consignee: row.consignee,
    goodsDescription: row.goodsDescription,
    declaredValue: row.declaredValue === null ? null : Number(row.declaredValue),
    declaredCurrency: row.declaredCurrency,
    goodsLocation: row.goodsLocation,
    assessment: row.assessment,
    responseDeadline: row.responseDeadline,
    overdue: row.overdue,
    submittedAt: row.submittedAt,
    answeredAt: row.answeredAt,
    closedAt: row.closedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lines: lines.map((l) => ({
      id: l.id,
      product: l.productId ? { id: l.productId, name: l.productName ?? {}, reference: l.productReference } : null,
      brand: l.brandId ? { id: l.brandId, name: l.brandName ?? '' } : null,
      rightHolder: l.rightHolderId ? { id: l.rightHolderId, name: l.rightHolderName ?? '' } : null,
      description: l.description,
      quantity: Number(l.quantity),
      unit: l.unit as Case['lines'][number]['unit'],
    })),
    answers: answers.map((a) => ({
      rightHolder: { id: a.organisationId, name: a.organisationName },
      verdict: a.verdict as Case['answers'][number]['verdict'],
      comment: a.comment,
      answeredBy: { id: a.userId, name: a.userName },
      answeredAt: a.createdAt,
    })),
    shares: shares.map((s) => ({
      organisation: { id: s.organisationId, name: s.organisationName },
      country: s.country,
      sharedAt: s.createdAt,
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      by: { id: e.userId, name: e.userName },
      organisation: { id: e.organisationId, name: e.organisationName },
      from: e.fromStatus,
      to: e.toStatus,
      reason: e.reason,
      details: e.details,
      at: e.createdAt,
    })),
    photos,
    can: {
      edit: edits,
      submit: edits,
      answer: !!rightHolder && !!scopeOf(actor, 'case.answer') && ['submitted', 'answered'].includes(row.status),
      share: managesCase(actor, authorizeQuietly(actor, 'case.share'), row) && row.status !== 'closed',
      deadline:
        managesCase(actor, authorizeQuietly(actor, 'case.deadline'), row) &&
        (row.status === 'submitted' || row.status === 'answered'),
      transition: scopeOf(actor, 'case.transition') && !rightHolder ? [...nextStates[row.status]] : [],
      photo: !!scopeOf(actor, 'case.photo') && !rightHolder && row.status !== 'closed',
    },
  };
}

/** The actor's scope for an action, without throwing (for `can` flags). */
function authorizeQuietly(actor: Actor, action: Action) {
  const scope = scopeOf(actor, action);
  return scope && { scope, organisationId: actor.organisationId };
}
