import { z } from 'zod';
import { CountrySchema, DateSchema, IdSchema, LocalizedTextSchema, PageQuerySchema, patchSchemaOf } from './common';
import { CasePhotoSchema } from './case-conversation';
import {
  caseLineUnits,
  caseListSorts,
  caseStatuses,
  caseTransitionTargets,
  caseVerdicts,
  transportModes,
} from './vocabulary';

/**
 * Cases (interceptions): an officer records goods held at the border, submits them to the
 * right holders of their brands, who answer; the officer then decides. See ARCHITECTURE.md, "Cases".
 */
export const CaseStatusSchema = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;
export const CaseVerdictSchema = z.enum(caseVerdicts);
export const TransportModeSchema = z.enum(transportModes);

const text = (max: number) => z.string().trim().min(1).max(max).nullable();
/** ISO 4217 currency code, upper case. */
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as EUR')
  .describe('ISO 4217 currency code');

export const CaseLineInputSchema = z
  .strictObject({
    productId: IdSchema.nullable().default(null).describe('A product of the catalog, when the goods match one'),
    brandId: IdSchema.nullable()
      .default(null)
      .describe('The brand, for goods not in the catalog (with a product, the product’s brand is used)'),
    description: text(2000).default(null).describe('What the goods are, in the officer’s words'),
    quantity: z.number().positive().max(1e9),
    unit: z.enum(caseLineUnits).default('pieces'),
  })
  .refine((line) => line.productId || line.brandId || line.description, {
    message: 'a line needs a product, a brand or a description',
  });
export type CaseLineInput = z.input<typeof CaseLineInputSchema>;

/** A draft: everything optional, saved as it is typed. */
export const CaseInputSchema = z.strictObject({
  declarationReference: text(100).default(null).describe('The customs declaration’s reference (MRN…)'),
  transportMode: TransportModeSchema.nullable().default(null),
  transportId: text(100).default(null).describe('Container, flight or vehicle'),
  portOrOffice: text(200).default(null).describe('Port, airport or customs office'),
  originCountry: CountrySchema.nullable().default(null),
  consignmentCountry: CountrySchema.nullable().default(null),
  destinationCountry: CountrySchema.nullable().default(null),
  consignor: text(500).default(null),
  consignee: text(500).default(null),
  goodsDescription: text(2000).default(null).describe('The goods as the declaration describes them'),
  declaredValue: z.number().nonnegative().max(1e12).nullable().default(null),
  declaredCurrency: CurrencySchema.nullable().default(null),
  goodsLocation: text(500).default(null).describe('Where the goods are held'),
  assessment: text(5000).default(null).describe('Why the officer suspects the goods'),
  lines: z.array(CaseLineInputSchema).max(200).default([]),
});
export type CaseInput = z.input<typeof CaseInputSchema>;
/** Autosave: what is sent replaces the current value; `lines`, when sent, replaces them all. */
export const CasePatchSchema = patchSchemaOf(CaseInputSchema);

export const CaseAnswerInputSchema = z.strictObject({
  verdict: CaseVerdictSchema,
  comment: text(5000).default(null),
});
export const CaseTransitionInputSchema = z.strictObject({
  to: z.enum(caseTransitionTargets),
  reason: z.string().trim().min(1).max(2000),
});
export const CaseShareInputSchema = z.strictObject({
  organisationId: IdSchema.describe('Another customs administration or agency'),
});

/** The owning administration moves one case's answer deadline (e.g. a right holder asked for time). */
export const CaseDeadlineInputSchema = z.strictObject({
  responseDeadline: DateSchema.describe('The new last day of the answer (today or later)'),
  reason: z.string().trim().min(1).max(2000).describe('Why, as the officer writes it (shown in the timeline)'),
});

export const IdempotencyHeadersSchema = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Sent again with the same body, the first answer is replayed; never two cases'),
});

const Named = z.object({ id: IdSchema, name: z.string() });

export const CaseLineSchema = z.object({
  id: IdSchema,
  product: z.object({ id: IdSchema, name: LocalizedTextSchema, reference: z.string().nullable() }).nullable(),
  brand: Named.nullable(),
  rightHolder: Named.nullable(),
  description: z.string().nullable(),
  quantity: z.number(),
  unit: z.enum(caseLineUnits),
});
export const CaseAnswerSchema = z.object({
  rightHolder: Named,
  verdict: CaseVerdictSchema,
  comment: z.string().nullable(),
  answeredBy: Named,
  answeredAt: z.iso.datetime(),
});
export const CaseEventSchema = z.object({
  id: IdSchema,
  kind: z.enum(['created', 'status', 'answer', 'share', 'deadline']),
  by: Named,
  organisation: Named,
  from: CaseStatusSchema.nullable(),
  to: CaseStatusSchema.nullable(),
  reason: z
    .string()
    .nullable()
    .describe('Typed by a person, shown as typed; what the server says is a code in `details`'),
  details: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe(
      'Codes, never prose: `verdict`; `cause` (`all_answered`); share: `organisationId`, `organisationName`, `country`; deadline: `from`, `to`, `workingDays`',
    ),
  at: z.iso.datetime(),
});

const caseFields = {
  id: IdSchema,
  reference: z.string().describe('`FR-2026-000042`: country, year, number'),
  status: CaseStatusSchema,
  organisation: Named.describe('The administration that opened the case'),
  country: CountrySchema,
  declarationReference: z.string().nullable(),
  responseDeadline: z.iso.date().nullable().describe('The right holders’ answer is due by the end of this day'),
  overdue: z.boolean().describe('Submitted, not yet answered, and the deadline has passed'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

export const CaseSchema = z.object({
  ...caseFields,
  createdBy: Named,
  transportMode: TransportModeSchema.nullable(),
  transportId: z.string().nullable(),
  portOrOffice: z.string().nullable(),
  originCountry: CountrySchema.nullable(),
  consignmentCountry: CountrySchema.nullable(),
  destinationCountry: CountrySchema.nullable(),
  consignor: z.string().nullable(),
  consignee: z.string().nullable(),
  goodsDescription: z.string().nullable(),
  declaredValue: z.number().nullable(),
  declaredCurrency: z.string().nullable(),
  goodsLocation: z.string().nullable(),
  assessment: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  lines: z.array(CaseLineSchema).describe('A right holder sees only the lines of its brands'),
  answers: z.array(CaseAnswerSchema).describe('A right holder sees only its own answer'),
  shares: z.array(z.object({ organisation: Named, country: z.string().nullable(), sharedAt: z.iso.datetime() })),
  events: z.array(CaseEventSchema),
  photos: z
    .array(CasePhotoSchema)
    .describe('A right holder sees only the photos of its lines and those tied to no line'),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    answer: z.boolean(),
    share: z.boolean(),
    deadline: z
      .boolean()
      .describe('May move the answer deadline (the owning administration, while answers are awaited)'),
    transition: z.array(z.enum(caseTransitionTargets)),
    photo: z.boolean().describe('May add photos (customs, until the case is closed; deleted only in a draft)'),
  }),
});
export type Case = z.infer<typeof CaseSchema>;

export const CaseSummarySchema = z.object({ ...caseFields, lineCount: z.number().int() });
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseListQuerySchema = PageQuerySchema.extend({
  status: CaseStatusSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  country: CountrySchema.optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Start of a case or declaration reference'),
  from: DateSchema.optional().describe('Cases created on or after this day (UTC)'),
  to: DateSchema.optional().describe('Cases created on or before this day (UTC); not before `from`'),
  transportMode: TransportModeSchema.optional(),
  originCountry: CountrySchema.optional(),
  portOrOffice: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Start of the port, airport or office, in any case'),
  rightHolderId: IdSchema.optional().describe(
    'Cases with a line of this right holder (customs; a right holder’s list is already only its own)',
  ),
  brandId: IdSchema.optional().describe('Cases with a line of this brand (among the lines the caller sees)'),
  sort: z
    .enum(caseListSorts)
    .default('newest')
    .describe('`newest` (created, newest first) or `deadline` (answer deadline, soonest first; none last)'),
}).strict();
export type CaseListQuery = z.input<typeof CaseListQuerySchema>;
export const CaseListSchema = z.object({ items: z.array(CaseSummarySchema), nextCursor: z.string().nullable() });
export type CaseList = z.infer<typeof CaseListSchema>;

/** What the caller's cases hold, to offer as filters: counts of cases, within what the caller sees. */
export const CaseFacetsSchema = z.object({
  total: z.number().int().describe('Cases the caller sees'),
  statuses: z.array(z.object({ status: CaseStatusSchema, count: z.number().int() })),
  transportModes: z.array(z.object({ transportMode: TransportModeSchema, count: z.number().int() })),
  rightHolders: z
    .array(z.object({ id: IdSchema, name: z.string(), count: z.number().int() }))
    .describe('Right holders with a line in the caller’s cases (a right holder: only itself); most cases first'),
  brands: z
    .array(z.object({ id: IdSchema, name: z.string(), rightHolderId: IdSchema.nullable(), count: z.number().int() }))
    .describe('Brands of the lines the caller sees; most cases first'),
});
export type CaseFacets = z.infer<typeof CaseFacetsSchema>;

/**
 * Anonymised counts for the secretariat: no references, no parties. A country with fewer than
 * `countryThreshold` cases in a month could single one out, so those cases are counted under
 * `country: null` ("other countries") for that month: totals by month and state stay exact.
 */
export const CaseStatsSchema = z.object({
  groups: z.array(
    z.object({
      country: CountrySchema.nullable().describe(
        'null: other countries, each with fewer than countryThreshold cases that month',
      ),
      status: CaseStatusSchema,
      month: z.string().describe('YYYY-MM'),
      count: z.number().int(),
    }),
  ),
  total: z.number().int(),
  countryThreshold: z.number().int().describe('A country is named in a month only with at least this many cases'),
});
export type CaseStats = z.infer<typeof CaseStatsSchema>;
export const CaseStatsQuerySchema = z.strictObject({
  from: DateSchema.optional().describe('Cases created from the 1st of this day’s month (UTC): whole months only'),
  to: DateSchema.optional().describe('Cases created up to the end of this day’s month (UTC); not before `from`'),
});
