import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '@verity/codes';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';

let t: TestApp;
let rh: Session;
let officer: Session;
let watch: { id: string; gtin13: string; caseGtin14: string };
let phone: { id: string };
let serialised: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  rh = await t.factories.user('right_holder_admin');
  officer = await t.factories.user('officer');
  const brand = await t.factories.brand(rh, 'Chronalis');
  const gtin13 = t.factories.gtin();
  // A case of the item: indicator digit 1, the item's body, a new check digit (GS1 GenSpecs §2.1.2).
  const caseBody = '1' + gtin13.slice(0, 12);
  const caseGtin14 = caseBody + String(gs1CheckDigit(caseBody));
  const created = await t.factories.product(rh, {
    brandId: brand.id,
    defaultLanguage: 'fr',
    name: { fr: 'Montre plongée Chronalis', en: 'Chronalis diver watch' },
    category: 'Watches',
    identifiers: [
      { kind: 'gtin', value: gtin13, packagingLevel: 'each' },
      { kind: 'gtin', value: caseGtin14, packagingLevel: 'case' },
    ],
  });
  watch = { id: created.id, gtin13, caseGtin14 };
  phone = await t.factories.product(rh, {
    brandId: brand.id,
    name: { en: 'Chronalis phone' },
    identifiers: [{ kind: 'imei_tac', value: '49015420' }],
  });
  serialised = await t.factories.product(rh, {
    brandId: brand.id,
    name: { en: 'Chronalis serialised strap' },
    identifiers: [{ kind: 'proprietary', value: '^CHX-[0-9]{6}$' }],
  });
  await rh.request('POST', '/api/v1/applications-for-action', {
    country: 'FR',
    reference: 'FR-AFA',
    validFrom: '2020-01-01',
    validUntil: '2099-01-01',
  });
});
afterAll(() => t.close());

const identify = (who: Session, input: string, lang?: string) =>
  who.request('POST', '/api/v1/identify', lang ? { input, lang } : { input });

describe('identify', () => {
  it('finds a product by its GTIN-13, and says what was parsed', async () => {
    const body = (await identify(officer, watch.gtin13)).json();
    expect(body.parsed).toMatchObject({ kind: 'gtin', valid: true, gtin: '0' + watch.gtin13, gtinFormat: 'GTIN-13' });
    expect(body.matchedBy).toBe('gtin');
    expect(body.products).toHaveLength(1);
    expect(body.products[0]).toMatchObject({
      id: watch.id,
      brand: { name: 'Chronalis' },
      category: 'Watches',
      applicationInForce: true,
    });
  });

  it("names the product in the caller's language, falling back to the product's default", async () => {
    expect((await identify(officer, watch.gtin13, 'en')).json().products[0]).toMatchObject({
      name: 'Chronalis diver watch',
      language: 'en',
    });
    expect((await identify(officer, watch.gtin13, 'es')).json().products[0]).toMatchObject({
      name: 'Montre plongée Chronalis',
      language: 'fr',
    });
  });

  it("names it in the officer's own language when the request names none", async () => {
    const english = await t.factories.user('officer', undefined, { locale: 'en' });
    expect((await identify(english, watch.gtin13)).json().products[0].name).toBe('Chronalis diver watch');
    expect((await identify(officer, watch.gtin13)).json().products[0].name).toBe('Montre plongée Chronalis');
  });

  it('finds it by the same GTIN written as GTIN-14, and by the case-level GTIN-14', async () => {
    expect((await identify(officer, '0' + watch.gtin13)).json().products[0].id).toBe(watch.id);
    expect((await identify(officer, watch.caseGtin14)).json().products[0].id).toBe(watch.id);
  });

  it('finds it from a GS1 element string, bracketed or raw with GS separators, and reports the elements', async () => {
    const bracketed = (await identify(officer, `(01)0${watch.gtin13}(10)LOT42(17)281231(21)SN123`)).json();
    expect(bracketed.parsed.kind).toBe('gs1');
    expect(bracketed.parsed.valid).toBe(true);
    expect(bracketed.parsed.elements.map((e: { ai: string; value: string }) => [e.ai, e.value])).toEqual([
      ['01', '0' + watch.gtin13],
      ['10', 'LOT42'],
      ['17', '281231'],
      ['21', 'SN123'],
    ]);
    expect(bracketed.products[0].id).toBe(watch.id);
    const raw = (await identify(officer, `]d201${'0' + watch.gtin13}17281231` + `10LOT42\x1d21SN123`)).json();
    expect(raw.parsed).toMatchObject({ kind: 'gs1', valid: true, gtin: '0' + watch.gtin13 });
    expect(raw.products[0].id).toBe(watch.id);
  });

  it('finds it from a GS1 Digital Link URI on any domain', async () => {
    const body = (await identify(officer, `https://brand.example.com/01/0${watch.gtin13}/10/LOT42?17=281231`)).json();
    expect(body.parsed).toMatchObject({ kind: 'digital-link', valid: true, gtin: '0' + watch.gtin13 });
    expect(body.products[0].id).toBe(watch.id);
  });

  it('finds a phone by the TAC of its IMEI', async () => {
    const body = (await identify(officer, '490154203237518')).json();
    expect(body.parsed).toMatchObject({ kind: 'imei', valid: true });
    expect(body.parsed.imei.tac).toBe('49015420');
    expect(body.matchedBy).toBe('imei_tac');
    expect(body.products[0].id).toBe(phone.id);
  });

  it("finds a product by a right holder's proprietary code pattern", async () => {
    const body = (await identify(officer, 'CHX-004211')).json();
    expect(body.matchedBy).toBe('proprietary');
    expect(body.products[0].id).toBe(serialised.id);
  });

  it('falls back to text search for free text', async () => {
    const body = (await identify(officer, 'chronalis diver')).json();
    expect(body.parsed).toEqual({ kind: 'text', valid: true });
    expect(body.matchedBy).toBe('text');
    expect(body.products[0].id).toBe(watch.id);
  });

  it('reports an invalid code with its reason and position, and finds nothing', async () => {
    const bad = watch.gtin13.slice(0, 12) + String((Number(watch.gtin13[12]) + 1) % 10);
    const body = (await identify(officer, bad)).json();
    expect(body.parsed.kind).toBe('gtin');
    expect(body.parsed.valid).toBe(false);
    expect(body.parsed.error.code).toBe('GTIN_CHECK_DIGIT');
    expect(body.parsed.error.position).toBe(12);
    expect(body.matchedBy).toBe('none');
    const badDate = (await identify(officer, `(01)0${watch.gtin13}(17)281341`)).json();
    expect(badDate.parsed.valid).toBe(false);
    expect(badDate.parsed.error.code).toMatch(/^GS1_/);
  });

  it('answers an unknown but valid GTIN with no products', async () => {
    const body = (await identify(officer, t.factories.gtin())).json();
    expect(body).toMatchObject({ matchedBy: 'none', products: [] });
    expect(body.parsed.valid).toBe(true);
  });

  it('shows a right holder only its own products', async () => {
    const other = await t.factories.user('right_holder_admin');
    expect((await identify(other, watch.gtin13)).json().products).toEqual([]);
    expect((await identify(rh, watch.gtin13)).json().products[0].id).toBe(watch.id);
  });

  it('answers from fresh data right after the catalog changes', async () => {
    const product = await t.factories.product(rh, { name: { en: 'Fresh check' } });
    const gtin = product.identifiers[0]!.value;
    expect((await identify(officer, gtin)).json().products[0]).toMatchObject({
      name: 'Fresh check',
      applicationInForce: true,
    });
    await rh.request('PATCH', `/api/v1/products/${product.id}`, { name: { en: 'Renamed' } });
    expect((await identify(officer, gtin)).json().products[0].name).toBe('Renamed');
    await rh.request('PATCH', `/api/v1/products/${product.id}`, { status: 'draft' });
    expect((await identify(officer, gtin)).json().products).toEqual([]);
    await rh.request('PATCH', `/api/v1/products/${product.id}`, { status: 'published' });
    const applications = (await rh.request('GET', '/api/v1/applications-for-action')).json().items;
    for (const a of applications) await rh.request('DELETE', `/api/v1/applications-for-action/${a.id}`);
    expect((await identify(officer, gtin)).json().products[0].applicationInForce).toBe(false);
    await rh.request('DELETE', `/api/v1/products/${product.id}`);
    expect((await identify(officer, gtin)).json().products).toEqual([]);
  });

  it('refuses input that is too long or not a string', async () => {
    expect((await identify(officer, 'x'.repeat(5000))).statusCode).toBe(400);
    expect((await officer.request('POST', '/api/v1/identify', { input: 5 })).statusCode).toBe(400);
  });
});
