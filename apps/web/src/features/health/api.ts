import { api } from '../../lib/api';

/** `GET /api/health` (declared in apps/server/src/app.ts; not in the contract yet). */
export interface Health {
  status: 'ok';
  database: 'pglite' | 'postgres';
  version: string;
}

export const fetchHealth = (signal?: AbortSignal) => api<Health>('/api/health', { signal });
