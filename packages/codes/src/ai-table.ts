import type { AiComponentSpec, AiDictionaryEntry, CharacterSet } from './ai-entry';
import { aiDictionary, dictionaryRelease } from './ai-table.generated';
import { linters, type Linter, type LinterName } from './linters';

/**
 * The GS1 Application Identifier table (GenSpecs §3), compiled once at load from the generated
 * dictionary data into a Map keyed by AI, so that parsing does no per-call setup.
 */

export interface AiComponent {
  readonly cset: CharacterSet;
  readonly min: number;
  readonly max: number;
  readonly optional: boolean;
  readonly linters: readonly { readonly name: LinterName; readonly check: Linter }[];
}

/** An AI or an AI pattern of req=/ex= attributes, where a trailing "n" stands for any digit. */
export interface AiPattern {
  readonly text: string;
  readonly prefix: string;
  readonly length: number;
}

export interface AiDefinition {
  readonly ai: string;
  readonly title?: string;
  /** Pre-defined length (flag `*`): no FNC1/GS separator follows (GenSpecs §7.8.5). */
  readonly predefinedLength: boolean;
  /** May be a GS1 Digital Link data attribute (flag `?`). */
  readonly dataAttribute: boolean;
  readonly components: readonly AiComponent[];
  readonly minLength: number;
  readonly maxLength: number;
  /** All groups must hold; a group holds when one of its alternatives (all AIs present) does. */
  readonly requires: readonly (readonly (readonly AiPattern[])[])[];
  readonly excludes: readonly AiPattern[];
  /** Set when the AI is a GS1 Digital Link primary key: its allowed qualifier sequences. */
  readonly qualifierSequences?: readonly (readonly string[])[];
}

export { dictionaryRelease };

function compilePattern(text: string): AiPattern {
  const wildcard = text.indexOf('n');
  return { text, prefix: wildcard === -1 ? text : text.slice(0, wildcard), length: text.length };
}

export function matchesPattern(ai: string, pattern: AiPattern): boolean {
  return ai.length === pattern.length && ai.startsWith(pattern.prefix);
}

function compileComponent(spec: AiComponentSpec): AiComponent {
  return {
    cset: spec.cset,
    min: spec.min,
    max: spec.max,
    optional: spec.optional === true,
    linters: (spec.linters ?? []).map((name) => ({ name, check: linters[name] })),
  };
}

function compileEntry(entry: AiDictionaryEntry, ai: string): AiDefinition {
  const components = entry.spec.map(compileComponent);
  const definition: AiDefinition = {
    ai,
    ...(entry.title === '' ? {} : { title: entry.title }),
    predefinedLength: entry.predefinedLength === true,
    dataAttribute: entry.dataAttribute === true,
    components,
    minLength: components.reduce((sum, c) => sum + (c.optional ? 0 : c.min), 0),
    maxLength: components.reduce((sum, c) => sum + c.max, 0),
    requires: (entry.req ?? []).map((group) => group.map((alternative) => alternative.split('+').map(compilePattern))),
    excludes: (entry.ex ?? []).map(compilePattern),
    ...(entry.dlpkey === undefined ? {} : { qualifierSequences: entry.dlpkey }),
  };
  return definition;
}

const definitions = new Map<string, AiDefinition>();
for (const entry of aiDictionary) {
  const first = Number(entry.ai);
  const last = Number(entry.last ?? entry.ai);
  for (let n = first; n <= last; n += 1) {
    const ai = String(n).padStart(entry.ai.length, '0');
    definitions.set(ai, compileEntry(entry, ai));
  }
}

/** Every AI of the dictionary, in dictionary order. */
export const aiDefinitions: readonly AiDefinition[] = [...definitions.values()];

/**
 * The definition of one Application Identifier (GenSpecs §3.2), from the GS1 Barcode Syntax
 * Dictionary. @example getAiDefinition('17')?.title // 'USE BY or EXPIRY'
 */
export function getAiDefinition(ai: string): AiDefinition | undefined {
  return definitions.get(ai);
}

/**
 * The AI that starts at `position` of `s`: AIs are 2 to 4 digits and none is a prefix of
 * another (checked by the generator), so the first length that names an AI is the AI.
 */
export function findAiAt(s: string, position: number): AiDefinition | undefined {
  for (let length = 2; length <= 4; length += 1) {
    if (position + length > s.length) return undefined;
    const definition = definitions.get(s.slice(position, position + length));
    if (definition) return definition;
  }
  return undefined;
}
