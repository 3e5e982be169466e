// Lighthouse (mobile) on the main screens (the officer's, a case, the right holder's inbox and
// notifications, the portal, the administration), run on a real server with the demo data:
//
//   npm run lighthouse            (builds the web app if needed; needs /usr/bin/chromium)
//
// Prints each screen's performance, accessibility, best-practices and SEO scores against the
// targets of the web-app issue (performance ≥ 90, accessibility ≥ 95, best practices ≥ 95)
// and writes the full reports to reports/lighthouse/ (HTML to read, JSON for scripts; not
// committed). A report, not a test: the scores depend on the machine; the exit code is 1 when a
// target is missed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
/* global fetch */
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const targets = { performance: 90, accessibility: 95, 'best-practices': 95 };

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'verity-lighthouse-'));
  const child = spawn(process.execPath, ['bin/verity.mjs', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      VERITY_DATA_DIR: dataDir,
      VERITY_MODE: 'demo',
      LOG_LEVEL: 'warn',
    },
    stdio: 'inherit',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 360; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    stop: () => {
      child.kill('SIGTERM');
      return new Promise((r) => child.once('exit', r)).then(() => rmSync(dataDir, { recursive: true, force: true }));
    },
  };
}

const build = spawnSync(process.execPath, ['bin/build-web-if-needed.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const server = await startServer();
const debuggingPort = await freePort();
// A persistent context is the browser's default one, which Lighthouse's tabs share: the
// session cookie set here is the one they send.
const profile = mkdtempSync(join(tmpdir(), 'verity-lighthouse-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--remote-debugging-port=${debuggingPort}`,
  ],
});

/** Signs in through the API in the browser's own cookie jar, which Lighthouse then uses. */
async function signIn(context, email) {
  const response = await context.request.post(`${server.baseUrl}/api/v1/auth/login`, {
    data: { email, password: 'verity-demo' },
  });
  if (!response.ok()) throw new Error(`sign-in of ${email} failed: ${response.status()}`);
}

async function demoProductId(context) {
  const response = await context.request.post(`${server.baseUrl}/api/v1/identify`, {
    data: { input: '3790000000014' },
  });
  return (await response.json()).products[0].id;
}

/**
 * A case about the demo chronograph, submitted by the signed-in officer (the right holder is
 * notified of it), with a message to the right holder: made once, through the API.
 */
let submittedCase;
async function submittedCaseId(context) {
  submittedCase ??= (async () => {
    const productId = await demoProductId(context);
    const created = await context.request.post(`${server.baseUrl}/api/v1/cases`, {
      data: { transportMode: 'sea', originCountry: 'CN', lines: [{ productId, quantity: 40 }] },
    });
    const { id } = await created.json();
    const submitted = await context.request.post(`${server.baseUrl}/api/v1/cases/${id}/submit`);
    if (!submitted.ok()) throw new Error(`submitting the case failed: ${submitted.status()}`);
    const { channels } = await (await context.request.get(`${server.baseUrl}/api/v1/cases/${id}/conversations`)).json();
    await context.request.post(`${server.baseUrl}/api/v1/cases/${id}/messages`, {
      data: { channel: channels.find((c) => c.rightHolder).channel, body: 'Is the crown engraved on yours?' },
    });
    return id;
  })();
  return submittedCase;
}

/** Each screen as the user who works on it; a function path asks the server for an id first. */
const screens = [
  { name: 'sign-in', path: '/', as: null },
  { name: 'identify', path: '/', as: 'officer@demo.test' },
  { name: 'search', path: '/search?q=aurora', as: 'officer@demo.test' },
  { name: 'product sheet', path: async (c) => `/products/${await demoProductId(c)}`, as: 'officer@demo.test' },
  { name: 'case (officer)', path: async (c) => `/cases/${await submittedCaseId(c)}`, as: 'officer@demo.test' },
  { name: 'portal: products', path: '/portal/products', as: 'rightholder@demo.test' },
  {
    name: 'portal: product editor',
    path: async (c) => `/portal/products/${await demoProductId(c)}`,
    as: 'rightholder@demo.test',
  },
  { name: 'portal: import', path: '/portal/import', as: 'rightholder@demo.test' },
  { name: 'cases: inbox (right holder)', path: '/cases', as: 'rightholder@demo.test' },
  { name: 'notifications (right holder)', path: '/notifications', as: 'rightholder@demo.test' },
  { name: 'admin: organisations', path: '/admin', as: 'admin@demo.test' },
];
const results = [];
const outDir = join(root, 'reports', 'lighthouse');
mkdirSync(outDir, { recursive: true });

try {
  let signedInAs = null;
  await context.clearCookies();
  for (const screen of screens) {
    if (screen.as !== signedInAs) {
      await context.clearCookies();
      if (screen.as) await signIn(context, screen.as);
      signedInAs = screen.as;
    }
    const path = typeof screen.path === 'function' ? await screen.path(context) : screen.path;
    const result = await lighthouse(`${server.baseUrl}${path}`, {
      port: debuggingPort,
      output: ['html', 'json'],
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      disableStorageReset: true, // keep the session cookie
    });
    const scores = Object.fromEntries(
      Object.entries(result.lhr.categories).map(([id, category]) => [id, Math.round(category.score * 100)]),
    );
    const file = join(outDir, screen.name.replace(/\W+/g, '-'));
    writeFileSync(`${file}.html`, result.report[0]);
    writeFileSync(`${file}.json`, result.report[1]); // for scripts: audits' details, metrics
    results.push({ screen: screen.name, path, ...scores });
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await server.stop();
}

console.table(results);
const missed = results.flatMap((r) =>
  Object.entries(targets)
    .filter(([id, target]) => r[id] < target)
    .map(([id, target]) => `${r.screen}: ${id} ${r[id]} < ${target}`),
);
console.log(missed.length ? `Targets missed:\n  ${missed.join('\n  ')}` : 'All targets met.');
console.log(`Full reports: ${outDir}`);
process.exit(missed.length ? 1 : 0);
