import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema, IdentifyRequestSchema, IdentifyResponseSchema } from '@verity/contract';
import { actorOf } from '../platform/auth';
import type { IdentifyService } from './identify.service';

export const identifyRoutes =
  (service: IdentifyService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/identify',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['identify'],
          summary:
            'Identify anything an officer can type or scan: GTIN, GS1 element string, Digital Link, IMEI, proprietary code, text',
          body: IdentifyRequestSchema,
          response: {
            200: IdentifyResponseSchema,
            400: ErrorResponseSchema,
            401: ErrorResponseSchema,
            403: ErrorResponseSchema,
          },
        },
      },
      async (request) => service.identify(actorOf(request), request.body.input, request.body.lang),
    );
  };
