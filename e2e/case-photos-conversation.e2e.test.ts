import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { fill, messagesOf } from './support/messages';
import { openDemoCase } from './support/cases-api';
import { startServer, type RunningServer } from './support/server';
import { signedInPhone } from './support/sign-in';

const en = messagesOf('en');
const c = en.cases;
const v = en.conversation;

/** A camera-sized photo (noise does not compress: it stays several chunks once made smaller on the phone). */
const cameraPhoto = await sharp({
  create: {
    width: 3000,
    height: 2000,
    channels: 3,
    background: '#777',
    noise: { type: 'gaussian', mean: 120, sigma: 60 },
  },
})
  .jpeg({ quality: 92 })
  .toBuffer();

describe('case photos and the conversation', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const photosOf = (page: Page, id: string) =>
    page.evaluate(async (caseId) => {
      const response = await fetch(`/api/v1/cases/${caseId}`, { headers: { accept: 'application/json' } });
      return ((await response.json()) as { photos: { lineId: string | null }[] }).photos;
    }, id);

  it('a photo taken in a draft survives a lost connection and a reload; the right holder sees it and they talk', async () => {
    const officer = await signedInPhone(browser!, server!.baseUrl, 'officer@demo.test');
    const caseId = (await openDemoCase(officer, { quantity: 40, submit: false })).id;
    await officer.goto(`${server!.baseUrl}/cases/${caseId}`);
    await officer.getByRole('heading', { name: v.photos.title }).waitFor();
    await officer.getByLabel(v.photos.nextLine).selectOption({ index: 1 });

    // The connection drops after the first chunk: the photo waits, then the page is reloaded.
    let chunks = 0;
    await officer.route('**/api/v1/uploads/*', async (route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      chunks++;
      if (chunks === 1) return route.continue();
      return route.abort('internetdisconnected');
    });
    await officer
      .getByLabel(v.photos.add)
      .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: cameraPhoto });
    await officer.getByText(v.photos.retrying).waitFor();
    expect(await photosOf(officer, caseId)).toEqual([]);
    await officer.unrouteAll();
    await officer.reload();
    const gallery = officer.getByRole('region', { name: v.photos.title });
    await gallery.getByRole('button', { name: new RegExp(`^${fill(v.photos.photoAlt, { number: 1 })}`) }).waitFor();
    const photos = await photosOf(officer, caseId);
    expect(photos).toHaveLength(1);
    expect(photos[0]!.lineId).not.toBeNull();
    expect(await axeViolations(officer)).toEqual([]);

    await officer.getByRole('button', { name: c.submit }).click();
    await officer.getByRole('status').filter({ hasText: c.submitted }).waitFor();

    // Customs write to the right holder (its conversation is the first tab).
    const panel = officer.getByRole('region', { name: v.title });
    await panel.getByRole('tab', { selected: true }).waitFor();
    await panel.getByRole('textbox', { name: v.message }).fill('Is the crown engraved on yours?');
    await panel.getByRole('button', { name: v.send }).click();
    await panel.getByText('Is the crown engraved on yours?').waitFor();
    await panel.getByText(v.notRead).waitFor();

    const rightHolder = await signedInPhone(browser!, server!.baseUrl, 'rightholder@demo.test');
    await rightHolder.goto(`${server!.baseUrl}/cases/${caseId}`);
    const seen = rightHolder.getByRole('region', { name: v.photos.title });
    await seen.getByRole('button', { name: new RegExp(`^${fill(v.photos.photoAlt, { number: 1 })}`) }).click();
    await rightHolder.getByRole('dialog').waitFor();
    await rightHolder.keyboard.press('Escape');
    const theirs = rightHolder.getByRole('region', { name: v.title });
    await theirs.getByText('Is the crown engraved on yours?').waitFor();
    expect(await theirs.getByRole('tab').count()).toBe(0);
    await theirs.getByRole('button', { name: new RegExp(`^${v.reply}`) }).click();
    await theirs.getByText(fill(v.replyingTo, { name: 'Olivier Officer' })).waitFor();
    await theirs.getByRole('textbox', { name: v.message }).fill('No: it is engraved. These are fakes.');
    await theirs.getByRole('button', { name: v.send }).click();
    await theirs.getByText('No: it is engraved. These are fakes.').waitFor();
    expect(await axeViolations(rightHolder)).toEqual([]);

    // The officer sees the reply in the thread and that the right holder read the question.
    await officer.reload();
    await panel.getByText('No: it is engraved. These are fakes.').waitFor();
    await panel
      .getByText(/^Read by /)
      .first()
      .waitFor();
    await rightHolder.context().close();
    await officer.context().close();
  });
});
