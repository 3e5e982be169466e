import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';

/**
 * The case list's filters and orders (an administration's admin working through its country's
 * cases, a right holder's inbox): each filter, both orders across pages, tenancy, bad values.
 * The administrations here are of a user-assigned country code (QM–QZ) of their own, so
 * cases other test files make in the same database never enter the admin's country-wide list.
 */
let t: TestApp;
let country: string;
let adminQ: Session; // administration admin of the country: sees every case of it
let officerQ1: Session; // opens c1, c2, c3, c5
let officerQ2: Session; // another administration of the country: opens c4
let officerFr: Session; // another country: opens cFr
let rhA: Session;
let rhB: Session;
let brandA: string;
let brandB: string;
let productA: string;
const ids: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'cFr', string> = {
  c1: '',
  c2: '',
  c3: '',
  c4: '',
  c5: '',
  cFr: '',
};

/** Opens a case, submits it when asked, then sets its day of creation and deadline as the test needs them. */
async function makeCase(
  by: Session,
  shipment: Record<string, unknown>,
  lines: unknown[],
  { submit, createdAt, deadline }: { submit: boolean; createdAt: string; deadline?: string },
) {
  const created = await by.request('POST', '/api/v1/cases', { ...shipment, lines });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  if (submit) expect((await by.request('POST', `/api/v1/cases/${id}/submit`)).statusCode).toBe(200);
  await t.db.execute(
    sql`update cases set created_at = ${createdAt}::timestamptz, response_deadline = ${deadline ?? null}::date where id = ${id}`,
  );
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  country = `Q${String.fromCharCode(77 + randomInt(14))}`; // QM…QZ
  adminQ = await t.factories.user('administration_admin', (await t.factories.organisation('customs', country)).id);
  officerQ1 = await t.factories.user('officer', (await t.factories.organisation('customs', country)).id);
  officerQ2 = await t.factories.user('officer', (await t.factories.organisation('customs', country)).id);
  officerFr = await t.factories.user('officer');
  rhA = await t.factories.user('right_holder_admin');
  rhB = await t.factories.user('right_holder_editor');
  brandA = (await t.factories.brand(rhA)).id;
  productA = (await t.factories.product(rhA, { brandId: brandA })).id;
  brandB = (await t.factories.brand(rhB)).id;
  const lineA = { productId: productA, quantity: 10 };
  const lineB = { brandId: brandB, description: 'Bags', quantity: 5 };
  ids.c1 = await makeCase(officerQ1, { transportMode: 'sea', originCountry: 'CN', portOrOffice: 'Le Havre' }, [lineA], {
    submit: true,
    createdAt: '2026-01-10T09:00:00Z',
    deadline: '2026-02-01',
  });
  ids.c2 = await makeCase(
    officerQ1,
    { transportMode: 'air', originCountry: 'TR', portOrOffice: 'Roissy CDG' },
    [lineB],
    {
      submit: true,
      createdAt: '2026-02-15T23:30:00Z', // the last half hour of the day, UTC
      deadline: '2026-02-01', // the same day as c1's: the newer first
    },
  );
  ids.c3 = await makeCase(
    officerQ1,
    { transportMode: 'road', originCountry: 'CN', portOrOffice: 'le havre Nord' },
    [lineA, lineB],
    { submit: true, createdAt: '2026-03-20T08:00:00Z', deadline: '2026-02-15' },
  );
  ids.c4 = await makeCase(
    officerQ2,
    { transportMode: 'sea', originCountry: 'VN', portOrOffice: 'Marseille' },
    [lineB],
    {
      submit: false,
      createdAt: '2026-04-01T08:00:00Z',
    },
  );
  ids.c5 = await makeCase(
    officerQ1,
    { transportMode: 'rail', originCountry: 'CN', portOrOffice: '100%_Port' },
    [lineB],
    {
      submit: false,
      createdAt: '2026-04-05T08:00:00Z',
    },
  );
  ids.cFr = await makeCase(
    officerFr,
    { transportMode: 'sea', originCountry: 'CN', portOrOffice: 'Le Havre' },
    [lineA],
    {
      submit: true,
      createdAt: '2026-01-11T09:00:00Z',
      deadline: '2026-02-01',
    },
  );
});
afterAll(() => t.close());

const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;
/** The cases a caller lists with this query string, by their names in this file, in the list's order. */
async function list(as: Session, query: string) {
  const response = await as.request('GET', `/api/v1/cases?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: { id: string }[] }>().items.map((c) => nameOf(c.id));
}
/** Every page, `limit` at a time, following the cursors. */
async function allPages(as: Session, query: string, limit: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response = await as.request(
      'GET',
      `/api/v1/cases?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<{ items: { id: string }[]; nextCursor: string | null }>();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items.map((c) => nameOf(c.id)));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  return { seen, pages };
}

describe('an administration admin filters its country’s cases', () => {
  it('sees them all, newest first, without filters', async () => {
    expect(await list(adminQ, '')).toEqual(['c5', 'c4', 'c3', 'c2', 'c1']);
  });

  it('by day of creation: from and to are whole days in UTC, both included', async () => {
    expect(await list(adminQ, 'from=2026-02-15')).toEqual(['c5', 'c4', 'c3', 'c2']);
    expect(await list(adminQ, 'to=2026-02-15')).toEqual(['c2', 'c1']);
    expect(await list(adminQ, 'from=2026-02-15&to=2026-02-15')).toEqual(['c2']);
    expect(await list(adminQ, 'from=2026-02-16&to=2026-03-20')).toEqual(['c3']);
    expect(await list(adminQ, 'from=2027-01-01')).toEqual([]);
  });

  it('by transport mode and by origin country', async () => {
    expect(await list(adminQ, 'transportMode=sea')).toEqual(['c4', 'c1']);
    expect(await list(adminQ, 'transportMode=courier')).toEqual([]);
    expect(await list(adminQ, 'originCountry=CN')).toEqual(['c5', 'c3', 'c1']);
    expect(await list(adminQ, 'originCountry=VN')).toEqual(['c4']);
  });

  it('by the start of the port or office, in any case; LIKE’s characters are plain text', async () => {
    expect(await list(adminQ, 'portOrOffice=LE%20HAV')).toEqual(['c3', 'c1']);
    expect(await list(adminQ, 'portOrOffice=roissy')).toEqual(['c2']);
    expect(await list(adminQ, 'portOrOffice=havre')).toEqual([]); // a prefix, not anywhere in the name
    expect(await list(adminQ, `portOrOffice=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await list(adminQ, `portOrOffice=${encodeURIComponent('_')}`)).toEqual([]);
    expect(await list(adminQ, `portOrOffice=${encodeURIComponent('100%_')}`)).toEqual(['c5']);
  });

  it('by right holder and by brand: cases with a line of it', async () => {
    expect(await list(adminQ, `rightHolderId=${rhA.organisationId}`)).toEqual(['c3', 'c1']);
    expect(await list(adminQ, `rightHolderId=${rhB.organisationId}`)).toEqual(['c5', 'c4', 'c3', 'c2']);
    expect(await list(adminQ, `brandId=${brandA}`)).toEqual(['c3', 'c1']);
    expect(await list(adminQ, `brandId=${brandB}`)).toEqual(['c5', 'c4', 'c3', 'c2']);
  });

  it('filters combine: all of them must hold', async () => {
    expect(await list(adminQ, `transportMode=sea&rightHolderId=${rhB.organisationId}`)).toEqual(['c4']);
    expect(await list(adminQ, `originCountry=CN&brandId=${brandB}&status=submitted`)).toEqual(['c3']);
    expect(await list(adminQ, `originCountry=CN&portOrOffice=le&to=2026-02-01`)).toEqual(['c1']);
  });
});

describe('the orders and their pages', () => {
  it('by deadline: soonest first, the newer case first on the same day, cases without a deadline last', async () => {
    expect(await list(adminQ, 'sort=deadline')).toEqual(['c2', 'c1', 'c3', 'c5', 'c4']);
  });

  it.each([1, 2, 3])('pages of %i keep each order, with no case twice or missed', async (limit) => {
    const newest = await allPages(adminQ, 'sort=newest', limit);
    expect(newest.seen).toEqual(['c5', 'c4', 'c3', 'c2', 'c1']);
    expect(newest.pages).toBe(Math.ceil(5 / limit));
    const byDeadline = await allPages(adminQ, 'sort=deadline', limit);
    expect(byDeadline.seen).toEqual(['c2', 'c1', 'c3', 'c5', 'c4']);
    expect(byDeadline.pages).toBe(Math.ceil(5 / limit));
  });

  it('pages of a filtered list by deadline keep the filter', async () => {
    const pages = await allPages(adminQ, `sort=deadline&rightHolderId=${rhB.organisationId}`, 1);
    expect(pages.seen).toEqual(['c2', 'c3', 'c5', 'c4']);
  });

  it('a cursor of one order is refused by the other', async () => {
    const newest = (await adminQ.request('GET', '/api/v1/cases?limit=1')).json<{ nextCursor: string }>();
    const byDeadline = (await adminQ.request('GET', '/api/v1/cases?limit=1&sort=deadline')).json<{
      nextCursor: string;
    }>();
    const crossed = [
      `/api/v1/cases?limit=1&sort=deadline&cursor=${newest.nextCursor}`,
      `/api/v1/cases?limit=1&cursor=${byDeadline.nextCursor}`,
    ];
    for (const url of crossed) {
      const response = await adminQ.request('GET', url);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('SEARCH_CURSOR_INVALID');
    }
  });

  it('the right holder’s inbox: its submitted cases by deadline, across pages', async () => {
    const inbox = await allPages(rhB, 'status=submitted&sort=deadline', 1);
    expect(inbox.seen).toEqual(['c2', 'c3']);
  });
});

describe('a filter never widens what the caller sees', () => {
  it('an officer filtering by a right holder sees only its own administration’s cases with it', async () => {
    expect(await list(officerQ1, `rightHolderId=${rhB.organisationId}`)).toEqual(['c5', 'c3', 'c2']);
    expect(await list(officerQ2, `rightHolderId=${rhB.organisationId}`)).toEqual(['c4']);
    // The other country's officer: its own case only, never the country Q's with the same right holder.
    expect(await list(officerFr, `rightHolderId=${rhA.organisationId}`)).toEqual(['cFr']);
    expect(await list(officerFr, `brandId=${brandB}`)).toEqual([]);
    expect(await list(officerFr, `country=${country}`)).toEqual([]);
    expect(await list(adminQ, 'country=FR')).toEqual([]);
  });

  it('a right holder never finds a case through another right holder’s lines', async () => {
    // c3 has lines of both: neither right holder learns it through the other's id or brand.
    expect(await list(rhA, `rightHolderId=${rhB.organisationId}`)).toEqual([]);
    expect(await list(rhA, `brandId=${brandB}`)).toEqual([]);
    expect(await list(rhB, `brandId=${brandA}`)).toEqual([]);
    expect(await list(rhA, `rightHolderId=${rhA.organisationId}`)).toEqual(['c3', 'cFr', 'c1']);
    expect(await list(rhB, '')).toEqual(['c3', 'c2']); // never drafts
  });
});

describe('the filter choices (GET /cases/facets)', () => {
  type Facets = {
    total: number;
    statuses: { status: string; count: number }[];
    transportModes: { transportMode: string; count: number }[];
    rightHolders: { id: string; name: string; count: number }[];
    brands: { id: string; rightHolderId: string | null; count: number }[];
  };
  const facetsOf = async (as: Session) => {
    const response = await as.request('GET', '/api/v1/cases/facets');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Facets>();
  };

  it('count the admin’s country’s cases per state, transport mode, right holder and brand', async () => {
    const facets = await facetsOf(adminQ);
    expect(facets.total).toBe(5);
    expect(facets.statuses).toEqual([
      { status: 'draft', count: 2 },
      { status: 'submitted', count: 3 },
    ]);
    expect(facets.transportModes).toEqual([
      { transportMode: 'sea', count: 2 },
      { transportMode: 'air', count: 1 },
      { transportMode: 'rail', count: 1 },
      { transportMode: 'road', count: 1 },
    ]);
    expect(facets.rightHolders.map((r) => [r.id, r.count])).toEqual([
      [rhB.organisationId, 4],
      [rhA.organisationId, 2],
    ]);
    expect(facets.brands.map((b) => [b.id, b.rightHolderId, b.count])).toEqual([
      [brandB, rhB.organisationId, 4],
      [brandA, rhA.organisationId, 2],
    ]);
  });

  it('count only what the caller sees: an officer its administration’s, a right holder its own lines', async () => {
    const officer = await facetsOf(officerQ2);
    expect(officer.total).toBe(1);
    expect(officer.rightHolders.map((r) => r.id)).toEqual([rhB.organisationId]);
    const rightHolder = await facetsOf(rhA);
    expect(rightHolder.total).toBe(3); // c1, c3 and the other country's case; never drafts
    expect(rightHolder.statuses).toEqual([{ status: 'submitted', count: 3 }]);
    expect(rightHolder.rightHolders.map((r) => r.id)).toEqual([rhA.organisationId]);
    expect(rightHolder.brands.map((b) => b.id)).toEqual([brandA]);
  });
});

describe('bad filter values are a 400 with a stable code', () => {
  it.each([
    ['from=2026-03-01&to=2026-02-28', 'CASE_FILTER_DATES_INVALID'],
    ['transportMode=boat', 'VALIDATION_FAILED'],
    ['sort=oldest', 'VALIDATION_FAILED'],
    ['status=lost', 'VALIDATION_FAILED'],
    ['rightHolderId=not-an-id', 'VALIDATION_FAILED'],
    ['brandId=42', 'VALIDATION_FAILED'],
    ['originCountry=cn', 'VALIDATION_FAILED'],
    ['originCountry=CHN', 'VALIDATION_FAILED'],
    ['from=2026-02-30', 'VALIDATION_FAILED'],
    ['to=yesterday', 'VALIDATION_FAILED'],
    [`portOrOffice=${'x'.repeat(201)}`, 'VALIDATION_FAILED'],
    ['portOrOffice=%20%20', 'VALIDATION_FAILED'],
    ['carrier=MSC', 'VALIDATION_FAILED'],
    ['cursor=not-a-cursor', 'SEARCH_CURSOR_INVALID'],
  ])('%s → %s', async (query, code) => {
    const response = await adminQ.request('GET', `/api/v1/cases?${query}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe(code);
  });
});
