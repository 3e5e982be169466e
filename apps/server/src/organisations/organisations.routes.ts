import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateOrganisationSchema,
  IdParamsSchema,
  OrganisationListQuerySchema,
  OrganisationListSchema,
  OrganisationSchema,
  UpdateOrganisationSchema,
} from '@verity/contract';
import { actorOf } from '../platform/auth';
import { readErrors, writeErrors } from '../platform/http';
import type { OrganisationsService } from './organisations.service';

export const organisationsRoutes =
  (service: OrganisationsService): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'signed-in' as const };
    const tags = ['organisations'];

    app.get(
      '/api/v1/organisations',
      {
        config,
        schema: {
          tags,
          summary: 'Organisations (the secretariat sees all; others their own)',
          querystring: OrganisationListQuerySchema,
          response: { 200: OrganisationListSchema, ...readErrors },
        },
      },
      async (request) => service.listOrganisations(actorOf(request), request.query),
    );
    app.post(
      '/api/v1/organisations',
      {
        config,
        schema: {
          tags,
          summary: 'Admit an organisation (secretariat)',
          body: CreateOrganisationSchema,
          response: { 201: OrganisationSchema, ...writeErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createOrganisation(actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/organisations/:id',
      {
        config,
        schema: {
          tags,
          summary: 'One organisation',
          params: IdParamsSchema,
          response: { 200: OrganisationSchema, ...readErrors },
        },
      },
      async (request) => service.readOrganisation(actorOf(request), request.params.id),
    );
    app.patch(
      '/api/v1/organisations/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Rename, move or deactivate an organisation (secretariat)',
          params: IdParamsSchema,
          body: UpdateOrganisationSchema,
          response: { 200: OrganisationSchema, ...writeErrors },
        },
      },
      async (request) => service.updateOrganisation(actorOf(request), request.params.id, request.body),
    );
  };
