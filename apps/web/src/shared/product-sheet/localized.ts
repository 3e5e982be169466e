import type { Language, LocalizedText } from '@verity/contract';

export interface Shown {
  text: string;
  /** The language `text` is in. */
  lang: Language;
}

/**
 * The text of a multilingual field to show: the reader's language, else the product's default
 * language, else whichever language the right holder filled in. Null when nothing was written.
 */
export function pickText(text: LocalizedText, lang: Language, defaultLanguage: Language): Shown | null {
  for (const candidate of [lang, defaultLanguage]) {
    const value = text[candidate];
    if (value) return { text: value, lang: candidate };
  }
  const [first] = Object.entries(text).filter(([, value]) => Boolean(value)) as [Language, string][];
  return first ? { text: first[1], lang: first[0] } : null;
}

/** The `lang` attribute for a text in another language than the page (screen readers switch voice). */
export const langAttribute = (shown: Shown | null, pageLang: Language) =>
  shown && shown.lang !== pageLang ? shown.lang : undefined;
