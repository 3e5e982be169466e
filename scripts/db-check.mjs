#!/usr/bin/env node
// Fails when the Drizzle schema has changes that no migration contains: drizzle-kit would
// generate a new migration file. Such a file is removed again; nothing else is touched.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'apps/server/src/db/migrations';
const list = () => new Set(readdirSync(dir, { recursive: true }).map(String));
const before = list();
const journal = join(dir, 'meta', '_journal.json');
const journalBefore = spawnSync('cat', [journal], { encoding: 'utf8' }).stdout;

const generate = spawnSync(
  'npx',
  ['drizzle-kit', 'generate', '--config', 'apps/server/drizzle.config.ts', '--name', 'drift-check'],
  {
    encoding: 'utf8',
  },
);
if (generate.status !== 0) {
  process.stderr.write(generate.stdout + generate.stderr);
  process.exit(1);
}
const added = [...list()].filter((file) => !before.has(file));
if (added.length > 0) {
  for (const file of added) rmSync(join(dir, file), { force: true });
  spawnSync('sh', ['-c', `cat > ${journal}`], { input: journalBefore });
  console.error(
    `The schema changed without a migration. Run npm run db:generate and commit it (would add: ${added.join(', ')}).`,
  );
  process.exit(1);
}
console.log('migrations match the schema');
