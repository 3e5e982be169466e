import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './pwa/vite-plugin-pwa';

/**
 * The officer web app. `npm run build -w @verity/web` writes apps/web/dist, which the server
 * serves at `/` (apps/server/src/platform/web.ts). `npm run dev -w @verity/web` serves it with
 * hot reload and sends /api to a server started with `npm run dev` on its default port.
 * Everything is bundled from node_modules: no CDN, so it builds and runs with no network.
 */
export default defineConfig({
  plugins: [react(), serviceWorker()],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
