import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { GS } from './element-string';
import { identify, type CodeKind } from './identify';

describe('identify', () => {
  it.each<[string, CodeKind, boolean, string?]>([
    ['95012346', 'gtin', true, '00000095012346'],
    ['614141000036', 'gtin', true, '00614141000036'],
    ['9506000134352', 'gtin', true, '09506000134352'],
    ['19506000134359', 'gtin', true, '19506000134359'],
    ['9506000134353', 'gtin', false],
    ['5 901234 123457', 'gtin', true, '05901234123457'],
    ['490154203237518', 'imei', true],
    ['490154203237517', 'imei', false],
    ['35-209900-176148-1', 'imei', true],
    ['4901542032375189', 'imei', true],
    ['0109506000134352', 'gs1', true, '09506000134352'],
    ['0109506000134353', 'imei', true],
    ['01 09506000134352', 'gs1', true, '09506000134352'],
    ['106141411234567897', 'gs1', true],
    ['106141411234567898', 'gs1', false],
    ['(01)09506000134352(17)201225(10)ABC123', 'gs1', true, '09506000134352'],
    ['(10)ABC123', 'gs1', false],
    [`]C10109506000134352172012251${'0'}ABC${GS}21XYZ`, 'gs1', true, '09506000134352'],
    [`]d20109506000134352${'10'}ABC`, 'gs1', true, '09506000134352'],
    ['010950600013435217201225' + '10ABC', 'gs1', true, '09506000134352'],
    [`0109506000134352${'10'}ABC${GS}17201399`, 'gs1', false],
    ['(02)09506000134352(37)12(00)106141411234567897', 'gs1', true, '09506000134352'],
    [']E09506000134352', 'gtin', true, '09506000134352'],
    ['https://id.gs1.org/01/09506000134352/10/ABC123?17=201225', 'digital-link', true, '09506000134352'],
    [']Q1https://example.com/01/09506000134352', 'digital-link', true, '09506000134352'],
    ['https://id.gs1.org/01/09506000134353', 'digital-link', false],
    ['https://www.example.com/catalogue/2024/10/shoes', 'text', true],
    ['Nike Air Max 90', 'text', true],
    ['2024', 'text', true],
    ['90kg', 'text', true],
    ['2024-01-15', 'text', true],
    ['1234567', 'gtin', false],
    ['012345678901234567890', 'gs1', false],
  ])('%j is %s (valid: %s)', (input, kind, valid, gtin) => {
    const result = identify(input);
    expect(result).toMatchObject({ input, kind, valid });
    expect(result.gtin).toBe(gtin);
    expect(result.valid).toBe(result.error === undefined);
  });

  it('returns free text as just that', () => {
    expect(identify('Rolex Submariner')).toEqual({
      input: 'Rolex Submariner',
      kind: 'text',
      valid: true,
    });
  });

  it('reports an empty input', () => {
    expect(identify(' \t ')).toEqual({
      input: ' \t ',
      kind: 'text',
      valid: false,
      error: { code: 'INPUT_EMPTY', message: 'Nothing was entered.' },
    });
  });

  it('trims whitespace but counts positions from the input as given', () => {
    expect(identify('  9506000134353 ')).toMatchObject({
      error: { code: 'GTIN_CHECK_DIGIT', position: 14 },
    });
    expect(identify(' ]E09506000134353')).toMatchObject({ error: { position: 16 } });
  });

  it('gives the GTIN, its format, the elements and the IMEI details', () => {
    expect(identify('(01)00614141000036(10)L')).toMatchObject({
      gtin: '00614141000036',
      gtinFormat: 'GTIN-12',
      elements: [
        { ai: '01', value: '00614141000036', title: 'GTIN' },
        { ai: '10', value: 'L', title: 'BATCH/LOT' },
      ],
    });
    expect(identify('4901542032375189').imei).toEqual({
      imei: '4901542032375189',
      tac: '49015420',
      svn: '89',
      format: 'IMEISV',
    });
  });

  it('reads 18 digits with a good check digit as an SSCC, AI (00)', () => {
    expect(identify('106141411234567897').elements).toEqual([{ ai: '00', value: '106141411234567897', title: 'SSCC' }]);
  });

  it('stays fast on huge inputs (rules run over distinct AIs)', () => {
    const started = Date.now();
    expect(identify('3100000123'.repeat(100_000)).kind).toBe('gs1');
    expect(identify(`(01)09506000134352${'(3100)000123'.repeat(50_000)}`)).toMatchObject({
      valid: true,
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('never throws and always answers with a kind', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom(...'0123456789()]/:?&=%<>GSd2hts\u001d ') }),
        ),
        (input) => {
          const result = identify(input);
          expect(['gtin', 'gs1', 'digital-link', 'imei', 'text']).toContain(result.kind);
          expect(result.valid).toBe(result.error === undefined);
          if (result.error?.position !== undefined) {
            expect(result.error.position).toBeGreaterThanOrEqual(0);
            expect(result.error.position).toBeLessThanOrEqual(input.length);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
