import type { Browser, Page } from 'playwright-core';
import { messagesOf } from './messages';

const en = messagesOf('en');

/**
 * A fresh phone-sized browser profile, in English, signed in through the sign-in form as a
 * demo user (password `verity-demo`); resolves once the signed-in page shows its navigation.
 */
export async function signedInPhone(
  browser: Browser,
  baseUrl: string,
  email: string,
  viewport = { width: 360, height: 800 },
): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${baseUrl}/`);
  await page.evaluate(() => localStorage.setItem('verity.language', 'en'));
  await page.getByLabel(en.auth.email).fill(email);
  await page.getByLabel(en.auth.password).fill('verity-demo');
  await page.getByRole('button', { name: en.auth.submit }).click();
  await page.getByRole('navigation', { name: en.app.nav.label }).waitFor();
  return page;
}
