import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db';
import type { DataScope } from '../platform/policy';
import { files, products } from '../catalog/catalog.tables';
import { organisations } from '../organisations/organisations.tables';
import { riskAlertImages, riskAlertProducts, riskAlerts } from './alerts.tables';

export type AlertRow = typeof riskAlerts.$inferSelect & {
  organisationName: string;
  products: { id: string; name: Record<string, string>; defaultLanguage: string }[];
  images: AlertImageRow[];
};
export type AlertImageRow = Pick<
  typeof riskAlertImages.$inferSelect,
  'id' | 'fileId' | 'thumbnailFileId' | 'width' | 'height'
>;

/**
 * The alerts a scope reads: all (secretariat); a right holder's own; and for customs
 * (`published`), those in force today that target the actor's country.
 */
function visibleSql(scope: DataScope, country: string | null): SQL {
  switch (scope.scope) {
    case 'all':
      return sql`true`;
    case 'own':
      return sql`${riskAlerts.organisationId} = ${scope.organisationId}`;
    case 'published':
      return sql`${country}::text = any(${riskAlerts.countries})
        and current_date between ${riskAlerts.validFrom} and ${riskAlerts.validUntil}`;
  }
}

export async function listAlerts(
  db: Db,
  scope: DataScope,
  country: string | null,
  filter: { productId?: string | undefined; id?: string | undefined; ids?: string[] },
): Promise<AlertRow[]> {
  const conditions = [visibleSql(scope, country)];
  if (filter.id) conditions.push(eq(riskAlerts.id, filter.id));
  if (filter.ids) conditions.push(filter.ids.length > 0 ? inArray(riskAlerts.id, filter.ids) : sql`false`);
  if (filter.productId)
    conditions.push(
      sql`exists (select 1 from ${riskAlertProducts} ap where ap.alert_id = ${riskAlerts.id} and ap.product_id = ${filter.productId})`,
    );
  const rows = await db
    .select({ alert: riskAlerts, organisationName: organisations.name })
    .from(riskAlerts)
    .innerJoin(organisations, eq(organisations.id, riskAlerts.organisationId))
    .where(and(...conditions))
    .orderBy(sql`${riskAlerts.validUntil} desc`, riskAlerts.id)
    .limit(200);
  if (rows.length === 0) return [];
  const links = await db
    .select({
      alertId: riskAlertProducts.alertId,
      id: products.id,
      name: products.name,
      defaultLanguage: products.defaultLanguage,
    })
    .from(riskAlertProducts)
    .innerJoin(products, eq(products.id, riskAlertProducts.productId))
    .where(
      inArray(
        riskAlertProducts.alertId,
        rows.map((r) => r.alert.id),
      ),
    );
  const images = await db
    .select({
      alertId: riskAlertImages.alertId,
      id: riskAlertImages.id,
      fileId: riskAlertImages.fileId,
      thumbnailFileId: riskAlertImages.thumbnailFileId,
      width: riskAlertImages.width,
      height: riskAlertImages.height,
    })
    .from(riskAlertImages)
    .where(
      inArray(
        riskAlertImages.alertId,
        rows.map((r) => r.alert.id),
      ),
    )
    .orderBy(riskAlertImages.position, riskAlertImages.createdAt);
  return rows.map(({ alert, organisationName }) => ({
    ...alert,
    organisationName,
    products: links
      .filter((l) => l.alertId === alert.id)
      .map(({ id, name, defaultLanguage }) => ({ id, name, defaultLanguage })),
    images: images.filter((i) => i.alertId === alert.id).map(({ alertId: _alertId, ...image }) => image),
  }));
}

/** Every (alert, product) link of the alerts in force today for `country`. */
export async function alertLinksInForce(db: Db, country: string) {
  return db
    .select({ id: riskAlerts.id, productId: riskAlertProducts.productId })
    .from(riskAlertProducts)
    .innerJoin(riskAlerts, eq(riskAlerts.id, riskAlertProducts.alertId))
    .where(
      and(
        sql`${country}::text = any(${riskAlerts.countries})`,
        sql`current_date between ${riskAlerts.validFrom} and ${riskAlerts.validUntil}`,
      ),
    );
}

export async function findAlertOwner(db: Db, id: string) {
  const [row] = await db
    .select({ organisationId: riskAlerts.organisationId })
    .from(riskAlerts)
    .where(eq(riskAlerts.id, id))
    .limit(1);
  return row;
}

/** Of these product ids, those that belong to the organisation. */
export async function productsOfOrganisation(db: Db, organisationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.organisationId, organisationId), inArray(products.id, ids)));
  return rows.map((r) => r.id);
}

export async function writeAlert(
  db: Db,
  values: typeof riskAlerts.$inferInsert,
  productIds: string[],
  id?: string,
): Promise<string> {
  return db.transaction(async (tx) => {
    let alertId = id;
    if (alertId)
      await tx
        .update(riskAlerts)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(riskAlerts.id, alertId));
    else alertId = (await tx.insert(riskAlerts).values(values).returning({ id: riskAlerts.id }))[0]!.id;
    await tx.delete(riskAlertProducts).where(eq(riskAlertProducts.alertId, alertId));
    if (productIds.length > 0)
      await tx.insert(riskAlertProducts).values(productIds.map((productId) => ({ alertId: alertId!, productId })));
    return alertId;
  });
}

/** The alert, its pictures (by cascade) and their stored files. */
export async function deleteAlert(db: Db, id: string) {
  await db.transaction(async (tx) => {
    const images = await tx
      .select({ fileId: riskAlertImages.fileId, thumbnailFileId: riskAlertImages.thumbnailFileId })
      .from(riskAlertImages)
      .where(eq(riskAlertImages.alertId, id));
    await tx.delete(riskAlerts).where(eq(riskAlerts.id, id));
    const fileIds = images.flatMap((i) => [i.fileId, i.thumbnailFileId]);
    if (fileIds.length > 0) await tx.delete(files).where(inArray(files.id, fileIds));
  });
}

/** How many pictures the alert has, and the position for the next one. */
export async function imageSlots(db: Db, alertId: string) {
  const result = await db.execute(
    sql`select count(*)::int as count, coalesce(max(position) + 1, 0)::int as next
        from risk_alert_images where alert_id = ${alertId}`,
  );
  return result.rows[0] as { count: number; next: number };
}

export async function insertAlertImage(
  db: Db,
  organisationId: string,
  image: {
    alertId: string;
    data: Buffer;
    contentType: string;
    thumbnail: Buffer;
    thumbnailContentType: string;
    width: number;
    height: number;
    position: number;
  },
) {
  return db.transaction(async (tx) => {
    const [main] = await tx
      .insert(files)
      .values({ organisationId, contentType: image.contentType, bytes: image.data, size: image.data.length })
      .returning({ id: files.id });
    const [thumb] = await tx
      .insert(files)
      .values({
        organisationId,
        contentType: image.thumbnailContentType,
        bytes: image.thumbnail,
        size: image.thumbnail.length,
      })
      .returning({ id: files.id });
    const [row] = await tx
      .insert(riskAlertImages)
      .values({
        alertId: image.alertId,
        fileId: main!.id,
        thumbnailFileId: thumb!.id,
        width: image.width,
        height: image.height,
        contentType: image.contentType,
        position: image.position,
      })
      .returning();
    return row!;
  });
}

export async function findAlertImage(db: Db, alertId: string, imageId: string) {
  const [row] = await db
    .select()
    .from(riskAlertImages)
    .where(and(eq(riskAlertImages.id, imageId), eq(riskAlertImages.alertId, alertId)))
    .limit(1);
  return row;
}

export async function deleteAlertImage(db: Db, image: { id: string; fileId: string; thumbnailFileId: string }) {
  await db.transaction(async (tx) => {
    await tx.delete(riskAlertImages).where(eq(riskAlertImages.id, image.id));
    await tx.delete(files).where(inArray(files.id, [image.fileId, image.thumbnailFileId]));
  });
}

/** The bytes of one stored file. */
export async function readFile(db: Db, fileId: string) {
  const [row] = await db
    .select({ contentType: files.contentType, bytes: files.bytes })
    .from(files)
    .where(eq(files.id, fileId))
    .limit(1);
  return row && { ...row, bytes: Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes) };
}
