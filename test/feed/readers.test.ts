/**
 * Real readers against the real handler served as a Function URL on 127.0.0.1: jing with the
 * RFC 4287 schema, Python feedparser, newsboat (read back from its SQLite cache), and plain
 * HTTP conditional GETs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../lambdas/core/article.js';
import { serveFunctionUrl } from '../../lambdas/adapters/function-url-server.js';
import { viewTitle, type FeedLang } from '../../lambdas/core/feed/content.js';
import { makeFeedHandler } from '../../lambdas/feed/handler.js';
import { FIXED_CLOCK, MemoryReader, SOURCES, STATES, allArticles } from './fixtures.js';
import { requireTool, run } from './tools.js';
import { TEST_CURSOR_KEY } from '../support/cursor-key.js';

const SCHEMA = resolve('../shared/schemas/atom.rnc');
const PYTHON = '/usr/bin/python3';
const DUMP = resolve('test/feed/feedparser_dump.py');
const SCOPES = ['all', 'sample-mil', 'sample-daily'] as const;
const LANGS: FeedLang[] = ['bi', 'en', 'zh'];
const FORMATS = ['atom', 'rss', 'json'] as const;
const VARIANTS = SCOPES.flatMap((scope) => LANGS.flatMap((lang) => FORMATS.map((format) => ({ scope, lang, format, name: `${scope}.${format}?lang=${lang}` }))));

interface ParsedEntry {
  id: string;
  title: string;
  published: string;
  published_epoch: number;
  language: string;
  author: string | null;
  link: string;
  content: string;
}
interface Parsed {
  bozo: number;
  bozo_exception: string;
  version: string;
  title: string;
  language: string;
  links: Record<string, string | null>;
  entries: ParsedEntry[];
}

const articles = allArticles(4);
const reader = new MemoryReader(articles, STATES);
const requests: { path: string; query: string; status: number; inm?: string }[] = [];
let server: { url: string; close(): Promise<void> };
let dir: string;
const files = new Map<string, string>();
let parsed: Record<string, Parsed>;
let jing: { code: number; out: string };

async function expectedFor(scope: string, _lang: FeedLang): Promise<StoredArticle[]> {
  return (await reader.list(scope === 'all' ? undefined : scope, { limit: 50 })).items;
}

beforeAll(async () => {
  requireTool('/usr/bin/jing', 'jing');
  requireTool(PYTHON, 'python3');
  requireTool('/usr/bin/newsboat', 'newsboat');
  const probe = await run(PYTHON, ['-c', 'import feedparser']);
  if (probe.code !== 0) throw new Error(`${PYTHON} cannot import feedparser: install the Debian package 'python3-feedparser' (${probe.stderr.trim()})`);

  const handler = makeFeedHandler({ reader, sources: SOURCES, clock: FIXED_CLOCK, cursorKey: TEST_CURSOR_KEY });
  server = await serveFunctionUrl(async (e: LambdaFunctionURLEvent) => {
    const r = await handler(e);
    const status = typeof r === 'object' && r.statusCode ? r.statusCode : 200;
    requests.push({ path: e.rawPath, query: e.rawQueryString, status, ...(e.headers['if-none-match'] ? { inm: e.headers['if-none-match'] } : {}) });
    return r;
  }, { host: '127.0.0.1', port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'duofeed-readers-'));
  for (const v of VARIANTS) {
    const res = await fetch(`${server.url}/feeds/${v.scope}.${v.format}?lang=${v.lang}`);
    if (res.status !== 200) throw new Error(`${v.name}: HTTP ${res.status}`);
    const file = join(dir, `${v.scope}-${v.lang}.${v.format}`);
    writeFileSync(file, await res.text());
    files.set(v.name, file);
  }
  const atomFiles = VARIANTS.filter((v) => v.format === 'atom').map((v) => files.get(v.name)!);
  const j = await run('/usr/bin/jing', ['-c', SCHEMA, ...atomFiles]);
  jing = { code: j.code, out: j.stdout + j.stderr.split('\n').filter((l) => !l.startsWith('[warning]')).join('\n') };
  const fp = await run(PYTHON, [DUMP, ...files.values()]);
  if (fp.code !== 0) throw new Error(`feedparser script failed: ${fp.stderr}`);
  parsed = JSON.parse(fp.stdout) as Record<string, Parsed>;
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('jing: every Atom variant validates against RFC 4287', () => {
  it.each(VARIANTS.filter((v) => v.format === 'atom'))('$name', (v) => {
    const file = files.get(v.name)!;
    expect(jing.out.split('\n').filter((l) => l.startsWith(file))).toEqual([]);
  });
  it('jing exits 0', () => {
    expect(jing).toEqual({ code: 0, out: expect.not.stringMatching(/error/i) });
  });
});

describe('Python feedparser reads every variant', () => {
  it.each(VARIANTS)('$name', async (v) => {
    const p = parsed[files.get(v.name)!]!;
    expect(p.bozo_exception).toBe('');
    expect(p.bozo).toBe(0);
    expect(p.version).toBe({ atom: 'atom10', rss: 'rss20', json: 'json11' }[v.format]);
    const source = SOURCES.find((s) => s.id === v.scope);
    expect(p.title).toContain(v.scope === 'all' ? 'all sources' : source!.name);
    expect(p.language).toBe(v.lang === 'bi' ? 'en' : v.lang);
    expect(p.links.self).toBe(`${server.url}/feeds/${v.scope}.${v.format}${v.lang === 'bi' ? '' : `?lang=${v.lang}`}`);

    const expected = await expectedFor(v.scope, v.lang);
    expect(p.entries).toHaveLength(expected.length);
    p.entries.forEach((e, n) => {
      const a = expected[n]!;
      expect(e.id).toBe(`tag:duofeed,2026:article/${a.id}${v.lang === 'bi' ? '' : `/${v.lang}`}`);
      expect(e.title).toBe(viewTitle(a, v.lang));
      expect(e.published_epoch * 1000).toBe(Date.parse(a.published ?? a.firstSeen));
      expect(e.published).not.toMatch(/CST|GMT/);
      expect(e.language).toBe(v.lang === 'bi' ? 'en' : v.lang);
      expect(e.link).toBe(`${server.url}/articles/${a.id}`);
      // feedparser's own sanitiser would strip these; they must not be there to strip.
      expect(e.content).not.toMatch(/<script|<img|onerror="/i);
      // What feedparser hands a reader (its sanitised HTML) still shows each pair as one unit:
      // the <hr> rules between segments survive, one unit per segment with text, then notes, then links.
      const rules = (e.content.match(/<hr\s*\/?>/g) ?? []).length;
      const units = a.segments.filter((s) => (s.en?.length ?? 0) + (s.zh?.length ?? 0) > 0).length + (a.authorNote || a.editorNote ? 1 : 0);
      expect(rules, e.id).toBe(v.lang === 'bi' ? units : 0);
    });
  });
});

// newsboat keeps one copy of an item per guid across all its subscriptions (the same article
// in the same view has the same id in every feed that carries it, by design), so each run
// subscribes to a set of feeds that share no ids: one format, and either `all` or the sources.
const NEWSBOAT_GROUPS = (['atom', 'rss'] as const).flatMap((format) => [
  { name: `all.${format} × 3 views`, variants: VARIANTS.filter((v) => v.format === format && v.scope === 'all') },
  { name: `each source.${format} × 3 views`, variants: VARIANTS.filter((v) => v.format === format && v.scope !== 'all') },
]);

describe('newsboat stores the same items', () => {
  it.each(NEWSBOAT_GROUPS)('$name: reload fills its cache, revalidation gets 304s', async ({ variants }) => {
    const home = mkdtempSync(join(tmpdir(), 'duofeed-newsboat-'));
    try {
      const urlOf = (v: (typeof VARIANTS)[number]) => `${server.url}/feeds/${v.scope}.${v.format}?lang=${v.lang}`;
      writeFileSync(join(home, 'urls'), variants.map(urlOf).join('\n') + '\n');
      writeFileSync(join(home, 'config'), 'download-timeout 20\nreload-threads 2\n');
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', TERM: 'dumb', no_proxy: '*', http_proxy: '', https_proxy: '' };
      const args = ['-x', 'reload', '-u', 'urls', '-c', 'cache.db', '-C', 'config'];
      const first = await run('/usr/bin/newsboat', args, { cwd: home, env, timeoutMs: 90_000 });
      expect(first.code, first.stderr).toBe(0);

      const script = `
import json, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute('select feedurl, guid, title, author, url, pubDate, content from rss_item').fetchall()
feeds = c.execute('select rssurl, title from rss_feed').fetchall()
json.dump({'items': rows, 'feeds': feeds}, sys.stdout, ensure_ascii=False)`;
      const dump = await run(PYTHON, ['-c', script, join(home, 'cache.db')]);
      expect(dump.code, dump.stderr).toBe(0);
      const cache = JSON.parse(dump.stdout) as { items: [string, string, string, string, string, number, string][]; feeds: [string, string][] };
      expect(cache.feeds).toHaveLength(variants.length);

      for (const v of variants) {
        const stored = cache.items.filter((r) => r[0] === urlOf(v));
        const expected = await expectedFor(v.scope, v.lang);
        const suffix = v.lang === 'bi' ? '' : `/${v.lang}`;
        expect(stored.map((r) => r[1]).sort(), v.name).toEqual(expected.map((a) => `tag:duofeed,2026:article/${a.id}${suffix}`).sort());
        for (const [, guid, title, , url, pubDate, content] of stored) {
          const a = expected.find((x) => guid.includes(x.id))!;
          // newsboat renders what it stored: in the bilingual view a rule between every pair.
          const units = a.segments.filter((s) => (s.en?.length ?? 0) + (s.zh?.length ?? 0) > 0).length + (a.authorNote || a.editorNote ? 1 : 0);
          expect((content.match(/<hr\s*\/?>/g) ?? []).length, guid).toBe(v.lang === 'bi' ? units : 0);
          expect(title).toBe(viewTitle(a, v.lang));
          expect(url).toBe(`${server.url}/articles/${a.id}`);
          expect(pubDate * 1000).toBe(Date.parse(a.published ?? a.firstSeen));
        }
      }

      // newsboat 2.21 saves a feed's validators with an UPDATE that, on the very first reload,
      // runs before the feed's row exists; the second reload stores them, the third sends them.
      const second = await run('/usr/bin/newsboat', args, { cwd: home, env, timeoutMs: 90_000 });
      expect(second.code, second.stderr).toBe(0);
      const before = requests.length;
      const third = await run('/usr/bin/newsboat', args, { cwd: home, env, timeoutMs: 90_000 });
      expect(third.code, third.stderr).toBe(0);
      const revalidations = requests.slice(before);
      expect(revalidations).toHaveLength(variants.length);
      expect(revalidations.filter((r) => r.status !== 304 || !r.inm)).toEqual([]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 200_000);
});

describe('conditional GET over HTTP', () => {
  it.each(['/feeds/all.atom', '/feeds/sample-mil.rss?lang=zh', '/feeds/all.json?lang=en', `/articles/${articles[0]!.id}`, '/', '/opml'])('%s: ETag → 304, no body, the representation\'s own content-type', async (path) => {
    const first = await fetch(`${server.url}${path}`);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    for (const headers of [{ 'if-none-match': etag! }, { 'if-none-match': etag!, 'accept-encoding': 'gzip' }] as Record<string, string>[]) {
      const second = await fetch(`${server.url}${path}`, { headers });
      expect(second.status).toBe(304);
      expect((await second.arrayBuffer()).byteLength).toBe(0);
      // Caches update stored headers from a 304: never the Function URL's application/json default.
      expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    }
  });

  it('gzip goes through the Function URL as a base64 body and comes out intact', async () => {
    const res = await fetch(`${server.url}/feeds/all.atom`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toMatch(/^<\?xml[\s\S]*<\/feed>\n$/);
  });

  it('HEAD returns headers only', async () => {
    const res = await fetch(`${server.url}/feeds/all.rss`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });
});
