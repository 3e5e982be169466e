import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';

let t: TestApp;
let rh: Session;
let otherRh: Session;
let officerFr: Session;
let officerEs: Session;
let product: { id: string; identifiers: { kind: string; value: string }[] };

const year = new Date().getUTCFullYear();
const alertBody = (productIds: string[], extra: object = {}) => ({
  defaultLanguage: 'en',
  title: { en: 'Fake chronographs expected', fr: 'Chronographes contrefaits attendus' },
  description: { en: 'Printed crowns; sold in bulk.' },
  countries: ['FR', 'BE'],
  origins: ['CN'],
  route: 'By sea via Le Havre',
  validFrom: `${year - 1}-01-01`,
  validUntil: `${year + 1}-12-31`,
  productIds,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  rh = await t.factories.user('right_holder_admin');
  otherRh = await t.factories.user('right_holder_admin');
  officerFr = await t.factories.user('officer'); // customs of FR
  officerEs = await t.factories.user('officer', (await t.factories.organisation('customs', 'ES')).id);
  product = await t.factories.product(rh);
});
afterAll(() => t.close());

describe('risk alerts', () => {
  it('reach the officers of the targeted countries, on the list and when they identify a linked product', async () => {
    const created = await rh.request('POST', '/api/v1/alerts', alertBody([product.id]));
    expect(created.statusCode, created.body).toBe(201);
    const alert = created.json();
    expect(alert).toMatchObject({ countries: ['FR', 'BE'], inForce: true, route: 'By sea via Le Havre' });
    expect(alert.products.map((p: { id: string }) => p.id)).toEqual([product.id]);

    const frList = (await officerFr.request('GET', '/api/v1/alerts')).json().items.map((a: { id: string }) => a.id);
    expect(frList).toContain(alert.id);
    const esList = (await officerEs.request('GET', '/api/v1/alerts')).json().items.map((a: { id: string }) => a.id);
    expect(esList).not.toContain(alert.id);
    expect((await officerEs.request('GET', `/api/v1/alerts/${alert.id}`)).statusCode).toBe(404);

    const gtin = product.identifiers.find((i) => i.kind === 'gtin')!.value;
    const identifiedFr = (await officerFr.request('POST', '/api/v1/identify', { input: gtin })).json();
    expect(identifiedFr.alerts.map((a: { id: string }) => a.id)).toEqual([alert.id]);
    const identifiedEs = (await officerEs.request('POST', '/api/v1/identify', { input: gtin })).json();
    expect(identifiedEs.products).toHaveLength(1);
    expect(identifiedEs.alerts).toEqual([]);

    const forProduct = (await officerFr.request('GET', `/api/v1/alerts?productId=${product.id}`)).json().items;
    expect(forProduct.map((a: { id: string }) => a.id)).toEqual([alert.id]);
  });

  it('are seen by officers only while in force; their right holder sees them always', async () => {
    const expired = (
      await rh.request(
        'POST',
        '/api/v1/alerts',
        alertBody([], { validFrom: `${year - 3}-01-01`, validUntil: `${year - 2}-12-31` }),
      )
    ).json();
    expect(expired.inForce).toBe(false);
    const officerIds = (await officerFr.request('GET', '/api/v1/alerts')).json().items.map((a: { id: string }) => a.id);
    expect(officerIds).not.toContain(expired.id);
    const ownIds = (await rh.request('GET', '/api/v1/alerts')).json().items.map((a: { id: string }) => a.id);
    expect(ownIds).toContain(expired.id);
  });

  it('belong to their right holder: another sees nothing, changes nothing, and cannot link its products', async () => {
    const alert = (await rh.request('POST', '/api/v1/alerts', alertBody([product.id]))).json();
    expect((await otherRh.request('GET', `/api/v1/alerts/${alert.id}`)).statusCode).toBe(404);
    const patch = await otherRh.request('PATCH', `/api/v1/alerts/${alert.id}`, { countries: ['DE'] });
    expect(patch.statusCode).toBe(404);
    expect((await otherRh.request('DELETE', `/api/v1/alerts/${alert.id}`)).statusCode).toBe(404);
    const foreign = await otherRh.request('POST', '/api/v1/alerts', alertBody([product.id]));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('PRODUCT_NOT_FOUND');
    expect((await officerFr.request('POST', '/api/v1/alerts', alertBody([]))).statusCode).toBe(403);
  });

  it('change and are withdrawn by their right holder, and identify follows at once', async () => {
    const own = await t.factories.product(rh);
    const gtin = own.identifiers.find((i) => i.kind === 'gtin')!.value;
    const matched = async (officer: Session) =>
      (await officer.request('POST', '/api/v1/identify', { input: gtin }))
        .json()
        .alerts.map((a: { id: string }) => a.id);
    expect(await matched(officerFr)).toEqual([]); // read once: the answer is now cached
    const alert = (await rh.request('POST', '/api/v1/alerts', alertBody([own.id]))).json();
    expect(await matched(officerFr)).toEqual([alert.id]);
    const moved = await rh.request('PATCH', `/api/v1/alerts/${alert.id}`, { countries: ['ES'] });
    expect(await matched(officerFr)).toEqual([]);
    expect(await matched(officerEs)).toEqual([alert.id]);
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ countries: ['ES'], route: 'By sea via Le Havre' });
    expect(moved.json().products).toHaveLength(1); // lists not sent are kept
    expect((await officerEs.request('GET', `/api/v1/alerts/${alert.id}`)).statusCode).toBe(200);
    expect((await officerFr.request('GET', `/api/v1/alerts/${alert.id}`)).statusCode).toBe(404);
    expect((await rh.request('DELETE', `/api/v1/alerts/${alert.id}`)).json()).toEqual({ deleted: true });
    expect((await rh.request('GET', `/api/v1/alerts/${alert.id}`)).statusCode).toBe(404);
    expect(await matched(officerEs)).toEqual([]);
  });

  it('refuse bad input with reasons', async () => {
    const dates = await rh.request('POST', '/api/v1/alerts', alertBody([], { validUntil: `${year - 5}-01-01` }));
    expect(dates.statusCode).toBe(422);
    expect(dates.json().error.code).toBe('ALERT_DATES_INVALID');
    const title = await rh.request('POST', '/api/v1/alerts', alertBody([], { title: { fr: 'Seulement en français' } }));
    expect(title.json().error.code).toBe('ALERT_TITLE_MISSING');
    const noCountry = await rh.request('POST', '/api/v1/alerts', alertBody([], { countries: [] }));
    expect(noCountry.statusCode).toBe(400);
    const badCountry = await rh.request('POST', '/api/v1/alerts', alertBody([], { countries: ['France'] }));
    expect(badCountry.json().error.code).toBe('VALIDATION_FAILED');
  });
});
