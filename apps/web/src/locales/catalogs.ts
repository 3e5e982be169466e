import type { Messages } from '../lib/translate';
import type { UiLanguage } from './languages';

/**
 * Messages live in one file per language and namespace: `locales/<lang>/<namespace>.json`, read
 * as `<namespace>.<key>` (locales/en/identify.json's `title` is `identify.title`). Each screen's
 * messages are their own file, so work on one screen never touches another's.
 */
const english = import.meta.glob<Messages>('./en/*.json', { eager: true, import: 'default' });
// The other languages are separate chunks, fetched when chosen: the page carries only English.
const others = import.meta.glob<Messages>(['./*/*.json', '!./en/*.json'], { import: 'default' });

const namespaceOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
const languageOf = (path: string) => path.split('/')[1];

function assemble(entries: [string, Messages][]): Messages {
  return Object.fromEntries(entries.map(([path, messages]) => [namespaceOf(path), messages]));
}

/** English, bundled with the page: it fills any key another language lacks. */
export const englishMessages: Messages = assemble(Object.entries(english));

/** Every message of a language, its namespaces fetched in parallel. */
export async function loadCatalog(lang: UiLanguage): Promise<Messages> {
  if (lang === 'en') return englishMessages;
  const paths = Object.keys(others).filter((path) => languageOf(path) === lang);
  return assemble(
    await Promise.all(paths.map(async (path): Promise<[string, Messages]> => [path, await others[path]!()])),
  );
}

/** For tests: every language's files, by language, without a bundler. */
export const catalogPaths = { english: Object.keys(english), others: Object.keys(others) };
