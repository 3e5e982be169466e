import { defineConfig } from 'vitest/config';

/** Unit tests of the web app (pure modules, no browser): `npm test -w @verity/web`. */
export default defineConfig({
  test: {
    name: 'web',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
