/**
 * `npm run bench`: Verity's identify and search against a bare Fastify server measured in
 * the same run, on the PostgreSQL server and on PGlite (`--engines` to choose), with a seeded catalog.
 * Loopback only; every load run is bounded in time. See bench/README.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { gs1CheckDigit } from '@verity/codes';

const root = join(import.meta.dirname, '..');
const verity = join(root, 'bin/verity.mjs');
const children = new Set<ChildProcess>();

interface Load {
  requestsPerSecond: number;
  /** Milliseconds. autocannon reports no p95: p97.5 is its nearest percentile above it. */
  latency: { p50: number; p90: number; p97_5: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(command: string[], env: Record<string, string>): ChildProcess {
  const child = spawn('node', command, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer`);
}

async function load(options: autocannon.Options, warmupSeconds = 3): Promise<Load> {
  if (warmupSeconds > 0) await autocannon({ ...options, duration: warmupSeconds });
  const result = await autocannon(options);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The GTIN-14 the seed gives product `i` (catalog-seed.ts: prefix × 10⁹ + i, check digit). */
function seededGtin(prefix: number, i: number): string {
  const body = String(prefix * 1_000_000_000 + i).padStart(12, '0');
  return '0' + body + String(gs1CheckDigit(body));
}

function shuffled(n: number, count: number): number[] {
  return Array.from({ length: count }, () => Math.floor(Math.random() * n));
}

const searchTerms = [
  'watch',
  'chronograph',
  'montre',
  'reloj',
  'sneaker',
  'parfum',
  'smartphone',
  'brake pad',
  'plush toy',
  'cigarettes',
  'handbag',
  'vavava',
  'lorvava classic',
  'chronogrph',
  'sneker',
  'perfum',
  'chron',
  'sne',
  'montre plongee',
  'zapatilla deportivo',
];

async function benchEngine(
  engine: 'postgres' | 'pglite',
  opts: { products: number; duration: number; connections: number; serverUrl: string },
) {
  const env: Record<string, string> = { VERITY_MODE: 'demo', LOG_LEVEL: 'warn' };
  let cleanup: () => Promise<void>;
  if (engine === 'postgres') {
    const name = `verity_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: opts.serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(opts.serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: opts.serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'verity-bench-'));
    env.VERITY_DATA_DIR = dir;
    env.DATABASE_URL = '';
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  try {
    // Migrations and demo data first (the demo officer signs in), then the synthetic catalog.
    const migrate = spawnSync('node', [verity, 'migrate'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    if (migrate.status !== 0) throw new Error(migrate.stderr);
    console.log(`[${engine}] seeding ${opts.products.toLocaleString('en')} products…`);
    const seedStarted = Date.now();
    const seed = spawnSync('node', [verity, 'seed', '--products', String(opts.products)], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (seed.status !== 0) throw new Error(seed.stderr);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const seeded = JSON.parse(seed.stdout.trim().split('\n').pop()!) as { gtinPrefix: number };

    const port = await freePort();
    const server = start([verity, 'serve'], { ...env, PORT: String(port) });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitFor(`${base}/api/health`);
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'officer@demo.test', password: 'verity-demo' }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const headers = { cookie, 'content-type': 'application/json' };
      const identifyWith = (inputs: string[]) => {
        let k = 0;
        return {
          url: `${base}/api/v1/identify`,
          connections: opts.connections,
          duration: opts.duration,
          requests: [
            {
              method: 'POST' as const,
              path: '/api/v1/identify',
              headers,
              setupRequest: (req: autocannon.Request) => ({
                ...req,
                body: JSON.stringify({ input: inputs[k++ % inputs.length] }),
              }),
            },
          ],
        };
      };
      // Scans repeat: officers meet the same products again and again — 10,000 popular GTINs.
      const popular = shuffled(opts.products, 10_000).map((i) => seededGtin(seeded.gtinPrefix, i));
      console.log(`[${engine}] identify, 10,000 popular GTINs…`);
      const identifyPopular = await load(identifyWith(popular));
      // Every request a GTIN not asked before: the database path, no cache help.
      const distinct = Array.from({ length: opts.products }, (_, i) =>
        seededGtin(seeded.gtinPrefix, (i * 7919) % opts.products),
      );
      console.log(`[${engine}] identify, distinct GTINs…`);
      const identifyDistinct = await load(identifyWith(distinct), 0);
      let s = 0;
      const searchWith = (connections: number) => ({
        url: base,
        connections,
        duration: opts.duration,
        requests: [
          {
            method: 'GET' as const,
            headers: { cookie },
            setupRequest: (req: autocannon.Request) => ({
              ...req,
              path: `/api/v1/products?q=${encodeURIComponent(searchTerms[s++ % searchTerms.length]!)}`,
            }),
          },
        ],
      });
      // One officer at a time: the latency a person waits for.
      console.log(`[${engine}] search, 1 connection…`);
      const search = await load(searchWith(1));
      // Ten at once on this 2-core machine: throughput, and latency including queueing.
      console.log(`[${engine}] search, 10 connections…`);
      const searchLoaded = await load(searchWith(10), 0);
      return {
        engine,
        products: opts.products,
        seed: { seconds: seedSeconds, productsPerSecond: Math.round(opts.products / seedSeconds) },
        identifyPopular,
        identifyDistinct,
        search,
        searchLoaded,
      };
    } finally {
      await stop(server);
    }
  } finally {
    await cleanup();
  }
}

async function serverReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

export async function runBench(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      products: { type: 'string', default: '100000' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      engines: { type: 'string', default: 'postgres,pglite' },
    },
  });
  const opts = {
    products: Number(values.products),
    duration: Number(values.duration),
    connections: Number(values.connections),
    serverUrl: env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
  const stopAll = () => children.forEach((c) => c.kill('SIGTERM'));
  process.once('SIGINT', () => {
    stopAll();
    process.exit(130);
  });

  console.log('baseline: bare Fastify…');
  const barePort = await freePort();
  const bare = start([join(root, 'bench/bare-server.mjs')], { PORT: String(barePort) });
  await waitFor(`http://127.0.0.1:${barePort}/`);
  const baseline = await load({
    url: `http://127.0.0.1:${barePort}/`,
    connections: opts.connections,
    duration: opts.duration,
  });
  await stop(bare);

  const wanted = new Set(values.engines.split(',').map((e) => e.trim()));
  const engines: ('postgres' | 'pglite')[] = [];
  if (wanted.has('postgres')) {
    if (await serverReachable(opts.serverUrl)) engines.push('postgres');
    else console.log(`no PostgreSQL server at ${opts.serverUrl}: PGlite only`);
  }
  if (wanted.has('pglite') || engines.length === 0) engines.push('pglite');
  const runs = [];
  for (const engine of engines) runs.push(await benchEngine(engine, opts));

  const ratio = (rps: number) => (rps / baseline.requestsPerSecond).toFixed(2);
  console.log(
    `\nbare Fastify: ${baseline.requestsPerSecond.toLocaleString('en')} req/s, p99 ${baseline.latency.p99} ms (${opts.connections} connections, ${opts.duration} s)\n`,
  );
  console.log(
    `${'engine'.padEnd(9)} ${'measure'.padEnd(34)} ${pad('req/s', 8)} ${pad('× bare', 7)} ${pad('p50', 5)} ${pad('p90', 5)} ${pad('p97.5', 6)} ${pad('p99', 5)} ${pad('non-2xx', 8)}`,
  );
  for (const r of runs) {
    const rows: [string, Load][] = [
      [`identify, popular GTINs (${opts.connections} conn)`, r.identifyPopular],
      [`identify, distinct GTINs (${opts.connections} conn)`, r.identifyDistinct],
      ['search (1 conn)', r.search],
      ['search (10 conn)', r.searchLoaded],
    ];
    for (const [label, l] of rows) {
      console.log(
        `${r.engine.padEnd(9)} ${label.padEnd(34)} ${pad(l.requestsPerSecond, 8)} ${pad(ratio(l.requestsPerSecond), 7)} ${pad(l.latency.p50, 5)} ${pad(l.latency.p90, 5)} ${pad(l.latency.p97_5, 6)} ${pad(l.latency.p99, 5)} ${pad(l.non2xx + l.errors, 8)}`,
      );
    }
    console.log(
      `${r.engine.padEnd(9)} seed: ${r.products.toLocaleString('en')} products in ${r.seed.seconds.toFixed(1)} s (${r.seed.productsPerSecond.toLocaleString('en')}/s)`,
    );
  }
  console.log(
    '\ntargets (issue: identify ≥ 0.35 × bare, identify p99 ≤ 20 ms, search p95 ≤ 50 ms at 1M products on PostgreSQL; search p95 judged by p97.5, one connection):',
  );
  for (const r of runs) {
    const check = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    console.log(
      `  ${r.engine}: identify throughput ${ratio(r.identifyPopular.requestsPerSecond)} × bare ${check(r.identifyPopular.requestsPerSecond >= 0.35 * baseline.requestsPerSecond)}; ` +
        `identify p99 ${r.identifyPopular.latency.p99} ms ${check(r.identifyPopular.latency.p99 <= 20)} (distinct GTINs: ${r.identifyDistinct.latency.p99} ms ${check(r.identifyDistinct.latency.p99 <= 20)}); ` +
        `search p97.5 ${r.search.latency.p97_5} ms ${check(r.search.latency.p97_5 <= 50)} (10 connections: ${r.searchLoaded.latency.p97_5} ms) at ${r.products.toLocaleString('en')} products`,
    );
  }
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = join(root, 'bench/results', `${new Date().toISOString().replaceAll(':', '-')}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), options: opts, baseline, runs }, null, 2));
  console.log(`\nfull results: ${file}`);
  return 0;
}
