import { describe, expect, it } from 'vitest';
import { importCsvColumns } from '@verity/contract';
import { countRows, csvRecords, csvTemplate } from './import-file';

describe('the CSV template', () => {
  it('has exactly the columns the contract lists (which the server checks headers against)', () => {
    expect(csvTemplate().trimEnd().split(',')).toEqual(importCsvColumns);
    expect(importCsvColumns).toContain('name_pt');
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

describe('counting rows', () => {
  it('counts CSV data rows as the server does (header excluded, empty lines and quoted line breaks)', async () => {
    const csv = 'reference,brand,name_en\r\nA-1,B,"two\nlines"\r\n\r\nA-2,B,x\nA-3,B,y';
    expect(await countRows(new Blob([csv]), 'csv')).toBe(3);
    expect(await countRows(new Blob(['reference,brand,name_en\n']), 'csv')).toBe(0);
  });

  it('counts JSON lines, skipping blank ones, with or without a final line break', async () => {
    expect(await countRows(new Blob(['{"a":1}\n\n{"a":2}\nnot json\n']), 'jsonl')).toBe(3);
    expect(await countRows(new Blob(['{"a":1}\n{"a":2}']), 'jsonl')).toBe(2);
  });
});
