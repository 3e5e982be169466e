import { getAiDefinition, type AiDefinition } from './ai-table';
import { isDigits } from './charsets';
import { checkedElements, type ParseElementStringOptions } from './element-string';
import { toGs1Element, validateElement, type Gs1Element, type LocatedElement } from './element-validation';
import { fail, ok, type Result } from './result';

/**
 * GS1 Digital Link URIs (GS1 Digital Link URI Syntax 1.4, uncompressed form):
 * `https://any.host/optional/prefix/{primary key AI}/{value}[/{qualifier AI}/{value}...]`
 * `[?{data attribute AI}={value}&...]`. The dictionary's `dlpkey=` attributes say which AIs are
 * primary keys and which qualifiers may follow them in which order; the `?` flag says which AIs
 * may be data attributes in the query string.
 */
export interface DigitalLink {
  /** Everything before the primary key: scheme, host and path prefix, e.g. "https://id.gs1.org". */
  base: string;
  /** Primary key, then qualifiers in path order, then data attributes in query order. */
  elements: Gs1Element[];
}

interface Part {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const SCHEME = /^https?:\/\//i;
const utf8 = new TextDecoder();

function isHexCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** The byte of "%XX" at `i`, or -1 when that is not a valid percent-encoded byte. */
function percentByteAt(uri: string, i: number, end: number): number {
  if (i + 2 >= end || !isHexCode(uri.charCodeAt(i + 1)) || !isHexCode(uri.charCodeAt(i + 2))) {
    return -1;
  }
  return Number.parseInt(uri.slice(i + 1, i + 3), 16);
}

/** Percent-decodes uri[start, end) (RFC 3986 §2.1), keeping each character's input position. */
function decode(
  uri: string,
  start: number,
  end: number,
): { value: string; positions?: number[] } | { errorAt: number } {
  const percent = uri.indexOf('%', start);
  if (percent === -1 || percent >= end) return { value: uri.slice(start, end) };
  let value = '';
  const positions: number[] = [];
  let i = start;
  while (i < end) {
    if (uri.charCodeAt(i) !== 37) {
      value += uri.charAt(i);
      positions.push(i);
      i += 1;
      continue;
    }
    const byte = percentByteAt(uri, i, end);
    if (byte === -1) return { errorAt: i };
    const sequenceStart = i;
    i += 3;
    if (byte < 0x80) {
      value += String.fromCharCode(byte);
      positions.push(sequenceStart);
      continue;
    }
    // A UTF-8 sequence: a lead byte and its continuation bytes (0x80-0xBF), decoded together.
    const bytes = [byte];
    for (let next = percentByteAt(uri, i, end); next >= 0x80 && next < 0xc0;) {
      bytes.push(next);
      i += 3;
      next = percentByteAt(uri, i, end);
    }
    const text = utf8.decode(Uint8Array.from(bytes));
    value += text;
    for (let k = 0; k < text.length; k += 1) positions.push(sequenceStart);
  }
  return { value, positions };
}

interface UriParts {
  segments: Part[];
  params: { key: Part; value: Part }[];
  pathStart: number;
}

function splitUri(uri: string): Result<UriParts> {
  const scheme = SCHEME.exec(uri);
  if (!scheme) return fail('DIGITAL_LINK_INVALID_URI', 0);
  for (let i = 0; i < uri.length; i += 1) {
    if (uri.charCodeAt(i) <= 32 || uri.charCodeAt(i) === 127) return fail('DIGITAL_LINK_INVALID_URI', i);
  }
  const hostStart = scheme[0].length;
  let pathStart = hostStart;
  while (pathStart < uri.length && !'/?#'.includes(uri.charAt(pathStart))) pathStart += 1;
  if (pathStart === hostStart) return fail('DIGITAL_LINK_INVALID_URI', hostStart);
  const hash = uri.indexOf('#', pathStart);
  const end = hash === -1 ? uri.length : hash;
  const question = uri.indexOf('?', pathStart);
  const pathEnd = question === -1 || question > end ? end : question;

  const segments: Part[] = [];
  for (let i = pathStart + 1; i <= pathEnd && pathStart < pathEnd;) {
    let next = uri.indexOf('/', i);
    if (next === -1 || next > pathEnd) next = pathEnd;
    segments.push({ text: uri.slice(i, next), start: i, end: next });
    i = next + 1;
  }
  if (segments.at(-1)?.text === '') segments.pop(); // a trailing "/"

  const params: UriParts['params'] = [];
  if (pathEnd < end) {
    for (let i = pathEnd + 1; i < end;) {
      let next = uri.indexOf('&', i);
      if (next === -1 || next > end) next = end;
      const equals = uri.indexOf('=', i);
      const keyEnd = equals === -1 || equals > next ? next : equals;
      params.push({
        key: { text: uri.slice(i, keyEnd), start: i, end: keyEnd },
        value: { text: uri.slice(keyEnd + 1, next), start: Math.min(keyEnd + 1, next), end: next },
      });
      i = next + 1;
    }
  }
  return ok({ segments, params, pathStart });
}

function locate(uri: string, definition: AiDefinition, aiPart: Part, valuePart: Part): Result<LocatedElement> {
  const decoded = decode(uri, valuePart.start, valuePart.end);
  if ('errorAt' in decoded) return fail('DIGITAL_LINK_PERCENT_ENCODING', decoded.errorAt);
  let { value } = decoded;
  let positions = decoded.positions;
  // Digital Link 1.4 §4.4: a GTIN-8, -12 or -13 in the path is read as the 14-digit GTIN.
  if (definition.ai === '01' && [8, 12, 13].includes(value.length) && isDigits(value)) {
    const padding = 14 - value.length;
    positions = [
      ...Array.from({ length: padding }, () => valuePart.start),
      ...(positions ?? Array.from({ length: value.length }, (_, k) => valuePart.start + k)),
    ];
    value = value.padStart(14, '0');
  }
  const element: LocatedElement = {
    definition,
    value,
    position: aiPart.start,
    valueStart: valuePart.start,
    valueEnd: valuePart.end,
    ...(positions ? { valuePositions: positions } : {}),
  };
  const error = validateElement(element);
  return error ? { ok: false, error } : ok(element);
}

function describeSequences(sequences: readonly (readonly string[])[]): string {
  if (sequences.length === 0) return 'no qualifiers';
  const paths = sequences.map((sequence) => sequence.map((ai) => `/${ai}`).join(''));
  return `${paths.join(' or ')} (in this order, each optional)`;
}

/** Primary key at segments[index], then qualifier pairs in one of the allowed orders. */
function readPath(uri: string, segments: readonly Part[], index: number): Result<LocatedElement[]> {
  const keyPart = segments[index];
  const key = keyPart && getAiDefinition(keyPart.text);
  const sequences = key?.qualifierSequences;
  if (!keyPart || !key || !sequences) return fail('DIGITAL_LINK_NO_PRIMARY_KEY', keyPart?.start);
  const elements: LocatedElement[] = [];
  /** For each allowed sequence, how far the qualifiers read so far got in it (-1: not viable). */
  const progress = sequences.map(() => -1);
  for (let k = index; k < segments.length; k += 2) {
    const aiPart = segments[k];
    const valuePart = segments[k + 1];
    if (!aiPart) break;
    if (!valuePart) return fail('DIGITAL_LINK_MISSING_VALUE', aiPart.end, { ai: aiPart.text });
    let definition: AiDefinition | undefined = key;
    if (k > index) {
      definition = isDigits(aiPart.text) ? getAiDefinition(aiPart.text) : undefined;
      let viable = false;
      sequences.forEach((sequence, s) => {
        const reached = progress[s] ?? -2;
        const at = reached < -1 ? -1 : sequence.indexOf(aiPart.text, reached + 1);
        progress[s] = at === -1 ? -2 : at;
        viable ||= at !== -1;
      });
      if (!definition || !viable) {
        return fail('DIGITAL_LINK_BAD_QUALIFIER', aiPart.start, {
          ai: aiPart.text,
          primaryKey: key.ai,
          allowed: describeSequences(sequences),
        });
      }
    }
    const element = locate(uri, definition, aiPart, valuePart);
    if (!element.ok) return element;
    elements.push(element.value);
  }
  return ok(elements);
}

function readQuery(uri: string, params: UriParts['params']): Result<LocatedElement[]> {
  const elements: LocatedElement[] = [];
  for (const { key, value } of params) {
    if (key.text.length < 2 || key.text.length > 4 || !isDigits(key.text)) continue;
    const definition = getAiDefinition(key.text);
    if (!definition) continue; // not an AI: other query parameters are ignored
    if (!definition.dataAttribute) {
      return fail('DIGITAL_LINK_NOT_DATA_ATTRIBUTE', key.start, { ai: key.text });
    }
    const element = locate(uri, definition, key, value);
    if (!element.ok) return element;
    elements.push(element.value);
  }
  return ok(elements);
}

/**
 * Parses a GS1 Digital Link URI (GS1 Digital Link URI Syntax 1.4) on any domain and path
 * prefix into its elements, validated like an element string (GenSpecs §3, §7.9, §4.13).
 * Query parameters that are not AIs (such as linkType) are ignored.
 *
 * @example
 * parseDigitalLink('https://id.gs1.org/01/09506000134352/10/ABC123?17=201225')
 * // { ok: true, value: { base: 'https://id.gs1.org', elements: [
 * //   { ai: '01', value: '09506000134352', title: 'GTIN' },
 * //   { ai: '10', value: 'ABC123', title: 'BATCH/LOT' },
 * //   { ai: '17', value: '201225', title: 'USE BY or EXPIRY' } ] } }
 */
export function parseDigitalLink(uri: string, options?: ParseElementStringOptions): Result<DigitalLink> {
  const parts = splitUri(uri);
  if (!parts.ok) return parts;
  const { segments, params, pathStart } = parts.value;
  let firstFailure: Result<DigitalLink> | undefined;
  for (let index = 0; index < segments.length; index += 1) {
    const text = segments[index]?.text ?? '';
    if (!isDigits(text) || getAiDefinition(text)?.qualifierSequences === undefined) continue;
    const path = readPath(uri, segments, index);
    if (!path.ok) {
      firstFailure ??= path;
      continue; // a later segment may be the primary key, after a prefix that looked like one
    }
    const query = readQuery(uri, params);
    if (!query.ok) return query;
    const located = [...path.value, ...query.value];
    const error = checkedElements(located, options);
    if (error) return { ok: false, error };
    const keyStart = segments[index]?.start ?? pathStart;
    return ok({ base: uri.slice(0, keyStart - 1), elements: located.map(toGs1Element) });
  }
  return firstFailure ?? fail('DIGITAL_LINK_NO_PRIMARY_KEY', pathStart);
}

/**
 * True when the URI's path has a GS1 primary key AI followed by a value: an attempt at a
 * Digital Link, even if invalid. Used to tell a broken Digital Link from any other web address.
 */
export function looksLikeDigitalLink(uri: string): boolean {
  const parts = splitUri(uri);
  if (!parts.ok) return false;
  const { segments } = parts.value;
  return segments.some(
    (segment, index) =>
      index < segments.length - 1 &&
      isDigits(segment.text) &&
      getAiDefinition(segment.text)?.qualifierSequences !== undefined,
  );
}

const utf8Encoder = new TextEncoder();
const UNRESERVED = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~') {
  UNRESERVED[c.charCodeAt(0)] = 1;
}

/**
 * RFC 3986 percent-encoding of the UTF-8 bytes of everything but unreserved characters
 * (DL 1.4 §4.6). Unlike encodeURIComponent it never throws (a lone surrogate becomes U+FFFD).
 */
function encode(value: string): string {
  let out = '';
  for (const byte of utf8Encoder.encode(value)) {
    out +=
      byte < 128 && UNRESERVED[byte] === 1
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Writes elements as a GS1 Digital Link URI (GS1 Digital Link URI Syntax 1.4): the first
 * primary key, the qualifiers of its longest matching allowed sequence in the path, every other
 * element as a query data attribute. Fails when an element can be neither.
 *
 * @example
 * toDigitalLink([{ ai: '01', value: '09506000134352' }, { ai: '17', value: '201225' },
 *   { ai: '10', value: 'ABC123' }])
 * // { ok: true, value: 'https://id.gs1.org/01/09506000134352/10/ABC123?17=201225' }
 */
export function toDigitalLink(
  elements: readonly Pick<Gs1Element, 'ai' | 'value'>[],
  base = 'https://id.gs1.org',
): Result<string> {
  if (!SCHEME.test(base) || !splitUri(base).ok) return fail('DIGITAL_LINK_INVALID_URI', 0);
  const keyIndex = elements.findIndex((element) => getAiDefinition(element.ai)?.qualifierSequences !== undefined);
  const key = elements[keyIndex];
  const sequences = key && getAiDefinition(key.ai)?.qualifierSequences;
  if (!key || !sequences) return fail('DIGITAL_LINK_NO_PRIMARY_KEY');

  const used = new Set<number>([keyIndex]);
  let qualifiers: number[] = [];
  for (const sequence of sequences) {
    const found = sequence
      .map((ai) => elements.findIndex((element, i) => i !== keyIndex && element.ai === ai))
      .filter((i) => i !== -1);
    if (found.length > qualifiers.length) qualifiers = found;
  }
  let path = `/${key.ai}/${encode(key.value)}`;
  for (const i of qualifiers) {
    const qualifier = elements[i];
    if (qualifier) path += `/${qualifier.ai}/${encode(qualifier.value)}`;
    used.add(i);
  }
  const query: string[] = [];
  const written = new Set([...used].map((i) => `${elements[i]?.ai}=${elements[i]?.value}`));
  for (const [i, element] of elements.entries()) {
    if (used.has(i) || written.has(`${element.ai}=${element.value}`)) continue;
    if (getAiDefinition(element.ai)?.dataAttribute !== true) {
      return fail('DIGITAL_LINK_UNENCODABLE_AI', undefined, { ai: element.ai });
    }
    query.push(`${element.ai}=${encode(element.value)}`);
    written.add(`${element.ai}=${element.value}`);
  }
  const trimmedBase = base.replace(/\/+$/, '');
  return ok(`${trimmedBase}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`);
}
