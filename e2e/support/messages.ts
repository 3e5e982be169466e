import { readdirSync, readFileSync } from 'node:fs';

/**
 * A language's messages as the app assembles them (apps/web/src/locales/catalogs.ts): one
 * namespace per file, `locales/<lang>/<namespace>.json`. Journeys find elements by the very
 * text a user reads, so a changed message changes the test with it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of any shape, read by key path
export type Messages = Record<string, any>;

export function messagesOf(lang: string): Messages {
  const folder = new URL(`../../apps/web/src/locales/${lang}/`, import.meta.url);
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name.slice(0, -5), JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as Messages]),
  );
}

/** Fills `{{placeholders}}` the way the app does. */
export const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name]));
