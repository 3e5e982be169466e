/** Plain values of case uploads (no zod: the web app imports them through `@verity/contract/values`). */

/** The largest chunk a PATCH may carry; clients send less (the web app 256 KiB). */
export const UPLOAD_CHUNK_MAX_BYTES = 1024 * 1024;
/** Declared types an upload may have (the bytes are checked too: images by decoding, PDF and office files by their signature). */
export const uploadContentTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/heic',
  'image/heif',
  'application/pdf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;
