import { matchesPattern, type AiComponent, type AiDefinition, type AiPattern } from './ai-table';
import { characterSetDescription, findBadBase64Padding, findCharacterOutside } from './charsets';
import type { CodeErrorCode } from './errors';
import { codeError, type CodeError, type CodeErrorParams } from './result';

/** One AI and its data, as returned by the parsers. */
export interface Gs1Element {
  ai: string;
  value: string;
  /** The AI's data title in the GS1 Barcode Syntax Dictionary, e.g. "BATCH/LOT". */
  title?: string;
}

/** An element as found in an input, with where it was, so that errors can point at it. */
export interface LocatedElement {
  readonly definition: AiDefinition;
  readonly value: string;
  /** Input position of the AI's first digit. */
  readonly position: number;
  /** Input position of the first data character, and just after the last one. */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** Input position of each data character, when they are not contiguous (escapes, %XX). */
  readonly valuePositions?: readonly number[];
}

export function positionInValue(element: LocatedElement, offset: number): number {
  if (offset >= element.value.length) return element.valueEnd;
  return element.valuePositions?.[offset] ?? element.valueStart + offset;
}

/** A character as a message shows it: control characters such as GS become "U+001D". */
export function describeCharacter(char: string): string {
  const code = char.charCodeAt(0);
  return code < 32 || code === 127 ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : char;
}

/** "14", "1 to 20", or the allowed totals of fixed optional parts: "3, 6, 9, 12 or 15". */
function describeLength(definition: AiDefinition): string {
  const { minLength, maxLength, components } = definition;
  if (minLength === maxLength) return String(maxLength);
  if (components.some((c) => c.min !== c.max)) return `${minLength} to ${maxLength}`;
  const totals: number[] = [];
  let total = 0;
  for (const c of components) {
    if (c.optional) totals.push(total);
    total += c.max;
  }
  totals.push(total);
  return `${totals.slice(0, -1).join(', ')} or ${total}`;
}

function elementError(
  element: LocatedElement,
  code: CodeErrorCode,
  offset: number,
  params: CodeErrorParams = {},
): CodeError {
  return codeError(code, positionInValue(element, offset), {
    ai: element.definition.ai,
    ...params,
  });
}

function lengthError(element: LocatedElement, offset: number): CodeError {
  return elementError(element, 'GS1_AI_LENGTH', offset, {
    length: element.value.length,
    expected: describeLength(element.definition),
  });
}

/** Character set, then each linter, of one component in value[start, end). */
function checkComponent(
  element: LocatedElement,
  component: AiComponent,
  start: number,
  end: number,
): CodeError | undefined {
  const { value } = element;
  let dataEnd = end;
  if (component.cset === 'Z') {
    const badPadding = findBadBase64Padding(value, start, end);
    if (badPadding !== -1) {
      return elementError(element, 'GS1_AI_FORMAT', badPadding, {
        char: '=',
        expected: 'at most two "=" of base64url padding',
      });
    }
    while (dataEnd > start && value.charCodeAt(dataEnd - 1) === 61) dataEnd -= 1;
  }
  const bad = findCharacterOutside(component.cset, value, start, dataEnd);
  if (bad !== -1) {
    return elementError(element, 'GS1_AI_FORMAT', bad, {
      char: describeCharacter(value.charAt(bad)),
      expected: characterSetDescription[component.cset],
    });
  }
  if (component.linters.length === 0) return undefined;
  const data = value.slice(start, end);
  for (const linter of component.linters) {
    const failure = linter.check(data);
    if (failure) {
      return elementError(element, failure.code, start + failure.offset, {
        value: data,
        ...failure.params,
      });
    }
  }
  return undefined;
}

/**
 * Checks one element against its AI's format (GenSpecs §3 and the GS1 Barcode Syntax
 * Dictionary): total length, then each component's length, character set and linters.
 */
export function validateElement(element: LocatedElement): CodeError | undefined {
  const { definition, value } = element;
  if (value.length > definition.maxLength) return lengthError(element, definition.maxLength);
  if (value.length < definition.minLength) return lengthError(element, value.length);
  let position = 0;
  for (const component of definition.components) {
    const remaining = value.length - position;
    if (remaining === 0 && component.optional) break; // optional parts may be left out
    const length = component.min === component.max ? component.max : remaining;
    if (remaining < length) return lengthError(element, value.length);
    const error = checkComponent(element, component, position, position + length);
    if (error) return error;
    position += length;
  }
  return undefined;
}

function describeAlternatives(group: AiDefinition['requires'][number]): string {
  return group.map((alternative) => alternative.map((pattern) => `(${pattern.text})`).join(' + ')).join(' or ');
}

/**
 * Rules across the elements of one message: the same AI twice must carry the same data
 * (GenSpecs §4.13.1), and, when `associations` is set, the dictionary's invalid pairs (`ex=`)
 * and mandatory associations (`req=`, GenSpecs §4.13.2). The dictionary notes that pairings
 * should be judged over all carriers on an item, so callers looking at one barcode of several
 * may switch associations off.
 */
export function checkElementRules(elements: readonly LocatedElement[], associations: boolean): CodeError | undefined {
  // Rules are checked over the distinct AIs (first occurrence of each), which keeps the work
  // proportional to the few hundred AIs that exist, whatever the length of the input.
  const firstOfEach = new Map<string, LocatedElement>();
  for (const element of elements) {
    const ai = element.definition.ai;
    const earlier = firstOfEach.get(ai);
    if (earlier === undefined) firstOfEach.set(ai, element);
    else if (earlier.value !== element.value) {
      return codeError('GS1_DUPLICATE_AI', element.position, { ai });
    }
  }
  if (!associations) return undefined;
  const present = [...firstOfEach.values()];
  const has = (pattern: AiPattern): boolean =>
    present.some((candidate) => matchesPattern(candidate.definition.ai, pattern));

  for (const element of present) {
    for (const pattern of element.definition.excludes) {
      // "An AI is not exclusive of itself even if it matches a pattern" (dictionary header).
      const other = present.find(
        (candidate) => candidate !== element && matchesPattern(candidate.definition.ai, pattern),
      );
      if (other) {
        const [first, second] = other.position < element.position ? [other, element] : [element, other];
        return codeError('GS1_EXCLUSIVE_AIS', second.position, {
          ai: second.definition.ai,
          other: first.definition.ai,
        });
      }
    }
  }
  for (const element of present) {
    for (const group of element.definition.requires) {
      if (!group.some((alternative) => alternative.every(has))) {
        return codeError('GS1_REQUIRED_AI_MISSING', element.position, {
          ai: element.definition.ai,
          required: describeAlternatives(group),
        });
      }
    }
  }
  return undefined;
}

export function toGs1Element(element: LocatedElement): Gs1Element {
  const { ai, title } = element.definition;
  return title === undefined ? { ai, value: element.value } : { ai, value: element.value, title };
}
