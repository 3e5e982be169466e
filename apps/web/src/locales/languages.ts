import type { Language } from '@verity/contract';

/**
 * The languages the interface is translated into, each named in itself (an endonym is the
 * same in every language, so it is not a message). `dir` is the writing direction the page
 * switches to: the layout uses logical CSS properties, so adding Arabic is adding a line here
 * and a locales/ar.json.
 */
export const uiLanguages = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
] as const satisfies readonly { code: Language; name: string; dir: 'ltr' | 'rtl' }[];

export type UiLanguage = (typeof uiLanguages)[number]['code'];

/** The language whose file is bundled with the page and fills any key another file lacks. */
export const fallbackLanguage: UiLanguage = 'en';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return uiLanguages.some((l) => l.code === value);
}

export function directionOf(lang: UiLanguage): 'ltr' | 'rtl' {
  return uiLanguages.find((l) => l.code === lang)?.dir ?? 'ltr';
}

/** The first of the browser's preferred languages (`fr-CA` counts as `fr`) we have, else English. */
export function preferredLanguage(stored: string | null, browser: readonly string[]): UiLanguage {
  if (isUiLanguage(stored)) return stored;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(primary)) return primary;
  }
  return fallbackLanguage;
}
