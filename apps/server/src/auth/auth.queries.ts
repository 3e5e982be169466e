import { and, eq, gt, lt } from 'drizzle-orm';
import type { Language } from '@verity/contract';
import type { Db } from '../platform/db';
import { memberships, organisations, sessions, users } from '../organisations/organisations.tables';

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function listActiveMembershipsOfUser(db: Db, userId: string) {
  return db
    .select({
      id: memberships.id,
      role: memberships.role,
      organisation: {
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        country: organisations.country,
      },
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true), eq(organisations.active, true)))
    .orderBy(memberships.createdAt);
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** The session with everything an Actor needs, if it is live and its user and org are active. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({
      userId: users.id,
      membershipId: memberships.id,
      role: memberships.role,
      organisationId: organisations.id,
      organisationKind: organisations.kind,
      country: organisations.country,
      locale: users.locale,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(memberships, eq(memberships.id, sessions.membershipId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        eq(users.active, true),
        eq(memberships.active, true),
        eq(organisations.active, true),
      ),
    )
    .limit(1);
  return row;
}

export async function findUserById(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function updateUser(
  db: Db,
  id: string,
  patch: { name?: string | undefined; locale?: Language | null | undefined },
) {
  await db.update(users).set(patch).where(eq(users.id, id));
}
