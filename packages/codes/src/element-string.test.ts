import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { GS, parseElementString, toElementString } from './element-string';
import { commonElementSets } from './test-arbitraries';

const aisAndValues = (input: string, options?: Parameters<typeof parseElementString>[1]) => {
  const parsed = parseElementString(input, options);
  if (!parsed.ok) throw new Error(`${input}: ${parsed.error.code} at ${parsed.error.position}`);
  return parsed.value.elements.map(({ ai, value }) => [ai, value]);
};

describe('parseElementString, bracketed form (GenSpecs §4.14)', () => {
  it('reads the GenSpecs example with titles from the dictionary', () => {
    expect(parseElementString('(01)09506000134352(17)201225(10)ABC123')).toEqual({
      ok: true,
      value: {
        elements: [
          { ai: '01', value: '09506000134352', title: 'GTIN' },
          { ai: '17', value: '201225', title: 'USE BY or EXPIRY' },
          { ai: '10', value: 'ABC123', title: 'BATCH/LOT' },
        ],
      },
    });
    expect(aisAndValues('(01)09501101530003(17)250101(10)ABC')).toEqual([
      ['01', '09501101530003'],
      ['17', '250101'],
      ['10', 'ABC'],
    ]);
  });

  it('accepts DD = 00 where the dictionary says yymmd0 (AIs 11-17), not elsewhere', () => {
    expect(aisAndValues('(01)09506000134352(17)251200(15)260100')).toHaveLength(3);
    expect(parseElementString('(01)09506000134352(7006)251200')).toMatchObject({
      error: { code: 'GS1_INVALID_DATE', position: 28, params: { format: 'YYMMDD' } },
    });
  });

  it('checks 29 February against leap years', () => {
    expect(aisAndValues('(01)09506000134352(17)240229')).toHaveLength(2);
    expect(aisAndValues('(01)09506000134352(17)000229')).toHaveLength(2);
    expect(parseElementString('(01)09506000134352(17)250229')).toMatchObject({
      error: { code: 'GS1_INVALID_DATE', position: 26 },
    });
  });

  it('tolerates spaces copied around the printed HRI text', () => {
    expect(aisAndValues('(01) 09506000134352 (10) ABC')).toEqual([
      ['01', '09506000134352'],
      ['10', 'ABC'],
    ]);
  });

  it('reads an escaped "(" inside data and points into it correctly', () => {
    expect(aisAndValues('(01)09506000134352(10)A\\(B')).toEqual([
      ['01', '09506000134352'],
      ['10', 'A(B'],
    ]);
    expect(parseElementString('(01)09506000134352(10)\\(ABC DEF')).toMatchObject({
      error: { code: 'GS1_AI_FORMAT', position: 27, params: { char: ' ' } },
    });
  });

  it('validates optional components and their linters (AI 423 lists countries)', () => {
    expect(aisAndValues('(01)09506000134352(423)250276')).toHaveLength(2);
    expect(parseElementString('(01)09506000134352(423)25027')).toMatchObject({
      error: { code: 'GS1_AI_LENGTH', position: 28, params: { expected: '3, 6, 9, 12 or 15' } },
    });
    expect(parseElementString('(01)09506000134352(423)250999')).toMatchObject({
      error: { code: 'GS1_COUNTRY_CODE', position: 26 },
    });
  });
});

describe('parseElementString, raw scanned form (GenSpecs §7.8)', () => {
  const gs1128 = `]C10109506000134352172012251${''}0ABC123${GS}21XYZ`;

  it('reads a GS1-128 scan with its symbology identifier and GS after variable-length data', () => {
    expect(parseElementString(gs1128)).toMatchObject({
      ok: true,
      value: {
        symbologyId: ']C1',
        elements: [
          { ai: '01', value: '09506000134352' },
          { ai: '17', value: '201225' },
          { ai: '10', value: 'ABC123' },
          { ai: '21', value: 'XYZ' },
        ],
      },
    });
  });

  it.each([']e0', ']d2', ']Q3', ']J1'])('reads GS1 data after %s', (id) => {
    expect(parseElementString(`${id}0109506000134352${'10'}LOT1${GS}17201225`)).toMatchObject({
      ok: true,
      value: { symbologyId: id },
    });
  });

  it('reads a raw string without symbology identifier', () => {
    expect(aisAndValues('010950110153000317250101')).toEqual([
      ['01', '09501101530003'],
      ['17', '250101'],
    ]);
  });

  it('accepts the textual stand-ins <GS> and \\x1d, and a leading or doubled GS', () => {
    const expected = [
      ['01', '09506000134352'],
      ['10', 'AB'],
      ['21', 'C'],
    ];
    expect(aisAndValues('0109506000134352' + '10AB<GS>21C')).toEqual(expected);
    expect(aisAndValues('0109506000134352' + '10AB\\x1d21C')).toEqual(expected);
    expect(aisAndValues(`${GS}0109506000134352` + `10AB${GS}${GS}21C`)).toEqual(expected);
  });

  it('reads ]E0 and ]E4 payloads as AI (01)', () => {
    expect(aisAndValues(']E09506000134352')).toEqual([['01', '09506000134352']]);
    expect(aisAndValues(']E495012346')).toEqual([['01', '00000095012346']]);
    expect(parseElementString(']E09506000134353')).toMatchObject({
      error: { code: 'GS1_CHECK_DIGIT', position: 15 },
    });
  });

  it('reports a separator inside pre-defined length data as too short', () => {
    expect(parseElementString(`0109506000${GS}134352`)).toMatchObject({
      error: { code: 'GS1_AI_LENGTH', position: 10, params: { ai: '01', length: 8 } },
    });
  });

  it('reports a variable-length field running on without its separator', () => {
    expect(parseElementString('0109506000134352' + '10ABC17201225' + '21X'.repeat(4))).toMatchObject({
      error: { code: 'GS1_AI_LENGTH', position: 38, params: { ai: '10', expected: '1 to 20' } },
    });
  });

  it('can leave out the association rules for one barcode among several', () => {
    expect(parseElementString('(10)ABC')).toMatchObject({
      error: { code: 'GS1_REQUIRED_AI_MISSING' },
    });
    expect(aisAndValues('(10)ABC', { associations: false })).toEqual([['10', 'ABC']]);
    expect(parseElementString('(10)A(10)B', { associations: false })).toMatchObject({
      error: { code: 'GS1_DUPLICATE_AI', position: 6 },
    });
  });

  it('allows the same AI twice with the same data (GenSpecs §4.13.1)', () => {
    expect(aisAndValues('(01)09506000134352(10)A(10)A')).toHaveLength(3);
  });

  it('checks requirements with alternatives and "+" (AI 8030 needs 00, or 01 with 21, ...)', () => {
    expect(parseElementString('(01)09506000134352(8030)ABCD')).toMatchObject({
      error: { code: 'GS1_REQUIRED_AI_MISSING', position: 19, params: { ai: '8030' } },
    });
    expect(aisAndValues('(01)09506000134352(21)1(8030)ABCD')).toHaveLength(3);
  });

  it('checks exclusive patterns, e.g. two net weights (310n)', () => {
    expect(parseElementString('(01)09506000134352(3102)000400(3103)000040')).toMatchObject({
      error: { code: 'GS1_EXCLUSIVE_AIS', position: 31, params: { ai: '3103', other: '3102' } },
    });
  });
});

describe('toElementString', () => {
  const elements = [
    { ai: '01', value: '09506000134352' },
    { ai: '10', value: 'A(1' },
    { ai: '17', value: '201225' },
    { ai: '21', value: 'S' },
  ];

  it('writes the bracketed form, escaping "("', () => {
    expect(toElementString(elements, { bracketed: true })).toBe('(01)09506000134352(10)A\\(1(17)201225(21)S');
  });

  it('writes the raw form with GS only after variable-length data that is not last', () => {
    expect(toElementString(elements, { bracketed: false })).toBe(`0109506000134352${'10'}A(1${GS}17201225${'21'}S`);
  });
});

const withoutTitles = (result: ReturnType<typeof parseElementString>) =>
  result.ok ? result.value.elements.map(({ ai, value }) => ({ ai, value })) : result.error;

describe('element string round trips', () => {
  it('bracketed form reads back the same elements', () => {
    fc.assert(
      fc.property(commonElementSets, (elements) => {
        expect(withoutTitles(parseElementString(toElementString(elements, { bracketed: true })))).toEqual(elements);
      }),
    );
  });

  it('raw form reads back the same elements, with or without a symbology identifier', () => {
    fc.assert(
      fc.property(commonElementSets, (elements) => {
        const raw = toElementString(elements, { bracketed: false });
        expect(withoutTitles(parseElementString(raw))).toEqual(elements);
        expect(withoutTitles(parseElementString(`]d2${raw}`))).toEqual(elements);
      }),
    );
  });
});
