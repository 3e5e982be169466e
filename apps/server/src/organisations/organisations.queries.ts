import { and, asc, eq, gt, ilike, or, type SQL } from 'drizzle-orm';
import type { OrganisationKind } from '@verity/contract';
import type { Db } from '../platform/db';
import { memberships, organisations, users } from './organisations.tables';

/** Escapes LIKE's wildcards, so a name containing % or _ is searched for as written. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listOrganisations(
  db: Db,
  opts: { onlyId?: string; kind?: OrganisationKind; nameContains?: string; after?: [string, string]; limit: number },
) {
  const conditions: SQL[] = [];
  if (opts.onlyId) conditions.push(eq(organisations.id, opts.onlyId));
  if (opts.kind) conditions.push(eq(organisations.kind, opts.kind));
  if (opts.nameContains) conditions.push(ilike(organisations.name, `%${likeLiteral(opts.nameContains)}%`));
  if (opts.after) {
    const [name, id] = opts.after;
    conditions.push(or(gt(organisations.name, name), and(eq(organisations.name, name), gt(organisations.id, id)))!);
  }
  return db
    .select()
    .from(organisations)
    .where(and(...conditions))
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(opts.limit + 1);
}

export async function findOrganisationById(db: Db, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return row;
}

export async function insertOrganisation(db: Db, row: typeof organisations.$inferInsert) {
  const [created] = await db.insert(organisations).values(row).returning();
  return created!;
}

export async function updateOrganisation(db: Db, id: string, patch: Partial<typeof organisations.$inferInsert>) {
  const [row] = await db.update(organisations).set(patch).where(eq(organisations.id, id)).returning();
  return row;
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert) {
  const [created] = await db.insert(users).values(row).returning();
  return created!;
}

export async function insertMembership(db: Db, row: typeof memberships.$inferInsert) {
  const [created] = await db.insert(memberships).values(row).returning();
  return created!;
}
