import { z } from 'zod';
import { IdSchema, LanguageSchema } from './common';
import { AlertSchema } from './alerts';
import { ProductSummarySchema } from './catalog';
import { productStatuses } from './vocabulary';

export const ProductSearchQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  brand: IdSchema.optional(),
  category: z.string().trim().max(100).optional(),
  status: z.enum(productStatuses).optional().describe('Drafts are seen by their right holder only'),
  lang: LanguageSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const FacetSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

export const ProductSearchResultSchema = z.object({
  items: z.array(ProductSummarySchema),
  nextCursor: z.string().nullable(),
  total: z
    .number()
    .int()
    .describe(
      'Matches for the query and filters, counted up to 1,000 (facets too); beyond that, results are not ranked',
    ),
  totalIsExact: z.boolean().describe('false: there are more matches than `total` (show "1,000+")'),
  facets: z.object({ brand: z.array(FacetSchema), category: z.array(FacetSchema) }),
});
export type ProductSearchResult = z.infer<typeof ProductSearchResultSchema>;

export const IdentifyRequestSchema = z.strictObject({
  input: z.string().max(4096).describe('Anything an officer can type or scan'),
  lang: LanguageSchema.optional(),
});

export const ParsedCodeSchema = z.object({
  kind: z.enum(['gtin', 'gs1', 'digital-link', 'imei', 'text']),
  valid: z.boolean(),
  gtin: z.string().optional(),
  gtinFormat: z.string().optional(),
  elements: z.array(z.object({ ai: z.string(), value: z.string(), title: z.string().optional() })).optional(),
  imei: z.object({ imei: z.string(), tac: z.string(), svn: z.string().optional(), format: z.string() }).optional(),
  error: z
    .object({
      code: z.string().describe('Stable code, also the i18n key of the message'),
      message: z.string().describe('English'),
      position: z.number().int().optional().describe('0-based character position in the input'),
      params: z
        .record(z.string(), z.union([z.string(), z.number()]))
        .optional()
        .describe('Values the message names, e.g. the expected check digit, for translated messages'),
    })
    .optional(),
});

export const IdentifyResponseSchema = z.object({
  input: z.string(),
  parsed: ParsedCodeSchema,
  matchedBy: z.enum(['gtin', 'proprietary', 'imei_tac', 'text', 'none']),
  products: z.array(ProductSummarySchema),
  alerts: z
    .array(AlertSchema)
    .describe("Risk alerts in force for the caller's country about a product found (customs only)"),
});
export type IdentifyResponse = z.infer<typeof IdentifyResponseSchema>;

export const ImportReportSchema = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  failed: z.number().int(),
  errors: z
    .array(
      z.object({
        row: z.number().int().describe('1-based data row (CSV: header excluded)'),
        code: z.string(),
        message: z.string(),
        field: z.string().optional(),
        reference: z.string().optional().describe("The row's reference, when it has one"),
      }),
    )
    .describe('At most 1,000 errors are listed; `failed` counts all'),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** With `Accept: application/x-ndjson` the import answers one of these per line as it goes. */
export const ImportStreamLineSchema = z.union([
  z.strictObject({
    progress: z.object({
      rows: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      failed: z.number().int(),
    }),
  }),
  z.strictObject({ report: ImportReportSchema }),
  z.strictObject({ error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }) }),
]);
export type ImportStreamLine = z.infer<typeof ImportStreamLineSchema>;
