import type { Language } from '@verity/contract';

/** Country and language names in the reader's language, from the browser's own CLDR data. */
export function displayNames(lang: Language) {
  const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  const languages = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
  const safely = (names: Intl.DisplayNames, code: string) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code; // a code Intl does not accept: show it as it is
    }
  };
  return {
    country: (code: string) => safely(regions, code),
    language: (code: string) => safely(languages, code),
    list: (names: string[]) => new Intl.ListFormat([lang], { style: 'long', type: 'conjunction' }).format(names),
  };
}
