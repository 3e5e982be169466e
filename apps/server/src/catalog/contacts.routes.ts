import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApplicationInputSchema,
  ApplicationListSchema,
  ApplicationSchema,
  ContactInputSchema,
  ContactPatchSchema,
  ApplicationPatchSchema,
  ContactListSchema,
  ContactSchema,
  DeletedSchema,
  IdParamsSchema,
  PageQuerySchema,
} from '@verity/contract';
import { actorOf } from '../platform/auth';
import { readErrors, writeErrors } from '../platform/http';
import type { ContactsService } from './contacts.service';

export const contactsRoutes =
  (service: ContactsService): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'signed-in' as const };

    let tags = ['contacts'];
    app.get(
      '/api/v1/contacts',
      {
        config,
        schema: {
          tags,
          summary: "Right holders' contacts per country",
          querystring: PageQuerySchema,
          response: { 200: ContactListSchema, ...readErrors },
        },
      },
      async (request) => service.listContacts(actorOf(request), request.query),
    );
    app.post(
      '/api/v1/contacts',
      {
        config,
        schema: {
          tags,
          summary: 'Add a contact (right holder)',
          body: ContactInputSchema,
          response: { 201: ContactSchema, ...readErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await service.createContact(actorOf(request), request.body)),
    );
    app.patch(
      '/api/v1/contacts/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Update a contact (right holder)',
          params: IdParamsSchema,
          body: ContactPatchSchema,
          response: { 200: ContactSchema, ...readErrors },
        },
      },
      async (request) => service.updateContact(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/api/v1/contacts/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Remove a contact (right holder)',
          params: IdParamsSchema,
          response: { 200: DeletedSchema, ...readErrors },
        },
      },
      async (request) => {
        await service.deleteContact(actorOf(request), request.params.id);
        return { deleted: true as const };
      },
    );

    tags = ['applications for action'];
    app.get(
      '/api/v1/applications-for-action',
      {
        config,
        schema: {
          tags,
          summary: 'Customs applications for action',
          querystring: PageQuerySchema,
          response: { 200: ApplicationListSchema, ...readErrors },
        },
      },
      async (request) => service.listApplications(actorOf(request), request.query),
    );
    app.post(
      '/api/v1/applications-for-action',
      {
        config,
        schema: {
          tags,
          summary: 'Record an application for action (right holder)',
          body: ApplicationInputSchema,
          response: { 201: ApplicationSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await service.createApplication(actorOf(request), request.body)),
    );
    app.patch(
      '/api/v1/applications-for-action/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Update an application for action (right holder)',
          params: IdParamsSchema,
          body: ApplicationPatchSchema,
          response: { 200: ApplicationSchema, ...writeErrors },
        },
      },
      async (request) => service.updateApplication(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/api/v1/applications-for-action/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Remove an application for action (right holder)',
          params: IdParamsSchema,
          response: { 200: DeletedSchema, ...readErrors },
        },
      },
      async (request) => {
        await service.deleteApplication(actorOf(request), request.params.id);
        return { deleted: true as const };
      },
    );
  };
