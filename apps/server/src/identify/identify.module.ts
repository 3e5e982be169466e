import type { CatalogService } from '../catalog/catalog.module';
import type { AlertsService } from '../alerts/alerts.service';
import { createIdentifyService } from './identify.service';
import { identifyRoutes } from './identify.routes';

export function createIdentify(deps: { catalog: CatalogService; alerts: Pick<AlertsService, 'alertsMatching'> }) {
  const service = createIdentifyService(deps);
  return { service, routes: identifyRoutes(service) };
}
