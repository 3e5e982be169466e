import { createHmac, timingSafeEqual } from 'node:crypto';

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">` with the webhook's secret. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers (and our tests): checks a signature in constant time. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export class DeliveryError extends Error {
  constructor(
    message: string,
    /** The receiver said this will never work (the subscription is gone). */
    readonly gone = false,
  ) {
    super(message);
  }
}

/**
 * One signed POST. `Verity-Webhook-Id` is the outbox row's id, the same on every retry, so the
 * receiver can drop a repeat; any 2xx counts as received. 10 s per attempt.
 */
export async function deliverWebhook(
  target: { url: string; secret: string },
  delivery: { id: string; body: string; timestamp: string },
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Verity-Webhooks/1',
        'verity-webhook-id': delivery.id,
        'verity-timestamp': delivery.timestamp,
        'verity-signature': webhookSignature(target.secret, delivery.timestamp, delivery.body),
      },
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new DeliveryError(`webhook request failed: ${(error as Error).message}`);
  }
  await response.body?.cancel().catch(() => {});
  if (response.status < 200 || response.status > 299) throw new DeliveryError(`webhook answered ${response.status}`);
}
