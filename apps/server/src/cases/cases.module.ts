import type { Db } from '../platform/db';
import { casesRoutes } from './cases.routes';
import { createCasesService } from './cases.service';
import type { CaseNotifier } from './case-notices';

/** Cases (interceptions): customs record held goods, right holders answer, customs decide. */
export function createCases({ db, clock, notify }: { db: Db; clock?: () => Date; notify?: CaseNotifier }) {
  const service = createCasesService({ db, clock, notify });
  return { service, routes: casesRoutes(service) };
}
