import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

/**
 * PostgreSQL text cannot hold U+0000: a string with a NUL would fail deep in a query as a
 * 500. Returns the path of the first string (or key) carrying one, or undefined.
 */
export function findNulCharacter(value: unknown, path: string[] = [], depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(value)' : undefined;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulCharacter(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key].join('.');
    const found = findNulCharacter(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Refuses NUL characters in bodies, query strings and path parameters before validation. */
export function installInputHygiene(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const part of ['params', 'query', 'body'] as const) {
      const value = request[part];
      if (value && typeof (value as { pipe?: unknown }).pipe === 'function') continue; // a stream (imports)
      if (Buffer.isBuffer(value)) continue; // raw bytes (an upload's chunk)
      const path = findNulCharacter(value);
      if (path)
        throw new AppError('VALIDATION_FAILED', [{ in: part, path, message: 'must not contain a NUL character' }]);
    }
  });
}
