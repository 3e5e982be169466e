import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { addWorkingDays } from '../cases/working-days';

let t: TestApp;
let adminFr: Session; // administration admin of a French administration
let officerFr: Session; // an officer of the same administration
let adminEs: Session;
let secretariat: Session;
let rh: Session;
let productId: string;

beforeAll(async () => {
  t = await createTestApp();
  adminFr = await t.factories.user('administration_admin');
  officerFr = await t.factories.user('officer', adminFr.organisationId);
  adminEs = await t.factories.user('administration_admin', (await t.factories.organisation('customs', 'ES')).id);
  secretariat = await t.factories.user('secretariat_admin');
  rh = await t.factories.user('right_holder_admin');
  productId = (await t.factories.product(rh)).id;
});
afterAll(() => t.close());

const settingsUrl = (organisationId: string) => `/api/v1/organisations/${organisationId}/case-settings`;

describe('an administration’s case settings', () => {
  it('are 10 working days until its admin sets them; a case submitted afterwards gets the administration’s number', async () => {
    const initial = await adminFr.request('GET', settingsUrl(adminFr.organisationId));
    expect(initial.statusCode, initial.body).toBe(200);
    expect(initial.json()).toEqual({ responseWorkingDays: 10, defaultWorkingDays: 10, custom: false });

    const set = await adminFr.request('PUT', settingsUrl(adminFr.organisationId), { responseWorkingDays: 3 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ responseWorkingDays: 3, defaultWorkingDays: 10, custom: true });
    expect((await adminFr.request('GET', settingsUrl(adminFr.organisationId))).json().responseWorkingDays).toBe(3);

    const created = await officerFr.request('POST', '/api/v1/cases', { lines: [{ productId, quantity: 1 }] });
    expect(created.statusCode, created.body).toBe(201);
    const submitted = await officerFr.request('POST', `/api/v1/cases/${created.json().id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().responseDeadline).toBe(addWorkingDays(new Date(), 3));
    expect(submitted.json().events.at(-1)).toMatchObject({ to: 'submitted', details: { workingDays: 3 } });

    const reset = await adminFr.request('PUT', settingsUrl(adminFr.organisationId), { responseWorkingDays: null });
    expect(reset.json()).toEqual({ responseWorkingDays: 10, defaultWorkingDays: 10, custom: false });
  });

  it('another administration’s cases keep their own deadline', async () => {
    await adminFr.request('PUT', settingsUrl(adminFr.organisationId), { responseWorkingDays: 20 });
    const officerEs = await t.factories.user('officer', adminEs.organisationId);
    const created = await officerEs.request('POST', '/api/v1/cases', { lines: [{ productId, quantity: 1 }] });
    const submitted = await officerEs.request('POST', `/api/v1/cases/${created.json().id}/submit`);
    expect(submitted.json().responseDeadline).toBe(addWorkingDays(new Date(), 10));
  });

  it('are set only by the administration’s own admin or the secretariat', async () => {
    const body = { responseWorkingDays: 15 };
    // Another country's administration admin: the organisation looks as if it did not exist.
    const foreign = await adminEs.request('PUT', settingsUrl(adminFr.organisationId), body);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('ORGANISATION_NOT_FOUND');
    expect((await adminEs.request('GET', settingsUrl(adminFr.organisationId))).statusCode).toBe(404);
    // An officer, even of the administration itself, and a right holder may not.
    expect((await officerFr.request('PUT', settingsUrl(adminFr.organisationId), body)).statusCode).toBe(403);
    expect((await officerFr.request('GET', settingsUrl(adminFr.organisationId))).statusCode).toBe(403);
    expect((await rh.request('PUT', settingsUrl(adminFr.organisationId), body)).statusCode).toBe(403);
    // The secretariat may, for any administration.
    const bySecretariat = await secretariat.request('PUT', settingsUrl(adminEs.organisationId), body);
    expect(bySecretariat.statusCode, bySecretariat.body).toBe(200);
    expect((await adminEs.request('GET', settingsUrl(adminEs.organisationId))).json().responseWorkingDays).toBe(15);
  });

  it('refuse numbers outside 1–60 and organisations that are not customs', async () => {
    for (const responseWorkingDays of [0, 61, 2.5, '10']) {
      const response = await adminFr.request('PUT', settingsUrl(adminFr.organisationId), { responseWorkingDays });
      expect(response.statusCode, String(responseWorkingDays)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await adminFr.request('PUT', settingsUrl(adminFr.organisationId), {})).statusCode).toBe(400);
    const notCustoms = await secretariat.request('PUT', settingsUrl(rh.organisationId), { responseWorkingDays: 5 });
    expect(notCustoms.statusCode).toBe(422);
    expect(notCustoms.json().error.code).toBe('ORGANISATION_NOT_CUSTOMS');
    const unknown = await secretariat.request('GET', settingsUrl('00000000-0000-4000-8000-000000000000'));
    expect(unknown.statusCode).toBe(404);
  });
});

describe('the directory of customs administrations', () => {
  it('lists active administrations and agencies, by country then name, for customs only', async () => {
    const be = await t.factories.organisation('customs', 'BE');
    const agency = await t.factories.organisation('agency', 'AT');
    const closed = await t.factories.organisation('customs', 'AT');
    await secretariat.request('PATCH', `/api/v1/organisations/${closed.id}`, { active: false });

    const response = await officerFr.request('GET', '/api/v1/customs-administrations');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: { id: string; name: string; country: string | null }[] }>().items;
    const ids = items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([be.id, agency.id, adminFr.organisationId, adminEs.organisationId]));
    expect(ids).not.toContain(closed.id);
    expect(ids).not.toContain(rh.organisationId);
    const keys = items.map((i) => `${i.country ?? '~'}|${i.name}`);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(items.find((i) => i.id === agency.id)).toEqual({ id: agency.id, name: agency.name, country: 'AT' });

    expect((await adminFr.request('GET', '/api/v1/customs-administrations')).statusCode).toBe(200);
    expect((await rh.request('GET', '/api/v1/customs-administrations')).statusCode).toBe(403);
    expect((await secretariat.request('GET', '/api/v1/customs-administrations')).statusCode).toBe(403);
  });

  it('filters by part of the name or by country code', async () => {
    const named = await t.factories.organisation('customs', 'PT');
    const byName = await officerFr.request('GET', `/api/v1/customs-administrations?q=${named.name.slice(-6)}`);
    expect(byName.json().items.map((i: { id: string }) => i.id)).toEqual([named.id]);
    const byCountry = (await officerFr.request('GET', '/api/v1/customs-administrations?q=pt')).json().items;
    expect(byCountry.map((i: { id: string }) => i.id)).toContain(named.id);
    expect(byCountry.every((i: { country: string; name: string }) => i.country === 'PT' || /pt/i.test(i.name))).toBe(
      true,
    );
  });
});
