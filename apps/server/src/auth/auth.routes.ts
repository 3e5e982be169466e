import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema, LoginRequestSchema, MeSchema, UpdateMeSchema } from '@verity/contract';
import { actorOf, SESSION_COOKIE } from '../platform/auth';
import type { AuthService } from './auth.service';

export const authRoutes =
  (auth: AuthService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail and password; sets the session cookie',
          body: LoginRequestSchema,
          response: { 200: MeSchema, 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema },
        },
      },
      async (request, reply) => {
        const { token, expiresAt } = await auth.login(request.body.email, request.body.password, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        });
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

    app.post(
      '/api/v1/auth/logout',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'End the session',
          response: { 200: z.object({ signedOut: z.literal(true) }) },
        },
      },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await auth.logout(token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { signedOut: true as const };
      },
    );

    app.get(
      '/api/v1/auth/me',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user and their memberships',
          response: { 200: MeSchema, 401: ErrorResponseSchema },
        },
      },
      async (request) => auth.describe(actorOf(request)),
    );

    app.patch(
      '/api/v1/auth/me',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary: 'Change your own name or language',
          body: UpdateMeSchema,
          response: { 200: MeSchema, 400: ErrorResponseSchema, 401: ErrorResponseSchema },
        },
      },
      async (request) => auth.updateProfile(actorOf(request), request.body),
    );
  };
