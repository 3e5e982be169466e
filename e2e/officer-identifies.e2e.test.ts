import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { gtinCheckDigit } from '@verity/codes';
import { launchChromium } from './support/browser';
import { fill, messagesOf } from './support/messages';
import { startServer, type RunningServer } from './support/server';

// The demo catalog's 'Aurora Chronograph 42 mm' (apps/server/src/demo/demo-data.ts).
const body = '379000000001';
const gtin13 = `${body}${gtinCheckDigit(body)}`;
const gtin14 = gtin13.padStart(14, '0');
const elementString = `(01)${gtin14}(10)ABC123(17)271231`;
const wrongBody = '123456789012';
const wrongCheckDigit = `${wrongBody}${(gtinCheckDigit(wrongBody) + 1) % 10}`;
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

const en = messagesOf('en');
const fr = messagesOf('fr');

describe('an officer identifies products in the web app served by the server', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  /** Script errors and console errors (a CSP violation lands here), except expected 401s. */
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'en-US' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Chromium logs every 4xx; 401 is the expected answer to /auth/me before signing in and to a wrong password.
      if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sees the server, signs in, identifies by GTIN and GS1 element string, sees a bad check digit, reads it in French, signs out', async () => {
    const { baseUrl } = server!;
    await page.goto(`${baseUrl}/`);

    // The page is the built web app, and it shows the server's health.
    expect(await page.title()).toBe(en.app.title);
    await page.getByText(en.app.name, { exact: true }).waitFor();
    const health = fill(en.health.ok, { database: en.health.database.pglite, version });
    await page.getByTestId('health').filter({ hasText: health }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // English is chosen on this device, so the officer's profile language (French) does not apply.
    await page.evaluate(() => localStorage.setItem('verity.language', 'en'));

    // A wrong password gets the localized message of the API's error code.
    await page.getByLabel(en.auth.email).fill('officer@demo.test');
    await page.getByLabel(en.auth.password).fill('not-the-password');
    await page.getByRole('button', { name: en.auth.submit }).click();
    await page.getByRole('alert').filter({ hasText: en.errors.AUTH_INVALID_CREDENTIALS }).waitFor();

    await page.getByLabel(en.auth.password).fill('verity-demo');
    await page.getByRole('button', { name: en.auth.submit }).click();
    await page.getByText(fill(en.auth.signedInAs, { name: 'Olivier Officer' })).waitFor();

    // The home screen shows the risk alerts in force for the officer's country (the demo's one).
    const alertTitle = 'Counterfeit Aurora chronographs expected by sea';
    await page.getByTestId('risk-alerts').getByRole('heading', { name: alertTitle }).waitFor();

    // A GTIN-13, typed key by key, finds the product with one request (the box waits for a pause).
    const box = page.getByLabel(en.identify.label);
    let identifyRequests = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/identify')) identifyRequests += 1;
    });
    await box.pressSequentially(gtin13, { delay: 30 });
    await page.getByRole('heading', { name: 'Aurora Chronograph 42 mm' }).waitFor();
    await page.getByText(en.identify.products.applicationInForce).waitFor();
    await page.getByText(en.identify.parsed.kinds.gtin).waitFor();
    // The alert about this product comes with the answer, with where the fakes come from.
    const matched = page.locator('.results').getByTestId('risk-alerts');
    await matched.getByRole('heading', { name: alertTitle }).waitFor();
    expect(await matched.textContent()).toContain('China');
    expect(identifyRequests).toBeLessThanOrEqual(3); // not one per key; a slow machine may pause once or twice

    // A GS1 element string: each element with its AI, its name in the reader's language, a date
    // as a date, and the product.
    await box.fill(elementString);
    await page.getByText(en.identify.parsed.kinds.gs1).waitFor();
    const batch = page.getByRole('row').filter({ hasText: 'ABC123' });
    await batch.waitFor();
    expect(await batch.textContent()).toBe(`(10)${en.identify.ai['10']}ABC123`);
    expect(await page.getByRole('row').filter({ hasText: '271231' }).textContent()).toBe(
      `(17)${en.identify.ai['17']}271231December 31, 2027`,
    );
    await page.getByRole('heading', { name: 'Aurora Chronograph 42 mm' }).waitFor();

    // Digits with a wrong check digit: the error, where it is, and no product.
    await box.fill(wrongCheckDigit);
    const error = page.getByTestId('parse-error');
    await error.filter({ hasText: en.codeErrors.GTIN_CHECK_DIGIT }).waitFor();
    expect(await error.textContent()).toContain(fill(en.identify.parsed.errorAt, { position: 13 }));
    await page.getByTestId('not-in-catalog').filter({ hasText: en.identify.products.notInCatalog }).waitFor();

    // Français: the page, its language attribute and the answer all change.
    await page.getByLabel(en.app.language).selectOption('fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    expect(fr.identify.label).not.toBe(en.identify.label);
    await page.getByLabel(fr.identify.label).waitFor();
    await page.getByTestId('parse-error').filter({ hasText: fr.codeErrors.GTIN_CHECK_DIGIT }).waitFor();
    await page.getByLabel(fr.identify.label).fill(gtin13);
    await page.getByRole('heading', { name: 'Chronographe Aurora 42 mm' }).waitFor();
    await page.getByText(fr.identify.products.applicationInForce).waitFor();

    // Sign out: back to the form; after a reload still signed out, still in French.
    await page.getByRole('button', { name: fr.auth.signOut }).click();
    await page.getByRole('heading', { name: fr.auth.title }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: fr.auth.title }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByLabel(fr.identify.label).count()).toBe(0);

    expect(problems).toEqual([]);
  });

  it("follows the language of the officer's profile on a device where none was chosen, and saves a new choice there", async () => {
    const { baseUrl } = server!;
    const signInOnNewDevice = async () => {
      const context = await browser!.newContext({ locale: 'en-US' });
      const fresh = await context.newPage();
      fresh.setDefaultTimeout(15_000);
      await fresh.goto(`${baseUrl}/`);
      await fresh.getByLabel(en.auth.email).fill('officer@demo.test');
      await fresh.getByLabel(en.auth.password).fill('verity-demo');
      await fresh.getByRole('button', { name: en.auth.submit }).click();
      return fresh;
    };
    // The first journey chose French while signed in: the profile says French.
    const first = await signInOnNewDevice();
    await first.waitForFunction(() => document.documentElement.lang === 'fr');
    await first.getByLabel(fr.identify.label).waitFor();
    // Choosing Spanish here saves it in the profile: the next new device opens in Spanish.
    const saved = first.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await first.getByLabel(fr.app.language).selectOption('es');
    expect((await saved).status()).toBe(200);
    const second = await signInOnNewDevice();
    await second.waitForFunction(() => document.documentElement.lang === 'es');
    expect(problems).toEqual([]);
  });
});
