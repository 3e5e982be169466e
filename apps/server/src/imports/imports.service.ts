import { parse } from 'csv-parse';
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { errorCatalog, type ImportReport, type ProductInput } from '@verity/contract';
import { AppError } from '../platform/errors';
import { findNulCharacter } from '../platform/input-hygiene';
import { authorize, type Actor } from '../platform/policy';
import type { CatalogService } from '../catalog/catalog.module';
import { checkCsvHeader, csvRecordToRow, ImportRowSchema } from './import-rows';

export type ImportFormat = 'csv' | 'jsonl';
const MAX_LISTED_ERRORS = 1000;
const BATCH = 250;

/**
 * Bulk import (C1): streams the file row by row; each row is validated and then written
 * whole in its own transaction (product, texts, identifiers) or not at all, so a broken
 * row never leaves half a product behind and never stops the rows after it.
 */
export function createImportsService({ catalog }: { catalog: CatalogService }) {
  async function importCatalog(
    actor: Actor,
    format: ImportFormat | undefined,
    body: Readable | undefined,
    /** Told after each batch is written (every BATCH rows): the report so far. */
    onProgress?: (report: ImportReport) => void,
  ): Promise<ImportReport> {
    authorize(actor, 'catalog.write');
    if (!format || !body) throw new AppError('IMPORT_FORMAT_UNKNOWN');
    const report: ImportReport = { rows: 0, created: 0, updated: 0, failed: 0, errors: [] };
    const brandIds = new Map<string, string>();

    const fail = (row: number, code: string, message: string, field?: string, reference?: string | null) => {
      report.failed++;
      if (report.errors.length < MAX_LISTED_ERRORS)
        report.errors.push({ row, code, message, ...(field ? { field } : {}), ...(reference ? { reference } : {}) });
    };
    const referenceOf = (raw: unknown) => {
      const value = (raw as { reference?: unknown } | null)?.reference;
      return typeof value === 'string' ? value.slice(0, 100) : undefined;
    };

    // Valid rows wait here and are written BATCH at a time in one transaction (one commit,
    // not one per row); each row inside is its own savepoint, so a refused row writes nothing.
    let pending: { row: number; brand: string; product: Omit<ProductInput, 'brandId'> }[] = [];

    function acceptRow(row: number, raw: unknown) {
      const nul = findNulCharacter(raw);
      if (nul) return fail(row, 'VALIDATION_FAILED', 'must not contain a NUL character', nul);
      const parsed = ImportRowSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return fail(row, 'VALIDATION_FAILED', issue.message, issue.path.join('.'), referenceOf(raw));
      }
      const { brand, ...product } = parsed.data;
      pending.push({ row, brand, product });
    }

    async function flush() {
      const batch = pending;
      pending = [];
      if (batch.length === 0) return;
      await catalog.inTransaction(async (c) => {
        for (const { row, brand, product } of batch) {
          try {
            let brandId = brandIds.get(brand.toLowerCase());
            if (!brandId) {
              brandId = await c.brands.ensureBrand(actor, brand);
              brandIds.set(brand.toLowerCase(), brandId);
            }
            report[await c.products.saveProductByReference(actor, { ...product, brandId })]++;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            const details = error.details as { index?: number } | undefined;
            fail(
              row,
              error.code,
              error.message,
              details?.index !== undefined ? `identifiers.${details.index}` : undefined,
              product.reference,
            );
          }
        }
      });
      onProgress?.(report);
    }

    async function importRow(row: number, raw: unknown) {
      acceptRow(row, raw);
      if (pending.length >= BATCH) await flush();
    }

    const tick = () => {
      report.rows++;
    };

    // pipeline (not pipe): an error upstream (e.g. the size limit) reaches the loop below.
    const done = () => {};
    if (format === 'csv') {
      // A record the parser cannot read (unclosed quote, wrong number of cells) is reported
      // and skipped; the rows around it still import.
      const parser = parse({ bom: true, columns: true, skip_empty_lines: true, skip_records_with_error: true });
      parser.on('skip', (error: { message?: string; lines?: number }) => {
        report.rows++;
        fail(
          Math.max(1, (error.lines ?? 2) - 1),
          'VALIDATION_FAILED',
          `CSV syntax: ${error.message ?? 'unreadable record'}`,
        );
      });
      pipeline(body, parser, done);
      let headerChecked = false;
      for await (const record of parser as AsyncIterable<Record<string, string>>) {
        if (!headerChecked) {
          const problem = checkCsvHeader(Object.keys(record));
          if (problem) throw new AppError('IMPORT_HEADER_INVALID', { reason: problem });
          headerChecked = true;
        }
        tick();
        await importRow(report.rows, csvRecordToRow(record));
      }
    } else {
      const lines = createInterface({ input: body, crlfDelay: Infinity });
      for await (const line of lines) {
        if (line.trim() === '') continue;
        tick();
        let raw: unknown;
        try {
          raw = JSON.parse(line);
        } catch {
          fail(report.rows, 'MALFORMED_JSON', errorCatalog.MALFORMED_JSON.message);
          continue;
        }
        await importRow(report.rows, raw);
      }
    }
    await flush();
    if (report.rows === 0) throw new AppError('IMPORT_EMPTY');
    report.errors.sort((a, b) => a.row - b.row);
    return report;
  }

  return { importCatalog };
}
export type ImportsService = ReturnType<typeof createImportsService>;
