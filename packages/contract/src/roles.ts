/** Organisation kinds (PRODUCT.md "Who uses it"). */
export const organisationKinds = [
  'customs', // a customs administration, always with its country
  'agency', // another enforcement agency (police, health, tax), with its country
  'right_holder', // a brand owner
  'provider', // a security-solution provider
  'secretariat', // the platform operator
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Roles a membership can carry; each is valid only in some organisation kinds. */
export const roles = [
  'officer', // frontline officer of a customs administration or agency
  'administration_admin', // national focal point: manages the officers of one administration
  'right_holder_editor', // maintains its organisation's catalog
  'right_holder_admin', // as editor, plus the organisation's users
  'provider_admin', // a provider organisation's technical contact
  'secretariat_admin', // the platform operator
] as const;
export type Role = (typeof roles)[number];

export const rolesByKind: Record<OrganisationKind, readonly Role[]> = {
  customs: ['officer', 'administration_admin'],
  agency: ['officer', 'administration_admin'],
  right_holder: ['right_holder_editor', 'right_holder_admin'],
  provider: ['provider_admin'],
  secretariat: ['secretariat_admin'],
};

/** Languages the catalog content and UI are written in (ISO 639-1). */
export const languages = ['en', 'fr', 'es', 'ar', 'ru', 'zh', 'pt'] as const;
export type Language = (typeof languages)[number];
