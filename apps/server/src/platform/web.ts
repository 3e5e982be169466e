import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { sendError } from './http';

/**
 * Serves the built web app at `/` through one declared route: a file of the build when it
 * exists, index.html otherwise (the client-side router takes the path). Unknown `/api/...`
 * paths stay JSON 404s.
 */
export async function serveWebApp(app: FastifyInstance, webDir: string) {
  const root = resolve(webDir);
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ webDir: root }, 'web app not built: run npm run build:web');
    return;
  }
  // The build writes .br and .gz copies of its text files (apps/web/pwa/vite-plugin-precompress.ts):
  // sent to browsers that accept them, so a phone downloads about a third of the bytes.
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    if (request.url.startsWith('/api/')) return sendError(reply, 'ROUTE_NOT_FOUND');
    const file = resolve(root, path);
    if (path && file.startsWith(root + sep) && isFile(file)) {
      // Vite puts content-hashed files under assets/: they never change.
      const immutable = path.startsWith('assets/');
      return reply.sendFile(path, { maxAge: immutable ? 31536000_000 : 0, immutable });
    }
    return reply.sendFile('index.html', { maxAge: 0 });
  });
}

function isFile(path: string) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
