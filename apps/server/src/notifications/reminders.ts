import type { FastifyBaseLogger } from 'fastify';
import type { CaseNotifier } from '../cases/case-notices';
import { addWorkingDays } from '../cases/working-days';
import type { Db } from '../platform/db';
import * as outbox from './outbox.queries';

/** How many working days before the deadline right holders are reminded. */
export const REMINDER_WORKING_DAYS = 2;
const MINUTE = 60_000;

/**
 * Deadline reminders and housekeeping, every minute in every process. Each reminder goes once
 * per (case, kind, deadline) however many processes run it: `case_reminders`' insert … on
 * conflict do nothing decides, in the transaction that writes the notice.
 */
export function createScheduler({
  db,
  notify,
  clock,
  log,
}: {
  db: Db;
  notify: CaseNotifier;
  clock: () => Date;
  log: FastifyBaseLogger;
}) {
  async function remind(kind: 'soon' | 'overdue', candidate: outbox.ReminderCandidate): Promise<boolean> {
    return db.transaction(async (tx) => {
      const waiting = await outbox.unansweredRightHolders(tx, candidate.caseId);
      if (waiting.length === 0) return false;
      if (!(await outbox.claimReminder(tx, candidate.caseId, kind, candidate.deadline))) return false;
      await notify(tx, {
        event: kind === 'soon' ? 'case.deadline_soon' : 'case.overdue',
        caseId: candidate.caseId,
        by: null,
        // Overdue: customs learn it too; the right holders hear only of their own lateness.
        to: { customs: kind === 'overdue', rightHolders: waiting },
        data: { responseDeadline: candidate.deadline },
      });
      return true;
    });
  }

  /**
   * Sends the reminders due at `now`: `case.deadline_soon` once the deadline is at most
   * REMINDER_WORKING_DAYS working days away, `case.overdue` once its day is over.
   */
  async function sendReminders(now = clock()): Promise<{ soon: number; overdue: number }> {
    const today = now.toISOString().slice(0, 10);
    const sent = { soon: 0, overdue: 0 };
    const soonBy = addWorkingDays(now, REMINDER_WORKING_DAYS);
    for (const candidate of await outbox.reminderCandidates(db, 'soon', { from: today, to: soonBy }))
      if (await remind('soon', candidate)) sent.soon++;
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 24 * 3600 * 1000).toISOString().slice(0, 10);
    for (const candidate of await outbox.reminderCandidates(db, 'overdue', { to: yesterday }))
      if (await remind('overdue', candidate)) sent.overdue++;
    return sent;
  }

  /** Idempotency keys after 24 h, uploads never completed after 7 days, delivered outbox rows after 30 days. */
  const housekeeping = (now = clock()) => outbox.purgeOld(db, now);

  async function runOnce(now = clock()) {
    const reminders = await sendReminders(now);
    const purged = await housekeeping(now);
    return { reminders, purged };
  }

  let timer: NodeJS.Timeout | undefined;
  let first: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = runOnce()
      .catch((error: unknown) => log.error({ err: error }, 'reminders and housekeeping failed'))
      .finally(() => {
        running = undefined;
      });
  };
  return {
    runOnce,
    sendReminders,
    housekeeping,
    start() {
      // A first pass soon after start (not at once: start-up has enough to do), then every minute.
      first = setTimeout(tick, 10_000);
      first.unref();
      timer = setInterval(tick, MINUTE);
      timer.unref();
    },
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
