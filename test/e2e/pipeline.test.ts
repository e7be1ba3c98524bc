/**
 * fetch → S3 → SQS → parse → DynamoDB → feed, in-process, with the real handlers on the real
 * stand-ins (dynalite, fauxqs) over the sample site on loopback — then the same again on the
 * same data folder, which must fetch and parse nothing new.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SAMPLE_SITE, startLocal, type LocalStack } from '../../lambdas/local/run.js';
import { makeFeedHandler } from '../../lambdas/feed/handler.js';
import { serveFunctionUrl } from '../../lambdas/adapters/function-url-server.js';
import { articleIdFor } from '../../lambdas/core/ids.js';
import { run } from '../feed/tools.js';
import { expectedFolders, foldersOf, SAMPLES, SAMPLE_ARTICLES, SOURCES, tempDir } from './support.js';
import { TEST_CURSOR_KEY } from '../support/cursor-key.js';

const dataDir = tempDir('pipeline');
const PYTHON = '/usr/bin/python3';
const DUMP = resolve('test/feed/feedparser_dump.py');
const out: string[] = [];
const stacks: LocalStack[] = [];
let firstCursorKey = '';

async function start(): Promise<LocalStack> {
  const s = await startLocal({ dataDir, samplesDir: SAMPLES, sourcesFile: SOURCES, fresh: false, out: (l) => out.push(l) });
  stacks.push(s);
  return s;
}

afterAll(async () => {
  for (const s of stacks) await s.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('local pipeline end to end', () => {
  it('ingests every sample article once and serves them in the feeds', async () => {
    const stack = await start();
    try {
      await checkFirstRun(stack);
    } finally {
      await stack.close();
    }
  }, 120_000);

  async function checkFirstRun(stack: LocalStack): Promise<void> {
    firstCursorKey = stack.cursorKey;
    const { summary } = stack;
    // Sample URLs (and ids) name the sample site, not the port it was served on in this run.
    const base = summary.samplesUrl;
    expect(base).toBe(SAMPLE_SITE);
    expect(summary.samplesServedAt).toBe(stack.samples.url);
    expect(summary.sources.map((s) => [s.sourceId, s.fetched, s.failed])).toEqual([
      ['sample-mil', 4, 0],
      ['sample-daily', 3, 0],
    ]);
    expect(summary.parsed).toEqual({ created: SAMPLE_ARTICLES.length, updated: 0, unchanged: 0, failed: 0 });
    expect(foldersOf(summary.articles)).toEqual(expectedFolders(base));
    expect(new Set(summary.articles.map((a) => a.id)).size).toBe(SAMPLE_ARTICLES.length);

    // The GBK and Big5 pages reach the parser with their bytes intact and come out as Chinese text.
    for (const name of ['mil-gbk-block', 'daily-big5-traditional']) {
      const path = SAMPLE_ARTICLES.find((p) => p.includes(name))!;
      const folder = `raw/${path.split('/')[0]}/${articleIdFor(`${base}/${path}`)}/`;
      const ref = summary.articles.find((a) => a.rawKey.startsWith(folder));
      const article = await stack.store.get(ref!.id);
      expect(article?.title.zh ?? '', name).toMatch(/\p{Script=Han}/u);
      expect(article?.rawKey).toMatch(/^raw\/sample-(mil|daily)\/[0-9a-f]{20}\/[0-9a-f]{64}\.html$/);
    }

    const feed = makeFeedHandler({ reader: stack.store, sources: stack.sources, clock: { now: () => new Date() }, cursorKey: TEST_CURSOR_KEY });
    const server = await serveFunctionUrl(feed, { host: '127.0.0.1', port: 0 });
    try {
      const url = server.url.replace(/\/$/, '');
      const all = await fetch(`${url}/feeds/all.atom`);
      expect(all.status).toBe(200);
      const atom = await all.text();
      expect(atom.match(/<entry[\s>]/g)).toHaveLength(SAMPLE_ARTICLES.length);
      await checkEntryDates(atom);
      const mil = await (await fetch(`${url}/feeds/sample-mil.rss`)).text();
      expect(mil.match(/<item[\s>]/g)).toHaveLength(4);
      const first = summary.articles[0]!;
      const page = await fetch(`${url}/articles/${first.id}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const index = await (await fetch(`${url}/`)).text();
      for (const s of stack.sources) expect(index).toContain(`/feeds/${s.id}`);
    } finally {
      await server.close();
    }
  }

  /**
   * Every sample page gives its date, so each entry's `updated` (its content as first stored)
   * is its `published` — as a Python reader (feedparser) reads them — not the ingest instant
   * that all entries share; and no two entries share an `updated` value (the W3C Feed
   * Validator's DuplicateUpdated check).
   */
  async function checkEntryDates(atom: string): Promise<void> {
    const file = join(dataDir, 'all.atom');
    writeFileSync(file, atom);
    const dump = await run(PYTHON, [DUMP, file]);
    expect(dump.code, dump.stderr).toBe(0);
    const parsed = (JSON.parse(dump.stdout) as Record<string, { bozo: number; entries: { id: string; published_epoch: number; updated_epoch: number }[] }>)[file]!;
    expect(parsed.bozo).toBe(0);
    expect(parsed.entries).toHaveLength(SAMPLE_ARTICLES.length);
    for (const e of parsed.entries) expect(e.updated_epoch, e.id).toBe(e.published_epoch);
    // The pages were published in 2025; they were stored just now.
    expect(Math.max(...parsed.entries.map((e) => e.updated_epoch)) * 1000).toBeLessThan(Date.now() - 86_400_000);
    const updated = [...atom.matchAll(/<entry[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]);
    expect(updated).toHaveLength(SAMPLE_ARTICLES.length);
    expect(new Set(updated).size, `duplicate <updated> values: ${updated.join(', ')}`).toBe(updated.length);
  }

  it('a second run on the same data folder fetches and parses nothing new', async () => {
    out.length = 0;
    const stack = await start();
    const { summary } = stack;
    await stack.close();
    expect(summary.fetched).toBe(0);
    expect(summary.requeued).toBe(0);
    expect(summary.parsed).toEqual({ created: 0, updated: 0, unchanged: 0, failed: 0 });
    // Conditional GET: both start pages answered 304.
    expect(summary.sources.map((s) => s.notModified)).toEqual([1, 1]);
    expect(summary.articles).toHaveLength(SAMPLE_ARTICLES.length);
    expect(out.find((l) => l.startsWith('ingest'))).toMatch(/^ingest +0 new/);
    // The data folder keeps the feed's cursor key, so next links handed out before still work.
    expect(stack.cursorKey).toMatch(/^[0-9a-f]{64}$/);
    expect(stack.cursorKey).toBe(firstCursorKey);
  }, 120_000);
});
