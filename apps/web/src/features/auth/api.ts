import type { Language, Me } from '@verity/contract';
import { api } from '../../lib/api';

export const fetchMe = (signal?: AbortSignal) => api<Me>('/api/v1/auth/me', { signal });

export const login = (email: string, password: string) =>
  api<Me>('/api/v1/auth/login', { method: 'POST', body: { email, password } });

export const logout = () => api<{ signedOut: true }>('/api/v1/auth/logout', { method: 'POST' });

/** Saves the user's own name or language in their profile. */
export const updateProfile = (patch: { name?: string; locale?: Language | null }) =>
  api<Me>('/api/v1/auth/me', { method: 'PATCH', body: patch });
