import type { z } from 'zod';
import { AppError } from './errors';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * Reads a cursor back, checked against the shape its list uses: a forged or stale cursor is
 * a 400, never a value that reaches SQL with the wrong type.
 */
export function decodeCursor<T>(cursor: string | undefined, shape: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('SEARCH_CURSOR_INVALID');
  }
  const parsed = shape.safeParse(key);
  if (!parsed.success) throw new AppError('SEARCH_CURSOR_INVALID');
  return parsed.data;
}

/** Takes `limit + 1` rows and turns the extra one into "there is a next page". */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number | null)[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
