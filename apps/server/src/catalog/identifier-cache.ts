/**
 * An in-process read-through cache for the identify hot path (GTIN and TAC lookups). It
 * holds what the database said, independent of who asks: the caller's scope, country and
 * language are applied per request (products.service.ts), so one entry serves everyone.
 *
 * Freshness: every catalog write clears it in all processes (PostgreSQL NOTIFY, see
 * catalog.module.ts); entries also expire after `ttlMs`, in case a notification is lost.
 * The database stays the only source of truth.
 */
export interface IdentifierCacheOptions<T> {
  load: (key: string) => Promise<T>;
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

export function createIdentifierCache<T>({
  load,
  maxEntries = 100_000,
  ttlMs = 60_000,
  now = Date.now,
}: IdentifierCacheOptions<T>) {
  // Map keeps insertion order: the first key is the oldest, evicted first.
  const entries = new Map<string, { value: Promise<T>; until: number }>();
  let generation = 0;

  function get(key: string): Promise<T> {
    const hit = entries.get(key);
    const time = now();
    if (hit && hit.until > time) return hit.value;
    const loadedIn = generation;
    // Concurrent misses for one key share a single query.
    const value = load(key).catch((error: unknown) => {
      entries.delete(key);
      throw error;
    });
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, { value, until: time + ttlMs });
    // A clear() while the query ran means it may have read data from before the change.
    void value.then(
      () => {
        if (generation !== loadedIn) entries.delete(key);
      },
      () => {},
    );
    return value;
  }

  function clear() {
    generation++;
    entries.clear();
  }

  return { get, clear, size: () => entries.size };
}
export type IdentifierCache<T> = ReturnType<typeof createIdentifierCache<T>>;
