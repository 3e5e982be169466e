import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { roles, organisationKinds, type Role, type OrganisationKind } from '@verity/contract';
import { configFromEnv } from '../platform/config';
import { openDatabase, type Database } from '../platform/db';
import type { Actor } from '../platform/policy';
import { createOrganisationsService } from '../organisations/organisations.service';
import { createCatalog } from '../catalog/catalog.module';
import { createImportsService } from '../imports/imports.service';

const out = (line: string) => process.stdout.write(line + '\n');

/** Commands that open the configured database (and so take the PGlite folder's lock). */
export async function runDatabaseCommand(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  const config = configFromEnv(env);
  if (command === 'openapi') return printOpenApi(config);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  try {
    switch (command) {
      case 'migrate':
        out(`migrations applied (${database.engine})`);
        return 0;
      case 'seed': {
        const { values } = parseArgs({ args, options: { products: { type: 'string' }, brands: { type: 'string' } } });
        const { seedCatalog } = await import('../catalog/catalog-seed');
        const products = Number(values.products ?? 1000);
        const brands = values.brands === undefined ? undefined : Number(values.brands);
        if (!Number.isInteger(products) || products < 1) throw new Error('--products must be a positive whole number');
        const result = await seedCatalog(database.db, {
          products,
          brands,
          onProgress: (done: number) => process.stderr.write(`\rseeded ${done}/${products}`),
        });
        process.stderr.write('\n');
        out(JSON.stringify(result));
        return 0;
      }
      case 'import':
        return await importFile(database, args);
      case 'user':
        return await createUser(database, args, env);
      case 'org':
        return await createOrganisation(database, args);
      default:
        throw new Error(`unknown command ${command}`);
    }
  } finally {
    await database.close();
  }
}

async function printOpenApi(config: ReturnType<typeof configFromEnv>) {
  const { buildApp } = await import('../app');
  const database = await openDatabase({ dataDir: '', inMemory: true });
  const app = await buildApp({ ...config, logLevel: 'silent', webDir: undefined }, { database });
  await app.ready();
  out(JSON.stringify(app.swagger(), null, 2));
  await app.close();
  await database.close();
  return 0;
}

async function importFile(database: Database, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { organisation: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || !values.organisation) throw new Error('usage: verity import FILE --organisation ORGANISATION_ID');
  const org = await createOrganisationsService({ db: database.db }).lookupOrganisation(values.organisation);
  if (!org || org.kind !== 'right_holder') throw new Error('--organisation must be the id of a right holder');
  // The command line acts as the right holder's own administrator.
  const actor: Actor = {
    userId: org.id,
    membershipId: org.id,
    role: 'right_holder_admin',
    organisationId: org.id,
    organisationKind: 'right_holder',
    country: null,
  };
  const catalog = createCatalog({ database, maxImageBytes: 0 }).service;
  const format = /\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : 'csv';
  const report = await createImportsService({ catalog }).importCatalog(actor, format, createReadStream(file), (r) =>
    process.stderr.write(`\r${r.rows} rows, ${r.failed} failed`),
  );
  process.stderr.write('\n');
  out(JSON.stringify(report, null, 2));
  return report.failed > 0 ? 2 : 0;
}

async function createUser(database: Database, args: string[], env: Record<string, string | undefined>) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const password = values.password ?? env.VERITY_PASSWORD;
  if (positionals[0] !== 'create' || !values.email || !values.organisation || !values.role || !password) {
    throw new Error(
      `usage: verity user create --email E --name N --organisation ID --role (${roles.join('|')}) [--password P | VERITY_PASSWORD=P]`,
    );
  }
  if (!roles.includes(values.role as Role)) throw new Error(`--role must be one of ${roles.join(', ')}`);
  const user = await createOrganisationsService({ db: database.db }).provisionUser({
    email: values.email,
    name: values.name ?? values.email,
    password,
    organisationId: values.organisation,
    role: values.role as Role,
  });
  out(JSON.stringify(user));
  return 0;
}

async function createOrganisation(database: Database, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { kind: { type: 'string' }, name: { type: 'string' }, country: { type: 'string' } },
  });
  if (positionals[0] !== 'create' || !values.kind || !values.name)
    throw new Error(`usage: verity org create --kind (${organisationKinds.join('|')}) --name N [--country CC]`);
  if (!organisationKinds.includes(values.kind as OrganisationKind))
    throw new Error(`--kind must be one of ${organisationKinds.join(', ')}`);
  const org = await createOrganisationsService({ db: database.db }).provisionOrganisation({
    kind: values.kind as OrganisationKind,
    name: values.name,
    country: values.country?.toUpperCase(),
  });
  out(JSON.stringify(org));
  return 0;
}
