import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreatedUserSchema,
  CreateUserSchema,
  IdParamsSchema,
  InvitationLinkSchema,
  MembershipRoleSchema,
  UpdateUserSchema,
  UserListSchema,
  UserMembershipParamsSchema,
  UserSchema,
} from '@verity/contract';
import { actorOf } from '../platform/auth';
import { readErrors, writeErrors } from '../platform/http';
import { invitationLinkOf } from './invitation-links';
import type { UsersService } from './users.service';

export const usersRoutes =
  (service: UsersService, { logInvitationLinks }: { logInvitationLinks: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'signed-in' as const };
    const tags = ['users'];
    const who = 'secretariat, or the administrator of the user’s organisation';

    app.get(
      '/api/v1/organisations/:id/users',
      {
        config,
        schema: {
          tags,
          summary: `An organisation's users (${who})`,
          params: IdParamsSchema,
          response: { 200: UserListSchema, ...readErrors },
        },
      },
      async (request) => service.listUsers(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/users',
      {
        config,
        schema: {
          tags,
          summary: `Create a user with a membership (${who}); without a password the answer carries a one-time invitation link`,
          body: CreateUserSchema,
          response: { 201: CreatedUserSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const { user, invitation } = await service.createUser(actorOf(request), request.body);
        return reply.status(201).send({
          ...user,
          invitation: invitation && invitationLinkOf(request, invitation, user.email, logInvitationLinks),
        });
      },
    );
    app.patch(
      '/api/v1/users/:id',
      {
        config,
        schema: {
          tags,
          summary: `Rename, deactivate or reactivate a user (${who}); deactivation signs them out at once`,
          params: IdParamsSchema,
          body: UpdateUserSchema,
          response: { 200: UserSchema, ...writeErrors },
        },
      },
      async (request) => service.updateUser(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/users/:id/invitation',
      {
        config,
        schema: {
          tags,
          summary: `A new one-time link for the user to choose a password; earlier links stop working (${who})`,
          params: IdParamsSchema,
          response: { 201: InvitationLinkSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const { email, invitation } = await service.reinvite(actorOf(request), request.params.id);
        return reply.status(201).send(invitationLinkOf(request, invitation, email, logInvitationLinks));
      },
    );
    app.put(
      '/api/v1/users/:id/memberships/:organisationId',
      {
        config,
        schema: {
          tags,
          summary: `Give the user a role in an organisation, adding the membership if needed (${who})`,
          params: UserMembershipParamsSchema,
          body: MembershipRoleSchema,
          response: { 200: UserSchema, ...writeErrors },
        },
      },
      async (request) =>
        service.setMembership(actorOf(request), request.params.id, request.params.organisationId, request.body.role),
    );
    app.delete(
      '/api/v1/users/:id/memberships/:organisationId',
      {
        config,
        schema: {
          tags,
          summary: `Take the user out of an organisation; an active user keeps at least one (${who})`,
          params: UserMembershipParamsSchema,
          response: { 200: UserSchema, ...writeErrors },
        },
      },
      async (request) => service.removeMembership(actorOf(request), request.params.id, request.params.organisationId),
    );
  };
