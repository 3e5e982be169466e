import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { fill, messagesOf } from './support/messages';
import { startServer, type RunningServer } from './support/server';
import { signedInPhone } from './support/sign-in';

const en = messagesOf('en');
const alertTitle = 'Counterfeit Aurora chronographs expected by sea'; // the demo's alert
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('an administration sets its answer deadline; an officer moves one case’s deadline and shares it; alert pictures', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = (email: string): Promise<Page> => signedInPhone(browser!, server!.baseUrl, email);

  it('the French admin gives right holders 5 working days; the officer’s submitted case says so, its deadline moves with a reason, Spain is invited and reads it', async () => {
    const admin = await signedIn('customs-admin@demo.test');
    await admin.getByRole('navigation').getByRole('link', { name: en.app.nav.admin }).click();
    await admin.getByRole('heading', { level: 2, name: en.admin.caseSettings.title }).waitFor();
    const days = admin.getByLabel(en.admin.caseSettings.days);
    expect(await days.inputValue()).toBe('10');
    await days.fill('5');
    await admin.getByRole('button', { name: en.admin.caseSettings.save }).click();
    await admin.getByText(fill(en.admin.caseSettings.saved_other, { count: 5 })).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await admin.context().close();

    // The officer opens and submits a case about the demo watch (the API, as the new-case flow's own journey is elsewhere).
    const officer = await signedIn('officer@demo.test');
    const products = await officer.request.get(`${server!.baseUrl}/api/v1/products?q=Aurora`);
    const productId = (await products.json()).items[0].id as string;
    const created = await officer.request.post(`${server!.baseUrl}/api/v1/cases`, {
      data: { lines: [{ productId, quantity: 40 }] },
    });
    const caseId = (await created.json()).id as string;
    expect((await officer.request.post(`${server!.baseUrl}/api/v1/cases/${caseId}/submit`)).status()).toBe(200);

    await officer.goto(`${server!.baseUrl}/cases/${caseId}`);
    const timeline = officer.getByRole('region', { name: en.cases.timeline });
    await timeline.getByText('(5 working days)', { exact: false }).waitFor();

    await officer.getByRole('button', { name: en.cases.deadline.open }).click();
    await officer.getByLabel(en.cases.deadline.day).fill(inDays(-2));
    await officer.getByLabel(en.cases.deadline.reason).fill('The right holder asked for a week more');
    await officer.getByRole('button', { name: en.cases.deadline.confirm }).click();
    await officer.getByRole('alert').getByText(en.errors.DEADLINE_IN_PAST).waitFor();
    await officer.getByRole('button', { name: en.cases.share.open }).click();
    await officer.getByLabel(en.cases.share.administration, { exact: true }).locator('option').nth(1).waitFor({
      state: 'attached',
    });
    expect(await axeViolations(officer)).toEqual([]); // both forms open, one with an error
    await officer.getByLabel(en.cases.deadline.day).fill(inDays(21));
    await officer.getByRole('button', { name: en.cases.deadline.confirm }).click();
    await officer.getByText(en.cases.deadline.done).waitFor();
    await timeline.getByText(en.cases.event.deadline).waitFor();
    await timeline.getByText('The right holder asked for a week more', { exact: false }).waitFor();

    await officer.getByLabel(en.cases.share.filter).fill('Spain');
    const choice = officer.getByLabel(en.cases.share.administration, { exact: true });
    await choice.selectOption({ label: 'Agencia Tributaria – Aduanas (ES)' });
    await officer.getByRole('button', { name: en.cases.share.confirm }).click();
    await officer.getByText(en.cases.share.done).waitFor();
    await timeline
      .getByText(fill(en.cases.sharedWith, { organisation: 'Agencia Tributaria – Aduanas (ES)', country: 'Spain' }))
      .waitFor();
    await officer.context().close();

    const spain = await signedIn('officer-es@demo.test');
    await spain.goto(`${server!.baseUrl}/cases/${caseId}`);
    await spain.getByRole('heading', { level: 1, name: /FR-\d{4}-\d{6}/ }).waitFor();
    // A sharing administration reads the case but may not move its deadline.
    expect(await spain.getByRole('button', { name: en.cases.deadline.open }).count()).toBe(0);
    await spain.context().close();
  });

  it('the right holder adds a picture to its alert; an officer sees its thumbnail on the home screen and opens it', async () => {
    const rh = await signedIn('rightholder@demo.test');
    await rh.goto(`${server!.baseUrl}/portal/alerts`);
    await rh.getByRole('link', { name: alertTitle }).click();
    await rh.getByRole('heading', { level: 2, name: en.portal.alerts.pictures }).waitFor();
    const picture = await sharp({
      create: { width: 640, height: 480, channels: 3, background: { r: 180, g: 40, b: 40 } },
    })
      .jpeg()
      .toBuffer();
    await rh.getByTestId('photo-input').setInputFiles({ name: 'seized.jpg', mimeType: 'image/jpeg', buffer: picture });
    await rh.getByRole('img', { name: fill(en.portal.photos.photoAlt, { number: 1 }) }).waitFor();
    expect(await axeViolations(rh)).toEqual([]);
    await rh.context().close();

    const officer = await signedIn('officer@demo.test');
    const alerts = officer.getByTestId('risk-alerts');
    const label = fill(en.alerts.picture, { number: 1, title: alertTitle });
    await alerts.getByRole('button', { name: label }).click();
    const zoom = officer.getByRole('dialog', { name: label });
    await zoom.waitFor();
    expect(await axeViolations(officer)).toEqual([]);
    // The picture at full size loads (the alert's own route lets the officer read it).
    const width = await zoom.getByRole('img').evaluate(
      (img: HTMLImageElement) =>
        new Promise<number>((resolve) => {
          if (img.complete) resolve(img.naturalWidth);
          img.onload = img.onerror = () => resolve(img.naturalWidth);
        }),
    );
    expect(width).toBe(640);
    await zoom.getByRole('button', { name: en.sheet.photos.close }).click();
    await zoom.waitFor({ state: 'hidden' });
    await officer.context().close();
  });
});
