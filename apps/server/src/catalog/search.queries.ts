import { sql, type SQL } from 'drizzle-orm';
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
  application_in_force: boolean;
  sort_key: string | number | null;
}

/**
 * The columns of a product summary. `application_in_force`: the right holder has an
 * application for action valid today in the caller's country, for all its brands or this one.
 */
function summaryColumns(country: string | null): SQL {
  return sql`p.id, p.brand_id, b.name as brand_name, p.organisation_id, o.name as organisation_name,
    p.name, p.default_language, p.category, p.status, p.thumbnail_file_id,
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
 */
export function findCandidatesByIdentifier(db: Db, kind: 'gtin' | 'imei_tac', value: string) {
  return rowsOf<CandidateRow>(
    db,
    sql`select p.id, p.brand_id, b.name as brand_name, p.organisation_id, o.name as organisation_name,
        p.name, p.default_language, p.category, p.status, p.thumbnail_file_id,
        coalesce((
          select json_agg(json_build_object('country', a.country, 'brand_id', a.brand_id,
                 'valid_from', a.valid_from, 'valid_until', a.valid_until))
          from applications_for_action a where a.organisation_id = p.organisation_id
        ), '[]'::json) as applications
      from product_identifiers i join products p on p.id = i.product_id ${summaryJoins}
      where i.kind = ${kind} and i.value = ${value}
      order by p.id limit 20`,
  );
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

export interface SearchFilters {
  text?: { tsquery: string; raw: string } | undefined;
  brandId?: string | undefined;
  category?: string | undefined;
}

function filterSql(scope: DataScope, f: SearchFilters): SQL {
  const parts: SQL[] = [productScopeSql(scope)];
  if (f.text) {
    // Full text (prefix words) or, for typos, trigram word similarity on the names.
    parts.push(
      f.text.tsquery
        ? sql`(p.search_vector @@ to_tsquery('verity_search', ${f.text.tsquery}) or ${f.text.raw} <% p.search_names)`
        : sql`${f.text.raw} <% p.search_names`,
    );
  }
  if (f.brandId) parts.push(sql`p.brand_id = ${f.brandId}`);
  if (f.category) parts.push(sql`p.category = ${f.category}`);
  return sql.join(parts, sql` and `);
}

function scoreSql(f: SearchFilters): SQL {
  if (!f.text) return sql`p.search_names`;
  const rank = f.text.tsquery ? sql`ts_rank(p.search_vector, to_tsquery('verity_search', ${f.text.tsquery}))` : sql`0`;
  return sql`(${rank} + word_similarity(${f.text.raw}, p.search_names))::real`;
}

/**
 * One page of matches. With text: best first, keyset on (score, id); without: by name,
 * keyset on (search_names, id).
 */
export function searchProducts(
  db: Db,
  scope: DataScope,
  country: string | null,
  f: SearchFilters,
  page: { after?: [string | number, string] | undefined; limit: number },
) {
  const score = scoreSql(f);
  const byScore = !!f.text;
  let after = sql`true`;
  if (page.after) {
    const [key, id] = page.after;
    after = byScore
      ? sql`(${score}, p.id) < (${key}::real, ${id}::uuid)`
      : sql`(p.search_names, p.id) > (${String(key)}, ${id}::uuid)`;
  }
  const order = byScore ? sql`sort_key desc, p.id desc` : sql`sort_key asc, p.id asc`;
  return rowsOf<SummaryRow>(
    db,
    sql`select ${summaryColumns(country)}, ${score} as sort_key
      from products p ${summaryJoins}
      where ${filterSql(scope, f)} and ${after}
      order by ${order}
      limit ${page.limit + 1}`,
  );
}

export const FACET_SAMPLE = 10_000;

/** Total (capped) and brand/category counts over at most FACET_SAMPLE matches. */
export async function countSearchFacets(db: Db, scope: DataScope, f: SearchFilters) {
  const [totals] = await rowsOf<{
    total: number;
    brands: { value: string; label: string; count: number }[] | null;
    categories: { value: string; count: number }[] | null;
  }>(
    db,
    sql`with m as (
        select p.brand_id, p.category from products p
        where ${filterSql(scope, f)} limit ${FACET_SAMPLE}
      )
      select
        (select count(*)::int from m) as total,
        (select json_agg(x) from (
          select m.brand_id::text as value, b.name as label, count(*)::int as count
          from m join brands b on b.id = m.brand_id group by m.brand_id, b.name order by count(*) desc, b.name limit 50) x) as brands,
        (select json_agg(y) from (
          select m.category as value, count(*)::int as count
          from m where m.category is not null group by m.category order by count(*) desc, m.category limit 50) y) as categories`,
  );
  return {
    total: totals?.total ?? 0,
    brands: totals?.brands ?? [],
    categories: (totals?.categories ?? []).map((c) => ({ value: c.value, label: c.value, count: c.count })),
  };
}
