import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ProductSheet, ProductSearchResult } from '@verity/contract';
import { launchChromium } from './support/browser';
import { fill, messagesOf } from './support/messages';
import { startServer, type RunningServer } from './support/server';

const en = messagesOf('en');
const fr = messagesOf('fr');

// The demo catalog (apps/server/src/demo/demo-data.ts) has 3 published Aurora products; the
// journey adds 30 more with the word "Aurora" so that a search has a second page.
const EXTRA_AURORA = 20;
const EXTRA_LUMINA = 10;

/** Packaging text the right holder gives in English only. */
const ENGLISH_ONLY = 'Warranty card in a sealed sleeve';

/** An API client signed in as a demo user (no browser headers: the CSRF check lets it through). */
async function apiAs(baseUrl: string, email: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'verity-demo' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T>(path: string, init: { method?: string; json?: unknown; form?: FormData } = {}): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { cookie, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.form ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
    });
    const body: unknown = await response.json();
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body)}`);
    return body as T;
  };
}

/** As the right holder: 30 more "Aurora" products over two brands, and a packaging note in English only. */
async function prepareCatalog(baseUrl: string) {
  const call = await apiAs(baseUrl, 'rightholder@demo.test');
  const brands = await call<{ items: { id: string; name: string }[] }>('/api/v1/brands');
  const brandId = (name: string) => brands.items.find((b) => b.name === name)!.id;
  const extras = [
    ...Array.from({ length: EXTRA_AURORA }, (_, i) => ({ brand: 'Aurora', name: `Aurora strap ${i + 1}` })),
    ...Array.from({ length: EXTRA_LUMINA }, (_, i) => ({ brand: 'Lumina', name: `Aurora mist ${i + 1}` })),
  ];
  for (const extra of extras)
    await call('/api/v1/products', {
      method: 'POST',
      json: { brandId: brandId(extra.brand), name: { en: extra.name } },
    });

  // A packaging note in English only: the French sheet must show it marked as English.
  const found = await call<ProductSearchResult>('/api/v1/products?q=aurora%20chronograph');
  const chronograph = found.items.find((p) => p.name === 'Aurora Chronograph 42 mm')!;
  const sheet = await call<ProductSheet>(`/api/v1/products/${chronograph.id}`);
  await call(`/api/v1/products/${chronograph.id}`, {
    method: 'PATCH',
    json: {
      features: [...sheet.features, { kind: 'packaging', title: { en: ENGLISH_ONLY }, description: {}, imageIds: [] }],
    },
  });
}

describe('an officer searches the catalog and reads a product sheet', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    await prepareCatalog(server.baseUrl);
    browser = await launchChromium();
    // A phone's screen: the sheet must read in one column there.
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 760 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Chromium logs every 4xx; 401 is the expected answer to /auth/me before signing in.
      if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('searches with facets and infinite scroll, opens the chronograph, reads its sheet, and finds the search again', async () => {
    await page.goto(`${server!.baseUrl}/`);
    await page.evaluate(() => localStorage.setItem('verity.language', 'en'));
    await page.getByLabel(en.auth.email).fill('officer@demo.test');
    await page.getByLabel(en.auth.password).fill('verity-demo');
    await page.getByRole('button', { name: en.auth.submit }).click();

    await page
      .getByRole('navigation', { name: en.app.nav.label })
      .getByRole('link', { name: en.app.nav.search })
      .click();
    await page.getByRole('heading', { level: 1, name: en.search.title }).waitFor();
    // Without words, the catalog by name: the 6 published demo products and the 30 added.
    const total = page.getByTestId('search-total');
    await total.filter({ hasText: fill(en.search.total_other, { count: 36 }) }).waitFor();

    // A word of the demo products: 33 matches, 20 on the first page.
    const cards = page.locator('.search-result');
    await page.getByLabel(en.search.label).fill('aurora');
    await total.filter({ hasText: fill(en.search.total_other, { count: 33 }) }).waitFor();
    expect(await cards.count()).toBe(20);
    expect(new URL(page.url()).searchParams.get('q')).toBe('aurora');

    // Scrolling to the end of the list brings the next page, and says so.
    await page.getByRole('button', { name: en.search.loadMore }).scrollIntoViewIfNeeded();
    await page.getByText(fill(en.search.moreLoaded_other, { count: 13 })).waitFor({ state: 'attached' });
    expect(await cards.count()).toBe(33);
    expect(await page.getByRole('button', { name: en.search.loadMore }).count()).toBe(0);

    // The brand facet, with its count, narrows the results.
    const brand = page.getByLabel(en.search.brand, { exact: true });
    const auroraOption = fill(en.search.facetOption, { label: 'Aurora', count: 23 });
    await brand.selectOption({ label: auroraOption });
    await total.filter({ hasText: fill(en.search.total_other, { count: 23 }) }).waitFor();

    // More words, then the result: its card shows the application for action in force in France.
    await page.getByLabel(en.search.label).fill('aurora chrono');
    await total.filter({ hasText: fill(en.search.total_one, { count: 1 }) }).waitFor();
    const card = cards.filter({ hasText: 'Aurora Chronograph 42 mm' });
    await card.getByText(en.search.applicationInForce).waitFor();
    await card.getByRole('link', { name: 'Aurora Chronograph 42 mm' }).click();

    // The sheet: decisive items first.
    await page.getByRole('heading', { level: 1, name: 'Aurora Chronograph 42 mm' }).waitFor();
    expect(await page.title()).toBe(fill(en.product.documentTitle, { name: 'Aurora Chronograph 42 mm' }));
    await page.getByText(fill(en.sheet.application.inForceIn, { country: 'France' })).waitFor();
    const instructions = page.getByRole('region', { name: en.sheet.instructions });
    await instructions.getByText('Check the engraved serial number between the lugs').waitFor();
    const compare = page.getByRole('region', { name: en.sheet.features.compareTitle });
    const genuine = compare.locator('.feature-genuine');
    expect(await genuine.getByRole('heading').textContent()).toBe('Crown engraved with the sun logo');
    expect(await genuine.locator('.feature-kind').textContent()).toBe(en.sheet.features.genuine);
    const counterfeit = compare.locator('.feature-counterfeit');
    expect(await counterfeit.getByRole('heading').textContent()).toBe('Printed (not engraved) logo on the crown');
    const supply = page.getByRole('region', { name: en.sheet.supplyChain.title });
    await supply.getByText('Switzerland', { exact: true }).waitFor();
    await supply.getByText(/France.*Japan/).waitFor();

    // The contact for France comes first and is marked, with tap-to-call and tap-to-mail.
    const first = page.getByTestId('contact').first();
    await first.getByText(en.sheet.contacts.yourCountry).waitFor();
    await first.getByRole('heading', { name: 'Service anti-contrefaçon' }).waitFor();
    const call = first.getByRole('link', { name: fill(en.sheet.contacts.call, { phone: '+33 1 23 45 67 89' }) });
    expect(await call.getAttribute('href')).toBe('tel:+33123456789');
    const mail = first.getByRole('link', {
      name: fill(en.sheet.contacts.mail, { email: 'douane-fr@lumiere.example' }),
    });
    expect(await mail.getAttribute('href')).toBe('mailto:douane-fr@lumiere.example');

    // Photos: a tap opens the full image in a dialog; Escape closes it and focus returns.
    const photoLabel = fill(en.sheet.photos.photo, { name: 'Aurora Chronograph 42 mm', number: 1 });
    const thumb = page.getByRole('region', { name: en.sheet.photos.title }).getByRole('button', { name: photoLabel });
    await thumb.click();
    const dialog = page.getByRole('dialog', { name: photoLabel });
    await dialog.waitFor();
    const full = dialog.getByRole('img', { name: photoLabel });
    await page.waitForFunction(
      (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
      await full.elementHandle(),
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await thumb.evaluate((el) => el === document.activeElement)).toBe(true);
    // The genuine feature's own photo opens the same way, and closes with its button.
    const featurePhoto = fill(en.sheet.features.photo, { title: 'Crown engraved with the sun logo', number: 1 });
    await genuine.getByRole('button', { name: featurePhoto }).click();
    await page.getByRole('dialog', { name: featurePhoto }).getByRole('button', { name: en.sheet.photos.close }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // Français: the sheet's headings and texts follow.
    await page.getByLabel(en.app.language).selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Chronographe Aurora 42 mm' }).waitFor();
    await page.getByRole('heading', { name: fr.sheet.instructions }).waitFor();
    await page.getByRole('heading', { name: fr.sheet.supplyChain.title }).waitFor();
    await page.getByText(fill(fr.sheet.application.inForceIn, { country: 'France' })).waitFor();
    await page.getByText('Suisse', { exact: true }).waitFor();
    // The packaging feature exists only in English: shown, and marked as English for screen readers.
    await page.getByRole('heading', { name: fr.sheet.features.packaging }).click();
    expect(await page.getByText(ENGLISH_ONLY).getAttribute('lang')).toBe('en');
    await page.getByLabel(fr.app.language).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Aurora Chronograph 42 mm' }).waitFor();

    // Back: the same search, filters included; the search that led here is now a recent one.
    await page.getByRole('link', { name: en.product.back }).click();
    await total.filter({ hasText: fill(en.search.total_one, { count: 1 }) }).waitFor();
    expect(await page.getByLabel(en.search.label).inputValue()).toBe('aurora chrono');
    expect(await brand.inputValue()).not.toBe('');
    await page.getByLabel(en.search.label).fill('');
    const recents = page.getByRole('region', { name: en.search.recents.title });
    await recents.getByRole('link', { name: /aurora chrono/ }).waitFor();

    // A recent search runs again from its link.
    await recents.getByRole('link', { name: /aurora chrono/ }).click();
    await total.filter({ hasText: fill(en.search.total_one, { count: 1 }) }).waitFor();
    expect(await page.getByLabel(en.search.label).inputValue()).toBe('aurora chrono');

    expect(problems).toEqual([]);
  });

  it('says plainly when a product does not exist, with a way to search', async () => {
    await page.goto(`${server!.baseUrl}/products/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { level: 1, name: en.product.notFound.title }).waitFor();
    await page.getByRole('link', { name: en.product.notFound.search }).click();
    await page.getByRole('heading', { level: 1, name: en.search.title }).waitFor();
    // The 404 of the missing product is the one console error expected here.
    expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
  });
});
