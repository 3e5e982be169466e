import type { Db } from '../platform/db';
import { createOrganisationsService } from './organisations.service';
import { organisationsRoutes } from './organisations.routes';

export function createOrganisations(deps: { db: Db; changed: () => void }) {
  const service = createOrganisationsService(deps);
  return { service, routes: organisationsRoutes(service) };
}
