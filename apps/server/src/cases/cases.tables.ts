import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { caseStatuses, caseVerdicts, transportModes, caseLineUnits } from '@verity/contract';
import { organisations, users } from '../organisations/organisations.tables';
import { brands, products } from '../catalog/catalog.tables';

type CaseStatus = (typeof caseStatuses)[number];
type TransportMode = (typeof transportModes)[number];
type Verdict = (typeof caseVerdicts)[number];
type LineUnit = (typeof caseLineUnits)[number];

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** An interception by a customs administration: the shipment, where the goods are, the assessment. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `FR-2026-000042`: the administration's country, the year, a number per country and year. */
    reference: text('reference').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    country: text('country').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<CaseStatus>().notNull().default('draft'),
    declarationReference: text('declaration_reference'),
    transportMode: text('transport_mode').$type<TransportMode>(),
    transportId: text('transport_id'),
    portOrOffice: text('port_or_office'),
    originCountry: text('origin_country'),
    consignmentCountry: text('consignment_country'),
    destinationCountry: text('destination_country'),
    consignor: text('consignor'),
    consignee: text('consignee'),
    goodsDescription: text('goods_description'),
    declaredValue: numeric('declared_value', { precision: 14, scale: 2 }),
    declaredCurrency: text('declared_currency'),
    goodsLocation: text('goods_location'),
    assessment: text('assessment'),
    responseDeadline: date('response_deadline', { mode: 'string' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_reference_key').on(t.reference),
    index('cases_org_idx').on(t.organisationId, t.createdAt, t.id),
    index('cases_country_idx').on(t.country, t.createdAt, t.id),
    index('cases_status_idx').on(t.status, t.responseDeadline),
    check(
      'cases_transport_mode_check',
      sql`${t.transportMode} in ('sea','air','road','rail','post','courier','other')`,
    ),
    check('cases_declared_value_check', sql`${t.declaredValue} >= 0`),
  ],
);

/** The last number given per country and year (one atomic upsert makes the next reference). */
export const caseReferenceCounters = pgTable(
  'case_reference_counters',
  {
    country: text('country').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.country, t.year] })],
);

/** Goods of a case. Brand and right holder are copied in, so scoping needs no join to the catalog. */
export const caseLines = pgTable(
  'case_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    description: text('description'),
    brandId: uuid('brand_id').references(() => brands.id, { onDelete: 'set null' }),
    rightHolderId: uuid('right_holder_id').references(() => organisations.id),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    unit: text('unit').$type<LineUnit>().notNull(),
  },
  (t) => [
    index('case_lines_case_idx').on(t.caseId, t.position),
    index('case_lines_right_holder_idx').on(t.rightHolderId, t.caseId),
    check('case_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

/** Every change of a case: who, for which organisation, when, from which state to which, and why. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fromStatus: text('from_status').$type<CaseStatus>(),
    toStatus: text('to_status').$type<CaseStatus>(),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.createdAt)],
);

/** Another customs administration invited to a case (e.g. the country of departure). */
export const caseShares = pgTable(
  'case_shares',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.organisationId] }), index('case_shares_org_idx').on(t.organisationId)],
);

/** A right holder's verdict on its lines of a case (one per right holder; a new answer replaces it). */
export const caseAnswers = pgTable(
  'case_answers',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    verdict: text('verdict').$type<Verdict>().notNull(),
    comment: text('comment'),
    answeredBy: uuid('answered_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.organisationId] })],
);

/**
 * Answers to writes sent with an `Idempotency-Key`: the same key and body replay the answer;
 * the same key with another body is refused.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('idempotency_keys_user_key').on(t.userId, t.key),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
