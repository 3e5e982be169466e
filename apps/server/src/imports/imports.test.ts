import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const importFile = (who: Session, body: string, type = 'text/csv') =>
  who.request('POST', '/api/v1/imports', body, { 'content-type': type });
const total = async (who: Session) => (await who.request('GET', '/api/v1/products')).json().total as number;

describe('bulk import', () => {
  it('imports a CSV catalog, creating brands, and reports each broken row with its reason; broken rows write nothing', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const [g1, g2, g3, g4] = [t.factories.gtin(), t.factories.gtin(), t.factories.gtin(), t.factories.gtin()];
    const badCheck = g4.slice(0, 12) + String((Number(g4[12]) + 1) % 10);
    const csv = [
      'reference,brand,name_en,name_fr,category,hs_code,gtin,imei_tac',
      `A-1,Nordwind,Storm jacket,Veste tempête,Clothing,620193,${g1}|${g2}:case,`,
      `A-2,Nordwind,Rain boots,,Footwear,640192,${g3},`,
      `A-3,Nordwind,Broken code,,Footwear,,${g4}|${badCheck},`, // second GTIN invalid: the whole row is refused
      `A-4,,No brand,,Footwear,,,`,
      `A-5,Nordwind,Bad TAC,,Phones,,,12345`,
      `A-6,Nordwind,,,Footwear,,,`, // no name at all
    ].join('\n');
    const response = await importFile(rh, csv);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ rows: 6, created: 2, updated: 0, failed: 4 });
    expect(report.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [3, 'IDENTIFIER_INVALID'],
      [4, 'VALIDATION_FAILED'],
      [5, 'VALIDATION_FAILED'],
      [6, 'PRODUCT_DEFAULT_LANGUAGE_MISSING'],
    ]);
    expect(report.errors[0].field).toBe('identifiers.1');
    expect(report.errors[1].field).toBe('brand');
    expect(report.errors.map((e: { reference?: string }) => e.reference)).toEqual(['A-3', 'A-4', 'A-5', 'A-6']);
    expect(await total(rh)).toBe(2);
    // Nothing of row 3 was written: its valid first GTIN is still free.
    const officer = await t.factories.user('officer');
    expect((await officer.request('POST', '/api/v1/identify', { input: g4 })).json().products).toEqual([]);
    const byCase = (await officer.request('POST', '/api/v1/identify', { input: g2 })).json();
    expect(byCase.products[0].name).toBe('Storm jacket');
  });

  it('a refused row in the middle of a batch writes nothing and the rows after it still import', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const gtin = t.factories.gtin();
    const rows = Array.from({ length: 30 }, (_, i) => `M-${i},Midway,Item ${i},${i === 15 ? gtin : ''}`);
    rows[20] = `M-20,Midway,Same GTIN as row 16,${gtin}`; // taken by row 16, inside the same transaction
    const report = (await importFile(rh, `reference,brand,name_en,gtin\n${rows.join('\n')}\n`)).json();
    expect(report).toMatchObject({ rows: 30, created: 29, failed: 1, errors: [{ row: 21, code: 'IDENTIFIER_TAKEN' }] });
    expect(await total(rh)).toBe(29);
    const officer = await t.factories.user('officer');
    expect((await officer.request('POST', '/api/v1/identify', { input: gtin })).json().products[0].name).toBe(
      'Item 15',
    );
  });

  it('replaces products with the same reference on a second import', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const gtin = t.factories.gtin();
    await importFile(rh, `reference,brand,name_en,gtin\nR-1,Kappa,First name,${gtin}\n`);
    const second = (await importFile(rh, `reference,brand,name_en,gtin\nR-1,Kappa,Second name,${gtin}\n`)).json();
    expect(second).toMatchObject({ created: 0, updated: 1, failed: 0 });
    const result = (await rh.request('GET', '/api/v1/products?q=second')).json();
    expect(result.total).toBe(1);
  });

  it('imports JSON lines with full products, reporting malformed lines', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const lines = [
      JSON.stringify({
        brand: 'Lumen',
        reference: 'J-1',
        name: { en: 'Desk lamp' },
        features: [{ kind: 'counterfeit', title: { en: 'Light switch wobbles' } }],
      }),
      '{"brand": "Lumen", "name": ',
      JSON.stringify({ brand: 'Lumen', reference: 'J-3', name: { en: 'Floor lamp' }, surprise: true }),
      '',
      JSON.stringify({
        brand: 'Lumen',
        reference: 'J-4',
        name: { en: 'Wall lamp' },
        identifiers: [{ kind: 'gtin', value: t.factories.gtin() }],
      }),
    ].join('\n');
    const report = (await importFile(rh, lines, 'application/x-ndjson')).json();
    expect(report).toMatchObject({ rows: 4, created: 2, failed: 2 });
    expect(report.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [2, 'MALFORMED_JSON'],
      [3, 'VALIDATION_FAILED'],
    ]);
  });

  it('streams its progress as JSON lines when asked, one line per batch written, then the report', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const rows = Array.from({ length: 600 }, (_, i) => `P-${i},Progress,Item ${i}`);
    rows[300] = 'P-300,,No brand';
    const response = await rh.request('POST', '/api/v1/imports', `reference,brand,name_en\n${rows.join('\n')}\n`, {
      'content-type': 'text/csv',
      accept: 'application/x-ndjson',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // A batch is 250 valid rows: the refused one does not count in it.
    expect(lines.slice(0, -1).map((l) => l.progress.rows)).toEqual([250, 501, 600]);
    expect(lines[1].progress).toEqual({ rows: 501, created: 500, updated: 0, failed: 1 });
    expect(lines.at(-1).report).toMatchObject({ rows: 600, created: 599, failed: 1 });
    expect(lines.at(-1).report.errors).toEqual([
      expect.objectContaining({ row: 301, code: 'VALIDATION_FAILED', field: 'brand', reference: 'P-300' }),
    ]);
  });

  it('asked for JSON lines, still refuses a bad file at once with an ordinary error answer', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const header = await rh.request('POST', '/api/v1/imports', 'reference,brand,colour\nX,Y,red\n', {
      'content-type': 'text/csv',
      accept: 'application/x-ndjson',
    });
    expect(header.statusCode).toBe(422);
    expect(header.json().error.code).toBe('IMPORT_HEADER_INVALID');
  });

  it('refuses an unknown format, a CSV with unknown columns, and an empty file', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const xml = await importFile(rh, '<products/>', 'application/xml');
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('IMPORT_FORMAT_UNKNOWN');
    const header = await importFile(rh, 'reference,brand,name_en,colour\nX,Y,Z,red\n');
    expect(header.statusCode).toBe(422);
    expect(header.json().error.code).toBe('IMPORT_HEADER_INVALID');
    expect(header.json().error.message).toContain('colour');
    const empty = await importFile(rh, 'reference,brand,name_en\n');
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.code).toBe('IMPORT_EMPTY');
    expect(await total(rh)).toBe(0);
  });

  it('stops at a structurally broken CSV row, keeping the rows before it', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const csv = 'reference,brand,name_en\nS-1,Brio,Good row\nS-2,Brio,"unclosed quote\n';
    const report = (await importFile(rh, csv)).json();
    expect(report.created).toBe(1);
    expect(report.failed).toBe(1);
    expect(report.errors[0].message).toContain('CSV');
  });

  it('refuses an import over the size limit with 413', async () => {
    const small = await createTestApp({ maxImportBytes: 2048 });
    try {
      const rh = await small.factories.user('right_holder_admin');
      const rows = Array.from({ length: 200 }, (_, i) => `B-${i},Big,Product number ${i}`).join('\n');
      const response = await importFile(rh, `reference,brand,name_en\n${rows}\n`);
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });
});
