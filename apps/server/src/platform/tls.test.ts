import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { configFromEnv } from './config';
import { openDatabase } from './db';
import { lanAddresses, selfSignedCertificate } from './tls';
import { testConfig } from '../../test/test-app';

const dataDir = mkdtempSync(join(tmpdir(), 'verity-tls-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** GET over HTTPS trusting only `ca`, checking the certificate against the name `servername`. */
function httpsGet(port: number, path: string, ca: string, servername: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, ca, servername }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS for phones on the local network', () => {
  it('reads HTTPS=self-signed, or a certificate and key from files, and is off by default', () => {
    expect(configFromEnv({}).https).toBe('off');
    expect(configFromEnv({ HTTPS: 'self-signed' }).https).toBe('self-signed');
    expect(configFromEnv({ TLS_CERT_FILE: 'c.pem', TLS_KEY_FILE: 'k.pem' }).https).toEqual({
      certFile: 'c.pem',
      keyFile: 'k.pem',
    });
    expect(() => configFromEnv({ TLS_CERT_FILE: 'c.pem' })).toThrow(/https/);
    expect(() => configFromEnv({ HTTPS: 'maybe' })).toThrow(/https/);
  });

  it('makes a certificate for localhost and the LAN addresses once, and keeps it across restarts', async () => {
    const first = await selfSignedCertificate(dataDir);
    const san = new X509Certificate(first.cert).subjectAltName ?? '';
    for (const entry of ['DNS:localhost', 'IP Address:127.0.0.1', ...lanAddresses().map((a) => `IP Address:${a}`)])
      expect(san).toContain(entry);
    expect(readFileSync(join(dataDir, 'tls', 'self-signed-cert.pem'), 'utf8')).toBe(first.cert);
    const second = await selfSignedCertificate(dataDir);
    expect(second).toEqual(first);
  });

  it('serves the API over TLS with that certificate', async () => {
    const tls = await selfSignedCertificate(dataDir);
    const database = await openDatabase({ dataDir: '', inMemory: true, poolSize: 1 });
    const app = await buildApp(testConfig(), { database, tls });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as { port: number };
      const answer = await httpsGet(port, '/api/health', tls.cert, 'localhost');
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 'ok' });
      await expect(httpsGet(port, '/api/health', tls.cert, 'verity.example')).rejects.toThrow(/altnames|match/i);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
