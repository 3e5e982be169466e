#!/usr/bin/env node
// The `verity` command. The server is TypeScript run through tsx (see docs/adr/0001).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../apps/server/src/cli/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), process.env);
