import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';

/**
 * The secretariat's statistics: anonymised counts by country, state and month. The cases here
 * are dated in 2003 (by SQL), so that the counts of a period are this file's alone even on a
 * database other test files share.
 */
let t: TestApp;
let officerFr: Session;
let officerEs: Session;
let adminFr: Session;
let rightHolder: Session;
let secretariat: Session;
const references: string[] = [];

/** A case of `by`'s administration, put in `status` and dated `createdAt` (UTC). */
async function caseAt(by: Session, status: string, createdAt: string) {
  const created = await by.request('POST', '/api/v1/cases', { consignor: 'Shenzhen Trading Co.' });
  expect(created.statusCode, created.body).toBe(201);
  const { id, reference } = created.json<{ id: string; reference: string }>();
  references.push(reference);
  await t.db.execute(sql`update cases set status = ${status}, created_at = ${createdAt}::timestamptz where id = ${id}`);
}

beforeAll(async () => {
  t = await createTestApp();
  officerFr = await t.factories.user('officer');
  officerEs = await t.factories.user('officer', (await t.factories.organisation('customs', 'ES')).id);
  adminFr = await t.factories.user('administration_admin');
  rightHolder = await t.factories.user('right_holder_admin');
  secretariat = await t.factories.user('secretariat_admin');
  // February 2003: France 3 cases (named), Spain 2 (too few: other countries), a draft (never counted).
  await caseAt(officerFr, 'submitted', '2003-02-03T10:00:00Z');
  await caseAt(officerFr, 'submitted', '2003-02-10T10:00:00Z');
  await caseAt(officerFr, 'detained', '2003-02-28T23:30:00Z');
  await caseAt(officerEs, 'submitted', '2003-02-05T10:00:00Z');
  await caseAt(officerEs, 'released', '2003-02-06T10:00:00Z');
  await caseAt(officerFr, 'draft', '2003-02-07T10:00:00Z');
  // March 2003: France 1 (other countries), Spain 4 (named).
  await caseAt(officerFr, 'answered', '2003-03-01T00:00:00Z');
  for (const status of ['submitted', 'submitted', 'closed', 'closed'])
    await caseAt(officerEs, status, '2003-03-15T12:00:00Z');
  // Just outside 1 February – 31 March (UTC).
  await caseAt(officerFr, 'submitted', '2003-01-31T23:59:00Z');
  await caseAt(officerFr, 'submitted', '2003-04-01T00:00:00Z');
});
afterAll(() => t.close());

const period = '/api/v1/cases/stats?from=2003-02-01&to=2003-03-31';

describe('case statistics (the secretariat)', () => {
  it('counts the submitted cases of the period by country, state and month; a country with fewer than 3 cases in a month is not named', async () => {
    const response = await secretariat.request('GET', period);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.countryThreshold).toBe(3);
    expect(body.groups).toEqual([
      { country: 'FR', status: 'detained', month: '2003-02', count: 1 },
      { country: 'FR', status: 'submitted', month: '2003-02', count: 2 },
      { country: null, status: 'released', month: '2003-02', count: 1 },
      { country: null, status: 'submitted', month: '2003-02', count: 1 },
      { country: 'ES', status: 'closed', month: '2003-03', count: 2 },
      { country: 'ES', status: 'submitted', month: '2003-03', count: 2 },
      { country: null, status: 'answered', month: '2003-03', count: 1 },
    ]);
    expect(body.total).toBe(10);
  });

  it('tells no reference, party or organisation, and no country of a month with fewer than 3 of its cases', async () => {
    const response = await secretariat.request('GET', period);
    for (const reference of references) expect(response.body).not.toContain(reference);
    expect(response.body).not.toContain('Shenzhen');
    expect(response.body).not.toContain(officerFr.organisationId);
    const groups = response.json<{ groups: { country: string | null; month: string }[] }>().groups;
    expect(groups.filter((g) => g.country === 'ES' && g.month === '2003-02')).toEqual([]);
    expect(groups.filter((g) => g.country === 'FR' && g.month === '2003-03')).toEqual([]);
  });

  it('counts whole months (UTC) whatever the days given: two periods a few days apart tell nothing of those days', async () => {
    const whole = (await secretariat.request('GET', period)).json();
    // Mid-February to 2 March is February and March, whole.
    const days = (await secretariat.request('GET', '/api/v1/cases/stats?from=2003-02-15&to=2003-03-02')).json();
    expect(days).toEqual(whole);
    const lastDay = (await secretariat.request('GET', '/api/v1/cases/stats?from=2003-02-28&to=2003-02-28')).json();
    expect(lastDay.total).toBe(5); // the whole of February, not its last day's one case
    // The month's edges in UTC: 31 January 23:59 is January's, 1 April 00:00 April's.
    const january = (await secretariat.request('GET', '/api/v1/cases/stats?from=2003-01-31&to=2003-01-31')).json();
    expect(january.groups).toEqual([{ country: null, status: 'submitted', month: '2003-01', count: 1 }]);
    const april = (await secretariat.request('GET', '/api/v1/cases/stats?from=2003-04-30&to=2003-04-30')).json();
    expect(april.groups).toEqual([{ country: null, status: 'submitted', month: '2003-04', count: 1 }]);
    const none = (await secretariat.request('GET', '/api/v1/cases/stats?from=2003-05-01&to=2003-12-31')).json();
    expect(none).toEqual({ groups: [], total: 0, countryThreshold: 3 });
  });

  it('refuses a period that ends before it starts, and days that are not days', async () => {
    const reversed = await secretariat.request('GET', '/api/v1/cases/stats?from=2003-03-01&to=2003-02-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.code).toBe('CASE_FILTER_DATES_INVALID');
    for (const query of ['from=2003-02-30', 'to=yesterday', 'from=2003-02', 'month=2003-02']) {
      const bad = await secretariat.request('GET', `/api/v1/cases/stats?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().error.code, query).toBe('VALIDATION_FAILED');
    }
  });

  it('is the secretariat’s alone: customs and right holders are refused', async () => {
    for (const session of [officerFr, officerEs, adminFr, rightHolder]) {
      const refused = await session.request('GET', period);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('FORBIDDEN');
    }
  });
});
