import { importCsvColumns, languages, ProductInputSchema, type IdentifierInput, type Language } from '@verity/contract';
import { z } from 'zod';

/**
 * One row of a catalog file, before the brand name is resolved. CSV columns:
 *   reference, brand, status, default_language, category, hs_code,
 *   name_<lang>, description_<lang>, instructions_<lang>   (lang: en fr es ar ru zh pt)
 *   gtin        GTINs separated by `|`, each optionally `:level` (each, inner_pack, case, pallet)
 *   imei_tac    TACs separated by `|`
 *   proprietary_pattern   regular expressions separated by `||`
 * JSON lines: a product as in POST /api/v1/products, with `brand` (a name) instead of `brandId`.
 */
export const ImportRowSchema = ProductInputSchema.omit({ brandId: true }).extend({
  brand: z.string().trim().min(1).max(200),
});
export type ImportRow = z.infer<typeof ImportRowSchema>;

/** The columns of the contract (packages/contract), shared with the web app's template. */
export const csvColumns = importCsvColumns;

/** Unknown or repeated columns are refused up front: a typo must not silently drop data. */
export function checkCsvHeader(header: string[]): string | undefined {
  const seen = new Set<string>();
  for (const column of header) {
    if (!csvColumns.includes(column)) return `unknown column "${column}"`;
    if (seen.has(column)) return `column "${column}" appears twice`;
    seen.add(column);
  }
  if (!seen.has('brand')) return 'the column "brand" is required';
  if (![...seen].some((c) => c.startsWith('name_'))) return 'at least one name_<language> column is required';
  return undefined;
}

const levels = new Set(['each', 'inner_pack', 'case', 'pallet']);
const split = (value: string | undefined, by: string) =>
  (value ?? '')
    .split(by)
    .map((s) => s.trim())
    .filter(Boolean);

/** A CSV record (header → cell) as the object ImportRowSchema validates. */
export function csvRecordToRow(record: Record<string, string>): unknown {
  const empty = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const texts = (field: 'name' | 'description' | 'instructions') => {
    const out: Partial<Record<Language, string>> = {};
    for (const lang of languages) {
      const value = empty(record[`${field}_${lang}`]);
      if (value) out[lang] = value;
    }
    return out;
  };
  const identifiers: unknown[] = [];
  for (const item of split(record.gtin, '|')) {
    const [value, level] = item.split(':');
    identifiers.push({
      kind: 'gtin',
      value,
      packagingLevel: level && levels.has(level) ? level : level ? `invalid:${level}` : 'each',
    });
  }
  for (const value of split(record.imei_tac, '|'))
    identifiers.push({ kind: 'imei_tac', value } satisfies IdentifierInput);
  for (const value of split(record.proprietary_pattern, '||'))
    identifiers.push({ kind: 'proprietary', value, description: null });
  return {
    reference: empty(record.reference) ?? null,
    brand: empty(record.brand),
    status: empty(record.status),
    defaultLanguage: empty(record.default_language),
    category: empty(record.category) ?? null,
    hsCode: empty(record.hs_code) ?? null,
    name: texts('name'),
    description: texts('description'),
    instructions: texts('instructions'),
    identifiers,
  };
}
