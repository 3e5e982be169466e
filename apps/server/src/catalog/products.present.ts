import type { Language, ProductSummary } from '@verity/contract';
import { pickLanguage } from './localize';
import type { SummaryRow } from './search.queries';

export const fileUrl = (fileId: string) => `/api/v1/files/${fileId}`;

export function presentSummary(row: SummaryRow, lang: Language | undefined): ProductSummary {
  const name = pickLanguage(row.name, lang, row.default_language);
  return {
    id: row.id,
    brand: { id: row.brand_id, name: row.brand_name },
    organisation: { id: row.organisation_id, name: row.organisation_name },
    name: name.text,
    language: name.language,
    category: row.category,
    status: row.status,
    gtin: row.gtin,
    thumbnailUrl: row.thumbnail_file_id ? fileUrl(row.thumbnail_file_id) : null,
    updatedAt: new Date(row.updated_at).toISOString(),
    applicationInForce: row.application_in_force,
  };
}
