import sharp from 'sharp';
import { AppError } from './errors';

/** What we accept, judged from the bytes (sharp's decoder), never from the name or header. */
const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'avif', 'heif']);
/** Refuse decompression bombs: at most 50 megapixels. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export interface ProcessedImage {
  /** Re-encoded (JPEG, or PNG when the source was PNG), the EXIF orientation applied, no metadata. */
  data: Buffer;
  contentType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  thumbnail: Buffer;
  thumbnailContentType: 'image/webp';
}

/** The image format sharp reads in these bytes, or undefined when they are not an image it accepts. */
export async function imageFormatOf(bytes: Buffer): Promise<string | undefined> {
  try {
    const format = (await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata()).format;
    return format && acceptedFormats.has(format) ? format : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks that the bytes are an image by content, re-encodes them (which drops EXIF, GPS and any
 * embedded payload), applies the EXIF orientation and makes a thumbnail. Throws
 * IMAGE_TYPE_NOT_ALLOWED for anything else and IMAGE_UNREADABLE for a broken or too large image.
 * Pure: no database, no policy (catalog images, case photos and attachments use it).
 */
export async function processImage(
  bytes: Buffer,
  { maxSide = 2048, thumbSide = 320 }: { maxSide?: number; thumbSide?: number } = {},
): Promise<ProcessedImage> {
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata()).format;
  } catch {
    throw new AppError('IMAGE_TYPE_NOT_ALLOWED');
  }
  if (!format || !acceptedFormats.has(format)) throw new AppError('IMAGE_TYPE_NOT_ALLOWED', { format });
  try {
    const base = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
    const keepsAlpha = format === 'png';
    const resized = base.clone().resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
    const main = await (keepsAlpha ? resized.png() : resized.jpeg({ quality: 85, mozjpeg: true })).toBuffer({
      resolveWithObject: true,
    });
    const thumbnail = await base
      .clone()
      .resize({ width: thumbSide, height: thumbSide, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return {
      data: main.data,
      contentType: keepsAlpha ? 'image/png' : 'image/jpeg',
      width: main.info.width,
      height: main.info.height,
      thumbnail,
      thumbnailContentType: 'image/webp',
    };
  } catch {
    throw new AppError('IMAGE_UNREADABLE');
  }
}
