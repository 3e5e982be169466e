import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { DataDirLockedError, lockDataDir } from './db';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('platform', () => {
  it('reports health with the database engine and version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('ok');
    expect(body.database).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('answers unknown routes with a JSON 404 and a request id', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'ROUTE_NOT_FOUND', requestId: 'abc-123' });
    expect(response.headers['x-request-id']).toBe('abc-123');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", "password": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('MALFORMED_JSON');
  });

  it('answers wrong types and unknown fields with 400 VALIDATION_FAILED and the path', async () => {
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.example', password: 42 },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.code).toBe('VALIDATION_FAILED');
    expect(wrongType.json().error.details[0].path).toBe('password');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.example', password: 'x', admin: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a write that a browser marks as coming from another site (CSRF)', async () => {
    const crossOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example', host: 'verity.example' },
      payload: { email: 'a@b.example', password: 'x' },
    });
    expect(crossOrigin.statusCode).toBe(403);
    expect(crossOrigin.json().error.code).toBe('AUTH_CSRF_REJECTED');
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);
    // Same origin and non-browser clients (no Origin, no Sec-Fetch-Site) pass.
    const sameOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { origin: 'http://verity.example', host: 'verity.example', 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.statusCode).toBe(200);
    const cli = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(cli.statusCode).toBe(200);
  });

  it('serves an OpenAPI 3.1 document describing every API route, and the browsable reference', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/health',
      '/api/v1/auth/login',
      '/api/v1/identify',
      '/api/v1/products',
      '/api/v1/products/{id}',
      '/api/v1/brands',
      '/api/v1/imports',
      '/api/v1/organisations',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    // Valid by an independent OpenAPI 3.1 validator, not only well-formed JSON.
    const validation = await validate(structuredClone(doc));
    expect(validation.valid ? [] : validation.errors).toEqual([]);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it("sends helmet's security headers on pages and the short REST set on API answers", async () => {
    const page = await t.app.inject({ method: 'GET', url: '/some/page' });
    expect(page.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(page.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Plain HTTP on a LAN address must keep working (a phone trying a local install).
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    for (const response of [page, await t.app.inject({ method: 'GET', url: '/api/health' })]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
    const api = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers['x-frame-options']).toBe('DENY');
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers['x-request-id']).toBeTruthy();
  });
});

describe('the embedded database folder lock', () => {
  it('refuses a folder held by another live process, with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verity-lock-'));
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dir, 'verity.lock'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(/in use by another Verity process/);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that no longer exists, and releases it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verity-lock-'));
    writeFileSync(join(dir, 'verity.lock'), '999999999');
    const release = lockDataDir(dir);
    release();
    lockDataDir(dir)();
  });
});
