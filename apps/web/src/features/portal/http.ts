import { ApiError, AUTH_REQUIRED_EVENT } from '../../lib/api';

/**
 * An ApiError that keeps the server's `details` (which field failed validation, which identifier
 * was refused), so the editor can show the message next to the field. The shared api() helper
 * drops details; the portal needs them.
 */
export class DetailedApiError extends ApiError {
  constructor(
    code: string,
    status: number,
    readonly details: unknown,
  ) {
    super(code, status);
  }
}

export interface SendOptions {
  method: 'POST' | 'PATCH';
  /** A File/Blob/FormData goes as it is; anything else as JSON. */
  body: unknown;
  /** The Content-Type of a Blob body (a File's own type is often empty or wrong for .jsonl). */
  contentType?: string;
  /** Fraction of the body sent so far (0..1), when the browser can tell. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends a body with XMLHttpRequest, the only browser API that reports upload progress; reads
 * the JSON answer and throws a DetailedApiError for an error answer.
 */
export function send<T>(path: `/api/${string}`, { method, body, contentType, onProgress, signal }: SendOptions) {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('accept', 'application/json');
    const raw = body instanceof Blob || body instanceof FormData;
    if (!raw) xhr.setRequestHeader('content-type', 'application/json');
    else if (contentType) xhr.setRequestHeader('content-type', contentType);
    xhr.responseType = 'text';
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      // A small body may go in one piece with no progress event: its end still counts.
      xhr.upload.onload = () => onProgress(1);
    }
    xhr.onerror = () => reject(new ApiError('NETWORK_ERROR', 0));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && payload !== undefined) return resolve(payload as T);
      const error = (payload as { error?: { code?: string; details?: unknown } } | undefined)?.error;
      if (error?.code === 'AUTH_REQUIRED') window.dispatchEvent(new Event(AUTH_REQUIRED_EVENT));
      reject(new DetailedApiError(error?.code ?? 'UNEXPECTED_RESPONSE', xhr.status, error?.details));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(raw ? (body as Blob | FormData) : JSON.stringify(body));
  });
}
