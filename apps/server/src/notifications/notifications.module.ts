import type { FastifyInstance } from 'fastify';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Config } from '../platform/config';
import type { Database } from '../platform/db';
import { createMailer } from './channels/email';
import { createNotifier, NOTIFICATIONS_CHANNEL } from './notifier';
import { notificationsRoutes } from './notifications.routes';
import { createNotificationsService } from './notifications.service';
import { createOutboxWorker, type OutboxWorker } from './outbox-worker';
import { createScheduler, type Scheduler } from './reminders';
import { createStreamHub } from './stream';
import { vapidKeysOf } from './vapid';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's background work (tests run a pass of it by hand). */
    notifications: NotificationsBackground;
  }
}

export interface NotificationsBackground {
  worker: OutboxWorker;
  scheduler: Scheduler;
  mailDir: string;
}

/** Where mails go without SMTP: MAIL_DIR, or `<dataDir>/mail`. */
export function mailDirOf(config: Config): string {
  return resolve(config.mailDir ?? join(config.dataDir || join(tmpdir(), 'verity'), 'mail'));
}

/**
 * Notifications: the cases' notifier (in-app rows and the outbox, in the change's
 * transaction), the in-app API and its server-sent event stream, and in every process the
 * outbox worker (e-mail, Web Push, webhooks) and the reminders. `install` wires the
 * LISTEN and the start and stop of the background work into the app's life.
 */
export function createNotifications({
  database,
  config,
  clock = () => new Date(),
}: {
  database: Database;
  config: Config;
  clock?: () => Date;
}) {
  const db = database.db;
  const notify = createNotifier({ clock });
  const vapid = vapidKeysOf(config);
  const service = createNotificationsService({
    db,
    clock,
    production: config.mode === 'production',
    vapidPublicKey: vapid.publicKey,
  });
  const hub = createStreamHub({ db });
  const scheme = config.https === 'off' ? 'http' : 'https';
  const mailDir = mailDirOf(config);

  async function install(app: FastifyInstance): Promise<NotificationsBackground> {
    const mailer = createMailer({ smtpUrl: config.smtpUrl, mailDir, from: config.mailFrom });
    const worker = createOutboxWorker({
      db,
      mailer,
      vapid,
      publicUrl: config.publicUrl ?? `${scheme}://localhost:${config.port}`,
      leaseSeconds: config.outboxLeaseSeconds,
      clock,
      log: app.log,
    });
    const scheduler = createScheduler({ db, notify, clock, log: app.log });
    let open = true;
    // One LISTEN per process, for every stream of it and its outbox worker.
    await database.listen(NOTIFICATIONS_CHANNEL, (payload) => {
      if (!open) return;
      hub.notified(payload);
      worker.wake();
    });
    if (!config.smtpUrl && config.mode === 'production')
      app.log.warn({ mailDir }, 'SMTP_URL is not set: e-mails are written to the mail folder, not sent');
    app.addHook('onReady', async () => {
      hub.start();
      if (config.notificationWorker) {
        worker.start();
        scheduler.start();
      }
    });
    // Streams never end by themselves: end them before the server waits for open requests.
    app.addHook('preClose', async () => {
      open = false;
      hub.close();
    });
    app.addHook('onClose', async () => {
      await Promise.all([worker.stop(), scheduler.stop()]);
      mailer.close();
    });
    await app.register(notificationsRoutes(service, hub));
    const background = { worker, scheduler, mailDir };
    app.decorate('notifications', background);
    return background;
  }

  return { notify, service, hub, mailDir, install };
}
export type Notifications = ReturnType<typeof createNotifications>;
