import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseConversationsSchema,
  CaseMessageInputSchema,
  CaseMessageListSchema,
  CaseMessageSchema,
  CaseMessagesQuerySchema,
  IdParamsSchema,
} from '@verity/contract';
import { actorOf } from '../platform/auth';
import { errorResponses, readErrors } from '../platform/http';
import type { ConversationService } from './conversation.service';

export const conversationRoutes =
  (conversation: ConversationService): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'signed-in' as const };
    const tags = ['cases'];
    app.get(
      '/api/v1/cases/:id/conversations',
      {
        config,
        schema: {
          tags,
          summary:
            'The conversations of the case the caller may read (customs: one per right holder and one among customs; a right holder: its own), with unread counts',
          params: IdParamsSchema,
          response: { 200: CaseConversationsSchema, ...readErrors },
        },
      },
      async (request) => conversation.listConversations(actorOf(request), request.params.id),
    );
    app.get(
      '/api/v1/cases/:id/messages',
      {
        config,
        schema: {
          tags,
          summary: 'The messages of one conversation, oldest first; they are marked read for the caller',
          params: IdParamsSchema,
          querystring: CaseMessagesQuerySchema,
          response: { 200: CaseMessageListSchema, ...readErrors },
        },
      },
      async (request) => conversation.listMessages(actorOf(request), request.params.id, request.query.channel),
    );
    app.post(
      '/api/v1/cases/:id/messages',
      {
        config,
        schema: {
          tags,
          summary:
            'Write in a conversation (a reply with `parentId`; `internal`: only the author’s side sees it), with complete uploads as attachments',
          params: IdParamsSchema,
          body: CaseMessageInputSchema,
          response: { 201: CaseMessageSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await conversation.postMessage(actorOf(request), request.params.id, request.body)),
    );
  };
