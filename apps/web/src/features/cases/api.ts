import type {
  Case,
  CaseFacets,
  CaseInput,
  CaseList,
  CustomsAdministrationList,
  IdentifyResponse,
  Language,
} from '@verity/contract';
import { api, ApiError, AUTH_REQUIRED_EVENT, isAbort } from '../../lib/api';

export interface CaseFilters {
  status?: string;
  overdue?: boolean;
  country?: string;
  /** Start of a case or declaration reference. */
  q?: string;
  /** Days of creation (YYYY-MM-DD, UTC), both included. */
  from?: string;
  to?: string;
  transportMode?: string;
  originCountry?: string;
  portOrOffice?: string;
  rightHolderId?: string;
  brandId?: string;
  sort?: 'newest' | 'deadline';
  cursor?: string;
}

/** The filters' names in the API's query and in the list's address, in the order they are written. */
export const caseFilterNames = [
  'status',
  'overdue',
  'country',
  'q',
  'from',
  'to',
  'transportMode',
  'originCountry',
  'portOrOffice',
  'rightHolderId',
  'brandId',
  'sort',
] as const;

export function listCases(filters: CaseFilters, signal?: AbortSignal) {
  const query = new URLSearchParams();
  for (const name of caseFilterNames) {
    const value = filters[name];
    if (value) query.set(name, value === true ? 'true' : value);
  }
  if (filters.cursor) query.set('cursor', filters.cursor);
  const search = query.toString();
  return api<CaseList>(`/api/v1/cases${search ? `?${search}` : ''}`, { signal });
}

/** The filter choices: the right holders, brands, states and transport modes of the caller's cases, with counts. */
export const caseFacets = (signal?: AbortSignal) => api<CaseFacets>('/api/v1/cases/facets', { signal });

export const readCase = (id: string, signal?: AbortSignal) =>
  api<Case>(`/api/v1/cases/${encodeURIComponent(id)}`, { signal });

/** Autosave: the fields sent replace the current ones; `lines`, when sent, replaces them all. */
export const saveDraft = (id: string, patch: Partial<CaseInput>) =>
  api<Case>(`/api/v1/cases/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch });

export const answerCase = (id: string, body: { verdict: string; comment: string | null }) =>
  api<Case>(`/api/v1/cases/${encodeURIComponent(id)}/answer`, { method: 'POST', body });

export const moveCase = (id: string, body: { to: string; reason: string }) =>
  api<Case>(`/api/v1/cases/${encodeURIComponent(id)}/transition`, { method: 'POST', body });

/** The owning administration moves the answer deadline (a day, YYYY-MM-DD), saying why. */
export const changeDeadline = (id: string, body: { responseDeadline: string; reason: string }) =>
  api<Case>(`/api/v1/cases/${encodeURIComponent(id)}/deadline`, { method: 'PUT', body });

/** Invites another customs administration or agency: it then reads the case and may decide. */
export const shareCase = (id: string, organisationId: string) =>
  api<Case>(`/api/v1/cases/${encodeURIComponent(id)}/shares`, { method: 'POST', body: { organisationId } });

/** Active customs administrations and agencies, by country then name (a few hundred at most). */
export const listCustomsAdministrations = (signal?: AbortSignal) =>
  api<CustomsAdministrationList>('/api/v1/customs-administrations', { signal });

export const identifyProducts = (input: string, lang: Language, signal?: AbortSignal) =>
  api<IdentifyResponse>('/api/v1/identify', { method: 'POST', body: { input, lang }, signal });

/**
 * A POST with an `Idempotency-Key` (lib/api sends no custom headers): the same key sent again
 * gets the first answer back, so a phone that retries never opens two cases. Errors as lib/api.
 */
async function postOnce<T>(path: `/api/${string}`, key: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'idempotency-key': key,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError('NETWORK_ERROR', 0);
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok && payload !== undefined) return payload as T;
  const error = (payload as { error?: { code?: string; requestId?: string } } | undefined)?.error;
  if (error?.code === 'AUTH_REQUIRED') window.dispatchEvent(new Event(AUTH_REQUIRED_EVENT));
  throw new ApiError(error?.code ?? 'UNEXPECTED_RESPONSE', response.status, error?.requestId);
}

export const createCase = (key: string, body: CaseInput) => postOnce<Case>('/api/v1/cases', key, body);

export const submitCase = (id: string, key: string) =>
  postOnce<Case>(`/api/v1/cases/${encodeURIComponent(id)}/submit`, key);
