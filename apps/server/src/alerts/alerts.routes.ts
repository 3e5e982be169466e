import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AlertInputSchema,
  AlertListQuerySchema,
  AlertListSchema,
  AlertPatchSchema,
  AlertSchema,
  DeletedSchema,
  IdParamsSchema,
} from '@verity/contract';
import { actorOf } from '../platform/auth';
import { readErrors, writeErrors } from '../platform/http';
import type { AlertsService } from './alerts.service';

export const alertsRoutes =
  (service: AlertsService): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'signed-in' as const };
    const tags = ['alerts'];
    app.get(
      '/api/v1/alerts',
      {
        config,
        schema: {
          tags,
          summary: 'Risk alerts: customs get those in force for their country; right holders their own',
          querystring: AlertListQuerySchema,
          response: { 200: AlertListSchema, ...readErrors },
        },
      },
      async (request) => service.listAlerts(actorOf(request), request.query),
    );
    app.get(
      '/api/v1/alerts/:id',
      {
        config,
        schema: {
          tags,
          summary: 'One risk alert',
          params: IdParamsSchema,
          response: { 200: AlertSchema, ...readErrors },
        },
      },
      async (request) => service.readAlert(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/alerts',
      {
        config,
        schema: {
          tags,
          summary: 'Publish a risk alert to the customs of chosen countries (right holder)',
          body: AlertInputSchema,
          response: { 201: AlertSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await service.createAlert(actorOf(request), request.body)),
    );
    app.patch(
      '/api/v1/alerts/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Change a risk alert (right holder)',
          params: IdParamsSchema,
          body: AlertPatchSchema,
          response: { 200: AlertSchema, ...writeErrors },
        },
      },
      async (request) => service.updateAlert(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/api/v1/alerts/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Withdraw a risk alert (right holder)',
          params: IdParamsSchema,
          response: { 200: DeletedSchema, ...readErrors },
        },
      },
      async (request) => service.deleteAlert(actorOf(request), request.params.id),
    );
  };
