import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { files } from '../catalog/catalog.tables';
import { bufferOf, iso, rowsOf } from './case-access';
import { caseFiles } from './conversation.tables';
import { caseLines } from './cases.tables';

export async function insertFile(db: Db, values: typeof files.$inferInsert): Promise<string> {
  const [row] = await db.insert(files).values(values).returning({ id: files.id });
  return row!.id;
}

export async function insertCaseFile(db: Db, values: typeof caseFiles.$inferInsert): Promise<string> {
  // clock_timestamp(): a message's attachments keep the order they were given in.
  const [row] = await db
    .insert(caseFiles)
    .values({ ...values, createdAt: sql`clock_timestamp()` })
    .returning({ id: caseFiles.id });
  return row!.id;
}

export async function findLine(db: Db, caseId: string, lineId: string) {
  const [row] = await db
    .select({ id: caseLines.id })
    .from(caseLines)
    .where(and(eq(caseLines.caseId, caseId), eq(caseLines.id, lineId)))
    .limit(1);
  return row;
}

export interface CaseFileRow {
  id: string;
  kind: 'photo' | 'attachment';
  lineId: string | null;
  messageId: string | null;
  fileId: string;
  thumbnailFileId: string | null;
  name: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  uploadedById: string;
  uploadedByName: string;
  createdAt: string;
}

const columns = sql`f.id, f.kind, f.line_id as "lineId", f.message_id as "messageId", f.file_id as "fileId",
  f.thumbnail_file_id as "thumbnailFileId", f.name, f.content_type as "contentType", f.size, f.width, f.height,
  f.uploaded_by as "uploadedById", u.name as "uploadedByName", ${iso(sql`f.created_at`)} as "createdAt"`;

/** Case files matching `where` (alias `f`), oldest first. */
export function listCaseFiles(db: Db, where: SQL) {
  return rowsOf<CaseFileRow>(
    db,
    sql`select ${columns} from case_files f join users u on u.id = f.uploaded_by
        where ${where} order by f.created_at, f.id`,
  );
}

export async function findCaseFile(db: Db, caseId: string, id: string, visible: SQL) {
  const [row] = await listCaseFiles(db, sql`f.case_id = ${caseId} and f.id = ${id} and ${visible}`);
  return row;
}

export async function readFileBytes(db: Db, fileId: string): Promise<Buffer | undefined> {
  const [row] = await db.select({ bytes: files.bytes }).from(files).where(eq(files.id, fileId)).limit(1);
  return row && bufferOf(row.bytes);
}

/** Deletes a case file and its stored bytes (an upload made from it forgets it). */
export async function deleteCaseFile(db: Db, row: { id: string; fileId: string; thumbnailFileId: string | null }) {
  await db.delete(caseFiles).where(eq(caseFiles.id, row.id));
  await db
    .delete(files)
    .where(inArray(files.id, row.thumbnailFileId ? [row.fileId, row.thumbnailFileId] : [row.fileId]));
}
