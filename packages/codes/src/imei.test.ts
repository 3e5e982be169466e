import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { imeiCheckDigit, parseImei } from './imei';

describe('parseImei', () => {
  it('reads a 15-digit IMEI and checks its Luhn digit (3GPP TS 23.003 §6.2)', () => {
    expect(parseImei('490154203237518')).toEqual({
      ok: true,
      value: { imei: '490154203237518', tac: '49015420', format: 'IMEI' },
    });
  });

  it('accepts spaces, hyphens and slashes as typed', () => {
    expect(parseImei('49-015420-323751-8')).toMatchObject({
      ok: true,
      value: { imei: '490154203237518' },
    });
    expect(parseImei('49 015420 323751 8')).toMatchObject({ ok: true });
    expect(parseImei('490154/20323751/8')).toMatchObject({ ok: true });
  });

  it('reads a 16-digit IMEISV, which has no check digit, with its software version', () => {
    expect(parseImei('4901542032375189')).toEqual({
      ok: true,
      value: { imei: '4901542032375189', tac: '49015420', svn: '89', format: 'IMEISV' },
    });
  });

  it('reports errors at their position', () => {
    expect(parseImei('490154203237517')).toMatchObject({
      error: { code: 'IMEI_CHECK_DIGIT', position: 14, params: { expected: 8, actual: 7 } },
    });
    expect(parseImei('49-015420-323751-7')).toMatchObject({
      error: { code: 'IMEI_CHECK_DIGIT', position: 17 },
    });
    expect(parseImei('4901542032375')).toMatchObject({
      error: { code: 'IMEI_LENGTH', position: 0 },
    });
    expect(parseImei('49015420323751X')).toMatchObject({
      error: { code: 'IMEI_NOT_NUMERIC', position: 14 },
    });
  });

  it('imeiCheckDigit throws unless given the 14-digit body', () => {
    expect(imeiCheckDigit('49015420323751')).toBe(8);
    expect(() => imeiCheckDigit('4901542032375')).toThrow(RangeError);
  });
});

describe('IMEI Luhn properties', () => {
  const body = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 14, maxLength: 14 });

  it('any body with its Luhn digit appended is a valid IMEI with its TAC', () => {
    fc.assert(
      fc.property(body, (digits) => {
        const imei = `${digits}${imeiCheckDigit(digits)}`;
        expect(parseImei(imei)).toEqual({
          ok: true,
          value: { imei, tac: digits.slice(0, 8), format: 'IMEI' },
        });
      }),
    );
  });

  it('any change of a single digit is detected', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 9 }), (digits, at, delta) => {
        const imei = `${digits}${imeiCheckDigit(digits)}`;
        const corrupted = `${imei.slice(0, at)}${(Number(imei[at]) + delta) % 10}${imei.slice(at + 1)}`;
        expect(parseImei(corrupted)).toMatchObject({
          ok: false,
          error: { code: 'IMEI_CHECK_DIGIT' },
        });
      }),
    );
  });
});
