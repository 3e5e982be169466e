import { and, eq, sql, type SQL } from 'drizzle-orm';
import { brands, productIdentifiers, products } from './catalog.tables';
import { organisations } from '../organisations/organisations.tables';
import type { Language, LocalizedText } from '@verity/contract';
import type { Db } from '../platform/db';
import type { DataScope } from '../platform/policy';
import { productScopeSql } from './catalog.scope';

export interface SummaryRow {
  id: string;
  brand_id: string;
  brand_name: string;
  organisation_id: string;
  organisation_name: string;
  name: LocalizedText;
  default_language: Language;
  category: string | null;
  status: 'draft' | 'published';
  thumbnail_file_id: string | null;
  gtin: string | null;
  updated_at: Date | string;
  application_in_force: boolean;
  sort_key: string | number | null;
}

/** The product's GTIN at its smallest packaging level (each, then inner pack, case, pallet). */
const firstGtinSql = sql`(select i.value from product_identifiers i where i.product_id = p.id and i.kind = 'gtin'
    order by array_position(array['each', 'inner_pack', 'case', 'pallet'], i.packaging_level), i.value limit 1) as gtin`;

/**
 * The columns of a product summary. `application_in_force`: the right holder has an
 * application for action valid today in the caller's country, for all its brands or this one.
 */
function summaryColumns(country: string | null): SQL {
  return sql`p.id, p.brand_id, b.name as brand_name, p.organisation_id, o.name as organisation_name,
    p.name, p.default_language, p.category, p.status, p.thumbnail_file_id, p.updated_at, ${firstGtinSql},
    exists (
      select 1 from applications_for_action a
      where a.organisation_id = p.organisation_id and a.country = ${country}
        and (a.brand_id is null or a.brand_id = p.brand_id)
        and current_date between a.valid_from and a.valid_until
    ) as application_in_force`;
}

const summaryJoins = sql`join brands b on b.id = p.brand_id join organisations o on o.id = p.organisation_id`;

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return result.rows as T[];
}

/** A product found by an identifier, with its right holder's applications for action. */
export interface CandidateRow extends Omit<SummaryRow, 'application_in_force' | 'sort_key'> {
  applications: { country: string; brand_id: string | null; valid_from: string; valid_until: string }[];
}

/**
 * Products carrying an identifier of this kind and exact value (GTIN-14, TAC), whoever may
 * see them: the identifier cache keeps this and applies each caller's scope itself.
 * A named prepared statement: identify's database path is parsed and planned once per connection.
 */
export function prepareCandidateLookup(db: Db) {
  const statement = db
    .select({
      id: products.id,
      brand_id: products.brandId,
      brand_name: brands.name,
      organisation_id: products.organisationId,
      organisation_name: organisations.name,
      name: products.name,
      default_language: products.defaultLanguage,
      category: products.category,
      status: products.status,
      thumbnail_file_id: products.thumbnailFileId,
      updated_at: products.updatedAt,
      gtin: sql<
        string | null
      >`(select i.value from product_identifiers i where i.product_id = "products"."id" and i.kind = 'gtin'
        order by array_position(array['each', 'inner_pack', 'case', 'pallet'], i.packaging_level), i.value limit 1)`,
      applications: sql<CandidateRow['applications']>`coalesce((
        select json_agg(json_build_object('country', a.country, 'brand_id', a.brand_id,
               'valid_from', a.valid_from, 'valid_until', a.valid_until))
        from applications_for_action a where a.organisation_id = "products"."organisation_id"), '[]'::json)`,
    })
    .from(productIdentifiers)
    .innerJoin(products, eq(products.id, productIdentifiers.productId))
    .innerJoin(brands, eq(brands.id, products.brandId))
    .innerJoin(organisations, eq(organisations.id, products.organisationId))
    .where(
      and(eq(productIdentifiers.kind, sql.placeholder('kind')), eq(productIdentifiers.value, sql.placeholder('value'))),
    )
    .orderBy(products.id)
    .limit(20)
    .prepare('identify_candidates');
  return (kind: 'gtin' | 'imei_tac', value: string): Promise<CandidateRow[]> => statement.execute({ kind, value });
}

/** Products whose proprietary code pattern (a PostgreSQL regular expression) matches the input. */
export function findProductsByProprietaryCode(db: Db, scope: DataScope, country: string | null, code: string) {
  return rowsOf<SummaryRow>(
    db,
    sql`select distinct on (p.id) ${summaryColumns(country)}, null as sort_key
      from product_identifiers i join products p on p.id = i.product_id ${summaryJoins}
      where i.kind = 'proprietary' and ${code} ~ i.value and ${productScopeSql(scope)}
      order by p.id limit 20`,
  );
}

/**
 * How a text query matches: `words` — full text, every word as a prefix (GIN on the
 * tsvector); `similar` — trigram word similarity on the names, for typos (GIN trigram).
 */
export type MatchMode = 'words' | 'similar';
/**
 * How results are ordered: `rank` — best first (reads every match: for small sets);
 * `id` — in a fixed arbitrary order, walking the primary key until a page is full (fast
 * however many products match); `name` — alphabetically, for browsing without text.
 */
export type OrderMode = 'rank' | 'id' | 'name';

export interface SearchFilters {
  text?: { tsquery: string; raw: string; match: MatchMode } | undefined;
  brandId?: string | undefined;
  category?: string | undefined;
  status?: 'draft' | 'published' | undefined;
}

function filterSql(scope: DataScope, f: SearchFilters): SQL {
  const parts: SQL[] = [productScopeSql(scope)];
  if (f.text) {
    parts.push(
      f.text.match === 'words'
        ? sql`p.search_vector @@ to_tsquery('verity_search', ${f.text.tsquery})`
        : sql`${f.text.raw} <% p.search_names`,
    );
  }
  if (f.brandId) parts.push(sql`p.brand_id = ${f.brandId}`);
  if (f.category) parts.push(sql`p.category = ${f.category}`);
  if (f.status) parts.push(sql`p.status = ${f.status}`);
  return sql.join(parts, sql` and `);
}

function rankSql(text: NonNullable<SearchFilters['text']>): SQL {
  const words =
    text.match === 'words' ? sql`ts_rank(p.search_vector, to_tsquery('verity_search', ${text.tsquery}))` : sql`0`;
  return sql`(${words} + word_similarity(${text.raw}, p.search_names))::real`;
}

/**
 * One page of matches, keyset-paged on (key, id) in the given order. Ranking reads every
 * match: it ranks the `candidates` the count found. Run it in `withIndexPlans`.
 */
export async function searchProducts(
  db: Db,
  scope: DataScope,
  country: string | null,
  f: SearchFilters,
  page: { order: OrderMode; candidates: string[]; after?: [string | number, string] | undefined; limit: number },
) {
  const order = page.order === 'rank' && !f.text ? 'name' : page.order;
  const key = order === 'rank' && f.text ? rankSql(f.text) : order === 'name' ? sql`p.search_names` : sql`p.id::text`;
  let after = sql`true`;
  if (page.after) {
    const [value, id] = page.after;
    after =
      order === 'rank'
        ? sql`(${key}, p.id) < (${value}::real, ${id}::uuid)`
        : order === 'name'
          ? sql`(p.search_names, p.id) > (${String(value)}, ${id}::uuid)`
          : sql`p.id > ${id}::uuid`;
  }
  if (order === 'rank') {
    // The matches were already found by the count (countSearchFacets): rank those, by id.
    return rowsOf<SummaryRow>(
      db,
      sql`select ${summaryColumns(country)}, ${key} as sort_key
        from products p ${summaryJoins}
        where p.id = any(${`{${page.candidates.join(',')}}`}::uuid[]) and ${after}
        order by sort_key desc, p.id desc
        limit ${page.limit + 1}`,
    );
  }
  // Ordered walks must walk their btree: the planner, underestimating how many rows match
  // several prefixes, would otherwise collect every match through the GIN index and sort.
  await db.execute(sql`set local enable_bitmapscan = off`);
  return rowsOf<SummaryRow>(
    db,
    sql`select ${summaryColumns(country)}, ${key} as sort_key
      from products p ${summaryJoins}
      where ${filterSql(scope, f)} and ${after}
      order by ${order === 'name' ? sql`p.search_names, p.id` : sql`p.id`}
      limit ${page.limit + 1}`,
  );
}

/**
 * Runs a search's statements with sequential scans discouraged: under a LIMIT the planner
 * underestimates what a prefix match on the GIN indexes costs in a full scan, and then
 * reads the whole table instead of the index's few pages.
 */
export function withIndexPlans<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return fn(tx);
  });
}

/** Total and brand/category counts, exact up to `sample` matches (then counted over the first `sample`), and their ids. */
export async function countSearchFacets(db: Db, scope: DataScope, f: SearchFilters, sample: number) {
  const [totals] = await rowsOf<{
    total: number;
    brands: { value: string; label: string; count: number }[] | null;
    categories: { value: string; count: number }[] | null;
    ids: string[] | null;
  }>(
    db,
    sql`with m as (
        select p.id, p.brand_id, p.category from products p
        where ${filterSql(scope, f)} limit ${sample}
      )
      select
        (select count(*)::int from m) as total,
        (select json_agg(m.id) from m) as ids,
        (select json_agg(x) from (
          select m.brand_id::text as value, b.name as label, count(*)::int as count
          from m join brands b on b.id = m.brand_id group by m.brand_id, b.name order by count(*) desc, b.name limit 50) x) as brands,
        (select json_agg(y) from (
          select m.category as value, count(*)::int as count
          from m where m.category is not null group by m.category order by count(*) desc, m.category limit 50) y) as categories`,
  );
  return {
    total: totals?.total ?? 0,
    /** The matches counted (at most `sample`), for ranking without searching again. */
    ids: totals?.ids ?? [],
    brands: totals?.brands ?? [],
    categories: (totals?.categories ?? []).map((c) => ({ value: c.value, label: c.value, count: c.count })),
  };
}
