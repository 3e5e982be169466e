import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseAnswerInputSchema,
  CaseDeadlineInputSchema,
  CaseFacetsSchema,
  CaseInputSchema,
  CaseListQuerySchema,
  CaseListSchema,
  CasePatchSchema,
  CaseSchema,
  CaseShareInputSchema,
  CaseStatsQuerySchema,
  CaseStatsSchema,
  CaseTransitionInputSchema,
  IdempotencyHeadersSchema,
  IdParamsSchema,
} from '@verity/contract';
import { actorOf } from '../platform/auth';
import { errorResponses, readErrors, writeErrors } from '../platform/http';
import type { CasesService } from './cases.service';

export const casesRoutes =
  (service: CasesService): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'signed-in' as const };
    const tags = ['cases'];
    app.get(
      '/api/v1/cases',
      {
        config,
        schema: {
          tags,
          summary:
            'Cases: customs those of their administration (admins: their country) and shared with it; right holders those of their brands',
          querystring: CaseListQuerySchema,
          response: { 200: CaseListSchema, ...readErrors },
        },
      },
      async (request) => service.listCases(actorOf(request), request.query),
    );
    app.get(
      '/api/v1/cases/facets',
      {
        config,
        schema: {
          tags,
          summary:
            'What the caller’s cases hold, to filter them: counts per state, transport mode, right holder and brand (within what the caller sees)',
          response: { 200: CaseFacetsSchema, ...readErrors },
        },
      },
      async (request) => service.caseFacets(actorOf(request)),
    );
    app.get(
      '/api/v1/cases/stats',
      {
        config,
        schema: {
          tags,
          summary:
            'Anonymised counts of cases by country, state and month (secretariat); a country with fewer than 3 cases in a month is counted under other countries (null)',
          querystring: CaseStatsQuerySchema,
          response: { 200: CaseStatsSchema, ...readErrors },
        },
      },
      async (request) => service.caseStats(actorOf(request), request.query),
    );
    app.get(
      '/api/v1/cases/:id',
      {
        config,
        schema: {
          tags,
          summary: 'One case; a right holder sees only its lines and its answer',
          params: IdParamsSchema,
          response: { 200: CaseSchema, ...readErrors },
        },
      },
      async (request) => service.readCase(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/cases',
      {
        config,
        schema: {
          tags,
          summary: 'Open a case as a draft (customs); idempotent with an Idempotency-Key',
          headers: IdempotencyHeadersSchema,
          body: CaseInputSchema,
          response: { 201: CaseSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const answer = await service.createCase(actorOf(request), request.body, request.headers['idempotency-key']);
        return reply.status(answer.status as 201).send(answer.body);
      },
    );
    app.patch(
      '/api/v1/cases/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Save a draft as it is typed: the fields sent replace the current ones, `lines` all lines',
          params: IdParamsSchema,
          body: CasePatchSchema,
          response: { 200: CaseSchema, ...writeErrors },
        },
      },
      async (request) => service.updateDraft(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/cases/:id/submit',
      {
        config,
        schema: {
          tags,
          summary: 'Submit a draft to the right holders of its lines; sets the response deadline',
          params: IdParamsSchema,
          headers: IdempotencyHeadersSchema,
          response: { 200: CaseSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const answer = await service.submitCase(
          actorOf(request),
          request.params.id,
          request.headers['idempotency-key'],
        );
        return reply.status(answer.status as 200).send(answer.body);
      },
    );
    app.post(
      '/api/v1/cases/:id/answer',
      {
        config,
        schema: {
          tags,
          summary: 'A right holder’s verdict on its lines of the case',
          params: IdParamsSchema,
          body: CaseAnswerInputSchema,
          response: { 200: CaseSchema, ...writeErrors },
        },
      },
      async (request) => service.answerCase(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/cases/:id/transition',
      {
        config,
        schema: {
          tags,
          summary: 'An officer’s decision: detained, released, destroyed, court or closed, with the reason',
          params: IdParamsSchema,
          body: CaseTransitionInputSchema,
          response: { 200: CaseSchema, ...writeErrors },
        },
      },
      async (request) => service.transitionCase(actorOf(request), request.params.id, request.body),
    );
    app.put(
      '/api/v1/cases/:id/deadline',
      {
        config,
        schema: {
          tags,
          summary:
            'Move the answer deadline of a submitted or answered case (the owning administration), with the reason',
          params: IdParamsSchema,
          body: CaseDeadlineInputSchema,
          response: { 200: CaseSchema, ...writeErrors },
        },
      },
      async (request) => service.changeDeadline(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/cases/:id/shares',
      {
        config,
        schema: {
          tags,
          summary: 'Invite another customs administration to the case; it then sees it',
          params: IdParamsSchema,
          body: CaseShareInputSchema,
          response: { 200: CaseSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => service.shareCase(actorOf(request), request.params.id, request.body.organisationId),
    );
  };
