import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** Files of public/ the app needs offline (Vite copies them to the build as they are). */
const publicFiles = [
  '/favicon.svg',
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/maskable-512.png',
  '/icons/apple-touch-icon.png',
];

/**
 * Writes /sw.js into the build: pwa/service-worker.js with the list of every file the build
 * emitted (and the page itself, `/`) to precache, and a version derived from that list, so a
 * new build installs a new cache and drops the old one. Our own ~60 lines instead of Workbox:
 * the behaviour fits on one screen and builds with no extra dependency.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'verity-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const emitted = Object.keys(bundle)
        .filter((name) => name !== 'index.html' && !name.endsWith('.map'))
        .map((name) => `/${name}`);
      const precache = ['/', ...publicFiles, ...emitted.sort()];
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 16);
      const source = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8')
        .replace('const PRECACHE = __PRECACHE__;', `const PRECACHE = ${JSON.stringify(precache)};`)
        .replace('const CACHE = `verity-${__VERSION__}`;', `const CACHE = 'verity-${version}';`);
      if (!source.includes('const PRECACHE = [') || !source.includes(`const CACHE = 'verity-${version}';`))
        this.error('pwa/service-worker.js: a placeholder was not filled in');
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
