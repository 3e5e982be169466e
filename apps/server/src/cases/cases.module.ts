import type { Db } from '../platform/db';
import { casesRoutes } from './cases.routes';
import { createCasesService } from './cases.service';

/** Cases (interceptions): customs record held goods, right holders answer, customs decide. */
export function createCases({ db, clock }: { db: Db; clock?: () => Date }) {
  const service = createCasesService({ db, clock });
  return { service, routes: casesRoutes(service) };
}
