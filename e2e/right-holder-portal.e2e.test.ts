import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { gtinCheckDigit } from '@verity/codes';
import { launchChromium } from './support/browser';
import { fill, messagesOf } from './support/messages';
import { startServer, type RunningServer } from './support/server';

const en = messagesOf('en');
const fr = messagesOf('fr');

/** A GTIN-13 no demo product has: a random body with its check digit, and the same with a wrong one. */
function freshGtin() {
  const body = `376${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  const check = gtinCheckDigit(body);
  return { good: `${body}${check}`, wrong: `${body}${(check + 1) % 10}` };
}

/** A small photo made here: a 64×64 PNG with a red square on white. */
function photo(): Buffer {
  const png = new PNG({ width: 64, height: 64 });
  for (let y = 0; y < 64; y++)
    for (let x = 0; x < 64; x++) {
      const i = (y * 64 + x) * 4;
      const inside = x > 16 && x < 48 && y > 16 && y < 48;
      png.data[i] = 255;
      png.data[i + 1] = inside ? 0 : 255;
      png.data[i + 2] = inside ? 0 : 255;
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
}

describe('a right holder maintains the catalog in the portal', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(email: string): Promise<Page> {
    const context = await browser!.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Chromium logs every 4xx; 401 is the expected answer to /auth/me before signing in.
      if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text());
    });
    await page.goto(`${server!.baseUrl}/`);
    await page.evaluate(() => localStorage.setItem('verity.language', 'en'));
    await page.getByLabel(en.auth.email).fill(email);
    await page.getByLabel(en.auth.password).fill('verity-demo');
    await page.getByRole('button', { name: en.auth.submit }).click();
    return page;
  }

  it('creates a product with a photo, publishes it, previews it, and an officer then finds it by its GTIN', async () => {
    const gtin = freshGtin();
    const name = `Nova Diver ${gtin.good.slice(-5)}`;
    const page = await signIn('rightholder@demo.test');

    // A right holder lands on their products.
    await page.waitForURL('**/portal/products');
    await page.getByRole('heading', { level: 1, name: en.portal.products.title }).waitFor();

    // The list: drafts too, a search, a brand filter kept in the address, which the Products link clears.
    const rows = page.locator('table tbody tr');
    await page.getByRole('link', { name: 'Lumina night cream (launch 2027)', exact: true }).waitFor(); // a draft
    await page.getByLabel(en.portal.products.search).fill('chronograph');
    await page.waitForURL(/q=chronograph/);
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    expect(await rows.first().textContent()).toContain('Aurora Chronograph 42 mm');
    expect(await rows.first().textContent()).toContain('03790000000014'); // its GTIN
    await page.getByLabel(en.portal.products.search).fill('');
    // The drafts alone.
    await page.getByLabel(en.portal.products.status).selectOption('draft');
    await page.waitForURL(/status=draft/);
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    expect(await rows.first().textContent()).toContain('Lumina night cream (launch 2027)');
    await page.getByLabel(en.portal.products.status).selectOption('');
    await page.getByLabel(en.portal.products.brand).selectOption({ label: 'Lumina' });
    await page.waitForURL(/brand=/);
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 2);
    await page.getByRole('navigation').getByRole('link', { name: en.app.nav.products }).click();
    await page.waitForURL(/\/portal\/products$/);
    expect(await page.getByLabel(en.portal.products.brand).inputValue()).toBe('');
    await page.getByRole('link', { name: 'Aurora Chronograph 42 mm', exact: true }).waitFor();

    await page.getByRole('link', { name: en.portal.products.new }).first().click();
    await page.getByRole('heading', { level: 1, name: en.portal.editor.newTitle }).waitFor();

    // Saving an empty form: a summary at the top takes the focus, and each field says why.
    await page.getByRole('button', { name: en.portal.editor.save, exact: true }).first().click();
    const summary = page
      .getByRole('alert')
      .filter({ hasText: fill(en.portal.editor.problemsTitle_other, { count: 2 }) });
    await summary.waitFor();
    expect(await summary.evaluate((box) => box === document.activeElement)).toBe(true);
    const brandError = await page.getByLabel(en.portal.editor.brand).getAttribute('aria-describedby');
    expect(await page.locator(`[id="${brandError}"]`).textContent()).toContain(en.portal.editor.problems.brand);

    await page.getByLabel(en.portal.editor.brand).selectOption({ label: 'Aurora' });
    const nameLabel = `${en.portal.editor.name} ${en.portal.editor.required}`;
    await page.getByRole('textbox', { name: nameLabel, exact: true }).fill(name);
    await page.getByLabel(en.portal.editor.category).fill('Watches');
    // Another language without a name is marked on its tab, in words.
    const frenchTab = page.getByRole('tab', { name: /Français|French/ });
    expect(await frenchTab.textContent()).toContain(en.portal.tabs.missing);
    // The tabs follow the arrow keys.
    await page.getByRole('tab', { name: /English/ }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await frenchTab.getAttribute('aria-selected')).toBe('true');
    expect(await frenchTab.evaluate((tab) => tab === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowLeft');

    // Leaving with unsaved changes asks first; declining keeps the work.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      }),
    );
    await page.getByRole('link', { name: en.portal.editor.backToList }).click();
    expect(await asked).toBe(en.portal.editor.confirmLeave);
    await page.getByRole('heading', { level: 1, name: en.portal.editor.newTitle }).waitFor();
    // The browser's Back button asks too; declining keeps the address and what was typed.
    const editorUrl = page.url();
    const askedAgain = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      }),
    );
    await page.goBack({ waitUntil: 'commit' });
    expect(await askedAgain).toBe(en.portal.editor.confirmLeave);
    await page.waitForURL(editorUrl);
    expect(await page.getByRole('textbox', { name: nameLabel, exact: true }).inputValue()).toBe(name);

    // The GTIN is checked as it is typed: a wrong check digit is refused, the right one normalised.
    await page.getByRole('button', { name: en.portal.identifiers.add }).click();
    const gtinBox = page.getByLabel(en.portal.identifiers.valueLabel.gtin);
    expect(await gtinBox.evaluate((box) => box === document.activeElement)).toBe(true); // the new row has the focus
    await gtinBox.fill(gtin.wrong);
    await page.getByText(en.codeErrors.GTIN_CHECK_DIGIT).waitFor();
    expect(await gtinBox.getAttribute('aria-invalid')).toBe('true');
    await gtinBox.fill(gtin.good);
    await page.getByText(fill(en.portal.identifiers.normalised, { gtin: `0${gtin.good}` })).waitFor();

    // A photo chosen before the first save waits for it, with its preview.
    const input = page.getByTestId('photo-input');
    await input.setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: photo() });
    await page.getByRole('img', { name: 'front.png' }).waitFor();
    await page.getByText(en.portal.photos.waiting).waitFor();

    // Saved as a draft: the address becomes the product's, and the waiting photo goes.
    await page.getByRole('button', { name: en.portal.editor.save, exact: true }).first().click();
    await page.getByText(en.portal.editor.saved, { exact: true }).waitFor();
    await page.waitForURL(/\/portal\/products\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: fill(en.portal.editor.editTitleNamed, { name }) }).waitFor();

    // Another photo, now that the product exists, goes at once. Both show their stored thumbnails.
    await input.setInputFiles({ name: 'dial.png', mimeType: 'image/png', buffer: photo() });
    for (const number of [1, 2]) {
      const alt = fill(en.portal.photos.photoAlt, { number });
      await page.getByRole('img', { name: alt, exact: true }).scrollIntoViewIfNeeded(); // thumbnails load lazily
      await page.waitForFunction((text) => {
        const img = [...document.images].find((i) => i.alt === text);
        return img !== undefined && img.complete && img.naturalWidth > 0 && img.src.includes('/api/v1/files/');
      }, alt);
    }
    expect(await page.getByText(en.portal.photos.waiting).count()).toBe(0);

    // Published, then previewed exactly as an officer sees it.
    await page.getByLabel(en.portal.editor.status).selectOption('published');
    await page.getByRole('button', { name: en.portal.editor.save, exact: true }).first().click();
    await page.getByText(en.portal.editor.saved, { exact: true }).waitFor();
    await page.getByRole('link', { name: en.portal.editor.preview }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText(en.portal.preview.notice).waitFor();
    await page.getByRole('heading', { name: en.sheet.photos.title }).waitFor();
    // As a French officer reads it (Lumière has an application for action in France); the page around it stays in English.
    const inForce = (messages: typeof en) => page.getByText(messages.sheet.application.inForceIn.split(' (')[0]);
    await inForce(en).waitFor();
    await page.getByLabel(en.portal.preview.language).selectOption('fr');
    await inForce(fr).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText(en.portal.preview.notice).waitFor();

    await page.getByRole('button', { name: en.auth.signOut }).click();
    await page.getByRole('heading', { name: en.auth.title }).waitFor();

    // An officer types the GTIN and finds the product, with its photo.
    const officer = await signIn('officer@demo.test');
    await officer.getByLabel(en.identify.label).fill(gtin.good);
    const match = officer.getByRole('listitem').filter({ has: officer.getByRole('heading', { name }) });
    await match.waitFor();
    await officer.waitForFunction((productName) => {
      const item = [...document.querySelectorAll('li')].find((li) => li.textContent?.includes(productName));
      const img = item?.querySelector('img');
      return !!img && img.complete && img.naturalWidth > 0;
    }, name);

    expect(problems).toEqual([]);
  });

  it('imports a CSV file and reports the row with a bad GTIN, by number, reference and reason', async () => {
    const good1 = freshGtin().good;
    const good2 = freshGtin().good;
    const bad = freshGtin().wrong;
    const csv = [
      'reference,brand,status,name_en,gtin',
      `IMP-1,Aurora,draft,Imported watch one,${good1}`,
      `IMP-2,Aurora,draft,Imported watch two,${bad}`,
      `IMP-3,Lumina,published,"Imported perfume, three",${good2}:case`,
    ].join('\n');
    const page = await signIn('rightholder@demo.test');
    await page.waitForURL('**/portal/products');
    await page.getByRole('link', { name: en.app.nav.import }).click();
    await page.getByRole('heading', { level: 1, name: en.portal.import.title }).waitFor();

    await page
      .getByTestId('import-input')
      .setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('products.csv').waitFor();
    await page.getByRole('button', { name: en.portal.import.start, exact: true }).click();

    await page.getByRole('heading', { name: en.portal.import.reportTitle }).waitFor();
    const bar = page.getByRole('progressbar', { name: en.portal.import.progress });
    expect(await bar.getAttribute('value')).toBe('1');
    expect(await page.getByTestId('import-percent').textContent()).toContain('100');

    const count = async (label: string) =>
      (await page.locator('.import-counts div').filter({ hasText: label }).locator('dd').textContent())?.trim();
    expect(await count(en.portal.import.created)).toBe('2');
    expect(await count(en.portal.import.failed)).toBe('1');

    const rows = page.getByRole('table', { name: en.portal.import.errorsTitle }).locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const cells = await rows.first().locator('th, td').allTextContents();
    expect(cells[0]).toBe('2');
    expect(cells[1]).toBe('IMP-2');
    expect(cells[2]).toContain(en.errors.IDENTIFIER_INVALID);

    // A larger file: the bar follows the rows the server has written, batch by batch. Every
    // value the bar takes is recorded as it changes (a MutationObserver), then checked.
    const many = ['reference,brand,name_en'];
    for (let i = 1; i <= 600; i++) many.push(`BULK-${i},Lumina,Bulk product ${i}`);
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-percent"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page
      .getByTestId('import-input')
      .setInputFiles({ name: 'bulk.csv', mimeType: 'text/csv', buffer: Buffer.from(many.join('\n')) });
    await page.getByRole('button', { name: en.portal.import.start, exact: true }).click();
    await page.getByText(en.portal.import.allImported).waitFor();
    expect(await count(en.portal.import.created)).toBe('600');
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    // Batches arrive every 250 rows (two may come in one network read): some value in between.
    const of600 = (done: string) =>
      seen.some((text) => text.includes(fill(en.portal.import.rowsDone, { done, total: '600' })));
    expect(of600('250') || of600('500')).toBe(true);
    expect(of600('600')).toBe(true);

    // A file whose header has a mistyped column is refused whole, naming the column.
    const misspelt = 'reference,brand,nme_en\nIMP-9,Aurora,Typo\n';
    await page
      .getByTestId('import-input')
      .setInputFiles({ name: 'typo.csv', mimeType: 'text/csv', buffer: Buffer.from(misspelt) });
    await page.getByRole('button', { name: en.portal.import.start, exact: true }).click();
    const refused = page.getByRole('alert').filter({ hasText: en.errors.IMPORT_HEADER_INVALID });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('nme_en');
    // Chromium logs that refusal (422) as a console error: it is the one expected here.
    const refusal = problems.findIndex((text) => /status of 422/.test(text));
    expect(refusal).toBeGreaterThanOrEqual(0);
    problems.splice(refusal, 1);

    expect(problems).toEqual([]);
  });
});
