/**
 * Bad input anywhere gets a 4xx with a stable code: every route of the OpenAPI document is
 * sent malformed, wrongly typed, oversized and random JSON (fast-check), by a right holder
 * who owns real objects, and must never answer 5xx. (The full OpenAPI-driven fuzzer, with
 * "no data changed by a rejected request", belongs to the trust work.)
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@verity/contract';
import { createTestApp, type Session, type TestApp } from './test-app';

let t: TestApp;
let rh: Session;
let admin: Session;
let routes: { method: string; path: string }[] = [];
let productId: string;

beforeAll(async () => {
  t = await createTestApp();
  rh = await t.factories.user('right_holder_admin');
  admin = await t.factories.user('secretariat_admin');
  productId = (await t.factories.product(rh)).id;
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
  );
});
afterAll(() => t.close());

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const badIds = ['not-a-uuid', '00000000-0000-4000-8000-000000000000', '%00', 'x'.repeat(600), "1' or '1'='1"];
const badQueries = [
  '?limit=-1',
  '?limit=abc',
  `?cursor=${cursorOf([1, 'not-a-uuid'])}`,
  `?cursor=${cursorOf(['a', "x'; drop table products"])}`,
  '?q=%00',
  `?q=${'a'.repeat(300)}`,
  '?cursor=!!!',
];
const badBodies: { payload: string; type?: string }[] = [
  { payload: '{' },
  { payload: 'null' },
  { payload: '[]' },
  { payload: '"text"' },
  { payload: '{"name": {"en": "a\\u0000b"}, "brandId": "00000000-0000-4000-8000-000000000000"}' },
  { payload: '{"input": "\\u0000"}' },
  {
    payload:
      '{"name": "x", "trademarks": [{"office": "EUIPO", "registrationNumber": "1", "validUntil": "0000-01-01"}]}',
  },
  { payload: '{"country": "FR", "reference": "x", "validFrom": "0000-01-01", "validUntil": "0001-01-01"}' },
  { payload: '{"a":'.repeat(2000) + '1' + '}'.repeat(2000) },
  { payload: '{"limit": 1e309, "name": 1e309}' },
  { payload: 'a,b\n1,2', type: 'text/csv' },
  {
    payload: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nnot an image\r\n--x--',
    type: 'multipart/form-data; boundary=x',
  },
];

function expectClientError(response: { statusCode: number; body: string }, label: string) {
  expect(response.statusCode, `${label} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
  if (response.statusCode >= 400) expect(errorCodes, label).toContain(JSON.parse(response.body).error.code);
}

/**
 * Rows a rejected request could have written: the right holder's data always; every
 * organisation and user only when the database is this file's own (on the server database,
 * other test files create organisations at the same time).
 */
const ownedTables = [
  'brands',
  'products',
  'product_identifiers',
  'product_images',
  'files',
  'contacts',
  'applications_for_action',
];
async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const table of ownedTables) {
    const result = await t.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table)} where organisation_id = ${rh.organisationId}`,
    );
    counts[table] = (result.rows[0] as { n: number }).n;
  }
  if (!process.env.TEST_DATABASE_URL) {
    for (const table of ['organisations', 'users', 'memberships']) {
      const result = await t.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`);
      counts[table] = (result.rows[0] as { n: number }).n;
    }
  }
  return counts;
}

const fill = (path: string, id: string) => path.replaceAll('{id}', id).replaceAll('{imageId}', id);

describe('bad input on every route', () => {
  it('covers the routes of the API', () => {
    expect(routes.length).toBeGreaterThan(25);
  });

  it('never answers 5xx to malformed ids, queries and bodies, and changes no data', async () => {
    const before = await rowCounts();
    for (const session of [rh, admin]) {
      for (const { method, path } of routes) {
        for (const id of badIds) {
          const url = fill(path, id);
          expectClientError(await session.request(method, url), `${method} ${url}`);
        }
        const url = fill(path, productId);
        for (const query of badQueries)
          expectClientError(await session.request(method, url + query), `${method} ${url}${query}`);
        if (method === 'GET' || method === 'DELETE') continue;
        for (const body of badBodies) {
          const response = await t.app.inject({
            method: method as 'POST',
            url,
            headers: { cookie: session.cookie, 'content-type': body.type ?? 'application/json' },
            payload: body.payload,
          });
          expectClientError(response, `${method} ${url} ${body.payload.slice(0, 60)}`);
        }
      }
    }
    expect(await rowCounts()).toEqual(before);
  }, 120_000);

  it('never answers 5xx to random JSON bodies (fast-check)', async () => {
    const writes = routes.filter((r) => r.method === 'POST' || r.method === 'PATCH');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), fc.jsonValue({ maxDepth: 4 }), async (route, body) => {
        const url = fill(route.path, productId);
        const response = await t.app.inject({
          method: route.method as 'POST',
          url,
          headers: { cookie: rh.cookie, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expectClientError(response, `${route.method} ${url} ${JSON.stringify(body).slice(0, 100)}`);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
