import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeErrorCodes } from '@verity/codes';
import { errorCodes } from '@verity/contract';
import { keysOf, placeholdersOf, translate, type Messages } from '../lib/translate';
import { uiLanguages } from './languages';

const here = fileURLToPath(new URL('.', import.meta.url));
const src = fileURLToPath(new URL('..', import.meta.url));

/** A language's messages as the app assembles them: one namespace per file (locales/catalogs.ts). */
function readLanguage(lang: string): Messages {
  const names = readdirSync(`${here}/${lang}`).filter((name) => name.endsWith('.json'));
  return Object.fromEntries(
    names.map((name) => [name.slice(0, -5), JSON.parse(readFileSync(`${here}/${lang}/${name}`, 'utf8')) as Messages]),
  );
}

const languageFolders = readdirSync(here, { withFileTypes: true }).filter((e) => e.isDirectory());
const files: Record<string, Messages> = Object.fromEntries(languageFolders.map((e) => [e.name, readLanguage(e.name)]));
const en = files.en!;

/** Every source file of the app (not tests), to find the message keys it uses. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const normalized = (messages: Messages) =>
  [...new Set(keysOf(messages).map((k) => k.replace(pluralSuffix, '')))].sort();
const messageAt = (messages: Messages, key: string) => translate('en', [messages], key);

describe('locale files', () => {
  it('exist for every interface language, and only for those', () => {
    expect(Object.keys(files).sort()).toEqual(uiLanguages.map((l) => l.code).sort());
  });

  it.each(Object.keys(files).filter((l) => l !== 'en'))('%s has exactly the keys of English', (lang) => {
    expect(normalized(files[lang]!)).toEqual(normalized(en));
  });

  it.each(Object.keys(files))('%s keeps the placeholders of every English message', (lang) => {
    for (const key of keysOf(en)) {
      const base = key.replace(pluralSuffix, '');
      const translated = messageAt(files[lang]!, key) ?? messageAt(files[lang]!, `${base}_other`);
      expect(translated, key).toBeDefined();
      expect(placeholdersOf(translated!), key).toEqual(placeholdersOf(messageAt(en, key)!));
    }
  });

  it("have a message for every literal key the source asks for: t('ns.key')", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(src)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((key) => !messageAt(en, key) && !messageAt(en, `${key}_other`));
    expect(missing).toEqual([]);
  });

  it('have a message for every error code of the API (errors.<CODE>)', () => {
    expect(errorCodes.filter((code) => !messageAt(en, `errors.${code}`))).toEqual([]);
  });

  it('have a message for every reason a code can be rejected (codeErrors.<CODE>)', () => {
    expect(codeErrorCodes.filter((code) => !messageAt(en, `codeErrors.${code}`))).toEqual([]);
  });
});

describe('translate', () => {
  const messages: Messages = { a: { b: 'Hello {{name}}' }, n_one: '{{count}} item', n_other: '{{count}} items' };

  it('reads nested keys and fills placeholders', () => {
    expect(translate('en', [messages], 'a.b', { name: 'Ana' })).toBe('Hello Ana');
  });

  it('chooses the plural form by the language’s rules and formats the count', () => {
    expect(translate('en', [messages], 'n', { count: 1 })).toBe('1 item');
    expect(translate('en', [messages], 'n', { count: 1200 })).toBe('1,200 items');
    expect(translate('fr', [messages], 'n', { count: 0 })).toBe('0 item'); // French: 0 is singular
  });

  it('falls back to the next catalog, then to undefined', () => {
    expect(translate('fr', [{}, messages], 'a.b', { name: 'Zoé' })).toBe('Hello Zoé');
    expect(translate('fr', [messages], 'missing.key')).toBeUndefined();
  });
});
