import { sql, type SQL } from 'drizzle-orm';
import {
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Language, LocalizedText, SupplyChain } from '@verity/contract';
import { organisations } from '../organisations/organisations.tables';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export interface TrademarkData {
  office: string;
  registrationNumber: string;
  niceClasses: number[];
  countries: string[];
  validUntil: string | null;
}
export interface FeatureData {
  kind: 'genuine' | 'counterfeit' | 'security' | 'packaging';
  title: LocalizedText;
  description: LocalizedText;
  imageIds: string[];
}

const orgRef = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const brands = pgTable(
  'brands',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgRef(),
    name: text('name').notNull(),
    description: text('description'),
    /** Trademark registrations; always read and written with the brand. */
    trademarks: jsonb('trademarks').$type<TrademarkData[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('brands_org_name_key').on(t.organisationId, sql`lower(${t.name})`)],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgRef(),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id),
    reference: text('reference'),
    status: text('status').$type<'draft' | 'published'>().notNull().default('published'),
    defaultLanguage: text('default_language').$type<Language>().notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    instructions: jsonb('instructions').$type<LocalizedText>().notNull().default({}),
    category: text('category'),
    hsCode: text('hs_code'),
    features: jsonb('features').$type<FeatureData[]>().notNull().default([]),
    supplyChain: jsonb('supply_chain')
      .$type<SupplyChain>()
      .notNull()
      .default({ manufacturedIn: [], markets: [], notes: {} }),
    /** First image's thumbnail, denormalised so search results need no join. */
    thumbnailFileId: uuid('thumbnail_file_id'),
    /** Names in every language + brand name: the short text typo-tolerant search runs on. */
    searchNames: text('search_names').notNull().default(''),
    /** Names, descriptions, category, brand, references: what full-text search runs on. */
    searchDocument: text('search_document').notNull().default(''),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL => sql`to_tsvector('verity_search'::regconfig, ${products.searchDocument})`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('products_org_idx').on(t.organisationId, t.id),
    index('products_category_idx').on(t.category),
    uniqueIndex('products_org_reference_key').on(t.organisationId, t.reference),
    index('products_search_vector_idx').using('gin', t.searchVector),
    index('products_search_names_trgm_idx').using('gin', sql`${t.searchNames} gin_trgm_ops`),
    // Listing by name (browse, and searches with too many matches to rank), keyset-paged.
    index('products_search_names_id_idx').on(t.searchNames, t.id),
    index('products_brand_names_idx').on(t.brandId, t.searchNames, t.id),
  ],
);

export const productIdentifiers = pgTable(
  'product_identifiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    organisationId: orgRef(),
    kind: text('kind').$type<'gtin' | 'proprietary' | 'imei_tac'>().notNull(),
    /** GTIN-14, an 8-digit TAC, or a proprietary code's regular expression. */
    value: text('value').notNull(),
    packagingLevel: text('packaging_level').$type<'each' | 'inner_pack' | 'case' | 'pallet'>(),
    description: text('description'),
  },
  (t) => [
    // A GTIN identifies one trade item worldwide (GS1 GenSpecs §4): one product per GTIN.
    uniqueIndex('product_identifiers_gtin_key')
      .on(t.value)
      .where(sql`${t.kind} = 'gtin'`),
    index('product_identifiers_kind_value_idx').on(t.kind, t.value),
    index('product_identifiers_product_idx').on(t.productId),
  ],
);

/** Stored bytes (images, thumbnails). In the database so every server process sees them. */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgRef(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    size: integer('size').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('files_org_idx').on(t.organisationId)],
);

export const productImages = pgTable(
  'product_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    organisationId: orgRef(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    thumbnailFileId: uuid('thumbnail_file_id')
      .notNull()
      .references(() => files.id),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    contentType: text('content_type').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('product_images_product_idx').on(t.productId, t.position)],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgRef(),
    brandId: uuid('brand_id').references(() => brands.id, { onDelete: 'cascade' }),
    country: text('country'),
    name: text('name').notNull(),
    role: text('role'),
    email: text('email'),
    phone: text('phone'),
    languages: jsonb('languages').$type<Language[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('contacts_org_idx').on(t.organisationId, t.country)],
);

/** Customs applications for action (e.g. EU Regulation 608/2013 AFAs). */
export const applications = pgTable(
  'applications_for_action',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: orgRef(),
    brandId: uuid('brand_id').references(() => brands.id, { onDelete: 'cascade' }),
    country: text('country').notNull(),
    reference: text('reference').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('applications_org_country_idx').on(t.organisationId, t.country, t.validUntil)],
);
