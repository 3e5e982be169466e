import { getAiDefinition } from './ai-table';
import { gs1CheckDigit } from './check-digits';
import { looksLikeDigitalLink, parseDigitalLink } from './digital-link';
import { isGs1SymbologyId, parseElementString, separatorLengthAt, type ElementString } from './element-string';
import type { Gs1Element } from './element-validation';
import { gtinFormatOf, parseGtin, type Gtin, type GtinFormat } from './gtin';
import { parseImei, type Imei } from './imei';
import { codeError, shiftError, type CodeError, type Result } from './result';

export type CodeKind = 'gtin' | 'gs1' | 'digital-link' | 'imei' | 'text';

export interface Identification {
  input: string;
  kind: CodeKind;
  valid: boolean;
  /** 14 digits, when there is one: the GTIN itself, AI (01) or else (02), or a Digital Link's. */
  gtin?: string;
  /** As typed for a bare GTIN; read from the leading zeros of a GTIN in an element string. */
  gtinFormat?: GtinFormat;
  elements?: Gs1Element[];
  imei?: Imei;
  error?: CodeError;
}

type Classification = Omit<Identification, 'input'>;

const text = (): Classification => ({ kind: 'text', valid: true });

function gtinOf(elements: readonly Gs1Element[]): Pick<Classification, 'gtin' | 'gtinFormat'> {
  const gtin = (elements.find((e) => e.ai === '01') ?? elements.find((e) => e.ai === '02'))?.value;
  return gtin === undefined ? {} : { gtin, gtinFormat: gtinFormatOf(gtin) };
}

function fromGtin(result: Result<Gtin>): Classification {
  if (!result.ok) return { kind: 'gtin', valid: false, error: result.error };
  return { kind: 'gtin', valid: true, gtin: result.value.gtin, gtinFormat: result.value.format };
}

function fromImei(result: Result<Imei>): Classification {
  if (!result.ok) return { kind: 'imei', valid: false, error: result.error };
  return { kind: 'imei', valid: true, imei: result.value };
}

function fromElements(kind: 'gs1' | 'digital-link', result: Result<{ elements: Gs1Element[] }>): Classification {
  if (!result.ok) return { kind, valid: false, error: result.error };
  const { elements } = result.value;
  return { kind, valid: true, ...gtinOf(elements), elements };
}

/** A GS1 identification key (a Digital Link primary key such as 01, 00, 414), or (02). */
function hasKey(result: Result<ElementString>): boolean {
  return (
    result.ok &&
    result.value.elements.some((e) => e.ai === '02' || getAiDefinition(e.ai)?.qualifierSequences !== undefined)
  );
}

function hasSeparator(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) if (separatorLengthAt(s, i) > 0) return true;
  return false;
}

function shifted(classification: Classification, offset: number): Classification {
  const { error } = classification;
  return error === undefined ? classification : { ...classification, error: shiftError(error, offset) };
}

/** "01" + GTIN-14 is 16 digits, like an IMEISV: trust it when the GTIN check digit holds. */
function isGtinElement(digits: string): boolean {
  return (
    digits.length === 16 && digits.startsWith('01') && gs1CheckDigit(digits.slice(2, 15)) === digits.charCodeAt(15) - 48
  );
}

/** 18 digits with a good check digit, not readable as an element string: an SSCC as printed. */
function asSscc(digits: string): Classification | undefined {
  if (digits.length !== 18 || gs1CheckDigit(digits.slice(0, 17)) !== digits.charCodeAt(17) - 48) {
    return undefined;
  }
  return fromElements('gs1', parseElementString(`(00)${digits}`));
}

/** Only digits: GTIN, IMEI(SV) or a raw element string, by length (see README). */
function classifyDigits(s: string): Classification {
  const n = s.length;
  if (n === 8 || n === 12 || n === 13 || n === 14) return fromGtin(parseGtin(s));
  if (n === 15) return fromImei(parseImei(s));
  if (n === 16) {
    return isGtinElement(s) ? fromElements('gs1', parseElementString(s)) : fromImei(parseImei(s));
  }
  const parsed = parseElementString(s);
  if (hasKey(parsed)) return fromElements('gs1', parsed);
  if (n <= 6) return text(); // a quantity, a year, a short reference
  if (n < 15) return fromGtin(parseGtin(s)); // a GTIN with digits missing or extra
  return asSscc(s) ?? fromElements('gs1', parsed);
}

const TYPED_SEPARATORS = /[ /-]/g;

/** Digits with spaces, hyphens or slashes: a typed GTIN (spaces only) or IMEI. */
function classifyTypedDigits(s: string, digitCount: number, onlySpaces: boolean): Classification {
  if (onlySpaces && [8, 12, 13, 14].includes(digitCount)) return fromGtin(parseGtin(s));
  if (digitCount === 16) {
    const digits = s.replace(TYPED_SEPARATORS, '');
    if (isGtinElement(digits)) return fromElements('gs1', parseElementString(digits));
  }
  if (digitCount === 15 || digitCount === 16) return fromImei(parseImei(s));
  return text();
}

function classifySymbology(s: string): Classification {
  const id = s.slice(0, 3);
  if (id === ']E0' || id === ']E4') return shifted(fromGtin(parseGtin(s.slice(3))), 3);
  if (isGs1SymbologyId(id)) return fromElements('gs1', parseElementString(s));
  // Other symbologies (]Q1 QR Code, ]d1 Data Matrix, ]C0 Code 128...) carry plain data,
  // often a URL: classify what they carry.
  return s.length === 3 ? text() : shifted(classify(s.slice(3)), 3);
}

function classifyUri(s: string): Classification {
  const parsed = parseDigitalLink(s);
  if (parsed.ok || looksLikeDigitalLink(s)) return fromElements('digital-link', parsed);
  return text(); // any other web address
}

const URI_START = /^https?:\/\//i;

function classify(s: string): Classification {
  const first = s.charCodeAt(0);
  if ((first === 104 || first === 72) && URI_START.test(s)) return classifyUri(s);
  if (first === 40) return fromElements('gs1', parseElementString(s));
  if (first === 93 && s.length >= 3) return classifySymbology(s);

  let digits = 0;
  let spaces = 0;
  let otherSeparators = 0;
  let others = 0;
  for (let i = 0; i < s.length; i += 1) {
    const code = s.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += 1;
    else if (code === 32) spaces += 1;
    else if (code === 45 || code === 47) otherSeparators += 1;
    else others += 1;
  }
  if (others === 0) {
    if (spaces + otherSeparators === 0) return classifyDigits(s);
    return classifyTypedDigits(s, digits, otherSeparators === 0);
  }
  if (hasSeparator(s)) return fromElements('gs1', parseElementString(s)); // FNC1: a scan
  if (first >= 48 && first <= 57) {
    const parsed = parseElementString(s);
    if (hasKey(parsed)) return fromElements('gs1', parsed);
  }
  return text();
}

/**
 * Says what a customs officer typed or scanned: a GTIN (GenSpecs §3.3.2), a GS1 element
 * string (GenSpecs §3, bracketed or raw with FNC1 as GS, §7.8), a GS1 Digital Link URI (GS1
 * Digital Link URI Syntax 1.4), an IMEI (3GPP TS 23.003 §6.2) or free text, and whether it is
 * valid. Surrounding whitespace is ignored; error positions count from the untrimmed input.
 * Never throws.
 *
 * @example
 * identify('9506000134352')
 * // { input: '9506000134352', kind: 'gtin', valid: true,
 * //   gtin: '09506000134352', gtinFormat: 'GTIN-13' }
 * identify('https://id.gs1.org/01/09506000134352/10/ABC123?17=201225').kind // 'digital-link'
 * identify('Nike Air Max 90') // { input: 'Nike Air Max 90', kind: 'text', valid: true }
 */
export function identify(input: string): Identification {
  const trimmed = input.trim();
  if (trimmed === '') {
    return { input, kind: 'text', valid: false, error: codeError('INPUT_EMPTY') };
  }
  const start = input.length - input.trimStart().length;
  return { input, ...shifted(classify(trimmed), start) };
}
