import { z } from 'zod';
import { IdSchema, PageQuerySchema } from './common';
import { notificationEvents } from './notification-values';

/**
 * Notifications: in-app (a list and a server-sent event stream), e-mail, Web Push and signed
 * webhooks. See ARCHITECTURE.md, "Notifications".
 */
export const NotificationEventSchema = z.enum(notificationEvents);

export const NotificationSchema = z.object({
  id: IdSchema,
  event: NotificationEventSchema,
  case: z.object({ id: IdSchema, reference: z.string() }).nullable(),
  /** Small facts about the event, already scoped to the reader (e.g. `{ verdict }`, `{ to }`, `{ responseDeadline }`). */
  data: z.record(z.string(), z.unknown()),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = PageQuerySchema.extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Only unread notifications'),
});
export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  nextCursor: z.string().nullable(),
  unread: z.number().int().nonnegative().describe('How many of the user’s notifications are unread'),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const NotificationReadInputSchema = z.union([
  z.strictObject({ ids: z.array(IdSchema).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type NotificationReadInput = z.infer<typeof NotificationReadInputSchema>;
export const NotificationReadResultSchema = z.object({
  updated: z.number().int().nonnegative(),
  unread: z.number().int().nonnegative(),
});

/** The stream's resume point for clients that cannot send a `Last-Event-ID` header (a first connection). */
export const NotificationStreamQuerySchema = z.strictObject({
  lastEventId: IdSchema.optional().describe('Send what came after this notification'),
});

export const NotificationPreferenceSchema = z.strictObject({
  event: NotificationEventSchema,
  inApp: z.boolean(),
  email: z.boolean(),
  push: z.boolean(),
});
export type NotificationPreference = z.infer<typeof NotificationPreferenceSchema>;
export const NotificationPreferencesSchema = z.object({ items: z.array(NotificationPreferenceSchema) });
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;
/** The events sent are set; the others keep their current choice. */
export const NotificationPreferencesInputSchema = z.strictObject({
  items: z
    .array(NotificationPreferenceSchema)
    .min(1)
    .max(notificationEvents.length)
    .refine((items) => new Set(items.map((i) => i.event)).size === items.length, 'each event at most once'),
});

export const PushKeySchema = z.object({
  publicKey: z.string().describe('The VAPID public key (base64url), for PushManager.subscribe'),
});
export type PushKey = z.infer<typeof PushKeySchema>;
const pushEndpoint = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('The push service endpoint of the browser’s subscription');
export const PushSubscriptionInputSchema = z.strictObject({
  endpoint: pushEndpoint,
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    p256dh: z.string().min(1).max(200),
    auth: z.string().min(1).max(100),
  }),
});
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInputSchema>;
export const PushSubscriptionDeleteSchema = z.strictObject({ endpoint: pushEndpoint });
export const PushSubscriptionSavedSchema = z.object({ subscribed: z.literal(true) });

export const WebhookInputSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .describe('HTTPS (http only for localhost outside production)'),
  events: z
    .array(NotificationEventSchema)
    .min(1)
    .max(notificationEvents.length)
    .refine((e) => new Set(e).size === e.length, 'each event at most once'),
});
export type WebhookInput = z.infer<typeof WebhookInputSchema>;
export const WebhookSchema = z.object({
  id: IdSchema,
  url: z.string(),
  events: z.array(NotificationEventSchema),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  /** Deliveries that gave up after every retry (the receiver never answered 2xx). */
  failedDeliveries: z.number().int().nonnegative(),
  pendingDeliveries: z.number().int().nonnegative(),
});
export type Webhook = z.infer<typeof WebhookSchema>;
export const WebhookCreatedSchema = WebhookSchema.extend({
  secret: z.string().describe('The HMAC-SHA256 key of the signatures: shown this once'),
});
export type WebhookCreated = z.infer<typeof WebhookCreatedSchema>;
export const WebhookListSchema = z.object({ items: z.array(WebhookSchema) });
export type WebhookList = z.infer<typeof WebhookListSchema>;
