import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { fill, messagesOf } from './support/messages';
import { openDemoCase } from './support/cases-api';
import { startServer, type RunningServer } from './support/server';
import { signedInPhone } from './support/sign-in';

const en = messagesOf('en');
const n = en.notifications;

describe('notifications: the bell in real time, the list, preferences, webhooks', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The officer opens and submits a case with a product of the demo right holder (through the API). */
  const submitCase = async (officer: Page) => {
    const opened = await openDemoCase(officer);
    return { ...opened, responseDeadline: opened.responseDeadline! };
  };

  it('a right holder on a phone is told at once, reads it, opens the case, and chooses what it receives', async () => {
    const rightHolder = await signedInPhone(browser!, server!.baseUrl, 'rightholder@demo.test');
    const officer = await signedInPhone(browser!, server!.baseUrl, 'officer@demo.test');
    const bell = rightHolder.getByRole('link', { name: /^Notifications/ });
    await bell.waitFor();
    const before = await rightHolder.evaluate(async () => {
      const response = await fetch('/api/v1/notifications', { headers: { accept: 'application/json' } });
      return ((await response.json()) as { unread: number }).unread;
    });

    const c = await submitCase(officer);
    // Live: the bell's count and a polite announcement, with no reload.
    await rightHolder
      .getByRole('link', { name: fill(n.bell.unread_other, { count: before + 1 }) })
      .or(rightHolder.getByRole('link', { name: fill(n.bell.unread_one, { count: before + 1 }) }))
      .waitFor();
    const deadline = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${c.responseDeadline}T00:00:00Z`),
    );
    const announced = fill(n.events.case_submitted, { reference: c.reference, deadline });
    await rightHolder.getByRole('status').filter({ hasText: announced }).waitFor();

    await bell.click();
    await rightHolder.getByRole('heading', { level: 1, name: n.title }).waitFor();
    expect(await axeViolations(rightHolder)).toEqual([]);
    await rightHolder.getByRole('link', { name: announced }).click();
    await rightHolder.waitForURL(new RegExp(`/cases/${c.id}$`));
    await rightHolder.goBack();
    await rightHolder.getByRole('button', { name: n.markAllRead }).click();
    await rightHolder.getByRole('link', { name: n.bell.none, exact: true }).waitFor();

    // Preferences: a table of events × channels; a choice survives a reload.
    await rightHolder.getByRole('link', { name: n.preferencesLink }).click();
    await rightHolder.getByRole('table', { name: n.preferences.caption }).waitFor();
    const emailOnSubmit = rightHolder.getByRole('checkbox', {
      name: `${n.eventNames.case_submitted}: ${n.channels.email}`,
    });
    expect(await emailOnSubmit.isChecked()).toBe(true);
    await emailOnSubmit.uncheck();
    await rightHolder.getByRole('button', { name: n.preferences.save }).click();
    await rightHolder.getByRole('status').filter({ hasText: n.preferences.saved }).waitFor();
    await rightHolder.reload();
    await rightHolder.getByRole('table', { name: n.preferences.caption }).waitFor();
    expect(await emailOnSubmit.isChecked()).toBe(false);
    await rightHolder.getByRole('button', { name: n.push.enable }).waitFor();
    expect(await axeViolations(rightHolder)).toEqual([]);

    // Webhooks (the organisation's admin): the secret is shown once; then listed without it; deleted.
    await rightHolder.goto(`${server!.baseUrl}/notifications/webhooks`);
    await rightHolder.getByRole('heading', { level: 1, name: n.webhooks.title }).waitFor();
    await rightHolder.getByLabel(n.webhooks.url).fill('http://localhost:9/verity-hook');
    await rightHolder.getByRole('checkbox', { name: n.eventNames.case_submitted }).check();
    await rightHolder.getByRole('button', { name: n.webhooks.create }).click();
    const secret = rightHolder.getByRole('region', { name: n.webhooks.secretTitle });
    await secret.getByText(/^whsec_/).waitFor();
    expect(await axeViolations(rightHolder)).toEqual([]);
    await rightHolder.getByRole('button', { name: n.webhooks.secretDone }).click();
    await rightHolder.reload();
    await rightHolder.getByText('http://localhost:9/verity-hook', { exact: true }).waitFor();
    expect(await rightHolder.getByText(/^whsec_/).count()).toBe(0);
    rightHolder.once('dialog', (dialog) => void dialog.accept());
    await rightHolder.getByRole('button', { name: n.webhooks.delete }).click();
    await rightHolder
      .getByRole('status')
      .filter({ hasText: fill(n.webhooks.deleted, { url: 'http://localhost:9/verity-hook' }) })
      .waitFor();
    await rightHolder.getByText(n.webhooks.none).waitFor();

    // The officer is told of the right holder's answer in the list of its own notifications.
    await rightHolder.evaluate(async (id) => {
      await fetch(`/api/v1/cases/${id}/answer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ verdict: 'counterfeit', comment: null }),
      });
    }, c.id);
    await officer.goto(`${server!.baseUrl}/notifications`);
    await officer
      .getByRole('link', {
        name: fill(n.events.case_answered, { reference: c.reference, verdict: n.verdicts.counterfeit }),
      })
      .waitFor();
    await officer.context().close();
    await rightHolder.context().close();
  });
});
