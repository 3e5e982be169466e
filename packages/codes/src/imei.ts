import { isDigits, collectDigits } from './charsets';
import { luhnCheckDigit } from './check-digits';
import { fail, ok, type Result } from './result';

/**
 * An IMEI (15 digits: TAC, serial number, Luhn check digit) or IMEISV (16 digits: TAC,
 * serial number, software version number), 3GPP TS 23.003 §6.2.
 */
export interface Imei {
  /** The digits as given, separators removed (15 for an IMEI, 16 for an IMEISV). */
  imei: string;
  /** Type Allocation Code: the first 8 digits, which identify the device model. */
  tac: string;
  /** Software version number, the last 2 digits of an IMEISV. */
  svn?: string;
  format: 'IMEI' | 'IMEISV';
}

/** Separators people type in IMEIs: space, hyphen, slash ("35-209900-176148-1"). */
const isSeparator = (code: number): boolean => code === 32 || code === 45 || code === 47;

/**
 * The Luhn check digit of the 14-digit IMEI body (3GPP TS 23.003 §6.2.1, Annex B).
 * Throws a RangeError when the body is not 14 digits: that is a programming error.
 *
 * @example imeiCheckDigit('49015420323751') // 8
 */
export function imeiCheckDigit(body: string): number {
  if (body.length !== 14 || !isDigits(body)) {
    throw new RangeError('imeiCheckDigit: the body must be 14 digits');
  }
  return luhnCheckDigit(body);
}

/**
 * Parses an IMEI (15 digits, Luhn check digit verified) or an IMEISV (16 digits, which carries
 * no check digit), ignoring spaces, hyphens and slashes; positions in errors count them.
 *
 * @example
 * parseImei('49-015420-323751-8')
 * // { ok: true, value: { imei: '490154203237518', tac: '49015420', format: 'IMEI' } }
 */
export function parseImei(input: string): Result<Imei> {
  const read = collectDigits(input, isSeparator);
  if ('badAt' in read) return fail('IMEI_NOT_NUMERIC', read.badAt, { char: input.charAt(read.badAt) });
  const { digits, lastDigitAt } = read;
  const tac = digits.slice(0, 8);
  if (digits.length === 16) {
    return ok({ imei: digits, tac, svn: digits.slice(14), format: 'IMEISV' });
  }
  if (digits.length !== 15) return fail('IMEI_LENGTH', 0, { length: digits.length });
  const expected = luhnCheckDigit(digits.slice(0, 14));
  const actual = digits.charCodeAt(14) - 48;
  if (actual !== expected) return fail('IMEI_CHECK_DIGIT', lastDigitAt, { expected, actual });
  return ok({ imei: digits, tac, format: 'IMEI' });
}
