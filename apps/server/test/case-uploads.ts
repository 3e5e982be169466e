import sharp from 'sharp';
import { expect } from 'vitest';
import type { Session } from './test-app';

/** A JPEG of noise (about 300 KB), large enough to go in several chunks. */
export const noisyJpeg: Buffer = await sharp({
  create: {
    width: 900,
    height: 700,
    channels: 3,
    background: '#808080',
    noise: { type: 'gaussian', mean: 128, sigma: 40 },
  },
})
  .withExif({ IFD0: { Make: 'SecretCam', ImageDescription: 'GPS 48.8566N 2.3522E' } })
  .jpeg({ quality: 90 })
  .toBuffer();

/** The smallest PDF a reader opens, as far as its signature goes. */
export const pdfBytes = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

export const startUpload = (as: Session, caseId: string, body: { name: string; contentType: string; size: number }) =>
  as.request('POST', `/api/v1/cases/${caseId}/uploads`, body);

export const sendChunk = (as: Session, uploadId: string, offset: number, bytes: Buffer) =>
  as.request('PATCH', `/api/v1/uploads/${uploadId}`, bytes, {
    'content-type': 'application/offset+octet-stream',
    'upload-offset': String(offset),
  });

/** Uploads `bytes` whole, in chunks; returns the upload's id. */
export async function upload(
  as: Session,
  caseId: string,
  bytes: Buffer,
  { name = 'photo.jpg', contentType = 'image/jpeg', chunk = 128 * 1024 } = {},
): Promise<string> {
  const started = await startUpload(as, caseId, { name, contentType, size: bytes.length });
  expect(started.statusCode, started.body).toBe(201);
  const id = started.json<{ id: string }>().id;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    const sent = await sendChunk(as, id, offset, bytes.subarray(offset, offset + chunk));
    expect(sent.statusCode, sent.body).toBe(200);
  }
  return id;
}
