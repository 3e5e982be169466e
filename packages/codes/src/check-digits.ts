/**
 * Check digit arithmetic. These helpers assume their input was already checked to be digits
 * (or CSET 82 for the character pair); the public parsers validate first.
 */

/**
 * GS1 mod-10 check digit over `body` (GenSpecs §7.9.1): weights 3 and 1 alternate from the
 * right-most body digit, the check digit brings the sum to a multiple of 10. Valid for every
 * fixed-length GS1 key: GTIN, SSCC, GLN, GSRN, GDTI...
 *
 * @example
 * gs1CheckDigit('10614141123456789') // 7, so the SSCC is 106141411234567897
 */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  let weight = 3;
  for (let i = body.length - 1; i >= 0; i -= 1) {
    sum += (body.charCodeAt(i) - 48) * weight;
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Luhn (ISO/IEC 7812-1 Annex B) check digit, as used by the IMEI (3GPP TS 23.003 §6.2.1):
 * every second digit from the right of the body is doubled.
 */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i -= 1) {
    let digit = body.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

/** CSET 82 in the order that gives each character its value (GenSpecs §7.11, Figure 7.11-1). */
const CSET82_ORDER = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
/** CSET 32, the alphabet of the check characters (GenSpecs §7.11, Figure 7.11-3). */
export const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CSET82_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CSET82_ORDER.length; i += 1) CSET82_VALUE[CSET82_ORDER.charCodeAt(i)] = i;

/** The first primes, weights of the check character pair; enough for 97 data characters. */
const PRIMES: readonly number[] = (() => {
  const primes: number[] = [];
  for (let n = 2; primes.length < 97; n += 1) {
    if (primes.every((p) => n % p !== 0)) primes.push(n);
  }
  return primes;
})();

/**
 * GS1 check character pair over CSET 82 data (GenSpecs §7.9.5, used by GMN AI 8013): each
 * character's CSET 82 value is weighted by the primes 2, 3, 5... from the right, the sum modulo
 * 1021 is split into two 5-bit CSET 32 characters. Returns undefined if the body is too long or
 * holds a character outside CSET 82.
 */
export function gs1CheckCharacterPair(body: string): string | undefined {
  const n = body.length;
  if (n > PRIMES.length) return undefined;
  let sum = 0;
  for (let i = 0; i < n; i += 1) {
    const code = body.charCodeAt(i);
    const value = code < 128 ? (CSET82_VALUE[code] ?? -1) : -1;
    if (value < 0) return undefined;
    sum += value * (PRIMES[n - 1 - i] ?? 0);
  }
  sum %= 1021;
  return `${CSET32[sum >> 5] ?? ''}${CSET32[sum & 31] ?? ''}`;
}
