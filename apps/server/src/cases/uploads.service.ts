import { uploadContentTypes, type Upload, type UploadInputSchema } from '@verity/contract';
import type { z } from 'zod';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { authorize, scopeOf, type Actor } from '../platform/policy';
import { assertOpen, loadCase } from './case-access';
import * as q from './uploads.queries';

const acceptedTypes = new Set<string>(uploadContentTypes);
/** How long an unfinished or unused upload is kept: long enough for a phone offline over a weekend. */
export const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;
/** Enough for a message's 10 attachments and a handful of photos on their way. */
export const MAX_PENDING_UPLOADS = 30;

const present = (row: q.UploadRow): Upload => ({
  id: row.id,
  name: row.name,
  contentType: row.contentType,
  size: row.size,
  offset: row.received,
  complete: row.received === row.size,
});

/**
 * Resumable uploads (tus-like) of photos and attachments of a case. Each chunk is committed on
 * its own, so what the server acknowledged survives a lost connection or a crash; only the user
 * who started an upload may see or continue it (anyone else gets UPLOAD_NOT_FOUND).
 */
export function createUploadsService({ db, maxUploadBytes }: { db: Db; maxUploadBytes: number }) {
  /** Whoever may add photos to the case or write in its conversations may upload to it. */
  async function startUpload(actor: Actor, caseId: string, input: z.output<typeof UploadInputSchema>): Promise<Upload> {
    const row = await loadCase(db, actor, 'case.read', caseId);
    if (!scopeOf(actor, 'case.photo') && !scopeOf(actor, 'case.message'))
      throw new AppError('FORBIDDEN', { action: 'case.message' });
    assertOpen(row);
    if (!acceptedTypes.has(input.contentType))
      throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { contentType: input.contentType });
    if (input.size > maxUploadBytes) throw new AppError('UPLOAD_TOO_LARGE', { maxBytes: maxUploadBytes });
    // Abandoned uploads (a phone that never came back) are forgotten after a week, by their owner's next one.
    await q.deleteStaleUploads(db, actor.userId, new Date(Date.now() - STALE_AFTER_MS));
    // Bytes kept for nothing are bounded: a user has at most this many uploads not yet used.
    if ((await q.countPending(db, actor.userId)) >= MAX_PENDING_UPLOADS)
      throw new AppError('UPLOAD_LIMIT_REACHED', { max: MAX_PENDING_UPLOADS });
    const created = await q.insertUpload(db, {
      userId: actor.userId,
      organisationId: actor.organisationId,
      caseId,
      name: input.name,
      contentType: input.contentType,
      size: input.size,
    });
    return present(created);
  }

  /** A role that never reads cases is FORBIDDEN; anyone but the uploader finds no such upload. */
  const owned = (actor: Actor, row: q.UploadRow | undefined): q.UploadRow => {
    authorize(actor, 'case.read');
    if (!row || row.userId !== actor.userId || row.organisationId !== actor.organisationId)
      throw new AppError('UPLOAD_NOT_FOUND');
    return row;
  };

  async function uploadStatus(actor: Actor, id: string): Promise<Upload> {
    return present(owned(actor, await q.findUpload(db, id)));
  }

  /** A chunk at `offset`, which must be where the server is (else the current offset, to resume from). */
  async function appendChunk(actor: Actor, id: string, offset: number, bytes: Buffer): Promise<Upload> {
    return db.transaction(async (tx) => {
      const row = owned(actor, await q.findUpload(tx, id, { forUpdate: true }));
      if (offset !== row.received)
        throw new AppError('UPLOAD_OFFSET_MISMATCH', { offset: row.received, size: row.size });
      if (bytes.length === 0 || offset + bytes.length > row.size)
        throw new AppError('UPLOAD_CHUNK_INVALID', { offset: row.received, size: row.size });
      const received = await q.appendChunk(tx, id, offset, bytes);
      if (received === undefined)
        throw new AppError('UPLOAD_OFFSET_MISMATCH', { offset: row.received, size: row.size });
      return present({ ...row, received });
    });
  }

  /**
   * A complete upload of the actor to this case, for a photo or an attachment: `caseFileId`
   * when it was already turned into one (a retried completion), else its bytes.
   */
  async function completeUpload(
    actor: Actor,
    id: string,
    caseId: string,
  ): Promise<{ upload: q.UploadRow; caseFileId: string } | { upload: q.UploadRow; caseFileId: null; bytes: Buffer }> {
    const upload = owned(actor, await q.findUpload(db, id));
    if (upload.caseId !== caseId) throw new AppError('UPLOAD_NOT_FOUND');
    if (upload.caseFileId) return { upload, caseFileId: upload.caseFileId };
    if (upload.received !== upload.size)
      throw new AppError('UPLOAD_INCOMPLETE', { offset: upload.received, size: upload.size });
    const bytes = await q.readUploadBytes(db, id);
    // Its file was made and then deleted (a photo removed from a draft): the bytes are gone.
    if (bytes.length !== upload.size) throw new AppError('UPLOAD_ALREADY_USED');
    return { upload, caseFileId: null, bytes };
  }

  /** A complete upload whose bytes were refused (not an image, not an accepted type): nothing to keep. */
  const discard = (id: string) => q.deleteUpload(db, id);

  /** Inside the transaction that made the case file: false when a concurrent request used the upload first. */
  const markUsed = (tx: Db, id: string, caseFileId: string) => q.markUsed(tx, id, caseFileId);
  const findUpload = (tx: Db, id: string) => q.findUpload(tx, id, { forUpdate: true });

  return { startUpload, uploadStatus, appendChunk, completeUpload, markUsed, findUpload, discard };
}
export type UploadsService = ReturnType<typeof createUploadsService>;
