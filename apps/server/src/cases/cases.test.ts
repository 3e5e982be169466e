import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';

let t: TestApp;
let officer: Session; // customs of FR, opens the cases
let colleague: Session; // same administration
let otherFr: Session; // another French administration's officer
let adminFr: Session; // administration admin, another French administration
let officerEs: Session;
let adminEs: Session;
let rhA: Session;
let rhB: Session;
let rhC: Session; // a right holder with no line in the cases
let secretariat: Session;
let productA: { id: string; brand: { id: string } };
let brandB: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.factories.user('officer');
  colleague = await t.factories.user('officer', officer.organisationId);
  otherFr = await t.factories.user('officer');
  adminFr = await t.factories.user('administration_admin');
  const es = await t.factories.organisation('customs', 'ES');
  officerEs = await t.factories.user('officer', es.id);
  adminEs = await t.factories.user('administration_admin', (await t.factories.organisation('customs', 'ES')).id);
  rhA = await t.factories.user('right_holder_admin');
  rhB = await t.factories.user('right_holder_editor');
  rhC = await t.factories.user('right_holder_admin');
  secretariat = await t.factories.user('secretariat_admin');
  productA = await t.factories.product(rhA);
  brandB = await t.factories.brand(rhB);
});
afterAll(() => t.close());

const shipment = {
  declarationReference: '26FR000000123456A1',
  transportMode: 'sea',
  transportId: 'MSCU1234567',
  portOrOffice: 'Le Havre',
  originCountry: 'CN',
  consignmentCountry: 'CN',
  destinationCountry: 'FR',
  consignor: 'Shenzhen Trading Co.',
  consignee: 'Import SARL',
  goodsDescription: 'Watches',
  declaredValue: 1250.5,
  declaredCurrency: 'EUR',
  goodsLocation: 'Terminal de France, bay 4',
  assessment: 'Crowns printed, not engraved',
};
/** A case with a line of each right holder (A's product, B's brand), submitted. */
async function twoBrandCase(by: Session = officer) {
  const created = await by.request('POST', '/api/v1/cases', {
    ...shipment,
    lines: [
      { productId: productA.id, quantity: 120, unit: 'pieces' },
      { brandId: brandB.id, description: 'Handbags with B’s logo', quantity: 30 },
      { description: 'Unbranded straps', quantity: 500 },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  const submitted = await by.request('POST', `/api/v1/cases/${created.json().id}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json<{ id: string; reference: string; responseDeadline: string }>();
}

describe('drafts', () => {
  it('an Idempotency-Key makes a retried create answer the first case again, and creates one row', async () => {
    const key = `key-${Math.random()}`;
    const body = { ...shipment, lines: [{ productId: productA.id, quantity: 2 }] };
    const first = await officer.request('POST', '/api/v1/cases', body, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().reference).toMatch(/^FR-\d{4}-\d{6}$/);
    const retry = await officer.request('POST', '/api/v1/cases', body, { 'idempotency-key': key });
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    const rows = await t.db.execute(sql`select count(*)::int as n from cases where created_by = ${officer.userId}
      and declaration_reference = ${shipment.declarationReference} and id = ${first.json().id}`);
    expect(rows.rows[0]).toEqual({ n: 1 });
    const count = await t.db.execute(
      sql`select count(*)::int as n from idempotency_keys where user_id = ${officer.userId} and key = ${key}`,
    );
    expect(count.rows[0]).toEqual({ n: 1 });
    const reused = await officer.request(
      'POST',
      '/api/v1/cases',
      { ...body, consignor: 'Other' },
      {
        'idempotency-key': key,
      },
    );
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Without a key, two posts are two cases with two references.
    const a = await officer.request('POST', '/api/v1/cases', {});
    const b = await officer.request('POST', '/api/v1/cases', {});
    expect(a.json().id).not.toBe(b.json().id);
    expect(a.json().reference).not.toBe(b.json().reference);
  });

  it('the same key from another user is another request', async () => {
    const key = `shared-${Math.random()}`;
    const mine = await officer.request('POST', '/api/v1/cases', {}, { 'idempotency-key': key });
    const theirs = await colleague.request('POST', '/api/v1/cases', {}, { 'idempotency-key': key });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it('a draft is saved as it is typed: the fields sent change, the others stay, lines are replaced when sent', async () => {
    const draft = (await officer.request('POST', '/api/v1/cases', {})).json();
    expect(draft).toMatchObject({ status: 'draft', lines: [], consignor: null, can: { edit: true, submit: true } });
    let saved = await officer.request('PATCH', `/api/v1/cases/${draft.id}`, { consignor: 'Shenzhen Trading Co.' });
    expect(saved.statusCode, saved.body).toBe(200);
    saved = await officer.request('PATCH', `/api/v1/cases/${draft.id}`, {
      lines: [{ productId: productA.id, quantity: 3 }],
      declaredValue: 99.9,
      declaredCurrency: 'EUR',
    });
    expect(saved.json().lines).toHaveLength(1);
    saved = await officer.request('PATCH', `/api/v1/cases/${draft.id}`, { goodsLocation: 'Bay 4' });
    expect(saved.statusCode).toBe(200);
    const reloaded = (await officer.request('GET', `/api/v1/cases/${draft.id}`)).json();
    expect(reloaded).toMatchObject({
      consignor: 'Shenzhen Trading Co.',
      goodsLocation: 'Bay 4',
      declaredValue: 99.9,
      lines: [
        {
          product: { id: productA.id },
          brand: { id: productA.brand.id },
          rightHolder: { id: rhA.organisationId },
          quantity: 3,
          unit: 'pieces',
        },
      ],
    });
    await officer.request('PATCH', `/api/v1/cases/${draft.id}`, {
      lines: [{ description: 'Sunglasses', quantity: 10 }],
      consignor: null,
    });
    const replaced = (await colleague.request('GET', `/api/v1/cases/${draft.id}`)).json();
    expect(replaced.lines).toMatchObject([{ product: null, brand: null, description: 'Sunglasses' }]);
    expect(replaced.consignor).toBeNull();
    expect(replaced.goodsLocation).toBe('Bay 4');
  });

  it('a draft is submitted only with a line of a right holder, once', async () => {
    const draft = (
      await officer.request('POST', '/api/v1/cases', { lines: [{ description: 'No brand', quantity: 1 }] })
    ).json();
    const refused = await officer.request('POST', `/api/v1/cases/${draft.id}/submit`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('CASE_HAS_NO_LINES');
    await officer.request('PATCH', `/api/v1/cases/${draft.id}`, { lines: [{ brandId: brandB.id, quantity: 1 }] });
    const key = `submit-${Math.random()}`;
    const submitted = await officer.request('POST', `/api/v1/cases/${draft.id}/submit`, undefined, {
      'idempotency-key': key,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', overdue: false, can: { edit: false } });
    expect(submitted.json().responseDeadline > new Date().toISOString().slice(0, 10)).toBe(true);
    // A phone retrying the submission gets the same answer; without the key, it is a conflict.
    const retried = await officer.request('POST', `/api/v1/cases/${draft.id}/submit`, undefined, {
      'idempotency-key': key,
    });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual(submitted.json());
    const again = await officer.request('POST', `/api/v1/cases/${draft.id}/submit`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CASE_STATE_INVALID');
    const edit = await officer.request('PATCH', `/api/v1/cases/${draft.id}`, { consignor: 'Late' });
    expect(edit.statusCode).toBe(409);
  });
});

describe('right holders', () => {
  it('see only their lines and their answer in a two-brand case; the case is answered when both have', async () => {
    const kase = await twoBrandCase();
    const full = (await officer.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(full.lines).toHaveLength(3);

    const seenByA = (await rhA.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(seenByA.lines.map((l: { rightHolder: { id: string } }) => l.rightHolder.id)).toEqual([rhA.organisationId]);
    expect(seenByA.consignee).toBe('Import SARL');
    expect(seenByA.shares).toEqual([]);
    expect(seenByA.can).toMatchObject({ answer: true, edit: false, transition: [] });

    const answerA = await rhA.request('POST', `/api/v1/cases/${kase.id}/answer`, {
      verdict: 'counterfeit',
      comment: 'Not our crown',
    });
    expect(answerA.statusCode, answerA.body).toBe(200);
    expect(answerA.json().status).toBe('submitted');

    const seenByB = (await rhB.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(seenByB.lines).toHaveLength(1);
    expect(seenByB.lines[0]).toMatchObject({ brand: { id: brandB.id }, description: 'Handbags with B’s logo' });
    expect(seenByB.answers).toEqual([]);
    expect(JSON.stringify(seenByB)).not.toContain(rhA.organisationId);
    expect(JSON.stringify(seenByB)).not.toContain('Not our crown');

    const answerB = await rhB.request('POST', `/api/v1/cases/${kase.id}/answer`, { verdict: 'needs_sample' });
    expect(answerB.statusCode).toBe(200);
    expect(answerB.json()).toMatchObject({ status: 'answered', answers: [{ verdict: 'needs_sample' }] });
    expect(answerB.json().answers).toHaveLength(1);
    expect(JSON.stringify(answerB.json())).not.toContain(rhA.organisationId);

    const seenByAAfter = (await rhA.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(JSON.stringify(seenByAAfter)).not.toContain(rhB.organisationId);
    expect(seenByAAfter.answers).toMatchObject([{ verdict: 'counterfeit', comment: 'Not our crown' }]);

    const officerView = (await officer.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(officerView.answers).toHaveLength(2);
    expect(officerView.answeredAt).not.toBeNull();
    expect(officerView.events.map((e: { kind: string; to: string | null }) => `${e.kind}:${e.to}`)).toEqual([
      'created:draft',
      'status:submitted',
      'answer:null',
      'answer:null',
      'status:answered',
    ]);
    expect(officerView.events[2]).toMatchObject({ by: { id: rhA.userId }, organisation: { id: rhA.organisationId } });
  });

  it('a right holder with no line, or a draft, is not found', async () => {
    const kase = await twoBrandCase();
    for (const [method, url, body] of [
      ['GET', `/api/v1/cases/${kase.id}`, undefined],
      ['POST', `/api/v1/cases/${kase.id}/answer`, { verdict: 'genuine' }],
    ] as const) {
      const response = await rhC.request(method, url, body);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('CASE_NOT_FOUND');
    }
    const draft = (
      await officer.request('POST', '/api/v1/cases', { lines: [{ productId: productA.id, quantity: 1 }] })
    ).json();
    expect((await rhA.request('GET', `/api/v1/cases/${draft.id}`)).statusCode).toBe(404);
    const listed = (await rhC.request('GET', '/api/v1/cases')).json();
    expect(listed.items).toEqual([]);
  });

  it('list shows a right holder its cases with only its lines counted', async () => {
    const kase = await twoBrandCase();
    const listed = (await rhB.request('GET', `/api/v1/cases?q=${kase.reference}`)).json();
    expect(listed.items).toMatchObject([{ id: kase.id, lineCount: 1 }]);
    const officers = (await officer.request('GET', `/api/v1/cases?q=${kase.reference.toLowerCase()}`)).json();
    expect(officers.items).toMatchObject([{ id: kase.id, lineCount: 3 }]);
  });
});

describe('decisions', () => {
  it('follow the workflow: allowed moves succeed with who and why, others are a 409', async () => {
    const kase = await twoBrandCase();
    const early = await officer.request('POST', `/api/v1/cases/${kase.id}/transition`, {
      to: 'destroyed',
      reason: 'Too early',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CASE_STATE_INVALID');
    await rhA.request('POST', `/api/v1/cases/${kase.id}/answer`, { verdict: 'counterfeit' });
    await rhB.request('POST', `/api/v1/cases/${kase.id}/answer`, { verdict: 'counterfeit' });
    const detained = await colleague.request('POST', `/api/v1/cases/${kase.id}/transition`, {
      to: 'detained',
      reason: 'Both right holders say counterfeit',
    });
    expect(detained.statusCode, detained.body).toBe(200);
    expect(detained.json().can.transition).toEqual(['released', 'destroyed', 'court', 'closed']);
    const destroyed = await officer.request('POST', `/api/v1/cases/${kase.id}/transition`, {
      to: 'destroyed',
      reason: 'Destroyed under art. 23',
    });
    expect(destroyed.json().status).toBe('destroyed');
    const released = await officer.request('POST', `/api/v1/cases/${kase.id}/transition`, {
      to: 'released',
      reason: 'Oops',
    });
    expect(released.statusCode).toBe(409);
    const closed = await officer.request('POST', `/api/v1/cases/${kase.id}/transition`, {
      to: 'closed',
      reason: 'Done',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', can: { transition: [] } });
    expect(closed.json().closedAt).not.toBeNull();
    const events = closed.json().events.filter((e: { kind: string }) => e.kind === 'status');
    expect(events.slice(-3)).toMatchObject([
      { from: 'answered', to: 'detained', by: { id: colleague.userId }, reason: 'Both right holders say counterfeit' },
      { from: 'detained', to: 'destroyed', by: { id: officer.userId }, reason: 'Destroyed under art. 23' },
      { from: 'destroyed', to: 'closed', reason: 'Done' },
    ]);
    // Right holders see the customs' decisions.
    const seenByA = (await rhA.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(seenByA.events.map((e: { to: string | null }) => e.to)).toContain('destroyed');
    const noReason = await officer.request('POST', `/api/v1/cases/${kase.id}/transition`, { to: 'closed' });
    expect(noReason.statusCode).toBe(400);
  });
});

describe('tenancy', () => {
  it('another administration’s officer gets 404 on a guessed id, until the case is shared with it', async () => {
    const kase = await twoBrandCase();
    for (const [method, url, body] of [
      ['GET', `/api/v1/cases/${kase.id}`, undefined],
      ['PATCH', `/api/v1/cases/${kase.id}`, { consignor: 'x' }],
      ['POST', `/api/v1/cases/${kase.id}/submit`, undefined],
      ['POST', `/api/v1/cases/${kase.id}/transition`, { to: 'released', reason: 'x' }],
      ['POST', `/api/v1/cases/${kase.id}/shares`, { organisationId: otherFr.organisationId }],
    ] as const) {
      for (const stranger of [otherFr, officerEs, adminEs]) {
        const response = await stranger.request(method, url, body);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expect(response.json().error.code).toBe('CASE_NOT_FOUND');
      }
    }
    expect((await officerEs.request('GET', `/api/v1/cases?q=${kase.reference}`)).json().items).toEqual([]);

    const shared = await officer.request('POST', `/api/v1/cases/${kase.id}/shares`, {
      organisationId: officerEs.organisationId,
    });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json().shares).toMatchObject([{ organisation: { id: officerEs.organisationId }, country: 'ES' }]);
    const seen = await officerEs.request('GET', `/api/v1/cases/${kase.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ lines: [{}, {}, {}], can: { edit: false, share: false } });
    expect((await officerEs.request('GET', `/api/v1/cases?q=${kase.reference}`)).json().items).toHaveLength(1);
    // Seen, but the draft and its shares belong to the administration that opened it.
    const reshare = await officerEs.request('POST', `/api/v1/cases/${kase.id}/shares`, {
      organisationId: otherFr.organisationId,
    });
    expect(reshare.statusCode).toBe(403);
    // A sharing administration may decide.
    const decided = await officerEs.request('POST', `/api/v1/cases/${kase.id}/transition`, {
      to: 'released',
      reason: 'Released by the country of departure',
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().events.at(-1)).toMatchObject({ organisation: { id: officerEs.organisationId } });
    // Still nothing for the other French administration.
    expect((await otherFr.request('GET', `/api/v1/cases/${kase.id}`)).statusCode).toBe(404);
  });

  it('an administration admin sees every case of its country, not another country’s', async () => {
    const kase = await twoBrandCase();
    const seen = await adminFr.request('GET', `/api/v1/cases/${kase.id}`);
    expect(seen.statusCode).toBe(200);
    expect((await adminFr.request('GET', `/api/v1/cases?q=${kase.reference}`)).json().items).toHaveLength(1);
    expect((await adminEs.request('GET', `/api/v1/cases/${kase.id}`)).statusCode).toBe(404);
    const esCase = await twoBrandCase(officerEs);
    expect(esCase.reference).toMatch(/^ES-/);
    expect((await adminFr.request('GET', `/api/v1/cases/${esCase.id}`)).statusCode).toBe(404);
    expect((await adminEs.request('GET', `/api/v1/cases/${esCase.id}`)).statusCode).toBe(200);
    const filtered = (await adminEs.request('GET', '/api/v1/cases?country=FR')).json();
    expect(filtered.items).toEqual([]);
  });

  it('the secretariat gets anonymised statistics, never a case', async () => {
    const kase = await twoBrandCase();
    expect((await secretariat.request('GET', `/api/v1/cases/${kase.id}`)).statusCode).toBe(403);
    expect((await secretariat.request('GET', '/api/v1/cases')).statusCode).toBe(403);
    const stats = await secretariat.request('GET', '/api/v1/cases/stats');
    expect(stats.statusCode).toBe(200);
    const body = stats.json();
    expect(body.total).toBeGreaterThan(0);
    const month = new Date().toISOString().slice(0, 7);
    // France or, with fewer than 3 cases this month, other countries (case-stats.test.ts).
    expect(body.groups).toContainEqual(expect.objectContaining({ status: 'submitted', month }));
    expect(stats.body).not.toContain(kase.reference);
    expect(stats.body).not.toContain('Shenzhen');
    expect((await officer.request('GET', '/api/v1/cases/stats')).statusCode).toBe(403);
    expect((await rhA.request('POST', '/api/v1/cases', {})).statusCode).toBe(403);
  });

  it('a case is shared only with another customs administration', async () => {
    const kase = await twoBrandCase();
    for (const organisationId of [rhA.organisationId, officer.organisationId]) {
      const response = await officer.request('POST', `/api/v1/cases/${kase.id}/shares`, { organisationId });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('CASE_SHARE_INVALID');
    }
    const unknown = await officer.request('POST', `/api/v1/cases/${kase.id}/shares`, {
      organisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
  });
});
