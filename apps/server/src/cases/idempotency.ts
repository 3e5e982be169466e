import { createHash } from 'node:crypto';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { isUniqueViolation } from '../platform/pg-errors';
import * as q from './cases.queries';

export interface IdempotentRequest {
  userId: string;
  /** The `Idempotency-Key` header; without one the write simply runs. */
  key: string | undefined;
  /** Method and route pattern, e.g. `POST /api/v1/cases`. */
  route: string;
  body: unknown;
}
export interface StoredAnswer<T> {
  status: number;
  body: T;
}

/** JSON with keys sorted, so the same body hashes the same whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * Runs a write at most once per (user, key): the same key with the same route and body gets
 * the first answer again, with its status; with another route or body, IDEMPOTENCY_KEY_REUSED.
 * The write and the stored answer commit together: when two requests with one key race, the
 * unique (user, key) index makes the second roll back, and it replays the first's answer.
 */
export async function idempotent<T>(
  db: Db,
  request: IdempotentRequest,
  write: (tx: Db) => Promise<StoredAnswer<T>>,
): Promise<StoredAnswer<T>> {
  const { key } = request;
  if (key === undefined) return db.transaction((tx) => write(tx));
  const hash = createHash('sha256')
    .update(`${request.route}\n${canonical(request.body)}`)
    .digest('hex');
  const replay = async () => {
    const stored = await q.findIdempotentAnswer(db, request.userId, key);
    if (!stored) return undefined;
    if (stored.requestHash !== hash || stored.route !== request.route) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return { status: stored.responseStatus, body: stored.responseBody as T };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await db.transaction(async (tx) => {
      const answer = await write(tx);
      await q.insertIdempotentAnswer(tx, {
        userId: request.userId,
        key,
        route: request.route,
        requestHash: hash,
        responseStatus: answer.status,
        responseBody: answer.body,
      });
      return answer;
    });
  } catch (error) {
    if (!isUniqueViolation(error, 'idempotency_keys_user_key')) throw error;
    const raced = await replay();
    if (!raced) throw error;
    return raced;
  }
}
