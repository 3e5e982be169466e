#!/usr/bin/env node
// Fails when the Drizzle schema has changes that no committed migration contains.
import { spawnSync } from 'node:child_process';

const dir = 'apps/server/src/db/migrations';
const generate = spawnSync(
  'npx',
  ['drizzle-kit', 'generate', '--config', 'apps/server/drizzle.config.ts', '--name', 'drift-check'],
  { encoding: 'utf8' },
);
if (generate.status !== 0) {
  process.stderr.write(generate.stdout + generate.stderr);
  process.exit(1);
}
const status = spawnSync('git', ['status', '--porcelain', '--', dir], { encoding: 'utf8' }).stdout.trim();
if (status) {
  console.error(`The schema changed without a migration. Run npm run db:generate and commit it:\n${status}`);
  spawnSync('git', ['checkout', '--', dir]);
  spawnSync('git', ['clean', '-fdq', '--', dir]);
  process.exit(1);
}
console.log('migrations match the schema');
