import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  serializerCompiler,
  validatorCompiler,
  jsonSchemaTransform,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { HealthSchema } from '@verity/contract';
import type { Config } from './platform/config';
import type { Database } from './platform/db';
import { installAuthentication } from './platform/auth';
import {
  frameworkErrors,
  installCsrfProtection,
  installErrorHandling,
  requireAccessDeclarations,
} from './platform/http';
import { installInputHygiene } from './platform/input-hygiene';
import { installSecurityHeaders } from './platform/security-headers';
import { version } from './platform/version';
import { createAuthService } from './auth/auth.service';
import { authRoutes } from './auth/auth.routes';
import { createOrganisations } from './organisations/organisations.module';
import { createCatalog } from './catalog/catalog.module';
import { createIdentify } from './identify/identify.module';
import { createAlerts } from './alerts/alerts.module';
import { createImports } from './imports/imports.module';
import { createCases } from './cases/cases.module';
import { createNotifications } from './notifications/notifications.module';
import { serveWebApp } from './platform/web';
import type { TlsFiles } from './platform/tls';

export interface AppDeps {
  database: Database;
  /** Key and certificate to serve HTTPS with (platform/tls.ts); plain HTTP without. */
  tls?: TlsFiles;
  /** The time for cases' deadlines and notifications (tests move it). */
  clock?: () => Date;
}

/** Builds the whole server. Tests call this with a test config and database. */
export async function buildApp(config: Config, { database, tls, clock }: AppDeps): Promise<FastifyInstance> {
  // Typed as the plain HTTP server: the routes do not care which one carries them.
  const createServer = Fastify as unknown as (
    options: FastifyHttpOptions<Server> & { https?: TlsFiles },
  ) => FastifyInstance;
  const app = createServer({
    ...(tls ? { https: tls } : {}),
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 500 },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installInputHygiene(app);
  requireAccessDeclarations(app);

  await app.register(cookie);
  // Security headers, and the request id in every answer (a user's report meets the server's log).
  installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        // The barcode decoder (zxing-wasm) compiles WebAssembly in the page.
        'script-src': ["'self'", "'wasm-unsafe-eval'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        // Not forced here: over plain HTTP on a LAN address (a phone trying a local install)
        // it would make the browser fetch every asset over HTTPS and fail. HSTS covers TLS sites.
        'upgrade-insecure-requests': null,
      },
    },
    // Images are fetched by our own pages; other sites may not embed them.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  await app.register(multipart, {
    limits: { fileSize: config.maxImageBytes, files: 1, fields: 10, parts: 12 },
  });
  installCsrfProtection(app, config.allowedOrigins);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Verity API',
        version,
        description:
          'Identify products, read right holders’ product sheets, and maintain the catalog. ' +
          'Errors always have the shape `{ error: { code, message, details?, requestId } }`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'verity_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const auth = createAuthService({ db: database.db, sessionTtlHours: config.sessionTtlHours });
  installAuthentication(app, auth);

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and the database in use',
        security: [],
        response: { 200: HealthSchema },
      },
    },
    async () => {
      await database.db.execute('select 1');
      return { status: 'ok' as const, database: database.engine, version };
    },
  );
  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes(auth));
  const catalog = createCatalog({ database, maxImageBytes: config.maxImageBytes });
  const organisations = createOrganisations({
    db: database.db,
    changed: catalog.service.changed,
    auth,
    logInvitationLinks: config.mode !== 'production',
  });
  await app.register(organisations.routes);
  await app.register(catalog.routes);
  const alerts = createAlerts({ database });
  await app.register(alerts.routes);
  await app.register(createIdentify({ catalog: catalog.service, alerts: alerts.service }).routes);
  await app.register(createImports({ catalog: catalog.service, maxImportBytes: config.maxImportBytes }).routes);
  const notifications = createNotifications({ database, config, clock });
  await app.register(
    createCases({ db: database.db, clock, notify: notifications.notify, maxUploadBytes: config.maxImageBytes }).routes,
  );
  await notifications.install(app);

  if (config.webDir) await serveWebApp(app, config.webDir);
  return app;
}
