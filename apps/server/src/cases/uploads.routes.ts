import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParamsSchema,
  UPLOAD_CHUNK_MAX_BYTES,
  UploadInputSchema,
  UploadOffsetHeadersSchema,
  UploadSchema,
} from '@verity/contract';
import { actorOf } from '../platform/auth';
import { AppError } from '../platform/errors';
import { errorResponses, readErrors } from '../platform/http';
import type { UploadsService } from './uploads.service';

const CHUNK_TYPE = 'application/offset+octet-stream';

export const uploadsRoutes =
  (uploads: UploadsService): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'signed-in' as const };
    const tags = ['cases'];
    // A chunk is raw bytes (tus's media type); this parser lives in this plugin only.
    app.addContentTypeParser(CHUNK_TYPE, { parseAs: 'buffer', bodyLimit: UPLOAD_CHUNK_MAX_BYTES }, (_r, body, done) =>
      done(null, body),
    );
    app.post(
      '/api/v1/cases/:id/uploads',
      {
        config,
        schema: {
          tags,
          summary: 'Start a resumable upload of a photo or an attachment to the case; then send its chunks',
          params: IdParamsSchema,
          body: UploadInputSchema,
          response: { 201: UploadSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await uploads.startUpload(actorOf(request), request.params.id, request.body)),
    );
    app.get(
      '/api/v1/uploads/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Where an upload stands (the offset to resume from); only for the user who started it',
          params: IdParamsSchema,
          response: { 200: UploadSchema, ...readErrors },
        },
      },
      async (request, reply) => {
        const upload = await uploads.uploadStatus(actorOf(request), request.params.id);
        return reply.header('upload-offset', String(upload.offset)).header('cache-control', 'no-store').send(upload);
      },
    );
    app.patch(
      '/api/v1/uploads/:id',
      {
        config,
        bodyLimit: UPLOAD_CHUNK_MAX_BYTES,
        schema: {
          tags,
          summary: `Send the next chunk (${CHUNK_TYPE}, at most 1 MiB) at Upload-Offset, which must be the server’s offset`,
          description:
            'Each chunk is committed on its own. A wrong offset answers 409 UPLOAD_OFFSET_MISMATCH with the server’s `offset` in `details`: resume from there.',
          consumes: [CHUNK_TYPE],
          params: IdParamsSchema,
          headers: UploadOffsetHeadersSchema,
          response: { 200: UploadSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { expected: CHUNK_TYPE });
        const upload = await uploads.appendChunk(
          actorOf(request),
          request.params.id,
          request.headers['upload-offset'],
          bytes,
        );
        return reply.header('upload-offset', String(upload.offset)).send(upload);
      },
    );
  };
