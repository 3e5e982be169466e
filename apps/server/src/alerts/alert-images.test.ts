import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { jpegWithExif, multipart, pngBytes } from '../../test/images';
import { MAX_ALERT_IMAGES } from './alert-images.service';

let t: TestApp;
let rh: Session;
let editor: Session; // same right holder
let otherRh: Session;
let officerFr: Session;
let officerEs: Session;
let secretariat: Session;

const year = new Date().getUTCFullYear();
const alertBody = (extra: object = {}) => ({
  title: { en: 'Fake chronographs expected' },
  countries: ['FR'],
  validFrom: `${year - 1}-01-01`,
  validUntil: `${year + 1}-12-31`,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  rh = await t.factories.user('right_holder_admin');
  editor = await t.factories.user('right_holder_editor', rh.organisationId);
  otherRh = await t.factories.user('right_holder_admin');
  officerFr = await t.factories.user('officer');
  officerEs = await t.factories.user('officer', (await t.factories.organisation('customs', 'ES')).id);
  secretariat = await t.factories.user('secretariat_admin');
});
afterAll(() => t.close());

async function newAlert(extra: object = {}) {
  const response = await rh.request('POST', '/api/v1/alerts', alertBody(extra));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; images: unknown[] }>();
}
function upload(by: Session, alertId: string, bytes = pngBytes, type = 'image/png') {
  const { payload, headers } = multipart(bytes, 'picture', type);
  return by.request('POST', `/api/v1/alerts/${alertId}/images`, payload, headers);
}

describe('pictures of a risk alert', () => {
  it('are uploaded by the right holder, stripped of metadata, and listed on the alert for the officers it targets', async () => {
    const alert = await newAlert();
    expect(alert.images).toEqual([]);
    const added = await upload(editor, alert.id, jpegWithExif, 'image/jpeg');
    expect(added.statusCode, added.body).toBe(201);
    const image = added.json();
    expect(image).toEqual({
      id: expect.any(String),
      url: `/api/v1/alerts/${alert.id}/images/${image.id}`,
      thumbnailUrl: `/api/v1/alerts/${alert.id}/images/${image.id}/thumbnail`,
      width: 800,
      height: 600,
    });
    const second = (await upload(rh, alert.id)).json();

    const seen = (await officerFr.request('GET', `/api/v1/alerts/${alert.id}`)).json();
    expect(seen.images.map((i: { id: string }) => i.id)).toEqual([image.id, second.id]); // in upload order
    const listed = (await officerFr.request('GET', '/api/v1/alerts'))
      .json()
      .items.find((a: { id: string }) => a.id === alert.id);
    expect(listed.images).toHaveLength(2);

    const full = await officerFr.request('GET', image.url);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(full.headers['content-security-policy']).toContain('sandbox');
    const metadata = await sharp(full.rawPayload).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(full.rawPayload.includes(Buffer.from('SecretCam'))).toBe(false);
    const thumb = await officerFr.request('GET', image.thumbnailUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect((await rh.request('GET', image.url)).statusCode).toBe(200);
    expect((await secretariat.request('GET', image.thumbnailUrl)).statusCode).toBe(200);
  });

  it('are not readable by officers of another country, nor by another right holder, nor once the alert has ended', async () => {
    const alert = await newAlert();
    const image = (await upload(rh, alert.id)).json();
    for (const session of [officerEs, otherRh]) {
      for (const url of [image.url, image.thumbnailUrl]) {
        const response = await session.request('GET', url);
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('ALERT_NOT_FOUND');
      }
    }
    const ended = await newAlert({ validFrom: `${year - 3}-01-01`, validUntil: `${year - 2}-12-31` });
    const old = (await upload(rh, ended.id)).json();
    expect((await officerFr.request('GET', old.url)).statusCode).toBe(404);
    expect((await rh.request('GET', old.url)).statusCode).toBe(200);
    // An image id under another alert's path is not found.
    const wrongPath = await officerFr.request('GET', `/api/v1/alerts/${alert.id}/images/${old.id}`);
    expect(wrongPath.statusCode).toBe(404);
    expect(wrongPath.json().error.code).toBe('IMAGE_NOT_FOUND');
  });

  it('are added and removed only by the alert’s right holder', async () => {
    const alert = await newAlert();
    const image = (await upload(rh, alert.id)).json();
    expect((await upload(otherRh, alert.id)).statusCode).toBe(404);
    expect((await upload(officerFr, alert.id)).statusCode).toBe(403);
    expect((await otherRh.request('DELETE', `/api/v1/alerts/${alert.id}/images/${image.id}`)).statusCode).toBe(404);
    expect((await officerFr.request('DELETE', `/api/v1/alerts/${alert.id}/images/${image.id}`)).statusCode).toBe(403);

    const removed = await editor.request('DELETE', `/api/v1/alerts/${alert.id}/images/${image.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ deleted: true });
    expect((await rh.request('GET', `/api/v1/alerts/${alert.id}`)).json().images).toEqual([]);
    expect((await rh.request('GET', image.url)).statusCode).toBe(404);
    const again = await rh.request('DELETE', `/api/v1/alerts/${alert.id}/images/${image.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('IMAGE_NOT_FOUND');
  });

  it('refuse what is not an image, a body without a file, and more than the limit', async () => {
    const alert = await newAlert();
    const text = await upload(rh, alert.id, Buffer.from('<script>alert(1)</script>'), 'image/png');
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('IMAGE_TYPE_NOT_ALLOWED');
    const noFile = await rh.request('POST', `/api/v1/alerts/${alert.id}/images`, { not: 'a file' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.code).toBe('IMAGE_FILE_REQUIRED');
    for (let i = 0; i < MAX_ALERT_IMAGES; i++) expect((await upload(rh, alert.id)).statusCode).toBe(201);
    const over = await upload(rh, alert.id);
    expect(over.statusCode).toBe(422);
    expect(over.json().error.code).toBe('ALERT_IMAGE_LIMIT');
  });

  it('are deleted with their files when the alert is withdrawn', async () => {
    const alert = await newAlert();
    const image = (await upload(rh, alert.id)).json();
    const fileIds = async () =>
      (
        await t.db.execute(
          sql`select f.id from files f join risk_alert_images i on f.id in (i.file_id, i.thumbnail_file_id) where i.id = ${image.id}`,
        )
      ).rows;
    expect(await fileIds()).toHaveLength(2);
    const stored = (
      await t.db.execute(sql`select file_id, thumbnail_file_id from risk_alert_images where id = ${image.id}`)
    ).rows[0] as { file_id: string; thumbnail_file_id: string };
    expect((await rh.request('DELETE', `/api/v1/alerts/${alert.id}`)).statusCode).toBe(200);
    const left = await t.db.execute(
      sql`select id from files where id in (${stored.file_id}, ${stored.thumbnail_file_id})`,
    );
    expect(left.rows).toEqual([]);
  });
});
