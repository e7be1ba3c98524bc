import { gunzipSync } from 'node:zlib';
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeFeedHandler } from '../../lambdas/feed/handler.js';
import { answer, routeRequest } from '../../lambdas/core/feed/index.js';
import type { ArticleReader } from '../../lambdas/core/ports.js';
import { MemoryArticleStore } from '../support/memory.js';
import { memoryLog } from '../support/memory-log.js';
import { createHash } from 'node:crypto';
import { READER_JS } from '../../lambdas/core/feed/reader-assets.js';
import { DAILY, FIXED_CLOCK, HOSTILE, MemoryReader, SOURCES, STATES, allArticles } from './fixtures.js';
import { TEST_CURSOR_KEY } from '../support/cursor-key.js';
import { cursorSeal } from '../../lambdas/core/feed/cursor.js';

type Result = Exclude<LambdaFunctionURLResult, string> & { headers: Record<string, string> };

function event(path: string, opts: { query?: string; method?: string; headers?: Record<string, string> } = {}): LambdaFunctionURLEvent {
  const headers = { host: 'feeds.example.org', 'x-forwarded-proto': 'https', ...opts.headers };
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: opts.query ?? '',
    headers,
    requestContext: {
      accountId: 'anonymous',
      apiId: 'test',
      domainName: headers.host,
      domainPrefix: 'feeds',
      http: { method: opts.method ?? 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'r1',
      routeKey: '$default',
      stage: '$default',
      time: '01/Apr/2025:00:00:00 +0000',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
}

function setup(reader: ArticleReader = new MemoryReader(allArticles(60), STATES), publicUrl?: string) {
  const h = makeFeedHandler({ reader, sources: SOURCES, clock: FIXED_CLOCK, cursorKey: TEST_CURSOR_KEY, ...(publicUrl ? { publicUrl } : {}) });
  return async (...args: Parameters<typeof event>) => (await h(event(...args))) as Result;
}

afterEach(() => vi.restoreAllMocks());

describe('feed handler: status codes and media types', () => {
  it.each([
    ['/feeds/all.rss', '', 200, 'application/rss+xml; charset=utf-8'],
    ['/feeds/all.atom', 'lang=zh', 200, 'application/atom+xml; charset=utf-8'],
    ['/feeds/sample-mil.json', 'lang=en&limit=5', 200, 'application/feed+json; charset=utf-8'],
    [`/articles/${HOSTILE.id}`, '', 200, 'text/html; charset=utf-8'],
    ['/', '', 200, 'text/html; charset=utf-8'],
    ['/opml', '', 200, 'text/x-opml; charset=utf-8'],
    ['/feeds/unknown.atom', '', 404, 'text/plain; charset=utf-8'],
    ['/articles/doesnotexist', '', 404, 'text/plain; charset=utf-8'],
    ['/nothing/here', '', 404, 'text/plain; charset=utf-8'],
    ['/feeds/all.atom', 'lang=de', 400, 'text/plain; charset=utf-8'],
    ['/feeds/all.atom', 'limit=500', 400, 'text/plain; charset=utf-8'],
    ['/feeds/all.atom', 'cursor=bm90LWEtbnVtYmVy', 400, 'text/plain; charset=utf-8'],
  ])('%s?%s → %i %s', async (path, query, status, type) => {
    const r = await setup()(path, { query });
    expect(r.statusCode).toBe(status);
    expect(r.headers['content-type']).toBe(type);
    if (status >= 400) {
      expect(r.body?.length).toBeLessThan(120);
      expect(r.headers['cache-control']).toBe('no-store');
    } else {
      expect(r.headers['cache-control']).toMatch(/max-age=300.*stale-while-revalidate=\d+/);
      expect(r.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    }
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('%s → 405 with Allow', async (method) => {
    const r = await setup()('/feeds/all.atom', { method });
    expect(r.statusCode).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD');
  });

  it('names the unknown source and the bad parameter', async () => {
    const get = setup();
    expect((await get('/feeds/nosuch.rss')).body).toContain("unknown source 'nosuch'");
    expect((await get('/feeds/all.rss', { query: 'limit=abc' })).body).toContain('limit must be a whole number from 1 to 200');
  });

  it('answers 500 without leaking the error when the store fails; the log has it', async () => {
    const broken: ArticleReader = {
      list: () => Promise.reject(new Error('secret table arn:aws:dynamodb:xyz')),
      get: () => Promise.reject(new Error('x')),
      neighbours: () => Promise.reject(new Error('x')),
      sourceStates: () => Promise.reject(new Error('x')),
    };
    const log = memoryLog();
    const h = makeFeedHandler({ reader: broken, sources: SOURCES, clock: FIXED_CLOCK, cursorKey: TEST_CURSOR_KEY, log });
    const r = (await h(event('/feeds/all.atom'))) as Result;
    expect(r.statusCode).toBe(500);
    expect(r.body).not.toContain('arn:');
    expect(log.lines).toEqual([expect.objectContaining({ level: 'error', msg: 'feed request failed', path: '/feeds/all.atom', error: expect.stringContaining('arn:aws:dynamodb:xyz') })]);
  });
});

describe('feed handler: limits and paging', () => {
  it('serves 50 items by default, up to 200 when asked, and pages with the reader cursor', async () => {
    const reader = new MemoryReader(allArticles(60), STATES);
    const get = setup(reader);
    const first = JSON.parse((await get('/feeds/all.json')).body ?? '');
    expect(first.items).toHaveLength(50);
    expect(reader.calls.at(-1)).toEqual({ sourceId: undefined, limit: 50 });
    const next = new URL(first.next_url as string);
    const second = JSON.parse((await get(next.pathname, { query: next.search.slice(1) })).body ?? '');
    expect(second.items).toHaveLength(13);
    expect(second.next_url).toBeUndefined();
    const ids = new Set([...first.items, ...second.items].map((i: { id: string }) => i.id));
    expect(ids.size).toBe(63);
    const all = JSON.parse((await get('/feeds/all.json', { query: 'limit=200' })).body ?? '');
    expect(all.items).toHaveLength(63);
  });

  describe('cursors are signed: only ones this server issued are followed', () => {
    const reader = new MemoryReader(allArticles(60), STATES);
    const get = setup(reader);
    const nextCursor = async (path: string) => new URL(JSON.parse((await get(path, { query: 'limit=5' })).body ?? '').next_url as string).searchParams.get('cursor')!;
    const storeCursor = (offset: number) => Buffer.from(String(offset)).toString('base64url');

    it('a next link carries the store cursor with a tag, and following it reaches the store unchanged', async () => {
      const cursor = await nextCursor('/feeds/all.json');
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
      const r = await get('/feeds/all.json', { query: `limit=5&cursor=${cursor}` });
      expect(r.statusCode).toBe(200);
      expect(reader.calls.at(-1)).toEqual({ sourceId: undefined, limit: 5, cursor: storeCursor(5) });
    });

    it.each([
      ['a bare store cursor (crafted: the old plain form)', () => storeCursor(40)],
      ['a store cursor with a made-up tag', () => `${storeCursor(40)}.${'A'.repeat(22)}`],
      ['an issued cursor with its store part changed', async () => `${storeCursor(40)}.${(await nextCursor('/feeds/all.json')).split('.')[1]}`],
      ['an issued cursor with its tag changed', async () => (await nextCursor('/feeds/all.json')).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))],
      ['a cursor issued for another feed', () => nextCursor('/feeds/sample-daily.json')],
      ['a cursor signed with another key', () => cursorSeal('x'.repeat(40)).seal('all', storeCursor(5))],
    ])('%s: 400, and the store is never asked', async (_what, make) => {
      const cursor = await make();
      const calls = reader.calls.length;
      const r = await get('/feeds/all.json', { query: `cursor=${encodeURIComponent(cursor)}` });
      expect(r.statusCode).toBe(400);
      expect(r.body).toBe('cursor is not one this server issued\n');
      expect(reader.calls.length).toBe(calls);
    });
  });

  it('scopes a source feed to its source', async () => {
    const reader = new MemoryReader(allArticles(3), STATES);
    const body = (await setup(reader)('/feeds/sample-mil.atom')).body ?? '';
    expect(reader.calls.at(-1)?.sourceId).toBe('sample-mil');
    expect(body.match(/<entry /g)).toHaveLength(2);
  });
});

describe('feed handler: base URL', () => {
  it('uses the configured public URL over the Host header', async () => {
    const body = (await setup(undefined, 'https://duofeed.example.net')('/feeds/all.atom', { headers: { host: 'abc.lambda-url.us-east-1.on.aws' } })).body ?? '';
    expect(body).toContain('href="https://duofeed.example.net/feeds/all.atom"');
    expect(body).not.toContain('lambda-url');
  });

  it('derives it from the forwarded host otherwise', async () => {
    const body = (await setup()('/feeds/all.atom', { headers: { 'x-forwarded-host': 'd111.cloudfront.net' } })).body ?? '';
    expect(body).toContain('href="https://d111.cloudfront.net/feeds/all.atom"');
  });

  it('refuses a malformed Host rather than writing it into links', async () => {
    const r = await setup()('/feeds/all.atom', { headers: { host: 'evil.example/"><script>' } });
    expect(r.statusCode).toBe(400);
  });
});

describe('feed handler: HTTP caching', () => {
  it('answers If-None-Match with 304 and no body, and a changed feed with 200', async () => {
    const articles = allArticles(2);
    const get = setup(new MemoryReader(articles, STATES));
    const first = await get('/feeds/all.atom');
    const again = await get('/feeds/all.atom', { headers: { 'if-none-match': first.headers.etag! } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBeUndefined();
    expect(again.headers.etag).toBe(first.headers.etag);
    expect((await get('/feeds/all.atom', { headers: { 'if-none-match': `"other", W/${first.headers.etag}` } })).statusCode).toBe(304);
    expect((await get('/feeds/all.atom', { query: 'lang=en', headers: { 'if-none-match': first.headers.etag! } })).statusCode).toBe(200);

    const revised = setup(new MemoryReader(articles.map((a) => (a.id === HOSTILE.id ? { ...a, version: 3, updated: '2025-03-31T00:00:00Z' } : a)), STATES));
    const changed = await revised('/feeds/all.atom', { headers: { 'if-none-match': first.headers.etag! } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
  });

  it.each([
    ['Sun, 30 Mar 2025 02:00:00 GMT', 304],
    ['Mon, 31 Mar 2025 00:00:00 GMT', 304],
    ['Sat, 29 Mar 2025 00:00:00 GMT', 200],
    ['not a date', 200],
  ])('If-Modified-Since %s → %i', async (ims, status) => {
    const r = await setup(new MemoryReader(allArticles(), STATES))('/feeds/all.rss', { headers: { 'if-modified-since': ims } });
    expect(r.statusCode).toBe(status);
  });

  it('lets If-None-Match win over If-Modified-Since', async () => {
    const r = await setup(new MemoryReader(allArticles(), STATES))('/feeds/all.rss', {
      headers: { 'if-modified-since': 'Mon, 31 Mar 2025 00:00:00 GMT', 'if-none-match': '"stale"' },
    });
    expect(r.statusCode).toBe(200);
  });

  it('gzips when asked, as a base64 body with its own ETag that still validates', async () => {
    const get = setup();
    const plain = await get('/feeds/all.atom');
    const gz = await get('/feeds/all.atom', { headers: { 'accept-encoding': 'br;q=1, gzip;q=0.8' } });
    expect(gz.isBase64Encoded).toBe(true);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(gz.body ?? '', 'base64')).toString('utf8')).toBe(plain.body);
    expect(gz.headers.etag).not.toBe(plain.headers.etag);
    const again = await get('/feeds/all.atom', { headers: { 'accept-encoding': 'gzip', 'if-none-match': gz.headers.etag! } });
    expect(again.statusCode).toBe(304);
    expect((await get('/feeds/all.atom', { headers: { 'accept-encoding': 'gzip;q=0' } })).isBase64Encoded).toBeFalsy();
  });

  it('HEAD has the GET headers and no body', async () => {
    const get = setup();
    const g = await get('/feeds/all.rss');
    const h = await get('/feeds/all.rss', { method: 'HEAD' });
    expect(h.statusCode).toBe(200);
    expect(h.body).toBeUndefined();
    expect(h.headers.etag).toBe(g.headers.etag);
    expect(h.headers['content-type']).toBe(g.headers['content-type']);
  });

  it('the reader page carries a CSP that allows its own script by hash and nothing else', async () => {
    const r = await setup()(`/articles/${HOSTILE.id}`);
    const csp = r.headers['content-security-policy'];
    expect(csp).toMatch(/default-src 'none'/);
    const hash = createHash('sha256').update(READER_JS).digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}';`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(r.body).toContain(`<script>${READER_JS}</script>`);
    expect(r.headers['last-modified']).toBe('Sun, 30 Mar 2025 02:00:00 GMT');
  });
});

describe('feed handler: error bodies and size budget', () => {
  it('HEAD of a missing feed is a bodiless 404', async () => {
    const r = await setup()('/feeds/nosuch.atom', { method: 'HEAD' });
    expect(r.statusCode).toBe(404);
    expect(r.body).toBeUndefined();
  });

  it('serves an oversized page smaller, with a next link that keeps the asked limit', async () => {
    const reader = new MemoryReader(allArticles(20), STATES);
    const route = routeRequest('/feeds/all.json', new URLSearchParams('limit=20'), new Set(SOURCES.map((s) => s.id)));
    const full = await answer(route, { reader, sources: SOURCES, baseUrl: 'https://f.example', now: FIXED_CLOCK.now(), cursors: cursorSeal(TEST_CURSOR_KEY) });
    if (full.status !== 200) throw new Error('expected 200');
    const budget = Math.floor(Buffer.byteLength(full.body) / 3);
    const small = await answer(route, { reader, sources: SOURCES, baseUrl: 'https://f.example', now: FIXED_CLOCK.now(), maxBodyBytes: budget, cursors: cursorSeal(TEST_CURSOR_KEY) });
    if (small.status !== 200) throw new Error('expected 200');
    expect(Buffer.byteLength(small.body)).toBeLessThanOrEqual(budget);
    const doc = JSON.parse(small.body) as { items: unknown[]; next_url: string };
    expect(doc.items.length).toBeLessThan(20);
    expect(doc.items.length).toBeGreaterThan(0);
    expect(reader.calls.map((c) => c.limit)).toEqual([20, 20, 10, 5]);
    expect(new URL(doc.next_url).searchParams.get('limit')).toBe('20');
  });
});

describe('feed handler: revalidation and warm renders skip article content', () => {
  /** Articles whose segments count every read: content rendering is the only reader of them. */
  function counted(n: number) {
    const reads = { n: 0 };
    const articles = allArticles(n).map((a) => {
      const segments = a.segments;
      return Object.defineProperty({ ...a }, 'segments', { get: () => (reads.n++, segments), enumerable: true });
    });
    return { reads, articles };
  }

  it.each([
    ['/feeds/all.atom', 'lang=bi'],
    ['/feeds/sample-mil.rss', 'lang=zh'],
    ['/feeds/all.json', 'lang=en&limit=5'],
  ])('%s?%s: a 304 and a repeat request render nothing; a revision renders again', async (path, query) => {
    const { reads, articles } = counted(20);
    const reader = new MemoryReader(articles, STATES);
    const get = setup(reader);
    const first = await get(path, { query, headers: { 'accept-encoding': 'gzip' } });
    expect(first.statusCode).toBe(200);
    expect(reads.n).toBeGreaterThan(0);

    reads.n = 0;
    const revalidated = await get(path, { query, headers: { 'if-none-match': first.headers.etag as string, 'accept-encoding': 'gzip' } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBeUndefined();
    // The client holds the gzip variant; it gets that tag back.
    expect(revalidated.headers.etag).toBe(first.headers.etag);
    expect(reads.n).toBe(0);

    const again = await get(path, { query, headers: { 'accept-encoding': 'gzip' } });
    expect(again.body).toBe(first.body);
    expect(reads.n).toBe(0);
    const plain = await get(path, { query });
    expect(gunzipSync(Buffer.from(first.body as string, 'base64')).toString('utf8')).toBe(plain.body);

    // A new version of one listed article changes the tag and the bytes.
    const listed = (await reader.list(path.includes('sample-mil') ? 'sample-mil' : undefined, { limit: 1 })).items[0];
    if (!listed) throw new Error('fixture lists nothing');
    listed.version += 1;
    listed.updated = '2025-03-31T00:00:00Z';
    reads.n = 0;
    const revised = await get(path, { query, headers: { 'if-none-match': first.headers.etag as string } });
    expect(revised.statusCode).toBe(200);
    expect(revised.headers.etag).not.toBe(plain.headers.etag);
    expect(reads.n).toBeGreaterThan(0);
  });
});

describe('feed handler: a revalidation decides from the listing alone', () => {
  /** Articles whose title counts every read: building the model reads it, the tag does not. */
  function titled(n: number) {
    const reads = { n: 0 };
    const articles = allArticles(n).map((a) => {
      const title = a.title;
      return Object.defineProperty({ ...a }, 'title', { get: () => (reads.n++, title), enumerable: true });
    });
    return { reads, articles };
  }

  it('If-None-Match and a warm body build no model; If-Modified-Since parses dates, not content', async () => {
    const { reads, articles } = titled(10);
    const get = setup(new MemoryReader(articles, STATES));
    const first = await get('/feeds/all.rss');
    expect(reads.n).toBeGreaterThan(0);
    reads.n = 0;
    const revalidated = await get('/feeds/all.rss', { headers: { 'if-none-match': first.headers.etag! } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.headers.etag).toBe(first.headers.etag);
    expect(revalidated.headers['cache-control']).toBe(first.headers['cache-control']);
    const warm = await get('/feeds/all.rss');
    expect(warm.body).toBe(first.body);
    expect(warm.headers['last-modified']).toBe(first.headers['last-modified']);
    const byDate = await get('/feeds/all.rss', { headers: { 'if-modified-since': first.headers['last-modified']! } });
    expect(byDate.statusCode).toBe(304);
    expect(byDate.headers['last-modified']).toBe(first.headers['last-modified']);
    expect(reads.n).toBe(0);
  });

  it('a newly stored article is on the very next request: new tag, new bytes, the old tag gets a 200', async () => {
    const store = new MemoryArticleStore();
    const get = setup(store);
    const write = async (a: typeof DAILY, at: string) => {
      const { sourceId, firstSeen: _f, updated: _u, version: _v, rawKey, ...article } = a;
      return store.upsert(article, { sourceId, url: a.url, rawKey, now: new Date(at) });
    };
    await write(DAILY, '2025-03-28T02:00:00Z');
    const first = await get('/feeds/all.atom');
    expect(first.body).toContain('Spring tea harvest begins');

    await write(HOSTILE, '2025-03-30T02:00:00Z');
    const next = await get('/feeds/all.atom', { headers: { 'if-none-match': first.headers.etag! } });
    expect(next.statusCode).toBe(200);
    expect(next.headers.etag).not.toBe(first.headers.etag);
    expect(next.body).toContain('Troops &lt;script&gt;');

    // A revision of a listed article (same id, new content) moves the tag too.
    expect(await write({ ...DAILY, title: { en: 'Spring tea harvest ends', zh: '春茶采摘结束' } }, '2025-03-31T00:00:00Z')).toBe('updated');
    const revised = await get('/feeds/all.atom', { headers: { 'if-none-match': next.headers.etag! } });
    expect(revised.statusCode).toBe(200);
    expect(revised.body).toContain('Spring tea harvest ends');
    expect((await get('/feeds/all.atom', { headers: { 'if-none-match': revised.headers.etag! } })).statusCode).toBe(304);
  });

  it('the same listing behind another host or format is another representation', async () => {
    const get = setup();
    const atom = await get('/feeds/all.atom');
    const other = await get('/feeds/all.atom', { headers: { host: 'mirror.example.org', 'if-none-match': atom.headers.etag! } });
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain('https://mirror.example.org/');
    const rss = await get('/feeds/all.rss', { headers: { 'if-none-match': atom.headers.etag! } });
    expect(rss.statusCode).toBe(200);
  });
});

