import { importCsvColumns } from '@verity/contract/values';

/**
 * The client side of bulk import: the CSV template, and counting a file's rows (the progress
 * bar's 100 %).
 */

/** A CSV file with every column the import reads (packages/contract), and no rows. */
export const csvTemplate = () => `${importCsvColumns.join(',')}\r\n`;

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
 * How many data rows the file has, counted as the server counts them (CSV: records after the
 * header, empty lines skipped; JSON lines: non-blank lines), read in chunks so a large file
 * never blocks the page. The progress bar's 100 %.
 */
export async function countRows(file: Blob, format: 'csv' | 'jsonl'): Promise<number> {
  let rows = 0;
  if (format === 'csv') {
    const parser = csvRecords();
    for await (const chunk of chunksOf(file)) rows += parser.push(chunk).length;
    rows += parser.end().length;
    return Math.max(0, rows - 1); // the header
  }
  let pending = '';
  for await (const chunk of chunksOf(file)) {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    rows += lines.filter((line) => line.trim() !== '').length;
  }
  return rows + (pending.trim() === '' ? 0 : 1);
}
