import { randomBytes } from 'node:crypto';
import {
  defaultNotificationPreference,
  notificationEvents,
  type NotificationList,
  type NotificationPreference,
  type NotificationPreferences,
  type NotificationReadInput,
  type PushSubscriptionInput,
  type Webhook,
  type WebhookCreated,
  type WebhookInput,
} from '@verity/contract';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { idCursor } from '../platform/cursors';
import { decodeCursor, pageOf } from '../platform/pagination';
import { authorize, type Actor } from '../platform/policy';
import * as q from './notifications.queries';
import { NOTIFICATIONS_CHANNEL } from './notifier';
import { presentNotification } from './stream';

/** An organisation keeps at most this many webhooks. */
export const WEBHOOK_LIMIT = 10;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Loopback, private (RFC 1918, RFC 4193), link-local and unspecified IP literals. */
function isPrivateAddress(hostname: string): boolean {
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(hostname);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (hostname.startsWith('[')) {
    const v6 = hostname.slice(1, -1).toLowerCase();
    return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('::ffff:');
  }
  return hostname.endsWith('.localhost') || hostname.endsWith('.local') || hostname.endsWith('.internal');
}

function presentWebhook(row: q.WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    active: row.active,
    createdAt: row.createdAt,
    failedDeliveries: Number(row.failedDeliveries),
    pendingDeliveries: Number(row.pendingDeliveries),
  };
}

/** A user's notifications, their choices, their devices' push subscriptions; an organisation's webhooks. */
export function createNotificationsService({
  db,
  clock = () => new Date(),
  production,
  vapidPublicKey,
}: {
  db: Db;
  clock?: () => Date;
  /** Production refuses http:// webhooks, even to localhost. */
  production: boolean;
  vapidPublicKey: string;
}) {
  async function listNotifications(
    actor: Actor,
    query: { cursor?: string | undefined; limit: number; unread: boolean },
  ): Promise<NotificationList> {
    const before = decodeCursor(query.cursor, idCursor)?.[0];
    const rows = await q.listNotifications(db, actor.userId, {
      before,
      unreadOnly: query.unread,
      limit: query.limit + 1,
    });
    const page = pageOf(rows, query.limit, (row) => [row.id]);
    return {
      items: page.items.map(presentNotification),
      nextCursor: page.nextCursor,
      unread: await q.countUnread(db, actor.userId),
    };
  }

  /** Marks some or all as read; the user's other devices hear of it through their streams. */
  async function markRead(actor: Actor, input: NotificationReadInput) {
    return db.transaction(async (tx) => {
      const updated = await q.markRead(tx, actor.userId, 'all' in input ? 'all' : input.ids, clock());
      if (updated > 0) await q.notifyChannel(tx, NOTIFICATIONS_CHANNEL, actor.userId);
      return { updated, unread: await q.countUnread(tx, actor.userId) };
    });
  }

  async function preferences(actor: Actor): Promise<NotificationPreferences> {
    const chosen = new Map((await q.listPreferences(db, actor.userId)).map((p) => [p.event, p]));
    return {
      items: notificationEvents.map((event): NotificationPreference => {
        const row = chosen.get(event);
        const choice = row ?? defaultNotificationPreference(event, actor.role);
        return { event, inApp: choice.inApp, email: choice.email, push: choice.push };
      }),
    };
  }

  async function setPreferences(actor: Actor, items: NotificationPreference[]): Promise<NotificationPreferences> {
    await q.upsertPreferences(
      db,
      items.map((i) => ({ userId: actor.userId, event: i.event, inApp: i.inApp, email: i.email, push: i.push })),
    );
    return preferences(actor);
  }

  const pushKey = () => ({ publicKey: vapidPublicKey });

  async function subscribePush(actor: Actor, input: PushSubscriptionInput) {
    // Browsers' push services are https; http only for a test service on this machine.
    if (!isAllowedUrl(input.endpoint))
      throw new AppError('VALIDATION_FAILED', [{ path: 'endpoint', message: 'https only' }]);
    await q.upsertPushSubscription(db, {
      userId: actor.userId,
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
    });
    return { subscribed: true as const };
  }

  async function unsubscribePush(actor: Actor, endpoint: string) {
    if (!(await q.deletePushSubscription(db, actor.userId, endpoint)))
      throw new AppError('PUSH_SUBSCRIPTION_NOT_FOUND');
    return { deleted: true as const };
  }

  async function listWebhooks(actor: Actor) {
    authorize(actor, 'webhook.manage');
    return { items: (await q.listWebhooks(db, actor.organisationId)).map(presentWebhook) };
  }

  /**
   * https only; http just for a receiver on this machine, outside production (development,
   * tests). In production, not to this machine or a private network by address either (the
   * server must not be made to POST to its neighbours); names are not resolved here.
   */
  function isAllowedUrl(raw: string): boolean {
    const url = new URL(raw);
    if (url.username || url.password) return false;
    if (production && (LOCAL_HOSTS.has(url.hostname) || isPrivateAddress(url.hostname))) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && !production && LOCAL_HOSTS.has(url.hostname));
  }

  async function createWebhook(actor: Actor, input: WebhookInput): Promise<WebhookCreated> {
    authorize(actor, 'webhook.manage');
    if (!isAllowedUrl(input.url)) throw new AppError('WEBHOOK_URL_INVALID');
    if ((await q.countWebhooks(db, actor.organisationId)) >= WEBHOOK_LIMIT)
      throw new AppError('WEBHOOK_LIMIT_REACHED', { limit: WEBHOOK_LIMIT });
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const id = await q.insertWebhook(db, {
      organisationId: actor.organisationId,
      url: input.url,
      secret,
      events: input.events,
      createdBy: actor.userId,
    });
    return { ...presentWebhook((await q.findWebhook(db, id))!), secret };
  }

  async function deleteWebhook(actor: Actor, id: string) {
    authorize(actor, 'webhook.manage');
    if (!(await q.deleteWebhook(db, id, actor.organisationId))) throw new AppError('WEBHOOK_NOT_FOUND');
    return { deleted: true as const };
  }

  return {
    listNotifications,
    markRead,
    preferences,
    setPreferences,
    pushKey,
    subscribePush,
    unsubscribePush,
    listWebhooks,
    createWebhook,
    deleteWebhook,
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
