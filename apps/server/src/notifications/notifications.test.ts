import { sql } from 'drizzle-orm';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { renderMessage } from './templates';

/**
 * The notifier and the in-app API: who hears of what, with which facts, by which channel.
 * The background worker is off here; the tests run its passes by hand.
 */
let t: TestApp;
let officer: Session;
let colleague: Session; // same administration
let shared: Session; // an officer of an administration the case is shared with
let outsider: Session; // another French administration, not invited
let rhA: Session;
let rhAColleague: Session;
let rhB: Session;
let rhC: Session; // no line in the cases
let productA: { id: string };
let brandB: { id: string };

beforeAll(async () => {
  t = await createTestApp({ mode: 'demo', notificationWorker: false });
  officer = await t.factories.user('officer');
  colleague = await t.factories.user('administration_admin', officer.organisationId);
  shared = await t.factories.user('officer', (await t.factories.organisation('customs', 'BE')).id);
  outsider = await t.factories.user('officer');
  rhA = await t.factories.user('right_holder_admin', undefined, { locale: 'fr' });
  rhAColleague = await t.factories.user('right_holder_editor', rhA.organisationId);
  rhB = await t.factories.user('right_holder_admin');
  rhC = await t.factories.user('right_holder_admin');
  productA = await t.factories.product(rhA);
  brandB = await t.factories.brand(rhB);
});
afterAll(() => t.close());

async function submittedCase() {
  const created = await officer.request('POST', '/api/v1/cases', {
    lines: [
      { productId: productA.id, quantity: 10 },
      { brandId: brandB.id, description: 'Bags', quantity: 3 },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  const submitted = await officer.request('POST', `/api/v1/cases/${created.json().id}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json<{ id: string; reference: string; responseDeadline: string }>();
}

type Item = {
  id: string;
  event: string;
  case: { id: string; reference: string } | null;
  data: Record<string, unknown>;
};
async function notificationsOf(s: Session, caseId?: string): Promise<Item[]> {
  const response = await s.request('GET', '/api/v1/notifications?limit=100');
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as Item[]).filter((n) => !caseId || n.case?.id === caseId);
}

/** A quoted-printable body with its soft line breaks and =XX escapes undone (ASCII is enough here). */
const unfolded = (mail: string) =>
  mail.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('who hears of a case', () => {
  it('a submission tells every user of each right holder with a line, with its deadline only; not the officer nor others', async () => {
    const c = await submittedCase();
    for (const s of [rhA, rhAColleague, rhB]) {
      const [n, ...more] = await notificationsOf(s, c.id);
      expect(more).toEqual([]);
      expect(n).toMatchObject({ event: 'case.submitted', case: { id: c.id, reference: c.reference } });
      expect(n!.data).toEqual({ responseDeadline: c.responseDeadline });
    }
    for (const s of [officer, colleague, outsider, rhC]) expect(await notificationsOf(s, c.id)).toEqual([]);
  });

  it('an answer tells the owning and the sharing administrations, never the right holders (nor the one who answered)', async () => {
    const c = await submittedCase();
    const share = await officer.request('POST', `/api/v1/cases/${c.id}/shares`, {
      organisationId: shared.organisationId,
    });
    expect(share.statusCode, share.body).toBe(200);
    const answer = await rhA.request('POST', `/api/v1/cases/${c.id}/answer`, {
      verdict: 'counterfeit',
      comment: 'Fake crown',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    for (const s of [officer, colleague, shared]) {
      const answered = (await notificationsOf(s, c.id)).filter((n) => n.event === 'case.answered');
      expect(answered).toHaveLength(1);
      expect(answered[0]!.data).toEqual({ verdict: 'counterfeit' });
    }
    expect((await notificationsOf(shared, c.id)).map((n) => n.event)).toContain('case.shared');
    for (const s of [rhA, rhAColleague, rhB, outsider])
      expect((await notificationsOf(s, c.id)).filter((n) => n.event === 'case.answered')).toEqual([]);
  });

  it('a decision tells right holders the new state and nothing of the others (no previous state, no verdict)', async () => {
    const c = await submittedCase();
    await rhA.request('POST', `/api/v1/cases/${c.id}/answer`, { verdict: 'counterfeit', comment: null });
    await rhB.request('POST', `/api/v1/cases/${c.id}/answer`, { verdict: 'genuine', comment: null });
    const decided = await officer.request('POST', `/api/v1/cases/${c.id}/transition`, {
      to: 'detained',
      reason: 'Fakes',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const toB = (await notificationsOf(rhB, c.id)).find((n) => n.event === 'case.status');
    expect(toB!.data).toEqual({ to: 'detained' });
    const toColleague = (await notificationsOf(colleague, c.id)).find((n) => n.event === 'case.status');
    expect(toColleague!.data).toEqual({ from: 'answered', to: 'detained' });
    // Everything rhB can see of the case in its notifications: nothing of rhA's.
    const all = JSON.stringify(await notificationsOf(rhB, c.id));
    expect(all).not.toContain('counterfeit');
    expect(all).not.toContain(rhA.organisationId);
  });

  it('a message to one right holder’s conversation tells that right holder (its id and excerpt) and customs, no one else', async () => {
    const c = await submittedCase();
    const sent = await officer.request('POST', `/api/v1/cases/${c.id}/messages`, {
      channel: rhA.organisationId,
      body: 'Please send photos of the serial numbers.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const [toA] = (await notificationsOf(rhA, c.id)).filter((n) => n.event === 'case.message');
    expect(toA!.data).toEqual({ messageId: sent.json().id, excerpt: 'Please send photos of the serial numbers.' });
    expect((await notificationsOf(colleague, c.id)).map((n) => n.event)).toContain('case.message');
    expect((await notificationsOf(rhB, c.id)).filter((n) => n.event === 'case.message')).toEqual([]);
    expect((await notificationsOf(officer, c.id)).filter((n) => n.event === 'case.message')).toEqual([]);
  });

  it('a moved deadline tells the right holders and the sharing administration the new day; not the officer nor others', async () => {
    const c = await submittedCase();
    const share = await officer.request('POST', `/api/v1/cases/${c.id}/shares`, {
      organisationId: shared.organisationId,
    });
    expect(share.statusCode, share.body).toBe(200);
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const moved = await officer.request('PUT', `/api/v1/cases/${c.id}/deadline`, {
      responseDeadline: day,
      reason: 'The right holder asked for more time',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const told = async (s: Session) =>
      (await notificationsOf(s, c.id)).filter((n) => n.event === 'case.deadline_changed').map((n) => n.data);
    for (const s of [rhA, rhAColleague, rhB, colleague, shared])
      expect(await told(s)).toEqual([{ responseDeadline: day }]);
    for (const s of [officer, outsider, rhC]) expect(await told(s)).toEqual([]);
  });

  it('a rolled-back change notifies nobody (the notice is in its transaction)', async () => {
    const created = await officer.request('POST', '/api/v1/cases', {
      lines: [{ productId: productA.id, quantity: 1 }],
    });
    const id = created.json().id as string;
    await officer.request('POST', `/api/v1/cases/${id}/submit`);
    // Submitting again fails (CASE_STATE_INVALID) after nothing was written.
    expect((await officer.request('POST', `/api/v1/cases/${id}/submit`)).statusCode).toBe(409);
    expect(await notificationsOf(rhA, id)).toHaveLength(1);
  });
});

describe('the in-app list', () => {
  it('pages with a cursor, counts unread, and marks read by ids or all; another user’s ids change nothing', async () => {
    const reader = await t.factories.user('right_holder_editor', rhB.organisationId);
    for (let i = 0; i < 3; i++) await submittedCase();
    const first = await reader.request('GET', '/api/v1/notifications?limit=2');
    expect(first.json().items).toHaveLength(2);
    expect(first.json().unread).toBe(3);
    const second = await reader.request('GET', `/api/v1/notifications?limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json().items).toHaveLength(1);
    expect(second.json().nextCursor).toBeNull();
    const ids = [...first.json().items, ...second.json().items].map((n: Item) => n.id);
    expect(new Set(ids).size).toBe(3);

    const foreign = await rhB.request('POST', '/api/v1/notifications/read', { ids: [ids[0]] });
    expect(foreign.json()).toMatchObject({ updated: 0 });
    const one = await reader.request('POST', '/api/v1/notifications/read', { ids: [ids[0]] });
    expect(one.json()).toEqual({ updated: 1, unread: 2 });
    const unreadOnly = await reader.request('GET', '/api/v1/notifications?unread=true');
    expect(unreadOnly.json().items.map((n: Item) => n.id)).not.toContain(ids[0]);
    expect((await reader.request('POST', '/api/v1/notifications/read', { all: true })).json()).toEqual({
      updated: 2,
      unread: 0,
    });
  });

  it('refuses bad input with 400: a forged cursor, an empty id list, both forms at once', async () => {
    expect((await rhA.request('GET', '/api/v1/notifications?cursor=zzz')).json().error.code).toBe(
      'SEARCH_CURSOR_INVALID',
    );
    for (const body of [{ ids: [] }, { ids: ['x'] }, { all: false }, { all: true, ids: [] }, {}]) {
      const response = await rhA.request('POST', '/api/v1/notifications/read', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('preferences', () => {
  it('start from the defaults: in-app for all, e-mail for what needs action, push for officers’ answers and messages', async () => {
    const o = await t.factories.user('officer');
    const items = (await o.request('GET', '/api/v1/notifications/preferences')).json().items as Record<
      string,
      unknown
    >[];
    expect(items).toHaveLength(8);
    expect(items.find((i) => i.event === 'case.answered')).toEqual({
      event: 'case.answered',
      inApp: true,
      email: true,
      push: true,
    });
    expect(items.find((i) => i.event === 'case.status')).toEqual({
      event: 'case.status',
      inApp: true,
      email: false,
      push: false,
    });
    const rh = (await rhC.request('GET', '/api/v1/notifications/preferences')).json().items as Record<
      string,
      unknown
    >[];
    expect(rh.find((i) => i.event === 'case.submitted')).toEqual({
      event: 'case.submitted',
      inApp: true,
      email: true,
      push: false,
    });
  });

  it('a user who turns off in-app and e-mail for an event gets neither; the others keep theirs', async () => {
    const quiet = await t.factories.user('right_holder_editor', rhB.organisationId);
    const put = await quiet.request('PUT', '/api/v1/notifications/preferences', {
      items: [{ event: 'case.submitted', inApp: false, email: false, push: false }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items.find((i: { event: string }) => i.event === 'case.deadline_soon').email).toBe(true);
    const c = await submittedCase();
    expect(await notificationsOf(quiet, c.id)).toEqual([]);
    const mails = await t.db.execute(
      sql`select count(*)::int as n from notification_outbox where channel = 'email' and payload->>'userId' = ${quiet.userId}`,
    );
    expect(mails.rows[0]).toEqual({ n: 0 });
    expect(await notificationsOf(rhB, c.id)).toHaveLength(1);
  });

  it('refuses unknown events and repeated events', async () => {
    for (const items of [
      [{ event: 'case.unknown', inApp: true, email: true, push: true }],
      [
        { event: 'case.status', inApp: true, email: true, push: true },
        { event: 'case.status', inApp: false, email: true, push: true },
      ],
      [],
    ]) {
      const response = await rhA.request('PUT', '/api/v1/notifications/preferences', { items });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('e-mail', () => {
  it('goes through the outbox to the mail folder, one <outbox id>.eml per mail, in the recipient’s language, with the case link', async () => {
    const c = await submittedCase();
    const rows = await t.db.execute(
      sql`select id from notification_outbox where channel = 'email' and payload->>'caseId' = ${c.id} and payload->>'userId' = ${rhA.userId}`,
    );
    expect(rows.rows).toHaveLength(1);
    const id = (rows.rows[0] as { id: string }).id;
    await t.app.notifications.worker.runOnce([id]);
    const file = join(t.app.notifications.mailDir, `${id}.eml`);
    expect(existsSync(file)).toBe(true);
    const mail = readFileSync(file, 'utf8');
    expect(mail).toContain(`Message-ID: <${id}@verity>`);
    expect(mail).toContain(`To: ${rhA.email}`);
    expect(mail).toMatch(/Subject: =\?UTF-8\?Q\?Dossier|Subject: Dossier/); // French, rhA's language
    expect(unfolded(mail)).toContain(`/cases/${c.id}`); // quoted-printable folds long lines
    const sent = await t.db.execute(
      sql`select sent_at is not null as sent, attempts from notification_outbox where id = ${id}`,
    );
    expect(sent.rows[0]).toEqual({ sent: true, attempts: 1 });
  });

  it('speaks the recipient’s language (English when we have no text in it), days included, and links to the case', () => {
    const facts = { reference: 'FR-2026-000042', responseDeadline: '2026-12-07' };
    const link = 'https://verity.example/cases/1';
    expect(renderMessage('case.deadline_soon', facts, 'fr', link).subject).toBe(
      'Dossier FR-2026-000042 : réponse attendue avant le 7 décembre 2026',
    );
    expect(renderMessage('case.deadline_soon', facts, 'es', link).subject).toBe(
      'Expediente FR-2026-000042: respuesta antes del 7 de diciembre de 2026',
    );
    const english = renderMessage('case.answered', { ...facts, verdict: 'needs_sample' }, 'zh', link);
    expect(english.subject).toBe('Case FR-2026-000042: a right holder answered');
    expect(english.text).toContain('needs a sample');
    expect(english.text).toContain(link);
    expect(renderMessage('case.status', { ...facts, to: 'court' }, 'en', '<x>').html).toContain('href="&lt;x&gt;"');
  });

  it('a delivery repeated (a crash before it was marked) overwrites its file: never two mails for one row', async () => {
    const c = await submittedCase();
    const rows = await t.db.execute(
      sql`select id from notification_outbox where channel = 'email' and payload->>'caseId' = ${c.id}`,
    );
    const ids = (rows.rows as { id: string }[]).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    await t.app.notifications.worker.runOnce(ids);
    // As if the process had died after writing the files but before marking them sent.
    await t.db.execute(sql`update notification_outbox set sent_at = null, next_attempt_at = now() - interval '1 minute'
      where payload->>'caseId' = ${c.id}`);
    await t.app.notifications.worker.runOnce(ids);
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(t.app.notifications.mailDir).filter((f) => ids.some((id) => f.startsWith(id)));
    expect(files.sort()).toEqual(ids.map((id) => `${id}.eml`).sort());
  });
});
