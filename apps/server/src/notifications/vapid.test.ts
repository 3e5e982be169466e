import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../test/test-app';
import { vapidKeysOf } from './vapid';

describe('VAPID keys', () => {
  it('are made once and kept in the data folder (owner-only), so subscriptions survive a restart', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verity-vapid-'));
    const first = vapidKeysOf(testConfig({ dataDir }));
    const again = vapidKeysOf(testConfig({ dataDir }));
    expect(again).toEqual(first);
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(statSync(join(dataDir, 'vapid.json')).mode & 0o777).toBe(0o600);
  });

  it('come from the configuration when set', () => {
    const keys = vapidKeysOf(
      testConfig({ vapidPublicKey: 'public', vapidPrivateKey: 'private', vapidSubject: 'mailto:ops@example.org' }),
    );
    expect(keys).toEqual({ publicKey: 'public', privateKey: 'private', subject: 'mailto:ops@example.org' });
  });
});
