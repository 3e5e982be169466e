import type { AlertList, ProductSheet } from '@verity/contract';
import { api } from '../../lib/api';

/** A product sheet. The endpoint names texts in every language; the sheet picks the reader's. */
export const readProductSheet = (id: string, signal: AbortSignal) =>
  api<ProductSheet>(`/api/v1/products/${encodeURIComponent(id)}`, { signal });

/** The risk alerts about a product that the reader may see. */
export const readAlertsAbout = (productId: string, signal: AbortSignal) =>
  api<AlertList>(`/api/v1/alerts?productId=${encodeURIComponent(productId)}`, { signal });
