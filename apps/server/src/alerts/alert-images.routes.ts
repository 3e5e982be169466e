import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AlertImageParamsSchema, AlertImageSchema, DeletedSchema, IdParamsSchema } from '@verity/contract';
import { actorOf } from '../platform/auth';
import { errorResponses, imageUploadOf, readErrors, writeErrors } from '../platform/http';
import type { AlertImagesService } from './alert-images.service';

export const alertImagesRoutes =
  (service: AlertImagesService): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'signed-in' as const };
    const tags = ['alerts'];

    app.post(
      '/api/v1/alerts/:id/images',
      {
        config,
        schema: {
          tags,
          summary:
            'Add a picture to a risk alert (right holder; multipart field `file`; JPEG, PNG, WebP, AVIF/HEIF; at most 10). Metadata is stripped; a thumbnail is made.',
          consumes: ['multipart/form-data'],
          params: IdParamsSchema,
          response: { 201: AlertImageSchema, ...writeErrors, ...errorResponses(413, 415) },
        },
      },
      async (request, reply) => {
        return reply
          .status(201)
          .send(await service.addImage(actorOf(request), request.params.id, imageUploadOf(request)));
      },
    );
    app.delete(
      '/api/v1/alerts/:id/images/:imageId',
      {
        config,
        schema: {
          tags,
          summary: 'Remove a picture from a risk alert (right holder)',
          params: AlertImageParamsSchema,
          response: { 200: DeletedSchema, ...readErrors },
        },
      },
      async (request) => service.deleteImage(actorOf(request), request.params.id, request.params.imageId),
    );
    for (const size of ['full', 'thumbnail'] as const)
      app.get(
        `/api/v1/alerts/:id/images/:imageId${size === 'thumbnail' ? '/thumbnail' : ''}`,
        {
          config,
          schema: {
            tags,
            summary:
              size === 'full'
                ? 'The bytes of an alert’s picture (whoever may read the alert)'
                : 'The bytes of an alert’s picture’s thumbnail (whoever may read the alert)',
            params: AlertImageParamsSchema,
          },
        },
        async (request, reply) => {
          const file = await service.readImage(actorOf(request), request.params.id, request.params.imageId, size);
          return (
            reply
              .header('content-type', file.contentType)
              // Private: an officer's access ends with the alert's validity; a day is short enough.
              .header('cache-control', 'private, max-age=86400')
              .header('content-security-policy', "default-src 'none'; sandbox")
              .header('content-disposition', 'inline')
              .send(file.bytes)
          );
        },
      );
  };
