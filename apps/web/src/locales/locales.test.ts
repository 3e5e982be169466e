import { describe, expect, it } from 'vitest';
import { codeErrorCodes } from '@verity/codes';
import { errorCodes } from '@verity/contract';
import { keysOf, placeholdersOf, translate, type Messages } from '../lib/translate';
import { uiLanguages } from './languages';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

const files: Record<string, Messages> = { en, fr, es };
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
