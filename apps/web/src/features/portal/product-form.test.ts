import { gtinCheckDigit } from '@verity/codes';
import { ProductInputSchema, type ProductSheet } from '@verity/contract';
import { describe, expect, it } from 'vitest';
import {
  checkIdentifier,
  emptyForm,
  fieldIds,
  fieldOfServerError,
  fieldsOfValidation,
  formOfSheet,
  missingLanguages,
  parseCountries,
  rowKey,
  toProductInput,
  type ProductForm,
} from './product-form';

const body = '376123456789';
const gtin13 = `${body}${gtinCheckDigit(body)}`;
const wrong = `${body}${(gtinCheckDigit(body) + 1) % 10}`;
const brandId = '00000000-0000-4000-8000-000000000001';
const imageId = '00000000-0000-4000-8000-000000000002';

const filled = (change: Partial<ProductForm> = {}): ProductForm => ({
  ...emptyForm('fr', brandId),
  name: { fr: ' Montre ', en: '' },
  ...change,
});

describe('identifiers as typed', () => {
  it('accepts a GTIN-13 and gives its GTIN-14', () => {
    expect(checkIdentifier({ kind: 'gtin', value: gtin13 })).toEqual({ ok: true, normalised: `0${gtin13}` });
  });

  it('names the reason a GTIN is refused, with the codes package’s error code', () => {
    expect(checkIdentifier({ kind: 'gtin', value: wrong })).toEqual({ ok: false, reason: 'GTIN_CHECK_DIGIT' });
    expect(checkIdentifier({ kind: 'gtin', value: '12345' })).toEqual({ ok: false, reason: 'GTIN_LENGTH' });
  });

  it('wants 8 digits for a TAC and a valid regular expression for a pattern', () => {
    expect(checkIdentifier({ kind: 'imei_tac', value: '3545120' })).toEqual({ ok: false, reason: 'TAC_FORMAT' });
    expect(checkIdentifier({ kind: 'imei_tac', value: '35451208' }).ok).toBe(true);
    expect(checkIdentifier({ kind: 'proprietary', value: '^AB[0-9' })).toEqual({
      ok: false,
      reason: 'PATTERN_INVALID',
    });
    expect(checkIdentifier({ kind: 'proprietary', value: '^AB[0-9]{8}$' }).ok).toBe(true);
  });
});

describe('country codes as typed', () => {
  it('splits on commas and spaces, upper-cases, drops repeats and sets apart what is not two letters', () => {
    expect(parseCountries(' fr, DE it;fr  F1 usa')).toEqual({ codes: ['FR', 'DE', 'IT'], invalid: ['F1', 'USA'] });
  });
});

describe('missing translations', () => {
  it('marks a language that lacks a text another language has, and nothing when no language has it', () => {
    const missing = missingLanguages([{ en: 'Watch', fr: 'Montre' }, { en: 'Steel case' }, {}]);
    expect([...missing].sort()).toEqual(['ar', 'es', 'fr', 'pt', 'ru', 'zh']);
    expect(missingLanguages([{ en: ' ' }]).size).toBe(0);
  });
});

describe('the form becomes a ProductInput the server accepts', () => {
  it('trims texts, drops empty languages, normalises the HS code and the countries', () => {
    const { problems, input } = toProductInput(
      filled({
        hsCode: '9102.11',
        identifiers: [{ key: rowKey(), kind: 'gtin', value: gtin13, packagingLevel: 'case', description: '' }],
        features: [
          {
            key: rowKey(),
            kind: 'security',
            title: { fr: 'Hologramme' },
            description: { fr: ' ' },
            imageIds: [imageId],
          },
        ],
        manufacturedIn: 'ch',
        markets: 'fr de',
      }),
    );
    expect(problems).toEqual([]);
    expect(input).toMatchObject({
      brandId,
      reference: null,
      status: 'draft',
      defaultLanguage: 'fr',
      name: { fr: 'Montre' },
      hsCode: '910211',
      identifiers: [{ kind: 'gtin', value: gtin13, packagingLevel: 'case' }],
      features: [{ kind: 'security', title: { fr: 'Hologramme' }, description: {}, imageIds: [imageId] }],
      supplyChain: { manufacturedIn: ['CH'], markets: ['FR', 'DE'], notes: {} },
    });
    expect(ProductInputSchema.safeParse(input).success).toBe(true);
  });

  it('refuses a form without brand, default-language name, valid HS code, identifiers, feature titles or countries', () => {
    const { problems, input } = toProductInput({
      ...emptyForm('en'),
      name: { fr: 'Montre' },
      hsCode: '12345',
      identifiers: [{ key: rowKey(), kind: 'gtin', value: wrong, packagingLevel: 'each', description: '' }],
      features: [{ key: rowKey(), kind: 'genuine', title: { fr: 'Logo' }, description: {}, imageIds: [] }],
      markets: 'France',
    });
    expect(input).toBeUndefined();
    expect(problems.map((p) => p.field)).toEqual([
      fieldIds.brand,
      fieldIds.name('en'),
      fieldIds.hsCode,
      fieldIds.identifier(0),
      fieldIds.featureTitle(0),
      fieldIds.markets,
    ]);
  });

  it('reads back a sheet as the same form', () => {
    const sheet = {
      brand: { id: brandId, name: 'Lumière', trademarks: [] },
      reference: 'AUR-42',
      status: 'published',
      defaultLanguage: 'en',
      name: { en: 'Aurora' },
      description: {},
      instructions: { fr: 'Vérifier le logo' },
      category: 'Watches',
      hsCode: '910211',
      identifiers: [{ kind: 'gtin', value: `0${gtin13}`, packagingLevel: 'each', description: null }],
      features: [],
      supplyChain: { manufacturedIn: ['CH'], markets: [], notes: {} },
    } as unknown as ProductSheet;
    const form = formOfSheet(sheet);
    expect(form).toMatchObject({ reference: 'AUR-42', manufacturedIn: 'CH', markets: '', hsCode: '910211' });
    expect(toProductInput(form).input).toMatchObject({
      reference: 'AUR-42',
      category: 'Watches',
      name: { en: 'Aurora' },
    });
  });
});

describe("the server's refusals point at fields", () => {
  const form = filled({
    identifiers: [
      { key: rowKey(), kind: 'gtin', value: '', packagingLevel: 'each', description: '' },
      { key: rowKey(), kind: 'gtin', value: gtin13, packagingLevel: 'each', description: '' },
    ],
  });

  it('by index, by identifier value, or by the default language', () => {
    expect(fieldOfServerError('IDENTIFIER_INVALID', { index: 1 }, form)).toBe(fieldIds.identifier(1));
    expect(fieldOfServerError('IDENTIFIER_TAKEN', { value: `0${gtin13}` }, form)).toBe(fieldIds.identifier(1));
    expect(fieldOfServerError('PRODUCT_DEFAULT_LANGUAGE_MISSING', {}, form)).toBe(fieldIds.name('fr'));
    expect(fieldOfServerError('INTERNAL_ERROR', undefined, form)).toBeUndefined();
  });

  it('by the paths of VALIDATION_FAILED', () => {
    expect(
      fieldsOfValidation([{ path: 'name.en' }, { path: 'identifiers.2.value' }, { path: 'supplyChain.markets.0' }]),
    ).toEqual([fieldIds.name('en'), fieldIds.identifier(2), fieldIds.markets]);
  });
});
