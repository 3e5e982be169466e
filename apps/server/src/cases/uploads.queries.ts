import { and, asc, count, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { bufferOf } from './case-access';
import { uploadChunks, uploads } from './conversation.tables';

export type UploadRow = typeof uploads.$inferSelect;

export async function insertUpload(db: Db, values: typeof uploads.$inferInsert): Promise<UploadRow> {
  const [row] = await db.insert(uploads).values(values).returning();
  return row!;
}

/** The upload, locked until the transaction ends when `forUpdate` (one chunk at a time per upload). */
export async function findUpload(db: Db, id: string, { forUpdate = false } = {}): Promise<UploadRow | undefined> {
  const query = db.select().from(uploads).where(eq(uploads.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** Stores a chunk at `offset` and moves the upload's offset past it, only if the server was at `offset`. */
export async function appendChunk(db: Db, id: string, offset: number, bytes: Buffer): Promise<number | undefined> {
  const [moved] = await db
    .update(uploads)
    .set({ received: sql`${uploads.received} + ${bytes.length}` })
    .where(and(eq(uploads.id, id), eq(uploads.received, offset)))
    .returning({ received: uploads.received });
  if (!moved) return undefined;
  await db.insert(uploadChunks).values({ uploadId: id, offset, bytes });
  return moved.received;
}

/** The bytes received, in order. */
export async function readUploadBytes(db: Db, id: string): Promise<Buffer> {
  const chunks = await db
    .select({ bytes: uploadChunks.bytes })
    .from(uploadChunks)
    .where(eq(uploadChunks.uploadId, id))
    .orderBy(asc(uploadChunks.offset));
  return Buffer.concat(chunks.map((c) => bufferOf(c.bytes)));
}

/**
 * Records the case file made from the upload and frees its chunks (the bytes now live in
 * `files`). False when another request already used it.
 */
export async function markUsed(db: Db, id: string, caseFileId: string): Promise<boolean> {
  const used = await db
    .update(uploads)
    .set({ caseFileId })
    .where(and(eq(uploads.id, id), isNull(uploads.caseFileId)))
    .returning({ id: uploads.id });
  if (used.length === 0) return false;
  await db.delete(uploadChunks).where(eq(uploadChunks.uploadId, id));
  return true;
}

/** Forgets the user's uploads never turned into a file and started before `before` (their chunks go with them). */
export async function deleteStaleUploads(db: Db, userId: string, before: Date): Promise<number> {
  const gone = await db
    .delete(uploads)
    .where(and(eq(uploads.userId, userId), isNull(uploads.caseFileId), lt(uploads.createdAt, before)))
    .returning({ id: uploads.id });
  return gone.length;
}

/** The user's uploads not (yet) turned into a file. */
export async function countPending(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(uploads)
    .where(and(eq(uploads.userId, userId), isNull(uploads.caseFileId)));
  return row?.n ?? 0;
}

export async function deleteUpload(db: Db, id: string) {
  await db.delete(uploads).where(and(eq(uploads.id, id), isNull(uploads.caseFileId)));
}
