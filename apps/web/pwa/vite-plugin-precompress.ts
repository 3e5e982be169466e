import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text compresses well (the barcode decoder's wasm too, about 3×); PNG and JPEG do not. */
const compressible = /\.(js|css|html|svg|json|webmanifest|wasm)$/;

/**
 * Writes a `.br` and a `.gz` beside each compressible file of the build, once, at build time;
 * the server sends them to browsers that accept them (apps/server/src/platform/web.ts,
 * `preCompressed`). The page's JavaScript is about a third of its size compressed: on a phone's
 * slow network the first visit (and the first after an update) paints a second sooner.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'verity-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!compressible.test(file)) continue;
        const content = readFileSync(file);
        if (content.length < 1024) continue; // a tiny file gains nothing
        const br = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
        const gz = gzipSync(content, { level: 9 });
        if (br.length < content.length) writeFileSync(`${file}.br`, br);
        if (gz.length < content.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}
