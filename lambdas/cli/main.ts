/**
 * `duofeed` — the command line. Each subcommand lives in its own module and is loaded on
 * demand, so `duofeed parse` never pays for the AWS SDK or the local stand-ins.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> }> = {
  parse: { summary: 'parse PATH|URL…  one article JSON per input (JSON Lines)', load: () => import('./parse-command.js') },
  start: { summary: 'start [--fresh]  run fetch → parse over the sample sources locally, then serve the feeds', load: () => import('./start-command.js') },
  reprocess: { summary: 'reprocess [--source ID]  re-parse stored raw pages with the current parser', load: () => import('./reprocess-command.js') },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  duofeed ${c.summary}`);
  return ['usage:', ...lines, '', 'duofeed COMMAND --help for more.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`duofeed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
