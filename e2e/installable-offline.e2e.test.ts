import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { messagesOf } from './support/messages';
import { startServer, type RunningServer } from './support/server';

const en = messagesOf('en');
const builtFiles = readdirSync(new URL('../apps/web/dist/assets/', import.meta.url)).map((name) => `/assets/${name}`);
/** The build's files; their .br and .gz copies are how the server sends them, never URLs of their own. */
const compressedCopy = /\.(br|gz)$/;
const builtAssets = builtFiles.filter((path) => !compressedCopy.test(path));

describe('the app installs on a phone and opens offline', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves a web app manifest whose icons exist', async () => {
    const base = server!.baseUrl;
    const page = await (await browser!.newContext()).newPage();
    await page.goto(base);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const response = await fetch(new URL(href!, base));
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
    // Installable in Chromium: a 192 px and a 512 px icon, and a maskable one for Android.
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const file = await fetch(new URL(icon.src, base));
      expect(file.status, icon.src).toBe(200);
      expect(file.headers.get('content-type'), icon.src).toMatch(/^image\//);
    }
  });

  it('precaches every file of the build, then opens with the server gone', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    await page.goto(server!.baseUrl);
    await page.getByRole('heading', { name: en.auth.title }).waitFor();
    const cached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('verity-'))!);
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    });
    // Every chunk (each screen, each language) and the barcode decoder's .wasm, and the page.
    expect(cached).toEqual(expect.arrayContaining(['/', '/manifest.webmanifest', ...builtAssets]));
    expect(cached.filter((path) => compressedCopy.test(path))).toEqual([]);
    expect(builtFiles.length).toBeGreaterThan(builtAssets.length); // the copies exist, and are not precached

    await server!.stop();
    server = undefined;
    await page.reload();
    await page.getByText(en.app.name, { exact: true }).waitFor();
    await page.getByTestId('offline').filter({ hasText: en.auth.offline }).waitFor();
    await context.close();
  });
});
