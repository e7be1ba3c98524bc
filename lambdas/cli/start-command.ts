/**
 * `duofeed start` (`npm start`): ingest the sample sources on embedded stand-ins, then serve
 * the feeds on http://127.0.0.1:8080 (PORT overrides) until Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { readArgs } from './args.js';
import { SAMPLE_SITE } from '../local/sample-site.js';

const HELP = `usage: duofeed start [--fresh] [--once] [--json] [--data DIR] [--sources FILE] [--samples DIR] [--pace MS]

Runs fetch → parse over the sample sources on in-process stand-ins (dynalite for DynamoDB,
fauxqs for S3 and SQS), then serves the feeds on http://127.0.0.1:8080 (PORT overrides).

  --fresh          delete the local data folder first (default .duofeed/)
  --once           ingest, print a summary and exit (no feed server)
  --json           with --once: the summary as one JSON line on stdout (durations in ms),
                   progress on stderr
  --data DIR       local data folder (default .duofeed)
  --sources FILE   sources file with {{base}} placeholders (default samples/sources.json)
  --samples DIR    folder served as the sample site (default samples)
  --pace MS        override the sample sources' minDelayMs (default: as in the file)
`;

/** Errors about the user's setup, reported as their message (by name: their classes load lazily). */
const USER_ERRORS = new Set(['DataFolderInUseError', 'LocalStateError', 'SourcesConfigError', 'ConfigError']);

interface Args {
  fresh: boolean;
  once: boolean;
  json: boolean;
  data: string;
  sources: string;
  samples: string;
  pace?: number;
}

const FLAGS = {
  fresh: { type: 'boolean' },
  once: { type: 'boolean' },
  json: { type: 'boolean' },
  data: { type: 'string', default: '.duofeed' },
  sources: { type: 'string', default: 'samples/sources.json' },
  samples: { type: 'string', default: 'samples' },
  pace: { type: 'string' },
} as const;

function toArgs(values: { fresh?: boolean; once?: boolean; json?: boolean; data: string; sources: string; samples: string; pace?: string }): Args | string {
  const a: Args = { fresh: values.fresh ?? false, once: values.once ?? false, json: values.json ?? false, data: values.data, sources: values.sources, samples: values.samples };
  if (a.json && !a.once) return '--json needs --once (it prints the ingest summary, then exits)';
  if (values.pace !== undefined) {
    const v = Number(values.pace);
    if (values.pace.trim() === '' || !Number.isInteger(v) || v < 0) return `--pace needs a whole number of milliseconds`;
    a.pace = v;
  }
  return a;
}

export async function run(argv: string[]): Promise<number> {
  const read = readArgs(argv, FLAGS, { positionals: false });
  if (read.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const args = 'error' in read ? read.error : toArgs(read.values);
  if (typeof args === 'string') {
    process.stderr.write(`duofeed start: ${args}\n${HELP}`);
    return 2;
  }
  for (const [what, path, flag] of [['sources file', args.sources, '--sources'], ['samples folder', args.samples, '--samples']] as const) {
    if (!existsSync(path)) {
      process.stderr.write(`duofeed start: ${what} ${path} not found (run from the repository root, or pass ${flag})\n`);
      return 2;
    }
  }
  const portOf = (name: string, fallback: string): number | undefined => {
    const text = process.env[name] ?? fallback;
    const n = Number(text);
    if (text.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 65535) return n;
    process.stderr.write(`duofeed start: ${name} must be a port number (0 for any free port), got ${JSON.stringify(text)}\n`);
    return undefined;
  };
  const port = args.once ? 0 : portOf('PORT', '8080');
  const samplesPort = portOf('SAMPLES_PORT', String(new URL(SAMPLE_SITE).port));
  if (port === undefined || samplesPort === undefined) return 2;

  // With --json, stdout carries the summary alone (`| jq .`); progress goes to stderr.
  const progress = args.json ? process.stderr : process.stdout;
  const out = (line: string) => progress.write(line + '\n');
  out(`duofeed start — local data in ${args.data}/ (kept between runs; --fresh starts over)`);
  const { startLocal } = await import('../local/run.js');
  let stack;
  try {
    stack = await startLocal({ dataDir: args.data, samplesDir: args.samples, sourcesFile: args.sources, fresh: args.fresh, out, samplesPort, ...(args.pace !== undefined ? { paceMs: args.pace } : {}) });
  } catch (err) {
    // What the user can fix (folder in use, a bad sources file, --fresh on a foreign folder): one line, no trace.
    if (!(err instanceof Error) || !USER_ERRORS.has(err.name)) throw err;
    process.stderr.write(`duofeed start: ${err.message}\n`);
    return 1;
  }

  if (args.once) {
    if (args.json) process.stdout.write(`${JSON.stringify(stack.summary)}\n`);
    await stack.close();
    return stack.summary.parsed.failed > 0 || stack.summary.sources.some((s) => s.failed > 0) ? 1 : 0;
  }

  const [{ makeFeedHandler }, { serveFunctionUrl }, { systemClock }] = await Promise.all([
    import('../feed/handler.js'),
    import('../adapters/function-url-server.js'),
    import('../adapters/clock.js'),
  ]);
  const feed = makeFeedHandler({ reader: stack.store, sources: stack.sources, clock: systemClock, cursorKey: stack.cursorKey });
  let server;
  try {
    server = await serveFunctionUrl(feed, { host: '127.0.0.1', port });
  } catch (err) {
    await stack.close();
    const inUse = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
    process.stderr.write(`duofeed start: cannot serve feeds on 127.0.0.1:${port}: ${inUse ? 'port in use (set PORT=… to use another)' : (err as Error).message}\n`);
    return 1;
  }
  const base = server.url.replace(/\/$/, '');
  const first = stack.summary.articles[0];
  out('');
  out(`feeds      ready in ${(stack.summary.durations.totalMs / 1000).toFixed(1)} s — Ctrl-C stops`);
  out(`  index            ${base}/`);
  out(`  all sources      ${base}/feeds/all.atom   (also .rss, .json; ?lang=en|zh|bi)`);
  for (const s of stack.sources) out(`  ${s.id.padEnd(16)} ${base}/feeds/${s.id}.atom`);
  if (first) out(`  an article       ${base}/articles/${first.id}`);
  out(`  OPML             ${base}/opml`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  out('\nstopping…');
  await server.close();
  await stack.close();
  return 0;
}
