import { rolesByKind, type Role, type User } from '@verity/contract';
import type { Db } from '../platform/db';
import { AppError, assert } from '../platform/errors';
import { authorizeOn, type Actor } from '../platform/policy';
import type { InvitationsService, IssuedInvitation } from './invitations.service';
import type { NewUser, OrganisationsService } from './organisations.service';
import { findOrganisationById } from './organisations.queries';
import { deleteUnusedInvitationsOf } from './invitations.queries';
import * as q from './users.queries';

type UserRow = Awaited<ReturnType<typeof q.findUserById>> & {};

function present(
  user: Pick<UserRow, 'id' | 'email' | 'name' | 'active' | 'passwordHash'>,
  memberships: { organisationId: string; role: Role }[],
): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    active: user.active,
    passwordSet: user.passwordHash !== null,
    memberships: memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })),
  };
}

/** Creating users, inviting them, deactivating them and giving them roles (policy action `user.manage`). */
export function createUsersService({
  db,
  organisations,
  invitations,
  forgetSessions,
}: {
  db: Db;
  organisations: Pick<OrganisationsService, 'provisionUser'>;
  invitations: Pick<InvitationsService, 'issue'>;
  /** The session cache of this process forgets the user (auth service's `forgetUser`). */
  forgetSessions: (userId: string) => void;
}) {
  /**
   * The user, if the actor may manage them. An organisation's administrator manages only users
   * who belong to their organisation alone; anyone else's user looks as if it did not exist.
   */
  async function findManagedUser(actor: Actor, id: string) {
    const user = await q.findUserById(db, id);
    const memberships = user ? await q.listMembershipsWithOrganisations(db, user.id) : [];
    const owner =
      memberships.find((m) => m.organisationId !== actor.organisationId)?.organisationId ??
      memberships[0]?.organisationId ??
      '';
    authorizeOn(actor, 'user.manage', user && { organisationId: owner }, 'USER_NOT_FOUND');
    return { user: user as UserRow, memberships };
  }

  async function findManagedOrganisation(actor: Actor, organisationId: string) {
    const organisation = await findOrganisationById(db, organisationId);
    authorizeOn(actor, 'user.manage', organisation && { organisationId }, 'ORGANISATION_NOT_FOUND');
    return organisation!;
  }

  async function reload(id: string) {
    const user = await q.findUserById(db, id);
    assert(user, 'USER_NOT_FOUND');
    return present(user, await q.listMembershipsWithOrganisations(db, id));
  }

  /** Without a password, the user gets a one-time link to choose one. */
  async function createUser(
    actor: Actor,
    input: NewUser,
  ): Promise<{ user: User; invitation: IssuedInvitation | null }> {
    await findManagedOrganisation(actor, input.organisationId);
    const user = await organisations.provisionUser(input);
    const invitation = input.password ? null : await invitations.issue(user.id, actor.userId);
    return { user, invitation };
  }

  async function listUsers(actor: Actor, organisationId: string) {
    await findManagedOrganisation(actor, organisationId);
    const rows = await q.listUsersOfOrganisation(db, organisationId);
    return {
      items: rows.map((row) => present(row, [{ organisationId, role: row.role }])),
      nextCursor: null,
    };
  }

  /** Deactivating signs the user out everywhere and voids their unused links; they cannot sign in. */
  async function updateUser(
    actor: Actor,
    id: string,
    patch: { name?: string | undefined; active?: boolean | undefined },
  ) {
    await findManagedUser(actor, id);
    if (patch.active === false && id === actor.userId) throw new AppError('USER_SELF_CHANGE_REFUSED');
    await db.transaction(async (tx) => {
      await q.updateUser(tx, id, {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.active === undefined ? {} : { active: patch.active }),
      });
      if (patch.active === false) {
        await q.deleteSessionsOfUser(tx, id);
        await deleteUnusedInvitationsOf(tx, id);
      }
    });
    forgetSessions(id);
    return reload(id);
  }

  /** A new one-time link; earlier ones stop working. */
  async function reinvite(actor: Actor, id: string) {
    const { user } = await findManagedUser(actor, id);
    if (!user.active) throw new AppError('USER_DEACTIVATED');
    return { email: user.email, invitation: await invitations.issue(id, actor.userId) };
  }

  /** Gives the user this role in the organisation, adding the membership if needed. */
  async function setMembership(actor: Actor, id: string, organisationId: string, role: Role) {
    await findManagedUser(actor, id);
    const organisation = await findManagedOrganisation(actor, organisationId);
    if (id === actor.userId) throw new AppError('USER_SELF_CHANGE_REFUSED');
    if (!rolesByKind[organisation.kind].includes(role)) {
      throw new AppError('USER_ROLE_NOT_ALLOWED', { kind: organisation.kind, role });
    }
    await q.upsertMembership(db, { userId: id, organisationId, role });
    forgetSessions(id);
    return reload(id);
  }

  /** Takes the user out of the organisation (their sessions there end); an active user keeps one. */
  async function removeMembership(actor: Actor, id: string, organisationId: string) {
    const { user, memberships } = await findManagedUser(actor, id);
    await findManagedOrganisation(actor, organisationId);
    if (id === actor.userId) throw new AppError('USER_SELF_CHANGE_REFUSED');
    if (!memberships.some((m) => m.organisationId === organisationId)) throw new AppError('MEMBERSHIP_NOT_FOUND');
    if (user.active && memberships.length === 1) throw new AppError('USER_LAST_MEMBERSHIP');
    await q.deleteMembership(db, id, organisationId);
    forgetSessions(id);
    return reload(id);
  }

  return { createUser, listUsers, updateUser, reinvite, setMembership, removeMembership };
}
export type UsersService = ReturnType<typeof createUsersService>;
