import { languages } from '@verity/contract';

/**
 * The client side of bulk import: the CSV template, and the references of the rows the server
 * refused (its report names rows by number; people know their products by reference).
 */

/** The columns POST /api/v1/imports documents (apps/server/src/imports/import-rows.ts). */
export const csvColumns: readonly string[] = [
  'reference',
  'brand',
  'status',
  'default_language',
  'category',
  'hs_code',
  'gtin',
  'imei_tac',
  'proprietary_pattern',
  ...['name', 'description', 'instructions'].flatMap((field) => languages.map((lang) => `${field}_${lang}`)),
];

export const csvTemplate = () => `${csvColumns.join(',')}\r\n`;

/**
 * Splits CSV text into records as it arrives (RFC 4180: quoted cells may hold commas, quotes
 * doubled, and line breaks). Lines with nothing on them are skipped, as the server's parser does.
 */
export function csvRecords() {
  let cell = '';
  let record: string[] = [];
  let quoted = false;
  let quoteSeen = false; // a quote inside a quoted cell: the end of the cell, or the first of a pair
  let lastWasCr = false;
  const records: string[][] = [];
  const endRecord = () => {
    record.push(cell);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    cell = '';
  };
  return {
    /** Feeds a chunk; returns the records it completed. */
    push(text: string): string[][] {
      for (const ch of text) {
        const afterCr = lastWasCr;
        lastWasCr = false;
        if (quoted) {
          if (quoteSeen) {
            quoteSeen = false;
            if (ch === '"') {
              cell += '"';
              continue;
            }
            quoted = false; // the quote closed the cell; read ch as unquoted below
          } else if (ch === '"') {
            quoteSeen = true;
            continue;
          } else {
            cell += ch;
            continue;
          }
        }
        if (ch === '"' && cell === '') quoted = true;
        else if (ch === ',') {
          record.push(cell);
          cell = '';
        } else if (ch === '\n') {
          if (!afterCr) endRecord();
        } else if (ch === '\r') {
          endRecord();
          lastWasCr = true;
        } else cell += ch;
      }
      return records.splice(0);
    },
    /** The last record, when the text does not end with a line break. */
    end(): string[][] {
      if (quoteSeen) quoted = false;
      if (cell !== '' || record.length > 0) endRecord();
      return records.splice(0);
    },
  };
}

async function* chunksOf(file: Blob): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * The reference of each of `rows` (1-based data rows, as the import report counts them), read
 * from the file in chunks so a large file never blocks the page; stops once all are found.
 */
export async function referencesOfRows(
  file: Blob,
  format: 'csv' | 'jsonl',
  rows: ReadonlySet<number>,
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (rows.size === 0) return found;
  const last = Math.max(...rows);
  let row = 0;
  if (format === 'csv') {
    const parser = csvRecords();
    let column = -1;
    let header = true;
    const take = (records: string[][]) => {
      for (const record of records) {
        if (header) {
          record[0] = record[0]!.replace(/^\uFEFF/, '');
          column = record.indexOf('reference');
          header = false;
          continue;
        }
        row += 1;
        const reference = column >= 0 ? record[column]?.trim() : undefined;
        if (rows.has(row) && reference) found.set(row, reference);
      }
    };
    for await (const chunk of chunksOf(file)) {
      take(parser.push(chunk));
      if (column < 0 && !header) return found; // no reference column
      if (row >= last) return found;
    }
    take(parser.end());
    return found;
  }
  let pending = '';
  const line = (text: string) => {
    if (text.trim() === '') return;
    row += 1;
    if (!rows.has(row)) return;
    try {
      const reference = (JSON.parse(text) as { reference?: unknown }).reference;
      if (typeof reference === 'string' && reference.trim()) found.set(row, reference.trim());
    } catch {
      // A line that is not JSON has no reference to show; the report already says why.
    }
  };
  for await (const chunk of chunksOf(file)) {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(line);
    if (row >= last) return found;
  }
  line(pending);
  return found;
}
