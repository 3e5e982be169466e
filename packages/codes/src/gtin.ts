import { isDigits, collectDigits } from './charsets';
import { gs1CheckDigit } from './check-digits';
import { fail, ok, type Result } from './result';

export type GtinFormat = 'GTIN-8' | 'GTIN-12' | 'GTIN-13' | 'GTIN-14';

export interface Gtin {
  /** The GTIN as 14 digits, zeros on the left (GenSpecs §3.3.2, the GTIN-14 data structure). */
  gtin: string;
  /** The format that was given (by its number of digits). */
  format: GtinFormat;
}

const FORMAT_BY_LENGTH: Partial<Record<number, GtinFormat>> = {
  8: 'GTIN-8',
  12: 'GTIN-12',
  13: 'GTIN-13',
  14: 'GTIN-14',
};

/**
 * The GS1 check digit of a GTIN body (the digits without the check digit), GenSpecs §7.9.1.
 * Throws a RangeError when the body is empty or not all digits: that is a programming error.
 *
 * @example
 * gtinCheckDigit('950600013435') // 2, so the GTIN-13 is 9506000134352
 */
export function gtinCheckDigit(body: string): number {
  if (!isDigits(body)) throw new RangeError('gtinCheckDigit: the body must be digits');
  return gs1CheckDigit(body);
}

/**
 * Parses a GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) or GTIN-14 and checks its check digit
 * (GenSpecs §3.3.2 and §7.9). Spaces are ignored, as printed under EAN-13 bars
 * ("5 901234 123457"); positions in errors count them.
 *
 * @example
 * parseGtin('9506000134352')
 * // { ok: true, value: { gtin: '09506000134352', format: 'GTIN-13' } }
 * parseGtin('9506000134353')
 * // { ok: false, error: { code: 'GTIN_CHECK_DIGIT', position: 12, ... } }
 */
export function parseGtin(input: string): Result<Gtin> {
  const read = collectDigits(input, (code) => code === 32);
  if ('badAt' in read) return fail('GTIN_NOT_NUMERIC', read.badAt, { char: input.charAt(read.badAt) });
  const { digits, lastDigitAt } = read;
  const format = FORMAT_BY_LENGTH[digits.length];
  if (format === undefined) return fail('GTIN_LENGTH', 0, { length: digits.length });
  const expected = gs1CheckDigit(digits.slice(0, -1));
  const actual = digits.charCodeAt(digits.length - 1) - 48;
  if (actual !== expected) return fail('GTIN_CHECK_DIGIT', lastDigitAt, { expected, actual });
  return ok({ gtin: digits.padStart(14, '0'), format });
}

/**
 * True when the input is a GTIN-8/12/13/14 with a correct check digit.
 * @example isValidGtin('09506000134352') // true
 */
export function isValidGtin(input: string): boolean {
  return parseGtin(input).ok;
}

/**
 * The shortest format that holds a 14-digit GTIN: the zeros on the left were padding
 * (GenSpecs §3.3.2; GS1-8 prefixes make GTIN-8 the reading of six leading zeros).
 * @example gtinFormatOf('00012345600012') // 'GTIN-12'
 */
export function gtinFormatOf(gtin14: string): GtinFormat {
  if (gtin14.startsWith('000000')) return 'GTIN-8';
  if (gtin14.startsWith('00')) return 'GTIN-12';
  if (gtin14.startsWith('0')) return 'GTIN-13';
  return 'GTIN-14';
}
