import type { Language, OrganisationKind, Role } from '@verity/contract';
import { AppError } from './errors';
import type { ErrorCode } from '@verity/contract';

/** Who is calling: resolved once per request from the session (see platform/auth.ts). */
export interface Actor {
  userId: string;
  membershipId: string;
  role: Role;
  organisationId: string;
  organisationKind: OrganisationKind;
  /** The administration's country (customs, agency); null for others. */
  country: string | null;
  /** The user's language, for content in several languages when a request names none. */
  locale?: Language | null;
}

export type Action =
  | 'catalog.read' // brands, products, sheets, identify, search
  | 'catalog.write' // create/update/delete brands, products, images, contacts, applications; import
  | 'organisation.read'
  | 'organisation.manage' // create/update organisations
  | 'organisation.case_settings' // a customs administration's settings for its cases (answer deadline)
  | 'organisation.directory' // the customs administrations a case can be shared with
  | 'user.manage' // create, invite, rename, deactivate users; give and take roles
  | 'alert.read' // risk alerts: customs read those in force for their country (`published`)
  | 'alert.write' // a right holder publishes, changes and withdraws its alerts
  | 'case.create' // open a case (customs)
  | 'case.read' // cases: customs those of their administration and shared with it; right holders those of their brands
  | 'case.edit' // change a draft and submit it (the administration that opened it)
  | 'case.answer' // a right holder's verdict on its lines
  | 'case.transition' // detain, release, destroy, hand to court, close (the owning or a sharing administration)
  | 'case.share' // invite another customs administration to a case
  | 'case.photo' // add photos of the goods to a case (draft and later), delete them while a draft
  | 'case.message' // write in a case's conversations (each right holder its own; customs all)
  | 'case.deadline' // move one case's answer deadline (the owning administration)
  | 'case.stats' // anonymised counts of cases
  | 'webhook.manage'; // an organisation's webhooks (its own systems told of events)

/**
 * How far an allowed action reaches:
 * - `all`: every organisation's data;
 * - `own`: only data of the actor's organisation;
 * - `published`: published catalog data of every right holder (officers).
 */
export type Scope = 'all' | 'own' | 'published';

/**
 * The access table: role × action → scope. A missing entry is a denial.
 * This is the single place that decides who may do what; services call `authorize`
 * and queries filter with the scope it returns (`scopeOf`).
 */
export const accessTable: Record<Action, Partial<Record<Role, Scope>>> = {
  'catalog.read': {
    officer: 'published',
    administration_admin: 'published',
    right_holder_editor: 'own',
    right_holder_admin: 'own',
    secretariat_admin: 'all',
  },
  'catalog.write': {
    right_holder_editor: 'own',
    right_holder_admin: 'own',
  },
  'organisation.read': {
    officer: 'own',
    administration_admin: 'own',
    right_holder_editor: 'own',
    right_holder_admin: 'own',
    provider_admin: 'own',
    secretariat_admin: 'all',
  },
  'organisation.manage': { secretariat_admin: 'all' },
  // An administration's admin sets its own answer deadline; the secretariat any administration's.
  'organisation.case_settings': { administration_admin: 'own', secretariat_admin: 'all' },
  // Names and countries of the active customs administrations and agencies, to share a case with.
  'organisation.directory': { officer: 'all', administration_admin: 'all' },
  // An organisation's own administrators invite and manage their colleagues (only users who
  // belong to their organisation alone: deactivating a user reaches every membership).
  'user.manage': { administration_admin: 'own', right_holder_admin: 'own', secretariat_admin: 'all' },
  'alert.read': {
    officer: 'published',
    administration_admin: 'published',
    right_holder_editor: 'own',
    right_holder_admin: 'own',
    secretariat_admin: 'all',
  },
  'alert.write': { right_holder_editor: 'own', right_holder_admin: 'own' },
  // Cases are national: `own` is the officer's administration (and, to read and decide, the
  // cases shared with it); `all` for an administration's admin reaches every case of its
  // country, never another country's; for a right holder `own` is the submitted cases with a
  // line of its brands, of which it reads only those lines. cases/cases.scope.ts turns this into SQL.
  'case.create': { officer: 'own', administration_admin: 'own' },
  'case.read': {
    officer: 'own',
    administration_admin: 'all',
    right_holder_editor: 'own',
    right_holder_admin: 'own',
  },
  'case.edit': { officer: 'own', administration_admin: 'all' },
  'case.answer': { right_holder_editor: 'own', right_holder_admin: 'own' },
  'case.transition': { officer: 'own', administration_admin: 'all' },
  'case.share': { officer: 'own', administration_admin: 'all' },
  // Photos: the customs that may edit or decide the case (the opening administration, its
  // country's admin, and the administrations it is shared with); right holders send files
  // as attachments of their messages instead.
  'case.photo': { officer: 'own', administration_admin: 'all' },
  // Conversations: whoever reads the case; a right holder only in its own conversation.
  'case.message': {
    officer: 'own',
    administration_admin: 'all',
    right_holder_editor: 'own',
    right_holder_admin: 'own',
  },
  'case.deadline': { officer: 'own', administration_admin: 'all' },
  'case.stats': { secretariat_admin: 'all' },
  // Webhooks tell an organisation's own systems of its cases' events: its administrators set them up.
  'webhook.manage': { right_holder_admin: 'own', administration_admin: 'own' },
};

export function scopeOf(actor: Actor, action: Action): Scope | undefined {
  return accessTable[action][actor.role];
}

/** The data an actor may touch with an action, in the shape queries filter by. */
export interface DataScope {
  scope: Scope;
  organisationId: string;
}

/**
 * Throws FORBIDDEN when the role may never do the action; returns the scope otherwise.
 * Use before listing; use `authorizeOn` for one existing object.
 */
export function authorize(actor: Actor, action: Action): DataScope {
  const scope = scopeOf(actor, action);
  if (!scope) throw new AppError('FORBIDDEN', { action });
  return { scope, organisationId: actor.organisationId };
}

export interface OwnedObject {
  organisationId: string;
  /** Catalog objects: whether officers may see it. */
  published?: boolean;
}

/** Whether the scope covers this object (false: it must look as if it did not exist). */
export function covers(scope: DataScope, object: OwnedObject): boolean {
  switch (scope.scope) {
    case 'all':
      return true;
    case 'own':
      return object.organisationId === scope.organisationId;
    case 'published':
      return object.published === true || object.organisationId === scope.organisationId;
  }
}

/**
 * For one object: FORBIDDEN if the role may never do this action; the object's not-found
 * code if it lies outside what the actor may see or change, so that ids of other tenants'
 * objects leak nothing.
 */
export function authorizeOn(
  actor: Actor,
  action: Action,
  object: OwnedObject | undefined,
  notFound: ErrorCode,
): asserts object is OwnedObject {
  const scope = authorize(actor, action);
  const readScope = scopeOf(actor, readActionFor(action));
  const visible = !!object && !!readScope && covers({ scope: readScope, organisationId: actor.organisationId }, object);
  if (!visible || !covers(scope, object)) throw new AppError(notFound);
}

function readActionFor(action: Action): Action {
  if (action.startsWith('catalog.')) return 'catalog.read';
  if (action.startsWith('alert.')) return 'alert.read';
  if (action.startsWith('case.')) return 'case.read';
  return 'organisation.read';
}

/** `can` flags for responses, so clients never re-derive role rules. */
export function can(actor: Actor, action: Action, object: OwnedObject): boolean {
  const scope = scopeOf(actor, action);
  return !!scope && covers({ scope, organisationId: actor.organisationId }, object);
}
