import type { Language, LocalizedText } from '@verity/contract';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.tables';
import { files, products } from '../catalog/catalog.tables';

/** A right holder's risk alert, targeted at countries for a period. */
export const riskAlerts = pgTable(
  'risk_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    defaultLanguage: text('default_language').$type<Language>().notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    countries: text('countries').array().notNull(),
    origins: text('origins').array().notNull().default([]),
    route: text('route'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('risk_alerts_org_idx').on(t.organisationId),
    // Officers' question: which alerts target my country today.
    index('risk_alerts_countries_idx').using('gin', t.countries),
  ],
);

/** The products an alert is about: identify and the product sheet find alerts through this. */
export const riskAlertProducts = pgTable(
  'risk_alert_products',
  {
    alertId: uuid('alert_id')
      .notNull()
      .references(() => riskAlerts.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.productId] }), index('risk_alert_products_product_idx').on(t.productId)],
);

/** Pictures of a risk alert (e.g. a seized fake), stored like product photos. */
export const riskAlertImages = pgTable(
  'risk_alert_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => riskAlerts.id, { onDelete: 'cascade' }),
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('risk_alert_images_alert_idx').on(t.alertId, t.position)],
);
