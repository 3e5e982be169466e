import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';
import type { Actor } from './policy';

export const SESSION_COOKIE = 'verity_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export interface SessionResolver {
  resolveSession(token: string): Promise<Actor | undefined>;
}

/**
 * Resolves the caller of every `signed-in` route as soon as the request arrives (before
 * its body is read or validated), and answers 401 when there is no live session.
 * Public routes never touch the session store.
 */
export function installAuthentication(app: FastifyInstance, sessions: SessionResolver) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.access !== 'signed-in') return;
    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await sessions.resolveSession(token) : undefined;
    if (!actor) throw new AppError('AUTH_REQUIRED');
    request.actor = actor;
  });
}

/** The signed-in caller of a `signed-in` route. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED');
  return request.actor;
}
