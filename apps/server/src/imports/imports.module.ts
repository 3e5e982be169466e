import type { CatalogService } from '../catalog/catalog.module';
import { createImportsService } from './imports.service';
import { importsRoutes } from './imports.routes';

export function createImports(deps: { catalog: CatalogService; maxImportBytes: number }) {
  const service = createImportsService(deps);
  return { service, routes: importsRoutes(service, deps.maxImportBytes) };
}
