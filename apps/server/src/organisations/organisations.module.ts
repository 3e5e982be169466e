import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../platform/db';
import type { AuthService } from '../auth/auth.service';
import { createOrganisationsService } from './organisations.service';
import { organisationsRoutes } from './organisations.routes';
import { createInvitationsService } from './invitations.service';
import { invitationsRoutes } from './invitations.routes';
import { createUsersService } from './users.service';
import { usersRoutes } from './users.routes';
import { createAdministrationsService } from './administrations.service';
import { administrationsRoutes } from './administrations.routes';

/**
 * Organisations, their users and invitations. `logInvitationLinks`: outside production, links
 * are also written to the log (there is no mail yet).
 */
export function createOrganisations(deps: {
  db: Db;
  changed: () => void;
  auth: AuthService;
  logInvitationLinks: boolean;
  clock?: () => Date;
}) {
  const service = createOrganisationsService(deps);
  const invitations = createInvitationsService({ db: deps.db, auth: deps.auth, clock: deps.clock });
  const users = createUsersService({
    db: deps.db,
    organisations: service,
    invitations,
    forgetSessions: deps.auth.forgetUser,
  });
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(organisationsRoutes(service));
    await app.register(usersRoutes(users, { logInvitationLinks: deps.logInvitationLinks }));
    await app.register(invitationsRoutes(invitations, deps.auth));
    await app.register(administrationsRoutes(createAdministrationsService({ db: deps.db })));
  };
  return { service, routes };
}
