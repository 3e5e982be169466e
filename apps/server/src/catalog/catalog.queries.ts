import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db';
import type { DataScope } from '../platform/policy';
import { organisations } from '../organisations/organisations.tables';
import { applications, brands, contacts, productIdentifiers, productImages, products } from './catalog.tables';
import { organisationScopeSql } from './catalog.scope';

// ---- Brands ----

// Written out in full: inside a subquery Drizzle would render the column unqualified.
const brandProductCount = sql<number>`(select count(*)::int from products p where p.brand_id = "brands"."id")`;

export async function listBrands(db: Db, scope: DataScope, opts: { after?: [string, string]; limit: number }) {
  const conditions: SQL[] = [organisationScopeSql(scope, sql`${brands.organisationId}`)];
  if (opts.after) {
    const [name, id] = opts.after;
    conditions.push(or(gt(brands.name, name), and(eq(brands.name, name), gt(brands.id, id)))!);
  }
  return db
    .select({
      brand: brands,
      productCount: brandProductCount,
    })
    .from(brands)
    .where(and(...conditions))
    .orderBy(asc(brands.name), asc(brands.id))
    .limit(opts.limit + 1);
}

export async function findBrandById(db: Db, id: string) {
  const [row] = await db
    .select({
      brand: brands,
      productCount: brandProductCount,
    })
    .from(brands)
    .where(eq(brands.id, id))
    .limit(1);
  return row;
}

export async function insertBrand(db: Db, row: typeof brands.$inferInsert) {
  const [created] = await db.insert(brands).values(row).returning();
  return created!;
}

export async function updateBrand(db: Db, id: string, patch: Partial<typeof brands.$inferInsert>) {
  await db
    .update(brands)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(brands.id, id));
}

export async function deleteBrand(db: Db, id: string) {
  await db.delete(brands).where(eq(brands.id, id));
}

export async function findBrandByName(db: Db, organisationId: string, name: string) {
  const [row] = await db
    .select()
    .from(brands)
    .where(and(eq(brands.organisationId, organisationId), sql`lower(${brands.name}) = lower(${name})`))
    .limit(1);
  return row;
}

// ---- Products ----

export async function findProductById(db: Db, id: string) {
  const [row] = await db.select().from(products).where(eq(products.id, id)).limit(1);
  return row;
}

export async function findProductByReference(db: Db, organisationId: string, reference: string) {
  const [row] = await db
    .select()
    .from(products)
    .where(and(eq(products.organisationId, organisationId), eq(products.reference, reference)))
    .limit(1);
  return row;
}

export async function insertProduct(db: Db, row: typeof products.$inferInsert) {
  const [created] = await db.insert(products).values(row).returning({ id: products.id });
  return created!;
}

export async function updateProduct(db: Db, id: string, patch: Partial<typeof products.$inferInsert>) {
  await db
    .update(products)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(products.id, id));
}

export async function deleteProduct(db: Db, id: string) {
  await db.delete(products).where(eq(products.id, id));
}

/**
 * The search text of a product, from its own columns (alias `p`) and its brand's name
 * (alias `b`): every write path (editor, import, seed, brand rename) derives it the same way.
 * `search_names`: default-language name first (browse order), other names, brand; lower
 * case without accents, like the queries run against it (see search.queries.ts).
 */
// At most 600 characters: it is also the btree key that lists products by name.
export const searchNamesSql = sql`left(unaccent(lower(concat_ws(' ',
  p.name ->> p.default_language,
  (select string_agg(v, ' ' order by k) from jsonb_each_text(p.name) e(k, v) where k <> p.default_language),
  b.name))), 600)`;
export const searchDocumentSql = sql`concat_ws(' ',
  b.name,
  (select string_agg(v, ' ' order by k) from jsonb_each_text(p.name) e(k, v)),
  (select string_agg(v, ' ' order by k) from jsonb_each_text(p.description) e(k, v)),
  p.category, p.reference, p.hs_code)`;

/** Rebuilds the search text of one product, a brand's products, or an organisation's. */
export async function refreshSearchText(
  db: Db,
  where: { productId?: string; brandId?: string; organisationId?: string },
) {
  const condition = where.productId
    ? sql`p.id = ${where.productId}`
    : where.brandId
      ? sql`p.brand_id = ${where.brandId}`
      : sql`p.organisation_id = ${where.organisationId ?? null}`;
  await db.execute(sql`
    update products p set search_names = ${searchNamesSql}, search_document = ${searchDocumentSql}
    from brands b
    where b.id = p.brand_id and ${condition}`);
}

export async function replaceIdentifiers(
  db: Db,
  productId: string,
  organisationId: string,
  rows: Omit<typeof productIdentifiers.$inferInsert, 'productId' | 'organisationId'>[],
) {
  await db.delete(productIdentifiers).where(eq(productIdentifiers.productId, productId));
  if (rows.length > 0) {
    await db.insert(productIdentifiers).values(rows.map((r) => ({ ...r, productId, organisationId })));
  }
}

export async function listIdentifiersOfProduct(db: Db, productId: string) {
  return db
    .select()
    .from(productIdentifiers)
    .where(eq(productIdentifiers.productId, productId))
    .orderBy(asc(productIdentifiers.kind), asc(productIdentifiers.value));
}

/** Which product holds each of these GTINs (to report conflicts before inserting). */
export async function findGtinOwners(db: Db, gtins: string[]) {
  if (gtins.length === 0) return [];
  return db
    .select({ value: productIdentifiers.value, productId: productIdentifiers.productId })
    .from(productIdentifiers)
    .where(and(eq(productIdentifiers.kind, 'gtin'), inArray(productIdentifiers.value, gtins)));
}

/** Lets PostgreSQL itself judge a proprietary pattern, since identify matches with `~`. */
export async function isValidPostgresRegex(db: Db, pattern: string): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select '' ~ ${pattern}`);
    });
    return true;
  } catch {
    return false;
  }
}

// ---- Images ----

export async function listImagesOfProduct(db: Db, productId: string) {
  return db
    .select()
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position), asc(productImages.createdAt));
}

// ---- Contacts and applications for action ----

export async function listContactsOfOrganisation(db: Db, organisationId: string, brandId: string | null) {
  const brandCondition = brandId ? or(sql`${contacts.brandId} is null`, eq(contacts.brandId, brandId)) : undefined;
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.organisationId, organisationId), brandCondition))
    .orderBy(asc(contacts.country), asc(contacts.name));
}

export async function listApplicationsOfOrganisation(db: Db, organisationId: string, brandId: string | null) {
  const brandCondition = brandId
    ? or(sql`${applications.brandId} is null`, eq(applications.brandId, brandId))
    : undefined;
  return db
    .select()
    .from(applications)
    .where(and(eq(applications.organisationId, organisationId), brandCondition))
    .orderBy(asc(applications.country), asc(applications.validUntil));
}

export async function findOrganisationName(db: Db, id: string) {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name;
}
