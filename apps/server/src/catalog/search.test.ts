import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';

let t: TestApp;
let rh: Session;
let officer: Session;
let brands: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  rh = await t.factories.user('right_holder_admin');
  officer = await t.factories.user('officer');
  brands = { solea: (await t.factories.brand(rh, 'Soléa')).id, ventor: (await t.factories.brand(rh, 'Ventor')).id };
  const make = (brand: string, name: Record<string, string>, category: string, extra: object = {}) =>
    t.factories.product(rh, { brandId: brands[brand], name, category, ...extra } as never);
  await make('solea', { en: 'Solea sunglasses aviator', fr: 'Lunettes de soleil aviateur Soléa' }, 'Eyewear');
  await make('solea', { en: 'Solea sunglasses round' }, 'Eyewear');
  await make('solea', { en: 'Solea perfume amber', es: 'Perfume ámbar Soléa' }, 'Perfumes', {
    description: { en: 'Notes of vanilla and oud' },
  });
  await make('ventor', { en: 'Ventor trail running shoe' }, 'Footwear');
  await make('ventor', { en: 'Ventor racing shoe' }, 'Footwear');
  await make('ventor', { en: 'Ventor hidden prototype' }, 'Footwear', { status: 'draft' });
  for (let i = 0; i < 25; i++) await make('ventor', { en: `Ventor sock model ${i}` }, 'Clothing');
});
afterAll(() => t.close());

const search = async (who: Session, query: string) => {
  const response = await who.request('GET', `/api/v1/products?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const names = (result: { items: { name: string }[] }) => result.items.map((i) => i.name);

describe('product search', () => {
  it('finds products by words of their name, as the officer types (prefixes)', async () => {
    expect(names(await search(officer, 'q=sunglasses'))).toEqual(
      expect.arrayContaining(['Solea sunglasses aviator', 'Solea sunglasses round']),
    );
    expect(names(await search(officer, 'q=sungl'))).toHaveLength(2);
  });

  it('tolerates typos', async () => {
    expect(names(await search(officer, 'q=sunglases'))).toEqual(
      expect.arrayContaining(['Solea sunglasses aviator', 'Solea sunglasses round']),
    );
    expect(names(await search(officer, 'q=ventr&limit=100'))).toContain('Ventor racing shoe');
  });

  it('searches every language of the catalog and descriptions, and names results in the asked language', async () => {
    const french = await search(officer, 'q=lunettes&lang=fr');
    expect(names(french)).toEqual(['Lunettes de soleil aviateur Soléa']);
    expect(names(await search(officer, 'q=vanilla'))).toEqual(['Solea perfume amber']);
    expect(names(await search(officer, 'q=ámbar&lang=es'))).toEqual(['Perfume ámbar Soléa']);
    // Accents are folded both ways: officers type on whatever keyboard they have.
    expect(names(await search(officer, 'q=ambar&lang=es'))).toEqual(['Perfume ámbar Soléa']);
    expect(names(await search(officer, 'q=SOLÉA%20perfume'))).toEqual(['Solea perfume amber']);
    expect(names(await search(officer, 'q=lunetes%20soleil&lang=fr'))).toEqual(['Lunettes de soleil aviateur Soléa']);
  });

  it('filters by brand and category and counts facets', async () => {
    const all = await search(officer, 'q=solea');
    expect(all.total).toBe(3);
    expect(all.totalIsExact).toBe(true);
    expect(all.facets.category).toEqual(
      expect.arrayContaining([
        { value: 'Eyewear', label: 'Eyewear', count: 2 },
        { value: 'Perfumes', label: 'Perfumes', count: 1 },
      ]),
    );
    expect(all.facets.brand).toEqual([{ value: brands.solea, label: 'Soléa', count: 3 }]);
    const eyewear = await search(officer, 'q=solea&category=Eyewear');
    expect(eyewear.total).toBe(2);
    const byBrand = await search(officer, `brand=${brands.ventor}&limit=100`);
    expect(byBrand.total).toBe(27); // 2 shoes + 25 socks; the draft is hidden from officers
    expect(names(byBrand)).not.toContain('Ventor hidden prototype');
    expect((await search(rh, `brand=${brands.ventor}&limit=100`)).total).toBe(28);
  });

  it('filters by status for the right holder (its drafts), and gives each item its GTIN and last change', async () => {
    const drafts = await search(rh, 'q=ventor&status=draft');
    expect(drafts.items.map((p: { name: string }) => p.name)).toEqual(['Ventor hidden prototype']);
    expect(drafts.total).toBe(1);
    expect((await search(officer, 'q=ventor&status=draft')).items).toEqual([]); // officers never see drafts
    const published = await search(rh, 'q=ventor%20shoe&status=published');
    expect(published.items).toHaveLength(2);
    for (const item of published.items) {
      expect(item.gtin).toMatch(/^\d{14}$/);
      expect(Date.parse(item.updatedAt)).toBeGreaterThan(Date.now() - 3600_000);
    }
    const bad = await rh.request('GET', '/api/v1/products?status=archived');
    expect(bad.statusCode).toBe(400);
  });

  it('pages through results with a cursor, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await search(
        officer,
        `q=sock&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    // Browsing without a query pages by name.
    const browse = await search(officer, `brand=${brands.ventor}&limit=20`);
    const next = await search(officer, `brand=${brands.ventor}&limit=20&cursor=${browse.nextCursor}`);
    expect(browse.items.length + next.items.length).toBe(27);
    expect(new Set([...browse.items, ...next.items].map((i: { id: string }) => i.id)).size).toBe(27);
  });

  it('refuses a forged cursor and bad parameters with a 400', async () => {
    const forged = await officer.request('GET', '/api/v1/products?cursor=bm90LWEtY3Vyc29y');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.code).toBe('SEARCH_CURSOR_INVALID');
    expect((await officer.request('GET', '/api/v1/products?limit=1000')).statusCode).toBe(400);
    expect((await officer.request('GET', '/api/v1/products?brand=not-a-uuid')).statusCode).toBe(400);
    expect((await officer.request('GET', '/api/v1/products?lang=xx')).statusCode).toBe(400);
    expect((await officer.request('GET', '/api/v1/products?unknown=1')).statusCode).toBe(400);
  });

  it('treats search syntax in the query as plain words', async () => {
    for (const q of ["sun'glasses", 'a & b | !c', '(((', ':*', "'; drop table products; --"]) {
      const response = await officer.request('GET', `/api/v1/products?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(200);
    }
  });
});
