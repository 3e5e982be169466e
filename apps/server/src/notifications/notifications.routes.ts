import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DeletedSchema,
  IdParamsSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationPreferencesInputSchema,
  NotificationPreferencesSchema,
  NotificationReadInputSchema,
  NotificationReadResultSchema,
  NotificationStreamQuerySchema,
  PushKeySchema,
  PushSubscriptionDeleteSchema,
  PushSubscriptionInputSchema,
  PushSubscriptionSavedSchema,
  WebhookCreatedSchema,
  WebhookInputSchema,
  WebhookListSchema,
} from '@verity/contract';
import { actorOf } from '../platform/auth';
import { errorResponses, readErrors, writeErrors } from '../platform/http';
import type { NotificationsService } from './notifications.service';
import type { StreamHub } from './stream';

const uuid = z.uuid();

export const notificationsRoutes =
  (service: NotificationsService, hub: StreamHub): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'signed-in' as const };
    const tags = ['notifications'];
    app.get(
      '/api/v1/notifications',
      {
        config,
        schema: {
          tags,
          summary: 'My notifications, newest first, with the unread count',
          querystring: NotificationListQuerySchema,
          response: { 200: NotificationListSchema, ...readErrors },
        },
      },
      async (request) => service.listNotifications(actorOf(request), request.query),
    );
    app.post(
      '/api/v1/notifications/read',
      {
        config,
        schema: {
          tags,
          summary: 'Mark notifications read: `{ ids }` or `{ all: true }`',
          body: NotificationReadInputSchema,
          response: { 200: NotificationReadResultSchema, ...writeErrors },
        },
      },
      async (request) => service.markRead(actorOf(request), request.body),
    );
    app.get(
      '/api/v1/notifications/stream',
      {
        config,
        schema: {
          tags,
          summary:
            'Server-sent events: `notification` (id = the notification’s id) and `unread` events, a comment every 25 s; ' +
            '`Last-Event-ID` (or `lastEventId`) resumes after a notification',
          querystring: NotificationStreamQuerySchema,
          produces: ['text/event-stream'],
          response: { 200: z.string().describe('text/event-stream'), ...errorResponses(400, 401) },
        },
      },
      async (request, reply) => {
        const header = request.headers['last-event-id'];
        const fromHeader = typeof header === 'string' && uuid.safeParse(header).success ? header : undefined;
        await hub.open(reply, actorOf(request).userId, request.query.lastEventId ?? fromHeader);
        return reply;
      },
    );
    app.get(
      '/api/v1/notifications/preferences',
      {
        config,
        schema: {
          tags,
          summary: 'What I receive, per event and channel (in-app, e-mail, push)',
          response: { 200: NotificationPreferencesSchema, ...readErrors },
        },
      },
      async (request) => service.preferences(actorOf(request)),
    );
    app.put(
      '/api/v1/notifications/preferences',
      {
        config,
        schema: {
          tags,
          summary: 'Set my choices for the events sent (the others stay as they are)',
          body: NotificationPreferencesInputSchema,
          response: { 200: NotificationPreferencesSchema, ...writeErrors },
        },
      },
      async (request) => service.setPreferences(actorOf(request), request.body.items),
    );
    app.get(
      '/api/v1/push/key',
      {
        config,
        schema: {
          tags,
          summary: 'The VAPID public key to subscribe this device to Web Push',
          response: { 200: PushKeySchema, ...readErrors },
        },
      },
      async () => service.pushKey(),
    );
    app.post(
      '/api/v1/push/subscriptions',
      {
        config,
        schema: {
          tags,
          summary: 'Subscribe this device (a PushSubscription’s JSON) to my push notifications',
          body: PushSubscriptionInputSchema,
          response: { 201: PushSubscriptionSavedSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await service.subscribePush(actorOf(request), request.body)),
    );
    app.delete(
      '/api/v1/push/subscriptions',
      {
        config,
        schema: {
          tags,
          summary: 'Unsubscribe a device of mine',
          body: PushSubscriptionDeleteSchema,
          response: { 200: DeletedSchema, ...writeErrors },
        },
      },
      async (request) => service.unsubscribePush(actorOf(request), request.body.endpoint),
    );
    app.get(
      '/api/v1/webhooks',
      {
        config,
        schema: {
          tags,
          summary: 'My organisation’s webhooks (its administrators)',
          response: { 200: WebhookListSchema, ...readErrors },
        },
      },
      async (request) => service.listWebhooks(actorOf(request)),
    );
    app.post(
      '/api/v1/webhooks',
      {
        config,
        schema: {
          tags,
          summary: 'Add a webhook: signed POSTs of the chosen events; the secret is shown this once',
          body: WebhookInputSchema,
          response: { 201: WebhookCreatedSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await service.createWebhook(actorOf(request), request.body)),
    );
    app.delete(
      '/api/v1/webhooks/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Delete a webhook of my organisation (its pending deliveries go with it)',
          params: IdParamsSchema,
          response: { 200: DeletedSchema, ...writeErrors },
        },
      },
      async (request) => service.deleteWebhook(actorOf(request), request.params.id),
    );
  };
