import { describe, expect, it } from 'vitest';
import { csvColumns as serverColumns } from '../../../../server/src/imports/import-rows';
import { csvColumns, csvRecords, csvTemplate, referencesOfRows } from './import-file';

describe('the CSV template', () => {
  it('has exactly the columns the server reads', () => {
    expect([...csvColumns].sort()).toEqual([...serverColumns].sort());
    expect(csvTemplate().trimEnd().split(',')).toEqual(csvColumns);
  });
});

describe('CSV records', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, across chunks, skipping empty lines', () => {
    const parser = csvRecords();
    const text = 'a,b\r\n"x, ""y""",2\n\n"multi\r\nline",3\n4,"last"';
    const records = [...text].flatMap((ch) => parser.push(ch)).concat(parser.end());
    expect(records).toEqual([
      ['a', 'b'],
      ['x, "y"', '2'],
      ['multi\r\nline', '3'],
      ['4', 'last'],
    ]);
  });
});

describe('references of refused rows', () => {
  it('counts CSV data rows as the server does (header excluded, empty lines skipped)', async () => {
    const csv =
      'brand,reference,name_en\nLumière,R-1,One\n\nLumière,"R-2",Two\nLumière,,Three\nLumière,R-4,"Four,\nlines"\n';
    const found = await referencesOfRows(new Blob([csv]), 'csv', new Set([2, 3, 4]));
    expect([...found]).toEqual([
      [2, 'R-2'],
      [4, 'R-4'],
    ]);
  });

  it('reads JSON lines, skipping blank lines and lines that are not JSON', async () => {
    const jsonl = '{"reference":"J-1"}\n\nnot json\n{"reference":"J-3"}';
    const found = await referencesOfRows(new Blob([jsonl]), 'jsonl', new Set([1, 2, 3]));
    expect([...found]).toEqual([
      [1, 'J-1'],
      [3, 'J-3'],
    ]);
  });
});
