import { parseGtin, type CodeErrorCode } from '@verity/codes';
import type { featureKinds, packagingLevels, Language, ProductInput, ProductSheet } from '@verity/contract';
import { languages } from '@verity/contract/values';

/**
 * The product editor's state and its translation to and from the API: what people type is kept
 * as typed (strings, empty texts), checked here before anything is sent, and only then turned
 * into a ProductInput. Pure, so the rules are unit-tested without a browser.
 */
export type Texts = Partial<Record<Language, string>>;
export type PackagingLevel = (typeof packagingLevels)[number];
export type FeatureKind = (typeof featureKinds)[number];

export interface IdentifierDraft {
  key: number;
  kind: 'gtin' | 'proprietary' | 'imei_tac';
  value: string;
  packagingLevel: PackagingLevel;
  description: string;
}

export interface FeatureDraft {
  key: number;
  kind: FeatureKind;
  title: Texts;
  description: Texts;
  imageIds: string[];
}

export interface ProductForm {
  brandId: string;
  reference: string;
  status: 'draft' | 'published';
  defaultLanguage: Language;
  category: string;
  hsCode: string;
  name: Texts;
  description: Texts;
  instructions: Texts;
  identifiers: IdentifierDraft[];
  features: FeatureDraft[];
  manufacturedIn: string;
  markets: string;
  notes: Texts;
}

let nextKey = 1;
/** A key for a list row, so React keeps each row's input when rows are removed. */
export const rowKey = () => nextKey++;

export function emptyForm(defaultLanguage: Language, brandId = ''): ProductForm {
  return {
    brandId,
    reference: '',
    status: 'draft',
    defaultLanguage,
    category: '',
    hsCode: '',
    name: {},
    description: {},
    instructions: {},
    identifiers: [],
    features: [],
    manufacturedIn: '',
    markets: '',
    notes: {},
  };
}

export function formOfSheet(sheet: ProductSheet): ProductForm {
  return {
    brandId: sheet.brand.id,
    reference: sheet.reference ?? '',
    status: sheet.status,
    defaultLanguage: sheet.defaultLanguage,
    category: sheet.category ?? '',
    hsCode: sheet.hsCode ?? '',
    name: { ...sheet.name },
    description: { ...sheet.description },
    instructions: { ...sheet.instructions },
    identifiers: sheet.identifiers.map((i) => ({
      key: rowKey(),
      kind: i.kind,
      value: i.value,
      packagingLevel: i.packagingLevel ?? 'each',
      description: i.description ?? '',
    })),
    features: sheet.features.map((f) => ({
      key: rowKey(),
      kind: f.kind,
      title: { ...f.title },
      description: { ...f.description },
      imageIds: [...f.imageIds],
    })),
    manufacturedIn: sheet.supplyChain.manufacturedIn.join(', '),
    markets: sheet.supplyChain.markets.join(', '),
    notes: { ...sheet.supplyChain.notes },
  };
}

/** What is wrong with an identifier as typed, or its normalised form (GTIN-14, TAC). */
export type IdentifierCheck =
  { ok: true; normalised: string } | { ok: false; reason: CodeErrorCode | 'TAC_FORMAT' | 'PATTERN_INVALID' | 'EMPTY' };

export function checkIdentifier(draft: Pick<IdentifierDraft, 'kind' | 'value'>): IdentifierCheck {
  const value = draft.value.trim();
  if (!value) return { ok: false, reason: 'EMPTY' };
  switch (draft.kind) {
    case 'gtin': {
      const parsed = parseGtin(value);
      return parsed.ok ? { ok: true, normalised: parsed.value.gtin } : { ok: false, reason: parsed.error.code };
    }
    case 'imei_tac':
      return /^\d{8}$/.test(value) ? { ok: true, normalised: value } : { ok: false, reason: 'TAC_FORMAT' };
    case 'proprietary':
      try {
        new RegExp(draft.value, 'u');
        return { ok: true, normalised: draft.value };
      } catch {
        return { ok: false, reason: 'PATTERN_INVALID' };
      }
  }
}

/** Country codes typed as "FR, de it": upper-cased; the ones that are not two letters are returned apart. */
export function parseCountries(text: string): { codes: string[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim().toUpperCase())
    .filter(Boolean);
  const codes = [...new Set(parts.filter((p) => /^[A-Z]{2}$/.test(p)))];
  return { codes, invalid: parts.filter((p) => !/^[A-Z]{2}$/.test(p)) };
}

/** A problem with one field: `field` is the id of its input, `message` a message key with params. */
export interface FieldProblem {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

/** Ids of the editor's inputs, shared by the form and the error summary that links to them. */
export const fieldIds = {
  brand: 'product-brand',
  reference: 'product-reference',
  category: 'product-category',
  hsCode: 'product-hs-code',
  name: (lang: Language) => `product-name-${lang}`,
  identifier: (index: number) => `product-identifier-${index}`,
  featureTitle: (index: number) => `product-feature-${index}-title`,
  manufacturedIn: 'product-made-in',
  markets: 'product-markets',
};

const trimmed = (texts: Texts): Texts =>
  Object.fromEntries(
    Object.entries(texts)
      .map(([lang, text]) => [lang, text?.trim() ?? ''])
      .filter(([, text]) => text !== ''),
  ) as Texts;

/** The languages a text is missing in while some other language has it (for the tab marks). */
export function missingLanguages(fields: Texts[]): Set<Language> {
  const missing = new Set<Language>();
  for (const texts of fields) {
    const present = languages.filter((l) => texts[l]?.trim());
    if (present.length === 0) continue;
    for (const lang of languages) if (!texts[lang]?.trim()) missing.add(lang);
  }
  return missing;
}

/** Checks the form; on success, the body to send. */
export function toProductInput(form: ProductForm): { problems: FieldProblem[]; input?: ProductInput } {
  const problems: FieldProblem[] = [];
  const lang = form.defaultLanguage;
  if (!form.brandId) problems.push({ field: fieldIds.brand, key: 'portal.editor.problems.brand' });
  if (!form.name[lang]?.trim())
    problems.push({ field: fieldIds.name(lang), key: 'portal.editor.problems.name', params: { language: lang } });
  const hsCode = form.hsCode.replace(/[\s.]/g, '');
  if (hsCode && !/^\d{4}(\d{2}){0,3}$/.test(hsCode))
    problems.push({ field: fieldIds.hsCode, key: 'portal.editor.problems.hsCode' });
  form.identifiers.forEach((identifier, index) => {
    if (!checkIdentifier(identifier).ok)
      problems.push({
        field: fieldIds.identifier(index),
        key: 'portal.editor.problems.identifier',
        params: { number: index + 1 },
      });
  });
  form.features.forEach((feature, index) => {
    if (!feature.title[lang]?.trim())
      problems.push({
        field: fieldIds.featureTitle(index),
        key: 'portal.editor.problems.featureTitle',
        params: { number: index + 1, language: lang },
      });
  });
  const madeIn = parseCountries(form.manufacturedIn);
  const markets = parseCountries(form.markets);
  for (const [field, parsed] of [
    [fieldIds.manufacturedIn, madeIn],
    [fieldIds.markets, markets],
  ] as const)
    if (parsed.invalid.length > 0)
      problems.push({ field, key: 'portal.editor.problems.countries', params: { codes: parsed.invalid.join(', ') } });
  if (problems.length > 0) return { problems };

  const input: ProductInput = {
    brandId: form.brandId,
    reference: form.reference.trim() || null,
    status: form.status,
    defaultLanguage: lang,
    name: trimmed(form.name),
    description: trimmed(form.description),
    instructions: trimmed(form.instructions),
    category: form.category.trim() || null,
    hsCode: hsCode || null,
    identifiers: form.identifiers.map((i) => {
      switch (i.kind) {
        case 'gtin':
          return { kind: 'gtin', value: i.value.replace(/\s/g, ''), packagingLevel: i.packagingLevel };
        case 'imei_tac':
          return { kind: 'imei_tac', value: i.value.trim() };
        case 'proprietary':
          return { kind: 'proprietary', value: i.value, description: i.description.trim() || null };
      }
    }),
    features: form.features.map((f) => ({
      kind: f.kind,
      title: trimmed(f.title),
      description: trimmed(f.description),
      imageIds: f.imageIds,
    })),
    supplyChain: { manufacturedIn: madeIn.codes, markets: markets.codes, notes: trimmed(form.notes) },
  };
  return { problems, input };
}

/**
 * Where the server's answer to a refused save points: VALIDATION_FAILED names paths
 * (`name.en`, `identifiers.2.value`), identifier errors an index. Unknown: no field.
 */
export function fieldOfServerError(code: string, details: unknown, form: ProductForm): string | undefined {
  if (code === 'PRODUCT_DEFAULT_LANGUAGE_MISSING') return fieldIds.name(form.defaultLanguage);
  if (code === 'PRODUCT_REFERENCE_TAKEN') return fieldIds.reference;
  const index = (details as { index?: unknown } | null | undefined)?.index;
  if (typeof index === 'number') return fieldIds.identifier(index);
  if (code === 'IDENTIFIER_TAKEN' || code === 'IDENTIFIER_PATTERN_INVALID') {
    const value = (details as { value?: unknown } | null | undefined)?.value;
    const at = form.identifiers.findIndex((i) => {
      const check = checkIdentifier(i);
      return check.ok && (check.normalised === value || i.value === value);
    });
    return at >= 0 ? fieldIds.identifier(at) : undefined;
  }
  return undefined;
}

/** The paths of a VALIDATION_FAILED answer, as editor field ids where one matches. */
export function fieldsOfValidation(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: { path?: unknown }) => {
    const path = typeof d?.path === 'string' ? d.path.split('.') : [];
    const [head, second] = path;
    if (head === 'name' && second) return [fieldIds.name(second as Language)];
    if (head === 'identifiers' && second) return [fieldIds.identifier(Number(second))];
    if (head === 'features' && second) return [fieldIds.featureTitle(Number(second))];
    if (head === 'hsCode') return [fieldIds.hsCode];
    if (head === 'reference') return [fieldIds.reference];
    if (head === 'category') return [fieldIds.category];
    if (head === 'supplyChain') return [second === 'markets' ? fieldIds.markets : fieldIds.manufacturedIn];
    return [];
  });
}
