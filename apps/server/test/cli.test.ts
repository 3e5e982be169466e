import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../../bin/verity.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(port: number): Promise<unknown> {
  for (let i = 0; i < 120; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return response.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('server did not start');
}

describe('the verity command', () => {
  it('serves with demo data in a fresh folder, refuses a second process on it, and releases it on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verity-cli-'));
    const port = await freePort();
    const env = {
      ...process.env,
      PORT: String(port),
      VERITY_DATA_DIR: dataDir,
      VERITY_MODE: 'demo',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    };
    const server = spawn('node', [bin, 'serve'], { env, stdio: 'pipe' });
    try {
      expect(await waitForHealth(port)).toMatchObject({ status: 'ok', database: 'pglite' });
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'officer@demo.test', password: 'verity-demo' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const found = await fetch(`http://127.0.0.1:${port}/api/v1/products?q=aurora`, { headers: { cookie } });
      expect(((await found.json()) as { total: number }).total).toBeGreaterThanOrEqual(3);

      const second = spawnSync('node', [bin, 'migrate'], { env, encoding: 'utf8' });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('in use by another Verity process');
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    expect(server.exitCode).toBe(0);
    expect(existsSync(join(dataDir, 'verity.lock'))).toBe(false);
    // The folder is free again, and demo data is not loaded twice.
    const again = spawnSync('node', [bin, 'migrate'], { env, encoding: 'utf8' });
    expect(again.status, again.stderr).toBe(0);
  }, 90_000);

  it('never loads demo data in production mode', async () => {
    const port = await freePort();
    const env = {
      ...process.env,
      PORT: String(port),
      VERITY_DATA_DIR: mkdtempSync(join(tmpdir(), 'verity-cli-')),
      VERITY_MODE: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    };
    const server = spawn('node', [bin, 'serve'], { env, stdio: 'pipe' });
    try {
      await waitForHealth(port);
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'officer@demo.test', password: 'verity-demo' }),
      });
      expect(login.status).toBe(401);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  }, 60_000);

  it('identifies codes from stdin, one JSON object per line', () => {
    const input = ['4006381333931', '(01)09506000134352(17)201225(10)ABC123', 'not a code', '490154203237518'].join(
      '\n',
    );
    const result = spawnSync('node', [bin, 'identify'], { input, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.kind)).toEqual(['gtin', 'gs1', 'text', 'imei']);
    expect(lines[0]).toMatchObject({ valid: true, gtin: '04006381333931' });
    expect(lines[1].elements).toEqual([
      { ai: '01', value: '09506000134352' },
      { ai: '17', value: '201225' },
      { ai: '10', value: 'ABC123' },
    ]);
  });

  it('sets up a new installation from the command line: organisation, first user, catalog import', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verity-cli-'));
    const env = {
      ...process.env,
      VERITY_DATA_DIR: dataDir,
      VERITY_MODE: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    };
    const run = (...args: string[]) => spawnSync('node', [bin, ...args], { env, encoding: 'utf8' });

    const org = run('org', 'create', '--kind', 'right_holder', '--name', 'Nordwind AG');
    expect(org.status, org.stderr).toBe(0);
    const { id } = JSON.parse(org.stdout) as { id: string };
    const user = spawnSync(
      'node',
      [bin, 'user', 'create', '--email', 'it@nordwind.example', '--organisation', id, '--role', 'right_holder_admin'],
      {
        env: { ...env, VERITY_PASSWORD: 'a long enough password' },
        encoding: 'utf8',
      },
    );
    expect(user.status, user.stderr).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({
      email: 'it@nordwind.example',
      memberships: [{ organisationId: id, role: 'right_holder_admin' }],
    });

    const file = join(dataDir, 'catalog.csv');
    writeFileSync(
      file,
      'reference,brand,name_en,gtin\nN-1,Nordwind,Storm jacket,4006381333931\nN-2,Nordwind,Broken,4006381333932\n',
    );
    const imported = run('import', file, '--organisation', id);
    expect(imported.status).toBe(2); // some rows failed: the report says which
    expect(JSON.parse(imported.stdout)).toMatchObject({
      rows: 2,
      created: 1,
      failed: 1,
      errors: [{ row: 2, code: 'IDENTIFIER_INVALID' }],
    });

    const wrongRole = run(
      'user',
      'create',
      '--email',
      'x@nordwind.example',
      '--organisation',
      id,
      '--role',
      'officer',
      '--password',
      'a long enough password',
    );
    expect(wrongRole.status).toBe(1);
    expect(wrongRole.stderr).toContain('role');
  }, 90_000);
});
