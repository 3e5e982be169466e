import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Language, OrganisationKind, ProductInputSchema, Role } from '@verity/contract';
import { buildApp } from '../src/app';
import { ConfigSchema, type Config } from '../src/platform/config';
import { openDatabase, type Database } from '../src/platform/db';
import { createOrganisationsService } from '../src/organisations/organisations.service';
import { gs1CheckDigit } from '@verity/codes';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return Object.freeze({
    ...ConfigSchema.parse({ mode: 'production', logLevel: 'silent', dataDir: '' }),
    webDir: undefined,
    // No background deliveries or reminders: a test runs them by hand (app.notifications), so
    // test files sharing a database do not send each other's notifications.
    notificationWorker: false,
    ...overrides,
  });
}

/**
 * A real server on a real database: TEST_DATABASE_URL (a throw-away PostgreSQL database
 * made by scripts/test-all.mjs) or an in-memory PGlite of its own.
 */
export async function createTestApp(overrides: Partial<Config> = {}, deps: { clock?: () => Date } = {}) {
  const databaseUrl = process.env.TEST_DATABASE_URL || undefined;
  const database: Database = await openDatabase({ databaseUrl, dataDir: '', inMemory: !databaseUrl, poolSize: 5 });
  const app = await buildApp(testConfig(overrides), { database, clock: deps.clock });
  await app.ready();
  const orgs = createOrganisationsService({ db: database.db });
  return {
    app,
    database,
    db: database.db,
    factories: createFactories(app, orgs),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export const TEST_PASSWORD = 'correct horse battery staple';

/** A signed-in user: `as.get(url)`, `as.post(url, body)`... send its session cookie. */
export interface Session {
  userId: string;
  organisationId: string;
  email: string;
  cookie: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/**
 * Factories make fresh organisations and users per test (no shared seed), so tests are
 * independent and can run against one database in any order.
 */
function createFactories(app: FastifyInstance, orgs: ReturnType<typeof createOrganisationsService>) {
  async function organisation(
    kind: OrganisationKind,
    country: string | null = kind === 'customs' || kind === 'agency' ? 'FR' : null,
  ) {
    return orgs.provisionOrganisation({ kind, name: `${kind} ${randomUUID().slice(0, 8)}`, country });
  }

  async function signIn(email: string, password = TEST_PASSWORD): Promise<string> {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'verity_session');
    if (!cookie) throw new Error('no session cookie');
    return `verity_session=${cookie.value}`;
  }

  async function user(role: Role, organisationId?: string, options: { locale?: Language } = {}): Promise<Session> {
    const kind: OrganisationKind =
      role === 'officer' || role === 'administration_admin'
        ? 'customs'
        : role.startsWith('right_holder')
          ? 'right_holder'
          : role === 'provider_admin'
            ? 'provider'
            : 'secretariat';
    const orgId = organisationId ?? (await organisation(kind)).id;
    const email = `${role}-${randomUUID()}@test.example`;
    const created = await orgs.provisionUser({
      email,
      name: role,
      password: TEST_PASSWORD,
      organisationId: orgId,
      role,
      locale: options.locale,
    });
    const cookie = await signIn(email);
    return {
      userId: created.id,
      organisationId: orgId,
      email,
      cookie,
      request: (method, url, body, headers = {}) =>
        app.inject({
          method: method as 'GET',
          url,
          headers: { cookie, ...headers },
          ...(body === undefined ? {} : { payload: body as object }),
        }),
    };
  }

  let gtinCounter = Math.floor(Math.random() * 1e6);
  /** A valid, unused GTIN-13 (prefix 200-299: GS1's in-store range, never a real product). */
  function gtin(): string {
    const body = `2${String(Date.now() % 1e5).padStart(5, '0')}${String(gtinCounter++ % 1e6).padStart(6, '0')}`;
    return body + String(gs1CheckDigit(body));
  }

  async function brand(owner: Session, name = `Brand ${randomUUID().slice(0, 8)}`) {
    const response = await owner.request('POST', '/api/v1/brands', { name });
    if (response.statusCode !== 201) throw new Error(`brand: ${response.body}`);
    return response.json<{ id: string; name: string }>();
  }

  async function product(owner: Session, input: Partial<z.input<typeof ProductInputSchema>> = {}) {
    const brandId = input.brandId ?? (await brand(owner)).id;
    const response = await owner.request('POST', '/api/v1/products', {
      name: { en: `Product ${randomUUID().slice(0, 8)}` },
      identifiers: [{ kind: 'gtin', value: gtin() }],
      ...input,
      brandId,
    });
    if (response.statusCode !== 201) throw new Error(`product: ${response.body}`);
    return response.json<{ id: string; brand: { id: string }; identifiers: { kind: string; value: string }[] }>();
  }

  return { organisation, user, signIn, gtin, brand, product };
}
