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
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
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
  try {
    response = await fetch(path, {
      method,
      signal,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError('NETWORK_ERROR', 0);
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok && payload !== undefined) return payload as T;
  const error = (payload as Partial<ErrorResponse> | undefined)?.error;
  throw new ApiError(error?.code ?? 'UNEXPECTED_RESPONSE', response.status, error?.requestId);
}
