import { z } from 'zod';
import {
  CountrySchema,
  DateSchema,
  IdSchema,
  LanguageSchema,
  LocalizedNameSchema,
  LocalizedTextSchema,
  patchSchemaOf,
} from './common';

/**
 * Risk alerts: a right holder warns the customs of chosen countries, for a time, that fakes of
 * some of its products are expected (from these origins, by this route).
 */
export const AlertInputSchema = z.strictObject({
  defaultLanguage: LanguageSchema.default('en'),
  title: LocalizedNameSchema.describe('Needs the default language'),
  description: LocalizedTextSchema.default({}),
  countries: z.array(CountrySchema).min(1).max(250).describe('Countries whose officers see it'),
  origins: z.array(CountrySchema).max(250).default([]).describe('Where the fakes are expected from'),
  route: z.string().trim().min(1).max(500).nullable().default(null).describe('e.g. "by sea via Algeciras"'),
  validFrom: DateSchema,
  validUntil: DateSchema,
  productIds: z.array(IdSchema).max(100).default([]).describe("Products of the right holder's it concerns"),
});
export type AlertInput = z.infer<typeof AlertInputSchema>;

/** A picture of an alert (e.g. a seized fake): read by whoever may read the alert. */
export const AlertImageSchema = z.object({
  id: IdSchema,
  url: z.string(),
  thumbnailUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type AlertImage = z.infer<typeof AlertImageSchema>;

export const AlertSchema = z.object({
  id: IdSchema,
  organisation: z.object({ id: IdSchema, name: z.string() }),
  defaultLanguage: LanguageSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  countries: z.array(CountrySchema),
  origins: z.array(CountrySchema),
  route: z.string().nullable(),
  validFrom: z.iso.date(),
  validUntil: z.iso.date(),
  inForce: z.boolean().describe('Today is within its validity'),
  products: z.array(z.object({ id: IdSchema, name: LocalizedTextSchema, defaultLanguage: LanguageSchema })),
  images: z.array(AlertImageSchema).describe('In their order; at most 10'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const AlertListQuerySchema = z.strictObject({
  productId: IdSchema.optional().describe('Only the alerts about this product'),
});
export const AlertListSchema = z.object({ items: z.array(AlertSchema) });
export const AlertPatchSchema = patchSchemaOf(AlertInputSchema);
export type AlertList = z.infer<typeof AlertListSchema>;

export const AlertImageParamsSchema = z.strictObject({ id: IdSchema, imageId: IdSchema });
