import webpush from 'web-push';
import { DeliveryError } from './webhook';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * One Web Push message (RFC 8030, VAPID RFC 8292), encrypted for the browser's keys. A 404 or
 * 410 from the push service means the subscription is gone: `DeliveryError.gone`.
 */
export async function deliverPush(vapid: VapidKeys, target: PushTarget, payload: string, topic?: string): Promise<void> {
  try {
    await webpush.sendNotification(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      payload,
      {
        vapidDetails: vapid,
        TTL: 24 * 3600,
        timeout: 10_000,
        urgency: 'high',
        ...(topic ? { topic } : {}),
      },
    );
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    throw new DeliveryError(`push failed${status ? ` (${status})` : ''}: ${(error as Error).message}`, status === 404 || status === 410);
  }
}

export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  return webpush.generateVAPIDKeys();
}
