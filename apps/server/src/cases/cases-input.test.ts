import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';

let t: TestApp;
let officer: Session;
let rhA: Session;
let productA: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.factories.user('officer');
  rhA = await t.factories.user('right_holder_admin');
  productA = await t.factories.product(rhA);
});
afterAll(() => t.close());

describe('lists', () => {
  it('filter by status and page with a cursor', async () => {
    const mine = await t.factories.user('officer');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await mine.request('POST', '/api/v1/cases', {})).json().id);
    const first = (await mine.request('GET', '/api/v1/cases?limit=2&status=draft')).json();
    expect(first.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const second = (await mine.request('GET', `/api/v1/cases?limit=2&status=draft&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await mine.request('GET', '/api/v1/cases?status=submitted')).json().items).toEqual([]);
    expect((await mine.request('GET', '/api/v1/cases?overdue=true')).json().items).toEqual([]);
  });
});

describe('bad input', () => {
  it('gets a 400 with a code: unknown fields, bad countries, a negative quantity, an empty line', async () => {
    for (const body of [
      { unknown: 1 },
      { originCountry: 'fr' },
      { destinationCountry: 'FRA' },
      { declaredCurrency: 'euro' },
      { transportMode: 'boat' },
      { lines: [{ productId: productA.id, quantity: -1 }] },
      { lines: [{ productId: productA.id, quantity: 0 }] },
      { lines: [{ quantity: 1 }] },
      { declaredValue: -5 },
    ]) {
      const response = await officer.request('POST', '/api/v1/cases', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    const unknownProduct = await officer.request('POST', '/api/v1/cases', {
      lines: [{ productId: '00000000-0000-4000-8000-000000000000', quantity: 1 }],
    });
    expect(unknownProduct.statusCode).toBe(404);
    expect(unknownProduct.json().error.code).toBe('PRODUCT_NOT_FOUND');
    const draftProduct = await t.factories.product(rhA, { status: 'draft' });
    const hidden = await officer.request('POST', '/api/v1/cases', {
      lines: [{ productId: draftProduct.id, quantity: 1 }],
    });
    expect(hidden.statusCode).toBe(404);
    const badVerdict = await rhA.request('POST', `/api/v1/cases/00000000-0000-4000-8000-000000000000/answer`, {
      verdict: 'maybe',
    });
    expect(badVerdict.statusCode).toBe(400);
  });
});

describe('idempotency under retries', () => {
  it('requests racing with one key make one case, and all get its answer', async () => {
    const key = `race-${Math.random()}`;
    const body = { consignor: 'Racing Ltd', lines: [{ productId: productA.id, quantity: 1 }] };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => officer.request('POST', '/api/v1/cases', body, { 'idempotency-key': key })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const list = (await officer.request('GET', '/api/v1/cases?limit=100')).json();
    expect(list.items.filter((c: { id: string }) => c.id === answers[0]!.json().id)).toHaveLength(1);
    expect(list.items).toHaveLength(1);
  });
});
