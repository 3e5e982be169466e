import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { gtinCheckDigit, gtinFormatOf, isValidGtin, parseGtin } from './gtin';

describe('parseGtin', () => {
  it.each([
    ['95012346', '00000095012346', 'GTIN-8'],
    ['614141000036', '00614141000036', 'GTIN-12'],
    ['9506000134352', '09506000134352', 'GTIN-13'],
    ['09506000134352', '09506000134352', 'GTIN-14'],
    ['19506000134359', '19506000134359', 'GTIN-14'],
  ])('reads %s as the 14-digit %s (%s)', (input, gtin, format) => {
    expect(parseGtin(input)).toEqual({ ok: true, value: { gtin, format } });
  });

  it('ignores the spaces printed under EAN-13 bars', () => {
    expect(parseGtin('9 506000 134352')).toMatchObject({
      ok: true,
      value: { gtin: '09506000134352' },
    });
  });

  it('rejects a wrong check digit at its position', () => {
    expect(parseGtin('9506000134353')).toMatchObject({
      ok: false,
      error: { code: 'GTIN_CHECK_DIGIT', position: 12, params: { expected: 2, actual: 3 } },
    });
    expect(parseGtin('9 506000 134353')).toMatchObject({ error: { position: 14 } });
  });

  it('rejects other lengths and non-digits', () => {
    expect(parseGtin('95060001343')).toMatchObject({ error: { code: 'GTIN_LENGTH', position: 0 } });
    expect(parseGtin('95060001343A2')).toMatchObject({
      error: {
        code: 'GTIN_NOT_NUMERIC',
        position: 11,
        message: 'A GTIN has digits only; "A" is not a digit.',
      },
    });
  });
});

describe('gtinCheckDigit', () => {
  it('computes the GS1 mod-10 check digit (GenSpecs §7.9.1)', () => {
    expect(gtinCheckDigit('950600013435')).toBe(2);
    expect(gtinCheckDigit('0950110153000')).toBe(3);
    expect(gtinCheckDigit('61414100003')).toBe(6);
  });

  it('throws on a body that is not digits, a programming error', () => {
    expect(() => gtinCheckDigit('12a')).toThrow(RangeError);
    expect(() => gtinCheckDigit('')).toThrow(RangeError);
  });
});

describe('gtinFormatOf', () => {
  it('reads the format from the padding zeros', () => {
    expect(gtinFormatOf('00000095012346')).toBe('GTIN-8');
    expect(gtinFormatOf('00614141000036')).toBe('GTIN-12');
    expect(gtinFormatOf('09506000134352')).toBe('GTIN-13');
    expect(gtinFormatOf('19506000134359')).toBe('GTIN-14');
  });
});

describe('GTIN check digit properties', () => {
  const body = fc
    .constantFrom(7, 11, 12, 13)
    .chain((length) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length }));

  it('any body with its check digit appended is a valid GTIN', () => {
    fc.assert(
      fc.property(body, (digits) => {
        const gtin = `${digits}${gtinCheckDigit(digits)}`;
        const parsed = parseGtin(gtin);
        expect(parsed).toMatchObject({ ok: true, value: { gtin: gtin.padStart(14, '0') } });
      }),
    );
  });

  it('any change of a single digit is detected', () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.integer({ min: 1, max: 9 }), (digits, index, delta) => {
        const gtin = `${digits}${gtinCheckDigit(digits)}`;
        const at = index % gtin.length;
        const changed = (Number(gtin[at]) + delta) % 10;
        const corrupted = `${gtin.slice(0, at)}${changed}${gtin.slice(at + 1)}`;
        expect(isValidGtin(corrupted)).toBe(false);
        expect(parseGtin(corrupted)).toMatchObject({
          error: { code: 'GTIN_CHECK_DIGIT', position: gtin.length - 1 },
        });
      }),
    );
  });
});
