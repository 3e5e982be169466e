import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../platform/db';
import type { DataScope } from '../platform/policy';
import { applications, contacts } from './catalog.tables';
import { organisationScopeSql } from './catalog.scope';

export async function listContacts(db: Db, scope: DataScope, opts: { after?: string; limit: number }) {
  const conditions: SQL[] = [organisationScopeSql(scope, sql`${contacts.organisationId}`)];
  if (opts.after) conditions.push(gt(contacts.id, opts.after));
  return db
    .select()
    .from(contacts)
    .where(and(...conditions))
    .orderBy(asc(contacts.id))
    .limit(opts.limit + 1);
}

export async function findContact(db: Db, id: string) {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id)).limit(1);
  return row;
}

export async function insertContact(db: Db, row: typeof contacts.$inferInsert) {
  const [created] = await db.insert(contacts).values(row).returning();
  return created!;
}

export async function updateContact(db: Db, id: string, patch: Partial<typeof contacts.$inferInsert>) {
  const [row] = await db.update(contacts).set(patch).where(eq(contacts.id, id)).returning();
  return row!;
}

export async function deleteContact(db: Db, id: string) {
  await db.delete(contacts).where(eq(contacts.id, id));
}

export async function listApplications(db: Db, scope: DataScope, opts: { after?: string; limit: number }) {
  const conditions: SQL[] = [organisationScopeSql(scope, sql`${applications.organisationId}`)];
  if (opts.after) conditions.push(gt(applications.id, opts.after));
  return db
    .select()
    .from(applications)
    .where(and(...conditions))
    .orderBy(asc(applications.id))
    .limit(opts.limit + 1);
}

export async function findApplication(db: Db, id: string) {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).limit(1);
  return row;
}

export async function insertApplication(db: Db, row: typeof applications.$inferInsert) {
  const [created] = await db.insert(applications).values(row).returning();
  return created!;
}

export async function updateApplication(db: Db, id: string, patch: Partial<typeof applications.$inferInsert>) {
  const [row] = await db.update(applications).set(patch).where(eq(applications.id, id)).returning();
  return row!;
}

export async function deleteApplication(db: Db, id: string) {
  await db.delete(applications).where(eq(applications.id, id));
}
