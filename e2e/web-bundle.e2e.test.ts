import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The global setup has just built apps/web (bin/build-web-if-needed.mjs).
const dist = new URL('../apps/web/dist/', import.meta.url);
const html = readFileSync(new URL('index.html', dist), 'utf8');
const gzipped = (path: string) => gzipSync(readFileSync(new URL(path.replace(/^\//, ''), dist))).length;

describe('the built web app', () => {
  it('loads at most 100 KB of gzipped JavaScript before its first paint (React alone is about 67 KB)', () => {
    const scripts = [
      ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g),
    ].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((sum, path) => sum + gzipped(path), 0);
    expect(total).toBeLessThan(100 * 1024);
  });

  it('is a production build (a development build of React is about twice as large)', () => {
    const entry = /<script[^>]*\ssrc="([^"]+\.js)"/.exec(html)?.[1];
    // React's production build replaces its error messages with this pointer to its decoder.
    expect(readFileSync(new URL(entry!.replace(/^\//, ''), dist), 'utf8')).toContain('Minified React error');
  });

  it('loads nothing from another origin (no CDN: it works offline and under our CSP)', () => {
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
