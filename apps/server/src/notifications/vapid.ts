import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../platform/config';
import { generateVapidKeys, type VapidKeys } from './channels/push';

/**
 * The VAPID key pair that signs our Web Push messages. From the configuration when set
 * (VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY: required when several processes serve one
 * installation, as each must sign with the same key); otherwise made once and kept in
 * `<dataDir>/vapid.json`, so browsers' subscriptions survive a restart. Without a data folder
 * (tests), a pair per process.
 */
export function vapidKeysOf(config: Config): VapidKeys {
  const subject = config.vapidSubject;
  if (config.vapidPublicKey && config.vapidPrivateKey)
    return { publicKey: config.vapidPublicKey, privateKey: config.vapidPrivateKey, subject };
  if (!config.dataDir) return { ...generateVapidKeys(), subject };
  const dir = resolve(config.dataDir);
  const file = join(dir, 'vapid.json');
  const read = () => JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
  try {
    return { ...read(), subject };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(generateVapidKeys()), { mode: 0o600 });
  try {
    linkSync(temporary, file); // atomic, and refuses to replace a pair another process just made
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return { ...read(), subject };
}
