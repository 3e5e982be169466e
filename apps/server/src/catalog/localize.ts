import type { Language, LocalizedText } from '@verity/contract';

/** The text in the wanted language, else in the content's default language, else any. */
export function pickLanguage(
  text: LocalizedText,
  wanted: Language | undefined,
  fallback: Language,
): { text: string; language: Language } {
  if (wanted && text[wanted]) return { text: text[wanted], language: wanted };
  if (text[fallback]) return { text: text[fallback], language: fallback };
  const [language, value] = (Object.entries(text) as [Language, string][])[0] ?? [fallback, ''];
  return { text: value, language };
}
