import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';

/** The built web app as the server sends it: a build folder made here, with compressed copies as the build writes them. */
const webDir = mkdtempSync(join(tmpdir(), 'verity-web-'));
const script = 'console.log("verity");'.repeat(200);
let t: TestApp;

beforeAll(async () => {
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Verity</title>');
  writeFileSync(join(webDir, 'assets/index-abc123.js'), script);
  writeFileSync(join(webDir, 'assets/index-abc123.js.br'), brotliCompressSync(script));
  writeFileSync(join(webDir, 'assets/index-abc123.js.gz'), gzipSync(script));
  t = await createTestApp({ webDir });
});
afterAll(async () => {
  await t.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('the web app', () => {
  it('sends a file’s Brotli or gzip copy to a browser that accepts it, and the file itself otherwise', async () => {
    const url = '/assets/index-abc123.js';
    const br = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);
    const gz = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    for (const response of [br, gz, plain]) {
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers['cache-control']).toContain('immutable');
    }
  });

  it('answers any other page with index.html, never cached, and unknown API paths with a JSON 404', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/cases/123' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Verity</title>');
    expect(page.headers['cache-control']).toContain('max-age=0');
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});
