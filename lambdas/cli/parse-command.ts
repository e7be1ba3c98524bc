/**
 * `duofeed parse PATH|URL…` — one article JSON per input on stdout (JSON Lines), each with
 * "input" set to the argument it came from. A directory stands for the files in it. An input
 * that fails gives {"input", "error"} and the exit code is 1 — after every other input has
 * been written. Progress and warnings go to stderr only.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { feedKindOf, type FeedKind } from '../core/links.js';
import { parseArticle } from '../core/parse/index.js';
import type { Article } from '../core/article.js';
import { renderTmx, renderTsv, type ExportItem } from '../core/feed/exports.js';
import { safeHttpUrl } from '../core/feed/escape.js';
import { loadPinyin } from '../core/feed/zh.js';
import { readArgs } from './args.js';

/** An article for the exports: each pair links to the page it came from, when that is a web page. */
function exportItem(article: Article): ExportItem {
  const url = safeHttpUrl(article.url);
  return { article, ...(url ? { linkFor: () => url } : {}) };
}

const USAGE = `usage: duofeed parse [--format jsonl|tmx|tsv] [--pretty] [--allow-private] [--quiet] PATH|URL|-…

Parses bilingual (English/Chinese) article pages into aligned articles, one JSON object
per input on stdout (JSON Lines). PATH may be a file (HTML in UTF-8/GBK/GB18030/Big5, or
plain text) or a directory (its files, sorted; *.expected.json and dotfiles skipped; its
sub-folders are not entered, and each one skipped is named on stderr). \`-\` reads one page
from standard input. URL inputs (http/https only) are fetched politely. A feed (RSS, Atom,
JSON Feed) is not an article: it is reported as one, to be added as a source instead.

  --format F       jsonl (default): the article JSON, one line per input;
                   tmx: one TMX 1.4b file of every sentence pair (translation memory);
                   tsv: Anki cards, one row per sentence pair (English, Chinese, pinyin, link)
  --pretty         indent the JSON (one object per input, no longer one per line)
  --allow-private  allow URLs on private/loopback addresses (local samples only)
  --quiet          no warnings on stderr
Exit code: 0 if every input parsed, 1 if any failed (its line carries "error"), 2 on usage errors.`;

type Format = 'jsonl' | 'tmx' | 'tsv';
const FORMATS: readonly Format[] = ['jsonl', 'tmx', 'tsv'];

interface Options {
  format: Format;
  pretty: boolean;
  allowPrivate: boolean;
  quiet: boolean;
  inputs: string[];
}

const FLAGS = {
  format: { type: 'string' },
  pretty: { type: 'boolean' },
  'allow-private': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

/** What an input argument names. Only `scheme://` counts as a URL, so `notes:v2.html` stays a file name. */
type Input = { kind: 'stdin' } | { kind: 'url' } | { kind: 'unsupported'; scheme: string } | { kind: 'path' };

export function classifyInput(input: string): Input {
  if (input === '-') return { kind: 'stdin' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(input)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'path' };
  return scheme === 'http' || scheme === 'https' ? { kind: 'url' } : { kind: 'unsupported', scheme };
}

const FEED_NAMES: Record<FeedKind, string> = { rss: 'an RSS feed', atom: 'an Atom feed', 'json-feed': 'a JSON Feed' };

/** A feed handed over as an article page: say what it is and what to do with it. */
function feedMessage(input: string, kind: FeedKind): string {
  const how =
    kind === 'json-feed'
      ? 'add the site as a source instead, with its RSS/Atom feed or an HTML index page (see README: Adding a site)'
      : `add it as a source instead ("kind": "${kind}"; see README: Adding a site)`;
  return `${input}: this is a feed (${FEED_NAMES[kind]}), not an article page; ${how}`;
}

/** Expand directories to their files (sorted), leaving files, URLs and stdin as they are. */
async function expand(input: string, warn: (message: string) => void): Promise<string[]> {
  if (classifyInput(input).kind !== 'path') return [input];
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
    const entry = await stat(p).catch(() => undefined);
    if (entry?.isFile()) out.push(p);
    // Not entered: an article folder's sub-folders hold index pages, assets and the like.
    else if (entry?.isDirectory()) warn(`${input}: skipping sub-folder ${n}/ (folders are not entered; name it to parse its files)`);
  }
  return out;
}

type Line = Record<string, unknown>;
type Parsed = { line: Line; warnings: string[] };

const failed = (input: string, error: string): Parsed => ({ line: { input, error }, warnings: [] });

function parseBytes(input: string, page: { bytes: Uint8Array; contentType?: string; url?: string; path?: string }): Parsed {
  const feed = feedKindOf(page.bytes, page.contentType);
  if (feed) return failed(input, feedMessage(input, feed));
  const r = parseArticle(page);
  return r.ok ? { line: { input, ...r.article }, warnings: r.warnings } : failed(input, `${input}: ${r.reason}`);
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseOne(input: string, opts: Options, state: { stdinRead: boolean }): Promise<Parsed> {
  const what = classifyInput(input);
  if (what.kind === 'unsupported') {
    const hint = what.scheme === 'file' ? '; give the file\'s path instead' : '';
    return failed(input, `${input}: unsupported scheme '${what.scheme}:' (parse reads http and https URLs, file paths, and - for standard input${hint})`);
  }
  if (what.kind === 'stdin') {
    if (state.stdinRead) return failed(input, '-: standard input was already read (give - once)');
    state.stdinRead = true;
    return parseBytes(input, { bytes: await readStdin() });
  }
  if (what.kind === 'url') {
    const { fetchPage, FetchError } = await import('../adapters/http-fetcher.js');
    let page;
    try {
      page = await fetchPage(input, { allowPrivateNetwork: opts.allowPrivate });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const hint = err instanceof FetchError && err.addressRefused ? '; pass --allow-private to fetch from loopback or private addresses (your own local pages, such as the samples)' : '';
      return failed(input, `${message}${hint}`);
    }
    return parseBytes(input, { bytes: page.bytes, ...(page.contentType ? { contentType: page.contentType } : {}), url: page.url });
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(input);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    return failed(input, `${input}: cannot read: ${why}`);
  }
  return parseBytes(input, { bytes, path: input });
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
  const format = args.values.format ?? 'jsonl';
  const usageError = !FORMATS.includes(format as Format)
    ? `--format must be jsonl, tmx or tsv (got '${format}')`
    : format !== 'jsonl' && args.values.pretty
      ? `--pretty indents JSON; it does not apply to --format ${format}`
      : undefined;
  if (usageError) {
    process.stderr.write(`duofeed parse: ${usageError}\n${USAGE}\n`);
    return 2;
  }
  const opts: Options = {
    format: format as Format,
    pretty: args.values.pretty ?? false,
    allowPrivate: args.values['allow-private'] ?? false,
    quiet: args.values.quiet ?? false,
    inputs: args.positionals,
  };
  const warn = (message: string) => {
    if (!opts.quiet) process.stderr.write(`duofeed parse: ${message}\n`);
  };
  const state = { stdinRead: false };
  let failures = 0;
  let done = 0;
  // tmx/tsv: one document of every article's sentence pairs, written once all inputs are read.
  const articles: ExportItem[] = [];
  for (const arg of opts.inputs) {
    for (const input of await expand(arg, (m) => warn(`warning: ${m}`))) {
      const { line, warnings } = await parseOne(input, opts, state);
      if ('error' in line) {
        failures++;
        warn(String(line.error));
      }
      for (const w of warnings) warn(`${input}: warning: ${w}`);
      done++;
      if (opts.format !== 'jsonl') {
        if (!('error' in line)) articles.push(exportItem(line as unknown as Article));
        continue;
      }
      process.stdout.write(`${opts.pretty ? JSON.stringify(line, null, 2) : JSON.stringify(line)}\n`);
    }
  }
  if (opts.format === 'tmx') process.stdout.write(renderTmx(articles));
  else if (opts.format === 'tsv') process.stdout.write(renderTsv(articles, await loadPinyin()));
  if (failures > 0) warn(`${failures} of ${done} inputs failed`);
  return failures > 0 ? 1 : 0;
}
