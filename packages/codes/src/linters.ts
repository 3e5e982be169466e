import { gs1CheckCharacterPair, gs1CheckDigit } from './check-digits';
import type { CodeErrorCode } from './errors';
import { couponcode, couponposoffer } from './linters-coupon';
import { hh, hhmi, hhmm, mi, ss, yymmd0, yymmdd, yymmddhh, yyyymmd0, yyyymmdd } from './linters-date';
import { aidcMediaTypes, iso3166Alpha2, iso3166Numeric, iso4217Numeric, packageTypeCodes } from './reference-lists';
import type { CodeErrorParams } from './result';

/**
 * The GS1 Barcode Syntax Tests ("linters") named in the GS1 Barcode Syntax Dictionary. Each
 * checks one component of an AI's data after its character set and length were checked, and
 * returns where (offset in the component) and why it fails. Written from the reference
 * descriptions at https://ref.gs1.org/tools/gs1-barcode-syntax-resource/syntax-tests/.
 */
export interface LintFailure {
  code: CodeErrorCode;
  offset: number;
  params?: CodeErrorParams;
}

export type Linter = (data: string) => LintFailure | undefined;

const at = (code: CodeErrorCode, offset = 0, params?: CodeErrorParams): LintFailure =>
  params === undefined ? { code, offset } : { code, offset, params };

const inSet =
  (set: ReadonlySet<string>, code: CodeErrorCode): Linter =>
  (s) =>
    set.has(s) ? undefined : at(code);

const oneOf =
  (allowed: string, code: CodeErrorCode): Linter =>
  (s) =>
    s.length === 1 && allowed.includes(s) ? undefined : at(code);

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isHexCode = (c: number): boolean => isDigitCode(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** GS1 mod-10 check digit in the last position (GenSpecs §7.9.1). */
const csum: Linter = (s) => {
  const last = s.length - 1;
  const expected = gs1CheckDigit(s.slice(0, last));
  const actual = s.charCodeAt(last) - 48;
  return actual === expected ? undefined : at('GS1_CHECK_DIGIT', last, { expected, actual });
};

/** GS1 check character pair in the last two positions (GenSpecs §7.9.5). */
const csumalpha: Linter = (s) => {
  if (s.length < 2) {
    return at('GS1_CHECK_CHARACTER_PAIR', 0, { expected: 'two check characters', actual: s });
  }
  const pairAt = s.length - 2;
  const expected = gs1CheckCharacterPair(s.slice(0, pairAt)) ?? '';
  const actual = s.slice(pairAt);
  if (actual === expected) return undefined;
  const offset = actual.charAt(0) === expected.charAt(0) ? pairAt + 1 : pairAt;
  return at('GS1_CHECK_CHARACTER_PAIR', offset, { expected, actual });
};

/**
 * The data starts with a GS1 Company Prefix: only "4+ leading digits" can be checked offline
 * (the reference linter asks an optional GCP lookup service for more; we have none).
 */
const GCP_MIN_LENGTH = 4;
const gcppos1: Linter = (s) => {
  for (let i = 0; i < GCP_MIN_LENGTH; i += 1) {
    if (i >= s.length || !isDigitCode(s.charCodeAt(i))) return at('GS1_COMPANY_PREFIX', i);
  }
  return undefined;
};
/** As gcppos1, after an indicator digit or extension digit in the first position. */
const gcppos2: Linter = (s) => {
  const failure = gcppos1(s.slice(1));
  return failure && at(failure.code, failure.offset + 1);
};

const iso3166: Linter = inSet(iso3166Numeric, 'GS1_COUNTRY_CODE');
/** ISO 3166 num-3, or 999 for "unknown country" (processors, AIs 7030-7039). */
const iso3166999: Linter = (s) => (s === '999' ? undefined : iso3166(s));
/** A concatenation of ISO 3166 num-3 codes (older dictionary releases, AIs 423 and 425). */
const iso3166list: Linter = (s) => {
  if (s.length === 0 || s.length % 3 !== 0) return at('GS1_COUNTRY_CODE');
  for (let i = 0; i < s.length; i += 3) {
    if (!iso3166Numeric.has(s.slice(i, i + 3))) return at('GS1_COUNTRY_CODE', i);
  }
  return undefined;
};

/** IBAN (ISO 13616-1): country code, length at most 34, mod 97 of the rearranged number = 1. */
const IBAN_MAX_LENGTH = 34;
const IBAN_MIN_LENGTH = 11;
const iban: Linter = (s) => {
  if (s.length < IBAN_MIN_LENGTH || s.length > IBAN_MAX_LENGTH) return at('GS1_IBAN');
  if (!iso3166Alpha2.has(s.slice(0, 2))) return at('GS1_IBAN');
  let remainder = 0;
  for (let k = 0; k < s.length; k += 1) {
    const i = (k + 4) % s.length; // the first four characters move to the end
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) remainder = (remainder * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) remainder = (remainder * 100 + (c - 55)) % 97;
    else return at('GS1_IBAN', i);
  }
  return remainder === 1 ? undefined : at('GS1_IBAN', 2);
};

/** Importer index of EU 2018/574 tobacco traceability facility and machine IDs (AI 7040). */
const IMPORTER_INDEX = /^[-0-9A-Z_a-z]$/;
const importeridx: Linter = (s) => (IMPORTER_INDEX.test(s) ? undefined : at('GS1_IMPORTER_INDEX'));

/** WGS84 coordinates as 10 digits: latitude + 90 and longitude + 180, times 10^7 (AI 4309). */
const latitude: Linter = (s) => (Number(s) <= 1_800_000_000 ? undefined : at('GS1_LATITUDE'));
const longitude: Linter = (s) => (Number(s) <= 3_600_000_000 ? undefined : at('GS1_LONGITUDE'));

const nonzero: Linter = (s) => (/[1-9]/.test(s) ? undefined : at('GS1_ZERO_VALUE'));
const zero: Linter = (s) => (/^0+$/.test(s) ? undefined : at('GS1_NOT_ZERO'));
const nozeroprefix: Linter = (s) => (s.charCodeAt(0) === 48 ? at('GS1_ZERO_PREFIX') : undefined);
const hasnondigit: Linter = (s) => (/\D/.test(s) ? undefined : at('GS1_NO_NON_DIGIT'));

/** Percent-encoding (RFC 3986 §2.1): every "%" starts "%XX" with two hex digits. */
const pcenc: Linter = (s) => {
  for (let i = s.indexOf('%'); i !== -1; i = s.indexOf('%', i + 3)) {
    if (!isHexCode(s.charCodeAt(i + 1)) || !isHexCode(s.charCodeAt(i + 2))) {
      return at('GS1_PERCENT_ENCODING', i);
    }
  }
  return undefined;
};

/** PPTT: piece number then total of the same width, both non-zero, piece ≤ total (AI 8006). */
const pieceoftotal: Linter = (s) => {
  const half = s.length / 2;
  if (s.length === 0 || !Number.isInteger(half)) return at('GS1_PIECE_OF_TOTAL');
  const piece = s.slice(0, half);
  const total = s.slice(half);
  if (!/[1-9]/.test(piece)) return at('GS1_PIECE_OF_TOTAL');
  if (!/[1-9]/.test(total)) return at('GS1_PIECE_OF_TOTAL', half);
  return piece > total ? at('GS1_PIECE_OF_TOTAL') : undefined;
};

/** "<position>/<end>", no leading zeros, position ≤ end (AI 7258 birth sequence). */
const POSITION_IN_SEQUENCE = /^([1-9]\d*)\/([1-9]\d*)$/;
const posinseqslash: Linter = (s) => {
  const match = POSITION_IN_SEQUENCE.exec(s);
  if (!match) return at('GS1_POSITION_IN_SEQUENCE');
  const [, position = '', end = ''] = match;
  const exceeds = position.length > end.length || (position.length === end.length && position > end);
  return exceeds ? at('GS1_POSITION_IN_SEQUENCE') : undefined;
};

const hyphen: Linter = (s) => {
  for (let i = 0; i < s.length; i += 1) if (s.charCodeAt(i) !== 45) return at('GS1_HYPHEN', i);
  return undefined;
};

export const linters = {
  csum,
  csumalpha,
  gcppos1,
  gcppos2,
  yymmdd,
  yymmd0,
  yyyymmdd,
  yyyymmd0,
  yymmddhh,
  hh,
  mi,
  ss,
  hhmi,
  hhmm,
  iso3166,
  iso3166999,
  iso3166list,
  iso3166alpha2: inSet(iso3166Alpha2, 'GS1_COUNTRY_CODE'),
  iso4217: inSet(iso4217Numeric, 'GS1_CURRENCY_CODE'),
  iso5218: oneOf('0129', 'GS1_BIOLOGICAL_SEX'),
  iban,
  importeridx,
  latitude,
  longitude,
  mediatype: inSet(aidcMediaTypes, 'GS1_MEDIA_TYPE'),
  packagetype: inSet(packageTypeCodes, 'GS1_PACKAGE_TYPE'),
  nonzero,
  zero,
  nozeroprefix,
  hasnondigit,
  pcenc,
  pieceoftotal,
  posinseqslash,
  hyphen,
  winding: oneOf('019', 'GS1_WINDING_DIRECTION'),
  yesno: oneOf('01', 'GS1_YES_NO'),
  couponcode,
  couponposoffer,
} as const satisfies Record<string, Linter>;

/** Every linter name this package implements (a dictionary naming another fails to compile). */
export type LinterName = keyof typeof linters;
