import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { looksLikeDigitalLink, parseDigitalLink, toDigitalLink } from './digital-link';
import { parseElementString, toElementString } from './element-string';
import { gtinCheckDigit } from './gtin';
import { commonElementSets } from './test-arbitraries';

const aisAndValues = (uri: string) => {
  const parsed = parseDigitalLink(uri);
  if (!parsed.ok) throw new Error(`${uri}: ${parsed.error.code} at ${parsed.error.position}`);
  return parsed.value.elements.map(({ ai, value }) => [ai, value]);
};

describe('parseDigitalLink (GS1 Digital Link URI Syntax 1.4)', () => {
  it('reads the standard example: key and qualifier in the path, attribute in the query', () => {
    expect(parseDigitalLink('https://id.gs1.org/01/09506000134352/10/ABC123?17=201225')).toEqual({
      ok: true,
      value: {
        base: 'https://id.gs1.org',
        elements: [
          { ai: '01', value: '09506000134352', title: 'GTIN' },
          { ai: '10', value: 'ABC123', title: 'BATCH/LOT' },
          { ai: '17', value: '201225', title: 'USE BY or EXPIRY' },
        ],
      },
    });
  });

  it('accepts any host and path prefix, and ignores query parameters that are not AIs', () => {
    expect(
      parseDigitalLink(
        'https://brand.example.com/shop/products/01/09506000134352/10/AB/21/7?linkType=gs1:pip&17=201225#top',
      ),
    ).toMatchObject({
      ok: true,
      value: { base: 'https://brand.example.com/shop/products' },
    });
    expect(aisAndValues('HTTP://EXAMPLE.COM/01/09506000134352/21/XYZ/')).toEqual([
      ['01', '09506000134352'],
      ['21', 'XYZ'],
    ]);
  });

  it('reads a shorter GTIN in the path as its 14-digit form', () => {
    expect(aisAndValues('https://id.gs1.org/01/9506000134352')).toEqual([['01', '09506000134352']]);
    expect(aisAndValues('https://id.gs1.org/01/95012346')).toEqual([['01', '00000095012346']]);
  });

  it('decodes percent-encoding and reports errors inside encoded values at the right place', () => {
    expect(aisAndValues('https://id.gs1.org/01/09506000134352/21/A%2FB%25C')).toEqual([
      ['01', '09506000134352'],
      ['21', 'A/B%C'],
    ]);
    const uri = 'https://id.gs1.org/01/09506000134352/21/A%2FB%20C';
    expect(parseDigitalLink(uri)).toMatchObject({
      error: { code: 'GS1_AI_FORMAT', position: uri.indexOf('%20'), params: { char: ' ' } },
    });
  });

  it('follows the dlpkey qualifier sequences of other keys (SSCC, GLN with extension, ITIP)', () => {
    expect(aisAndValues('https://id.gs1.org/00/106141411234567897')).toEqual([['00', '106141411234567897']]);
    const gln = `950600000000${gtinCheckDigit('950600000000')}`;
    expect(aisAndValues(`https://example.org/414/${gln}/254/A1`)).toEqual([
      ['414', gln],
      ['254', 'A1'],
    ]);
    expect(aisAndValues('https://example.org/8006/095060001343520102/10/L1')).toEqual([
      ['8006', '095060001343520102'],
      ['10', 'L1'],
    ]);
    const sscc = 'https://example.org/00/106141411234567897/10/A';
    expect(parseDigitalLink(sscc)).toMatchObject({
      error: {
        code: 'DIGITAL_LINK_BAD_QUALIFIER',
        position: sscc.indexOf('10/A'),
        params: { allowed: 'no qualifiers' },
      },
    });
  });

  it('rejects qualifiers out of order or mixed from two sequences', () => {
    const outOfOrder = 'https://id.gs1.org/01/09506000134352/21/abc/10/x';
    expect(parseDigitalLink(outOfOrder)).toMatchObject({
      error: { code: 'DIGITAL_LINK_BAD_QUALIFIER', position: outOfOrder.indexOf('/10/') + 1 },
    });
    const mixed = 'https://id.gs1.org/01/09506000134352/22/A/235/B';
    expect(parseDigitalLink(mixed)).toMatchObject({
      error: { code: 'DIGITAL_LINK_BAD_QUALIFIER', position: mixed.indexOf('/235/') + 1 },
    });
  });

  it('validates values, data attributes and associations like element strings', () => {
    expect(parseDigitalLink('https://id.gs1.org/01/09506000134353')).toMatchObject({
      error: { code: 'GS1_CHECK_DIGIT', position: 35 },
    });
    const attribute = 'https://id.gs1.org/01/09506000134352?21=abc';
    expect(parseDigitalLink(attribute)).toMatchObject({
      error: { code: 'DIGITAL_LINK_NOT_DATA_ATTRIBUTE', position: attribute.indexOf('21=') },
    });
    const duplicate = 'https://id.gs1.org/01/09506000134352/10/A?10=B';
    expect(parseDigitalLink(duplicate)).toMatchObject({
      error: { code: 'GS1_DUPLICATE_AI', position: duplicate.indexOf('10=') },
    });
  });

  it('reports structural problems at their position', () => {
    expect(parseDigitalLink('ftp://id.gs1.org/01/09506000134352')).toMatchObject({
      error: { code: 'DIGITAL_LINK_INVALID_URI', position: 0 },
    });
    expect(parseDigitalLink('https:///01/09506000134352')).toMatchObject({
      error: { code: 'DIGITAL_LINK_INVALID_URI', position: 8 },
    });
    expect(parseDigitalLink('https://id.gs1.org/01/0950 6000134352')).toMatchObject({
      error: { code: 'DIGITAL_LINK_INVALID_URI', position: 26 },
    });
    expect(parseDigitalLink('https://example.com/products/42')).toMatchObject({
      error: { code: 'DIGITAL_LINK_NO_PRIMARY_KEY', position: 19 },
    });
    expect(parseDigitalLink('https://id.gs1.org/01')).toMatchObject({
      error: { code: 'DIGITAL_LINK_MISSING_VALUE', position: 21, params: { ai: '01' } },
    });
    const badEncoding = 'https://id.gs1.org/01/09506000134352/10/AB%G1';
    expect(parseDigitalLink(badEncoding)).toMatchObject({
      error: { code: 'DIGITAL_LINK_PERCENT_ENCODING', position: badEncoding.indexOf('%') },
    });
  });

  it('takes a later primary key when a prefix segment only looked like one', () => {
    expect(parseDigitalLink('https://example.com/01/shop/01/09506000134352')).toMatchObject({
      ok: true,
      value: { base: 'https://example.com/01/shop' },
    });
  });

  it('looksLikeDigitalLink tells a broken Digital Link from another web address', () => {
    expect(looksLikeDigitalLink('https://id.gs1.org/01/123')).toBe(true);
    expect(looksLikeDigitalLink('https://example.com/blog/2024/10/post')).toBe(false);
  });
});

describe('toDigitalLink', () => {
  it('puts the key and its qualifiers in the path, other elements in the query', () => {
    expect(
      toDigitalLink([
        { ai: '01', value: '09506000134352' },
        { ai: '17', value: '201225' },
        { ai: '21', value: 'S/1 (2)' },
        { ai: '10', value: 'ABC123' },
      ]),
    ).toEqual({
      ok: true,
      value: 'https://id.gs1.org/01/09506000134352/10/ABC123/21/S%2F1%20%282%29?17=201225',
    });
    expect(toDigitalLink([{ ai: '00', value: '106141411234567897' }], 'https://example.com/sscc/')).toEqual({
      ok: true,
      value: 'https://example.com/sscc/00/106141411234567897',
    });
  });

  it('never throws, even on a value that is not well-formed UTF-16', () => {
    expect(
      toDigitalLink([
        { ai: '01', value: '09506000134352' },
        { ai: '10', value: 'A\ud800' },
      ]),
    ).toEqual({
      ok: true,
      value: 'https://id.gs1.org/01/09506000134352/10/A%EF%BF%BD',
    });
  });

  it('fails without a primary key, or with an element that fits nowhere', () => {
    expect(toDigitalLink([{ ai: '10', value: 'A' }])).toMatchObject({
      error: { code: 'DIGITAL_LINK_NO_PRIMARY_KEY' },
    });
    const result = toDigitalLink([
      { ai: '01', value: '09506000134352' },
      { ai: '8200', value: 'https://x' },
    ]);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'DIGITAL_LINK_UNENCODABLE_AI', params: { ai: '8200' } },
    });
    expect(result.ok || result.error.position).toBeUndefined();
    expect(toDigitalLink([{ ai: '01', value: '09506000134352' }], 'id.gs1.org')).toMatchObject({
      error: { code: 'DIGITAL_LINK_INVALID_URI', position: 0 },
    });
  });
});

describe('Digital Link round trips', () => {
  const sorted = (elements: { ai: string; value: string }[]) =>
    elements.map(({ ai, value }) => `${ai}=${value}`).sort();

  it('element string -> Digital Link -> elements gives the same elements', () => {
    fc.assert(
      fc.property(commonElementSets, (elements) => {
        const uri = toDigitalLink(elements);
        expect(uri.ok).toBe(true);
        const parsed = uri.ok ? parseDigitalLink(uri.value) : uri;
        expect(parsed.ok && sorted(parsed.value.elements)).toEqual(sorted(elements));
      }),
    );
  });

  it('bracketed -> raw -> Digital Link -> bracketed keeps every element', () => {
    fc.assert(
      fc.property(commonElementSets, (elements) => {
        const raw = parseElementString(toElementString(elements, { bracketed: true }));
        const rawString = raw.ok ? toElementString(raw.value.elements, { bracketed: false }) : '';
        const reparsed = parseElementString(rawString);
        const uri = reparsed.ok ? toDigitalLink(reparsed.value.elements) : reparsed;
        const fromLink = uri.ok ? parseDigitalLink(uri.value) : uri;
        const bracketed = fromLink.ok ? toElementString(fromLink.value.elements, { bracketed: true }) : '';
        const final = parseElementString(bracketed);
        expect(final.ok && sorted(final.value.elements)).toEqual(sorted(elements));
      }),
    );
  });
});

describe('percent-decoding', () => {
  it('decodes UTF-8 sequences (then rejected: not CSET 82) and long runs without throwing', () => {
    const uri = 'https://id.gs1.org/01/09506000134352/10/Caf%C3%A9';
    expect(parseDigitalLink(uri)).toMatchObject({
      error: { code: 'GS1_AI_FORMAT', position: uri.indexOf('%C3'), params: { char: 'é' } },
    });
    const long = `https://id.gs1.org/01/09506000134352/10/${'%41'.repeat(200_000)}`;
    expect(parseDigitalLink(long)).toMatchObject({ error: { code: 'GS1_AI_LENGTH' } });
  });
});
