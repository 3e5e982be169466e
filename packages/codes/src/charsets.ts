import type { CharacterSet } from './ai-entry';

/**
 * GS1 AI encodable character sets (GenSpecs §7.11): CSET 82 (X), CSET 39 (Y) and the
 * file-safe/URI-safe base64 alphabet CSET 64 (Z), as 128-entry lookup tables.
 */
function table(characters: string): Uint8Array {
  const allowed = new Uint8Array(128);
  for (let i = 0; i < characters.length; i += 1) allowed[characters.charCodeAt(i)] = 1;
  return allowed;
}

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

const TABLES: Record<CharacterSet, Uint8Array> = {
  N: table(DIGITS),
  X: table(`!"%&'()*+,-./:;<=>?_${DIGITS}${UPPER}${LOWER}`),
  Y: table(`#-/${DIGITS}${UPPER}`),
  Z: table(`-_${DIGITS}${UPPER}${LOWER}`),
};

/** How a message names what a character set accepts. */
export const characterSetDescription: Record<CharacterSet, string> = {
  N: 'a digit',
  X: 'a character of GS1 CSET 82',
  Y: 'a character of GS1 CSET 39 (0-9, A-Z, #, -, /)',
  Z: 'a base64url character (GS1 CSET 64)',
};

/** Index of the first character of `s[start, end)` outside `cset`, or -1. */
export function findCharacterOutside(cset: CharacterSet, s: string, start = 0, end = s.length): number {
  const allowed = TABLES[cset];
  for (let i = start; i < end; i += 1) {
    const code = s.charCodeAt(i);
    if (code >= 128 || allowed[code] !== 1) return i;
  }
  return -1;
}

/**
 * CSET 64 data may end with "=" padding. Follows the reference linter of the GS1 Barcode
 * Syntax Tests (lint_cset64): at most two "=", and only when the padded length is a multiple
 * of 3. Returns the index of the first bad padding character, or -1.
 */
export function findBadBase64Padding(s: string, start: number, end: number): number {
  let dataEnd = end;
  while (dataEnd > start && s.charCodeAt(dataEnd - 1) === 61) dataEnd -= 1;
  const pads = end - dataEnd;
  if (pads === 0) return -1;
  if (pads > 2 || (end - start) % 3 !== 0) return dataEnd;
  return -1;
}

export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i += 1) {
    const code = s.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * The digits of a typed number with its separators dropped ("5 901234 123457",
 * "49-015420-323751-8"), keeping where the last digit was so errors can point at it; or the
 * position of the first character that is neither a digit nor an allowed separator.
 */
export function collectDigits(
  input: string,
  isSeparator: (charCode: number) => boolean,
): { digits: string; lastDigitAt: number } | { badAt: number } {
  let digits = '';
  let lastDigitAt = -1;
  for (let i = 0; i < input.length; i += 1) {
    const code = input.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      digits += input.charAt(i);
      lastDigitAt = i;
    } else if (!isSeparator(code)) {
      return { badAt: i };
    }
  }
  return { digits, lastDigitAt };
}
