import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@verity/contract';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { noisyJpeg, pdfBytes, upload } from '../../test/case-uploads';
import type { Actor } from '../platform/policy';
import { createCaseFilesService } from './case-files.service';
import type { CaseNotice } from './case-notices';
import { createConversationService } from './conversation.service';
import { createUploadsService } from './uploads.service';

let t: TestApp;
let officer: Session;
let colleague: Session;
let otherFr: Session; // another French administration, invited to some cases
let rhA: Session;
let rhA2: Session;
let rhB: Session;
let productA: { id: string };
let brandB: { id: string };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
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

async function twoBrandCase({ submit = true } = {}) {
  const created = await officer.request('POST', '/api/v1/cases', {
    lines: [
      { productId: productA.id, quantity: 10 },
      { brandId: brandB.id, description: 'Bags', quantity: 5 },
    ],
  });
  const id = created.json<{ id: string }>().id;
  if (submit) expect((await officer.request('POST', `/api/v1/cases/${id}/submit`)).statusCode).toBe(200);
  return id;
}

interface Message {
  id: string;
  body: string;
  parentId: string | null;
  internal: boolean;
  side: string;
  attachments: { id: string; url: string; thumbnailUrl: string | null; contentType: string; name: string }[];
  readBy: { name: string; organisation: string; at: string }[];
}
async function post(as: Session, caseId: string, body: Record<string, unknown>) {
  const response = await as.request('POST', `/api/v1/cases/${caseId}/messages`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Message>();
}
async function read(as: Session, caseId: string, channel: string) {
  const response = await as.request('GET', `/api/v1/cases/${caseId}/messages?channel=${channel}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ messages: Message[] }>().messages;
}
const bodies = (messages: Message[]) => messages.map((m) => m.body);

describe('conversations', () => {
  it('each right holder talks with customs in its own conversation and never sees another’s', async () => {
    const id = await twoBrandCase();
    const toA = await post(officer, id, { channel: rhA.organisationId, body: 'Can you confirm the crown?' });
    expect(toA).toMatchObject({ side: 'customs', internal: false, readBy: [] });
    await post(officer, id, { channel: rhB.organisationId, body: 'Are these bags yours?' });
    await post(colleague, id, { channel: 'customs', body: 'Between us: the consignee is known' });
    const fromA = await post(rhA2, id, { channel: rhA.organisationId, body: 'Fake: the crown is printed' });
    expect(fromA.side).toBe('right_holder');

    expect(bodies(await read(rhA, id, rhA.organisationId))).toEqual([
      'Can you confirm the crown?',
      'Fake: the crown is printed',
    ]);
    expect(bodies(await read(rhB, id, rhB.organisationId))).toEqual(['Are these bags yours?']);
    for (const [who, channel] of [
      [rhB, rhA.organisationId],
      [rhA, rhB.organisationId],
      [rhA, 'customs'],
      [rhA, UNKNOWN],
      [officer, UNKNOWN],
      [officer, rhA2.userId],
    ] as const) {
      const refused = await who.request('GET', `/api/v1/cases/${id}/messages?channel=${channel}`);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error.code).toBe('CASE_CHANNEL_NOT_FOUND');
      const posted = await who.request('POST', `/api/v1/cases/${id}/messages`, { channel, body: 'Hello?' });
      expect(posted.statusCode).toBe(404);
    }
    expect(bodies(await read(officer, id, 'customs'))).toEqual(['Between us: the consignee is known']);

    const customsView = (await colleague.request('GET', `/api/v1/cases/${id}/conversations`)).json();
    expect(customsView.channels.map((c: { channel: string }) => c.channel).sort()).toEqual(
      [rhA.organisationId, rhB.organisationId, 'customs'].sort(),
    );
    const seenByA = (await rhA.request('GET', `/api/v1/cases/${id}/conversations`)).json();
    expect(seenByA.channels).toEqual([
      {
        channel: rhA.organisationId,
        rightHolder: { id: rhA.organisationId, name: expect.any(String) },
        messages: 2,
        unread: 0,
        canPost: true,
      },
    ]);
    // Guessed case ids, or a case of another administration: not found.
    expect((await rhA.request('GET', `/api/v1/cases/${UNKNOWN}/conversations`)).statusCode).toBe(404);
    expect((await otherFr.request('GET', `/api/v1/cases/${id}/messages?channel=customs`)).statusCode).toBe(404);
  });

  it('read receipts: reading marks read; the author sees who of the other side read it and when; unread counts follow', async () => {
    const id = await twoBrandCase();
    const asked = await post(officer, id, { channel: rhA.organisationId, body: 'Photos attached soon' });
    let counts = (await rhA2.request('GET', `/api/v1/cases/${id}/conversations`)).json().channels[0];
    expect(counts).toMatchObject({ messages: 1, unread: 1 });
    await read(rhA2, id, rhA.organisationId);
    counts = (await rhA2.request('GET', `/api/v1/cases/${id}/conversations`)).json().channels[0];
    expect(counts).toMatchObject({ messages: 1, unread: 0 });
    const [seen] = await read(officer, id, rhA.organisationId);
    expect(seen!.id).toBe(asked.id);
    expect(seen!.readBy).toEqual([
      { name: 'right_holder_editor', organisation: expect.any(String), at: expect.any(String) },
    ]);
    // The officer's colleague reading it is not a receipt that matters to the author.
    await read(colleague, id, rhA.organisationId);
    expect((await read(officer, id, rhA.organisationId))[0]!.readBy).toHaveLength(1);
    // Customs read the answer: A sees it; B hears nothing of A's conversation.
    const answer = await post(rhA, id, { channel: rhA.organisationId, body: 'Fake' });
    const customs = (await officer.request('GET', `/api/v1/cases/${id}/conversations`)).json();
    expect(customs.channels.find((c: { channel: string }) => c.channel === rhA.organisationId)).toMatchObject({
      unread: 1,
    });
    await read(officer, id, rhA.organisationId);
    const mine = (await read(rhA, id, rhA.organisationId)).find((m) => m.id === answer.id)!;
    expect(mine.readBy.map((r) => r.name)).toEqual(['officer']);
    const b = (await rhB.request('GET', `/api/v1/cases/${id}/conversations`)).json();
    expect(b.channels).toMatchObject([{ channel: rhB.organisationId, messages: 0 }]);
  });

  it('internal messages stay on their author’s side; replies make threads within one conversation', async () => {
    const id = await twoBrandCase();
    const question = await post(officer, id, { channel: rhA.organisationId, body: 'Is this genuine?' });
    const note = await post(officer, id, { channel: rhA.organisationId, body: 'We think not', internal: true });
    const theirs = await post(rhA, id, {
      channel: rhA.organisationId,
      body: 'Ask legal first',
      internal: true,
      parentId: question.id,
    });
    const reply = await post(rhA2, id, { channel: rhA.organisationId, body: 'Counterfeit', parentId: question.id });
    expect(reply.parentId).toBe(question.id);

    expect(bodies(await read(rhA2, id, rhA.organisationId))).toEqual([
      'Is this genuine?',
      'Ask legal first',
      'Counterfeit',
    ]);
    expect(bodies(await read(colleague, id, rhA.organisationId))).toEqual([
      'Is this genuine?',
      'We think not',
      'Counterfeit',
    ]);
    // A reply to an internal note is internal too, whatever the flag said.
    const onNote = await post(colleague, id, { channel: rhA.organisationId, body: 'Agreed', parentId: note.id });
    expect(onNote.internal).toBe(true);
    expect(bodies(await read(rhA, id, rhA.organisationId))).not.toContain('Agreed');
    // A right holder cannot reply to what it cannot see, nor across conversations.
    for (const parentId of [note.id, UNKNOWN]) {
      const refused = await rhA.request('POST', `/api/v1/cases/${id}/messages`, {
        channel: rhA.organisationId,
        body: 'Re',
        parentId,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('CASE_MESSAGE_PARENT_INVALID');
    }
    const across = await officer.request('POST', `/api/v1/cases/${id}/messages`, {
      channel: rhB.organisationId,
      body: 'Re',
      parentId: theirs.id,
    });
    expect(across.json().error.code).toBe('CASE_MESSAGE_PARENT_INVALID');
  });

  it('attachments: PDF and images by content, seen by whoever sees the message; other bytes are refused', async () => {
    const id = await twoBrandCase();
    const pdf = await upload(rhA, id, pdfBytes, { name: 'Expert report.pdf', contentType: 'application/pdf' });
    const photo = await upload(rhA, id, noisyJpeg, { name: 'genuine.jpg' });
    const sent = await post(rhA, id, {
      channel: rhA.organisationId,
      body: 'Our report and a genuine one',
      attachmentUploadIds: [pdf, photo],
    });
    expect(sent.attachments).toMatchObject([
      { name: 'Expert report.pdf', contentType: 'application/pdf', thumbnailUrl: null },
      { name: 'genuine.jpg', contentType: 'image/jpeg', thumbnailUrl: expect.stringMatching(/thumbnail$/) },
    ]);
    const [report, image] = sent.attachments;
    const download = await officer.request('GET', report!.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Expert report.pdf"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdfBytes)).toBe(true);
    expect((await rhA2.request('GET', image!.thumbnailUrl!)).statusCode).toBe(200);
    expect((await rhB.request('GET', report!.url)).statusCode).toBe(404);
    // The same upload cannot be attached twice.
    const again = await rhA.request('POST', `/api/v1/cases/${id}/messages`, {
      channel: rhA.organisationId,
      body: 'Again',
      attachmentUploadIds: [pdf],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('UPLOAD_ALREADY_USED');
    // An internal note's attachment is as private as the note.
    const secret = await upload(officer, id, pdfBytes, { name: 'notes.pdf', contentType: 'application/pdf' });
    const internal = await post(officer, id, {
      channel: rhA.organisationId,
      body: 'Internal',
      internal: true,
      attachmentUploadIds: [secret],
    });
    expect((await rhA.request('GET', internal.attachments[0]!.url)).statusCode).toBe(404);
    expect((await colleague.request('GET', internal.attachments[0]!.url)).statusCode).toBe(200);
    // A "PDF" that is not one, an executable named as a document: refused, and no message is written.
    const fake = await upload(rhA, id, Buffer.from('MZ\x90\x00 this is a program'), {
      name: 'report.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const refused = await rhA.request('POST', `/api/v1/cases/${id}/messages`, {
      channel: rhA.organisationId,
      body: 'See attached',
      attachmentUploadIds: [fake],
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    expect(bodies(await read(rhA, id, rhA.organisationId))).not.toContain('See attached');
    const incomplete = (
      await rhA.request('POST', `/api/v1/cases/${id}/uploads`, {
        name: 'a.pdf',
        contentType: 'application/pdf',
        size: 99,
      })
    ).json().id;
    const early = await rhA.request('POST', `/api/v1/cases/${id}/messages`, {
      channel: rhA.organisationId,
      body: 'Wait',
      attachmentUploadIds: [incomplete],
    });
    expect(early.json().error.code).toBe('UPLOAD_INCOMPLETE');
  });

  it('messages start with the submission (customs among themselves already in a draft); a closed case is read-only; invited administrations join', async () => {
    const id = await twoBrandCase({ submit: false });
    const early = await officer.request('POST', `/api/v1/cases/${id}/messages`, {
      channel: rhA.organisationId,
      body: 'Too early',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CASE_STATE_INVALID');
    await post(officer, id, { channel: 'customs', body: 'Draft note' });
    await officer.request('POST', `/api/v1/cases/${id}/submit`);
    await officer.request('POST', `/api/v1/cases/${id}/shares`, { organisationId: otherFr.organisationId });
    expect(bodies(await read(otherFr, id, 'customs'))).toEqual(['Draft note']);
    await post(otherFr, id, { channel: 'customs', body: 'We know this consignor' });
    const [note] = await read(officer, id, 'customs');
    expect(note!.readBy.map((r) => r.name)).toEqual(['officer']); // read by the invited administration's officer
    await officer.request('POST', `/api/v1/cases/${id}/transition`, { to: 'closed', reason: 'Done' });
    const closed = await rhA.request('POST', `/api/v1/cases/${id}/messages`, {
      channel: rhA.organisationId,
      body: 'Late',
    });
    expect(closed.statusCode).toBe(409);
    expect((await read(rhA, id, rhA.organisationId)).length).toBe(0);
    const view = (await officer.request('GET', `/api/v1/cases/${id}/conversations`)).json();
    expect(view.channels.every((c: { canPost: boolean }) => !c.canPost)).toBe(true);
  });
});

describe('notices', () => {
  const actorOf = (s: Session, role: Role, kind: Actor['organisationKind']): Actor => ({
    userId: s.userId,
    membershipId: s.userId,
    role,
    organisationId: s.organisationId,
    organisationKind: kind,
    country: kind === 'customs' ? 'FR' : null,
  });

  it('a message tells the notifier in its transaction: both sides of the conversation, an internal note only its side', async () => {
    const id = await twoBrandCase();
    const notices: CaseNotice[] = [];
    const uploads = createUploadsService({ db: t.db, maxUploadBytes: 1e6 });
    const service = createConversationService({
      db: t.db,
      caseFiles: createCaseFilesService({ db: t.db, uploads }),
      notify: async (tx, notice) => {
        // Inside the transaction: the message is already there.
        const found = await tx.execute(`select 1 from case_messages where id = '${String(notice.data.messageId)}'`);
        expect(found.rows).toHaveLength(1);
        notices.push(notice);
      },
    });
    const customs = actorOf(officer, 'officer', 'customs');
    const a = actorOf(rhA, 'right_holder_admin', 'right_holder');
    const post = (actor: Actor, channel: string, internal = false) =>
      service.postMessage(actor, id, { channel, body: 'Hi', internal, parentId: null, attachmentUploadIds: [] });
    await post(customs, rhA.organisationId);
    await post(customs, rhA.organisationId, true);
    await post(a, rhA.organisationId);
    await post(a, rhA.organisationId, true);
    await post(customs, 'customs');
    expect(notices.map((n) => [n.event, n.to])).toEqual([
      ['case.message', { customs: true, rightHolders: [rhA.organisationId] }],
      ['case.message', { customs: true, rightHolders: [] }],
      ['case.message', { customs: true, rightHolders: [rhA.organisationId] }],
      ['case.message', { customs: false, rightHolders: [rhA.organisationId] }],
      ['case.message', { customs: true, rightHolders: [] }],
    ]);
    expect(notices[0]).toMatchObject({
      caseId: id,
      by: customs,
      data: { channel: rhA.organisationId, internal: false },
    });
  });
});
