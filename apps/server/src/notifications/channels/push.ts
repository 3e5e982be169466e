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
export async function deliverPush(
  vapid: VapidKeys,
  target: PushTarget,
  payload: string,
  topic?: string,
): Promise<void> {
  // web-push encrypts and signs; the request itself goes through fetch (a timeout, any status read).
  const request = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    payload,
    { vapidDetails: vapid, TTL: 24 * 3600, urgency: 'high', ...(topic ? { topic } : {}) },
  );
  let response: Response;
  try {
    response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body ? new Uint8Array(request.body) : null,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new DeliveryError(`push request failed: ${(error as Error).message}`);
  }
  await response.body?.cancel().catch(() => {});
  if (response.status >= 200 && response.status <= 299) return;
  throw new DeliveryError(
    `push service answered ${response.status}`,
    response.status === 404 || response.status === 410,
  );
}

export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  return webpush.generateVAPIDKeys();
}
