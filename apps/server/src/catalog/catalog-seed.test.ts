import { sql } from 'drizzle-orm';
import { identify } from '@verity/codes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { seedCatalog } from './catalog-seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('verity seed', () => {
  it('generates a catalog that identify and search find like any other, and can run twice', async () => {
    const first = await seedCatalog(t.db, { products: 300 });
    expect(first).toMatchObject({ products: 300, brands: 5, organisations: 3 });
    const second = await seedCatalog(t.db, { products: 120, brands: 7 });
    expect(second.gtinPrefix).not.toBe(first.gtinPrefix);

    // Only this test's GTINs: on a server database other test files share the table.
    const ranges = [first.gtinPrefix, second.gtinPrefix].flatMap((p) => [`0${p}%`, `1${p}%`]);
    const gtins = (
      await t.db.execute(
        sql`select value from product_identifiers where kind = 'gtin' and value like any (${`{${ranges.join(',')}}`}::text[])`,
      )
    ).rows as { value: string }[];
    expect(gtins.length).toBe(300 + 75 + 120 + 30); // one per product, plus a case GTIN for one in four
    expect(gtins.every((g) => identify(g.value).valid)).toBe(true);

    const officer = await t.factories.user('officer');
    const [published] = (
      await t.db.execute(sql`select p.name->>'en' as name, i.value from products p
      join product_identifiers i on i.product_id = p.id and i.kind = 'gtin' and i.packaging_level = 'case'
      where p.status = 'published' limit 1`)
    ).rows as { name: string; value: string }[];
    const found = (await officer.request('POST', '/api/v1/identify', { input: published!.value, lang: 'en' })).json();
    expect(found.products[0].name).toBe(published!.name);
    const search = (await officer.request('GET', '/api/v1/products?q=chronograph')).json();
    expect(search.total).toBeGreaterThan(0);
    expect(search.facets.category).toEqual([{ value: 'Watches', label: 'Watches', count: search.total }]);
    const french = (await officer.request('GET', '/api/v1/products?q=montre%20plongee&lang=fr')).json();
    // Other test files may add their own diving watches on a shared database: look for ours.
    expect(french.items.map((i: { name: string }) => i.name)).toContainEqual(
      expect.stringMatching(/^Montre de plongée/),
    );
  });

  it('pages through more matches than can be ranked without repeats, and counts them up to the cap', async () => {
    await seedCatalog(t.db, { products: 1300 });
    const officer = await t.factories.user('officer');
    // Every seeded description mentions the holographic label: more matches than are ranked.
    const seen = new Set<string>();
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result: { items: { id: string }[]; nextCursor: string | null; total: number; totalIsExact: boolean } = (
        await officer.request('GET', `/api/v1/products?q=holographic&limit=100${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(result.total).toBe(1000);
      expect(result.totalIsExact).toBe(false);
      for (const item of result.items) seen.add(item.id);
      cursor = result.nextCursor;
    }
    expect(seen.size).toBe(500);
    expect(cursor).not.toBeNull();
  });
});
