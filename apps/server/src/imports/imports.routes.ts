import { pipeline, Transform, type Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema, ImportReportSchema } from '@verity/contract';
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
      async (request) => {
        const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const format = formats[type];
        const declared = Number(request.headers['content-length'] ?? 0);
        if (format && declared > maxImportBytes) throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes: maxImportBytes });
        const stream = request.body as Readable | undefined;
        const body = format && stream?.readable ? pipeline(stream, limitBytes(maxImportBytes), () => {}) : undefined;
        return service.importCatalog(actorOf(request), format, body);
      },
    );
  };
