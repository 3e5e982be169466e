import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../organisations/organisations.tables';
import { cases } from '../cases/cases.tables';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** What happened, for one user: the in-app list (and what e-mail, push and webhooks are made from). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** e.g. `case.submitted`, `case.answered`, `case.message`, `case.deadline_soon`. */
    event: text('event').notNull(),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt, t.id)],
);

/**
 * The transactional outbox: a delivery (e-mail, push, webhook) is written in the same
 * transaction as the change it tells about, and sent afterwards by a worker that claims rows
 * with `for update skip locked`. A crash before the commit sends nothing; after it, the row is
 * sent later. The row id goes with the delivery (Message-ID, webhook id) so a receiver can drop
 * the rare repeat of a delivery that was sent but not yet marked when the process died.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').$type<'email' | 'push' | 'webhook'>().notNull(),
    notificationId: uuid('notification_id').references(() => notifications.id, { onDelete: 'cascade' }),
    webhookId: uuid('webhook_id').references(() => webhooks.id, { onDelete: 'cascade' }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notification_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
    check('notification_outbox_channel_check', sql`${t.channel} in ('email','push','webhook')`),
  ],
);

/** Per user and event: which channels it goes to. No row: the defaults (contract). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    inApp: boolean('in_app').notNull(),
    email: boolean('email').notNull(),
    push: boolean('push').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.event] })],
);

/** A browser's Web Push subscription (VAPID). */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_key').on(t.endpoint),
    index('push_subscriptions_user_idx').on(t.userId),
  ],
);

/** A right holder's (or administration's) own system, told of events by signed POSTs. */
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** HMAC-SHA256 key; shown once when made. */
    secret: text('secret').notNull(),
    events: text('events').array().notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('webhooks_org_idx').on(t.organisationId)],
);

/** Deadline reminders already sent, so that each goes once whatever the number of processes. */
export const caseReminders = pgTable(
  'case_reminders',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** `soon` (before the deadline) or `overdue`, with the deadline it was about. */
    kind: text('kind').notNull(),
    deadline: text('deadline').notNull(),
    sentAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.kind, t.deadline] })],
);
