/**
 * Recent scans and searches, kept on this device only (localStorage): an officer on the next
 * container finds the last codes again without typing, and nothing leaves the phone.
 */
export interface RecentEntry {
  kind: 'scan' | 'search';
  /** What was scanned or typed. */
  text: string;
  /** The product it led to, when there was exactly one. */
  productId?: string;
  productName?: string;
  at: string;
}

const KEY = 'verity.recents';
const MAX = 20;
const CHANGED = 'verity:recents-changed';

export function readRecents(): RecentEntry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as RecentEntry[]).filter((e) => typeof e?.text === 'string') : [];
  } catch {
    return [];
  }
}

/** Adds an entry at the top; the same text again moves up instead of repeating. */
export function addRecent(entry: Omit<RecentEntry, 'at'>) {
  const text = entry.text.trim();
  if (!text) return;
  const next = [
    { ...entry, text, at: new Date().toISOString() },
    ...readRecents().filter((e) => !(e.text === text && e.kind === entry.kind)),
  ].slice(0, MAX);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
    window.dispatchEvent(new Event(CHANGED));
  } catch {
    // Storage full or disabled: the list is a convenience, the work goes on.
  }
}

export function clearRecents() {
  try {
    localStorage.removeItem(KEY);
    window.dispatchEvent(new Event(CHANGED));
  } catch {
    // Nothing to clear.
  }
}

/** Subscribe to changes (this tab); returns the unsubscribe function. */
export function onRecentsChanged(listener: () => void): () => void {
  window.addEventListener(CHANGED, listener);
  window.addEventListener('storage', listener);
  return () => {
    window.removeEventListener(CHANGED, listener);
    window.removeEventListener('storage', listener);
  };
}
