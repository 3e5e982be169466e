import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import type { Actor } from '../platform/policy';
import type { Language, Me } from '@verity/contract';
import {
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  findUserByEmail,
  findUserById,
  insertSession,
  listActiveMembershipsOfUser,
  updateUser,
} from './auth.queries';
import { verifyPassword } from './passwords';

export interface AuthDeps {
  db: Db;
  sessionTtlHours: number;
  clock?: () => Date;
}

/** How long a resolved session is trusted without asking the database again. */
const SESSION_CACHE_MS = 2_000;
const SESSION_CACHE_MAX = 10_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function createAuthService({ db, sessionTtlHours, clock = () => new Date() }: AuthDeps) {
  // A short-lived cache of resolved sessions: the identify hot path would otherwise pay a
  // four-table join per request. Logout clears this process's entry; other processes
  // forget within SESSION_CACHE_MS. The database stays the only source of truth.
  const cache = new Map<string, { actor: Actor; until: number }>();

  async function login(email: string, password: string, meta: { ip: string; userAgent?: string | undefined }) {
    const user = await findUserByEmail(db, email.trim().toLowerCase());
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user || !ok) throw new AppError('AUTH_INVALID_CREDENTIALS');
    if (!user.active) throw new AppError('AUTH_ACCOUNT_DISABLED');
    const memberships = await listActiveMembershipsOfUser(db, user.id);
    const first = memberships[0];
    if (!first) throw new AppError('AUTH_NO_MEMBERSHIP');
    const token = randomBytes(32).toString('base64url');
    const now = clock();
    const expiresAt = new Date(now.getTime() + sessionTtlHours * 3600_000);
    await insertSession(db, {
      tokenHash: hashToken(token),
      userId: user.id,
      membershipId: first.id,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    });
    if (Math.random() < 0.01) await deleteExpiredSessions(db, now); // housekeeping, amortised
    return { token, expiresAt };
  }

  async function logout(token: string) {
    const tokenHash = hashToken(token);
    cache.delete(tokenHash);
    await deleteSession(db, tokenHash);
  }

  async function resolveSession(token: string): Promise<Actor | undefined> {
    const tokenHash = hashToken(token);
    const nowMs = Date.now();
    const hit = cache.get(tokenHash);
    if (hit && hit.until > nowMs) return hit.actor;
    const row = await findLiveSession(db, tokenHash, clock());
    if (!row) {
      cache.delete(tokenHash);
      return undefined;
    }
    const actor: Actor = {
      userId: row.userId,
      membershipId: row.membershipId,
      role: row.role,
      organisationId: row.organisationId,
      organisationKind: row.organisationKind,
      country: row.country,
      locale: row.locale,
    };
    if (cache.size >= SESSION_CACHE_MAX) cache.clear();
    cache.set(tokenHash, { actor, until: Math.min(nowMs + SESSION_CACHE_MS, row.expiresAt.getTime()) });
    return actor;
  }

  async function describe(actor: Actor): Promise<Me> {
    const user = await findUserById(db, actor.userId);
    if (!user) throw new AppError('AUTH_REQUIRED');
    const memberships = await listActiveMembershipsOfUser(db, actor.userId);
    const current = memberships.find((m) => m.id === actor.membershipId);
    if (!current) throw new AppError('AUTH_REQUIRED');
    return {
      user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
      membership: current,
      memberships,
    };
  }

  /**
   * Drops the cached sessions of a user (deactivated, role changed, profile changed), so this
   * process reads them from the database on the next request. Other processes follow within
   * SESSION_CACHE_MS.
   */
  function forgetUser(userId: string) {
    for (const [key, entry] of cache) if (entry.actor.userId === userId) cache.delete(key);
  }

  /** A user changes their own name or language; their sessions in this process see it at once. */
  async function updateProfile(
    actor: Actor,
    patch: { name?: string | undefined; locale?: Language | null | undefined },
  ) {
    await updateUser(db, actor.userId, patch);
    forgetUser(actor.userId);
    return describe({ ...actor, locale: patch.locale === undefined ? actor.locale : patch.locale });
  }

  return { login, logout, resolveSession, describe, updateProfile, forgetUser };
}
export type AuthService = ReturnType<typeof createAuthService>;
