import type { DecodedCode } from './scanned-text';

/** Which decoder the worker uses: the browser's own BarcodeDetector, or zxing-wasm. */
export type DecoderEngine = 'native' | 'zxing';

/**
 * Messages to the decoder worker. `prepare` loads the decoder (zxing's .wasm) as the camera
 * opens, so its failure shows at once and the first frame does not wait for it; a `frame` is
 * the part of a camera frame under the guide (transferred); a `photo` is a file from the gallery.
 */
export type DecodeJob = { kind: 'frame'; image: ImageBitmap; attempt: number } | { kind: 'photo'; image: Blob };
export type DecoderRequest = { id: number } & ({ kind: 'prepare' } | DecodeJob);

export type DecoderFailure = 'image-unreadable' | 'decoder-failed';

export type DecoderReply =
  | { id: number; ok: true; engine: DecoderEngine; code: DecodedCode | null }
  | { id: number; ok: false; failure: DecoderFailure; detail: string };
