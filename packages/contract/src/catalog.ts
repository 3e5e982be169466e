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
import { featureKinds, identifierKinds, packagingLevels, productStatuses } from './vocabulary';

// ---- Brands and trademark registrations ----

export const TrademarkSchema = z.strictObject({
  office: z.string().trim().min(2).max(40).describe('Registering office, e.g. EUIPO, WIPO, USPTO, INPI'),
  registrationNumber: z.string().trim().min(1).max(60),
  niceClasses: z.array(z.number().int().min(1).max(45)).max(45).default([]),
  countries: z.array(CountrySchema).max(250).default([]).describe('Where it is in force (empty: see office)'),
  validUntil: DateSchema.nullable().default(null),
});

export const BrandInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).nullable().default(null),
  trademarks: z.array(TrademarkSchema).max(200).default([]),
});
export const BrandPatchSchema = patchSchemaOf(BrandInputSchema);

export const BrandSchema = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  name: z.string(),
  description: z.string().nullable(),
  trademarks: z.array(TrademarkSchema),
  productCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Brand = z.infer<typeof BrandSchema>;
export const BrandListSchema = z.object({ items: z.array(BrandSchema), nextCursor: z.string().nullable() });

// ---- Products ----

export const IdentifierInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('gtin'),
    value: z.string().trim().min(8).max(14).describe('GTIN-8, -12, -13 or -14; stored as GTIN-14'),
    packagingLevel: z.enum(packagingLevels).default('each'),
  }),
  z.strictObject({
    kind: z.literal('proprietary'),
    value: z.string().min(1).max(200).describe('Regular expression a code of this product matches, e.g. ^AB[0-9]{8}$'),
    description: z.string().trim().max(500).nullable().default(null),
  }),
  z.strictObject({
    kind: z.literal('imei_tac'),
    value: z.string().regex(/^\d{8}$/, 'an 8-digit Type Allocation Code'),
  }),
]);
export type IdentifierInput = z.infer<typeof IdentifierInputSchema>;

export const IdentifierSchema = z.object({
  kind: z.enum(identifierKinds),
  value: z.string(),
  packagingLevel: z.enum(packagingLevels).nullable(),
  description: z.string().nullable(),
});

export const FeatureInputSchema = z.strictObject({
  kind: z.enum(featureKinds).describe('genuine feature, counterfeit indicator, security feature or packaging'),
  title: LocalizedNameSchema,
  description: LocalizedTextSchema.default({}),
  imageIds: z.array(IdSchema).max(20).default([]).describe('Images of this product that illustrate the feature'),
});
export const FeatureSchema = z.object({
  kind: z.enum(featureKinds),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  imageIds: z.array(IdSchema),
});

/** Where the genuine product is made and sold, so an officer can tell an unexpected route. */
export const SupplyChainSchema = z.strictObject({
  manufacturedIn: z.array(CountrySchema).max(50).default([]).describe('Countries where the genuine product is made'),
  markets: z
    .array(CountrySchema)
    .max(250)
    .default([])
    .describe('Countries where it is legitimately sold; empty: worldwide'),
  notes: LocalizedTextSchema.default({}).describe('Authorised distributors, usual routes and carriers, and the like'),
});
export type SupplyChain = z.infer<typeof SupplyChainSchema>;

export const ProductInputSchema = z.strictObject({
  brandId: IdSchema,
  reference: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .nullable()
    .default(null)
    .describe("The right holder's own reference (SKU); unique per organisation"),
  status: z.enum(productStatuses).default('published'),
  defaultLanguage: LanguageSchema.default('en'),
  name: LocalizedNameSchema,
  description: LocalizedTextSchema.default({}),
  instructions: LocalizedTextSchema.default({}).describe('Instructions for customs'),
  category: z.string().trim().min(1).max(100).nullable().default(null),
  hsCode: z
    .string()
    .regex(/^\d{4}(\d{2}){0,3}$/, '4 to 10 digits of the Harmonized System')
    .nullable()
    .default(null),
  identifiers: z.array(IdentifierInputSchema).max(100).default([]),
  features: z.array(FeatureInputSchema).max(100).default([]),
  supplyChain: SupplyChainSchema.default({ manufacturedIn: [], markets: [], notes: {} }),
});
export type ProductInput = z.infer<typeof ProductInputSchema>;
export const ProductPatchSchema = patchSchemaOf(ProductInputSchema);

export const ImageSchema = z.object({
  id: IdSchema,
  url: z.string(),
  thumbnailUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  contentType: z.string(),
});

export const ContactSchema = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  brandId: IdSchema.nullable(),
  country: CountrySchema.nullable(),
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  languages: z.array(LanguageSchema),
});
export const ContactInputSchema = z.strictObject({
  brandId: IdSchema.nullable().default(null),
  country: CountrySchema.nullable().default(null).describe('Null: the contact for every country'),
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().max(200).nullable().default(null),
  email: z.email().max(320).nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()./-]{4,30}$/, 'a phone number')
    .nullable()
    .default(null),
  languages: z.array(LanguageSchema).max(7).default([]),
});
export const ContactListSchema = z.object({ items: z.array(ContactSchema), nextCursor: z.string().nullable() });

export const ApplicationSchema = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  brandId: IdSchema.nullable(),
  country: CountrySchema,
  reference: z.string(),
  validFrom: z.iso.date(),
  validUntil: z.iso.date(),
  inForce: z.boolean(),
});
export const ApplicationInputSchema = z.strictObject({
  brandId: IdSchema.nullable().default(null).describe('Null: covers all brands of the organisation'),
  country: CountrySchema,
  reference: z.string().trim().min(1).max(100),
  validFrom: DateSchema,
  validUntil: DateSchema,
});
export const ApplicationListSchema = z.object({ items: z.array(ApplicationSchema), nextCursor: z.string().nullable() });

export const ProductSummarySchema = z.object({
  id: IdSchema,
  brand: z.object({ id: IdSchema, name: z.string() }),
  organisation: z.object({ id: IdSchema, name: z.string() }),
  name: z.string().describe("In the caller's language, else the product's default language"),
  language: LanguageSchema.describe('The language `name` is in'),
  category: z.string().nullable(),
  status: z.enum(productStatuses),
  gtin: z.string().nullable().describe('The GTIN-14 of its smallest packaging level, if it has one'),
  thumbnailUrl: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  applicationInForce: z
    .boolean()
    .describe("The right holder has an application for action in force in the caller's country"),
});
export type ProductSummary = z.infer<typeof ProductSummarySchema>;

export const ProductSheetSchema = z.object({
  id: IdSchema,
  organisation: z.object({ id: IdSchema, name: z.string() }),
  brand: z.object({ id: IdSchema, name: z.string(), trademarks: z.array(TrademarkSchema) }),
  reference: z.string().nullable(),
  status: z.enum(productStatuses),
  defaultLanguage: LanguageSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  instructions: LocalizedTextSchema,
  category: z.string().nullable(),
  hsCode: z.string().nullable(),
  identifiers: z.array(IdentifierSchema),
  features: z.array(FeatureSchema),
  supplyChain: z.object({
    manufacturedIn: z.array(CountrySchema),
    markets: z.array(CountrySchema),
    notes: LocalizedTextSchema,
  }),
  images: z.array(ImageSchema),
  contacts: z.array(ContactSchema).describe("The caller's country first, then the global contacts"),
  applications: z.array(ApplicationSchema),
  applicationInForce: z.boolean(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ProductSheet = z.infer<typeof ProductSheetSchema>;
export const ContactPatchSchema = patchSchemaOf(ContactInputSchema);
export const ApplicationPatchSchema = patchSchemaOf(ApplicationInputSchema);
