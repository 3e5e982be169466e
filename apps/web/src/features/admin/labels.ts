import type { OrganisationKind, Role } from '@verity/contract';
import type { I18n } from '../../lib/i18n';

/** The name of an organisation kind (admin.json) and of a role (auth.json), in the current language. */
export const kindLabel = ({ tx }: Pick<I18n, 'tx'>, kind: OrganisationKind) => tx(`admin.kinds.${kind}`) ?? kind;
export const roleLabel = ({ tx }: Pick<I18n, 'tx'>, role: Role) => tx(`auth.roles.${role}`) ?? role;

/** Administrations and agencies act for one country (the server says ORGANISATION_COUNTRY_REQUIRED). */
export const needsCountry = (kind: OrganisationKind) => kind === 'customs' || kind === 'agency';

/** What the country field holds, as the API wants it: two capital letters, or null when empty. */
export function countryOf(text: string): { ok: true; country: string | null } | { ok: false } {
  const value = text.trim().toUpperCase();
  if (value === '') return { ok: true, country: null };
  return /^[A-Z]{2}$/.test(value) ? { ok: true, country: value } : { ok: false };
}
