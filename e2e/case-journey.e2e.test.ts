import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { writeBarcodeVideo } from './support/barcode-video';
import { launchChromium } from './support/browser';
import { fill, messagesOf } from './support/messages';
import { startServer, type RunningServer } from './support/server';
import { signedInPhone } from './support/sign-in';

/**
 * The whole story in one browser run, every step through the screens: an officer scans
 * a product, opens a case with two products and a photo; the right holder, with Verity open,
 * is told at once; it answers "counterfeit"; the officer detains the goods and invites Spain's
 * administration, which reads the case; a second right holder sees nothing of it.
 */
const en = messagesOf('en');
const c = en.cases;
const v = en.conversation;
const n = en.notifications;

const chronograph = 'Aurora Chronograph 42 mm';
const diver = 'Aurora Diver 300';

const photo = await sharp({
  create: {
    width: 2400,
    height: 1600,
    channels: 3,
    background: '#6b6b6b',
    noise: { type: 'gaussian', mean: 110, sigma: 50 },
  },
})
  .jpeg({ quality: 90 })
  .toBuffer();

describe('done when: scan, a case with two products and a photo, a live notice, an answer, a decision, a shared read', () => {
  let server: RunningServer | undefined;
  let camera: Browser | undefined;
  let browser: Browser | undefined;
  let fixtures: string;

  beforeAll(async () => {
    fixtures = mkdtempSync(join(tmpdir(), 'verity-journey-'));
    const video = join(fixtures, 'ean13.mjpeg');
    await writeBarcodeVideo(video, { bcid: 'ean13', text: '3790000000014', scale: 4 });
    [server, camera, browser] = await Promise.all([
      startServer(),
      // The officer's phone: a camera that films the chronograph's EAN-13.
      launchChromium([
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ]),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([camera?.close(), browser?.close()]);
    await server?.stop();
    if (fixtures) rmSync(fixtures, { recursive: true, force: true });
  });

  const unreadBell = (page: Page, count: number) =>
    page
      .getByRole('link', { name: fill(n.bell.unread_one, { count }), exact: true })
      .or(page.getByRole('link', { name: fill(n.bell.unread_other, { count }), exact: true }));

  it('runs from the scan to the detention, and the case stays with those it concerns', async () => {
    // The right holder has Verity open on its home screen, nothing unread.
    const rightHolder = await signedInPhone(browser!, server!.baseUrl, 'rightholder@demo.test');
    await rightHolder.getByRole('link', { name: n.bell.none, exact: true }).waitFor();

    // 1. The officer scans the watch and lands on its sheet.
    const officer = await signedInPhone(camera!, server!.baseUrl, 'officer@demo.test');
    await officer.getByRole('button', { name: en.scan.button }).click();
    await officer.waitForURL(/\/products\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await officer.getByRole('heading', { level: 1, name: chronograph }).waitFor();

    // 2. "Open a case" from the sheet: a draft with the scanned product on its first line.
    await officer.getByRole('link', { name: en.product.openCase }).click();
    await officer.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const title = officer.getByRole('heading', { level: 1, name: /^Case / });
    await title.waitFor();
    const reference = (await title.textContent())!.replace('Case ', '');
    const caseUrl = officer.url();
    const caseId = caseUrl.split('/').pop()!;

    // A second product, found by name.
    await officer.getByRole('button', { name: c.line.add }).click();
    await officer.getByLabel(c.line.find).fill('Diver');
    await officer.getByRole('button', { name: c.line.findButton }).click();
    await officer.getByRole('button', { name: fill(c.line.choose, { name: diver, brand: 'Aurora' }) }).click();
    const line2 = officer.getByRole('group', { name: fill(c.line.legend, { position: 2 }) });
    await line2.getByLabel(c.line.quantity).fill('25');
    await officer.getByLabel(c.field.declarationReference).fill('26FR000000JOURNEY1');
    await officer.getByRole('status').filter({ hasText: c.save.saved }).waitFor();

    // A photo from the phone's camera: made smaller on the phone, sent in the background.
    await officer
      .getByLabel(v.photos.add)
      .setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo });
    const gallery = officer.getByRole('region', { name: v.photos.title });
    await gallery
      .getByRole('button', { name: new RegExp(`^${fill(v.photos.photoAlt, { number: 1 })}`) })
      .waitFor({ timeout: 30_000 });

    await officer.getByRole('button', { name: c.submit }).click();
    await officer.getByRole('status').filter({ hasText: c.submitted }).waitFor();

    // 3. The right holder is told at once (server-sent events), no reload.
    await unreadBell(rightHolder, 1).waitFor();
    await unreadBell(rightHolder, 1).click();
    await rightHolder.getByRole('heading', { level: 1, name: n.title }).waitFor();
    await rightHolder
      .getByRole('link', { name: new RegExp(reference) })
      .first()
      .click();
    await rightHolder.waitForURL(caseUrl);

    // It sees both lines and the photo, and answers "counterfeit".
    const goods = rightHolder.getByRole('region', { name: c.goods });
    await goods.getByText(chronograph, { exact: true }).waitFor();
    await goods.getByText(diver, { exact: true }).waitFor();
    await rightHolder
      .getByRole('region', { name: v.photos.title })
      .getByRole('button', { name: new RegExp(`^${fill(v.photos.photoAlt, { number: 1 })}`) })
      .waitFor();
    await rightHolder.getByRole('radio', { name: c.verdict.counterfeit }).check();
    await rightHolder.getByLabel(c.answer.comment).fill('No serial engraved on the case back: counterfeit.');
    await rightHolder.getByRole('button', { name: c.answer.send }).click();
    await rightHolder.getByRole('status').filter({ hasText: c.answer.sent }).waitFor();

    // 4. The officer, told in turn, detains the goods with the reason.
    await unreadBell(officer, 1).waitFor();
    await officer.reload();
    await officer.getByRole('region', { name: c.answers }).getByText(c.verdict.counterfeit, { exact: true }).waitFor();
    await officer.getByRole('button', { name: c.decide.detained }).click();
    await officer.getByLabel(fill(c.decide.reason, { action: c.decide.detained })).fill('Counterfeit per right holder');
    await officer.getByRole('button', { name: fill(c.decide.confirm, { action: c.decide.detained }) }).click();
    await officer.getByRole('status').filter({ hasText: c.decide.done }).waitFor();
    await officer.getByText(c.status.detained, { exact: true }).first().waitFor();

    // 5. The officer invites Spain's administration (the country of consignment, say).
    await officer.getByRole('button', { name: c.share.open }).click();
    await officer.getByLabel(c.share.filter).fill('Spain');
    await officer
      .getByLabel(c.share.administration, { exact: true })
      .selectOption({ label: 'Agencia Tributaria – Aduanas (ES)' });
    await officer.getByRole('button', { name: c.share.confirm }).click();
    await officer.getByText(c.share.done).waitFor();

    // The Spanish officer is told, and reads the case: its goods, its photo, the decision.
    const spain = await signedInPhone(browser!, server!.baseUrl, 'officer-es@demo.test');
    await unreadBell(spain, 1).click();
    await spain
      .getByRole('link', { name: new RegExp(reference) })
      .first()
      .click();
    await spain.waitForURL(caseUrl);
    await spain.getByRole('heading', { level: 1, name: `Case ${reference}` }).waitFor();
    await spain.getByRole('region', { name: c.goods }).getByText(diver, { exact: true }).waitFor();
    await spain.getByText(c.status.detained, { exact: true }).first().waitFor();
    await spain
      .getByRole('region', { name: v.photos.title })
      .getByRole('button', { name: new RegExp(`^${fill(v.photos.photoAlt, { number: 1 })}`) })
      .waitFor();

    // 6. Another right holder sees nothing of it: not in its inbox, not by its address, not told.
    const other = await signedInPhone(browser!, server!.baseUrl, 'rightholder2@demo.test');
    await other.getByRole('link', { name: n.bell.none, exact: true }).waitFor();
    await other.getByRole('navigation').getByRole('link', { name: en.app.nav.cases }).click();
    await other.getByRole('heading', { level: 1, name: c.inboxTitle }).waitFor();
    await other.getByText(c.inboxEmpty).waitFor();
    expect(await other.getByText(reference).count()).toBe(0);
    await other.goto(caseUrl);
    await other.getByRole('heading', { name: c.notFound }).waitFor();
    expect(await other.getByText(reference).count()).toBe(0);
    const api = await other.evaluate(async (id) => {
      const answer = await fetch(`/api/v1/cases/${id}`, { headers: { accept: 'application/json' } });
      const photos = await fetch(`/api/v1/cases/${id}/messages?channel=customs`, {
        headers: { accept: 'application/json' },
      });
      return {
        status: answer.status,
        code: ((await answer.json()) as { error?: { code: string } }).error?.code,
        messages: photos.status,
      };
    }, caseId);
    expect(api).toEqual({ status: 404, code: 'CASE_NOT_FOUND', messages: 404 });
  });
});
