import { z } from 'zod';
import { errorCodes, type ErrorCode } from './errors';
import { languages } from './roles';

export const IdSchema = z.uuid();
export const IdParamsSchema = z.strictObject({ id: IdSchema });

export const LanguageSchema = z.enum(languages);
/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as FR')
  .describe('ISO 3166-1 alpha-2 country code');

/** A calendar date (YYYY-MM-DD) in a range PostgreSQL and people both accept. */
export const DateSchema = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'a date between 1900 and 2999')
  .describe('Date, YYYY-MM-DD');

/** Text in several languages: `{ "en": "Watch", "fr": "Montre" }`. */
export const LocalizedTextSchema = z
  .partialRecord(LanguageSchema, z.string().trim().min(1).max(20_000))
  .describe('Text per language (ISO 639-1 keys)');
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** A name or title in several languages (at most 300 characters each). */
export const LocalizedNameSchema = z
  .partialRecord(LanguageSchema, z.string().trim().min(1).max(300))
  .describe('Name per language (ISO 639-1 keys)');

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string(),
    }),
  })
  .describe('Every error has this shape; `code` is stable and machine-readable');
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const PageQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const DeletedSchema = z.object({ deleted: z.literal(true) });

/**
 * A PATCH body from a create body: every field optional and, unlike `.partial()`, no
 * defaults filled in — a field the client did not send must stay as it is.
 */
export function patchSchemaOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const inner = field instanceof z.ZodDefault ? (field.def.innerType as z.ZodType) : (field as z.ZodType);
      return [key, inner.optional()];
    }),
  );
  return z.strictObject(shape) as unknown as z.ZodObject<{ [K in keyof T]: z.ZodOptional<T[K]> }, z.core.$strict>;
}

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type Health = z.infer<typeof HealthSchema>;
