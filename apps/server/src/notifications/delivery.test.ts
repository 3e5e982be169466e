import { sql } from 'drizzle-orm';
import { createECDH, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { startReceiver, type Receiver } from '../../test/http-receiver';
import { verifyWebhookSignature } from './channels/webhook';
import { MAX_ATTEMPTS, retryDelayMs } from './outbox-worker';

/**
 * Webhooks, Web Push and reminders, against real HTTP receivers, with a clock the tests move
 * (retries and deadlines). The background worker is off; the tests run its passes.
 */
let now = Date.parse('2026-03-02T09:00:00Z'); // a Monday
const clock = () => new Date(now);
let t: TestApp;
let officer: Session;
let rhA: Session;
let rhB: Session;
let productA: { id: string };
let brandB: { id: string };
let receiver: Receiver;
let failFirst = new Set<string>(); // webhook ids answered 500 once
let slow = 0;

beforeAll(async () => {
  t = await createTestApp({ mode: 'demo', notificationWorker: false }, { clock });
  officer = await t.factories.user('officer');
  rhA = await t.factories.user('right_holder_admin');
  rhB = await t.factories.user('right_holder_admin');
  productA = await t.factories.product(rhA);
  brandB = await t.factories.brand(rhB);
  receiver = await startReceiver(async (request) => {
    if (slow) await new Promise((resolve) => setTimeout(resolve, slow));
    if (request.path.startsWith('/gone')) return 410;
    if (request.path.startsWith('/push')) return 201;
    if (request.path.startsWith('/always-500')) return 500;
    const id = String(request.headers['verity-webhook-id']);
    if (failFirst.has(id)) {
      failFirst.delete(id);
      return 500;
    }
    return 204;
  });
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

async function submittedCase(
  lines: unknown[] = [
    { productId: productA.id, quantity: 1 },
    { brandId: brandB.id, quantity: 2 },
  ],
) {
  const created = await officer.request('POST', '/api/v1/cases', { lines });
  expect(created.statusCode, created.body).toBe(201);
  const submitted = await officer.request('POST', `/api/v1/cases/${created.json().id}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json<{ id: string; reference: string; responseDeadline: string }>();
}

async function addWebhook(s: Session, path: string, events = ['case.submitted', 'case.status']) {
  const response = await s.request('POST', '/api/v1/webhooks', { url: `${receiver.url}${path}`, events });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; secret: string }>();
}
const deliveriesTo = (path: string) => receiver.received.filter((r) => r.path === path);

describe('webhooks', () => {
  it('an organisation admin adds one; its secret is shown once; others cannot see or delete it', async () => {
    const hook = await addWebhook(rhA, '/list');
    expect(hook.secret).toMatch(/^whsec_/);
    const list = await rhA.request('GET', '/api/v1/webhooks');
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: hook.id, url: `${receiver.url}/list`, events: ['case.submitted', 'case.status'] }),
    ]);
    expect(list.body).not.toContain(hook.secret);
    expect((await rhB.request('GET', '/api/v1/webhooks')).json().items).toEqual([]);
    expect((await rhB.request('DELETE', `/api/v1/webhooks/${hook.id}`)).json().error.code).toBe('WEBHOOK_NOT_FOUND');
    expect((await rhA.request('DELETE', `/api/v1/webhooks/${hook.id}`)).statusCode).toBe(200);
    expect((await rhA.request('GET', '/api/v1/webhooks')).json().items).toEqual([]);
  });

  it('needs https: http only for localhost, and never in production', async () => {
    const bad = await rhA.request('POST', '/api/v1/webhooks', {
      url: 'http://example.com/hook',
      events: ['case.submitted'],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('WEBHOOK_URL_INVALID');
    const creds = await rhA.request('POST', '/api/v1/webhooks', {
      url: 'https://u:p@example.com/',
      events: ['case.submitted'],
    });
    expect(creds.json().error.code).toBe('WEBHOOK_URL_INVALID');
    const ftp = await rhA.request('POST', '/api/v1/webhooks', {
      url: 'ftp://example.com/',
      events: ['case.submitted'],
    });
    expect(ftp.statusCode).toBe(400);
    const production = await createTestApp({ mode: 'production', notificationWorker: false });
    try {
      const admin = await production.factories.user('right_holder_admin');
      const local = await admin.request('POST', '/api/v1/webhooks', {
        url: `${receiver.url}/x`,
        events: ['case.submitted'],
      });
      expect(local.json().error.code).toBe('WEBHOOK_URL_INVALID');
      // Nor to this machine or a private network (the worker is off here: nothing is sent).
      for (const url of [
        'https://localhost/x',
        'https://10.1.2.3/x',
        'https://192.168.1.1/x',
        'https://[::1]/x',
        'https://169.254.169.254/x',
      ]) {
        const inside = await admin.request('POST', '/api/v1/webhooks', { url, events: ['case.submitted'] });
        expect(inside.json().error.code, url).toBe('WEBHOOK_URL_INVALID');
      }
      const https = await admin.request('POST', '/api/v1/webhooks', {
        url: 'https://hooks.example.com/verity',
        events: ['case.submitted'],
      });
      expect(https.statusCode).toBe(201);
    } finally {
      await production.close();
    }
  });

  it('deliveries are signed POSTs of the organisation’s own facts; a 500 is retried after a back-off with the same id', async () => {
    const hookA = await addWebhook(rhA, '/a');
    const hookB = await addWebhook(rhB, '/b');
    const c = await submittedCase();
    const rows = await t.db.execute(
      sql`select id, webhook_id as "webhookId" from notification_outbox where channel = 'webhook' and payload->'case'->>'id' = ${c.id}`,
    );
    expect(rows.rows).toHaveLength(2);
    const rowA = (rows.rows as { id: string; webhookId: string }[]).find((r) => r.webhookId === hookA.id)!;
    failFirst.add(rowA.id);
    const ids = (rows.rows as { id: string }[]).map((r) => r.id);
    await t.app.notifications.worker.runOnce(ids);

    const [first] = deliveriesTo('/a');
    expect(first!.status).toBe(500);
    const retry = await t.db.execute(
      sql`select attempts, sent_at, next_attempt_at, last_error from notification_outbox where id = ${rowA.id}`,
    );
    expect(retry.rows[0]).toMatchObject({ attempts: 1, sent_at: null, last_error: 'webhook answered 500' });
    const wait = new Date(String((retry.rows[0] as { next_attempt_at: string }).next_attempt_at)).getTime() - now;
    expect(wait).toBeGreaterThanOrEqual(24_000);
    expect(wait).toBeLessThanOrEqual(36_000);

    await t.app.notifications.worker.runOnce(ids); // not due yet
    expect(deliveriesTo('/a')).toHaveLength(1);
    now += 40_000;
    await t.app.notifications.worker.runOnce(ids);
    const deliveries = deliveriesTo('/a');
    expect(deliveries.map((d) => d.status)).toEqual([500, 204]);
    // Same id both times: the receiver drops repeats by it.
    expect(new Set(deliveries.map((d) => d.headers['verity-webhook-id']))).toEqual(new Set([rowA.id]));
    for (const d of deliveries) {
      const signature = String(d.headers['verity-signature']);
      expect(verifyWebhookSignature(hookA.secret, String(d.headers['verity-timestamp']), d.body, signature)).toBe(true);
      expect(verifyWebhookSignature(hookB.secret, String(d.headers['verity-timestamp']), d.body, signature)).toBe(
        false,
      );
      expect(verifyWebhookSignature(hookA.secret, String(d.headers['verity-timestamp']), `${d.body} `, signature)).toBe(
        false,
      );
    }
    const body = JSON.parse(deliveries[1]!.body);
    expect(body).toEqual({
      id: rowA.id,
      event: 'case.submitted',
      case: { id: c.id, reference: c.reference },
      data: { responseDeadline: c.responseDeadline },
      occurredAt: expect.any(String),
    });
    // B's delivery: its own, signed with its own secret, with nothing of A.
    const [toB] = deliveriesTo('/b');
    expect(toB!.status).toBe(204);
    expect(
      verifyWebhookSignature(
        hookB.secret,
        String(toB!.headers['verity-timestamp']),
        toB!.body,
        String(toB!.headers['verity-signature']),
      ),
    ).toBe(true);
    expect(toB!.body).not.toContain(rhA.organisationId);
    expect(
      (
        await t.db.execute(
          sql`select count(*)::int as n from notification_outbox where webhook_id in (${hookA.id}, ${hookB.id}) and sent_at is null`,
        )
      ).rows[0],
    ).toEqual({ n: 0 });
    await rhA.request('DELETE', `/api/v1/webhooks/${hookA.id}`);
    await rhB.request('DELETE', `/api/v1/webhooks/${hookB.id}`);
  });

  it('gives up after every retry (failed_at), with growing delays; only subscribed events are sent', async () => {
    const hook = await addWebhook(rhA, '/always-500', ['case.status']);
    const c = await submittedCase([{ productId: productA.id, quantity: 1 }]);
    expect(
      (await t.db.execute(sql`select count(*)::int as n from notification_outbox where webhook_id = ${hook.id}`))
        .rows[0],
    ).toEqual({ n: 0 });
    await officer.request('POST', `/api/v1/cases/${c.id}/transition`, { to: 'released', reason: 'No answer needed' });
    const ids = (await t.db.execute(sql`select id from notification_outbox where webhook_id = ${hook.id}`)).rows.map(
      (r) => (r as { id: string }).id,
    );
    expect(ids).toHaveLength(1);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await t.app.notifications.worker.runOnce(ids);
      now += 15 * 3600 * 1000; // past the longest back-off (12 h + 20 %)
    }
    expect(deliveriesTo('/always-500')).toHaveLength(MAX_ATTEMPTS);
    const row = await t.db.execute(
      sql`select attempts, failed_at is not null as failed from notification_outbox where webhook_id = ${hook.id}`,
    );
    expect(row.rows[0]).toEqual({ attempts: MAX_ATTEMPTS, failed: true });
    expect((await rhA.request('GET', '/api/v1/webhooks')).json().items[0]).toMatchObject({
      failedDeliveries: 1,
      pendingDeliveries: 0,
    });
    await rhA.request('DELETE', `/api/v1/webhooks/${hook.id}`);
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, () => 0.5));
    expect(delays).toEqual([30, 120, 600, 3600, 10800, 21600, 43200].map((s) => s * 1000));
    expect(retryDelayMs(1, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, () => 1)).toBe(36_000);
  });

  it('officers and editors may not manage webhooks; an organisation has at most 10', async () => {
    for (const role of ['officer', 'right_holder_editor', 'secretariat_admin'] as const) {
      const s = await t.factories.user(role);
      expect((await s.request('GET', '/api/v1/webhooks')).statusCode).toBe(403);
    }
    const admin = await t.factories.user('administration_admin');
    for (let i = 0; i < 10; i++) await addWebhook(admin, `/limit-${i}`);
    const more = await admin.request('POST', '/api/v1/webhooks', {
      url: `${receiver.url}/x`,
      events: ['case.answered'],
    });
    expect(more.statusCode).toBe(409);
    expect(more.json().error).toMatchObject({ code: 'WEBHOOK_LIMIT_REACHED', details: { limit: 10 } });
  });
});

describe('web push', () => {
  it('gives the VAPID key, stores a device, sends an encrypted push to it, and forgets a device its push service says is gone', async () => {
    const key = await officer.request('GET', '/api/v1/push/key');
    expect(key.json().publicKey).toMatch(/^[A-Za-z0-9_-]{80,90}$/);
    // A browser's keys: a P-256 public key and 16 random bytes.
    const device = {
      p256dh: createECDH('prime256v1').generateKeys('base64url'),
      auth: randomBytes(16).toString('base64url'),
    };
    for (const path of ['/push/1', '/gone/1']) {
      const saved = await officer.request('POST', '/api/v1/push/subscriptions', {
        endpoint: `${receiver.url}${path}`,
        keys: device,
      });
      expect(saved.statusCode, saved.body).toBe(201);
    }
    const c = await submittedCase();
    const answered = await rhA.request('POST', `/api/v1/cases/${c.id}/answer`, { verdict: 'genuine', comment: null });
    expect(answered.statusCode).toBe(200);
    const pushes = await t.db.execute(
      sql`select id from notification_outbox where channel = 'push' and payload->>'caseId' = ${c.id}`,
    );
    expect(pushes.rows).toHaveLength(1);
    await t.app.notifications.worker.runOnce(pushes.rows.map((r) => (r as { id: string }).id));
    const [push] = deliveriesTo('/push/1');
    expect(push).toBeDefined();
    expect(push!.headers['content-encoding']).toBe('aes128gcm');
    expect(String(push!.headers.authorization)).toMatch(/^vapid t=/);
    expect(push!.headers.topic).toMatch(/^[0-9a-f]{32}$/);
    expect(deliveriesTo('/gone/1')).toHaveLength(1);
    const left = await t.db.execute(sql`select endpoint from push_subscriptions where user_id = ${officer.userId}`);
    expect(left.rows).toEqual([{ endpoint: `${receiver.url}/push/1` }]);
    const unsubscribed = await officer.request('DELETE', '/api/v1/push/subscriptions', {
      endpoint: `${receiver.url}/push/1`,
    });
    expect(unsubscribed.statusCode).toBe(200);
    const again = await officer.request('DELETE', '/api/v1/push/subscriptions', { endpoint: `${receiver.url}/push/1` });
    expect(again.json().error.code).toBe('PUSH_SUBSCRIPTION_NOT_FOUND');
  });

  it('refuses a subscription without keys or with a non-https endpoint elsewhere than this machine', async () => {
    const noKeys = await officer.request('POST', '/api/v1/push/subscriptions', {
      endpoint: 'https://push.example.com/x',
    });
    expect(noKeys.statusCode).toBe(400);
    const plain = await officer.request('POST', '/api/v1/push/subscriptions', {
      endpoint: 'http://push.example.com/x',
      keys: { p256dh: 'a', auth: 'b' },
    });
    expect(plain.statusCode).toBe(400);
  });
});

describe('reminders', () => {
  it('tell right holders that have not answered 2 working days before the deadline, and everyone once it passed — each once', async () => {
    now = Date.parse('2026-03-02T09:00:00Z'); // Monday: deadline 10 working days later, Monday 16 March
    const c = await submittedCase();
    expect(c.responseDeadline).toBe('2026-03-16');
    await rhA.request('POST', `/api/v1/cases/${c.id}/answer`, { verdict: 'counterfeit', comment: null });
    const events = async (s: Session) =>
      (
        (await s.request('GET', '/api/v1/notifications?limit=100')).json().items as {
          event: string;
          case: { id: string };
        }[]
      )
        .filter((n) => n.case?.id === c.id)
        .map((n) => n.event);

    now = Date.parse('2026-03-11T09:00:00Z'); // Wednesday: three working days left
    await t.app.notifications.scheduler.sendReminders();
    expect(await events(rhB)).not.toContain('case.deadline_soon');

    now = Date.parse('2026-03-12T09:00:00Z'); // Thursday: two working days left (Friday, Monday)
    // Two processes at once: one reminder.
    const [one, two] = await Promise.all([
      t.app.notifications.scheduler.sendReminders(),
      t.app.notifications.scheduler.sendReminders(),
    ]);
    expect(one.soon + two.soon).toBeGreaterThanOrEqual(1);
    expect((await events(rhB)).filter((e) => e === 'case.deadline_soon')).toHaveLength(1);
    expect(await events(rhA)).not.toContain('case.deadline_soon'); // it answered
    const soon = (await rhB.request('GET', '/api/v1/notifications?limit=100'))
      .json()
      .items.find(
        (n: { event: string; case: { id: string } }) => n.event === 'case.deadline_soon' && n.case.id === c.id,
      );
    expect(soon.data).toEqual({ responseDeadline: '2026-03-16' });

    now = Date.parse('2026-03-16T22:00:00Z'); // the deadline's day: not overdue yet
    await t.app.notifications.scheduler.sendReminders();
    expect(await events(officer)).not.toContain('case.overdue');

    now = Date.parse('2026-03-17T00:05:00Z');
    await t.app.notifications.scheduler.sendReminders();
    await t.app.notifications.scheduler.sendReminders();
    expect((await events(officer)).filter((e) => e === 'case.overdue')).toHaveLength(1);
    expect((await events(rhB)).filter((e) => e === 'case.overdue')).toHaveLength(1);
    expect(await events(rhA)).not.toContain('case.overdue');
    const kinds = await t.db.execute(
      sql`select kind, deadline from case_reminders where case_id = ${c.id} order by kind`,
    );
    expect(kinds.rows).toEqual([
      { kind: 'overdue', deadline: '2026-03-16' },
      { kind: 'soon', deadline: '2026-03-16' },
    ]);
  });

  it('a case answered by everyone before its deadline gets no reminder', async () => {
    now = Date.parse('2026-03-02T09:00:00Z');
    const c = await submittedCase([{ productId: productA.id, quantity: 1 }]);
    await rhA.request('POST', `/api/v1/cases/${c.id}/answer`, { verdict: 'genuine', comment: null });
    now = Date.parse('2026-03-20T09:00:00Z');
    await t.app.notifications.scheduler.sendReminders();
    expect(
      (await t.db.execute(sql`select count(*)::int as n from case_reminders where case_id = ${c.id}`)).rows[0],
    ).toEqual({ n: 0 });
  });
});

describe('housekeeping', () => {
  it('purges idempotency keys after 24 h and uploads left incomplete after 7 days, and keeps newer ones', async () => {
    now = Date.now();
    const c = await submittedCase([{ productId: productA.id, quantity: 1 }]);
    const hours = (h: number) => new Date(now - h * 3600 * 1000).toISOString();
    await t.db
      .execute(sql`insert into idempotency_keys (user_id, key, route, request_hash, response_status, response_body, created_at)
      values (${officer.userId}, 'old-key', 'r', 'h', 200, '{}', ${hours(25)}), (${officer.userId}, 'new-key', 'r', 'h', 200, '{}', ${hours(23)})`);
    await t.db
      .execute(sql`insert into uploads (user_id, organisation_id, case_id, name, content_type, size, received, created_at)
      values (${officer.userId}, ${officer.organisationId}, ${c.id}, 'old.jpg', 'image/jpeg', 100, 10, ${hours(8 * 24)}),
             (${officer.userId}, ${officer.organisationId}, ${c.id}, 'new.jpg', 'image/jpeg', 100, 10, ${hours(6 * 24)})`);
    const purged = await t.app.notifications.scheduler.housekeeping(new Date(now));
    expect(purged.idempotencyKeys).toBeGreaterThanOrEqual(1);
    const keys = await t.db.execute(
      sql`select key from idempotency_keys where user_id = ${officer.userId} and key in ('old-key', 'new-key')`,
    );
    expect(keys.rows).toEqual([{ key: 'new-key' }]);
    const uploads = await t.db.execute(sql`select name from uploads where case_id = ${c.id}`);
    expect(uploads.rows).toEqual([{ name: 'new.jpg' }]);
  });
});

afterAll(() => {
  failFirst = new Set();
  slow = 0;
});
