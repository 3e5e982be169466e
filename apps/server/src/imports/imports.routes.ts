import { PassThrough, pipeline, Transform, type Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorCatalog, ErrorResponseSchema, ImportReportSchema, type ImportStreamLine } from '@verity/contract';
import { actorOf } from '../platform/auth';
import { AppError } from '../platform/errors';
import type { ImportFormat, ImportsService } from './imports.service';

const formats: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/json-lines': 'jsonl',
};

/** Counts bytes as they stream and stops the upload past the limit. */
function limitBytes(max: number) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) callback(new AppError('PAYLOAD_TOO_LARGE', { maxBytes: max }));
      else callback(null, chunk);
    },
  });
}

export const importsRoutes =
  (service: ImportsService, maxImportBytes: number): FastifyPluginAsyncZod =>
  async (app) => {
    // Import bodies are streamed to the importer, never buffered whole. In this scope any
    // content type without a parser reaches the route, which names the formats it takes.
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    app.post(
      '/api/v1/imports',
      {
        config: { access: 'signed-in' },
        bodyLimit: maxImportBytes,
        schema: {
          tags: ['imports'],
          summary:
            'Bulk import products from CSV (text/csv) or JSON lines (application/x-ndjson); each row is written whole or not at all',
          description:
            'With `Accept: application/x-ndjson` the answer streams one JSON object per line: `{"progress": {rows, created, updated, failed}}` after each batch of 250 rows is written, then `{"report": …}` (or `{"error": …}` if the import stops after it began); errors found before the first batch (format, header) are ordinary error answers. ' +
            'CSV columns: reference, brand, status, default_language, category, hs_code, name_<lang>, description_<lang>, instructions_<lang>, gtin (`|`-separated, optional `:level`), imei_tac (`|`-separated), proprietary_pattern (`||`-separated). Rows with the same reference as an existing product replace it.',
          response: {
            200: ImportReportSchema,
            400: ErrorResponseSchema,
            401: ErrorResponseSchema,
            403: ErrorResponseSchema,
            413: ErrorResponseSchema,
            415: ErrorResponseSchema,
            422: ErrorResponseSchema,
          },
        },
      },
      async (request, reply) => {
        const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const format = formats[type];
        const declared = Number(request.headers['content-length'] ?? 0);
        if (format && declared > maxImportBytes) throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes: maxImportBytes });
        const stream = request.body as Readable | undefined;
        const body = format && stream?.readable ? pipeline(stream, limitBytes(maxImportBytes), () => {}) : undefined;
        if (!/application\/x-ndjson/.test(request.headers.accept ?? ''))
          return service.importCatalog(actorOf(request), format, body);

        // Progress as it goes. The answer starts with the first written batch, so a file refused
        // at once (format, header) still gets its ordinary 4xx.
        let lines: PassThrough | undefined;
        const write = (line: ImportStreamLine) => {
          if (!lines) {
            lines = new PassThrough();
            void reply
              .code(200)
              .type('application/x-ndjson; charset=utf-8')
              .send(lines as never); // a stream: sent as it is written, not serialised
          }
          lines.write(`${JSON.stringify(line)}\n`);
        };
        try {
          const report = await service.importCatalog(
            actorOf(request),
            format,
            body,
            ({ rows, created, updated, failed }) => write({ progress: { rows, created, updated, failed } }),
          );
          write({ report });
        } catch (error) {
          if (!lines) throw error;
          request.log.warn({ err: error }, 'import stopped after it began');
          const code = error instanceof AppError ? error.code : 'INTERNAL_ERROR';
          write({ error: { code, message: errorCatalog[code].message, requestId: request.id } });
        }
        lines!.end();
        return reply;
      },
    );
  };
