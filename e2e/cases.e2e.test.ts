import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { fill, messagesOf } from './support/messages';
import { startServer, type RunningServer } from './support/server';
import { signedInPhone } from './support/sign-in';

const en = messagesOf('en');
const fr = messagesOf('fr');
const c = en.cases;

describe('a case: an officer opens it on a phone, the right holder answers, the officer decides', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A phone-sized page, signed in, in English. */
  async function signedIn(email: string): Promise<Page> {
    const page = await signedInPhone(browser!, server!.baseUrl, email);
    await page.getByRole('navigation').getByRole('link', { name: en.app.nav.cases }).waitFor();
    return page;
  }

  const saved = (page: Page) => page.getByRole('status').filter({ hasText: c.save.saved }).waitFor();

  it('goes from a draft to detained goods, each step on the timeline; another right holder never sees it', async () => {
    const officer = await signedIn('officer@demo.test');
    const productId = await officer.evaluate(async () => {
      const response = await fetch('/api/v1/identify', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ input: '3790000000014' }),
      });
      return ((await response.json()) as { products: { id: string }[] }).products[0]!.id;
    });

    const drafts = () =>
      officer.evaluate(async () => {
        const response = await fetch('/api/v1/cases?status=draft&limit=100', {
          headers: { accept: 'application/json' },
        });
        return ((await response.json()) as { items: unknown[] }).items.length;
      });
    const draftsBefore = await drafts();

    // The product sheet's "Open a case": a draft with one line of that product, at its own address.
    // The server's first answer is lost on the way: "Try again" sends the same Idempotency-Key,
    // so the phone gets the case the server already made, not a second one.
    let lost = false;
    await officer.route('**/api/v1/cases', async (route) => {
      if (lost || route.request().method() !== 'POST') return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await officer.goto(`${server!.baseUrl}/cases/new?product=${productId}`);
    await officer.getByRole('alert').filter({ hasText: en.errors.NETWORK_ERROR }).waitFor();
    await officer.getByRole('button', { name: c.retry }).click();
    await officer.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await officer.unrouteAll();
    expect(await drafts()).toBe(draftsBefore + 1);
    const caseUrl = officer.url();
    const title = officer.getByRole('heading', { level: 1, name: /^Case / });
    await title.waitFor();
    const reference = (await title.textContent())!.replace('Case ', '');
    expect(reference).toMatch(/^FR-\d{4}-\d+$/);
    await officer.getByText('Aurora Chronograph 42 mm', { exact: true }).waitFor();

    // Typed fields are saved on their own and survive a reload.
    await officer.getByLabel(c.field.declarationReference).fill('26FR000000E2E0001');
    await officer.getByLabel(c.field.originCountry).fill('cn');
    await officer.getByText('China').waitFor();
    await officer.getByLabel(c.field.assessment).fill('Dial misprinted, no serial number on the case back.');
    // Goods that bear the brand but match no product of the catalog: the brand only, described.
    await officer.getByRole('button', { name: c.line.add }).click();
    await officer.getByLabel(c.line.find).fill('Aurora');
    await officer.getByRole('button', { name: c.line.findButton }).click();
    await officer.getByRole('button', { name: fill(c.line.chooseBrand, { brand: 'Aurora' }) }).click();
    const line2 = officer.getByRole('group', { name: fill(c.line.legend, { position: 2 }) });
    await line2.getByLabel(c.line.description).fill('Watch straps with the logo');
    await line2.getByLabel(c.line.quantity).fill('12');
    await line2.getByLabel(c.line.unit).selectOption('pairs');
    await saved(officer);
    await officer.reload();
    await officer.getByText(fill(c.line.brandOnly, { brand: 'Aurora' })).waitFor();
    await officer.getByLabel(c.field.declarationReference).waitFor();
    expect(await officer.getByLabel(c.field.declarationReference).inputValue()).toBe('26FR000000E2E0001');
    expect(await officer.getByLabel(c.field.originCountry).inputValue()).toBe('CN');
    expect(await officer.getByLabel(c.field.assessment).inputValue()).toContain('Dial misprinted');
    expect(await axeViolations(officer)).toEqual([]);

    await officer.getByRole('button', { name: c.submit }).click();
    await officer.getByRole('status').filter({ hasText: c.submitted }).waitFor();
    await officer.getByText(c.status.submitted, { exact: true }).waitFor();

    // The right holder finds it in its inbox and answers.
    const rightHolder = await signedIn('rightholder@demo.test');
    await rightHolder.getByRole('navigation').getByRole('link', { name: en.app.nav.cases }).click();
    await rightHolder.getByRole('heading', { level: 1, name: c.inboxTitle }).waitFor();
    await rightHolder.getByRole('link', { name: reference }).click();
    await rightHolder.getByRole('heading', { name: c.answer.title }).waitFor();
    expect(await axeViolations(rightHolder)).toEqual([]);
    await rightHolder.getByRole('radio', { name: c.verdict.counterfeit }).check();
    await rightHolder.getByLabel(c.answer.comment).fill('Our chronographs have a serial number engraved.');
    await rightHolder.getByRole('button', { name: c.answer.send }).click();
    await rightHolder.getByRole('status').filter({ hasText: c.answer.sent }).waitFor();
    await rightHolder.getByText(c.status.answered, { exact: true }).first().waitFor();
    // Its answer may still be changed: the form starts from it.
    await rightHolder.reload();
    await rightHolder.getByRole('radio', { name: c.verdict.counterfeit }).waitFor();
    expect(await rightHolder.getByRole('radio', { name: c.verdict.counterfeit }).isChecked()).toBe(true);
    await rightHolder.context().close();

    // The officer reads the answer and detains the goods, with the reason.
    await officer.reload();
    const answers = officer.getByRole('region', { name: c.answers });
    await answers.getByText('Our chronographs have a serial number engraved.').waitFor();
    await answers.getByText(c.verdict.counterfeit, { exact: true }).waitFor();
    await officer.getByRole('button', { name: c.decide.detained }).click();
    await officer.getByLabel(fill(c.decide.reason, { action: c.decide.detained })).fill('Counterfeit per right holder');
    await officer.getByRole('button', { name: fill(c.decide.confirm, { action: c.decide.detained }) }).click();
    await officer.getByRole('status').filter({ hasText: c.decide.done }).waitFor();
    const timeline = officer.getByRole('region', { name: c.timeline });
    for (const step of [
      c.event.created,
      fill(c.fromTo, { from: c.status.draft, to: c.status.submitted }),
      c.event.answer,
      fill(c.verdictGiven, { verdict: c.verdict.counterfeit }),
      fill(c.fromTo, { from: c.status.submitted, to: c.status.answered }),
      fill(c.fromTo, { from: c.status.answered, to: c.status.detained }),
      fill(c.reasonGiven, { reason: 'Counterfeit per right holder' }),
    ])
      await timeline.getByText(step).first().waitFor();
    expect(await timeline.getByRole('listitem').count()).toBe(5);
    await officer
      .getByRole('region', { name: c.goods })
      .getByText(fill(c.amount.pieces_one, { count: 1 }))
      .waitFor();
    await officer
      .getByRole('region', { name: c.goods })
      .getByText(fill(c.amount.pairs_other, { count: 12 }))
      .waitFor();
    expect(await axeViolations(officer)).toEqual([]);
    await officer.getByText(c.status.detained, { exact: true }).first().waitFor();
    await officer.getByRole('link', { name: c.backToList }).click();
    await officer.getByRole('heading', { level: 1, name: c.title }).waitFor();
    await officer.getByRole('listitem').filter({ hasText: reference }).getByText(c.status.detained).waitFor();
    expect(await axeViolations(officer)).toEqual([]);
    await officer.context().close();

    // The administration's admin: the country's cases, filtered in the URL.
    const admin = await signedIn('customs-admin@demo.test');
    await admin.getByRole('navigation').getByRole('link', { name: en.app.nav.cases }).click();
    await admin.getByRole('heading', { level: 1, name: c.title }).waitFor();
    await admin.getByRole('button', { name: new RegExp(`^${c.filters.toggle}`) }).click(); // folded on a phone
    await admin.getByLabel(c.filters.status).selectOption('detained');
    await admin.getByLabel(c.filters.country, { exact: true }).fill('fr');
    await admin.getByRole('button', { name: c.filters.apply }).click();
    await admin.waitForURL(/\/cases\?status=detained&country=FR$/);
    await admin.getByRole('link', { name: reference }).waitFor();
    await admin.getByLabel(c.filters.overdue).check();
    await admin.getByRole('button', { name: c.filters.apply }).click();
    await admin.getByText(c.none).waitFor();
    expect(admin.url()).toMatch(/overdue=true/);
    await admin.context().close();

    // Another right holder: not in its list, and its address is a not-found screen.
    const other = await signedIn('rightholder2@demo.test');
    await other.goto(`${server!.baseUrl}/cases?status=all`);
    await other.getByRole('heading', { level: 1, name: c.inboxTitle }).waitFor();
    await other.getByRole('status').filter({ hasText: /\d/ }).waitFor();
    expect(await other.getByRole('link', { name: reference }).count()).toBe(0);
    await other.goto(caseUrl);
    await other.getByRole('heading', { level: 1, name: c.notFound }).waitFor();
    // In French, the same screen.
    await other.getByLabel(en.app.language).selectOption('fr');
    await other.getByRole('heading', { level: 1, name: fr.cases.notFound }).waitFor();
    await other.getByRole('link', { name: fr.cases.backToList }).waitFor();
    await other.context().close();
  });
});
