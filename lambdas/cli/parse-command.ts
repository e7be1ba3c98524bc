/**
 * `duofeed parse PATH|URL…` — one article JSON per input on stdout (JSON Lines), each with
 * "input" set to the argument it came from. A directory stands for the files in it. An input
 * that fails gives {"input", "error"} and the exit code is 1 — after every other input has
 * been written. Progress and warnings go to stderr only.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArticle } from '../core/parse/index.js';
import { readArgs } from './args.js';

const USAGE = `usage: duofeed parse [--pretty] [--allow-private] [--quiet] PATH|URL…

Parses bilingual (English/Chinese) article pages into aligned articles, one JSON object
per input on stdout (JSON Lines). PATH may be a file (HTML in UTF-8/GBK/GB18030/Big5, or
plain text) or a directory (its files, sorted; *.expected.json and dotfiles skipped).
URL inputs (http/https) are fetched politely.

  --pretty         indent the JSON (one object per input, no longer one per line)
  --allow-private  allow URLs on private/loopback addresses (local samples only)
  --quiet          no warnings on stderr
Exit code: 0 if every input parsed, 1 if any failed (its line carries "error"), 2 on usage errors.`;

interface Options {
  pretty: boolean;
  allowPrivate: boolean;
  quiet: boolean;
  inputs: string[];
}

const FLAGS = {
  pretty: { type: 'boolean' },
  'allow-private': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Expand directories to their files (sorted), leaving files and URLs as they are. */
async function expand(input: string): Promise<string[]> {
  if (isUrl(input)) return [input];
  let st;
  try {
    st = await stat(input);
  } catch {
    return [input]; // reported as an error when read
  }
  if (!st.isDirectory()) return [input];
  const names = (await readdir(input)).filter((n) => !n.startsWith('.') && !n.endsWith('.expected.json')).sort();
  const out: string[] = [];
  for (const n of names) {
    const p = join(input, n);
    if ((await stat(p)).isFile()) out.push(p);
  }
  return out;
}

type Line = Record<string, unknown>;

async function parseOne(input: string, opts: Options): Promise<{ line: Line; warnings: string[] }> {
  if (isUrl(input)) {
    const { fetchPage } = await import('../adapters/http-fetcher.js');
    let page;
    try {
      page = await fetchPage(input, { allowPrivateNetwork: opts.allowPrivate });
    } catch (err) {
      return { line: { input, error: err instanceof Error ? err.message : String(err) }, warnings: [] };
    }
    const r = parseArticle({ bytes: page.bytes, contentType: page.contentType, url: page.url });
    return r.ok ? { line: { input, ...r.article }, warnings: r.warnings } : { line: { input, error: `${input}: ${r.reason}` }, warnings: [] };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(input);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    return { line: { input, error: `${input}: cannot read: ${why}` }, warnings: [] };
  }
  const r = parseArticle({ bytes, path: input });
  return r.ok ? { line: { input, ...r.article }, warnings: r.warnings } : { line: { input, error: `${input}: ${r.reason}` }, warnings: [] };
}

export async function run(argv: string[]): Promise<number> {
  const args = readArgs(argv, FLAGS, { positionals: true });
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ('error' in args || args.positionals.length === 0) {
    process.stderr.write(`duofeed parse: ${'error' in args ? args.error : 'no inputs given'}\n${USAGE}\n`);
    return 2;
  }
  const opts: Options = {
    pretty: args.values.pretty ?? false,
    allowPrivate: args.values['allow-private'] ?? false,
    quiet: args.values.quiet ?? false,
    inputs: args.positionals,
  };
  let failed = 0;
  let done = 0;
  for (const arg of opts.inputs) {
    for (const input of await expand(arg)) {
      const { line, warnings } = await parseOne(input, opts);
      if ('error' in line) {
        failed++;
        if (!opts.quiet) process.stderr.write(`duofeed parse: ${String(line.error)}\n`);
      }
      if (!opts.quiet) for (const w of warnings) process.stderr.write(`duofeed parse: ${input}: warning: ${w}\n`);
      process.stdout.write(`${opts.pretty ? JSON.stringify(line, null, 2) : JSON.stringify(line)}\n`);
      done++;
    }
  }
  if (failed > 0 && !opts.quiet) process.stderr.write(`duofeed parse: ${failed} of ${done} inputs failed\n`);
  return failed > 0 ? 1 : 0;
}
