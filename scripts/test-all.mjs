#!/usr/bin/env node
// `npm test`: everything CI runs, in order, with one closing line "N passed, N failed".
//   1. unit tests (pure code)
//   2. integration tests on embedded PGlite
//   3. integration tests on the PostgreSQL server (a throw-away database, dropped after);
//      required when CI=true, skipped with a warning elsewhere if no server answers
//   4. end-to-end tests in Chromium (when e2e/ exists)
//   5. drift checks: generated migrations and the committed OpenAPI document
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ci = process.env.CI === 'true';
const serverUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const results = [];
const reports = mkdtempSync(join(tmpdir(), 'verity-test-'));
let passed = 0;
let failed = 0;

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

/** Runs a vitest project and adds its counts from the JSON report. */
function vitest(name, args, env = {}) {
  const file = join(reports, `${results.length}.json`);
  const ok = run(
    name,
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
    env,
  );
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (!ok && report.numFailedTests === 0) failed += 1; // a suite that failed to load
  } else if (!ok) failed += 1;
  return ok;
}

async function withThrowAwayDatabase(fn) {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    const message = `PostgreSQL server not reachable at ${serverUrl}: ${error.message}`;
    if (ci) {
      console.error(message);
      failed += 1;
      results.push({ name: 'integration (PostgreSQL server)', ok: false, seconds: 0 });
    } else console.warn(`\n!!! ${message} — skipping the PostgreSQL run (CI runs it).`);
    return;
  }
  const name = `verity_test_${randomBytes(6).toString('hex')}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

vitest('unit', ['--project', 'unit']);
vitest('integration (PGlite)', ['--project', 'integration']);
await withThrowAwayDatabase((url) =>
  vitest('integration (PostgreSQL server)', ['--project', 'integration'], { TEST_DATABASE_URL: url }),
);
if (existsSync('e2e/vitest.config.ts')) vitest('end-to-end (Chromium)', ['--config', 'e2e/vitest.config.ts']);
for (const [name, script] of [
  ['migrations match the schema', 'db:check'],
  ['OpenAPI document is up to date', 'openapi:check'],
]) {
  if (run(name, 'npm', ['run', '--silent', script])) passed += 1;
  else failed += 1;
}

console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds}s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
