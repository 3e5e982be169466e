import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { makeCaseScreensData, OFFICER_MESSAGE, type CaseScreensData } from './support/case-screens-data';
import { launchChromium } from './support/browser';
import { fill, messagesOf, type Messages } from './support/messages';
import { startServer, type RunningServer } from './support/server';

/**
 * Every main screen, for the role that uses it, on a small phone (360×800): no axe-core violation
 * (WCAG 2.1 A and AA, and axe's best practices: landmarks and their names, heading order), no
 * horizontal scrolling, and switching the language to French, then Spanish, leaves no English
 * interface text visible (visible text, and the names screen readers announce: aria-label, alt,
 * title, placeholder) — nor a page wider than the phone.
 */
const en = messagesOf('en');
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

/**
 * On the phone, nothing scrolls sideways: empty when the page is no wider than the screen, else
 * its width and the elements that stick out (to find them). The screen's width is the phone's,
 * not `innerWidth`: a mobile browser widens its layout viewport to a page too wide (and zooms out),
 * so `scrollWidth <= innerWidth` would hold on a page that overflows.
 */
function overflow(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    if (document.documentElement.scrollWidth <= width) return [];
    const wide = Array.from(document.body.querySelectorAll('*'))
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      // The outermost ones: what sticks out of a parent that fits.
      .filter((element) => (element.parentElement?.getBoundingClientRect().right ?? 0) <= width + 0.5)
      .slice(0, 5)
      .map((element) => {
        const classes =
          typeof element.className === 'string' && element.className
            ? `.${element.className.split(' ').join('.')}`
            : '';
        return `${element.tagName.toLowerCase()}${classes} "${element.textContent?.trim().slice(0, 40)}" (right edge ${Math.round(element.getBoundingClientRect().right)})`;
      });
    return [`page ${document.documentElement.scrollWidth} px wide on a ${width} px screen`, ...wide];
  }, page.viewportSize()!.width);
}

interface Screen {
  name: string;
  /** The demo user (`<as>@demo.test`) who works on it; null: signed out. */
  as: 'officer' | 'rightholder' | 'admin' | 'customs-admin' | null;
  /** The address; a function when it needs an id from the server. */
  path: string | ((api: ApiHelpers) => Promise<string>);
  /** Something to do before checking (e.g. type in the box). */
  act?: (page: Page) => Promise<void>;
  /** What the page must show once switched to `lang` (data the server names in each language). */
  inLanguage?: (page: Page, lang: 'fr' | 'es') => Promise<void>;
}

interface ApiHelpers {
  productId: () => Promise<string>;
  organisationId: () => Promise<string>;
  /** The cases and pictures of this session's screens, made once through the API. */
  data: () => Promise<CaseScreensData>;
}

/** An open conversation's messages, as in the conversation test. */
const waitForConversation = (page: Page) =>
  page
    .getByRole('region', { name: en.conversation.title })
    .getByText(OFFICER_MESSAGE, { exact: false })
    .first()
    .waitFor();

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
    name: 'admin: case statistics (chart, countries, table)',
    as: 'admin',
    // The cases' data first, so that there is a chart to read.
    path: async (api) => {
      await api.data();
      return '/admin/statistics';
    },
  },
  {
    name: 'admin: an organisation and its users',
    as: 'admin',
    path: async (api) => `/admin/organisations/${await api.organisationId()}`,
  },
  {
    name: 'cases: the officer’s list',
    as: 'officer',
    path: async (api) => (await api.data(), '/cases'),
    act: async (page) => {
      await page.locator('.case-list a[href^="/cases/"]').first().waitFor();
    },
  },
  {
    name: 'cases: a submitted case, as the officer (photos, conversation, deadline and share forms open)',
    as: 'officer',
    path: async (api) => `/cases/${(await api.data()).submittedId}`,
    act: async (page) => {
      await page
        .getByRole('region', { name: en.conversation.photos.title })
        .getByRole('button', { name: new RegExp(`^${fill(en.conversation.photos.photoAlt, { number: 1 })}`) })
        .waitFor();
      await waitForConversation(page);
      const tabs = page.getByRole('tab');
      expect(await tabs.count()).toBeGreaterThan(1);
      await tabs.nth(1).click();
      await page.getByRole('tab', { selected: true }).nth(0).waitFor();
      await page.getByText('Customs only: ask Spain about the consignor').waitFor();
      await page.getByRole('button', { name: en.cases.deadline.open }).click();
      await page.getByLabel(en.cases.deadline.day).waitFor();
      await page.getByRole('button', { name: en.cases.share.open }).click();
      await page
        .getByLabel(en.cases.share.administration, { exact: true })
        .locator('option')
        .nth(1)
        .waitFor({ state: 'attached' });
    },
  },
  {
    name: 'cases: the draft editor, with a photo',
    as: 'officer',
    path: async (api) => `/cases/${(await api.data()).draftId}`,
    act: async (page) => {
      await page
        .getByRole('region', { name: en.conversation.photos.title })
        .getByRole('button', { name: new RegExp(`^${fill(en.conversation.photos.photoAlt, { number: 1 })}`) })
        .waitFor();
    },
    // The line names its product in the language chosen, not the one the draft was opened in.
    inLanguage: async (page, lang) => {
      const name = { fr: 'Chronographe Aurora 42 mm', es: 'Cronógrafo Aurora 42 mm' }[lang];
      await page.locator('fieldset.case-line').getByText(name, { exact: true }).waitFor();
    },
  },
  { name: 'cases: the right holder’s inbox', as: 'rightholder', path: '/cases' },
  {
    name: 'cases: a case as its right holder (the answer form and the conversation)',
    as: 'rightholder',
    path: async (api) => `/cases/${(await api.data()).submittedId}`,
    act: async (page) => {
      await page.getByRole('button', { name: en.cases.answer.send }).waitFor();
      await waitForConversation(page);
    },
  },
  {
    name: 'notifications: the list',
    as: 'rightholder',
    path: async (api) => (await api.data(), '/notifications'),
    act: async (page) => {
      await page.locator('main a[href^="/cases/"]').first().waitFor();
    },
    // Days as the reader's language writes them (not 2026-12-07).
    inLanguage: async (page) => {
      expect(await page.locator('main').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    },
  },
  { name: 'notifications: preferences', as: 'rightholder', path: '/notifications/preferences' },
  { name: 'notifications: webhooks', as: 'rightholder', path: '/notifications/webhooks' },
  {
    name: 'admin: an administration’s own page (case settings)',
    as: 'customs-admin',
    path: '/admin',
    act: async (page) => {
      await page.getByLabel(en.admin.caseSettings.days).waitFor();
    },
  },
  {
    name: 'portal: a risk alert with a picture',
    as: 'rightholder',
    path: async (api) => `/portal/alerts/${(await api.data()).alertId}`,
    act: async (page) => {
      await page.getByRole('img', { name: fill(en.portal.photos.photoAlt, { number: 1 }) }).waitFor();
    },
  },
  {
    name: 'identify: the officer’s home with a risk alert’s picture',
    as: 'officer',
    path: async (api) => (await api.data(), '/'),
    act: async (page) => {
      await page
        .getByTestId('risk-alerts')
        .getByRole('button', { name: new RegExp(`^${fill(en.alerts.picture, { number: 1, title: '.+' })}`) })
        .waitFor();
    },
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
      viewport: { width: 360, height: 800 },
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

  let demoData: Promise<CaseScreensData> | undefined;

  const api = (context: BrowserContext): ApiHelpers => ({
    data: async () =>
      (demoData ??= makeCaseScreensData(
        server!.baseUrl,
        (await contextFor('officer')).request,
        (await contextFor('rightholder')).request,
      )),
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

      expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
      // The detector sees the English interface before the switch (so its silence after means something).
      expect((await englishLeft(page, 'fr')).length).toBeGreaterThan(0);

      expect(await overflow(page)).toEqual([]);

      for (const lang of ['fr', 'es'] as const) {
        await page.locator('.language select').selectOption(lang);
        await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
        await expect.poll(() => englishLeft(page, lang), { timeout: 10_000 }).toEqual([]);
        await screen.inLanguage?.(page, lang);
        expect(await overflow(page)).toEqual([]);
      }
      expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
