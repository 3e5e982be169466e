import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';

let t: TestApp;
let officer: Session; // customs of FR, opens the cases
let colleague: Session; // same administration
let adminFr: Session; // administration admin of another French administration
let adminEs: Session;
let sharedWith: Session; // an officer of an administration the case is shared with
let rh: Session;
let otherRh: Session;
let productId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.factories.user('officer');
  colleague = await t.factories.user('officer', officer.organisationId);
  adminFr = await t.factories.user('administration_admin');
  adminEs = await t.factories.user('administration_admin', (await t.factories.organisation('customs', 'ES')).id);
  sharedWith = await t.factories.user('officer', (await t.factories.organisation('customs', 'BE')).id);
  rh = await t.factories.user('right_holder_admin');
  otherRh = await t.factories.user('right_holder_admin');
  productId = (await t.factories.product(rh)).id;
});
afterAll(() => t.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function submittedCase() {
  const created = await officer.request('POST', '/api/v1/cases', { lines: [{ productId, quantity: 3 }] });
  expect(created.statusCode, created.body).toBe(201);
  const submitted = await officer.request('POST', `/api/v1/cases/${created.json().id}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json<{ id: string; responseDeadline: string }>();
}

const move = (by: Session, id: string, responseDeadline: string, reason = 'The right holder asked for a week more') =>
  by.request('PUT', `/api/v1/cases/${id}/deadline`, { responseDeadline, reason });

describe('changing one case’s deadline', () => {
  it('an officer of the owning administration moves it, with who, when and why in the timeline', async () => {
    const kase = await submittedCase();
    const later = day(30);
    const response = await move(colleague, kase.id, later);
    expect(response.statusCode, response.body).toBe(200);
    const changed = response.json();
    expect(changed).toMatchObject({ responseDeadline: later, overdue: false });
    expect(changed.events.at(-1)).toMatchObject({
      kind: 'deadline',
      by: { id: colleague.userId },
      organisation: { id: officer.organisationId },
      reason: 'The right holder asked for a week more',
      details: { from: kase.responseDeadline, to: later },
    });
    expect(Date.now() - Date.parse(changed.events.at(-1).at)).toBeLessThan(60_000);
    // The right holder reads the new deadline and the change (its reason included).
    const seen = (await rh.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(seen.responseDeadline).toBe(later);
    expect(seen.events.map((e: { kind: string }) => e.kind)).toContain('deadline');
    expect(seen.can.deadline).toBe(false);
  });

  it('today is allowed; a day in the past is DEADLINE_IN_PAST', async () => {
    const kase = await submittedCase();
    const past = await move(officer, kase.id, day(-1));
    expect(past.statusCode).toBe(422);
    expect(past.json().error.code).toBe('DEADLINE_IN_PAST');
    expect((await officer.request('GET', `/api/v1/cases/${kase.id}`)).json().responseDeadline).toBe(
      kase.responseDeadline,
    );
    expect((await move(officer, kase.id, day(0))).statusCode).toBe(200);
  });

  it('only while answers are awaited: a draft or a decided case is a 409', async () => {
    const draft = (await officer.request('POST', '/api/v1/cases', { lines: [{ productId, quantity: 1 }] })).json();
    const onDraft = await move(officer, draft.id, day(10));
    expect(onDraft.statusCode).toBe(409);
    expect(onDraft.json().error.code).toBe('CASE_STATE_INVALID');
    expect(draft.can.deadline).toBe(false);

    const kase = await submittedCase();
    await rh.request('POST', `/api/v1/cases/${kase.id}/answer`, { verdict: 'counterfeit' });
    const answered = await move(officer, kase.id, day(5));
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().can.deadline).toBe(true);
    await officer.request('POST', `/api/v1/cases/${kase.id}/transition`, { to: 'detained', reason: 'Fakes' });
    const decided = await move(officer, kase.id, day(10));
    expect(decided.statusCode).toBe(409);
    expect(decided.json().error.code).toBe('CASE_STATE_INVALID');
  });

  it('is for the owning administration and its country’s admin: not a sharing administration, right holders or another country', async () => {
    const kase = await submittedCase();
    await officer.request('POST', `/api/v1/cases/${kase.id}/shares`, { organisationId: sharedWith.organisationId });
    const byShared = await move(sharedWith, kase.id, day(10));
    expect(byShared.statusCode).toBe(403); // it reads the case, but may not change its deadline
    expect((await sharedWith.request('GET', `/api/v1/cases/${kase.id}`)).json().can.deadline).toBe(false);
    expect((await move(rh, kase.id, day(10))).statusCode).toBe(403);
    expect((await move(otherRh, kase.id, day(10))).statusCode).toBe(403);
    const byEs = await move(adminEs, kase.id, day(10));
    expect(byEs.statusCode).toBe(404);
    expect(byEs.json().error.code).toBe('CASE_NOT_FOUND');
    expect((await move(adminFr, kase.id, day(12))).statusCode).toBe(200); // the country's admin
    const unknown = await move(officer, '00000000-0000-4000-8000-000000000000', day(10));
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses a missing reason or a malformed date', async () => {
    const kase = await submittedCase();
    for (const body of [
      { responseDeadline: day(10) },
      { responseDeadline: day(10), reason: '   ' },
      { responseDeadline: '10/12/2030', reason: 'x' },
      { responseDeadline: '2030-02-30', reason: 'x' },
    ]) {
      const response = await officer.request('PUT', `/api/v1/cases/${kase.id}/deadline`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('the timeline’s server-written entries', () => {
  it('are codes, never English: the case answered by everyone has a cause; a share names the administration', async () => {
    const kase = await submittedCase();
    await officer.request('POST', `/api/v1/cases/${kase.id}/shares`, { organisationId: sharedWith.organisationId });
    const answered = (await rh.request('POST', `/api/v1/cases/${kase.id}/answer`, { verdict: 'genuine' })).json();
    const auto = answered.events.find((e: { to: string | null }) => e.to === 'answered');
    expect(auto).toMatchObject({ kind: 'status', from: 'submitted', reason: null, details: { cause: 'all_answered' } });
    const events = (await officer.request('GET', `/api/v1/cases/${kase.id}`)).json().events;
    const share = events.find((e: { kind: string }) => e.kind === 'share');
    expect(share.details).toMatchObject({ organisationId: sharedWith.organisationId, country: 'BE' });
    expect(typeof share.details.organisationName).toBe('string');
    expect(events.filter((e: { reason: string | null }) => e.reason !== null)).toEqual([]);
  });
});
