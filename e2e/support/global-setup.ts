import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './browser';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Once before all journeys: a browser to drive, and an up-to-date build of the web app to serve. */
export default function setup() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`The e2e suite drives Debian's Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  }
  const build = spawnSync(process.execPath, ['bin/build-web-if-needed.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('Building the web app failed (see above)');
}
