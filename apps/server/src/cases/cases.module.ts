import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../platform/db';
import { caseFilesRoutes } from './case-files.routes';
import { createCaseFilesService } from './case-files.service';
import { casesRoutes } from './cases.routes';
import { createCasesService } from './cases.service';
import type { CaseNotifier } from './case-notices';
import { conversationRoutes } from './conversation.routes';
import { createConversationService } from './conversation.service';
import { uploadsRoutes } from './uploads.routes';
import { createUploadsService } from './uploads.service';

/** Cases (interceptions): customs record held goods, right holders answer, customs decide; photos and conversations. */
export function createCases({
  db,
  clock,
  notify,
  maxUploadBytes = 10 * 1024 * 1024,
}: {
  db: Db;
  clock?: () => Date;
  notify?: CaseNotifier;
  /** The largest photo or attachment (config.maxImageBytes). */
  maxUploadBytes?: number;
}) {
  const service = createCasesService({ db, clock, notify });
  const uploads = createUploadsService({ db, maxUploadBytes });
  const caseFiles = createCaseFilesService({ db, uploads });
  const conversation = createConversationService({ db, caseFiles, notify });
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(casesRoutes(service));
    await app.register(uploadsRoutes(uploads));
    await app.register(caseFilesRoutes(caseFiles));
    await app.register(conversationRoutes(conversation));
  };
  return { service, routes };
}
