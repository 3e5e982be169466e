import { sql, type SQL } from 'drizzle-orm';
import type { Language, NotificationEvent, Role } from '@verity/contract';
import type { Db } from '../platform/db';
import {
  notificationOutbox,
  notifications,
  notificationPreferences,
  pushSubscriptions,
  webhooks,
} from './notifications.tables';

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return result.rows as T[];
}

/** A timestamp as ISO 8601 in UTC, the same on every driver. */
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** `(a, b, c)` for `in`: never called with an empty list. */
const list = (values: readonly string[]) =>
  sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

// ---------------------------------------------------------------------------- recipients

export interface Recipient {
  userId: string;
  role: Role;
  organisationId: string;
  email: string;
  locale: Language | null;
}

export interface CaseFacts {
  id: string;
  reference: string;
  organisationId: string;
}

export async function findCaseFacts(db: Db, caseId: string): Promise<CaseFacts | undefined> {
  const rows = await rowsOf<CaseFacts>(
    db,
    sql`select id, reference, organisation_id as "organisationId" from cases where id = ${caseId}`,
  );
  return rows[0];
}

const recipientColumns = sql`distinct on (u.id) u.id as "userId", m.role, m.organisation_id as "organisationId",
  u.email, u.locale`;
const activeMembers = sql`memberships m join users u on u.id = m.user_id join organisations o on o.id = m.organisation_id
  where m.active and u.active and o.active`;

/** Officers and administration admins of the administration that owns the case and of those it is shared with. */
export function customsRecipients(db: Db, caseId: string): Promise<Recipient[]> {
  return rowsOf(
    db,
    sql`select ${recipientColumns} from ${activeMembers}
          and m.role in ('officer', 'administration_admin')
          and m.organisation_id in (select organisation_id from cases where id = ${caseId}
                                    union select organisation_id from case_shares where case_id = ${caseId})
        order by u.id, m.created_at`,
  );
}

/** The right holders with a line in the case (all, or only those named); never one without a line. */
export function involvedRightHolderIds(db: Db, caseId: string, only: readonly string[] | 'all'): Promise<string[]> {
  if (only !== 'all' && only.length === 0) return Promise.resolve([]);
  return rowsOf<{ id: string }>(
    db,
    sql`select distinct right_holder_id as id from case_lines
        where case_id = ${caseId} and right_holder_id is not null
          ${only === 'all' ? sql`` : sql`and right_holder_id in ${list(only)}`}`,
  ).then((rows) => rows.map((r) => r.id));
}

/** Members of these right-holder organisations. */
export function rightHolderRecipients(db: Db, organisationIds: readonly string[]): Promise<Recipient[]> {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return rowsOf(
    db,
    sql`select ${recipientColumns} from ${activeMembers}
          and m.role in ('right_holder_editor', 'right_holder_admin')
          and m.organisation_id in ${list(organisationIds)}
        order by u.id, m.created_at`,
  );
}

export function customsOrganisationIds(db: Db, caseId: string): Promise<string[]> {
  return rowsOf<{ id: string }>(
    db,
    sql`select organisation_id as id from cases where id = ${caseId}
        union select organisation_id from case_shares where case_id = ${caseId}`,
  ).then((rows) => rows.map((r) => r.id));
}

export interface PreferenceRow {
  userId: string;
  inApp: boolean;
  email: boolean;
  push: boolean;
}

export function preferencesFor(db: Db, event: string, userIds: readonly string[]): Promise<PreferenceRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return rowsOf(
    db,
    sql`select user_id as "userId", in_app as "inApp", email, push from notification_preferences
        where event = ${event} and user_id in ${list(userIds)}`,
  );
}

/** Of these users, those with at least one push subscription. */
export function usersWithPush(db: Db, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return Promise.resolve(new Set());
  return rowsOf<{ id: string }>(
    db,
    sql`select distinct user_id as id from push_subscriptions where user_id in ${list(userIds)}`,
  ).then((rows) => new Set(rows.map((r) => r.id)));
}

export interface WebhookTarget {
  id: string;
  organisationId: string;
}

export function webhooksFor(db: Db, event: string, organisationIds: readonly string[]): Promise<WebhookTarget[]> {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return rowsOf(
    db,
    sql`select id, organisation_id as "organisationId" from webhooks
        where active and ${event} = any(events) and organisation_id in ${list(organisationIds)}`,
  );
}

// ---------------------------------------------------------------------------- writes of a notice

export async function insertNotifications(
  db: Db,
  values: (typeof notifications.$inferInsert)[],
): Promise<{ id: string; userId: string }[]> {
  if (values.length === 0) return [];
  return db.insert(notifications).values(values).returning({ id: notifications.id, userId: notifications.userId });
}

export async function insertOutbox(db: Db, values: (typeof notificationOutbox.$inferInsert)[]): Promise<void> {
  if (values.length === 0) return;
  await db.insert(notificationOutbox).values(values);
}

/**
 * NOTIFY inside the caller's transaction: PostgreSQL delivers it only when (and if) the
 * transaction commits, so a stream never announces what was rolled back.
 */
export async function notifyChannel(db: Db, channel: string, payload: string): Promise<void> {
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}

// ---------------------------------------------------------------------------- in-app list

export interface NotificationRow {
  id: string;
  event: NotificationEvent;
  caseId: string | null;
  reference: string | null;
  data: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
}

const notificationColumns = sql`n.id, n.event, n.case_id as "caseId", c.reference, n.data,
  ${iso(sql`n.read_at`)} as "readAt", ${iso(sql`n.created_at`)} as "createdAt"`;

/** Newest first; `before` is the last id of the previous page. */
export function listNotifications(
  db: Db,
  userId: string,
  options: { before?: string | undefined; unreadOnly: boolean; limit: number },
): Promise<NotificationRow[]> {
  return rowsOf(
    db,
    sql`select ${notificationColumns} from notifications n left join cases c on c.id = n.case_id
        where n.user_id = ${userId}
          ${options.unreadOnly ? sql`and n.read_at is null` : sql``}
          ${
            options.before
              ? sql`and (n.created_at, n.id) < (select created_at, id from notifications where id = ${options.before} and user_id = ${userId})`
              : sql``
          }
        order by n.created_at desc, n.id desc
        limit ${options.limit}`,
  );
}

/** Oldest first: what came after `after` (the stream's resume point), at most `limit`. */
export function notificationsAfter(
  db: Db,
  userId: string,
  after: string | null,
  limit: number,
): Promise<NotificationRow[]> {
  return rowsOf(
    db,
    sql`select ${notificationColumns} from notifications n left join cases c on c.id = n.case_id
        where n.user_id = ${userId}
          ${
            after
              ? sql`and (n.created_at, n.id) > (select created_at, id from notifications where id = ${after} and user_id = ${userId})`
              : sql``
          }
        order by n.created_at, n.id
        limit ${limit}`,
  );
}

export async function latestNotificationId(db: Db, userId: string): Promise<string | null> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select id from notifications where user_id = ${userId} order by created_at desc, id desc limit 1`,
  );
  return rows[0]?.id ?? null;
}

export async function notificationExists(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await rowsOf(db, sql`select 1 from notifications where id = ${id} and user_id = ${userId}`);
  return rows.length > 0;
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const rows = await rowsOf<{ n: number | string }>(
    db,
    sql`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function markRead(db: Db, userId: string, ids: readonly string[] | 'all', now: Date): Promise<number> {
  const rows = await rowsOf(
    db,
    sql`update notifications set read_at = ${now.toISOString()}
        where user_id = ${userId} and read_at is null
          ${ids === 'all' ? sql`` : sql`and id in ${list(ids)}`}
        returning id`,
  );
  return rows.length;
}

// ---------------------------------------------------------------------------- preferences

export function listPreferences(db: Db, userId: string): Promise<(PreferenceRow & { event: string })[]> {
  return rowsOf(
    db,
    sql`select user_id as "userId", event, in_app as "inApp", email, push from notification_preferences
        where user_id = ${userId}`,
  );
}

export async function upsertPreferences(
  db: Db,
  values: (typeof notificationPreferences.$inferInsert)[],
): Promise<void> {
  if (values.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(values)
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.event],
      set: { inApp: sql`excluded.in_app`, email: sql`excluded.email`, push: sql`excluded.push` },
    });
}

// ---------------------------------------------------------------------------- push subscriptions

export async function upsertPushSubscription(db: Db, values: typeof pushSubscriptions.$inferInsert): Promise<void> {
  // The endpoint is the browser's: signing in as someone else on the device moves it to them.
  await db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { userId: values.userId, p256dh: values.p256dh, auth: values.auth, createdAt: sql`now()` },
    });
}

export async function deletePushSubscription(db: Db, userId: string, endpoint: string): Promise<boolean> {
  const rows = await rowsOf(
    db,
    sql`delete from push_subscriptions where user_id = ${userId} and endpoint = ${endpoint} returning id`,
  );
  return rows.length > 0;
}

export async function deletePushSubscriptionById(db: Db, id: string): Promise<void> {
  await db.execute(sql`delete from push_subscriptions where id = ${id}`);
}

export interface PushSubscriptionRow {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

export function pushSubscriptionsOf(db: Db, userId: string): Promise<PushSubscriptionRow[]> {
  return rowsOf(db, sql`select id, endpoint, p256dh, auth from push_subscriptions where user_id = ${userId}`);
}

// ---------------------------------------------------------------------------- webhooks

export interface WebhookRow {
  id: string;
  organisationId: string;
  url: string;
  events: NotificationEvent[];
  active: boolean;
  createdAt: string;
  failedDeliveries: number;
  pendingDeliveries: number;
}

const webhookColumns = sql`w.id, w.organisation_id as "organisationId", w.url, w.events, w.active,
  ${iso(sql`w.created_at`)} as "createdAt",
  (select count(*)::int from notification_outbox o where o.webhook_id = w.id and o.failed_at is not null) as "failedDeliveries",
  (select count(*)::int from notification_outbox o where o.webhook_id = w.id and o.sent_at is null and o.failed_at is null) as "pendingDeliveries"`;

export function listWebhooks(db: Db, organisationId: string): Promise<WebhookRow[]> {
  return rowsOf(
    db,
    sql`select ${webhookColumns} from webhooks w where w.organisation_id = ${organisationId} order by w.created_at, w.id`,
  );
}

export async function findWebhook(db: Db, id: string): Promise<WebhookRow | undefined> {
  return (await rowsOf<WebhookRow>(db, sql`select ${webhookColumns} from webhooks w where w.id = ${id}`))[0];
}

export async function countWebhooks(db: Db, organisationId: string): Promise<number> {
  const rows = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from webhooks where organisation_id = ${organisationId}`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function insertWebhook(db: Db, values: typeof webhooks.$inferInsert): Promise<string> {
  const [row] = await db.insert(webhooks).values(values).returning({ id: webhooks.id });
  return row!.id;
}

export async function deleteWebhook(db: Db, id: string, organisationId: string): Promise<boolean> {
  const rows = await rowsOf(
    db,
    sql`delete from webhooks where id = ${id} and organisation_id = ${organisationId} returning id`,
  );
  return rows.length > 0;
}

export async function webhookSecret(db: Db, id: string): Promise<{ url: string; secret: string } | undefined> {
  return (await rowsOf<{ url: string; secret: string }>(db, sql`select url, secret from webhooks where id = ${id}`))[0];
}
