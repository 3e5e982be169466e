/**
 * The cases issue's "bad input" rule, case by case: oversized photos, wrong states, deadlines
 * in the past, unknown products, another tenant's ids. Each gets a 4xx with its stable code and
 * a message, and the case is exactly as it was before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './test-app';
import { pdfBytes, sendChunk, startUpload, upload } from './case-uploads';

let t: TestApp;
let officer: Session;
let spanishOfficer: Session;
let rightHolder: Session;
let otherRightHolder: Session;
let productId: string;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp({ maxImageBytes: 64 * 1024, notificationWorker: false });
  officer = await t.factories.user('officer');
  spanishOfficer = await t.factories.user('officer', (await t.factories.organisation('customs', 'ES')).id);
  rightHolder = await t.factories.user('right_holder_admin');
  otherRightHolder = await t.factories.user('right_holder_admin');
  productId = (await t.factories.product(rightHolder)).id;
});
afterAll(() => t.close());

async function openCase(as = officer, submit = false): Promise<string> {
  const created = await as.request('POST', '/api/v1/cases', { lines: [{ productId, quantity: 2 }] });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  if (submit) expect((await as.request('POST', `/api/v1/cases/${id}/submit`)).statusCode).toBe(200);
  return id;
}

/** The case as its officer reads it, without what changes on every read. */
async function snapshot(id: string) {
  const read = await officer.request('GET', `/api/v1/cases/${id}`);
  expect(read.statusCode, read.body).toBe(200);
  return read.json();
}

function expectRefused(response: { statusCode: number; json: () => unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  const { error } = response.json() as { error: { code: string; message: string; requestId: string } };
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
  expect(error.requestId).toBeTruthy();
}

describe('bad input about cases gets a clear 4xx and changes nothing', () => {
  it('an oversized photo is refused before a byte is stored', async () => {
    const id = await openCase();
    const before = await snapshot(id);
    const started = await startUpload(officer, id, { name: 'huge.jpg', contentType: 'image/jpeg', size: 65 * 1024 });
    expectRefused(started, 413, 'UPLOAD_TOO_LARGE');
    expect(await snapshot(id)).toEqual(before);
  });

  it('a chunk beyond the announced size, or at the wrong offset, is refused with the offset to resume from', async () => {
    const id = await openCase();
    const started = await startUpload(officer, id, { name: 'a.jpg', contentType: 'image/jpeg', size: 10 });
    const uploadId = started.json<{ id: string }>().id;
    expectRefused(await sendChunk(officer, uploadId, 0, Buffer.alloc(11)), 422, 'UPLOAD_CHUNK_INVALID');
    const wrong = await sendChunk(officer, uploadId, 5, Buffer.alloc(5));
    expectRefused(wrong, 409, 'UPLOAD_OFFSET_MISMATCH');
    expect(wrong.json<{ error: { details: { offset: number } } }>().error.details.offset).toBe(0);
  });

  it('a file that is not an image is not made a photo', async () => {
    const id = await openCase();
    const before = await snapshot(id);
    const uploadId = await upload(officer, id, pdfBytes, { name: 'x.jpg', contentType: 'image/jpeg' });
    expectRefused(
      await officer.request('POST', `/api/v1/cases/${id}/photos`, { uploadId }),
      415,
      'IMAGE_TYPE_NOT_ALLOWED',
    );
    expect(await snapshot(id)).toEqual(before);
  });

  it('wrong states: answering a draft, deciding a draft, submitting twice, editing a submitted case', async () => {
    const draft = await openCase();
    const draftBefore = await snapshot(draft);
    expectRefused(
      await rightHolder.request('POST', `/api/v1/cases/${draft}/answer`, { verdict: 'genuine', comment: null }),
      404, // a right holder never sees a draft
      'CASE_NOT_FOUND',
    );
    expectRefused(
      await officer.request('POST', `/api/v1/cases/${draft}/transition`, { to: 'destroyed', reason: 'x' }),
      409,
      'CASE_STATE_INVALID',
    );
    expect(await snapshot(draft)).toEqual(draftBefore);

    const submitted = await openCase(officer, true);
    const before = await snapshot(submitted);
    expectRefused(await officer.request('POST', `/api/v1/cases/${submitted}/submit`), 409, 'CASE_STATE_INVALID');
    expectRefused(
      await officer.request('PATCH', `/api/v1/cases/${submitted}`, { assessment: 'changed after the fact' }),
      409,
      'CASE_STATE_INVALID',
    );
    expectRefused(
      await officer.request('POST', `/api/v1/cases/${submitted}/transition`, { to: 'court', reason: 'x' }),
      409,
      'CASE_STATE_INVALID',
    );
    expect(await snapshot(submitted)).toEqual(before);
  });

  it('a deadline in the past, or not a day at all', async () => {
    const id = await openCase(officer, true);
    const before = await snapshot(id);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expectRefused(
      await officer.request('PUT', `/api/v1/cases/${id}/deadline`, { responseDeadline: yesterday, reason: 'x' }),
      422,
      'DEADLINE_IN_PAST',
    );
    expectRefused(
      await officer.request('PUT', `/api/v1/cases/${id}/deadline`, { responseDeadline: '2026-02-30', reason: 'x' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await snapshot(id)).toEqual(before);
  });

  it('an unknown product, or another right holder’s draft product, on a line', async () => {
    const id = await openCase();
    const before = await snapshot(id);
    const draftProduct = (await t.factories.product(otherRightHolder, { status: 'draft' })).id;
    for (const missing of [UNKNOWN, draftProduct]) {
      expectRefused(
        await officer.request('POST', '/api/v1/cases', { lines: [{ productId: missing, quantity: 1 }] }),
        404,
        'PRODUCT_NOT_FOUND',
      );
      expectRefused(
        await officer.request('PATCH', `/api/v1/cases/${id}`, { lines: [{ productId: missing, quantity: 1 }] }),
        404,
        'PRODUCT_NOT_FOUND',
      );
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it('another tenant’s ids: a case, an upload, a photo, a message channel', async () => {
    const foreign = await openCase(spanishOfficer, true);
    const mine = await openCase(officer, true);
    const before = await snapshot(mine);
    const foreignUpload = (
      await startUpload(spanishOfficer, foreign, { name: 'a.jpg', contentType: 'image/jpeg', size: 10 })
    ).json<{ id: string }>().id;
    expectRefused(await officer.request('GET', `/api/v1/cases/${foreign}`), 404, 'CASE_NOT_FOUND');
    expectRefused(
      await officer.request('PATCH', `/api/v1/cases/${foreign}`, { assessment: 'x' }),
      404,
      'CASE_NOT_FOUND',
    );
    expectRefused(await officer.request('GET', `/api/v1/uploads/${foreignUpload}`), 404, 'UPLOAD_NOT_FOUND');
    expectRefused(await sendChunk(officer, foreignUpload, 0, Buffer.alloc(10)), 404, 'UPLOAD_NOT_FOUND');
    // Someone else's upload made a photo of my case: the upload is not found for me.
    expectRefused(
      await officer.request('POST', `/api/v1/cases/${mine}/photos`, { uploadId: foreignUpload }),
      404,
      'UPLOAD_NOT_FOUND',
    );
    expectRefused(
      await otherRightHolder.request('GET', `/api/v1/cases/${mine}/messages?channel=customs`),
      404,
      'CASE_NOT_FOUND',
    );
    expectRefused(
      await otherRightHolder.request('POST', `/api/v1/cases/${mine}/answer`, { verdict: 'genuine', comment: null }),
      404,
      'CASE_NOT_FOUND',
    );
    expect(await snapshot(mine)).toEqual(before);
  });
});
