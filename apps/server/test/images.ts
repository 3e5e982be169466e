import sharp from 'sharp';

/** A small real PNG (64×48, solid colour) for upload tests. */
export const pngBytes: Buffer = await sharp({
  create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 60 } },
})
  .png()
  .toBuffer();

/** A JPEG carrying EXIF metadata (camera make and GPS-like comment), to check it is stripped. */
export const jpegWithExif: Buffer = await sharp({
  create: { width: 800, height: 600, channels: 3, background: { r: 10, g: 120, b: 200 } },
})
  .withExif({ IFD0: { Make: 'SecretCam', Model: 'X1', ImageDescription: 'GPS 48.8566N 2.3522E' } })
  .jpeg()
  .toBuffer();

/** A multipart/form-data body with one file field. */
export function multipart(file: Buffer, filename: string, contentType: string, field = 'file') {
  const boundary = '----verity-test';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
