import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateOrganisationSchema,
  CreateUserSchema,
  IdParamsSchema,
  OrganisationListSchema,
  OrganisationSchema,
  PageQuerySchema,
  UpdateOrganisationSchema,
  UserSchema,
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
          querystring: PageQuerySchema,
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
    app.get(
      '/api/v1/organisations/:id/users',
      {
        config,
        schema: {
          tags,
          summary: "An organisation's users (secretariat)",
          params: IdParamsSchema,
          response: { 200: z.object({ items: z.array(UserSchema), nextCursor: z.string().nullable() }), ...readErrors },
        },
      },
      async (request) => service.listUsers(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/users',
      {
        config,
        schema: {
          tags,
          summary: 'Create a user with a membership (secretariat)',
          body: CreateUserSchema,
          response: { 201: UserSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await service.createUser(actorOf(request), request.body)),
    );
  };
