import type { Language, LocalizedText, ProductSheet } from '@verity/contract';
import { langAttribute, pickText, type Shown } from './localized';

type Image = ProductSheet['images'][number];

/** What every part of the sheet needs: the reader's language, texts chosen for it, photos by id. */
export interface SheetReader {
  lang: Language;
  text: (value: LocalizedText) => Shown | null;
  /** The `lang` attribute for a text shown in another language than the page. */
  langOf: (shown: Shown | null) => Language | undefined;
  imagesOf: (ids: readonly string[]) => Image[];
  zoom: (image: Image, label: string) => void;
}

export function sheetReader(sheet: ProductSheet, lang: Language, zoom: SheetReader['zoom']): SheetReader {
  const byId = new Map(sheet.images.map((image) => [image.id, image]));
  return {
    lang,
    text: (value) => pickText(value, lang, sheet.defaultLanguage),
    langOf: (shown) => langAttribute(shown, lang),
    imagesOf: (ids) => ids.flatMap((id) => byId.get(id) ?? []),
    zoom,
  };
}
