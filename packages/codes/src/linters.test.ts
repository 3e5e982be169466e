import { describe, expect, it } from 'vitest';

import { aiDictionary } from './ai-table.generated';
import { gs1CheckCharacterPair } from './check-digits';
import { linters, type LinterName } from './linters';

const passes = (name: LinterName, data: string) => expect(linters[name](data), `${name}("${data}")`).toBeUndefined();
const fails = (name: LinterName, data: string, code: string, offset: number) =>
  expect(linters[name](data), `${name}("${data}")`).toMatchObject({ code, offset });

describe('linters', () => {
  it('implements every linter the dictionary names', () => {
    const named = new Set(aiDictionary.flatMap((entry) => entry.spec.flatMap((c) => c.linters ?? [])));
    for (const name of named) expect(linters).toHaveProperty(name);
  });

  it('csum: GS1 mod-10 check digit', () => {
    passes('csum', '09506000134352');
    passes('csum', '106141411234567897');
    fails('csum', '09506000134353', 'GS1_CHECK_DIGIT', 13);
  });

  it('csumalpha: check character pair (GenSpecs §7.9.5 examples)', () => {
    for (const data of ['1987654Ad4X4bL5ttr2310c2K', '12345678901234567890123NT', '00000!HV', '22'])
      passes('csumalpha', data);
    fails('csumalpha', '1987654Ad4X4bL5ttr2310cXK', 'GS1_CHECK_CHARACTER_PAIR', 23);
    fails('csumalpha', '1987654Ad4X4bL5ttr2310c2X', 'GS1_CHECK_CHARACTER_PAIR', 24);
    fails('csumalpha', '2', 'GS1_CHECK_CHARACTER_PAIR', 0);
    expect(gs1CheckCharacterPair('1987654Ad4X4bL5ttr2310c')).toBe('2K');
  });

  it('gcppos1 / gcppos2: a GS1 Company Prefix of at least 4 digits (no lookup offline)', () => {
    passes('gcppos1', '0123A');
    fails('gcppos1', '012A', 'GS1_COMPANY_PREFIX', 3);
    fails('gcppos1', '01', 'GS1_COMPANY_PREFIX', 2);
    passes('gcppos2', 'X0123');
    fails('gcppos2', 'X01A3', 'GS1_COMPANY_PREFIX', 3);
  });

  it('dates: yymmdd, yymmd0, yyyymmdd, yyyymmd0, yymmddhh', () => {
    passes('yymmdd', '240229');
    fails('yymmdd', '230229', 'GS1_INVALID_DATE', 4);
    fails('yymmdd', '201310', 'GS1_INVALID_DATE', 2);
    fails('yymmdd', '200600', 'GS1_INVALID_DATE', 4);
    passes('yymmd0', '200600');
    fails('yymmd0', '200631', 'GS1_INVALID_DATE', 4);
    passes('yyyymmdd', '20000229');
    fails('yyyymmdd', '19000229', 'GS1_INVALID_DATE', 6);
    passes('yyyymmd0', '20250100');
    passes('yymmddhh', '25010123');
    fails('yymmddhh', '25010124', 'GS1_INVALID_TIME', 6);
  });

  it('times: hh, mi, ss, hhmi (and its old name hhmm)', () => {
    passes('hh', '23');
    fails('hh', '24', 'GS1_INVALID_TIME', 0);
    passes('mi', '59');
    fails('mi', '60', 'GS1_INVALID_TIME', 0);
    fails('ss', '60', 'GS1_INVALID_TIME', 0);
    passes('hhmi', '2359');
    fails('hhmi', '2360', 'GS1_INVALID_TIME', 2);
    fails('hhmm', '2400', 'GS1_INVALID_TIME', 0);
  });

  it('country and currency codes', () => {
    passes('iso3166', '250');
    fails('iso3166', '999', 'GS1_COUNTRY_CODE', 0);
    passes('iso3166999', '999');
    fails('iso3166999', '000', 'GS1_COUNTRY_CODE', 0);
    passes('iso3166list', '250276');
    fails('iso3166list', '250277', 'GS1_COUNTRY_CODE', 3);
    passes('iso3166alpha2', 'FR');
    fails('iso3166alpha2', 'XX', 'GS1_COUNTRY_CODE', 0);
    passes('iso4217', '978');
    fails('iso4217', '000', 'GS1_CURRENCY_CODE', 0);
  });

  it('iban (ISO 13616)', () => {
    for (const data of [
      'FR7630006000011234567890189',
      'GB98MIDL07009312345678',
      'MT90MALT011000012345MTLCAST001SABC',
    ]) {
      passes('iban', data);
    }
    fails('iban', 'BE71096123456760', 'GS1_IBAN', 2);
    fails('iban', 'XX361234567890', 'GS1_IBAN', 0);
    fails('iban', 'LC14BOSLxx3456789012345678901230', 'GS1_IBAN', 8);
  });

  it('small code lists: iso5218, importeridx, mediatype, packagetype, winding, yesno', () => {
    passes('iso5218', '9');
    fails('iso5218', '3', 'GS1_BIOLOGICAL_SEX', 0);
    passes('importeridx', '_');
    fails('importeridx', '.', 'GS1_IMPORTER_INDEX', 0);
    passes('mediatype', '10');
    fails('mediatype', '11', 'GS1_MEDIA_TYPE', 0);
    passes('packagetype', 'BX');
    fails('packagetype', 'QQQ', 'GS1_PACKAGE_TYPE', 0);
    passes('winding', '9');
    fails('winding', '2', 'GS1_WINDING_DIRECTION', 0);
    passes('yesno', '1');
    fails('yesno', '2', 'GS1_YES_NO', 0);
  });

  it('coordinates: latitude and longitude', () => {
    passes('latitude', '1800000000');
    fails('latitude', '1800000001', 'GS1_LATITUDE', 0);
    passes('longitude', '3600000000');
    fails('longitude', '3600000001', 'GS1_LONGITUDE', 0);
  });

  it('zero, nonzero, nozeroprefix, hasnondigit, hyphen', () => {
    passes('zero', '0');
    fails('zero', '1', 'GS1_NOT_ZERO', 0);
    passes('nonzero', '0009');
    fails('nonzero', '0000', 'GS1_ZERO_VALUE', 0);
    passes('nozeroprefix', '10');
    fails('nozeroprefix', '01', 'GS1_ZERO_PREFIX', 0);
    passes('hasnondigit', '123A');
    fails('hasnondigit', '1234', 'GS1_NO_NON_DIGIT', 0);
    passes('hyphen', '-');
    fails('hyphen', '+', 'GS1_HYPHEN', 0);
  });

  it('pcenc: percent-encoding', () => {
    for (const data of ['', 'ABC%20XYZ', '%ff']) passes('pcenc', data);
    fails('pcenc', 'ABC%gfXYZ', 'GS1_PERCENT_ENCODING', 3);
    fails('pcenc', 'ABC%2', 'GS1_PERCENT_ENCODING', 3);
  });

  it('pieceoftotal and posinseqslash', () => {
    for (const data of ['11', '0103', '999999']) passes('pieceoftotal', data);
    fails('pieceoftotal', '0001', 'GS1_PIECE_OF_TOTAL', 0);
    fails('pieceoftotal', '0100', 'GS1_PIECE_OF_TOTAL', 2);
    fails('pieceoftotal', '0908', 'GS1_PIECE_OF_TOTAL', 0);
    for (const data of ['1/1', '9/10', '999/999']) passes('posinseqslash', data);
    for (const data of ['2/1', '0/1', '1/02', '1/', '10/9'])
      fails('posinseqslash', data, 'GS1_POSITION_IN_SEQUENCE', 0);
  });

  it('couponcode (AI 8110), reference examples', () => {
    passes('couponcode', '012345612345611110123');
    passes('couponcode', '012345612345611110123' + '3' + '251231' + '4' + '250101');
    fails('couponcode', '0123456123456', 'GS1_COUPON', 13);
    fails('couponcode', '01234561234560', 'GS1_COUPON', 13);
    fails('couponcode', '71234567890123', 'GS1_COUPON', 0);
    fails('couponcode', '012345612345611110123' + '3' + '250101' + '4' + '251231', 'GS1_COUPON', 29);
    fails('couponcode', '012345612345611110123' + '7', 'GS1_COUPON', 21);
    fails('couponcode', 'a12345612345611110123', 'GS1_AI_FORMAT', 0);
  });

  it('couponposoffer (AI 8112), reference examples', () => {
    passes('couponposoffer', '001234561234560123456');
    passes('couponposoffer', '061234567890121234569123456789012345');
    fails('couponposoffer', '201234561234560123456', 'GS1_COUPON', 0);
    fails('couponposoffer', '0012345612345601234567', 'GS1_COUPON', 21);
  });
});
