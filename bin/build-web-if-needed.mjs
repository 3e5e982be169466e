#!/usr/bin/env node
// Builds the web app (apps/web -> apps/web/dist) when there is no build yet or a source file is
// newer than it; otherwise says it is up to date. `npm start` runs it before serving, and the
// e2e suite before its journeys. Vite bundles everything from node_modules: no network needed.
//
//   node bin/build-web-if-needed.mjs           build only when needed
//   node bin/build-web-if-needed.mjs --force   build anyway
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'apps', 'web');
const builtIndex = join(web, 'dist', 'index.html');
// What the build reads besides node_modules.
const inputs = ['src', 'public', 'pwa', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];

/** The most recently modified file under `path` (a file or a folder), or undefined. */
function newestFile(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  if (!stat.isDirectory()) return { path, mtimeMs: stat.mtimeMs };
  let newest;
  for (const entry of readdirSync(path)) {
    const candidate = newestFile(join(path, entry));
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

function reasonToBuild() {
  if (process.argv.includes('--force')) return 'asked with --force';
  if (!existsSync(builtIndex)) return 'there is no build yet';
  const builtAt = statSync(builtIndex).mtimeMs;
  for (const input of inputs) {
    const newest = newestFile(join(web, input));
    if (newest && newest.mtimeMs > builtAt) return `${relative(root, newest.path)} changed since the last build`;
  }
  return undefined;
}

/** Vite's command-line script, found the way Node resolves packages from apps/web. */
function viteCli() {
  for (let dir = web; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', 'vite', 'package.json');
    if (existsSync(manifest)) {
      const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
      return join(dirname(manifest), typeof bin === 'string' ? bin : bin.vite);
    }
    if (dirname(dir) === dir) return undefined;
  }
}

const reason = reasonToBuild();
if (!reason) {
  console.log(`web app: ${relative(root, join(web, 'dist'))} is up to date`);
  process.exit(0);
}

console.log(`web app: building ${relative(root, join(web, 'dist'))} (${reason})`);
const vite = viteCli();
if (!vite) {
  console.error('web app: vite is not installed; run `npm install` (or `npm ci`) first');
  process.exit(1);
}
const started = Date.now();
// A production build whoever calls: under a test runner NODE_ENV is `test`, and Vite would then
// bundle React's development build (about twice the size).
const result = spawnSync(process.execPath, [vite, 'build'], {
  cwd: web,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (result.status !== 0) {
  console.error(`web app: the build failed (${result.error?.message ?? `exit code ${result.status}`})`);
  process.exit(result.status || 1);
}
console.log(`web app: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
