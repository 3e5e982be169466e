import type { CatalogService } from '../catalog/catalog.module';
import { createIdentifyService } from './identify.service';
import { identifyRoutes } from './identify.routes';

export function createIdentify(deps: { catalog: CatalogService }) {
  const service = createIdentifyService(deps);
  return { service, routes: identifyRoutes(service) };
}
