import type { LinterName } from './linters';

/**
 * Character sets of the GS1 Barcode Syntax Dictionary (GenSpecs §7.11): N digits, X CSET 82,
 * Y CSET 39, Z CSET 64 (base64url).
 */
export type CharacterSet = 'N' | 'X' | 'Y' | 'Z';

/** One component of an AI's data field, e.g. `N6,yymmd0` or `[X..17]`. */
export interface AiComponentSpec {
  readonly cset: CharacterSet;
  readonly min: number;
  readonly max: number;
  readonly optional?: true;
  readonly linters?: readonly LinterName[];
}

/** One line of the GS1 Barcode Syntax Dictionary, as written by scripts/generate-ai-table.mjs. */
export interface AiDictionaryEntry {
  /** The AI, or the first AI of a range such as 3100-3105. */
  readonly ai: string;
  /** The last AI of a range. */
  readonly last?: string;
  /** Flag `*`: pre-defined length, so no FNC1 separator follows it (GenSpecs §7.8.5). */
  readonly predefinedLength?: true;
  /** Flag `?`: allowed as a GS1 Digital Link data attribute (query string). */
  readonly dataAttribute?: true;
  readonly spec: readonly AiComponentSpec[];
  /** Each `req=` attribute: alternatives, each an AND of AIs or patterns joined by "+". */
  readonly req?: readonly (readonly string[])[];
  /** `ex=`: AIs or patterns (`n` = any digit) that must not appear with this AI. */
  readonly ex?: readonly string[];
  /** `dlpkey`: a Digital Link primary key; the allowed, ordered qualifier sequences. */
  readonly dlpkey?: readonly (readonly string[])[];
  readonly title: string;
}
