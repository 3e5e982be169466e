import type { FastifyBaseLogger } from 'fastify';
import type { Language, NotificationEvent } from '@verity/contract';
import type { Db } from '../platform/db';
import * as q from './notifications.queries';
import * as outbox from './outbox.queries';
import type { Mailer } from './channels/email';
import { deliverPush, type VapidKeys } from './channels/push';
import { deliverWebhook, DeliveryError } from './channels/webhook';
import { renderMessage } from './templates';

/** After the 1st, 2nd … failed attempt: wait this long (± 20 % jitter); after the 8th, give up. */
export const RETRY_DELAYS_SECONDS = [30, 120, 600, 3600, 3 * 3600, 6 * 3600, 12 * 3600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
const BATCH = 20;
const POLL_MS = 5000;

export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = RETRY_DELAYS_SECONDS[Math.min(attempts, RETRY_DELAYS_SECONDS.length) - 1]! * 1000;
  return Math.round(base * (0.8 + 0.4 * random()));
}

interface MessagePayload {
  userId: string;
  locale: Language | null;
  event: NotificationEvent;
  caseId: string;
  reference: string;
  data: Record<string, unknown>;
  to?: string;
}

export interface OutboxWorkerDeps {
  db: Db;
  mailer: Mailer;
  vapid: VapidKeys;
  publicUrl: string;
  leaseSeconds: number;
  clock: () => Date;
  log: FastifyBaseLogger;
}

/**
 * Sends what the outbox holds: claims due rows (see outbox.queries.ts `claimDue`), delivers
 * each, then marks it sent or schedules its retry. Delivery is at-least-once at the transport:
 * a process killed between a delivery and its mark sends that row again after the lease; the
 * row id goes with it (Message-ID, mail file name, `Verity-Webhook-Id`, push topic) so the
 * receiver sees one notification.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps) {
  const { db, mailer, vapid, clock, log } = deps;
  const caseLink = (caseId: string) => `${deps.publicUrl.replace(/\/$/, '')}/cases/${caseId}`;

  async function deliver(row: outbox.OutboxRow): Promise<void> {
    switch (row.channel) {
      case 'email': {
        const p = row.payload as unknown as MessagePayload;
        const message = renderMessage(p.event, { reference: p.reference, ...p.data }, p.locale, caseLink(p.caseId));
        await mailer.send(row.id, { to: p.to!, subject: message.subject, text: message.text, html: message.html });
        return;
      }
      case 'push': {
        const p = row.payload as unknown as MessagePayload;
        const message = renderMessage(p.event, { reference: p.reference, ...p.data }, p.locale, caseLink(p.caseId));
        const body = JSON.stringify({
          id: row.id,
          title: message.subject,
          body: message.body,
          url: `/cases/${p.caseId}`,
        });
        const failures: string[] = [];
        for (const subscription of await q.pushSubscriptionsOf(db, p.userId)) {
          try {
            await deliverPush(vapid, subscription, body, row.id.replaceAll('-', ''));
          } catch (error) {
            if (error instanceof DeliveryError && error.gone) await q.deletePushSubscriptionById(db, subscription.id);
            else failures.push((error as Error).message);
          }
        }
        if (failures.length > 0) throw new DeliveryError(failures.join('; '));
        return;
      }
      case 'webhook': {
        const target = row.webhookId ? await q.webhookSecret(db, row.webhookId) : undefined;
        if (!target) return; // deleted since: nothing to send
        const body = JSON.stringify({ id: row.id, ...row.payload });
        const timestamp = String(Math.floor(clock().getTime() / 1000));
        await deliverWebhook(target, { id: row.id, body, timestamp });
        return;
      }
    }
  }

  async function settle(row: outbox.OutboxRow, error: unknown): Promise<void> {
    const now = clock();
    if (error === undefined) return outbox.markSent(db, row.id, now);
    const message = error instanceof Error ? error.message : String(error);
    if (row.attempts >= MAX_ATTEMPTS) {
      log.warn({ outboxId: row.id, channel: row.channel, error: message }, 'notification delivery gave up');
      return outbox.markFailed(db, row.id, now, message);
    }
    log.info(
      { outboxId: row.id, channel: row.channel, attempts: row.attempts, error: message },
      'notification delivery will be retried',
    );
    return outbox.scheduleRetry(db, row.id, new Date(now.getTime() + retryDelayMs(row.attempts)), message);
  }

  /**
   * One pass: claims and sends batches until nothing is due. Returns how many rows it settled.
   * `only`: just these rows, if due (tests; a database shared with other work).
   */
  async function runOnce(only?: readonly string[]): Promise<number> {
    let settled = 0;
    for (;;) {
      const now = clock();
      const rows = await outbox.claimDue(db, now, new Date(now.getTime() + deps.leaseSeconds * 1000), BATCH, only);
      if (rows.length === 0) return settled;
      await Promise.all(
        rows.map(async (row) => {
          let failure: unknown;
          try {
            await deliver(row);
          } catch (error) {
            failure = error ?? new Error('delivery failed');
          }
          await settle(row, failure);
          settled++;
        }),
      );
      if (stopping) return settled;
    }
  }

  let stopped = true;
  /** Set by stop(): a pass in flight ends after its batch. */
  let stopping = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  /** Runs a pass now, or once more after the current one (a NOTIFY during a pass is not lost). */
  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await runOnce(undefined);
        } catch (error) {
          log.error({ err: error }, 'notification outbox pass failed');
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
  }

  return {
    runOnce,
    wake,
    start() {
      stopped = false;
      timer = setInterval(wake, POLL_MS);
      timer.unref();
      wake();
    },
    /** Stops polling and waits for the pass in flight (its deliveries time out within seconds). */
    async stop() {
      stopped = true;
      stopping = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
