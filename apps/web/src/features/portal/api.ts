import type {
  Alert,
  AlertInput,
  AlertList,
  Brand,
  ProductInput,
  ProductSearchResult,
  ProductSheet,
} from '@verity/contract';
import { api } from '../../lib/api';
import { send } from './http';

export type Trademark = Brand['trademarks'][number];
export interface BrandInput {
  name: string;
  description: string | null;
  trademarks: Trademark[];
}
export type ProductImage = ProductSheet['images'][number];

export const listBrands = (cursor: string | null, signal?: AbortSignal) =>
  api<{ items: Brand[]; nextCursor: string | null }>(
    `/api/v1/brands?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    { signal },
  );

/** Every brand of the organisation (a right holder has a handful; pages of 100). */
export async function listAllBrands(signal?: AbortSignal): Promise<Brand[]> {
  const brands: Brand[] = [];
  let cursor: string | null = null;
  do {
    const page = await listBrands(cursor, signal);
    brands.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return brands;
}

export const createBrand = (input: BrandInput) => send<Brand>('/api/v1/brands', { method: 'POST', body: input });
export const updateBrand = (id: string, input: BrandInput) =>
  send<Brand>(`/api/v1/brands/${id}`, { method: 'PATCH', body: input });
export const deleteBrand = (id: string) => api<{ deleted: true }>(`/api/v1/brands/${id}`, { method: 'DELETE' });

export interface ProductFilters {
  q: string;
  brand: string;
  category: string;
  /** '' (all), 'draft' or 'published'. */
  status: string;
}

export function searchProducts(filters: ProductFilters, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: '25' });
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.brand) params.set('brand', filters.brand);
  if (filters.category) params.set('category', filters.category);
  if (filters.status) params.set('status', filters.status);
  if (cursor) params.set('cursor', cursor);
  return api<ProductSearchResult>(`/api/v1/products?${params.toString()}`, { signal });
}

export const readProduct = (id: string, signal?: AbortSignal) =>
  api<ProductSheet>(`/api/v1/products/${encodeURIComponent(id)}`, { signal });

export const saveProduct = (id: string | null, input: ProductInput) =>
  id
    ? send<ProductSheet>(`/api/v1/products/${id}`, { method: 'PATCH', body: input })
    : send<ProductSheet>('/api/v1/products', { method: 'POST', body: input });

export function uploadImage(productId: string, file: File, onProgress: (fraction: number) => void) {
  const form = new FormData();
  form.append('file', file);
  return send<ProductImage>(`/api/v1/products/${productId}/images`, { method: 'POST', body: form, onProgress });
}

export const deleteImage = (productId: string, imageId: string) =>
  api<{ deleted: true }>(`/api/v1/products/${productId}/images/${imageId}`, { method: 'DELETE' });

/** The import's Content-Type, from the file's name (browsers give .jsonl no type). */
export function importTypeOf(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'application/x-ndjson';
  return null;
}

/** The organisation's own risk alerts (in force or not). */
export const listOwnAlerts = (signal?: AbortSignal) => api<AlertList>('/api/v1/alerts', { signal });
export const readAlert = (id: string, signal?: AbortSignal) =>
  api<Alert>(`/api/v1/alerts/${encodeURIComponent(id)}`, { signal });
export const saveAlert = (id: string | null, input: AlertInput) =>
  id
    ? send<Alert>(`/api/v1/alerts/${id}`, { method: 'PATCH', body: input })
    : send<Alert>('/api/v1/alerts', { method: 'POST', body: input });
export const deleteAlert = (id: string) => api<{ deleted: true }>(`/api/v1/alerts/${id}`, { method: 'DELETE' });

export type AlertPicture = Alert['images'][number];
/** Pictures of an alert (e.g. a seized fake): stored at once, apart from saving the alert's form. */
export function uploadAlertImage(alertId: string, file: File, onProgress: (fraction: number) => void) {
  const form = new FormData();
  form.append('file', file);
  return send<AlertPicture>(`/api/v1/alerts/${alertId}/images`, { method: 'POST', body: form, onProgress });
}
export const deleteAlertImage = (alertId: string, imageId: string) =>
  api<{ deleted: true }>(`/api/v1/alerts/${alertId}/images/${imageId}`, { method: 'DELETE' });
