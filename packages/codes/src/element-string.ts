import { findAiAt, getAiDefinition } from './ai-table';
import {
  checkElementRules,
  toGs1Element,
  validateElement,
  type Gs1Element,
  type LocatedElement,
} from './element-validation';
import { fail, ok, type CodeError, type Result } from './result';

/** ASCII 29, Group Separator: how scanners transmit FNC1 as a field separator (GenSpecs §7.8.5). */
export const GS = '\u001d';

export interface ElementString {
  elements: Gs1Element[];
  /** The symbology identifier the input started with, e.g. "]d2" (GS1 DataMatrix). */
  symbologyId?: string;
}

export interface ParseElementStringOptions {
  /**
   * Check the dictionary's mandatory associations (req=) and invalid pairs (ex=); default true.
   * Turn off when the input is one of several barcodes on the same item.
   */
  associations?: boolean;
}

/**
 * Symbology identifiers (ISO/IEC 15424, GenSpecs §5.1.2) whose data is a GS1 element string:
 * GS1-128, GS1 DataBar and Composite, GS1 DataMatrix, GS1 QR Code, GS1 DotCode.
 */
const GS1_SYMBOLOGY_IDS: ReadonlySet<string> = new Set([']C1', ']e0', ']d2', ']Q3', ']J1']);
/** EAN/UPC identifiers carry a bare GTIN: ]E0 EAN-13 / UPC-A (13 digits), ]E4 EAN-8. */
const EAN_SYMBOLOGY_LENGTH: Readonly<Record<string, number>> = { ']E0': 13, ']E4': 8 };

/**
 * True for the symbology identifiers that announce a GS1 element string (GenSpecs §5.1.2).
 * @example isGs1SymbologyId(']d2') // true: GS1 DataMatrix
 */
export function isGs1SymbologyId(id: string): boolean {
  return GS1_SYMBOLOGY_IDS.has(id);
}

/**
 * Length of the FNC1 separator at `i`: the GS character, or the textual stand-ins "<GS>" and
 * "\x1d" that appear when scanner output went through a text file or a log.
 */
export function separatorLengthAt(s: string, i: number): number {
  const code = s.charCodeAt(i);
  if (code === 29) return 1;
  if (code === 60 && s.startsWith('<GS>', i)) return 4;
  if (code === 92 && (s.startsWith('\\x1d', i) || s.startsWith('\\x1D', i))) return 4;
  return 0;
}

function findSeparator(s: string, from: number, to: number): number {
  for (let i = from; i < to; i += 1) if (separatorLengthAt(s, i) > 0) return i;
  return -1;
}

type Elements = Result<LocatedElement[]>;

/** Raw (scanned) form: AI, data, and a separator after data of variable length. */
function readRaw(s: string, start: number): Elements {
  const elements: LocatedElement[] = [];
  let position = start;
  while (position < s.length) {
    const separator = separatorLengthAt(s, position);
    if (separator > 0) {
      position += separator; // a leading or doubled FNC1 carries no data
      continue;
    }
    const definition = findAiAt(s, position);
    if (!definition) return fail('GS1_UNKNOWN_AI', position, { ai: s.slice(position, position + 4) });
    const valueStart = position + definition.ai.length;
    let valueEnd: number;
    if (definition.predefinedLength) {
      valueEnd = Math.min(valueStart + definition.maxLength, s.length);
      const early = findSeparator(s, valueStart, valueEnd);
      if (early !== -1) valueEnd = early;
    } else {
      const next = findSeparator(s, valueStart, s.length);
      valueEnd = next === -1 ? s.length : next;
    }
    const element = {
      definition,
      value: s.slice(valueStart, valueEnd),
      position,
      valueStart,
      valueEnd,
    };
    const error = validateElement(element);
    if (error) return { ok: false, error };
    elements.push(element);
    position = valueEnd;
  }
  return ok(elements);
}

const isSpace = (code: number): boolean => code === 32 || code === 9;

/**
 * Bracketed human-readable form "(01)09506000134352(10)ABC" (GenSpecs §4.14). A literal "(" in
 * data is written "\(" (as in the GS1 Barcode Syntax Engine); spaces around elements are
 * tolerated because people copy the HRI text printed under barcodes.
 */
function readBracketed(s: string): Elements {
  const elements: LocatedElement[] = [];
  let position = 0;
  while (position < s.length) {
    if (isSpace(s.charCodeAt(position))) {
      position += 1;
      continue;
    }
    if (s.charCodeAt(position) !== 40) return fail('GS1_BRACKETS', position);
    const close = s.indexOf(')', position + 1);
    const ai = close === -1 ? '' : s.slice(position + 1, close);
    if (!/^\d{2,4}$/.test(ai)) return fail('GS1_BRACKETS', position);
    const definition = getAiDefinition(ai);
    if (!definition) return fail('GS1_UNKNOWN_AI', position + 1, { ai });

    let valueStart = close + 1;
    while (valueStart < s.length && isSpace(s.charCodeAt(valueStart))) valueStart += 1;
    let value = '';
    let positions: number[] | undefined;
    let i = valueStart;
    for (; i < s.length; i += 1) {
      const code = s.charCodeAt(i);
      if (code === 40) break;
      if (code === 92 && s.charCodeAt(i + 1) === 40) {
        positions ??= Array.from({ length: value.length }, (_, k) => valueStart + k);
        i += 1;
      }
      positions?.push(i);
      value += s.charAt(i);
    }
    let valueEnd = i;
    while (value.length > 0 && isSpace(value.charCodeAt(value.length - 1))) {
      value = value.slice(0, -1);
      positions?.pop();
      valueEnd -= 1;
    }
    const element: LocatedElement = {
      definition,
      value,
      position: position + 1,
      valueStart,
      valueEnd,
      ...(positions ? { valuePositions: positions } : {}),
    };
    const error = validateElement(element);
    if (error) return { ok: false, error };
    elements.push(element);
    position = i;
  }
  return ok(elements);
}

/** ]E0 / ]E4 data is a GTIN without its AI: read it as (01), zeros on the left. */
function readEanPayload(s: string, expectedLength: number): Elements {
  const definition = getAiDefinition('01');
  if (!definition) throw new Error('AI (01) missing from the GS1 dictionary');
  const payload = s.slice(3);
  if (payload.length !== expectedLength) {
    return fail('GS1_AI_LENGTH', 3, { ai: '01', length: payload.length, expected: expectedLength });
  }
  const padding = 14 - payload.length;
  const element = {
    definition,
    value: '0'.repeat(padding) + payload,
    position: 0,
    valueStart: 3 - padding,
    valueEnd: s.length,
  };
  const error = validateElement(element);
  return error ? { ok: false, error } : ok([element]);
}

/**
 * Reads elements with their positions; shared by the parsers of element strings and
 * Digital Link URIs. `symbologyId` is set when the input began with one.
 */
export function readElementString(input: string): Result<{
  elements: LocatedElement[];
  symbologyId?: string;
}> {
  if (input.length === 0) return fail('GS1_EMPTY', 0);
  let read: Elements;
  let symbologyId: string | undefined;
  if (input.charCodeAt(0) === 40) {
    read = readBracketed(input);
  } else if (input.charCodeAt(0) === 93 && input.length >= 3) {
    symbologyId = input.slice(0, 3);
    const eanLength = EAN_SYMBOLOGY_LENGTH[symbologyId];
    if (eanLength !== undefined) read = readEanPayload(input, eanLength);
    else if (!GS1_SYMBOLOGY_IDS.has(symbologyId)) return fail('GS1_SYMBOLOGY_NOT_GS1', 0, { symbologyId });
    else read = readRaw(input, 3);
  } else {
    read = readRaw(input, 0);
  }
  if (!read.ok) return read;
  if (read.value.length === 0) return fail('GS1_EMPTY', input.length);
  return ok(symbologyId === undefined ? { elements: read.value } : { elements: read.value, symbologyId });
}

export function checkedElements(
  elements: readonly LocatedElement[],
  options: ParseElementStringOptions | undefined,
): CodeError | undefined {
  return checkElementRules(elements, options?.associations ?? true);
}

/**
 * Parses a GS1 element string and validates every AI against the GS1 Barcode Syntax Dictionary
 * (GenSpecs §3 formats and §7.9 check digits, §4.13 pairing rules). Accepts the bracketed
 * form, and the raw scanned form with an optional symbology identifier (]C1, ]e0, ]d2, ]Q3,
 * ]J1; ]E0 and ]E4 read as AI 01) and FNC1 transmitted as GS (ASCII 29) after variable-length
 * data (GenSpecs §7.8.5). Errors carry the 0-based position of the offending character.
 *
 * @example
 * parseElementString('(01)09506000134352(17)201225(10)ABC123')
 * // { ok: true, value: { elements: [
 * //   { ai: '01', value: '09506000134352', title: 'GTIN' },
 * //   { ai: '17', value: '201225', title: 'USE BY or EXPIRY' },
 * //   { ai: '10', value: 'ABC123', title: 'BATCH/LOT' } ] } }
 * parseElementString(']d201095060001343521724022810ABC\x1d21XYZ')
 */
export function parseElementString(input: string, options?: ParseElementStringOptions): Result<ElementString> {
  const read = readElementString(input);
  if (!read.ok) return read;
  const error = checkedElements(read.value.elements, options);
  if (error) return { ok: false, error };
  const elements = read.value.elements.map(toGs1Element);
  const { symbologyId } = read.value;
  return ok(symbologyId === undefined ? { elements } : { elements, symbologyId });
}

export interface ToElementStringOptions {
  /** Bracketed human-readable form "(01)…(10)…", or raw form with GS separators. */
  bracketed: boolean;
}

/**
 * Writes elements as a GS1 element string. Raw form puts GS (FNC1) after each variable-length
 * element except the last (GenSpecs §7.8.5); bracketed form escapes "(" in data as "\(".
 * Does not validate: parse first, or build elements from a parser's result.
 *
 * @example
 * toElementString([{ ai: '01', value: '09506000134352' }, { ai: '10', value: 'ABC' },
 *   { ai: '17', value: '201225' }], { bracketed: false })
 * // '0109506000134352' + '10ABC\x1d' + '17201225'
 */
export function toElementString(
  elements: readonly Pick<Gs1Element, 'ai' | 'value'>[],
  options: ToElementStringOptions,
): string {
  if (options.bracketed) {
    return elements.map(({ ai, value }) => `(${ai})${value.replaceAll('(', '\\(')}`).join('');
  }
  let out = '';
  elements.forEach(({ ai, value }, index) => {
    out += ai + value;
    const last = index === elements.length - 1;
    if (!last && getAiDefinition(ai)?.predefinedLength !== true) out += GS;
  });
  return out;
}
