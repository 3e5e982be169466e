import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../platform/db';
import { alertsRoutes } from './alerts.routes';
import { createAlertsService } from './alerts.service';
import { createAlertImagesService } from './alert-images.service';
import { alertImagesRoutes } from './alert-images.routes';

const CHANGES_CHANNEL = 'verity_alerts_changed';

/**
 * Risk alerts from right holders to the customs of chosen countries. A change clears the
 * identify cache of alert links here at once, and in the other server processes by NOTIFY.
 */
export function createAlerts({ database }: { database: Database }) {
  const service = createAlertsService({
    db: database.db,
    changed: () => void database.notify(CHANGES_CHANNEL, '').catch(() => {}), // lost: the cache expires in 60 s
  });
  const listening = database.listen(CHANGES_CHANNEL, () => service.forget());
  const routes: FastifyPluginAsync = async (app) => {
    await listening;
    await app.register(alertsRoutes(service));
    await app.register(alertImagesRoutes(createAlertImagesService({ db: database.db, alerts: service })));
  };
  return { service, routes };
}
