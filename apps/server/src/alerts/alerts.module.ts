import type { Db } from '../platform/db';
import { alertsRoutes } from './alerts.routes';
import { createAlertsService } from './alerts.service';

/** Risk alerts from right holders to the customs of chosen countries. */
export function createAlerts({ db }: { db: Db }) {
  const service = createAlertsService({ db });
  return { service, routes: alertsRoutes(service) };
}
