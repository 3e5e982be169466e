import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './pwa/vite-plugin-precompress';
import { serviceWorker } from './pwa/vite-plugin-pwa';

/**
 * The officer web app. `npm run build -w @verity/web` writes apps/web/dist, which the server
 * serves at `/` (apps/server/src/platform/web.ts). `npm run dev -w @verity/web` serves it with
 * hot reload and sends /api to a server started with `npm run dev` on its default port.
 * Everything is bundled from node_modules: no CDN, so it builds and runs with no network.
 */
export default defineConfig({
  plugins: [react(), serviceWorker(), precompress()],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // One file per language (not one per namespace): a French page fetches its messages
          // in one request, before its first paint or when the profile's language applies.
          groups: [{ name: (id) => messagesChunk(id) }],
        },
      },
    },
  },
});

/** `messages-fr` for locales/fr/*.json (English is in the main chunk); null for anything else. */
function messagesChunk(id: string): string | null {
  const lang = /\/locales\/([a-z]{2})\/[^/]+\.json$/.exec(id)?.[1];
  return lang && lang !== 'en' ? `messages-${lang}` : null;
}
