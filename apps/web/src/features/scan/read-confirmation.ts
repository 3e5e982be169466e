import type { DecodedCode, ScannedFormat } from './scanned-text';

/**
 * Formats without error correction: in a blurred frame a decoder can misread a bar and still
 * find a check digit that passes (1 chance in 10), which would open the wrong product.
 */
const UNCORRECTED = new Set<ScannedFormat>(['EAN13', 'EAN8', 'UPCA', 'UPCE', 'Code128']);

/** Whether a read of this format carries its own error correction (DataMatrix, QR code). */
export const isErrorCorrected = (format: ScannedFormat) => !UNCORRECTED.has(format);

/**
 * Decides when a code read from the live camera is trusted: a DataMatrix or QR code (Reed–
 * Solomon corrected) at once; a linear code when two successive reads agree — a quarter of a
 * second more, against sending an officer to the wrong product sheet.
 */
export function createReadConfirmation(): (code: DecodedCode) => boolean {
  let previous: string | null = null;
  return (code) => {
    if (isErrorCorrected(code.format)) return true;
    const read = `${code.format}:${code.text}`;
    const agreed = read === previous;
    previous = read;
    return agreed;
  };
}
