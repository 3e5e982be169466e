import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AcceptInvitationSchema,
  ErrorResponseSchema,
  InvitationSchema,
  InvitationTokenParamsSchema,
  MeSchema,
} from '@verity/contract';
import { SESSION_COOKIE } from '../platform/auth';
import type { AuthService } from '../auth/auth.service';
import type { InvitationsService } from './invitations.service';

/** Public: the link's token is the credential. The platform's CSRF check covers the POST. */
export const invitationsRoutes =
  (invitations: InvitationsService, auth: Pick<AuthService, 'resolveSession' | 'describe'>): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'public' as const };
    const tags = ['invitations'];

    app.get(
      '/api/v1/invitations/:token',
      {
        config,
        schema: {
          tags,
          summary: 'Who an invitation link is for (unknown, used and expired links all answer INVITATION_INVALID)',
          security: [],
          params: InvitationTokenParamsSchema,
          response: { 200: InvitationSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
        },
      },
      async (request) => invitations.describe(request.params.token),
    );
    app.post(
      '/api/v1/invitations/:token/accept',
      {
        config,
        schema: {
          tags,
          summary: 'Choose a password with an invitation link; spends the link and signs in (sets the session cookie)',
          security: [],
          params: InvitationTokenParamsSchema,
          body: AcceptInvitationSchema,
          response: {
            200: MeSchema,
            400: ErrorResponseSchema,
            403: ErrorResponseSchema,
            404: ErrorResponseSchema,
          },
        },
      },
      async (request, reply) => {
        const { token, expiresAt } = await invitations.accept(request.params.token, request.body, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        });
        // The same cookie as /api/v1/auth/login sets.
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          expires: expiresAt,
        });
        const actor = await auth.resolveSession(token);
        return auth.describe(actor!);
      },
    );
  };
