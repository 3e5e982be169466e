import { and, asc, eq } from 'drizzle-orm';
import type { Role } from '@verity/contract';
import type { Db } from '../platform/db';
import { memberships, organisations, sessions, users } from './organisations.tables';

export async function findUserById(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function updateUser(db: Db, id: string, patch: { name?: string; active?: boolean }) {
  const [row] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
  return row;
}

export async function setPassword(db: Db, id: string, passwordHash: string, name: string | undefined) {
  await db
    .update(users)
    .set(name === undefined ? { passwordHash } : { passwordHash, name })
    .where(eq(users.id, id));
}

export async function deleteSessionsOfUser(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** The user's memberships with their organisations, oldest first (the first is the one sign-in uses). */
export async function listMembershipsWithOrganisations(db: Db, userId: string) {
  return db
    .select({
      organisationId: memberships.organisationId,
      role: memberships.role,
      organisation: { name: organisations.name, kind: organisations.kind },
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
}

/** Adds the membership or changes its role. */
export async function upsertMembership(db: Db, row: { userId: string; organisationId: string; role: Role }) {
  await db
    .insert(memberships)
    .values(row)
    .onConflictDoUpdate({ target: [memberships.userId, memberships.organisationId], set: { role: row.role } });
}

/** Deletes the membership (its sessions go with it); false when there was none. */
export async function deleteMembership(db: Db, userId: string, organisationId: string) {
  const deleted = await db
    .delete(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
    .returning({ id: memberships.id });
  return deleted.length > 0;
}

export async function listUsersOfOrganisation(db: Db, organisationId: string) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      active: users.active,
      passwordHash: users.passwordHash,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.email));
}
