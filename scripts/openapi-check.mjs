#!/usr/bin/env node
// Fails when the committed OpenAPI document differs from what the code generates.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const committed = 'apps/server/openapi.json';
const generated = spawnSync('node', ['bin/verity.mjs', 'openapi'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (generated.status !== 0) {
  process.stderr.write(generated.stderr);
  process.exit(1);
}
if (generated.stdout !== readFileSync(committed, 'utf8')) {
  console.error(`${committed} is out of date: run npm run openapi:write and commit it.`);
  process.exit(1);
}
console.log('OpenAPI document is up to date');
