import type { Decoder } from './decoder';
import type { ScannedFormat } from './scanned-text';

// The Shape Detection API is not in TypeScript's DOM library yet: the little of it used here.
interface DetectedBarcode {
  rawValue: string;
  format: string;
}
interface BarcodeDetectorInstance {
  detect(image: ImageBitmap): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorConstructor {
  new (options: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats(): Promise<string[]>;
}

/** The Shape Detection API's names for the formats the scanner reads. */
const formatOfNative: Record<string, ScannedFormat> = {
  ean_13: 'EAN13',
  ean_8: 'EAN8',
  upc_a: 'UPCA',
  upc_e: 'UPCE',
  code_128: 'Code128',
  data_matrix: 'DataMatrix',
  qr_code: 'QRCode',
};

/**
 * The browser's own BarcodeDetector (Android's Chrome, Safari on recent Apple systems): fast
 * and free, when this worker has one that reads every format we need; otherwise null.
 */
export async function createNativeDecoder(): Promise<Decoder | null> {
  const Detector = (self as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  if (!Detector) return null;
  const wanted = Object.keys(formatOfNative);
  const supported = await Detector.getSupportedFormats();
  if (!wanted.every((format) => supported.includes(format))) return null;
  const detector = new Detector({ formats: wanted });
  const detect = async (image: ImageBitmap) => {
    for (const found of await detector.detect(image)) {
      const format = formatOfNative[found.format];
      if (format && found.rawValue) return { format, text: found.rawValue };
    }
    return null;
  };
  // It finds codes at any angle and size by itself: a photo needs no other tries.
  return { engine: 'native', decodeFrame: detect, decodePhoto: detect };
}
