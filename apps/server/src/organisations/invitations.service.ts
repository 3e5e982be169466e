import { randomBytes } from 'node:crypto';
import type { Invitation } from '@verity/contract';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { hashToken, type AuthService } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';
import * as q from './invitations.queries';
import * as users from './users.queries';

/** How long a one-time link stays valid. */
export const INVITATION_TTL_DAYS = 7;

export interface IssuedInvitation {
  /** The secret part of the link: returned once, only its SHA-256 is stored. */
  token: string;
  expiresAt: Date;
}

export interface InvitationsDeps {
  db: Db;
  /** Signs the person in once they have chosen a password. */
  auth: Pick<AuthService, 'login'>;
  clock?: () => Date;
  ttlDays?: number;
}

export function createInvitationsService({
  db,
  auth,
  clock = () => new Date(),
  ttlDays = INVITATION_TTL_DAYS,
}: InvitationsDeps) {
  /** A new link for the user; earlier unused links stop working. */
  async function issue(userId: string, createdBy: string | null): Promise<IssuedInvitation> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(clock().getTime() + ttlDays * 86_400_000);
    await db.transaction(async (tx) => {
      await q.deleteUnusedInvitationsOf(tx, userId);
      await q.insertInvitation(tx, { tokenHash: hashToken(token), userId, createdBy, expiresAt });
    });
    return { token, expiresAt };
  }

  /** Who is invited, for the page that asks for a password. Unknown, used and expired links look alike. */
  async function describe(token: string): Promise<Invitation> {
    const live = await q.findLiveInvitation(db, hashToken(token), clock());
    const user = live && (await users.findUserById(db, live.userId));
    const [membership] = user ? await users.listMembershipsWithOrganisations(db, user.id) : [];
    if (!live || !user || !membership) throw new AppError('INVITATION_INVALID');
    return {
      name: user.name,
      email: user.email,
      role: membership.role,
      organisation: membership.organisation,
      expiresAt: live.expiresAt.toISOString(),
    };
  }

  /** Spends the link, sets the password (and the name, if given) and opens a session. */
  async function accept(
    token: string,
    input: { password: string; name?: string | undefined },
    meta: { ip: string; userAgent?: string | undefined },
  ) {
    const passwordHash = await hashPassword(input.password);
    const email = await db.transaction(async (tx) => {
      const spent = await q.spendInvitation(tx, hashToken(token), clock());
      const user = spent && (await users.findUserById(tx, spent.userId));
      if (!user?.active) throw new AppError('INVITATION_INVALID');
      await users.setPassword(tx, user.id, passwordHash, input.name);
      return user.email;
    });
    return auth.login(email, input.password, meta);
  }

  return { issue, describe, accept };
}
export type InvitationsService = ReturnType<typeof createInvitationsService>;
