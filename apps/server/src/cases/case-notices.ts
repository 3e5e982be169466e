import type { Db } from '../platform/db';
import type { Actor } from '../platform/policy';

/** What happened to a case that people may want to hear of. */
export type CaseNoticeEvent =
  | 'case.submitted' // to the right holders of its lines
  | 'case.answered' // a right holder's verdict, to customs
  | 'case.status' // an officer's decision
  | 'case.message' // a message in a conversation
  | 'case.shared' // an administration was invited
  | 'case.deadline_changed' // the officer moved the answer deadline
  | 'case.deadline_soon' // reminders to the right holders that have not answered
  | 'case.overdue'; // to customs and to the right holders that have not answered

/**
 * Who hears of it: the customs side (the administration that owns the case and those it is
 * shared with) and/or right holders of the case (each hears only of what concerns its lines).
 * The actor who caused it is never told.
 */
export interface CaseNotice {
  event: CaseNoticeEvent;
  caseId: string;
  by: Actor | null;
  to: { customs: boolean; rightHolders: readonly string[] | 'all' };
  /** Small, already scoped facts for the message (e.g. `{ verdict }`, `{ to: 'detained' }`). */
  data: Record<string, unknown>;
}

/**
 * Written inside the transaction of the change (`tx`), so the notice and the change commit
 * together or not at all (notifications/ implements it with its outbox).
 */
export type CaseNotifier = (tx: Db, notice: CaseNotice) => Promise<void>;

export const noNotices: CaseNotifier = async () => {};
