import type { CasePhoto, Upload, UploadInput } from '@verity/contract';
import { AUTH_REQUIRED_EVENT, isAbort } from '../../../lib/api';

/** A failed call, with the server's `details` (the offset to resume from after a mismatch). */
export class UploadError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'UploadError';
  }
}

/** Worth trying again later: no connection, the server busy or restarting. */
export const isTransient = (error: unknown) =>
  error instanceof UploadError &&
  (error.status === 0 || error.status >= 500 || (error.status === 429 && error.code !== 'UPLOAD_LIMIT_REACHED'));

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new UploadError('NETWORK_ERROR', 0);
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok && payload !== undefined) return payload as T;
  const error = (payload as { error?: { code?: string; details?: unknown } } | undefined)?.error;
  if (error?.code === 'AUTH_REQUIRED') window.dispatchEvent(new Event(AUTH_REQUIRED_EVENT));
  throw new UploadError(error?.code ?? 'UNEXPECTED_RESPONSE', response.status, error?.details);
}

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  body: body === undefined ? undefined : JSON.stringify(body),
});

/** The server's resumable uploads (tus-like), as the queue uses them. */
export interface UploadHttp {
  start(caseId: string, input: UploadInput): Promise<Upload>;
  status(uploadId: string): Promise<Upload>;
  chunk(uploadId: string, offset: number, bytes: Blob): Promise<Upload>;
  photo(caseId: string, body: { uploadId: string; lineId: string | null }): Promise<CasePhoto>;
}

export const uploadHttp: UploadHttp = {
  start: (caseId, input) => call(`/api/v1/cases/${encodeURIComponent(caseId)}/uploads`, json('POST', input)),
  status: (uploadId) => call(`/api/v1/uploads/${encodeURIComponent(uploadId)}`, json('GET')),
  chunk: (uploadId, offset, bytes) =>
    call(`/api/v1/uploads/${encodeURIComponent(uploadId)}`, {
      method: 'PATCH',
      headers: {
        accept: 'application/json',
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
      },
      body: bytes,
    }),
  photo: (caseId, body) => call(`/api/v1/cases/${encodeURIComponent(caseId)}/photos`, json('POST', body)),
};
