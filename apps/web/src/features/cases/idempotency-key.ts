/**
 * One key per operation, kept in sessionStorage: a reload or a retry of the same screen sends
 * the same key again (the server then replays its first answer); `forget` once it succeeded.
 */
export function idempotencyKey(operation: string): { key: string; forget: () => void } {
  const name = `verity.cases.idempotency.${operation}`;
  let key: string | null = null;
  try {
    key = sessionStorage.getItem(name);
    if (!key) {
      key = crypto.randomUUID();
      sessionStorage.setItem(name, key);
    }
  } catch {
    // Storage disabled: the key still covers retries made by this page.
    key ??= crypto.randomUUID();
  }
  return {
    key,
    forget: () => {
      try {
        sessionStorage.removeItem(name);
      } catch {
        // Nothing stored.
      }
    },
  };
}
