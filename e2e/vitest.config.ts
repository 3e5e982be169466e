import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * End-to-end journeys: Debian's Chromium (driven by playwright-core) against a real server the
 * suite starts on a free port with a throw-away PGlite folder. Run from the repository root:
 *
 *   npx vitest run --config e2e/vitest.config.ts
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`); builds apps/web first if needed.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    environment: 'node',
    // Each journey file starts its own server and browser: run them one after the other.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
