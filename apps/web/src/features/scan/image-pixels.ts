/** Photos are scaled down to this longest side: enough for a barcode, and a phone photo is 12 MP. */
const MAX_PHOTO_SIDE = 2048;

/** A gallery photo as a bitmap, turned upright (EXIF orientation) and at most MAX_PHOTO_SIDE. */
export async function photoBitmap(blob: Blob): Promise<ImageBitmap> {
  const full = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  const ratio = MAX_PHOTO_SIDE / Math.max(full.width, full.height);
  if (ratio >= 1) return full;
  try {
    return await createImageBitmap(full, {
      resizeWidth: Math.round(full.width * ratio),
      resizeHeight: Math.round(full.height * ratio),
      resizeQuality: 'high',
    });
  } finally {
    full.close();
  }
}

// One canvas for every frame: a new one per frame would leave the garbage collector a backing store each time.
let canvas: OffscreenCanvas | undefined;
let thumbnail: OffscreenCanvas | undefined;

function context2d(of: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const context = of.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('OffscreenCanvas 2D is not available in this browser');
  return context;
}

/**
 * The average colour of `image`, from an 8×8 thumbnail. The corners a rotation uncovers are
 * filled with it: white there would add a level of its own to each scan line, and zxing's
 * per-line threshold for linear codes then falls between white and the scene (nothing reads).
 */
function averageColour(image: ImageBitmap): string {
  thumbnail ??= new OffscreenCanvas(8, 8);
  const context = context2d(thumbnail);
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, 8, 8);
  const { data } = context.getImageData(0, 0, 8, 8);
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += 4) {
    sum[0]! += data[i]!;
    sum[1]! += data[i + 1]!;
    sum[2]! += data[i + 2]!;
  }
  const pixels = data.length / 4;
  return `rgb(${sum.map((total) => Math.round(total / pixels)).join(' ')})`;
}

/** The pixels of `image`, turned by `degrees` (the canvas grows to hold it all). */
export function pixelsOf(image: ImageBitmap, degrees = 0): ImageData {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  const width = Math.ceil(image.width * cos + image.height * sin);
  const height = Math.ceil(image.width * sin + image.height * cos);
  canvas ??= new OffscreenCanvas(width, height);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = context2d(canvas);
  context.resetTransform();
  if (degrees % 90 !== 0) {
    context.fillStyle = averageColour(image);
    context.fillRect(0, 0, width, height);
  }
  context.translate(width / 2, height / 2);
  context.rotate(radians);
  context.drawImage(image, -image.width / 2, -image.height / 2);
  return context.getImageData(0, 0, width, height);
}
