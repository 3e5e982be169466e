/**
 * Two server processes on one PostgreSQL database: a catalog change made through one is
 * seen by identify on the other at once (NOTIFY), not after the cache's expiry.
 * Needs a shared server database, so it runs in the PostgreSQL pass of npm test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app';

const shared = !!process.env.TEST_DATABASE_URL;
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  if (!shared) return;
  a = await createTestApp();
  b = await createTestApp();
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe.skipIf(!shared)('identify cache across server processes', () => {
  it('a rename through one server is seen by identify on the other', async () => {
    const rh = await a.factories.user('right_holder_admin');
    const product = await a.factories.product(rh, { name: { en: 'Before' } });
    const gtin = product.identifiers[0]!.value;
    const officerOnB = await b.factories.user('officer');
    const identify = async () =>
      (await officerOnB.request('POST', '/api/v1/identify', { input: gtin })).json().products[0]?.name;
    expect(await identify()).toBe('Before'); // now cached in b
    await rh.request('PATCH', `/api/v1/products/${product.id}`, { name: { en: 'After' } });
    let seen = await identify();
    for (let i = 0; i < 40 && seen !== 'After'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await identify();
    }
    expect(seen).toBe('After'); // within 2 s, far below the cache's 60 s expiry
  });

  it('a risk alert published through one server reaches identify on the other', async () => {
    const rh = await a.factories.user('right_holder_admin');
    const product = await a.factories.product(rh);
    const gtin = product.identifiers[0]!.value;
    const officerOnB = await b.factories.user('officer'); // customs of FR
    const alerts = async () =>
      (await officerOnB.request('POST', '/api/v1/identify', { input: gtin })).json().alerts as unknown[];
    expect(await alerts()).toEqual([]); // the links in force for FR are now cached in b
    const published = await rh.request('POST', '/api/v1/alerts', {
      title: { en: 'Fakes expected' },
      countries: ['FR'],
      validFrom: '2020-01-01',
      validUntil: '2099-12-31',
      productIds: [product.id],
    });
    expect(published.statusCode).toBe(201);
    let seen = await alerts();
    for (let i = 0; i < 40 && seen.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await alerts();
    }
    expect(seen).toHaveLength(1);
  });
});
