import type { DecoderEngine } from './decoder-protocol';
import type { DecodedCode } from './scanned-text';

/** A barcode decoder inside the worker (the browser's own, or zxing-wasm). */
export interface Decoder {
  engine: DecoderEngine;
  /** One quick try on a camera frame; `attempt` counts frames, so a decoder can vary its method between them. */
  decodeFrame(image: ImageBitmap, attempt: number): Promise<DecodedCode | null>;
  /** Every try it has on a photo from the gallery (held at any angle, possibly far away). */
  decodePhoto(image: ImageBitmap): Promise<DecodedCode | null>;
}
