import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { noisyJpeg, sendChunk, startUpload, upload } from '../../test/case-uploads';

let t: TestApp;
let officer: Session;
let colleague: Session; // same administration: may add photos, but not continue the officer's uploads
let otherFr: Session; // another administration: the case is not its own
let rhA: Session;
let rhA2: Session; // a colleague of A
let rhB: Session;
let productA: { id: string };
let brandB: { id: string };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp({ maxImageBytes: 600_000 });
  officer = await t.factories.user('officer');
  colleague = await t.factories.user('officer', officer.organisationId);
  otherFr = await t.factories.user('officer');
  rhA = await t.factories.user('right_holder_admin');
  rhA2 = await t.factories.user('right_holder_editor', rhA.organisationId);
  rhB = await t.factories.user('right_holder_editor');
  productA = await t.factories.product(rhA);
  brandB = await t.factories.brand(rhB);
});
afterAll(() => t.close());

interface Line {
  id: string;
  rightHolder: { id: string } | null;
}
/** A draft with a line of A, a line of B and an unbranded line. */
async function twoBrandDraft() {
  const created = await officer.request('POST', '/api/v1/cases', {
    lines: [
      { productId: productA.id, quantity: 10 },
      { brandId: brandB.id, description: 'Bags', quantity: 5 },
      { description: 'Unbranded straps', quantity: 50 },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  const kase = created.json<{ id: string; lines: Line[] }>();
  return { id: kase.id, lineA: kase.lines[0]!.id, lineB: kase.lines[1]!.id, unbranded: kase.lines[2]!.id };
}

async function addPhoto(as: Session, caseId: string, lineId: string | null, bytes = noisyJpeg) {
  const uploadId = await upload(as, caseId, bytes);
  const added = await as.request('POST', `/api/v1/cases/${caseId}/photos`, { uploadId, lineId });
  expect(added.statusCode, added.body).toBe(201);
  return added.json<{ id: string; url: string; thumbnailUrl: string; lineId: string | null }>();
}

const photoIds = (body: { photos: { id: string }[] }) => body.photos.map((p) => p.id).sort();

describe('resumable uploads', () => {
  it('an upload resumes after a lost connection from the offset the server has, then becomes a photo without EXIF', async () => {
    const kase = await twoBrandDraft();
    const started = await startUpload(officer, kase.id, {
      name: 'container.jpg',
      contentType: 'image/jpeg',
      size: noisyJpeg.length,
    });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json()).toMatchObject({ offset: 0, size: noisyJpeg.length, complete: false });
    const id = started.json().id;
    const first = await sendChunk(officer, id, 0, noisyJpeg.subarray(0, 100_000));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['upload-offset']).toBe('100000');
    // The connection drops; the phone asks where the server is and goes on from there.
    const status = await officer.request('GET', `/api/v1/uploads/${id}`);
    expect(status.json()).toMatchObject({ offset: 100_000, complete: false });
    const early = await officer.request('POST', `/api/v1/cases/${kase.id}/photos`, { uploadId: id });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'UPLOAD_INCOMPLETE', details: { offset: 100_000 } });
    const rest = await sendChunk(officer, id, 100_000, noisyJpeg.subarray(100_000));
    expect(rest.json()).toMatchObject({ offset: noisyJpeg.length, complete: true });

    const photo = await officer.request('POST', `/api/v1/cases/${kase.id}/photos`, {
      uploadId: id,
      lineId: kase.lineA,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({ lineId: kase.lineA, name: 'container.jpg', width: 900, height: 700 });
    // A retried completion (the answer was lost) answers the same photo, and makes no second one.
    const retried = await officer.request('POST', `/api/v1/cases/${kase.id}/photos`, { uploadId: id });
    expect(retried.statusCode).toBe(201);
    expect(retried.json().id).toBe(photo.json().id);
    const count = await t.db.execute(sql`select count(*)::int as n from case_files where case_id = ${kase.id}`);
    expect(count.rows[0]).toEqual({ n: 1 });
    // The chunks are freed once the photo exists.
    const chunks = await t.db.execute(sql`select count(*)::int as n from upload_chunks where upload_id = ${id}`);
    expect(chunks.rows[0]).toEqual({ n: 0 });

    const bytes = await officer.request('GET', photo.json().url);
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/jpeg');
    expect(bytes.headers['x-content-type-options']).toBe('nosniff');
    expect(bytes.headers['cache-control']).toMatch(/^private/);
    expect(bytes.headers['content-disposition']).toMatch(/^inline; filename="container.jpg"/);
    const metadata = await sharp(bytes.rawPayload).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(bytes.rawPayload.includes('SecretCam')).toBe(false);
    const thumbnail = await officer.request('GET', photo.json().thumbnailUrl);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    expect((await sharp(thumbnail.rawPayload).metadata()).width).toBeLessThanOrEqual(320);

    const read = (await officer.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(read.photos).toEqual([photo.json()]);
  });

  it('a chunk at another offset than the server’s is refused with the offset to resume from; nothing is written', async () => {
    const kase = await twoBrandDraft();
    const id = (await startUpload(officer, kase.id, { name: 'a.jpg', contentType: 'image/jpeg', size: 1000 })).json()
      .id;
    await sendChunk(officer, id, 0, Buffer.alloc(400, 1));
    for (const offset of [0, 300, 500]) {
      const wrong = await sendChunk(officer, id, offset, Buffer.alloc(100, 2));
      expect(wrong.statusCode).toBe(409);
      expect(wrong.json().error).toMatchObject({
        code: 'UPLOAD_OFFSET_MISMATCH',
        details: { offset: 400, size: 1000 },
      });
    }
    const beyond = await sendChunk(officer, id, 400, Buffer.alloc(601, 3));
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json().error.code).toBe('UPLOAD_CHUNK_INVALID');
    const empty = await sendChunk(officer, id, 400, Buffer.alloc(0));
    expect(empty.statusCode).toBe(422);
    const json = await officer.request('PATCH', `/api/v1/uploads/${id}`, { bytes: 'x' }, { 'upload-offset': '400' });
    expect(json.statusCode).toBe(415);
    const noOffset = await officer.request('PATCH', `/api/v1/uploads/${id}`, Buffer.alloc(10), {
      'content-type': 'application/offset+octet-stream',
    });
    expect(noOffset.statusCode).toBe(400);
    const tooBig = await sendChunk(officer, id, 400, Buffer.alloc(1024 * 1024 + 1));
    expect(tooBig.statusCode).toBe(413);
    expect((await officer.request('GET', `/api/v1/uploads/${id}`)).json().offset).toBe(400);
  });

  it('an oversized photo, a type not accepted, or bytes that are not an image are refused with their codes', async () => {
    const kase = await twoBrandDraft();
    const huge = await startUpload(officer, kase.id, { name: 'big.jpg', contentType: 'image/jpeg', size: 600_001 });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({ code: 'UPLOAD_TOO_LARGE', details: { maxBytes: 600_000 } });
    const script = await startUpload(officer, kase.id, { name: 'x.html', contentType: 'text/html', size: 10 });
    expect(script.statusCode).toBe(415);
    expect(script.json().error.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    const fake = Buffer.from('<script>alert(1)</script> not a JPEG at all');
    const uploadId = await upload(officer, kase.id, fake, { name: 'fake.jpg' });
    const refused = await officer.request('POST', `/api/v1/cases/${kase.id}/photos`, { uploadId });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.code).toBe('IMAGE_TYPE_NOT_ALLOWED');
    // Refused bytes are not kept.
    expect((await officer.request('GET', `/api/v1/uploads/${uploadId}`)).statusCode).toBe(404);
    const noLine = await officer.request('POST', `/api/v1/cases/${kase.id}/photos`, {
      uploadId: await upload(officer, kase.id, noisyJpeg),
      lineId: UNKNOWN,
    });
    expect(noLine.statusCode).toBe(422);
    expect(noLine.json().error.code).toBe('CASE_LINE_NOT_FOUND');
  });

  it('only the user who started an upload may read, continue or use it; other ids are not found', async () => {
    const kase = await twoBrandDraft();
    const id = (await startUpload(officer, kase.id, { name: 'a.jpg', contentType: 'image/jpeg', size: 10 })).json().id;
    for (const other of [colleague, otherFr, rhA]) {
      expect((await other.request('GET', `/api/v1/uploads/${id}`)).statusCode).toBe(404);
      const chunk = await sendChunk(other, id, 0, Buffer.alloc(10));
      expect(chunk.statusCode).toBe(404);
      expect(chunk.json().error.code).toBe('UPLOAD_NOT_FOUND');
    }
    const used = await colleague.request('POST', `/api/v1/cases/${kase.id}/photos`, { uploadId: id });
    expect(used.json().error.code).toBe('UPLOAD_NOT_FOUND');
    expect((await officer.request('GET', `/api/v1/uploads/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await officer.request('GET', '/api/v1/uploads/not-a-uuid')).statusCode).toBe(400);
    // An upload belongs to its case: it cannot become a photo of another one.
    const other = await twoBrandDraft();
    const full = await upload(officer, kase.id, noisyJpeg);
    const elsewhere = await officer.request('POST', `/api/v1/cases/${other.id}/photos`, { uploadId: full });
    expect(elsewhere.json().error.code).toBe('UPLOAD_NOT_FOUND');
    // Another administration's officer cannot even start one on the case.
    const foreign = await startUpload(otherFr, kase.id, { name: 'a.jpg', contentType: 'image/jpeg', size: 10 });
    expect(foreign.statusCode).toBe(404);
  });
  it('a user has at most 30 uploads not yet used at a time', async () => {
    const kase = await twoBrandDraft();
    const busy = await t.factories.user('officer', officer.organisationId);
    for (let i = 0; i < 30; i++) {
      const started = await startUpload(busy, kase.id, { name: `${i}.jpg`, contentType: 'image/jpeg', size: 10 });
      expect(started.statusCode).toBe(201);
    }
    const more = await startUpload(busy, kase.id, { name: 'more.jpg', contentType: 'image/jpeg', size: 10 });
    expect(more.statusCode).toBe(429);
    expect(more.json().error).toMatchObject({ code: 'UPLOAD_LIMIT_REACHED', details: { max: 30 } });
    // Another user is not held back by it.
    expect(
      (await startUpload(officer, kase.id, { name: 'a.jpg', contentType: 'image/jpeg', size: 10 })).statusCode,
    ).toBe(201);
  });

  it('an upload left unfinished for a week is forgotten when its owner starts another', async () => {
    const kase = await twoBrandDraft();
    const old = (await startUpload(officer, kase.id, { name: 'a.jpg', contentType: 'image/jpeg', size: 1000 })).json()
      .id;
    await sendChunk(officer, old, 0, Buffer.alloc(100, 1));
    const recent = (
      await startUpload(officer, kase.id, { name: 'b.jpg', contentType: 'image/jpeg', size: 1000 })
    ).json().id;
    await t.db.execute(sql`update uploads set created_at = now() - interval '8 days' where id = ${old}`);
    await startUpload(officer, kase.id, { name: 'c.jpg', contentType: 'image/jpeg', size: 1000 });
    expect((await officer.request('GET', `/api/v1/uploads/${old}`)).statusCode).toBe(404);
    expect((await officer.request('GET', `/api/v1/uploads/${recent}`)).statusCode).toBe(200);
    const chunks = await t.db.execute(sql`select count(*)::int as n from upload_chunks where upload_id = ${old}`);
    expect(chunks.rows[0]).toEqual({ n: 0 });
  });
});

describe('photos of a case', () => {
  it('a right holder sees the photos of its lines and those of no line, never another right holder’s', async () => {
    const kase = await twoBrandDraft();
    const ofA = await addPhoto(officer, kase.id, kase.lineA);
    const ofB = await addPhoto(colleague, kase.id, kase.lineB);
    const general = await addPhoto(officer, kase.id, null);
    const unbranded = await addPhoto(officer, kase.id, kase.unbranded);
    // Before submission right holders see nothing at all.
    expect((await rhA.request('GET', ofA.url)).statusCode).toBe(404);
    await officer.request('POST', `/api/v1/cases/${kase.id}/submit`);

    const customs = (await colleague.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(photoIds(customs)).toEqual([ofA.id, ofB.id, general.id, unbranded.id].sort());
    const seenByA = (await rhA2.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(photoIds(seenByA)).toEqual([ofA.id, general.id].sort());
    const seenByB = (await rhB.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(photoIds(seenByB)).toEqual([ofB.id, general.id].sort());

    expect((await rhA.request('GET', ofA.url)).statusCode).toBe(200);
    expect((await rhA.request('GET', general.thumbnailUrl)).statusCode).toBe(200);
    for (const hidden of [ofB.url, ofB.thumbnailUrl, unbranded.url]) {
      const response = await rhA.request('GET', hidden);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('CASE_FILE_NOT_FOUND');
    }
    expect((await rhB.request('GET', ofA.url)).statusCode).toBe(404);
    // Guessed ids: an unknown file, a file named under another case, a case not one's own.
    expect((await officer.request('GET', `/api/v1/cases/${kase.id}/files/${UNKNOWN}`)).statusCode).toBe(404);
    const other = await twoBrandDraft();
    expect((await officer.request('GET', `/api/v1/cases/${other.id}/files/${ofA.id}`)).statusCode).toBe(404);
    const foreign = await otherFr.request('GET', ofA.url);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('CASE_NOT_FOUND');
  });

  it('customs add photos in a draft and later, delete them only in a draft; right holders add none; a closed case takes none', async () => {
    const kase = await twoBrandDraft();
    const first = await addPhoto(officer, kase.id, null);
    const rhUpload = await startUpload(rhA, kase.id, { name: 'a.jpg', contentType: 'image/jpeg', size: 10 });
    expect(rhUpload.statusCode).toBe(404); // a draft: the right holder does not see the case
    const deleted = await officer.request('DELETE', `/api/v1/cases/${kase.id}/photos/${first.id}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await officer.request('GET', first.url)).statusCode).toBe(404);
    const gone = await officer.request('DELETE', `/api/v1/cases/${kase.id}/photos/${first.id}`);
    expect(gone.json().error.code).toBe('CASE_FILE_NOT_FOUND');

    const second = await addPhoto(officer, kase.id, kase.lineA);
    await officer.request('POST', `/api/v1/cases/${kase.id}/submit`);
    const later = await addPhoto(colleague, kase.id, kase.lineB);
    expect(later.lineId).toBe(kase.lineB);
    const kept = await officer.request('DELETE', `/api/v1/cases/${kase.id}/photos/${second.id}`);
    expect(kept.statusCode).toBe(409);
    expect(kept.json().error.code).toBe('CASE_STATE_INVALID');

    const uploadId = await upload(rhA, kase.id, noisyJpeg); // for an attachment, it may upload
    const byRightHolder = await rhA.request('POST', `/api/v1/cases/${kase.id}/photos`, { uploadId });
    expect(byRightHolder.statusCode).toBe(403);

    const ready = await upload(officer, kase.id, noisyJpeg);
    await officer.request('POST', `/api/v1/cases/${kase.id}/transition`, { to: 'closed', reason: 'Done' });
    const closed = await officer.request('POST', `/api/v1/cases/${kase.id}/photos`, { uploadId: ready });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('CASE_STATE_INVALID');
    const start = await startUpload(officer, kase.id, { name: 'a.jpg', contentType: 'image/jpeg', size: 10 });
    expect(start.statusCode).toBe(409);
  });

  it('a photo stays tied to its line while the draft is retyped; the photo of a line removed goes with it', async () => {
    const kase = await twoBrandDraft();
    const ofA = await addPhoto(officer, kase.id, kase.lineA);
    const ofB = await addPhoto(officer, kase.id, kase.lineB);
    // The officer changes quantities and the order of the lines, then drops B's line.
    const retyped = await officer.request('PATCH', `/api/v1/cases/${kase.id}`, {
      lines: [
        { description: 'Unbranded straps', quantity: 60 },
        { productId: productA.id, quantity: 12 },
        { brandId: brandB.id, description: 'Bags, black', quantity: 6 },
      ],
    });
    const lines = retyped.json<{ lines: Line[] }>().lines;
    expect(lines.map((l) => l.id)).toEqual([kase.unbranded, kase.lineA, kase.lineB]);
    expect(retyped.json().photos.map((p: { lineId: string }) => p.lineId)).toEqual([kase.lineA, kase.lineB]);
    const dropped = await officer.request('PATCH', `/api/v1/cases/${kase.id}`, {
      lines: [{ productId: productA.id, quantity: 12 }],
    });
    expect(photoIds(dropped.json())).toEqual([ofA.id]);
    expect((await officer.request('GET', ofB.url)).statusCode).toBe(404);
  });
});
