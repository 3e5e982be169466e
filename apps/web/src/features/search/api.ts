import type { Language, ProductSearchResult } from '@verity/contract';
import { api } from '../../lib/api';

export interface SearchFilters {
  q: string;
  brand: string;
  category: string;
}

export const PAGE_SIZE = 20;

/** One page of the catalog: matches for the words (or every product by name), with facets. */
export function searchProducts(
  filters: SearchFilters,
  { lang, cursor, signal }: { lang: Language; cursor?: string; signal: AbortSignal },
) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), lang });
  if (filters.q) params.set('q', filters.q);
  if (filters.brand) params.set('brand', filters.brand);
  if (filters.category) params.set('category', filters.category);
  if (cursor) params.set('cursor', cursor);
  return api<ProductSearchResult>(`/api/v1/products?${params.toString()}`, { signal });
}

/** The search page's address: what was searched stays in the URL, for Back and reload. */
export function searchPath({ q, brand, category }: SearchFilters): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (brand) params.set('brand', brand);
  if (category) params.set('category', category);
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}
