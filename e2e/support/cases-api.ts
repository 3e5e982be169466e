import type { Page } from 'playwright-core';

export interface OpenedCase {
  id: string;
  reference: string;
  /** Set once submitted. */
  responseDeadline: string | null;
}

/**
 * Set-up through the API, as the officer signed in on `page` (its session cookie): a case with
 * one line of the demo chronograph (GTIN 3790000000014), then, as asked, submitted to its right
 * holder and the goods detained. Journeys use it to reach the screens they are about.
 */
export function openDemoCase(
  page: Page,
  { quantity = 3, submit = true, detain = false }: { quantity?: number; submit?: boolean; detain?: boolean } = {},
): Promise<OpenedCase> {
  return page.evaluate(
    async ({ quantity, submit, detain }) => {
      const json = { 'content-type': 'application/json', accept: 'application/json' };
      const call = async (method: string, url: string, body?: unknown) => {
        const response = await fetch(url, {
          method,
          // No content type without a body: an empty JSON body is refused.
          headers: body === undefined ? { accept: 'application/json' } : json,
          body: body === undefined ? null : JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
        return response.json();
      };
      const found = (await call('POST', '/api/v1/identify', { input: '3790000000014' })) as {
        products: { id: string }[];
      };
      let opened = (await call('POST', '/api/v1/cases', {
        lines: [{ productId: found.products[0]!.id, quantity }],
      })) as { id: string; reference: string; responseDeadline: string | null };
      if (submit) opened = await call('POST', `/api/v1/cases/${opened.id}/submit`);
      if (detain)
        opened = await call('POST', `/api/v1/cases/${opened.id}/transition`, {
          to: 'detained',
          reason: 'Counterfeit watches',
        });
      return { id: opened.id, reference: opened.reference, responseDeadline: opened.responseDeadline };
    },
    { quantity, submit, detain },
  );
}
