/**
 * `duofeed` — the command line. Each subcommand lives in its own module and is loaded on
 * demand, so `duofeed parse` never pays for the AWS SDK or the local stand-ins.
 *
 * Expected conditions end with one line on stderr and an exit code, never a stack trace:
 * a command reports its own refusals; an error that reaches here (a ConfigError, a data
 * folder in use) is printed as its message; a reader that closes the pipe early (`| head`)
 * ends the command quietly.
 */
import pkg from '../../package.json' with { type: 'json' };
import { quietSdkNodeNotice } from '../local/node-support.js';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> }> = {
  parse: { summary: 'parse PATH|URL|-…  one article JSON per input (JSON Lines)', load: () => import('./parse-command.js') },
  start: { summary: 'start [--fresh] [--once]  run fetch → parse over the sample sources locally, then serve the feeds', load: () => import('./start-command.js') },
  reprocess: { summary: 'reprocess [--source ID]  re-parse stored raw pages with the current parser', load: () => import('./reprocess-command.js') },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  duofeed ${c.summary}`);
  return ['usage:', ...lines, '', 'duofeed COMMAND --help for more; duofeed --version.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(`duofeed ${pkg.version} (Node.js ${process.versions.node})\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`duofeed: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  const mod = await command.load();
  return mod.run(rest);
}

// A closed pipe (`duofeed parse … | head -c 300`) is the reader saying it has enough.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

quietSdkNodeNotice();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Errors name their input and reason (ConfigError, a data folder in use, a bad sources file…).
    process.stderr.write(`duofeed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
