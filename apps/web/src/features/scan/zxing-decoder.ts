import { prepareZXingModule, readBarcodes, type ReaderOptions, type ZXingModuleOverrides } from 'zxing-wasm/reader';
// Vite copies the .wasm into the build and gives its address on our own origin.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { Decoder } from './decoder';
import { pixelsOf } from './image-pixels';
import { isErrorCorrected } from './read-confirmation';
import { SCANNED_FORMATS, type DecodedCode, type ScannedFormat } from './scanned-text';

// zxing-wasm fetches its .wasm from a CDN unless told otherwise: never here (offline, and our CSP).
const overrides: ZXingModuleOverrides = {
  locateFile: (path: string, prefix: string) =>
    path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path,
};

const readerOptions: ReaderOptions = {
  formats: [...SCANNED_FORMATS],
  // Blurred, tilted, dim: accuracy over speed (each frame is small: the part under the guide).
  tryHarder: true,
  tryRotate: true,
  tryInvert: true, // white-on-dark codes, e.g. a DataMatrix marked on metal
  tryDownscale: true,
  maxNumberOfSymbols: 1,
  // Three scan lines must agree on a linear code (zxing's default is two): a blurred EAN-13 at
  // 30° was misread with two, as another GTIN whose check digit passed; with three it reads right.
  minLineCount: 3,
  // Plain keeps GS1's FNC1 separators as GS (HRI would bracket the AIs); see scanned-text.ts.
  textMode: 'Plain',
};

/**
 * Successive frames alternate the binarizer: the local one copes with uneven light, the
 * histogram one with blur and low contrast, and a moving camera gives both many chances.
 */
const frameBinarizers = ['LocalAverage', 'GlobalHistogram'] as const;

/**
 * A photo is tried upright and turned. zxing reads a linear code tilted up to about 35° (and
 * turns by 90° itself), so with these a code at any angle is read at two turns or more.
 */
const photoAngles = [0, 45, -45, 22.5, -22.5];

const isScannedFormat = (format: string): format is ScannedFormat =>
  (SCANNED_FORMATS as readonly string[]).includes(format);

async function read(pixels: ImageData, binarizer: ReaderOptions['binarizer']): Promise<DecodedCode | null> {
  const [result] = await readBarcodes(pixels, { ...readerOptions, binarizer });
  if (!result || !isScannedFormat(result.format)) return null;
  return { format: result.format, text: result.text, symbologyIdentifier: result.symbologyIdentifier };
}

/** zxing-wasm's reader, its .wasm loaded (and compiled) before this resolves. */
export async function createZxingDecoder(): Promise<Decoder> {
  await prepareZXingModule({ overrides, fireImmediately: true });
  return {
    engine: 'zxing',
    decodeFrame: (image, attempt) => read(pixelsOf(image), frameBinarizers[attempt % frameBinarizers.length]),
    async decodePhoto(image) {
      // A linear code counts once two turns read it alike (a blurred, tilted EAN-13 can be misread
      // at one angle as another GTIN whose check digit passes); the binarizers, which differ only
      // for 2D codes, are not independent witnesses of a linear one.
      const votes = new Map<string, number>();
      for (const angle of photoAngles) {
        const pixels = pixelsOf(image, angle);
        for (const binarizer of frameBinarizers) {
          const code = await read(pixels, binarizer);
          if (!code) continue;
          if (isErrorCorrected(code.format)) return code;
          const key = `${code.format}:${code.text}`;
          const count = (votes.get(key) ?? 0) + 1;
          if (count >= 2) return code;
          votes.set(key, count);
          break;
        }
      }
      return null;
    },
  };
}
