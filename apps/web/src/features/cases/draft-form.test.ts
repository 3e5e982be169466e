import type { CaseSummary } from '@verity/contract';
import { describe, expect, it } from 'vitest';
import { byDeadline } from './case-display';
import { fieldProblem, lineProblem, patchOf, type Draft, type DraftFields, type DraftLine } from './draft-form';

const emptyFields = {
  declarationReference: '',
  transportMode: '',
  transportId: '',
  portOrOffice: '',
  originCountry: '',
  consignmentCountry: '',
  destinationCountry: '',
  consignor: '',
  consignee: '',
  goodsDescription: '',
  declaredValue: '',
  declaredCurrency: '',
  goodsLocation: '',
  assessment: '',
} satisfies DraftFields;

const line = (overrides: Partial<DraftLine>): DraftLine => ({
  key: 'k',
  productId: null,
  productName: null,
  brandId: null,
  brandName: null,
  description: '',
  quantity: '1',
  unit: 'pieces',
  ...overrides,
});

describe('the draft form', () => {
  it('sends typed values trimmed, codes upper case, a decimal comma as a point, and emptied fields as null', () => {
    const draft: Draft = {
      fields: {
        ...emptyFields,
        declarationReference: ' 26FR0001 ',
        originCountry: 'cn',
        declaredValue: '1250,50',
        declaredCurrency: 'eur',
        transportMode: 'sea',
      },
      lines: [],
    };
    expect(patchOf(draft)).toMatchObject({
      declarationReference: '26FR0001',
      originCountry: 'CN',
      declaredValue: 1250.5,
      declaredCurrency: 'EUR',
      transportMode: 'sea',
      consignor: null,
      lines: [],
    });
  });

  it('keeps the saved value of a field still being typed (one letter of a country code, a word for an amount)', () => {
    const patch = patchOf({ fields: { ...emptyFields, originCountry: 'c', declaredValue: 'abc' }, lines: [] });
    expect(patch).not.toHaveProperty('originCountry');
    expect(patch).not.toHaveProperty('declaredValue');
    expect(fieldProblem('originCountry', 'c')).toBe('cases.problem.country');
    expect(fieldProblem('declaredValue', 'abc')).toBe('cases.problem.amount');
    expect(fieldProblem('declaredCurrency', 'EU')).toBe('cases.problem.currency');
    expect(fieldProblem('consignor', 'x')).toBeNull();
  });

  it('sends only complete lines: a product, a brand or a description, and a quantity above zero', () => {
    const lines = [
      line({ productId: 'p1', brandId: 'ignored-with-a-product' }),
      line({ brandId: 'b1', description: ' straps ', quantity: '12', unit: 'pairs' }),
      line({ description: 'unbranded', quantity: '0' }),
      line({}),
    ];
    expect(lineProblem(lines[2]!)).toBe('cases.problem.quantity');
    expect(lineProblem(lines[3]!)).toBe('cases.problem.lineEmpty');
    expect(patchOf({ fields: emptyFields, lines }).lines).toEqual([
      { productId: 'p1', brandId: null, description: null, quantity: 1, unit: 'pieces' },
      { productId: null, brandId: 'b1', description: 'straps', quantity: 12, unit: 'pairs' },
    ]);
  });
});

describe("the right holder's inbox order", () => {
  const summary = (reference: string, responseDeadline: string | null, updatedAt = '2026-11-01T00:00:00Z') =>
    ({ reference, responseDeadline, updatedAt }) as CaseSummary;

  it('puts the nearest deadline first and cases without one last', () => {
    const sorted = [
      summary('none', null),
      summary('late', '2026-12-10'),
      summary('soon', '2026-11-25'),
      summary('soon-newer', '2026-11-25', '2026-11-02T00:00:00Z'),
    ].sort(byDeadline);
    expect(sorted.map((c) => c.reference)).toEqual(['soon-newer', 'soon', 'late', 'none']);
  });
});
