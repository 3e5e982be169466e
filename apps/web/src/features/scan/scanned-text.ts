/** The formats the scanner looks for, named as zxing-wasm names them. */
export const SCANNED_FORMATS = ['EAN13', 'EAN8', 'UPCA', 'UPCE', 'Code128', 'DataMatrix', 'QRCode'] as const;
export type ScannedFormat = (typeof SCANNED_FORMATS)[number];

/** What a decoder read: its text and, when the decoder reports it, the symbology identifier. */
export interface DecodedCode {
  format: ScannedFormat;
  /** The data with FNC1 separators as GS (zxing's "Plain" text mode, or BarcodeDetector's rawValue). */
  text: string;
  /** ISO/IEC 15424 symbology identifier such as `]d2`; BarcodeDetector does not give one. */
  symbologyIdentifier?: string;
}

const GS = '\u001d';

/** Symbology identifiers whose data is a GS1 element string (GS1 General Specifications §5.1.2). */
const GS1_IDENTIFIERS = new Set([']C1', ']e0', ']d2', ']Q3', ']J1']);

/** The identifier a GS1 symbol of this format carries, for decoders that only show the leading FNC1 as GS. */
const GS1_IDENTIFIER_OF: Partial<Record<ScannedFormat, string>> = { Code128: ']C1', DataMatrix: ']d2', QRCode: ']Q3' };

/**
 * The text handed to the identify box, in a form packages/codes reads: a GS1 symbol keeps its
 * symbology identifier and GS separators (`]d20103…10ABC123<GS>17…`), so each element and its
 * boundaries reach the server intact; EAN/UPC give their digits, UPC-E expanded to UPC-A
 * (packages/codes would take 8 digits for a GTIN-8); anything else (a URL in a QR code) as read.
 */
export function identifyTextOf(code: DecodedCode): string {
  const { format, text, symbologyIdentifier } = code;
  if (symbologyIdentifier && GS1_IDENTIFIERS.has(symbologyIdentifier)) {
    return symbologyIdentifier + (text.startsWith(GS) ? text.slice(1) : text);
  }
  // A decoder without identifiers may pass the FNC1 in first position (which marks GS1 data) as a GS.
  const gs1Identifier = GS1_IDENTIFIER_OF[format];
  if (gs1Identifier && text.startsWith(GS)) return gs1Identifier + text.slice(1);
  if (format === 'UPCE' && /^[01]\d{7}$/.test(text)) return expandUpcE(text);
  return text;
}

/**
 * UPC-E (number system, six digits, check digit) written out as its UPC-A, the GTIN-12 it
 * stands for (GS1 General Specifications §5.2.2.4.2): the last of the six digits says where
 * the zeros suppressed from the manufacturer and product numbers go. The check digit is shared.
 */
export function expandUpcE(upcE: string): string {
  const system = upcE.slice(0, 1);
  const [a, b, c, d, e] = upcE.slice(1, 6);
  const last = upcE.slice(6, 7);
  const check = upcE.slice(7);
  let middle: string;
  if (last <= '2') middle = `${a}${b}${last}0000${c}${d}${e}`;
  else if (last === '3') middle = `${a}${b}${c}00000${d}${e}`;
  else if (last === '4') middle = `${a}${b}${c}${d}00000${e}`;
  else middle = `${a}${b}${c}${d}${e}0000${last}`;
  return `${system}${middle}${check}`;
}
