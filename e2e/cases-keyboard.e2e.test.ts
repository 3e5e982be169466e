import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { makeCaseScreensData, OFFICER_MESSAGE, type CaseScreensData } from './support/case-screens-data';
import { messagesOf } from './support/messages';
import { startServer, type RunningServer } from './support/server';
import { signedInPhone } from './support/sign-in';

const en = messagesOf('en');

/** The element that has the focus, and whether a sighted keyboard user can see where it is. */
interface Focused {
  /** Tag, role, type and accessible-ish name: enough to recognise it and to read a failure. */
  what: string;
  tag: string;
  role: string | null;
  type: string | null;
  name: string;
  /** An outline (at least 2 px, not transparent) on it, or on its label when the control itself is hidden. */
  ringVisible: boolean;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body)
      return { what: 'body', tag: 'body', role: null, type: null, name: '', ringVisible: false };
    // A visually hidden file input draws its ring on its label (the button one sees).
    const hidden = element.getBoundingClientRect().width <= 1;
    const drawn = hidden && 'labels' in element ? ((element as HTMLInputElement).labels?.[0] ?? element) : element;
    const style = getComputedStyle(drawn);
    const ringVisible =
      style.outlineStyle !== 'none' &&
      parseFloat(style.outlineWidth) >= 2 &&
      style.outlineColor !== 'transparent' &&
      !/rgba\(.*,\s*0\)$/.test(style.outlineColor);
    const label = (element as HTMLInputElement).labels?.[0]?.textContent ?? '';
    const name = (element.getAttribute('aria-label') ?? label ?? element.textContent ?? '').trim().slice(0, 60);
    const role = element.getAttribute('role');
    const type = element.getAttribute('type');
    return {
      what: `${element.tagName.toLowerCase()}${role ? `[role=${role}]` : ''}${type ? `[type=${type}]` : ''} "${name || element.textContent?.trim().slice(0, 60)}"`,
      tag: element.tagName.toLowerCase(),
      role,
      type,
      name: name || (element.textContent ?? '').trim(),
      ringVisible,
    };
  });
}

/**
 * Presses `key` and checks that the focus ring shows where the focus went; every control reached
 * is recorded in `reached` (the test then says which, if any, had no visible ring).
 */
async function press(page: Page, key: string, reached: Focused[]): Promise<Focused> {
  await page.keyboard.press(key);
  const now = await focused(page);
  reached.push(now);
  return now;
}

/** Tab until `wanted` holds for the focused element (at most `max` presses). */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, reached: Focused[], max = 80): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    const now = await press(page, 'Tab', reached);
    if (wanted(now)) return now;
  }
  throw new Error(`Tab never reached the control; went through:\n${reached.map((f) => f.what).join('\n')}`);
}

const withoutRing = (reached: Focused[]) => reached.filter((f) => !f.ringVisible).map((f) => f.what);

describe('cases with the keyboard alone', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let data: CaseScreensData;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const officer = await signedInPhone(browser, server.baseUrl, 'officer@demo.test');
    const rightHolder = await signedInPhone(browser, server.baseUrl, 'rightholder@demo.test');
    data = await makeCaseScreensData(server.baseUrl, officer.request, rightHolder.request);
    await officer.context().close();
    await rightHolder.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a right holder answers "counterfeit" with Tab, the arrows and Enter, seeing where the focus is', async () => {
    const page = await signedInPhone(browser!, server!.baseUrl, 'rightholder@demo.test');
    await page.goto(`${server!.baseUrl}/cases/${data.submittedId}`);
    await page.getByRole('heading', { level: 2, name: en.cases.answer.title }).waitFor();
    const reached: Focused[] = [];

    // The skip link first, then straight to the page's content.
    const skip = await press(page, 'Tab', reached);
    expect(skip.name).toBe(en.app.skipToContent);
    await page.keyboard.press('Enter');

    const first = await tabTo(page, (f) => f.type === 'radio', reached);
    expect(first.name).toBe(en.cases.verdict.genuine);
    // The arrows move through the verdicts and choose: genuine → counterfeit.
    const chosen = await press(page, 'ArrowDown', reached);
    expect(chosen.name).toBe(en.cases.verdict.counterfeit);
    expect(await page.getByRole('radio', { name: en.cases.verdict.counterfeit }).isChecked()).toBe(true);
    await press(page, 'ArrowUp', reached);
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: en.cases.verdict.genuine }).isChecked()).toBe(true);
    await press(page, 'ArrowDown', reached);
    expect(await page.getByRole('radio', { name: en.cases.verdict.counterfeit }).isChecked()).toBe(true);

    const comment = await press(page, 'Tab', reached);
    expect(comment.tag).toBe('textarea');
    expect(comment.name).toBe(en.cases.answer.comment);
    await page.keyboard.type('The crown is printed, not engraved.');
    const send = await press(page, 'Tab', reached);
    expect(send.name).toBe(en.cases.answer.send);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: en.cases.answer.sent }).waitFor();

    const answers = await page.evaluate(async (id) => {
      const response = await fetch(`/api/v1/cases/${id}`, { headers: { accept: 'application/json' } });
      return ((await response.json()) as { answers: { verdict: string; comment: string | null }[] }).answers;
    }, data.submittedId);
    expect(answers).toEqual([
      expect.objectContaining({ verdict: 'counterfeit', comment: 'The crown is printed, not engraved.' }),
    ]);
    expect(reached.length).toBeGreaterThan(4);
    expect(withoutRing(reached)).toEqual([]);
    await page.context().close();
  });

  it('an officer switches conversations with the arrow keys and sends a message with the keyboard', async () => {
    const page = await signedInPhone(browser!, server!.baseUrl, 'officer@demo.test');
    await page.goto(`${server!.baseUrl}/cases/${data.submittedId}`);
    const panel = page.getByRole('region', { name: en.conversation.title });
    await panel.getByText(OFFICER_MESSAGE, { exact: false }).waitFor();
    const reached: Focused[] = [];

    await press(page, 'Tab', reached);
    await page.keyboard.press('Enter'); // the skip link
    // The conversations' tabs are one stop: the selected one (the right holder's).
    const tab = await tabTo(page, (f) => f.role === 'tab', reached);
    expect(tab.name).toBe('Maison Lumière SA');
    const customs = await press(page, 'ArrowRight', reached);
    expect(customs.name).toBe(en.conversation.customsOnly);
    await panel.getByRole('tab', { name: en.conversation.customsOnly, selected: true }).waitFor();
    await panel.getByText('Customs only: ask Spain about the consignor').waitFor();
    // Round the ends: right from the last is the first; End and Home too.
    expect((await press(page, 'ArrowRight', reached)).name).toBe('Maison Lumière SA');
    expect((await press(page, 'End', reached)).name).toBe(en.conversation.customsOnly);
    expect((await press(page, 'Home', reached)).name).toBe('Maison Lumière SA');
    await panel.getByRole('tab', { name: 'Maison Lumière SA', selected: true }).waitFor();
    await panel.getByText(OFFICER_MESSAGE, { exact: false }).waitFor();

    // Tab leaves the tab list (one stop) and goes on into the conversation shown.
    const after = await press(page, 'Tab', reached);
    expect(after.role).not.toBe('tab');
    await tabTo(page, (f) => f.tag === 'textarea' && f.name === en.conversation.message, reached);
    await page.keyboard.type('Thank you: we keep the goods until your answer.');
    await tabTo(page, (f) => f.tag === 'button' && f.name === en.conversation.send, reached);
    await page.keyboard.press('Enter');
    await panel.getByText('Thank you: we keep the goods until your answer.').waitFor();
    await panel.getByRole('status').filter({ hasText: en.conversation.sent }).waitFor();

    expect(withoutRing(reached)).toEqual([]);
    await page.context().close();
  });
});
