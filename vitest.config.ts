import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure code, milliseconds) and `integration` (the HTTP API through
 * app.inject() on a real database: in-memory PGlite per file, or the PostgreSQL server
 * named by TEST_DATABASE_URL — scripts/test-all.mjs runs it both ways).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            'apps/server/src/**/*.unit.test.ts',
            'apps/server/src/cli/identify.command.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
          exclude: ['apps/server/src/**/*.unit.test.ts', 'apps/server/src/cli/identify.command.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
