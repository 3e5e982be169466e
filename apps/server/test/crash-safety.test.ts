/**
 * The issue's "SIGKILL" done-when: the real server (`bin/verity.mjs serve`, a child process) on
 * a throw-away PostgreSQL database is killed with SIGKILL while officers submit cases (with
 * Idempotency-Keys) and again while its outbox worker is sending (a slow webhook receiver, many
 * mails). After each restart every request is retried with its same key. Then:
 * - every acknowledged case exists exactly once, and every case exactly once (no loss, no double);
 * - every committed notification is delivered: one mail file per e-mail row, every webhook row
 *   received (a repeat of a delivery cut by the kill carries the same Verity-Webhook-Id, so the
 *   receiver drops it: counted below, distinct and total);
 * - nothing is pending at the end.
 * Needs a PostgreSQL server: it runs in `npm test`'s PostgreSQL pass (TEST_DATABASE_URL), which
 * CI requires.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db';
import { createOrganisationsService } from '../src/organisations/organisations.service';
import { startReceiver, type Receiver } from './http-receiver';

const serverUrl = process.env.TEST_DATABASE_URL;
const bin = join(import.meta.dirname, '../../../bin/verity.mjs');
const CASES = 40;
const CONCURRENCY = 8;
const PASSWORD = 'crash test password 1';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let admin: pg.Client;
let databaseUrl: string;
let databaseName: string;
const dataDir = mkdtempSync(join(tmpdir(), 'verity-crash-'));
const mailDir = join(dataDir, 'mail');
let port: number;
let child: ChildProcess | undefined;
let output = '';
let receiver: Receiver;
let inFlight = 0;
/** While held, the receiver answers nothing: deliveries stay on the wire. */
let gate: Promise<void> = Promise.resolve();
let release = () => {};

async function startServer(): Promise<void> {
  child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      VERITY_MODE: 'demo', // http:// webhooks to localhost are allowed outside production
      VERITY_DATA_DIR: dataDir,
      MAIL_DIR: mailDir,
      SMTP_URL: '',
      OUTBOX_LEASE_SECONDS: '3',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`server did not start:\n${output}`);
}

async function kill(): Promise<void> {
  const c = child!;
  if (c.exitCode !== null || c.signalCode !== null) return;
  const exited = new Promise((resolve) => c.once('exit', resolve));
  c.kill('SIGKILL');
  await exited;
}

async function query<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** One request; `undefined` when the connection failed (the server died): not acknowledged. */
async function send(cookie: string, method: string, path: string, body?: unknown, key?: string) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

/** Runs `task` for 0..n-1 with a bounded number at once. */
async function pool(n: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

beforeAll(async () => {
  if (!serverUrl) return;
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  databaseName = `verity_crash_${randomBytes(5).toString('hex')}`;
  await admin.query(`create database ${databaseName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
  port = await freePort();
  // A slow receiver (so that kills land while deliveries are on the wire).
  receiver = await startReceiver(async () => {
    inFlight++;
    await sleep(400);
    await gate; // held while the test kills the sender
    inFlight--;
    return 204;
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await receiver?.close();
  if (admin) {
    await admin.query(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe.skipIf(!serverUrl)(
  'crash safety (SIGKILL) — needs TEST_DATABASE_URL, set by npm test’s PostgreSQL pass',
  () => {
    it('loses nothing acknowledged and delivers every committed notification once after dedupe', async () => {
      await startServer();

      // People: an officer, a right holder with three users (three mails per case) and a webhook.
      const database = await openDatabase({ databaseUrl, dataDir, poolSize: 2 });
      const orgs = createOrganisationsService({ db: database.db });
      const customs = await orgs.provisionOrganisation({ kind: 'customs', name: 'Crash customs', country: 'FR' });
      const rightHolder = await orgs.provisionOrganisation({ kind: 'right_holder', name: 'Crash brand owner' });
      const email = (who: string) => `${who}-${randomUUID()}@crash.test`;
      const officerEmail = email('officer');
      const rhAdminEmail = email('rh-admin');
      await orgs.provisionUser({
        email: officerEmail,
        name: 'Officer',
        password: PASSWORD,
        organisationId: customs.id,
        role: 'officer',
      });
      await orgs.provisionUser({
        email: rhAdminEmail,
        name: 'RH admin',
        password: PASSWORD,
        organisationId: rightHolder.id,
        role: 'right_holder_admin',
      });
      for (const who of ['rh-editor-1', 'rh-editor-2'])
        await orgs.provisionUser({
          email: email(who),
          name: who,
          password: PASSWORD,
          organisationId: rightHolder.id,
          role: 'right_holder_editor',
        });
      await database.close();
      const officer = await signIn(officerEmail);
      const rhAdmin = await signIn(rhAdminEmail);
      const brand = await send(rhAdmin, 'POST', '/api/v1/brands', { name: 'Crashproof' });
      expect(brand?.status).toBe(201);
      const hook = await send(rhAdmin, 'POST', '/api/v1/webhooks', {
        url: `${receiver.url}/hook`,
        events: ['case.submitted'],
      });
      expect(hook?.status).toBe(201);

      // Each case: create (key c-i) then submit (key s-i); what the server acknowledged is kept.
      const run = randomBytes(3).toString('hex');
      const created = new Map<number, string>(); // i → case id acknowledged by a create
      const submitted = new Map<number, string>(); // i → reference acknowledged by a submit
      const flow = async (i: number) => {
        let id = created.get(i);
        if (!id) {
          const body = {
            declarationReference: `CRASH-${run}-${i}`,
            lines: [{ brandId: (brand!.body as { id: string }).id, quantity: i + 1 }],
          };
          const answer = await send(officer, 'POST', '/api/v1/cases', body, `c-${run}-${i}`);
          if (answer?.status !== 201) return;
          id = answer.body.id as string;
          created.set(i, id);
        }
        if (submitted.has(i)) return;
        const answer = await send(officer, 'POST', `/api/v1/cases/${id}/submit`, undefined, `s-${run}-${i}`);
        if (answer?.status === 200) submitted.set(i, answer.body.reference as string);
      };

      // 1. SIGKILL while the submissions are coming in (and the worker is sending their notices).
      const firstWave = pool(CASES, flow);
      while (submitted.size < CASES / 4) await sleep(10);
      await kill();
      await firstWave;
      const acknowledgedBeforeKill = { created: new Map(created), submitted: new Map(submitted) };
      expect(acknowledgedBeforeKill.submitted.size).toBeLessThan(CASES); // the kill did land in the middle

      // 2. Restart; every request again with its same key.
      await startServer();
      const retries = new Map<number, string>();
      await pool(CASES, async (i) => {
        const body = {
          declarationReference: `CRASH-${run}-${i}`,
          lines: [{ brandId: (brand!.body as { id: string }).id, quantity: i + 1 }],
        };
        const create = await send(officer, 'POST', '/api/v1/cases', body, `c-${run}-${i}`);
        expect(create?.status, JSON.stringify(create?.body)).toBe(201);
        retries.set(i, create!.body.id as string);
        const submit = await send(
          officer,
          'POST',
          `/api/v1/cases/${create!.body.id as string}/submit`,
          undefined,
          `s-${run}-${i}`,
        );
        expect(submit?.status, JSON.stringify(submit?.body)).toBe(200);
        expect(submit!.body.status).toBe('submitted');
        submitted.set(i, submit!.body.reference as string);
      });
      // A retried create answers the case it acknowledged before the kill, never a new one.
      for (const [i, id] of acknowledgedBeforeKill.created) expect(retries.get(i)).toBe(id);
      for (const [i, reference] of acknowledgedBeforeKill.submitted) expect(submitted.get(i)).toBe(reference);

      // 3. SIGKILL again while the outbox worker has deliveries on the wire: the receiver holds
      // its answers, the sender dies, then the receiver answers (it did get those webhooks).
      gate = new Promise((resolve) => (release = resolve));
      const deadline = Date.now() + 30_000;
      while (inFlight < 3 && Date.now() < deadline) await sleep(5);
      const inFlightAtKill = inFlight;
      await kill();
      release();
      expect(inFlightAtKill).toBeGreaterThan(0); // killed mid-delivery
      // (What the dead process left: its claims stay unsent until their lease ends.)
      const pendingAtKill = await query<{ n: number }>(
        `select count(*)::int as n from notification_outbox where sent_at is null and failed_at is null`,
      );
      const claimedAtKill = await query<{ n: number }>(
        `select count(*)::int as n from notification_outbox where sent_at is null and attempts > 0`,
      );
      expect(pendingAtKill[0]!.n).toBeGreaterThan(0);
      expect(claimedAtKill[0]!.n).toBeGreaterThan(0);

      // 4. Restart; the outbox drains (claims cut by the kill come back when their 3 s lease ends).
      await startServer();
      let pending = Infinity;
      for (let i = 0; i < 300 && pending > 0; i++) {
        await sleep(200);
        pending = (
          await query<{ n: number }>(`select count(*)::int as n from notification_outbox where sent_at is null`)
        )[0]!.n;
      }
      await sleep(1000); // a delivery answered after its row was marked could still be arriving

      // Cases: each i exactly once, all submitted.
      const cases = await query<{ declaration_reference: string; id: string; status: string }>(
        `select declaration_reference, id, status from cases where declaration_reference like $1`,
        [`CRASH-${run}-%`],
      );
      expect(cases).toHaveLength(CASES);
      expect(new Set(cases.map((c) => c.declaration_reference)).size).toBe(CASES);
      expect(cases.every((c) => c.status === 'submitted')).toBe(true);
      for (const [i, id] of retries)
        expect(cases.find((c) => c.declaration_reference === `CRASH-${run}-${i}`)?.id).toBe(id);

      // In-app: exactly one `case.submitted` per case and right-holder user (3 users).
      const inApp = await query<{ n: number; distinct: number }>(
        `select count(*)::int as n, count(distinct (user_id, case_id))::int as distinct from notifications
       where event = 'case.submitted' and case_id = any($1)`,
        [cases.map((c) => c.id)],
      );
      expect(inApp[0]).toEqual({ n: CASES * 3, distinct: CASES * 3 });

      // Outbox: nothing pending or failed; one mail per e-mail row (3 per case); one webhook row per case.
      const outbox = await query<{ id: string; channel: string; sent: boolean; failed: boolean; attempts: number }>(
        `select id, channel, sent_at is not null as sent, failed_at is not null as failed, attempts from notification_outbox`,
      );
      expect(outbox.filter((r) => !r.sent)).toEqual([]);
      const emailRows = outbox.filter((r) => r.channel === 'email');
      const webhookRows = outbox.filter((r) => r.channel === 'webhook');
      expect(emailRows.length).toBeGreaterThanOrEqual(CASES * 3);
      expect(webhookRows).toHaveLength(CASES);

      const files = readdirSync(mailDir);
      const mails = files.filter((f) => f.endsWith('.eml'));
      expect(mails.sort()).toEqual(emailRows.map((r) => `${r.id}.eml`).sort()); // one file per row, none extra

      const ids = receiver.received
        .filter((r) => r.path === '/hook')
        .map((r) => String(r.headers['verity-webhook-id']));
      const distinct = new Set(ids);
      expect([...distinct].sort()).toEqual(webhookRows.map((r) => r.id).sort()); // each committed once after dedupe
      const repeats = ids.length - distinct.size;

      process.stdout.write(
        `crash safety: ${CASES} cases (${acknowledgedBeforeKill.submitted.size} submitted before the 1st kill); ` +
          `outbox ${outbox.length} rows (${emailRows.length} e-mails, ${webhookRows.length} webhooks), ` +
          `${pendingAtKill[0]!.n} pending and ${claimedAtKill[0]!.n} claimed (${inFlightAtKill} on the wire) at the 2nd kill; ` +
          `mail files ${mails.length} (+${files.length - mails.length} temporary leftovers); ` +
          `webhook deliveries ${ids.length} total, ${distinct.size} distinct ids, ${repeats} repeats dropped by id; ` +
          `rows attempted more than once: ${outbox.filter((r) => r.attempts > 1).length}\n`,
      );
    }, 240_000);
  },
);
