/**
 * Rows of the authorization matrix (authorization-matrix.test.ts) for notifications, push
 * subscriptions and webhooks. A user's notifications, choices and devices are their own (no
 * route names another user's); webhooks belong to an organisation and are managed by its
 * administrators (`webhook.manage`). `prepareNotifications` gives each administrator's
 * organisation a webhook, and the foreign right holder one.
 */
import { expect } from 'vitest';
import { webhookManagerRoles, type Role } from '@verity/contract';
import type { Session } from './test-app';
import type { MatrixRow } from './authorization-matrix.cases';

interface World {
  caseSubmitted: string;
}
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
/** Never contacted: test apps run no delivery worker (test-app.ts). */
const HOOK_URL = 'https://hooks.example.com/matrix-hook';
const pushEndpoint = (s: Session) => `https://push.example.com/${s.userId}`;

const ownHooks = new Map<string, string>();
let foreignHook = UNKNOWN;
let ownWorld = '';

async function webhookOf(admin: Session): Promise<string> {
  const response = await admin.request('POST', '/api/v1/webhooks', { url: HOOK_URL, events: ['case.overdue'] });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

export async function prepareNotifications(own: World, managers: Session[], foreignAdmin: Session) {
  ownWorld = own.caseSubmitted;
  for (const s of managers) ownHooks.set(s.organisationId, await webhookOf(s));
  foreignHook = await webhookOf(foreignAdmin);
}

const everyone = (ok: number) => () => ok;
const manager = (role: Role) => webhookManagerRoles.includes(role);

export const notificationRows: MatrixRow[] = [
  { method: 'GET', route: '/api/v1/notifications', url: () => '/api/v1/notifications', expected: everyone(200) },
  {
    method: 'POST',
    route: '/api/v1/notifications/read',
    url: () => '/api/v1/notifications/read',
    body: () => ({ all: true }),
    expected: everyone(200),
  },
  // The stream never ends by itself (stream.test.ts reads it over HTTP); every signed-in caller
  // gets past the policy to the validation of its resume point.
  {
    method: 'GET',
    route: '/api/v1/notifications/stream',
    url: () => '/api/v1/notifications/stream?lastEventId=not-an-id',
    expected: everyone(400),
  },
  {
    method: 'GET',
    route: '/api/v1/notifications/preferences',
    url: () => '/api/v1/notifications/preferences',
    expected: everyone(200),
  },
  {
    method: 'PUT',
    route: '/api/v1/notifications/preferences',
    url: () => '/api/v1/notifications/preferences',
    body: () => ({ items: [{ event: 'case.status', inApp: true, email: false, push: false }] }),
    expected: everyone(200),
  },
  { method: 'GET', route: '/api/v1/push/key', url: () => '/api/v1/push/key', expected: everyone(200) },
  {
    method: 'POST',
    route: '/api/v1/push/subscriptions',
    url: () => '/api/v1/push/subscriptions',
    body: (_w, s) => ({ endpoint: pushEndpoint(s), keys: { p256dh: 'p256dh-key', auth: 'auth-secret' } }),
    expected: everyone(201),
  },
  // One's own device (subscribed by the row above) goes; nobody else's can be named.
  {
    method: 'DELETE',
    route: '/api/v1/push/subscriptions',
    url: () => '/api/v1/push/subscriptions',
    body: (w, s) => ({
      endpoint: w.caseSubmitted === ownWorld ? pushEndpoint(s) : `https://push.example.com/${UNKNOWN}`,
    }),
    expected: (_r, owner) => (owner === 'own' ? 200 : 404),
  },
  {
    method: 'GET',
    route: '/api/v1/webhooks',
    url: () => '/api/v1/webhooks',
    expected: (r) => (manager(r) ? 200 : 403),
  },
  {
    method: 'POST',
    route: '/api/v1/webhooks',
    url: () => '/api/v1/webhooks',
    body: () => ({ url: HOOK_URL, events: ['case.submitted'] }),
    expected: (r) => (manager(r) ? 201 : 403),
  },
  {
    method: 'DELETE',
    route: '/api/v1/webhooks/{id}',
    url: (w, s) =>
      `/api/v1/webhooks/${w.caseSubmitted === ownWorld ? (ownHooks.get(s.organisationId) ?? UNKNOWN) : foreignHook}`,
    expected: (r, owner) => (manager(r) ? (owner === 'own' ? 200 : 404) : 403),
  },
];
