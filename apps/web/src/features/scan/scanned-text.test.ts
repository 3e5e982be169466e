import { describe, expect, it } from 'vitest';
import { identify } from '@verity/codes';
import { expandUpcE, identifyTextOf } from './scanned-text';

const GS = '\u001d';
// The demo product: GTIN-13 3790000000014, batch ABC123, expiry 2027-12-31.
const gs1Data = `010379000000001410ABC123${GS}17271231`;

describe('the text a scan hands to the identify box', () => {
  it.each([
    ['a GS1 DataMatrix', 'DataMatrix', ']d2'],
    ['a GS1-128', 'Code128', ']C1'],
    ['a GS1 QR code', 'QRCode', ']Q3'],
  ] as const)('keeps %s whole: identifier, elements and separators, read by packages/codes', (_, format, id) => {
    const text = identifyTextOf({ format, text: gs1Data, symbologyIdentifier: id });
    expect(text).toBe(`${id}${gs1Data}`);
    const read = identify(text);
    expect(read).toMatchObject({ kind: 'gs1', valid: true, gtin: '03790000000014' });
    expect(read.elements?.map((e) => [e.ai, e.value])).toEqual([
      ['01', '03790000000014'],
      ['10', 'ABC123'],
      ['17', '271231'],
    ]);
  });

  it('turns the leading FNC1 a native detector shows as GS into the symbology identifier', () => {
    expect(identifyTextOf({ format: 'DataMatrix', text: `${GS}${gs1Data}` })).toBe(`]d2${gs1Data}`);
    expect(identify(identifyTextOf({ format: 'Code128', text: `${GS}${gs1Data}` })).elements?.[1]?.value).toBe(
      'ABC123',
    );
  });

  it('passes GS1 data without an identifier as it is (packages/codes reads it as an element string)', () => {
    const text = identifyTextOf({ format: 'DataMatrix', text: gs1Data });
    expect(text).toBe(gs1Data);
    expect(identify(text)).toMatchObject({ kind: 'gs1', valid: true });
  });

  it('gives the digits of an EAN-13, not its ]E0 identifier', () => {
    expect(identifyTextOf({ format: 'EAN13', text: '3790000000014', symbologyIdentifier: ']E0' })).toBe(
      '3790000000014',
    );
  });

  it('expands an 8-digit UPC-E from a native detector to the UPC-A it stands for', () => {
    const text = identifyTextOf({ format: 'UPCE', text: '01234565' });
    expect(text).toBe('012345000065');
    expect(identify(text)).toMatchObject({ kind: 'gtin', valid: true, gtinFormat: 'GTIN-12' });
  });

  it('leaves a UPC-E already expanded by zxing alone', () => {
    expect(identifyTextOf({ format: 'UPCE', text: '0012345000065', symbologyIdentifier: ']E0' })).toBe('0012345000065');
  });

  it('passes a plain QR code (a web address) as read', () => {
    const url = 'https://id.gs1.org/01/03790000000014/10/ABC123';
    expect(identifyTextOf({ format: 'QRCode', text: url, symbologyIdentifier: ']Q1' })).toBe(url);
  });
});

describe('UPC-E expansion (GS1 General Specifications §5.2.2.4.2)', () => {
  it.each([
    ['01234505', '012000003455'], // last digit 0–2: manufacturer ab?00, product 00cde
    ['01234514', '012100003454'],
    ['01234523', '012200003453'],
    ['01234531', '012300000451'], // 3: manufacturer abc00, product 000de
    ['01234543', '012340000053'], // 4: manufacturer abcd0, product 0000e
    ['01234565', '012345000065'], // 5–9: manufacturer abcde, product 0000f
    ['11234593', '112345000093'],
  ])('%s is %s', (upcE, upcA) => {
    expect(expandUpcE(upcE)).toBe(upcA);
    expect(identify(upcA)).toMatchObject({ kind: 'gtin', valid: true });
  });
});
