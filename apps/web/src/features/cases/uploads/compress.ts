/** The longest side of a photo sent from the device, and its JPEG quality: a few hundred KB instead of several MB. */
export const MAX_SIDE = 1600;
export const QUALITY = 0.8;

/**
 * Compresses a photo on the device before it is sent: decoded with its EXIF orientation,
 * scaled to at most 1600 px on its longest side, re-encoded as JPEG (which also drops the
 * camera's metadata, GPS included). A file the browser cannot decode goes as it is: the
 * server judges its bytes.
 */
export async function compressImage(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  try {
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
      return await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    return blob ?? file;
  } catch {
    return file;
  } finally {
    bitmap.close();
  }
}

/** `IMG_0042.HEIC` → `IMG_0042.jpg` once compressed. */
export const jpegName = (name: string) => `${name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`;
