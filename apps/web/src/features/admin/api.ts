import type {
  CaseSettings,
  CaseStats,
  CreatedUser,
  Invitation,
  InvitationLink,
  Language,
  Me,
  Organisation,
  OrganisationKind,
  Role,
  User,
} from '@verity/contract';
import { api } from '../../lib/api';

export interface OrganisationFilters {
  q: string;
  kind: OrganisationKind | '';
}

export function listOrganisations(filters: OrganisationFilters, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: '25' });
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.kind) params.set('kind', filters.kind);
  if (cursor) params.set('cursor', cursor);
  return api<{ items: Organisation[]; nextCursor: string | null }>(`/api/v1/organisations?${params.toString()}`, {
    signal,
  });
}

export interface OrganisationInput {
  kind: OrganisationKind;
  name: string;
  country: string | null;
}

export const createOrganisation = (input: OrganisationInput) =>
  api<Organisation>('/api/v1/organisations', { method: 'POST', body: input });

export const readOrganisation = (id: string, signal?: AbortSignal) =>
  api<Organisation>(`/api/v1/organisations/${encodeURIComponent(id)}`, { signal });

export const updateOrganisation = (id: string, patch: { name?: string; country?: string | null; active?: boolean }) =>
  api<Organisation>(`/api/v1/organisations/${id}`, { method: 'PATCH', body: patch });

export const listUsers = (organisationId: string, signal?: AbortSignal) =>
  api<{ items: User[] }>(`/api/v1/organisations/${organisationId}/users`, { signal });

export interface InviteInput {
  name: string;
  email: string;
  role: Role;
  locale?: Language;
  organisationId: string;
}

/** Creates the user without a password: the answer carries their one-time link. */
export const inviteUser = (input: InviteInput) => api<CreatedUser>('/api/v1/users', { method: 'POST', body: input });

export const updateUser = (id: string, patch: { active?: boolean; name?: string }) =>
  api<User>(`/api/v1/users/${id}`, { method: 'PATCH', body: patch });

/** A new link; the user's earlier links stop working. */
export const reinviteUser = (id: string) => api<InvitationLink>(`/api/v1/users/${id}/invitation`, { method: 'POST' });

export const setRole = (userId: string, organisationId: string, role: Role) =>
  api<User>(`/api/v1/users/${userId}/memberships/${organisationId}`, {
    // lib/api's method type does not list PUT yet; fetch sends any method as given.
    method: 'PUT',
    body: { role },
  });

export const readInvitation = (token: string, signal?: AbortSignal) =>
  api<Invitation>(`/api/v1/invitations/${encodeURIComponent(token)}`, { signal });

export const acceptInvitation = (token: string, password: string) =>
  api<Me>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body: { password } });

/** An administration's case settings: the working days right holders have to answer its cases. */
export const readCaseSettings = (organisationId: string, signal?: AbortSignal) =>
  api<CaseSettings>(`/api/v1/organisations/${encodeURIComponent(organisationId)}/case-settings`, { signal });

/** `null` goes back to the default (10 working days). */
export const saveCaseSettings = (organisationId: string, responseWorkingDays: number | null) =>
  api<CaseSettings>(`/api/v1/organisations/${encodeURIComponent(organisationId)}/case-settings`, {
    method: 'PUT',
    body: { responseWorkingDays },
  });

/** The secretariat's anonymised counts of cases opened since `from` (a day, UTC). */
export const readCaseStats = (from: string, signal?: AbortSignal) =>
  api<CaseStats>(`/api/v1/cases/stats?${new URLSearchParams({ from }).toString()}`, { signal });
