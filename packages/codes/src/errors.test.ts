import { describe, expect, it } from 'vitest';

import { gs1CheckCharacterPair } from './check-digits';
import { parseDigitalLink, toDigitalLink } from './digital-link';
import { parseElementString } from './element-string';
import { codeErrorCodes, codeErrorMessages, type CodeErrorCode } from './errors';
import { parseGtin } from './gtin';
import { identify } from './identify';
import { parseImei } from './imei';
import type { CodeError, Result } from './result';

const gtin = '09506000134352';
const lone = { associations: false };
const gs1 = (input: string) => parseElementString(input, lone);
const withGtin = (rest: string) => parseElementString(`(01)${gtin}${rest}`);

/** A GMN whose check character pair is two digits, so that the data has no non-digit at all. */
const allDigitGmn = (() => {
  for (let n = 1000; ; n += 1) {
    const pair = gs1CheckCharacterPair(String(n));
    if (pair && /^\d\d$/.test(pair)) return `${n}${pair}`;
  }
})();

const errorOf = (result: Result<unknown> | { error?: CodeError }): CodeError | undefined =>
  'ok' in result ? (result.ok ? undefined : result.error) : result.error;

/** [code, what fails, expected position] — one case per error code the package can return. */
const cases: [CodeErrorCode, () => Result<unknown> | { error?: CodeError }, number | undefined][] = [
  ['INPUT_EMPTY', () => identify('   '), undefined],
  ['GTIN_NOT_NUMERIC', () => parseGtin('95060001343A2'), 11],
  ['GTIN_LENGTH', () => parseGtin('95060001343'), 0],
  ['GTIN_CHECK_DIGIT', () => parseGtin('9506000134353'), 12],
  ['GS1_EMPTY', () => parseElementString(']d2'), 3],
  ['GS1_SYMBOLOGY_NOT_GS1', () => parseElementString(']Q1ABC'), 0],
  ['GS1_BRACKETS', () => withGtin('(17'), 18],
  ['GS1_UNKNOWN_AI', () => withGtin('(23)1'), 19],
  ['GS1_AI_FORMAT', () => parseElementString('(01)0950600013435A'), 17],
  ['GS1_AI_LENGTH', () => parseElementString('(01)0950600013435'), 17],
  ['GS1_CHECK_DIGIT', () => parseElementString('(01)09506000134353'), 17],
  ['GS1_CHECK_CHARACTER_PAIR', () => gs1('(8013)1987654Ad4X4bL5ttr2310c2X'), 30],
  ['GS1_INVALID_DATE', () => withGtin('(17)211301'), 24],
  ['GS1_INVALID_TIME', () => withGtin('(7003)2101012460'), 30],
  ['GS1_COUNTRY_CODE', () => withGtin('(422)999'), 23],
  ['GS1_CURRENCY_CODE', () => gs1('(3912)000123'), 6],
  ['GS1_COMPANY_PREFIX', () => gs1('(8004)123A'), 9],
  ['GS1_PERCENT_ENCODING', () => gs1('(4300)AB%2'), 8],
  ['GS1_ZERO_VALUE', () => withGtin('(8001)00001234512301'), 24],
  ['GS1_NOT_ZERO', () => gs1('(8003)19506000134352'), 6],
  ['GS1_ZERO_PREFIX', () => gs1('(8011)0123'), 6],
  ['GS1_NO_NON_DIGIT', () => gs1(`(8014)${allDigitGmn}`), 6],
  ['GS1_WINDING_DIRECTION', () => withGtin('(8001)12341234512351'), 36],
  ['GS1_YES_NO', () => gs1('(4321)2'), 6],
  ['GS1_PIECE_OF_TOTAL', () => gs1(`(8006)${gtin}0201`), 20],
  ['GS1_POSITION_IN_SEQUENCE', () => gs1('(7258)2/1'), 6],
  ['GS1_HYPHEN', () => gs1('(4330)123456+'), 12],
  ['GS1_IBAN', () => gs1('(8007)FR7630006000011234567890188'), 8],
  ['GS1_IMPORTER_INDEX', () => gs1('(7040)1AB.'), 9],
  ['GS1_BIOLOGICAL_SEX', () => gs1('(7252)3'), 6],
  ['GS1_LATITUDE', () => gs1('(4309)18000000010000000000'), 6],
  ['GS1_LONGITUDE', () => gs1('(4309)00000000003600000001'), 16],
  ['GS1_MEDIA_TYPE', () => gs1('(7241)11'), 6],
  ['GS1_PACKAGE_TYPE', () => gs1('(7041)QQQ'), 6],
  ['GS1_COUPON', () => gs1('(8112)201234561234560123456'), 6],
  ['GS1_DUPLICATE_AI', () => withGtin('(10)A(10)B'), 24],
  ['GS1_EXCLUSIVE_AIS', () => withGtin(`(02)${gtin}(37)1`), 37],
  ['GS1_REQUIRED_AI_MISSING', () => parseElementString('(10)ABC'), 1],
  ['DIGITAL_LINK_INVALID_URI', () => parseDigitalLink('ftp://id.gs1.org/01/09506000134352'), 0],
  ['DIGITAL_LINK_NO_PRIMARY_KEY', () => parseDigitalLink('https://example.com/products/42'), 19],
  ['DIGITAL_LINK_MISSING_VALUE', () => parseDigitalLink('https://id.gs1.org/01'), 21],
  ['DIGITAL_LINK_BAD_QUALIFIER', () => parseDigitalLink(`https://id.gs1.org/01/${gtin}/21/S/10/L`), 42],
  ['DIGITAL_LINK_PERCENT_ENCODING', () => parseDigitalLink(`https://id.gs1.org/01/${gtin}/10/A%G1`), 41],
  ['DIGITAL_LINK_NOT_DATA_ATTRIBUTE', () => parseDigitalLink(`https://id.gs1.org/01/${gtin}?21=1`), 37],
  [
    'DIGITAL_LINK_UNENCODABLE_AI',
    () =>
      toDigitalLink([
        { ai: '01', value: gtin },
        { ai: '8200', value: 'x' },
      ]),
    undefined,
  ],
  ['IMEI_NOT_NUMERIC', () => parseImei('49015420323751X'), 14],
  ['IMEI_LENGTH', () => parseImei('4901542032375'), 0],
  ['IMEI_CHECK_DIGIT', () => parseImei('490154203237517'), 14],
];

describe('error codes', () => {
  it.each(cases)('%s is returned at the offending position', (code, run, position) => {
    const error = errorOf(run());
    expect(error).toMatchObject({ code });
    expect(error?.position).toBe(position);
    expect(error?.message).not.toMatch(/\{\{/); // every placeholder was filled
  });

  it('every code is exercised above and has an English message', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(codeErrorCodes));
    for (const code of codeErrorCodes) expect(codeErrorMessages[code].length).toBeGreaterThan(0);
  });

  it('codes are SCREAMING_SNAKE with a prefix per family', () => {
    for (const code of codeErrorCodes) expect(code).toMatch(/^(INPUT|GTIN|GS1|DIGITAL_LINK|IMEI)_[A-Z0-9_]+$/);
  });
});
