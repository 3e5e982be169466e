import type { Case, CaseInput } from '@verity/contract';

/** The draft's text fields, in the order the form shows them. */
export const shipmentFields = [
  'declarationReference',
  'transportId',
  'portOrOffice',
  'originCountry',
  'consignmentCountry',
  'destinationCountry',
  'consignor',
  'consignee',
  'goodsDescription',
  'declaredValue',
  'declaredCurrency',
] as const;
export const countryFields = new Set(['originCountry', 'consignmentCountry', 'destinationCountry']);
export const longFields = new Set(['consignor', 'consignee', 'goodsDescription', 'goodsLocation', 'assessment']);

export type FieldName = (typeof shipmentFields)[number] | 'transportMode' | 'goodsLocation' | 'assessment';
export type DraftFields = Record<FieldName, string>;

export interface DraftLine {
  /** Stable React key of a line on this screen. */
  key: string;
  productId: string | null;
  productName: string | null;
  /** The product's name in each language, as the case gave it (shown in the language chosen since). */
  productNames?: Partial<Record<string, string>>;
  /** For goods not in the catalog: the brand they bear (a product's brand comes with it). */
  brandId: string | null;
  brandName: string | null;
  description: string;
  quantity: string;
  unit: string;
}

export interface Draft {
  fields: DraftFields;
  lines: DraftLine[];
}

const allFields: FieldName[] = [...shipmentFields, 'transportMode', 'goodsLocation', 'assessment'];

export function draftOf(opened: Case, lang: string): Draft {
  const fields = Object.fromEntries(
    allFields.map((name) => {
      const value = opened[name];
      return [name, value === null || value === undefined ? '' : String(value)];
    }),
  ) as DraftFields;
  const lines = opened.lines.map((line) => ({
    key: line.id,
    productId: line.product?.id ?? null,
    productName: line.product
      ? (line.product.name[lang as keyof typeof line.product.name] ?? Object.values(line.product.name)[0] ?? null)
      : null,
    productNames: line.product?.name,
    brandId: line.product ? null : (line.brand?.id ?? null),
    brandName: line.brand?.name ?? null,
    description: line.description ?? '',
    quantity: String(line.quantity),
    unit: line.unit,
  }));
  return { fields, lines };
}

/** Why a typed value cannot be saved yet (a message key), or null when it can. */
export function fieldProblem(name: FieldName, value: string): string | null {
  const typed = value.trim();
  if (!typed) return null;
  if (countryFields.has(name) && !/^[A-Za-z]{2}$/.test(typed)) return 'cases.problem.country';
  if (name === 'declaredCurrency' && !/^[A-Za-z]{3}$/.test(typed)) return 'cases.problem.currency';
  if (name === 'declaredValue' && !(parseAmount(typed) >= 0)) return 'cases.problem.amount';
  return null;
}

/** A number as typed on a phone: a decimal comma counts as a point. */
export const parseAmount = (typed: string) => (typed.trim() ? Number(typed.trim().replace(',', '.')) : NaN);

export const lineProblem = (line: DraftLine): string | null =>
  !(parseAmount(line.quantity) > 0)
    ? 'cases.problem.quantity'
    : !line.productId && !line.brandId && !line.description.trim()
      ? 'cases.problem.lineEmpty'
      : null;

/**
 * The PATCH body for what is typed: every valid field (a value still being typed, such as one
 * letter of a country code, keeps the saved one) and the lines that are complete.
 */
export function patchOf({ fields, lines }: Draft): Partial<CaseInput> {
  const patch: Record<string, unknown> = {};
  for (const name of allFields) {
    const typed = fields[name].trim();
    if (fieldProblem(name, typed)) continue;
    if (!typed) patch[name] = null;
    else if (name === 'declaredValue') patch[name] = parseAmount(typed);
    else if (countryFields.has(name) || name === 'declaredCurrency') patch[name] = typed.toUpperCase();
    else patch[name] = typed;
  }
  patch.lines = lines
    .filter((line) => !lineProblem(line))
    .map((line) => ({
      productId: line.productId,
      brandId: line.productId ? null : line.brandId,
      description: line.description.trim() || null,
      quantity: parseAmount(line.quantity),
      unit: line.unit,
    }));
  return patch as Partial<CaseInput>;
}
