import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { fetchPage } from '../../lambdas/adapters/http-fetcher.js';
import { MemoryArticleStore, MemoryJobQueue, MemoryRawStore } from '../support/memory.js';
import { articleIdFor } from '../../lambdas/core/ids.js';
import type { FetchStateStore } from '../../lambdas/core/ports.js';
import type { Source } from '../../lambdas/core/sources.js';
import { makeFetchHandler, BadEventError, parseFetchEvent } from '../../lambdas/fetch/handler.js';
import type { Logger, PipelineEvent } from '../../lambdas/core/ports.js';
import { HostPacer, UnknownSourceError, type FetchDeps } from '../../lambdas/fetch/ingest.js';

/** A tiny news site on loopback whose pages and robots.txt each test can change. */
const site = new Map<string, { status?: number; body: string; type?: string; headers?: Record<string, string> }>();
const requests: string[] = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const page = site.get(req.url ?? '');
    if (!page) {
      res.writeHead(404);
      res.end();
      return;
    }
    const etag = `"${createHash('sha1').update(page.body).digest('hex').slice(0, 8)}"`;
    if ((page.status ?? 200) === 200 && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(page.status ?? 200, { 'content-type': page.type ?? 'text/html; charset=utf-8', etag, ...page.headers });
    res.end(page.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function source(over: Partial<Source> = {}): Source {
  return {
    id: 'site',
    name: 'Site',
    kind: 'html-index',
    startUrls: [`${base}/index.html`],
    linkPattern: '/a/\\d+\\.html$',
    languages: ['en', 'zh'],
    schedule: 'rate(1 hour)',
    minDelayMs: 0,
    allowPrivateNetwork: true,
    ...over,
  };
}

interface World {
  deps: FetchDeps;
  state: MemoryArticleStore;
  raw: MemoryRawStore;
  queue: MemoryJobQueue;
  logs: Array<{ level: string; msg: string } & Record<string, unknown>>;
  sleeps: number[];
}

function world(sources: Source[], over: Partial<FetchDeps> = {}): World {
  let t = Date.parse('2026-11-30T12:00:00Z');
  const clock = { now: () => new Date(t) };
  const sleeps: number[] = [];
  const logs: World['logs'] = [];
  const log: Logger = {
    info: (msg, f = {}) => logs.push({ level: 'info', msg, ...f }),
    warn: (msg, f = {}) => logs.push({ level: 'warn', msg, ...f }),
    error: (msg, f = {}) => logs.push({ level: 'error', msg, ...f }),
  };
  const state = new MemoryArticleStore(clock);
  const raw = new MemoryRawStore();
  const queue = new MemoryJobQueue();
  const deps: FetchDeps = {
    sources,
    fetchPage: (url, request) => fetchPage(url, { ...request, retries: 0 }),
    raw,
    queue,
    state,
    clock,
    log,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    ...over,
  };
  return { deps, state, raw, queue, logs, sleeps };
}

beforeEach(() => {
  site.clear();
  requests.length = 0;
  site.set('/index.html', { body: '<a href="a/1.html">1</a> <a href="/a/2.html?utm_source=x">2</a> <a href="/about.html">about</a> <a href="a/1.html#c">1 again</a>' });
  site.set('/a/1.html', { body: '<p>one 一</p>' });
  site.set('/a/2.html', { body: '<p>two 二</p>' });
});

describe('fetch handler', () => {
  it('reports each page it hands on, and each failure, as a typed event', async () => {
    site.set('/a/2.html', { status: 500, body: 'down' });
    const events: PipelineEvent[] = [];
    const w = world([source()], { events: (e) => void events.push(e) });
    await makeFetchHandler(w.deps)({});
    const [job] = w.queue.drain();
    expect(events).toEqual([
      { type: 'article-fetched', sourceId: 'site', url: `${base}/a/1.html`, rawKey: job!.rawKey, bytes: Buffer.byteLength('<p>one 一</p>') },
      { type: 'fetch-failed', sourceId: 'site', url: `${base}/a/2.html`, error: expect.stringContaining('HTTP 500'), startPage: false },
    ]);
  });

  it('stores raw pages, enqueues one job per new article, marks them seen, then a rerun is a 304', async () => {
    const w = world([source()]);
    const run = makeFetchHandler(w.deps);
    const first = await run({});
    expect(first.sources).toEqual([{ sourceId: 'site', fetched: 2, skipped: 0, failed: 0, notModified: 0 }]);
    const jobs = w.queue.drain();
    expect(jobs.map((j) => j.url)).toEqual([`${base}/a/1.html`, `${base}/a/2.html`]);
    for (const j of jobs) {
      const page = await w.raw.get(j.rawKey);
      const sha = createHash('sha256').update(page.bytes).digest('hex');
      expect(j.rawKey).toBe(`raw/site/${articleIdFor(j.url)}/${sha}.html`);
      expect(page.contentType).toBe('text/html; charset=utf-8');
      expect(j.fetchedAt).toBe('2026-11-30T12:00:00.000Z');
      expect(await w.state.isSeen(j.url)).toBe(true);
    }
    const second = await run({});
    expect(second.sources).toEqual([{ sourceId: 'site', fetched: 0, skipped: 0, failed: 0, notModified: 1 }]);
    expect(w.queue.drain()).toEqual([]);
    const [st] = await w.state.sourceStates();
    expect(st).toMatchObject({ sourceId: 'site', failures: 0 });
  });

  it('skips seen links when the index changed, fetching only the new one', async () => {
    const w = world([source()]);
    const run = makeFetchHandler(w.deps);
    await run({});
    w.queue.drain();
    site.set('/a/3.html', { body: '<p>three</p>' });
    site.set('/index.html', { body: '<a href="/a/3.html">3</a><a href="/a/1.html">1</a><a href="/a/2.html">2</a>' });
    const r = await run({ sourceId: 'site' });
    expect(r.sources[0]).toMatchObject({ fetched: 1, skipped: 2, failed: 0 });
    expect(w.queue.drain().map((j) => j.url)).toEqual([`${base}/a/3.html`]);
  });

  it('a failing page does not stop the others, and is retried next run', async () => {
    site.set('/a/1.html', { status: 500, body: 'oops' });
    const w = world([source()]);
    const run = makeFetchHandler(w.deps);
    const r = await run({});
    expect(r.sources[0]).toMatchObject({ fetched: 1, failed: 1, error: '1 page(s) failed' });
    expect(w.logs.find((l) => l.msg === 'article failed')).toMatchObject({ url: `${base}/a/1.html`, code: 'http-status' });
    expect(w.queue.drain().map((j) => j.url)).toEqual([`${base}/a/2.html`]);
    // The index's validators were not kept, so the next run reads it again rather than getting a 304.
    site.set('/a/1.html', { body: '<p>one</p>' });
    const again = await run({});
    expect(again.sources[0]).toMatchObject({ fetched: 1, skipped: 1, failed: 0, notModified: 0 });
    expect(w.queue.drain().map((j) => j.url)).toEqual([`${base}/a/1.html`]);
  });

  it('a failing source does not stop the others', async () => {
    const broken = source({ id: 'broken', startUrls: [`${base}/missing.html`] });
    const refused = source({ id: 'refused', allowPrivateNetwork: false });
    const w = world([broken, refused, source()]);
    const r = await makeFetchHandler(w.deps)({});
    expect(r.sources.map((s) => [s.sourceId, s.fetched, s.failed])).toEqual([
      ['broken', 0, 1],
      ['refused', 0, 1],
      ['site', 2, 0],
    ]);
    expect(r.sources[0]?.error).toBe(`fetch ${base}/missing.html: HTTP 404`);
    expect(r.sources[1]?.error).toMatch(/loopback/);
    const states = await w.state.sourceStates();
    expect(states.find((s) => s.sourceId === 'broken')?.lastError).toMatch(/HTTP 404/);
  });

  it('obeys robots.txt: disallowed articles are skipped and Crawl-delay paces the host', async () => {
    site.set('/robots.txt', { type: 'text/plain', body: 'User-agent: *\nDisallow: /a/2.html\nCrawl-delay: 4\n' });
    const w = world([source({ minDelayMs: 1000 })]);
    const r = await makeFetchHandler(w.deps)({});
    expect(r.sources[0]).toMatchObject({ fetched: 1, skipped: 1 });
    expect(requests).not.toContain('/a/2.html');
    expect(requests.filter((p) => p === '/robots.txt')).toHaveLength(1);
    // robots.txt, index, one article: the two after robots.txt wait the larger of 1 s and 4 s.
    expect(w.sleeps).toEqual([4000, 4000]);
  });

  it('fetches nothing from a host whose robots.txt is unreachable (5xx)', async () => {
    site.set('/robots.txt', { status: 503, body: '' });
    const w = world([source()]);
    const r = await makeFetchHandler(w.deps)({});
    expect(r.sources[0]).toMatchObject({ fetched: 0, error: `robots.txt disallows ${base}/index.html` });
    expect(requests).toEqual(['/robots.txt']);
  });

  it('reads RSS sources', async () => {
    site.set('/feed.xml', { type: 'application/rss+xml', body: `<rss><channel><item><link>${base}/a/2.html</link></item><item><link>/a/1.html</link></item></channel></rss>` });
    const w = world([source({ kind: 'rss', startUrls: [`${base}/feed.xml`] })]);
    const r = await makeFetchHandler(w.deps)({});
    expect(r.sources[0]).toMatchObject({ fetched: 2 });
    expect(w.queue.drain().map((j) => j.url)).toEqual([`${base}/a/2.html`, `${base}/a/1.html`]);
  });

  it('crash after enqueue but before markSeen refetches rather than loses the article', async () => {
    const w = world([source()]);
    let calls = 0;
    const flaky: FetchStateStore = Object.create(w.state) as FetchStateStore;
    flaky.markSeen = async (url, id, now) => {
      if (calls++ === 0) throw new Error('DynamoDB went away');
      return w.state.markSeen(url, id, now);
    };
    const r1 = await makeFetchHandler({ ...w.deps, state: flaky })({});
    expect(r1.sources[0]).toMatchObject({ fetched: 1, failed: 1 });
    const jobs1 = w.queue.drain();
    expect(jobs1).toHaveLength(2);
    const r2 = await makeFetchHandler({ ...w.deps, state: flaky })({});
    expect(r2.sources[0]).toMatchObject({ fetched: 1, skipped: 1, failed: 0 });
    // The same raw key again: the parse side's idempotent upsert absorbs the repeat.
    expect(w.queue.drain().map((j) => j.rawKey)).toEqual([jobs1[0]?.rawKey]);
  });

  it('caps new pages per source per run and leaves the rest for the next run', async () => {
    const w = world([source()], { maxPagesPerSource: 1 });
    const run = makeFetchHandler(w.deps);
    expect((await run({})).sources[0]).toMatchObject({ fetched: 1, skipped: 0 });
    expect((await run({})).sources[0]).toMatchObject({ fetched: 1, skipped: 1, notModified: 0 });
    expect((await run({})).sources[0]).toMatchObject({ fetched: 0, notModified: 1 });
  });

  it('stops starting new pages when the Lambda is nearly out of time, and records the run', async () => {
    const w = world([source()]);
    let left = 120_000;
    const context = { getRemainingTimeInMillis: () => (left -= 50_000) };
    const r = await makeFetchHandler(w.deps)({}, context);
    expect(r.sources[0]).toMatchObject({ fetched: 1, failed: 0 });
    expect((await w.state.sourceStates())[0]?.lastFetch).toBe('2026-11-30T12:00:00.000Z');
    // The page left over is not marked seen, so the next run takes it.
    const next = await makeFetchHandler(w.deps)({});
    expect(next.sources[0]).toMatchObject({ fetched: 1, skipped: 1 });
  });

  it('validates the event', async () => {
    const w = world([source()]);
    await expect(makeFetchHandler(w.deps)({ sourceId: 'nope' })).rejects.toThrow(UnknownSourceError);
    await expect(makeFetchHandler(w.deps)({ sourceId: 'nope' })).rejects.toThrow(/names source 'nope', which is not in the sources list \(site\)/);
    expect(() => parseFetchEvent({ sourceId: 5 })).toThrow(BadEventError);
    expect(() => parseFetchEvent('x')).toThrow(/must be an object/);
    expect(parseFetchEvent({ detail: { sourceId: 'site' } })).toEqual({ sourceId: 'site' });
    expect(parseFetchEvent(undefined)).toEqual({});
  });
});

describe('HostPacer', () => {
  it('spaces requests per host and not across hosts, even when reserved concurrently', async () => {
    let t = 0;
    const waits: number[] = [];
    const pacer = new HostPacer({ now: () => new Date(t) }, async (ms) => void waits.push(ms));
    await Promise.all([pacer.wait('a', 1000), pacer.wait('a', 1000), pacer.wait('b', 1000), pacer.wait('a', 1000)]);
    expect(waits).toEqual([1000, 2000]);
    t = 5000;
    await pacer.wait('a', 1000);
    expect(waits).toEqual([1000, 2000]);
  });
});
