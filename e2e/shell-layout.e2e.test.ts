import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { messagesOf } from './support/messages';
import { startServer, type RunningServer } from './support/server';
import { signedInPhone } from './support/sign-in';

const en = messagesOf('en');

/** Each layout shift of the page since it started loading (not after input), and what moved. */
function shifts(page: Page): Promise<{ value: number; sources: string[] }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const found: { value: number; sources: string[] }[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
            sources: { node?: Node }[];
          })[]) {
            if (!entry.hadRecentInput)
              found.push({
                value: entry.value,
                sources: entry.sources.map((s) => (s.node as Element | undefined)?.className?.toString() ?? '?'),
              });
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(found), 500);
      }),
  );
}

/**
 * The page's frame on a small phone (360 px): nothing in it moves while the session is checked
 * and the bell arrives, whatever the role's menu; the menu is one row that scrolls sideways
 * with the current screen in view, and the page itself never does.
 */
describe('the header on a phone', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each([
    ['a right holder (8 menu entries)', 'rightholder@demo.test', '/portal/alerts', en.app.nav.alerts],
    ['an officer', 'officer@demo.test', '/search', en.app.nav.search],
  ])('%s: no layout shift on load, one menu row, the current entry in view', async (_who, email, path, current) => {
    const page = await signedInPhone(browser!, server!.baseUrl, email);
    await page.goto(`${server!.baseUrl}${path}`);
    await page.locator('h1').first().waitFor();
    // The bell comes when the page is idle: wait for it, so its arrival is measured too.
    await page.getByRole('link', { name: /^Notifications/ }).waitFor();
    await page.waitForLoadState('networkidle');

    const moved = await shifts(page);
    expect(
      moved.reduce((sum, s) => sum + s.value, 0),
      JSON.stringify(moved),
    ).toBeLessThan(0.01);

    const nav = page.getByRole('navigation', { name: en.app.nav.label });
    const link = nav.getByRole('link', { name: current, exact: true });
    expect(await link.getAttribute('aria-current')).toBe('page');
    const row = await nav.locator('ul').evaluate((ul) => {
      const tops = new Set(Array.from(ul.children, (li) => Math.round(li.getBoundingClientRect().top)));
      return { rows: tops.size, box: ul.getBoundingClientRect().toJSON() as DOMRect };
    });
    expect(row.rows).toBe(1);
    const target = (await link.boundingBox())!;
    expect(target.x).toBeGreaterThanOrEqual(row.box.left - 1);
    expect(target.x + target.width).toBeLessThanOrEqual(row.box.right + 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // With the keyboard, each entry scrolls into view as it takes focus.
    const last = nav.getByRole('link').last();
    await last.focus();
    const lastBox = (await last.boundingBox())!;
    expect(lastBox.x + lastBox.width).toBeLessThanOrEqual(360);
    await page.context().close();
  });
});
