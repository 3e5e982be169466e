import {
  rolesByKind,
  type Language,
  type Organisation,
  type OrganisationKind,
  type Role,
  type User,
} from '@verity/contract';
import type { Db } from '../platform/db';
import { AppError, assert } from '../platform/errors';
import { decodeCursor, pageOf } from '../platform/pagination';
import { nameIdCursor } from '../platform/cursors';
import { authorize, authorizeOn, type Actor } from '../platform/policy';
import { hashPassword } from '../auth/passwords';
import * as q from './organisations.queries';

type OrganisationRow = Awaited<ReturnType<typeof q.findOrganisationById>> & {};

function present(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    country: row.country,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Administrations and agencies act for one country; the others may name one. */
function checkCountry(kind: OrganisationKind, country: string | null | undefined) {
  if ((kind === 'customs' || kind === 'agency') && !country) throw new AppError('ORGANISATION_COUNTRY_REQUIRED');
}

export interface NewUser {
  email: string;
  name: string;
  /** Without one, the user cannot sign in until they accept an invitation. */
  password?: string | undefined;
  locale?: Language | undefined;
  organisationId: string;
  role: Role;
}

/** `changed`: organisation names appear in catalog answers; called after an update. */
export function createOrganisationsService({ db, changed = () => {} }: { db: Db; changed?: () => void }) {
  /** Without an actor: for the command line and demo data, which act as the platform itself. */
  async function provisionOrganisation(input: {
    kind: OrganisationKind;
    name: string;
    country?: string | null | undefined;
  }) {
    checkCountry(input.kind, input.country);
    return present(
      await q.insertOrganisation(db, { kind: input.kind, name: input.name, country: input.country ?? null }),
    );
  }

  /** Without an actor, for the command line. */
  async function lookupOrganisation(id: string) {
    const row = await q.findOrganisationById(db, id);
    return row && present(row);
  }

  async function provisionUser(input: NewUser): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const organisation = await q.findOrganisationById(db, input.organisationId);
    assert(organisation, 'ORGANISATION_NOT_FOUND');
    if (!rolesByKind[organisation.kind].includes(input.role)) {
      throw new AppError('USER_ROLE_NOT_ALLOWED', { kind: organisation.kind, role: input.role });
    }
    if (await q.findUserByEmail(db, email)) throw new AppError('USER_EMAIL_TAKEN');
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    return db.transaction(async (tx) => {
      const user = await q.insertUser(tx, { email, name: input.name, passwordHash, locale: input.locale ?? null });
      await q.insertMembership(tx, { userId: user.id, organisationId: organisation.id, role: input.role });
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        active: user.active,
        passwordSet: passwordHash !== null,
        memberships: [{ organisationId: organisation.id, role: input.role }],
      };
    });
  }

  async function listOrganisations(
    actor: Actor,
    page: { cursor?: string | undefined; limit: number; kind?: OrganisationKind | undefined; q?: string | undefined },
  ) {
    const scope = authorize(actor, 'organisation.read');
    const after = decodeCursor(page.cursor, nameIdCursor);
    const rows = await q.listOrganisations(db, {
      onlyId: scope.scope === 'own' ? actor.organisationId : undefined,
      kind: page.kind,
      nameContains: page.q || undefined,
      after,
      limit: page.limit,
    });
    const { items, nextCursor } = pageOf(rows, page.limit, (r) => [r.name, r.id]);
    return { items: items.map(present), nextCursor };
  }

  async function readOrganisation(actor: Actor, id: string) {
    const row = await q.findOrganisationById(db, id);
    authorizeOn(actor, 'organisation.read', row && { organisationId: row.id }, 'ORGANISATION_NOT_FOUND');
    return present(row as OrganisationRow);
  }

  async function createOrganisation(
    actor: Actor,
    input: { kind: OrganisationKind; name: string; country?: string | null | undefined },
  ) {
    authorize(actor, 'organisation.manage');
    return provisionOrganisation(input);
  }

  async function updateOrganisation(
    actor: Actor,
    id: string,
    patch: { name?: string | undefined; country?: string | null | undefined; active?: boolean | undefined },
  ) {
    const row = await q.findOrganisationById(db, id);
    authorizeOn(actor, 'organisation.manage', row && { organisationId: row.id }, 'ORGANISATION_NOT_FOUND');
    const existing = row as OrganisationRow;
    checkCountry(existing.kind, patch.country === undefined ? existing.country : patch.country);
    const updated = await q.updateOrganisation(db, id, patch);
    changed();
    return present(updated!);
  }

  return {
    provisionOrganisation,
    provisionUser,
    lookupOrganisation,
    listOrganisations,
    readOrganisation,
    createOrganisation,
    updateOrganisation,
  };
}
export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
