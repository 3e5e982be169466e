import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { fill, messagesOf } from './support/messages';
import { startServer, type RunningServer } from './support/server';
import { signedInPhone } from './support/sign-in';

const en = messagesOf('en');
const c = en.cases;
const f = c.filters;

describe('the administration’s focal point filters its country’s cases on a phone', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Three cases of the French administration, made through the API by its officer. */
  async function threeCases(): Promise<Record<'havre' | 'roissy' | 'marseille', string>> {
    const officer = await signedInPhone(browser!, server!.baseUrl, 'officer@demo.test');
    const get = async (path: string) => (await officer.request.get(`${server!.baseUrl}${path}`)).json();
    const aurora = (await get('/api/v1/products?q=Aurora')).items[0].id as string;
    const sprintex = ((await get('/api/v1/brands?limit=100')).items as { id: string; name: string }[]).find(
      (b) => b.name === 'Sprintex',
    )!.id;
    const open = async (shipment: Record<string, string>, line: Record<string, unknown>, submit: boolean) => {
      const created = await officer.request.post(`${server!.baseUrl}/api/v1/cases`, {
        data: { ...shipment, lines: [{ ...line, quantity: 12 }] },
      });
      expect(created.status()).toBe(201);
      const kase = (await created.json()) as { id: string; reference: string };
      if (submit)
        expect((await officer.request.post(`${server!.baseUrl}/api/v1/cases/${kase.id}/submit`)).status()).toBe(200);
      return kase.reference;
    };
    const references = {
      havre: await open(
        { transportMode: 'sea', originCountry: 'CN', portOrOffice: 'Le Havre' },
        { productId: aurora },
        true,
      ),
      roissy: await open(
        { transportMode: 'air', originCountry: 'TR', portOrOffice: 'Roissy CDG' },
        { brandId: sprintex, description: 'Running shoes' },
        true,
      ),
      marseille: await open(
        { transportMode: 'sea', originCountry: 'VN', portOrOffice: 'Marseille' },
        { brandId: sprintex, description: 'Jerseys' },
        false,
      ),
    };
    await officer.context().close();
    return references;
  }

  /** The references listed, once the list shows `expected` (a list loads after its address changes). */
  const expectShown = (page: Page, expected: string[]) =>
    expect
      .poll(async () => (await page.locator('.case-list h2').allTextContents()).sort(), { timeout: 10_000 })
      .toEqual([...expected].sort());

  it('by transport mode and right holder, by port, with Back and a reload keeping them; dates the wrong way round are refused', async () => {
    const refs = await threeCases();
    const admin = await signedInPhone(browser!, server!.baseUrl, 'customs-admin@demo.test');
    await admin.getByRole('navigation').getByRole('link', { name: en.app.nav.cases }).click();
    await admin.getByRole('heading', { level: 1, name: c.title }).waitFor();
    await expectShown(admin, Object.values(refs));

    // On a phone the filters start folded behind one button.
    const toggle = admin.getByRole('button', { name: new RegExp(`^${f.toggle}`) });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await admin.getByLabel(f.transportMode).isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    // The right holders offered are those of the country's cases, with how many cases each.
    await admin.getByLabel(f.transportMode).selectOption({ label: c.transport.sea });
    await admin
      .getByLabel(f.rightHolder)
      .selectOption({ label: fill(f.withCount, { name: 'Rapid Sports GmbH', count: 2 }) });
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: f.apply }).click();
    await admin.waitForURL(/\/cases\?transportMode=sea&rightHolderId=[0-9a-f-]{36}$/);
    await admin
      .getByRole('status')
      .filter({ hasText: fill(c.count_one, { count: 1 }) })
      .waitFor();
    await expectShown(admin, [refs.marseille]);
    await toggle.filter({ hasText: fill(f.active_other, { count: 2 }) }).waitFor();

    // A reload keeps them: the same list, the same choices in the form.
    await admin.reload();
    await admin.getByRole('heading', { level: 1, name: c.title }).waitFor();
    await expectShown(admin, [refs.marseille]);
    const again = admin.getByRole('button', { name: new RegExp(`^${f.toggle}`) });
    await again.filter({ hasText: fill(f.active_other, { count: 2 }) }).waitFor();
    await again.click();
    expect(await admin.getByLabel(f.transportMode).inputValue()).toBe('sea');

    // Clear, then the port's first letters in any case.
    await admin.getByRole('button', { name: f.clear }).click();
    await admin.waitForURL(/\/cases$/);
    await expectShown(admin, Object.values(refs));
    await admin.getByLabel(f.portOrOffice).fill('le hav');
    await admin.getByLabel(f.sort).selectOption({ label: f.sortDeadline });
    await admin.getByRole('button', { name: f.apply }).click();
    await admin.waitForURL(/\/cases\?portOrOffice=le\+hav&sort=deadline$/);
    await expectShown(admin, [refs.havre]);

    // Back: the previous filters; Forward: the port again.
    await admin.goBack();
    await admin.waitForURL(/\/cases$/);
    await expectShown(admin, Object.values(refs));
    await admin.goForward();
    await admin.waitForURL(/portOrOffice=le\+hav/);
    await expectShown(admin, [refs.havre]);

    // Days the wrong way round: said at the field, nothing sent.
    const form = admin.getByRole('form', { name: f.label });
    if (!(await form.isVisible())) await admin.getByRole('button', { name: new RegExp(`^${f.toggle}`) }).click();
    await admin.getByLabel(f.from).fill('2026-03-10');
    await admin.getByLabel(f.to).fill('2026-03-01');
    await admin.getByRole('button', { name: f.apply }).click();
    await admin.getByText(en.errors.CASE_FILTER_DATES_INVALID).waitFor();
    expect(await admin.getByLabel(f.to).getAttribute('aria-invalid')).toBe('true');
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('to');
    expect(admin.url()).not.toMatch(/from=/);
    expect(await axeViolations(admin)).toEqual([]);

    // A whole day both ends: today's cases are in.
    const today = new Date().toISOString().slice(0, 10);
    await admin.getByLabel(f.to).fill(today);
    await admin.getByLabel(f.from).fill(today);
    await admin.getByRole('button', { name: f.apply }).click();
    await admin.waitForURL(new RegExp(`from=${today}&to=${today}`));
    await expectShown(admin, [refs.havre]);

    // The open form in French and Spanish: translated, no wider than the phone, no axe violation (best practices too).
    for (const lang of ['fr', 'es'] as const) {
      await admin.locator('.language select').selectOption(lang);
      await admin.getByRole('button', { name: messagesOf(lang).cases.filters.apply }).waitFor();
      await admin.getByLabel(messagesOf(lang).cases.filters.portOrOffice).waitFor();
      expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
    expect(await axeViolations(admin, { bestPractice: true })).toEqual([]);
    await admin.context().close();
  });
});
