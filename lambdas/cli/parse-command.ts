/**
 * `duofeed parse PATH|URL…` — one article JSON per input on stdout (JSON Lines), each with
 * "input" set to the argument it came from. A directory stands for the files in it. An input
 * that fails gives {"input", "error"} and the exit code is 1 — after every other input has
 * been written. Progress and warnings go to stderr only. Several pages at once: each site's
 * boilerplate is learnt from them first (parse-learn.ts); --no-learn parses each on its own.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { feedKindOf, type FeedKind } from '../core/links.js';
import { BOILERPLATE_MIN_ARTICLES } from '../core/parse/heuristics.js';
import { parseArticle } from '../core/parse/index.js';
import type { Article } from '../core/article.js';
import { renderTmx, renderTsv, type ExportItem } from '../core/feed/exports.js';
import { safeHttpUrl } from '../core/feed/escape.js';
import { loadPinyin } from '../core/feed/zh.js';
import { readArgs } from './args.js';
import { SiteLearning, type Loaded, type PageBytes } from './parse-learn.js';
import { MAX_PAGE_BYTES, tooLargeMessage } from '../core/limits.js';

/** An article for the exports: each pair links to the page it came from, when that is a web page. */
function exportItem(article: Article): ExportItem {
  const url = safeHttpUrl(article.url);
  return { article, ...(url ? { linkFor: () => url } : {}) };
}

const USAGE = `usage: duofeed parse [--format jsonl|tmx|tsv] [--pretty] [--allow-private] [--quiet] [--no-learn] PATH|URL|-…

Parses bilingual (English/Chinese) article pages into aligned articles, one JSON object
per input on stdout (JSON Lines). PATH may be a file (HTML in UTF-8/GBK/GB18030/Big5, or
plain text) or a directory (its files, sorted; *.expected.json and dotfiles skipped; its
sub-folders are not entered, and each one skipped is named on stderr). \`-\` reads one page
from standard input. URL inputs (http/https only) are fetched politely. A feed (RSS, Atom,
JSON Feed) is not an article: it is reported as one, to be added as a source instead.
Given several pages, parse learns each site's boilerplate from them first: a line that
stands verbatim on ${BOILERPLATE_MIN_ARTICLES} or more articles of one site (its URL's host, else the
input's folder) is dropped from the body; stderr says how many lines each site taught.

  --format F       jsonl (default): the article JSON, one line per input;
                   tmx: one TMX 1.4b file of every sentence pair (translation memory);
                   tsv: Anki cards, one row per sentence pair (English, Chinese, pinyin, link)
  --pretty         indent the JSON (one object per input, no longer one per line)
  --allow-private  allow URLs on private/loopback addresses (local samples only)
  --quiet          no warnings or notes on stderr
  --no-learn       parse each page on its own, learning nothing from the others
Exit code: 0 if every input parsed, 1 if any failed (its line carries "error"), 2 on usage errors.`;

type Format = 'jsonl' | 'tmx' | 'tsv';
const FORMATS: readonly Format[] = ['jsonl', 'tmx', 'tsv'];

interface Options {
  format: Format;
  pretty: boolean;
  allowPrivate: boolean;
  quiet: boolean;
  learn: boolean;
  inputs: string[];
}

const FLAGS = {
  format: { type: 'string' },
  pretty: { type: 'boolean' },
  'allow-private': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'no-learn': { type: 'boolean' },
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

function parseBytes(input: string, page: PageBytes, boilerplate?: ReadonlySet<string>): Parsed {
  const feed = feedKindOf(page.bytes, page.contentType);
  if (feed) return failed(input, feedMessage(input, feed));
  const r = parseArticle(boilerplate ? { ...page, boilerplate } : page);
  return r.ok ? { line: { input, ...r.article }, warnings: r.warnings } : failed(input, `${input}: ${r.reason}`);
}

const NOTHING_LEARNT: ReadonlySet<string> = new Set();

/** The learning pass's view of a page: its id, URL and lines (undefined for a feed or a page that does not parse). */
function firstPass(_input: string, page: PageBytes) {
  if (feedKindOf(page.bytes, page.contentType)) return undefined;
  const r = parseArticle({ ...page, boilerplate: NOTHING_LEARNT });
  return r.ok ? { id: r.article.id, ...(r.article.url ? { url: r.article.url } : {}), lines: r.boilerplate?.lines ?? [] } : undefined;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An input's bytes, or why they cannot be had. */
async function loadOne(input: string, opts: Options, state: { stdinRead: boolean }): Promise<Loaded> {
  const what = classifyInput(input);
  if (what.kind === 'unsupported') {
    const hint = what.scheme === 'file' ? '; give the file\'s path instead' : '';
    return { ok: false, error: `${input}: unsupported scheme '${what.scheme}:' (parse reads http and https URLs, file paths, and - for standard input${hint})` };
  }
  if (what.kind === 'stdin') {
    if (state.stdinRead) return { ok: false, error: '-: standard input was already read (give - once)' };
    state.stdinRead = true;
    const bytes = await readStdin();
    if (bytes.length > MAX_PAGE_BYTES) return { ok: false, error: tooLargeMessage('-', bytes.length) };
    return { ok: true, page: { bytes } };
  }
  if (what.kind === 'url') {
    const { fetchPage, FetchError } = await import('../adapters/http-fetcher.js');
    let page;
    try {
      page = await fetchPage(input, { allowPrivateNetwork: opts.allowPrivate });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const hint = err instanceof FetchError && err.addressRefused ? '; pass --allow-private to fetch from loopback or private addresses (your own local pages, such as the samples)' : '';
      if (err instanceof FetchError && err.code === 'too-large') return { ok: false, error: tooLargeMessage(input, undefined) };
      return { ok: false, error: `${message}${hint}` };
    }
    return { ok: true, page: { bytes: page.bytes, ...(page.contentType ? { contentType: page.contentType } : {}), url: page.url } };
  }
  let bytes: Uint8Array;
  try {
    // Refused before it is read: the size alone says so.
    const size = (await stat(input)).size;
    if (size > MAX_PAGE_BYTES) return { ok: false, error: tooLargeMessage(input, size) };
    bytes = await readFile(input);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    return { ok: false, error: `${input}: cannot read: ${why}` };
  }
  return { ok: true, page: { bytes, path: input } };
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
    learn: !(args.values['no-learn'] ?? false),
    inputs: args.positionals,
  };
  const warn = (message: string) => {
    if (!opts.quiet) process.stderr.write(`duofeed parse: ${message}\n`);
  };
  const state = { stdinRead: false };
  const inputs: string[] = [];
  for (const arg of opts.inputs) inputs.push(...(await expand(arg, (m) => warn(`warning: ${m}`))));
  const load = (input: string) => loadOne(input, opts, state);
  // Fewer pages than a line needs to be learnt: nothing to learn, one pass.
  const learning = opts.learn && inputs.length >= BOILERPLATE_MIN_ARTICLES ? await SiteLearning.learn(inputs, { load, reloadable: (i) => classifyInput(i).kind === 'path', firstPass }) : undefined;
  try {
    for (const n of learning?.notes ?? []) {
      if (n.pages > 1) warn(`${n.site}: learnt ${n.lines} boilerplate line(s) from ${n.pages} pages (--no-learn turns this off)`);
    }
    let failures = 0;
    let done = 0;
    // tmx/tsv: one document of every article's sentence pairs, written once all inputs are read.
    const articles: ExportItem[] = [];
    for (const [i, input] of inputs.entries()) {
      const loaded = learning ? await learning.load(i) : await load(input);
      const { line, warnings } = loaded.ok ? parseBytes(input, loaded.page, learning?.learntFor(i)) : failed(input, loaded.error);
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
    if (opts.format === 'tmx') process.stdout.write(renderTmx(articles));
    else if (opts.format === 'tsv') process.stdout.write(renderTsv(articles, await loadPinyin()));
    if (failures > 0) warn(`${failures} of ${done} inputs failed`);
    return failures > 0 ? 1 : 0;
  } finally {
    learning?.close();
  }
}
