import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseSettingsInputSchema,
  CaseSettingsSchema,
  CustomsAdministrationListQuerySchema,
  CustomsAdministrationListSchema,
  IdParamsSchema,
} from '@verity/contract';
import { actorOf } from '../platform/auth';
import { readErrors, writeErrors } from '../platform/http';
import type { AdministrationsService } from './administrations.service';

export const administrationsRoutes =
  (service: AdministrationsService): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'signed-in' as const };
    const tags = ['organisations'];

    app.get(
      '/api/v1/organisations/:id/case-settings',
      {
        config,
        schema: {
          tags,
          summary: 'A customs administration’s case settings (its admin, the secretariat)',
          params: IdParamsSchema,
          response: { 200: CaseSettingsSchema, ...readErrors },
        },
      },
      async (request) => service.readCaseSettings(actorOf(request), request.params.id),
    );
    app.put(
      '/api/v1/organisations/:id/case-settings',
      {
        config,
        schema: {
          tags,
          summary: 'Set the working days right holders have to answer this administration’s cases (1–60; null: 10)',
          params: IdParamsSchema,
          body: CaseSettingsInputSchema,
          response: { 200: CaseSettingsSchema, ...writeErrors },
        },
      },
      async (request) => service.updateCaseSettings(actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/v1/customs-administrations',
      {
        config,
        schema: {
          tags,
          summary: 'Active customs administrations and agencies, by country then name (customs, to share a case)',
          querystring: CustomsAdministrationListQuerySchema,
          response: { 200: CustomsAdministrationListSchema, ...readErrors },
        },
      },
      async (request) => service.listCustomsAdministrations(actorOf(request), request.query),
    );
  };
