import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { fill, messagesOf, type Messages } from './support/messages';
import { openDemoCase } from './support/cases-api';
import { startServer, type RunningServer } from './support/server';
import { signedInPhone } from './support/sign-in';

/**
 * The secretariat's case statistics: cases opened through the API by a French and a Spanish
 * officer, then counted on the secretariat's screen on a 360 px phone — the chart (an image with
 * a summary), the states' totals, the countries (Spain, with fewer than 3 cases this month,
 * under "Other countries"), the table; the period switched in the URL; axe; French with no English.
 */
const en = messagesOf('en');
const fr = messagesOf('fr');
const s = en.admin.stats;

/** Every message of a catalog, by key path. */
function flatten(messages: Messages, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[prefix + key, value] as [string, string]]
      : flatten(value as Messages, `${prefix}${key}.`),
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message as a whole-text pattern: the placeholders given filled in, the others anything. */
const whole = (template: string, params: Record<string, string | number>) =>
  new RegExp(
    `^${template
      .split(/(\{\{\s*\w+\s*\}\})/)
      .map((part) => {
        const name = /^\{\{\s*(\w+)\s*\}\}$/.exec(part)?.[1];
        if (name === undefined) return escape(part);
        return name in params ? escape(String(params[name])) : '.+';
      })
      .join('')}$`,
  );

/** English texts of the screen (admin and navigation) that read otherwise in French, as whole-text patterns. */
const englishOnly: RegExp[] = (() => {
  const french = new Map(flatten(fr));
  return flatten(en)
    .filter(([key]) => key.startsWith('admin.') || key.startsWith('app.'))
    .filter(([key, text]) => french.get(key) !== text && text.replace(/\{\{\s*\w+\s*\}\}/g, '').trim().length >= 3)
    .map(([, text]) => {
      return whole(text, {});
    });
})();

/** What is read on the page: visible text and the names given to assistive technology. */
function readTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (text && parent && parent.checkVisibility() && !parent.closest('script,style')) texts.push(text);
    }
    for (const element of Array.from(document.body.querySelectorAll('[aria-label],[title],[placeholder]')))
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    return texts;
  });
}

/** The page's width beyond the phone's, 0 when nothing scrolls sideways. */
const overflow = (page: Page) =>
  page.evaluate((width) => Math.max(0, document.documentElement.scrollWidth - width), page.viewportSize()!.width);

/** Opens and submits a case with a demo product, as the signed-in officer; `detain` then detains the goods. */
const openCase = async (officer: Page, detain = false) => (await openDemoCase(officer, { detain })).reference;

describe('case statistics: the secretariat counts cases on a phone', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sees the chart and the table with the right totals, switches the period, in English and in French', async () => {
    const officerFr = await signedInPhone(browser!, server!.baseUrl, 'officer@demo.test');
    const officerEs = await signedInPhone(browser!, server!.baseUrl, 'officer-es@demo.test');
    const references = [
      await openCase(officerFr),
      await openCase(officerFr),
      await openCase(officerFr, true),
      await openCase(officerEs),
      await openCase(officerEs),
    ];
    // A draft is never counted.
    await officerFr.evaluate(() =>
      fetch('/api/v1/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
    );

    const admin = await signedInPhone(browser!, server!.baseUrl, 'admin@demo.test');
    const errors: string[] = [];
    admin.on('pageerror', (error) => errors.push(error.message));
    const nav = admin.getByRole('navigation', { name: en.app.nav.label });
    await nav.getByRole('link', { name: en.app.nav.statistics }).click();
    await admin.waitForURL(/\/admin\/statistics$/);
    await admin.getByRole('heading', { level: 1, name: s.title }).waitFor();
    // Only the statistics are the current page, not the organisations as well.
    expect(await nav.locator('[aria-current="page"]').allTextContents()).toEqual([en.app.nav.statistics]);

    // Five cases: France 2 awaiting answers and 1 detained, Spain 2 (too few to be named this month).
    const chart = admin.getByRole('img', { name: whole(s.chartSummary_other, { n: 5, peak: 5 }) });
    await chart.waitFor();
    const legend = admin.locator('.stats-legend li');
    expect(await legend.filter({ hasText: s.status.submitted }).locator('strong').textContent()).toBe('4');
    expect(await legend.filter({ hasText: s.status.detained }).locator('strong').textContent()).toBe('1');
    expect(await legend.filter({ hasText: s.status.answered }).locator('strong').textContent()).toBe('0');
    const countries = admin.locator('.stats-countries li');
    expect(await countries.allInnerTexts()).toEqual([
      expect.stringMatching(/^France\s+3 cases$/),
      expect.stringMatching(new RegExp(`^${s.otherCountries}\\s+2 cases$`)),
    ]);
    expect(await countries.allInnerTexts()).not.toContainEqual(expect.stringContaining('Spain'));
    const table = admin.getByRole('table');
    const thisMonth = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(),
    );
    const row = table.getByRole('row', { name: new RegExp(`^${thisMonth}`) });
    const cellOf = (label: string) => row.locator(`td[data-label="${label}"]`);
    expect(await cellOf(s.status.submitted).textContent()).toBe('4');
    expect(await cellOf(s.status.detained).textContent()).toBe('1');
    expect(await cellOf(s.status.answered).textContent()).toBe('0');
    expect(await cellOf(s.total).textContent()).toBe('5');
    // A phone's card of the month reads its states with cases and its total; the zeros are left out.
    expect(await row.getByRole('cell').allTextContents()).toEqual(['4', '1', '5']);
    const footer = table.getByRole('row', { name: new RegExp(`^${s.wholePeriod}`) });
    expect(await footer.getByRole('cell').last().textContent()).toBe('5');
    // The last 12 months: twelve rows of months, one for the whole period.
    expect(await table.locator('tbody tr').count()).toBe(12);
    // Anonymised: no reference reaches the page.
    const body = await admin.locator('body').innerText();
    for (const reference of references) expect(body).not.toContain(reference);

    expect(await overflow(admin)).toBe(0);
    const chartBox = (await admin.locator('.stats-chart svg').boundingBox())!;
    expect(chartBox.width).toBeLessThanOrEqual(360);
    expect(await axeViolations(admin, { bestPractice: true })).toEqual([]);

    // The period: the last 3 months, in the URL, with the keyboard.
    await admin.getByRole('radio', { name: fill(s.lastMonths_other, { count: 3 }) }).check();
    await admin.getByRole('button', { name: s.show }).press('Enter');
    await admin.waitForURL(/\/admin\/statistics\?months=3$/);
    // The screen stays: the focus is still on the button.
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe(s.show);
    await admin.locator('.stats-table tbody tr').nth(2).waitFor();
    expect(await admin.locator('.stats-table tbody tr').count()).toBe(3);
    expect(
      await admin
        .getByRole('row', { name: new RegExp(`^${s.wholePeriod}`) })
        .getByRole('cell')
        .last()
        .textContent(),
    ).toBe('5');

    // From a day: with none, the form says so. A day counts from the 1st of its month (whole
    // months only): the 15th of this month still shows this month's five cases; next month, none yet.
    await admin.getByRole('radio', { name: s.fromDay }).check();
    await admin.getByRole('button', { name: s.show }).click();
    await admin.getByText(s.fromRequired).waitFor();
    expect(await admin.getByLabel(s.firstDay).getAttribute('aria-invalid')).toBe('true');
    const now = new Date();
    const dayOf = (monthsAhead: number, day: number) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsAhead, day)).toISOString().slice(0, 10);
    const longDay = (day: string) =>
      new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
    await admin.getByLabel(s.firstDay).fill(dayOf(0, 15));
    await admin.getByRole('button', { name: s.show }).click();
    await admin.waitForURL(new RegExp(`/admin/statistics\\?from=${dayOf(0, 15)}$`));
    await admin
      .getByRole('status')
      .filter({ hasText: fill(s.headline_other, { n: 5, from: longDay(dayOf(0, 1)) }) })
      .waitFor();
    const later = dayOf(1, 15);
    await admin.getByLabel(s.firstDay).fill(later);
    await admin.getByRole('button', { name: s.show }).click();
    await admin.waitForURL(new RegExp(`/admin/statistics\\?from=${later}$`));
    await admin
      .getByRole('status')
      .filter({ hasText: fill(s.empty, { from: longDay(dayOf(1, 1)) }) })
      .waitFor();
    expect(await admin.getByRole('img').count()).toBe(0);
    expect(await admin.getByRole('table').count()).toBe(0);
    // Back: the earlier period again (the URL is the state).
    await admin.goto(`${server!.baseUrl}/admin/statistics?months=6`);
    await admin
      .getByRole('radio', { name: fill(s.lastMonths_other, { count: 6 }) })
      .and(admin.locator(':checked'))
      .waitFor();
    await chart.waitFor();
    expect(await admin.locator('.stats-table tbody tr').count()).toBe(6);

    // In French: the same numbers, no English left, still one phone wide and accessible.
    await admin.locator('.language select').selectOption('fr');
    await admin.locator('html[lang="fr"]').waitFor({ state: 'attached' });
    await admin.getByRole('heading', { level: 1, name: fr.admin.stats.title }).waitFor();
    await expect
      .poll(async () => (await readTexts(admin)).filter((text) => englishOnly.some((pattern) => pattern.test(text))), {
        timeout: 10_000,
      })
      .toEqual([]);
    expect(englishOnly.some((pattern) => pattern.test(s.title))).toBe(true); // the detector knows the English title
    expect(await admin.locator('.stats-countries li').allInnerTexts()).toEqual([
      expect.stringMatching(/^France\s+3\s+dossiers$/),
      expect.stringMatching(new RegExp(`^${fr.admin.stats.otherCountries}\\s+2\\s+dossiers$`)),
    ]);
    await admin.getByRole('img', { name: whole(fr.admin.stats.chartSummary_other, { n: 5, peak: 5 }) }).waitFor();
    expect(await overflow(admin)).toBe(0);
    expect(await axeViolations(admin, { bestPractice: true })).toEqual([]);
    expect(errors).toEqual([]);

    // The server out of reach: the error in the reader's language, where the numbers would be.
    await admin.route('**/api/v1/cases/stats?*', (route) => route.abort());
    await admin.reload();
    await admin.getByRole('status').filter({ hasText: fr.errors.NETWORK_ERROR }).waitFor();
    expect(await admin.getByRole('img').count()).toBe(0);
  });

  it('an organisation’s administrator has no statistics: no link, and the page is not theirs', async () => {
    const page = await signedInPhone(browser!, server!.baseUrl, 'customs-admin@demo.test');
    const nav = page.getByRole('navigation', { name: en.app.nav.label });
    await nav.getByRole('link', { name: en.app.nav.admin }).waitFor();
    expect(await nav.getByRole('link', { name: en.app.nav.statistics }).count()).toBe(0);
    await page.goto(`${server!.baseUrl}/admin/statistics`);
    await page.getByRole('heading', { level: 1, name: en.app.pageNotFound }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: s.title }).count()).toBe(0);
  });
});
