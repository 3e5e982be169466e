import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import {
  writeBarcodePhoto,
  writeBarcodeVideo,
  writePhotoWithoutCode,
  writeVideoWithoutCode,
  type Barcode,
} from './support/barcode-video';
import { launchChromium } from './support/browser';
import { messagesOf } from './support/messages';
import { startServer, type RunningServer } from './support/server';

// The demo catalog's 'Aurora Chronograph 42 mm' (apps/server/src/demo/demo-data.ts): GTIN-13 3790000000014.
const productName = { en: 'Aurora Chronograph 42 mm', fr: 'Chronographe Aurora 42 mm' };
const GS = '\u001d';
const gs1DataMatrix: Barcode = { bcid: 'gs1datamatrix', text: '(01)03790000000014(10)ABC123(17)271231', scale: 5 };
const ean13: Barcode = { bcid: 'ean13', text: '3790000000014', scale: 4 };
// A valid GTIN no product in the demo catalog has.
const unknownEan13: Barcode = { bcid: 'ean13', text: '4006381333931', scale: 4 };

const en = messagesOf('en');
const fr = messagesOf('fr');

/** A camera that is allowed and plays `video` (MJPEG) in a loop. */
const fakeCamera = (video: string) => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${video}`,
];

describe('an officer scans a barcode and lands on the product sheet', () => {
  let server: RunningServer | undefined;
  let fixtures: string;
  let productId: string;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    fixtures = mkdtempSync(join(tmpdir(), 'verity-scan-'));
    const made = Promise.all([
      writeBarcodeVideo(join(fixtures, 'gs1-datamatrix.mjpeg'), gs1DataMatrix),
      writeBarcodeVideo(join(fixtures, 'ean13.mjpeg'), ean13),
      // A gallery photo at 45°: zxing reads a linear code up to about 35°, so this needs the scanner's own turns.
      writeBarcodePhoto(join(fixtures, 'ean13-photo.png'), ean13, { degrees: 45 }),
      writePhotoWithoutCode(join(fixtures, 'no-code.png')),
      writeBarcodePhoto(join(fixtures, 'unknown-ean13.png'), unknownEan13, { degrees: -20 }),
      writeVideoWithoutCode(join(fixtures, 'no-code.mjpeg'), { frames: 2 }),
    ]);
    server = await startServer();
    await made;
    // The product's id, as the API gives it to an officer.
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'officer@demo.test', password: 'verity-demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const identified = await fetch(`${server.baseUrl}/api/v1/identify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ input: '3790000000014' }),
    });
    const answer = (await identified.json()) as { products: { id: string; name: string }[] };
    expect(answer.products).toHaveLength(1); // named in the officer's language, French
    productId = answer.products[0]!.id;
  });

  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    await server?.stop();
    if (fixtures) rmSync(fixtures, { recursive: true, force: true });
  });

  /** Every request the pages, workers and service worker make, and the problems they report. */
  interface Session {
    context: BrowserContext;
    page: Page;
    requests: { url: string; byServiceWorker: boolean }[];
    problems: string[];
  }

  async function signedIn(
    args: string[],
    language: 'en' | 'fr',
    options: BrowserContextOptions = {},
  ): Promise<Session> {
    const browser = await launchChromium(args);
    browsers.push(browser);
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 800, height: 600 }, ...options });
    const requests: Session['requests'] = [];
    const problems: string[] = [];
    context.on('request', (request) =>
      requests.push({ url: request.url(), byServiceWorker: !!request.serviceWorker() }),
    );
    // Records the camera's tracks as the browser hands them out, to check they are all stopped.
    await context.addInitScript(() => {
      const devices = navigator.mediaDevices;
      const open = devices.getUserMedia.bind(devices);
      const tracks: MediaStreamTrack[] = [];
      Object.assign(window, { cameraTracks: tracks });
      devices.getUserMedia = async (constraints) => {
        const stream = await open(constraints);
        tracks.push(...stream.getTracks());
        return stream;
      };
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text());
    });
    await page.goto(`${server!.baseUrl}/`);
    // English chosen on this device; otherwise the officer's profile language applies (French).
    if (language === 'en') await page.evaluate(() => localStorage.setItem('verity.language', 'en'));
    await page.getByLabel(en.auth.email).fill('officer@demo.test');
    await page.getByLabel(en.auth.password).fill('verity-demo');
    await page.getByRole('button', { name: en.auth.submit }).click();
    const messages = language === 'en' ? en : fr;
    await page.getByLabel(messages.identify.label).waitFor();
    return { context, page, requests, problems };
  }

  const cameraTrackStates = (page: Page) =>
    page.evaluate(() =>
      (window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks.map((t) => t.readyState),
    );

  /**
   * Nothing from another origin (no CDN), and — when zxing decodes (Linux Chromium has no
   * BarcodeDetector) — the decoder's .wasm fetched from ours by the scanner itself, not only
   * precached by the service worker.
   */
  async function expectOwnOriginOnly({ page, requests }: Session) {
    const origin = new URL(server!.baseUrl).origin;
    const web = requests.filter(({ url }) => /^https?:/.test(url));
    expect(web.filter(({ url }) => new URL(url).origin !== origin)).toEqual([]);
    const native = await page.evaluate(() => 'BarcodeDetector' in window);
    const wasm = (url: string) => url.startsWith(`${origin}/assets/zxing_reader-`) && url.endsWith('.wasm');
    if (!native) expect(web.some(({ url, byServiceWorker }) => wasm(url) && !byServiceWorker)).toBe(true);
  }

  /** Presses Scan (English) and expects the demo product's sheet, the camera off. */
  async function scan(session: Session) {
    const { page } = session;
    await page.getByRole('button', { name: en.scan.button }).click();
    // No waiting for the dialog itself: a DataMatrix may be read and the dialog gone within a frame.
    const dialog = page.getByRole('dialog', { name: en.scan.title });
    await page
      .waitForURL(`${server!.baseUrl}/products/${productId}`, { timeout: 30_000 })
      .catch(async (error: unknown) => {
        // What the officer would have seen instead: the scanner's status, or the identify screen's answer.
        throw new Error(`${String(error)}\nOn ${page.url()}:\n${await page.locator('main').innerText()}`);
      });
    await page.getByRole('heading', { level: 1, name: productName.en }).waitFor();
    expect(await dialog.count()).toBe(0);
    const tracks = await cameraTrackStates(page);
    expect(tracks.length).toBeGreaterThan(0);
    expect(tracks.every((state) => state === 'ended')).toBe(true);
  }

  it('reads a tilted, blurred GS1 DataMatrix from the camera, with its batch and expiry', async () => {
    const session = await signedIn(fakeCamera(join(fixtures, 'gs1-datamatrix.mjpeg')), 'en');
    const { page } = session;
    await scan(session);

    // Back returns to the answer: the code, as read, kept in the address with its separators.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.has('code'));
    expect(new URL(page.url()).searchParams.get('code')).toBe(`]d2010379000000001410ABC123${GS}17271231`);
    await page.getByText(en.identify.parsed.kinds.gs1).waitFor();
    const batch = page.getByRole('row').filter({ hasText: 'ABC123' });
    expect(await batch.textContent()).toMatch(/\(10\).*ABC123/);
    expect(await page.getByRole('row').filter({ hasText: '271231' }).textContent()).toMatch(/\(17\)/);

    await expectOwnOriginOnly(session);
    expect(session.problems).toEqual([]);
  });

  it('reads a tilted, blurred EAN-13 from the camera', async () => {
    const session = await signedIn(fakeCamera(join(fixtures, 'ean13.mjpeg')), 'en');
    await scan(session);
    expect(new URL(session.page.url()).pathname).toBe(`/products/${productId}`);
    await expectOwnOriginOnly(session);
    expect(session.problems).toEqual([]);
  });

  it('offers a photo from the gallery when the camera is refused; says when a photo has no code or a code not in the catalog', async () => {
    // No fake UI: the browser asks for the camera, and headless Chromium refuses.
    const session = await signedIn(['--use-fake-device-for-media-stream'], 'fr');
    const { page } = session;
    await page.getByRole('button', { name: fr.scan.button }).click();
    const dialog = page.getByRole('dialog', { name: fr.scan.title });
    await dialog.getByRole('status').filter({ hasText: fr.scan.camera.notAllowed }).waitFor();

    const choose = async (file: string) => {
      const chooser = page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: fr.scan.choosePhoto }).click();
      await (await chooser).setFiles(join(fixtures, file));
    };
    await choose('no-code.png');
    await dialog.getByRole('status').filter({ hasText: fr.scan.photo.noCode }).waitFor();

    // A code read but in no product: the scanner closes on the identify screen's answer.
    await choose('unknown-ean13.png');
    await page.getByTestId('not-in-catalog').filter({ hasText: fr.identify.products.notInCatalog }).waitFor();
    expect(await page.getByLabel(fr.identify.label).inputValue()).toBe('4006381333931');
    expect(await dialog.count()).toBe(0);

    await page.getByRole('button', { name: fr.scan.button }).click();
    await choose('ean13-photo.png');
    await page.waitForURL(`${server!.baseUrl}/products/${productId}`);
    await page.getByRole('heading', { level: 1, name: productName.fr }).waitFor();
    await expectOwnOriginOnly(session);
    // Chromium logs the refused camera as an error of its own; nothing else may appear.
    expect(session.problems.filter((p) => !/Permission/i.test(p))).toEqual([]);
  });

  it("shows the decoder's failure when its .wasm cannot be fetched, instead of scanning forever", async () => {
    // No service worker (it would serve the precached copy); the .wasm request fails.
    const session = await signedIn(fakeCamera(join(fixtures, 'ean13.mjpeg')), 'en', { serviceWorkers: 'block' });
    const { page, context } = session;
    await context.route('**/*.wasm', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: en.scan.button }).click();
    const alert = page.getByRole('dialog', { name: en.scan.title }).getByRole('alert');
    await alert.filter({ hasText: en.scan.decoderFailed }).waitFor();
    expect(await alert.textContent()).toContain(en.scan.errorDetail.replace('{{detail}}', '').trim());
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('gives the camera up while the page is hidden, takes it back on return, and closes with Escape', async () => {
    const session = await signedIn(fakeCamera(join(fixtures, 'no-code.mjpeg')), 'en');
    const { page } = session;
    const scanButton = page.getByRole('button', { name: en.scan.button });
    await scanButton.click();
    const dialog = page.getByRole('dialog', { name: en.scan.title });
    const scanning = dialog.getByRole('status').filter({ hasText: en.scan.status.scanning });
    await scanning.waitFor();
    expect(
      await dialog.getByRole('button', { name: en.scan.close }).evaluate((b) => b === document.activeElement),
    ).toBe(true);

    // The browser hides the page (another app, the screen locked): every track is stopped.
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    await page.waitForFunction(() =>
      (window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks.every((t) => t.readyState === 'ended'),
    );
    await setVisibility('visible');
    await scanning.waitFor();
    expect(await cameraTrackStates(page)).toContain('live');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await scanButton.evaluate((b) => b === document.activeElement)).toBe(true);
    expect((await cameraTrackStates(page)).every((state) => state === 'ended')).toBe(true);
    expect(session.problems).toEqual([]);
  });
});
