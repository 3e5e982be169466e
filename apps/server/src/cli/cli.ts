/**
 * `verity <command>`: the command line. Reads the environment once (like main.ts) and
 * calls the same services the HTTP API uses.
 */
const usage = `Usage: verity <command> [options]

  serve                         start the server (what npm start runs)
  identify [--json]             identify codes: one input per line on stdin, one JSON object per line out
  migrate                       apply database migrations and exit
  seed --products N [--brands M]  generate a synthetic catalog into the configured database
  import FILE --organisation ID   import a CSV or JSON-lines catalog file for a right holder
  user create --email E --name N --organisation ID --role R [--password P]
                                create a user (password from --password or VERITY_PASSWORD)
  org create --kind K --name N [--country CC]   create an organisation
  openapi                       print the OpenAPI document
  bench [--products N] [--engines postgres,pglite] [--duration S]  run the benchmarks

Environment: PORT, HOST, DATABASE_URL, VERITY_DATA_DIR, VERITY_MODE (demo|production), LOG_LEVEL.`;

export async function runCli(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        const { main } = await import('../main');
        await main(env);
        return await new Promise<number>(() => {}); // runs until a signal stops it
      }
      case 'identify': {
        const { runIdentifyCommand } = await import('./identify.command');
        await runIdentifyCommand(process.stdin, process.stdout);
        return 0;
      }
      case 'migrate':
      case 'seed':
      case 'import':
      case 'user':
      case 'org':
      case 'openapi': {
        const { runDatabaseCommand } = await import('./database-commands');
        return await runDatabaseCommand(command, rest, env);
      }
      case 'bench': {
        const { runBench } = await import('../../../../bench/run');
        return await runBench(rest, env);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(usage + '\n');
        return command ? 0 : 1;
      default:
        process.stderr.write(`Unknown command: ${command}\n\n${usage}\n`);
        return 1;
    }
  } catch (error) {
    process.stderr.write(`verity ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
