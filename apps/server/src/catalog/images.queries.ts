import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { files, productImages, products } from './catalog.tables';

export async function insertFile(db: Db, row: typeof files.$inferInsert) {
  const [created] = await db.insert(files).values(row).returning({ id: files.id });
  return created!.id;
}

export async function insertProductImage(db: Db, row: typeof productImages.$inferInsert) {
  const [created] = await db.insert(productImages).values(row).returning();
  return created!;
}

export async function nextImagePosition(db: Db, productId: string) {
  const result = await db.execute(
    sql`select coalesce(max(position) + 1, 0)::int as next from product_images where product_id = ${productId}`,
  );
  return (result.rows[0] as { next: number }).next;
}

export async function findProductImage(db: Db, productId: string, imageId: string) {
  const [row] = await db
    .select()
    .from(productImages)
    .where(and(eq(productImages.id, imageId), eq(productImages.productId, productId)))
    .limit(1);
  return row;
}

export async function deleteProductImage(db: Db, imageId: string, fileIds: string[]) {
  await db.delete(productImages).where(eq(productImages.id, imageId));
  for (const id of fileIds) await db.delete(files).where(eq(files.id, id));
}

/** Points the product's thumbnail at its first image (or none). */
export async function refreshProductThumbnail(db: Db, productId: string) {
  await db.execute(sql`
    update products set thumbnail_file_id = (
      select thumbnail_file_id from product_images where product_id = ${productId}
      order by position, created_at limit 1)
    where id = ${productId}`);
}

/** A stored file with the product it illustrates, to decide who may read it. */
export async function findFileWithOwner(db: Db, fileId: string) {
  const result = await db.execute(sql`
    select f.content_type, f.bytes, p.organisation_id, p.status
    from files f
    join product_images i on i.file_id = f.id or i.thumbnail_file_id = f.id
    join ${products} p on p.id = i.product_id
    where f.id = ${fileId}
    limit 1`);
  const row = result.rows[0] as
    { content_type: string; bytes: Buffer | Uint8Array; organisation_id: string; status: string } | undefined;
  return row && { ...row, bytes: Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes) };
}
