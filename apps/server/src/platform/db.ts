import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from '../db/schema';

/**
 * One database handle type for both engines. PGlite's and node-postgres' Drizzle databases
 * share the query-builder API; `execute()` results both carry `.rows`.
 * A transaction (`db.transaction(async (tx) => ...)`) is just another Db.
 */
export type Db = NodePgDatabase<typeof schema>;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /**
   * PostgreSQL LISTEN/NOTIFY: tells every server process on this database (and this one)
   * that something changed. Delivery is best-effort, so listeners must also expire what they keep.
   */
  notify(channel: string, payload: string): Promise<void>;
  listen(channel: string, handler: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

/**
 * Per-connection settings. Typo tolerance: pg_trgm's default word-similarity threshold
 * (0.6) misses one-letter slips in short words ("sneker" → "sneaker" scores 0.5).
 */
const TRIGRAM_WORD_SIMILARITY = 0.4;
const sessionSettings = `-c pg_trgm.word_similarity_threshold=${TRIGRAM_WORD_SIMILARITY}`;

const migrationsFolder = fileURLToPath(new URL('../db/migrations', import.meta.url));

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** Embedded only: keep the database in memory (tests). */
  inMemory?: boolean;
}

/** Opens the configured database and applies pending migrations. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  return opts.databaseUrl ? openServer(opts.databaseUrl, opts.poolSize ?? 20) : openEmbedded(opts);
}

async function openServer(url: string, poolSize: number): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: sessionSettings });
  // An idle client erroring (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema });
  await migrate(db, { migrationsFolder });

  // One dedicated connection receives notifications; it is opened on first listen.
  const handlers = new Map<string, ((payload: string) => void)[]>();
  let listener: InstanceType<typeof pg.Client> | undefined;
  const listen = async (channel: string, handler: (payload: string) => void) => {
    if (!listener) {
      listener = new pg.Client({ connectionString: url });
      listener.on('error', () => {}); // a dropped listener only delays invalidation (see notify's doc)
      listener.on('notification', (n) => handlers.get(n.channel)?.forEach((h) => h(n.payload ?? '')));
      await listener.connect();
    }
    if (!handlers.has(channel)) {
      handlers.set(channel, []);
      await listener.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    handlers.get(channel)!.push(handler);
  };
  return {
    db,
    engine: 'postgres',
    notify: async (channel, payload) => {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    listen,
    close: async () => {
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}

async function openEmbedded(opts: OpenDatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let releaseLock = () => {};
  let dataDir: string | undefined;
  if (!opts.inMemory) {
    dataDir = resolve(opts.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(resolve(opts.dataDir));
  }
  try {
    const client = await PGlite.create({ dataDir, extensions: { pg_trgm, unaccent } });
    const db = drizzle(client, { schema }) as unknown as Db;
    await migrate(db as never, { migrationsFolder });
    await client.exec(`set pg_trgm.word_similarity_threshold = ${TRIGRAM_WORD_SIMILARITY}`);
    return {
      db,
      engine: 'pglite',
      notify: async (channel, payload) => {
        await client.query('select pg_notify($1, $2)', [channel, payload]);
      },
      listen: async (channel, handler) => {
        await client.listen(channel, handler);
      },
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data folder ${dir} is in use by another Verity process (pid ${pid}). ` +
        'PGlite allows one process per folder: stop that process, or set VERITY_DATA_DIR to another folder.',
    );
  }
}

/**
 * PGlite has no lock of its own: two processes on one folder silently lose writes.
 * Take an exclusive lock file holding our pid; a lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, 'verity.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(dir, pid);
      }
      unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock the data folder ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
