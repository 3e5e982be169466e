import { buildApp } from './app';
import { configFromEnv } from './platform/config';
import { openDatabase } from './platform/db';
import { loadDemoDataOnce } from './demo/demo-data';
import { lanAddresses, tlsOf } from './platform/tls';

/** Starts the server: config from the environment, database, demo data (demo mode), HTTP. */
export async function main(env: Record<string, string | undefined> = process.env) {
  const config = configFromEnv(env);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  if (config.mode === 'demo') await loadDemoDataOnce(database);
  const tls = await tlsOf(config);
  const app = await buildApp(config, { database, tls });

  // Graceful shutdown: stop accepting, finish in-flight requests, close the database, release the lock.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close();
    } finally {
      await database.close();
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const scheme = tls ? 'https' : 'http';
  const everywhere = config.host === '0.0.0.0' || config.host === '::';
  const hosts = everywhere ? ['localhost', ...lanAddresses()] : [config.host];
  const port = (app.server.address() as { port: number } | null)?.port ?? config.port;
  app.log.info(
    { database: database.engine, mode: config.mode },
    `Verity is listening on ${hosts.map((host) => `${scheme}://${host}:${port}`).join(' and ')}`,
  );
  return app;
}
