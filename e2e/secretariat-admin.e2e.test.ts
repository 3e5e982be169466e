import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { fill, messagesOf } from './support/messages';
import { startServer, type RunningServer } from './support/server';

const en = messagesOf('en');

describe('the secretariat admits an organisation and invites its first user', () => {
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

  /** A fresh browser profile (no cookies), in English; `phone`: 360 px wide, touch. */
  async function freshPage({ phone = false } = {}): Promise<Page> {
    const context = await browser!.newContext({
      locale: 'en-US',
      ...(phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {}),
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Chromium logs every 4xx; 401, 403 and 404 are answers this journey expects.
      if (message.type() === 'error' && !/status of 40[134]/.test(message.text())) problems.push(message.text());
    });
    return page;
  }

  async function signIn(page: Page, email: string, password: string) {
    await page.getByLabel(en.auth.email).fill(email);
    await page.getByLabel(en.auth.password).fill(password);
    await page.getByRole('button', { name: en.auth.submit }).click();
  }

  it('creates a right holder, invites an editor who sets a password, then deactivates them', async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const organisationName = `Maison Lumen ${suffix}`;
    const userName = `Inès Moreau ${suffix}`;
    const email = `ines.${suffix}@lumen.example`;
    const password = 'a long and private passphrase';

    // The secretariat lands on the organisations list.
    const admin = await freshPage();
    await admin.goto(`${server!.baseUrl}/`);
    await signIn(admin, 'admin@demo.test', 'verity-demo');
    await admin.waitForURL('**/admin');
    await admin.getByRole('heading', { level: 1, name: en.admin.title }).waitFor();

    // A new right holder: the country is optional for this kind.
    await admin.getByRole('button', { name: en.admin.newOrganisation }).click();
    const newOrganisation = admin.getByRole('region', { name: en.admin.newOrganisation });
    await newOrganisation.getByLabel(en.admin.kind).selectOption({ label: en.admin.kinds.right_holder });
    await newOrganisation.getByLabel(en.admin.name).fill(organisationName);
    await newOrganisation.getByRole('button', { name: en.admin.create }).click();
    await admin.waitForURL(/\/admin\/organisations\/[0-9a-f-]{36}$/);
    await admin.getByRole('heading', { level: 1, name: organisationName }).waitFor();
    await admin.getByText(en.admin.users.none).waitFor();

    // Invite an editor; the one-time link is shown once.
    await admin.getByRole('button', { name: en.admin.invite.open }).click();
    const invite = admin.getByRole('region', { name: en.admin.invite.title });
    expect(await axeViolations(admin)).toEqual([]);
    await invite.getByLabel(en.admin.invite.name).fill(userName);
    await invite.getByLabel(en.admin.invite.email).fill(email);
    await invite.getByLabel(en.admin.invite.role).selectOption({ label: en.auth.roles.right_holder_editor });
    await invite.getByRole('button', { name: en.admin.invite.submit }).click();
    const linkPanel = admin.getByRole('region', { name: fill(en.admin.link.title, { name: userName }) });
    const link = await linkPanel.getByLabel(en.admin.link.label).inputValue();
    expect(link).toMatch(new RegExp(`^${server!.baseUrl}/invite/[\\w-]{43}$`));
    await admin
      .getByRole('row', { name: new RegExp(userName) })
      .getByText(en.admin.invited)
      .waitFor();

    // The invitee opens the link on their phone, chooses a password and is signed in.
    const invitee = await freshPage({ phone: true });
    await invitee.goto(link);
    await invitee.getByRole('heading', { level: 1, name: en.invitation.title }).waitFor();
    await invitee.getByText(organisationName, { exact: false }).waitFor();
    await invitee.getByLabel(en.invitation.password).fill('too short');
    await invitee.getByLabel(en.invitation.confirm).fill('too short');
    await invitee.getByRole('button', { name: en.invitation.submit }).click();
    await invitee.getByText(en.invitation.tooShort).waitFor();
    expect(await axeViolations(invitee)).toEqual([]);
    expect(await invitee.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await invitee.getByLabel(en.invitation.password).fill(password);
    await invitee.getByLabel(en.invitation.confirm).fill(password);
    await invitee.getByLabel(en.invitation.show).check();
    expect(await invitee.getByLabel(en.invitation.password).getAttribute('type')).toBe('text');
    await invitee.getByRole('button', { name: en.invitation.submit }).click();
    await invitee.getByText(fill(en.auth.signedInAs, { name: userName })).waitFor();

    // Back at the secretariat.
    await admin.reload();
    const row = admin.getByRole('row', { name: new RegExp(userName) });
    await row.getByText(en.admin.active, { exact: true }).waitFor();
    // Promote them, then deactivate them, after confirming.
    await row.getByLabel(fill(en.admin.users.roleOf, { name: userName })).selectOption({
      label: en.auth.roles.right_holder_admin,
    });
    await row.getByRole('button', { name: `${en.admin.users.changeRole} ${userName}` }).click();
    await admin
      .getByText(fill(en.admin.users.roleChanged, { name: userName, role: en.auth.roles.right_holder_admin }))
      .waitFor();
    await row.getByRole('button', { name: `${en.admin.users.deactivate} ${userName}` }).click();
    await row.getByRole('button', { name: en.admin.users.confirm, exact: true }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await row.getByRole('button', { name: en.admin.users.confirm, exact: true }).click();
    await admin.getByText(fill(en.admin.users.deactivated, { name: userName })).waitFor();
    await row.getByText(en.admin.inactive, { exact: true }).waitFor();

    // Their next action finds the session gone (the server forgets it at once).
    const signInHeading = invitee.getByRole('heading', { level: 1, name: en.auth.title });
    await invitee.reload();
    await signInHeading.waitFor();

    // Signing in again is refused, in the reader's language.
    await signIn(invitee, email, password);
    await invitee.getByRole('alert').getByText(en.errors.AUTH_ACCOUNT_DISABLED).waitFor();

    // The used link now says it is invalid.
    await invitee.goto(link);
    await invitee.getByRole('heading', { level: 1, name: en.invitation.invalidTitle }).waitFor();
    await invitee.getByText(en.errors.INVITATION_INVALID).waitFor();

    expect(problems).toEqual([]);
  });
});
