import { sql } from 'drizzle-orm';
import type { CasePhoto } from '@verity/contract';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { imageFormatOf, processImage } from '../platform/images';
import type { Actor } from '../platform/policy';
import { assertOpen, caseFileVisibleSql, loadCase } from './case-access';
import * as q from './case-files.queries';
import type { UploadsService } from './uploads.service';

export const caseFileUrl = (caseId: string, id: string) => `/api/v1/cases/${caseId}/files/${id}`;

const presentPhoto = (caseId: string, row: q.CaseFileRow): CasePhoto => ({
  id: row.id,
  lineId: row.lineId,
  name: row.name,
  width: row.width,
  height: row.height,
  url: caseFileUrl(caseId, row.id),
  thumbnailUrl: `${caseFileUrl(caseId, row.id)}/thumbnail`,
  uploadedBy: { id: row.uploadedById, name: row.uploadedByName },
  createdAt: row.createdAt,
});

export const presentAttachment = (caseId: string, row: q.CaseFileRow) => ({
  id: row.id,
  name: row.name,
  contentType: row.contentType,
  size: row.size,
  url: caseFileUrl(caseId, row.id),
  thumbnailUrl: row.thumbnailFileId ? `${caseFileUrl(caseId, row.id)}/thumbnail` : null,
});

/** The photos of a case the actor sees (for the case's answer): a right holder never another's lines'. */
export async function photosOf(db: Db, actor: Actor, caseId: string): Promise<CasePhoto[]> {
  const rows = await q.listCaseFiles(
    db,
    sql`f.case_id = ${caseId} and f.kind = 'photo' and ${caseFileVisibleSql(actor)}`,
  );
  return rows.map((row) => presentPhoto(caseId, row));
}

const ZIP = Buffer.from('504b0304', 'hex');
const OLE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const zipped = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]);
const legacyOffice = new Set(['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint']);

export interface StoredContent {
  bytes: Buffer;
  contentType: string;
  width: number | null;
  height: number | null;
  thumbnail: Buffer | null;
}

/**
 * What an attachment is, judged from its bytes: an image (decoded and re-encoded, as photos),
 * a PDF (`%PDF-`), an office document of the declared kind (ZIP or OLE signature); else refused.
 */
async function judgeAttachment(bytes: Buffer, declared: string): Promise<StoredContent> {
  if (await imageFormatOf(bytes)) {
    const image = await processImage(bytes);
    return {
      bytes: image.data,
      contentType: image.contentType,
      width: image.width,
      height: image.height,
      thumbnail: image.thumbnail,
    };
  }
  const starts = (signature: Buffer) => bytes.subarray(0, signature.length).equals(signature);
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-')
    return { bytes, contentType: 'application/pdf', width: null, height: null, thumbnail: null };
  if ((starts(ZIP) && zipped.has(declared)) || (starts(OLE) && legacyOffice.has(declared)))
    return { bytes, contentType: declared, width: null, height: null, thumbnail: null };
  throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { contentType: declared });
}

/** Photos of the goods, attachments of messages, and the bytes of both for whoever may see them. */
export function createCaseFilesService({ db, uploads }: { db: Db; uploads: UploadsService }) {
  async function store(
    tx: Db,
    actor: Actor,
    values: { caseId: string; kind: 'photo' | 'attachment'; lineId?: string | null; messageId?: string | null },
    upload: { id: string; name: string },
    content: StoredContent,
  ): Promise<string> {
    const fileId = await q.insertFile(tx, {
      organisationId: actor.organisationId,
      contentType: content.contentType,
      bytes: content.bytes,
      size: content.bytes.length,
    });
    const thumbnailFileId = content.thumbnail
      ? await q.insertFile(tx, {
          organisationId: actor.organisationId,
          contentType: 'image/webp',
          bytes: content.thumbnail,
          size: content.thumbnail.length,
        })
      : null;
    const id = await q.insertCaseFile(tx, {
      ...values,
      fileId,
      thumbnailFileId,
      name: upload.name,
      contentType: content.contentType,
      size: content.bytes.length,
      width: content.width,
      height: content.height,
      uploadedBy: actor.userId,
      organisationId: actor.organisationId,
    });
    if (!(await uploads.markUsed(tx, upload.id, id))) throw new AppError('UPLOAD_ALREADY_USED');
    return id;
  }

  /** Bytes refused for what they are will not become acceptable: the upload is forgotten, the refusal answered. */
  async function refusedGoes<T>(uploadId: string, judged: Promise<T>): Promise<T> {
    try {
      return await judged;
    } catch (error) {
      if (error instanceof AppError) await uploads.discard(uploadId);
      throw error;
    }
  }

  async function existingPhoto(h: Db, caseId: string, id: string) {
    const row = await q.findCaseFile(h, caseId, id, sql`f.kind = 'photo'`);
    if (!row) throw new AppError('UPLOAD_ALREADY_USED');
    return presentPhoto(caseId, row);
  }

  /**
   * A complete upload becomes a photo of the case: decoded, re-encoded without metadata, with a
   * thumbnail. Idempotent: completing the same upload again answers the same photo.
   */
  async function addPhoto(
    actor: Actor,
    caseId: string,
    input: { uploadId: string; lineId: string | null },
  ): Promise<CasePhoto> {
    const row = await loadCase(db, actor, 'case.photo', caseId);
    const done = await uploads.completeUpload(actor, input.uploadId, caseId);
    if (done.caseFileId !== null) return existingPhoto(db, caseId, done.caseFileId);
    assertOpen(row);
    if (input.lineId && !(await q.findLine(db, caseId, input.lineId))) throw new AppError('CASE_LINE_NOT_FOUND');
    const image = await refusedGoes(input.uploadId, processImage(done.bytes));
    return db.transaction(async (tx) => {
      // Two completions racing: the second waits here and answers the first one's photo.
      const locked = await uploads.findUpload(tx, input.uploadId);
      if (locked?.caseFileId) return existingPhoto(tx, caseId, locked.caseFileId);
      const id = await store(tx, actor, { caseId, kind: 'photo', lineId: input.lineId }, done.upload, {
        bytes: image.data,
        contentType: image.contentType,
        width: image.width,
        height: image.height,
        thumbnail: image.thumbnail,
      });
      return existingPhoto(tx, caseId, id);
    });
  }

  /** While the case is a draft, its photos can be taken back. */
  async function deletePhoto(actor: Actor, caseId: string, photoId: string) {
    const row = await loadCase(db, actor, 'case.photo', caseId);
    const photo = await q.findCaseFile(db, caseId, photoId, sql`f.kind = 'photo'`);
    if (!photo) throw new AppError('CASE_FILE_NOT_FOUND');
    if (row.status !== 'draft') throw new AppError('CASE_STATE_INVALID', { status: row.status });
    await db.transaction((tx) => q.deleteCaseFile(tx, photo));
  }

  /** Before the message's transaction: the upload's content, judged (decoding images takes time). */
  async function prepareAttachment(actor: Actor, caseId: string, uploadId: string) {
    const done = await uploads.completeUpload(actor, uploadId, caseId);
    if (done.caseFileId !== null) throw new AppError('UPLOAD_ALREADY_USED');
    return {
      upload: done.upload,
      content: await refusedGoes(uploadId, judgeAttachment(done.bytes, done.upload.contentType)),
    };
  }
  type Prepared = Awaited<ReturnType<typeof prepareAttachment>>;

  /** Inside the message's transaction. */
  const storeAttachment = (tx: Db, actor: Actor, caseId: string, messageId: string, prepared: Prepared) =>
    store(tx, actor, { caseId, kind: 'attachment', messageId }, prepared.upload, prepared.content);

  /** The attachments of these messages (already filtered to what the reader sees). */
  async function attachmentsOf(h: Db, caseId: string, messageIds: string[]) {
    if (messageIds.length === 0) return new Map<string, ReturnType<typeof presentAttachment>[]>();
    const rows = await q.listCaseFiles(
      h,
      sql`f.case_id = ${caseId} and f.kind = 'attachment' and f.message_id in (${sql.join(
        messageIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    const byMessage = new Map<string, ReturnType<typeof presentAttachment>[]>();
    for (const row of rows) {
      const list = byMessage.get(row.messageId!) ?? [];
      list.push(presentAttachment(caseId, row));
      byMessage.set(row.messageId!, list);
    }
    return byMessage;
  }

  /** A file's bytes (or its thumbnail's) for whoever may see the file; CASE_FILE_NOT_FOUND for anyone else. */
  async function readFile(actor: Actor, caseId: string, fileId: string, variant: 'original' | 'thumbnail') {
    await loadCase(db, actor, 'case.read', caseId);
    const row = await q.findCaseFile(db, caseId, fileId, caseFileVisibleSql(actor));
    const stored = variant === 'thumbnail' ? row?.thumbnailFileId : row?.fileId;
    const bytes = stored ? await q.readFileBytes(db, stored) : undefined;
    if (!row || !bytes) throw new AppError('CASE_FILE_NOT_FOUND');
    return {
      bytes,
      name: row.name,
      contentType: variant === 'thumbnail' ? 'image/webp' : row.contentType,
    };
  }

  return { addPhoto, deletePhoto, prepareAttachment, storeAttachment, attachmentsOf, readFile };
}
export type CaseFilesService = ReturnType<typeof createCaseFilesService>;
