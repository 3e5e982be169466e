import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { messagesOf, type Messages } from './support/messages';
import { startServer, type RunningServer } from './support/server';

/**
 * Every main screen, for the role that uses it: no axe-core violation (WCAG 2.1 A and AA), and
 * switching the language to French, then Spanish, leaves no English interface text visible
 * (visible text, and the names screen readers announce: aria-label, alt, title, placeholder).
 */
const languages = { en: messagesOf('en'), fr: messagesOf('fr'), es: messagesOf('es') };

/** Every message of a catalog, by key path. */
function flatten(messages: Messages, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[prefix + key, value] as [string, string]]
      : flatten(value as Messages, `${prefix}${key}.`),
  );
}

/**
 * The English messages that read differently in `lang`, as patterns for whole texts (a
 * placeholder matches anything). Messages that are the same in both (names such as "Verity",
 * "GTIN") say nothing about whether the page switched.
 */
function englishOnly(lang: 'fr' | 'es'): RegExp[] {
  const other = new Map(flatten(languages[lang]));
  return flatten(languages.en)
    .filter(([key, text]) => other.get(key) !== text && text.replace(/\{\{\s*\w+\s*\}\}/g, '').trim().length >= 3)
    .map(([, text]) => {
      const escaped = text
        .split(/\{\{\s*\w+\s*\}\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.+');
      return new RegExp(`^${escaped}$`);
    });
}
const leftovers = { fr: englishOnly('fr'), es: englishOnly('es') };

/** What a sighted user reads and what a screen reader announces, one entry per text. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (text && parent && parent.checkVisibility() && !parent.closest('script,style')) texts.push(text);
    }
    for (const element of Array.from(document.body.querySelectorAll('[aria-label],[alt],[title],[placeholder]'))) {
      if (!(element as HTMLElement).checkVisibility?.() && element.getAttribute('aria-hidden') !== 'true') continue;
      for (const name of ['aria-label', 'alt', 'title', 'placeholder']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

async function englishLeft(page: Page, lang: 'fr' | 'es'): Promise<string[]> {
  const texts = await visibleTexts(page);
  return texts.filter((text) => leftovers[lang].some((pattern) => pattern.test(text)));
}

interface Screen {
  name: string;
  as: 'officer' | 'rightholder' | 'admin' | null;
  /** The address; a function when it needs an id from the server. */
  path: string | ((api: ApiHelpers) => Promise<string>);
  /** Something to do before checking (e.g. type in the box). */
  act?: (page: Page) => Promise<void>;
}

interface ApiHelpers {
  productId: () => Promise<string>;
  organisationId: () => Promise<string>;
}

const screens: Screen[] = [
  { name: 'sign-in', as: null, path: '/' },
  { name: 'invitation (invalid link)', as: null, path: '/invite/not-a-valid-token' },
  {
    name: 'identify, with an answer',
    as: 'officer',
    path: '/',
    act: async (page) => {
      await page.locator('.identify-input').fill('(01)03790000000014(10)ABC123(17)271231');
      await page.locator('.results[aria-busy="false"], .results:not([aria-busy])').first().waitFor();
    },
  },
  {
    name: 'identify, not in the catalog',
    as: 'officer',
    path: '/',
    act: async (page) => {
      await page.locator('.identify-input').fill('4006381333931');
      await page.getByTestId('not-in-catalog').waitFor();
    },
  },
  { name: 'search', as: 'officer', path: '/search?q=aurora' },
  { name: 'product sheet', as: 'officer', path: async (api) => `/products/${await api.productId()}` },
  { name: 'portal: products', as: 'rightholder', path: '/portal/products' },
  { name: 'portal: new product', as: 'rightholder', path: '/portal/products/new' },
  {
    name: 'portal: product editor',
    as: 'rightholder',
    path: async (api) => `/portal/products/${await api.productId()}`,
  },
  {
    name: 'portal: preview',
    as: 'rightholder',
    path: async (api) => `/portal/products/${await api.productId()}/preview`,
  },
  { name: 'portal: brands', as: 'rightholder', path: '/portal/brands' },
  { name: 'portal: import', as: 'rightholder', path: '/portal/import' },
  { name: 'portal: risk alerts', as: 'rightholder', path: '/portal/alerts' },
  { name: 'portal: new risk alert', as: 'rightholder', path: '/portal/alerts/new' },
  { name: 'admin: organisations', as: 'admin', path: '/admin' },
  {
    name: 'admin: an organisation and its users',
    as: 'admin',
    path: async (api) => `/admin/organisations/${await api.organisationId()}`,
  },
];

describe('every main screen is accessible and speaks the chosen language', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts = new Map<string, BrowserContext>();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A browser context signed in as the demo user of a role (kept for the role's screens). */
  async function contextFor(as: Screen['as']): Promise<BrowserContext> {
    const key = as ?? 'anonymous';
    const existing = contexts.get(key);
    if (existing) return existing;
    const context = await browser!.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    if (as) {
      const login = await context.request.post(`${server!.baseUrl}/api/v1/auth/login`, {
        data: { email: `${as}@demo.test`, password: 'verity-demo' },
      });
      expect(login.status()).toBe(200);
    }
    contexts.set(key, context);
    return context;
  }

  const api = (context: BrowserContext): ApiHelpers => ({
    productId: async () => {
      const answer = await context.request.post(`${server!.baseUrl}/api/v1/identify`, {
        data: { input: '3790000000014' },
      });
      return ((await answer.json()) as { products: { id: string }[] }).products[0]!.id;
    },
    organisationId: async () => {
      const answer = await context.request.get(`${server!.baseUrl}/api/v1/organisations`);
      return ((await answer.json()) as { items: { id: string; kind: string }[] }).items.find(
        (o) => o.kind === 'right_holder',
      )!.id;
    },
  });

  it.each(screens.map((s) => [s.name, s] as const))('%s', async (_name, screen) => {
    const context = await contextFor(screen.as);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      const path = typeof screen.path === 'string' ? screen.path : await screen.path(api(context));
      await page.goto(`${server!.baseUrl}${path}`);
      // Start in English whatever an earlier screen chose (a choice on the device wins).
      await page.evaluate(() => localStorage.setItem('verity.language', 'en'));
      await page.reload();
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await screen.act?.(page);

      expect(await axeViolations(page)).toEqual([]);
      // The detector sees the English interface before the switch (so its silence after means something).
      expect((await englishLeft(page, 'fr')).length).toBeGreaterThan(0);

      for (const lang of ['fr', 'es'] as const) {
        await page.locator('.language select').selectOption(lang);
        await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
        await expect.poll(() => englishLeft(page, lang), { timeout: 10_000 }).toEqual([]);
      }
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
