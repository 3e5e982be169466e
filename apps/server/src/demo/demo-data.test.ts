import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openDatabase, type Database } from '../platform/db';
import { testConfig } from '../../test/test-app';
import { DEMO_PASSWORD, loadDemoDataOnce } from './demo-data';

// Always its own in-memory database: the demo's fixed e-mails and GTINs must not meet other tests' data.
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  database = await openDatabase({ dataDir: '', inMemory: true, poolSize: 1 });
  expect(await loadDemoDataOnce(database)).toBe(true);
  app = await buildApp(testConfig(), { database });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the demo data', () => {
  it('loads once only', async () => {
    expect(await loadDemoDataOnce(database)).toBe(false);
  });

  it('gives the chronograph pictures, on its genuine and counterfeit features too, and texts in en, fr and es', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'officer@demo.test', password: DEMO_PASSWORD },
    });
    const cookie = login.headers['set-cookie'] as string;
    const found = await app.inject({
      method: 'POST',
      url: '/api/v1/identify',
      headers: { cookie },
      payload: { input: '3790000000014' },
    });
    const [product] = found.json().products as { id: string; thumbnailUrl: string | null }[];
    // The demo's risk alert about it reaches this French officer.
    expect(found.json().alerts.map((a: { route: string }) => a.route)).toEqual([
      'Container ships via Le Havre and Algeciras',
    ]);
    expect(product!.thumbnailUrl).toMatch(/^\/api\/v1\/files\//);
    const sheet = (await app.inject({ url: `/api/v1/products/${product!.id}`, headers: { cookie } })).json();
    expect(sheet.images).toHaveLength(3);
    const feature = (kind: string) => sheet.features.find((f: { kind: string }) => f.kind === kind);
    expect(feature('genuine').imageIds).toEqual([sheet.images[1].id]);
    expect(feature('counterfeit').imageIds).toEqual([sheet.images[2].id]);
    for (const lang of ['en', 'fr', 'es']) {
      expect(Object.keys(sheet.instructions)).toContain(lang);
      expect(Object.keys(feature('genuine').title)).toContain(lang);
    }
    const picture = await app.inject({ url: sheet.images[0].url, headers: { cookie } });
    expect(picture.statusCode).toBe(200);
    expect(picture.headers['content-type']).toMatch(/^image\//);
  });
});
