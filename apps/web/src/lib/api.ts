import type { ErrorResponse } from '@verity/contract';

/**
 * A failed API call. `code` is the server's stable error code (the contract's error catalog,
 * also the i18n key `errors.<CODE>`), or one of the client's own: NETWORK_ERROR when the server
 * could not be reached, UNEXPECTED_RESPONSE when it answered something that is not our API.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly requestId?: string,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** True when the call was cancelled (a newer request replaced it, or the screen went away). */
export const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON, except a FormData (multipart) or a Blob (its own type) which go as they are. */
  body?: unknown;
  signal?: AbortSignal;
}

/** Fired on window when any call answers AUTH_REQUIRED: the shell then shows the sign-in form. */
export const AUTH_REQUIRED_EVENT = 'verity:auth-required';

function encode(body: unknown): { headers: Record<string, string>; payload?: BodyInit } {
  const accept = { accept: 'application/json' };
  if (body === undefined) return { headers: accept };
  if (body instanceof FormData) return { headers: accept, payload: body };
  if (body instanceof Blob)
    return { headers: { ...accept, 'content-type': body.type || 'application/octet-stream' }, payload: body };
  return { headers: { ...accept, 'content-type': 'application/json' }, payload: JSON.stringify(body) };
}

/**
 * Calls the JSON API of the server that served this page. The session is an httpOnly cookie the
 * browser sends by itself (same origin); the server's CSRF check reads the browser's own headers.
 */
export async function api<T>(
  path: `/api/${string}`,
  { method = 'GET', body, signal }: RequestOptions = {},
): Promise<T> {
  let response: Response;
  const { headers, payload: requestBody } = encode(body);
  try {
    response = await fetch(path, { method, signal, credentials: 'same-origin', headers, body: requestBody });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError('NETWORK_ERROR', 0);
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok && payload !== undefined) return payload as T;
  const error = (payload as Partial<ErrorResponse> | undefined)?.error;
  if (error?.code === 'AUTH_REQUIRED' && !path.startsWith('/api/v1/auth/'))
    window.dispatchEvent(new Event(AUTH_REQUIRED_EVENT));
  throw new ApiError(error?.code ?? 'UNEXPECTED_RESPONSE', response.status, error?.requestId);
}
