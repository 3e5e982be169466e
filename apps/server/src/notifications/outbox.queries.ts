import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db';

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return result.rows as T[];
}

export type OutboxChannel = 'email' | 'push' | 'webhook';

export interface OutboxRow {
  id: string;
  channel: OutboxChannel;
  notificationId: string | null;
  webhookId: string | null;
  payload: Record<string, unknown>;
  /** Counting this one. */
  attempts: number;
}

/**
 * Claims up to `limit` due deliveries for this worker: `for update skip locked` lets many
 * processes claim at once without waiting for or taking each other's rows, and the claim
 * moves `next_attempt_at` to the end of a lease, so the rows are not due again while this
 * worker sends them. A worker that dies mid-send leaves its rows to be claimed again when the
 * lease ends (at-least-once; the row id is the receivers' idempotency key).
 */
export function claimDue(
  db: Db,
  now: Date,
  leaseUntil: Date,
  limit: number,
  only?: readonly string[],
): Promise<OutboxRow[]> {
  return rowsOf(
    db,
    sql`update notification_outbox o
        set attempts = o.attempts + 1, next_attempt_at = ${leaseUntil.toISOString()}
        from (select id from notification_outbox
              where sent_at is null and failed_at is null and next_attempt_at <= ${now.toISOString()}
                ${only ? sql`and id in (${sql.join(only.length ? only.map((id) => sql`${id}`) : [sql`null`], sql`, `)})` : sql``}
              order by next_attempt_at
              limit ${limit}
              for update skip locked) due
        where o.id = due.id
        returning o.id, o.channel, o.notification_id as "notificationId", o.webhook_id as "webhookId",
                  o.payload, o.attempts`,
  );
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db.execute(
    sql`update notification_outbox set sent_at = ${now.toISOString()}, last_error = null where id = ${id} and sent_at is null`,
  );
}

export async function scheduleRetry(db: Db, id: string, at: Date, error: string): Promise<void> {
  await db.execute(
    sql`update notification_outbox set next_attempt_at = ${at.toISOString()}, last_error = ${error.slice(0, 1000)}
        where id = ${id} and sent_at is null`,
  );
}

export async function markFailed(db: Db, id: string, now: Date, error: string): Promise<void> {
  await db.execute(
    sql`update notification_outbox set failed_at = ${now.toISOString()}, last_error = ${error.slice(0, 1000)}
        where id = ${id} and sent_at is null`,
  );
}

/** When the next delivery is due (to sleep until then rather than poll blindly). */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const rows = await rowsOf<{ at: string | null }>(
    db,
    sql`select to_char(min(next_attempt_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
        from notification_outbox where sent_at is null and failed_at is null`,
  );
  return rows[0]?.at ? new Date(rows[0].at) : null;
}

// ---------------------------------------------------------------------------- reminders

export interface ReminderCandidate {
  caseId: string;
  deadline: string;
}

/**
 * Submitted cases whose answer deadline lies in [from, to] (dates, inclusive) and that have
 * no reminder of this kind for this deadline yet (a moved deadline gets its own reminders).
 */
export function reminderCandidates(
  db: Db,
  kind: 'soon' | 'overdue',
  range: { from?: string; to: string },
  limit = 500,
): Promise<ReminderCandidate[]> {
  return rowsOf(
    db,
    sql`select c.id as "caseId", to_char(c.response_deadline, 'YYYY-MM-DD') as deadline
        from cases c
        where c.status = 'submitted' and c.response_deadline is not null
          ${range.from ? sql`and c.response_deadline >= ${range.from}::date` : sql``}
          and c.response_deadline <= ${range.to}::date
          and not exists (select 1 from case_reminders r
                          where r.case_id = c.id and r.kind = ${kind}
                            and r.deadline = to_char(c.response_deadline, 'YYYY-MM-DD'))
        order by c.response_deadline, c.id
        limit ${limit}`,
  );
}

/** Right holders with a line in the case that have not answered. */
export function unansweredRightHolders(db: Db, caseId: string): Promise<string[]> {
  return rowsOf<{ id: string }>(
    db,
    sql`select distinct l.right_holder_id as id from case_lines l
        where l.case_id = ${caseId} and l.right_holder_id is not null
          and not exists (select 1 from case_answers a where a.case_id = l.case_id and a.organisation_id = l.right_holder_id)`,
  ).then((rows) => rows.map((r) => r.id));
}

/**
 * The once-only guard: the first process to insert the row sends the reminder (in the same
 * transaction); any other meets the primary key, waits for that commit and inserts nothing.
 * Re-checks the case's state and deadline under the same statement.
 */
export async function claimReminder(
  db: Db,
  caseId: string,
  kind: 'soon' | 'overdue',
  deadline: string,
): Promise<boolean> {
  const rows = await rowsOf(
    db,
    sql`insert into case_reminders (case_id, kind, deadline)
        select id, ${kind}, ${deadline} from cases
        where id = ${caseId} and status = 'submitted' and to_char(response_deadline, 'YYYY-MM-DD') = ${deadline}
        on conflict do nothing
        returning case_id`,
  );
  return rows.length > 0;
}

// ---------------------------------------------------------------------------- housekeeping

/** Deletes in batches (a long-stopped installation must not lock a big table at once). */
export async function purgeOld(
  db: Db,
  now: Date,
): Promise<{ idempotencyKeys: number; uploads: number; outbox: number }> {
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const day = 24 * 3600 * 1000;
  const count = async (query: SQL) => (await db.execute(query)).rows.length;
  return {
    idempotencyKeys: await count(
      sql`delete from idempotency_keys where id in
            (select id from idempotency_keys where created_at < ${ago(day)} limit 5000) returning id`,
    ),
    // Uploads never completed into a case file (their chunks go with them).
    uploads: await count(
      sql`delete from uploads where id in
            (select id from uploads where case_file_id is null and created_at < ${ago(7 * day)} limit 500) returning id`,
    ),
    // Delivered notifications' outbox rows, after 30 days (the in-app list keeps the notifications).
    outbox: await count(
      sql`delete from notification_outbox where id in
            (select id from notification_outbox where sent_at < ${ago(30 * day)} limit 5000) returning id`,
    ),
  };
}
