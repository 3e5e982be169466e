import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import type { Config } from './config';

export interface TlsFiles {
  key: string;
  cert: string;
}

/** The machine's own IPv4 addresses on the local network (what a phone on the same Wi-Fi uses). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
}

/** Whether a certificate covers every name and address and is valid for another day at least. */
function covers(certPem: string, names: readonly string[], addresses: readonly string[]): boolean {
  const cert = new X509Certificate(certPem);
  const san = cert.subjectAltName ?? '';
  const listed = (entry: string) => san.split(', ').includes(entry);
  const fresh = new Date(cert.validTo).getTime() > Date.now() + 24 * 3600_000;
  return fresh && names.every((n) => listed(`DNS:${n}`)) && addresses.every((a) => listed(`IP Address:${a}`));
}

/**
 * A self-signed certificate for localhost and this machine's LAN addresses, kept in the data
 * folder so that a phone's "proceed anyway" holds across restarts; made again when the machine
 * has a new address or the certificate nears its end. Browsers give the camera only to secure
 * pages (HTTPS, or localhost): this lets a phone on the same network scan with the demo.
 */
export async function selfSignedCertificate(dataDir: string): Promise<TlsFiles> {
  const folder = join(dataDir, 'tls');
  const keyFile = join(folder, 'self-signed-key.pem');
  const certFile = join(folder, 'self-signed-cert.pem');
  const names = ['localhost'];
  const addresses = ['127.0.0.1', ...lanAddresses()];
  if (existsSync(keyFile) && existsSync(certFile)) {
    const existing = { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
    if (covers(existing.cert, names, addresses)) return existing;
  }
  const notBeforeDate = new Date(Date.now() - 3600_000);
  const pems = await generate([{ name: 'commonName', value: 'Verity (self-signed, local network)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 365 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...names.map((value) => ({ type: 2 as const, value })),
          ...addresses.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  mkdirSync(folder, { recursive: true });
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert };
}

/** The key and certificate the server listens with, or undefined for plain HTTP. */
export async function tlsOf(config: Config): Promise<TlsFiles | undefined> {
  if (config.https === 'off') return undefined;
  if (config.https === 'self-signed') return selfSignedCertificate(config.dataDir);
  return { key: readFileSync(config.https.keyFile, 'utf8'), cert: readFileSync(config.https.certFile, 'utf8') };
}
