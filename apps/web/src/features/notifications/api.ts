import type {
  NotificationList,
  NotificationPreference,
  NotificationPreferences,
  PushKey,
  WebhookCreated,
  WebhookInput,
  WebhookList,
} from '@verity/contract';
import { api } from '../../lib/api';

export const STREAM_URL = '/api/v1/notifications/stream';

export function listNotifications(options: { cursor?: string | null; unread?: boolean } = {}, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: '30' });
  if (options.cursor) query.set('cursor', options.cursor);
  if (options.unread) query.set('unread', 'true');
  return api<NotificationList>(`/api/v1/notifications?${query.toString()}`, { signal });
}

export function markRead(body: { ids: string[] } | { all: true }) {
  return api<{ updated: number; unread: number }>('/api/v1/notifications/read', { method: 'POST', body });
}

export const readPreferences = (signal?: AbortSignal) =>
  api<NotificationPreferences>('/api/v1/notifications/preferences', { signal });

export const savePreferences = (items: NotificationPreference[]) =>
  api<NotificationPreferences>('/api/v1/notifications/preferences', { method: 'PUT', body: { items } });

export const pushKey = () => api<PushKey>('/api/v1/push/key');

export const savePushSubscription = (subscription: PushSubscriptionJSON) =>
  api<{ subscribed: true }>('/api/v1/push/subscriptions', { method: 'POST', body: subscription });

export const deletePushSubscription = (endpoint: string) =>
  api<{ deleted: true }>('/api/v1/push/subscriptions', { method: 'DELETE', body: { endpoint } });

export const listWebhooks = (signal?: AbortSignal) => api<WebhookList>('/api/v1/webhooks', { signal });

export const createWebhook = (input: WebhookInput) =>
  api<WebhookCreated>('/api/v1/webhooks', { method: 'POST', body: input });

export const deleteWebhook = (id: string) => api<{ deleted: true }>(`/api/v1/webhooks/${id}`, { method: 'DELETE' });
