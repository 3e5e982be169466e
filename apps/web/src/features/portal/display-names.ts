import type { UiLanguage } from '../../locales/languages';

/** Language and country names in the interface language, from the browser's own CLDR data. */
export function displayNames(lang: UiLanguage) {
  const languages = new Intl.DisplayNames([lang], { type: 'language' });
  const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  return {
    language: (code: string) => languages.of(code) ?? code,
    country: (code: string) => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code; // not a region code Intl accepts
      }
    },
  };
}
