import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { messagesOf } from './support/messages';
import { startServer, type RunningServer } from './support/server';
import { signedInPhone } from './support/sign-in';

const en = messagesOf('en');

describe('a right holder warns the customs of a country, whose officers then see the alert', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = (email: string): Promise<Page> =>
    signedInPhone(browser!, server!.baseUrl, email, { width: 390, height: 844 });

  it('publishes an alert about the diver watch to Spain; a Spanish officer sees it, a French one does not', async () => {
    const title = 'Fake Aurora Diver 300 in air freight';
    const rh = await signedIn('rightholder@demo.test');
    await rh.getByRole('navigation').getByRole('link', { name: en.app.nav.alerts }).click();
    await rh.getByRole('heading', { level: 1, name: en.portal.alerts.title }).waitFor();
    await rh.getByRole('link', { name: en.portal.alerts.new }).click();
    await rh.getByRole('heading', { level: 1, name: en.portal.alerts.newTitle }).waitFor();
    await rh.getByLabel(en.portal.alerts.alertTitle).fill(title);
    await rh.getByLabel(en.portal.alerts.description).fill('Unbranded boxes, dials without lume.');
    await rh.getByLabel(en.portal.alerts.countries).fill('ES');
    await rh.getByLabel(en.portal.alerts.origins).fill('TR');
    await rh.getByLabel(en.portal.alerts.route).fill('Air freight via Madrid-Barajas');
    await rh.getByRole('checkbox', { name: 'Aurora Diver 300' }).check();
    await rh.getByRole('button', { name: en.portal.alerts.publish }).click();
    await rh.getByRole('heading', { level: 1, name: en.portal.alerts.title }).waitFor();
    await rh.getByRole('link', { name: title }).waitFor();
    await rh.context().close();

    const es = await signedIn('officer-es@demo.test');
    const home = es.getByTestId('risk-alerts');
    await home.getByRole('heading', { name: title }).waitFor();
    expect(await home.textContent()).toContain('Air freight via Madrid-Barajas');
    await home.getByRole('link', { name: 'Aurora Diver 300' }).click();
    // On the product's sheet, the alert sits under its header.
    await es.getByRole('heading', { level: 1, name: /Aurora/ }).waitFor();
    await es.getByTestId('risk-alerts').getByRole('heading', { name: title }).waitFor();
    await es.context().close();

    const fr = await signedIn('officer@demo.test');
    await fr.getByLabel(en.identify.label).waitFor();
    await fr.getByTestId('risk-alerts').first().waitFor(); // the demo's alert for France
    expect(await fr.getByRole('heading', { name: title }).count()).toBe(0);
    await fr.context().close();
  });
});
