import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db';
import type { DataScope } from '../platform/policy';
import { products } from '../catalog/catalog.tables';
import { organisations } from '../organisations/organisations.tables';
import { riskAlertProducts, riskAlerts } from './alerts.tables';

export type AlertRow = typeof riskAlerts.$inferSelect & {
  organisationName: string;
  products: { id: string; name: Record<string, string>; defaultLanguage: string }[];
};

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
  return rows.map(({ alert, organisationName }) => ({
    ...alert,
    organisationName,
    products: links
      .filter((l) => l.alertId === alert.id)
      .map(({ id, name, defaultLanguage }) => ({ id, name, defaultLanguage })),
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

export async function deleteAlert(db: Db, id: string) {
  await db.delete(riskAlerts).where(eq(riskAlerts.id, id));
}
