import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  CaseFileParamsSchema,
  CasePhotoInputSchema,
  CasePhotoSchema,
  DeletedSchema,
  IdSchema,
  IdParamsSchema,
} from '@verity/contract';
import { actorOf } from '../platform/auth';
import { errorResponses, readErrors, writeErrors } from '../platform/http';
import type { CaseFilesService } from './case-files.service';

/** Bytes of a case file: never sniffed, never run (sandbox), only images inline, kept in private caches only. */
function sendFile(reply: FastifyReply, file: { bytes: Buffer; name: string; contentType: string }) {
  const disposition = file.contentType.startsWith('image/') ? 'inline' : 'attachment';
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.bytes);
}

export const caseFilesRoutes =
  (caseFiles: CaseFilesService): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'signed-in' as const };
    const tags = ['cases'];
    app.post(
      '/api/v1/cases/:id/photos',
      {
        config,
        schema: {
          tags,
          summary:
            'Turn a complete upload into a photo of the case (customs; draft and later): re-encoded without metadata, with a thumbnail. Sent again, the same photo',
          params: IdParamsSchema,
          body: CasePhotoInputSchema,
          response: { 201: CasePhotoSchema, ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await caseFiles.addPhoto(actorOf(request), request.params.id, request.body)),
    );
    app.delete(
      '/api/v1/cases/:id/photos/:photoId',
      {
        config,
        schema: {
          tags,
          summary: 'Remove a photo while the case is a draft',
          params: z.strictObject({ id: IdSchema, photoId: IdSchema }),
          response: { 200: DeletedSchema, ...writeErrors },
        },
      },
      async (request) => {
        await caseFiles.deletePhoto(actorOf(request), request.params.id, request.params.photoId);
        return { deleted: true as const };
      },
    );
    app.get(
      '/api/v1/cases/:id/files/:fileId',
      {
        config,
        schema: {
          tags,
          summary: 'The bytes of a photo or an attachment, for whoever may see it',
          params: CaseFileParamsSchema,
          response: readErrors,
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await caseFiles.readFile(actorOf(request), request.params.id, request.params.fileId, 'original'),
        ),
    );
    app.get(
      '/api/v1/cases/:id/files/:fileId/thumbnail',
      {
        config,
        schema: {
          tags,
          summary: 'The thumbnail (WebP) of a photo or an image attachment',
          params: CaseFileParamsSchema,
          response: readErrors,
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await caseFiles.readFile(actorOf(request), request.params.id, request.params.fileId, 'thumbnail'),
        ),
    );
  };
