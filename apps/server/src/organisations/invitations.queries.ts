import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { invitations, users } from './organisations.tables';

export async function insertInvitation(db: Db, row: typeof invitations.$inferInsert) {
  await db.insert(invitations).values(row);
}

/** Unused links of a user stop working when a new one is issued. */
export async function deleteUnusedInvitationsOf(db: Db, userId: string) {
  await db.delete(invitations).where(and(eq(invitations.userId, userId), isNull(invitations.usedAt)));
}

/** The live invitation with this token hash (unused, unexpired, its user active), by index lookup. */
export async function findLiveInvitation(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ userId: invitations.userId, expiresAt: invitations.expiresAt })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.usedAt),
        gt(invitations.expiresAt, now),
        eq(users.active, true),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Spends a live invitation in one statement, so two concurrent accepts cannot both succeed.
 * Returns its user, or undefined when the link is unknown, used or expired.
 */
export async function spendInvitation(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .update(invitations)
    .set({ usedAt: now })
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
    .returning({ userId: invitations.userId });
  return row;
}
