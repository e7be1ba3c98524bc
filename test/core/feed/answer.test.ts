/**
 * The feed side's use case, `answer`, against a recording in-memory reader: which listing it
 * asks the store for, how cursors are opened and sealed, validators (ETag, Last-Modified,
 * 304), the body cache, the body-size fallback, and each route kind's answer.
 */
import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../../lambdas/core/article.js';
import { answer, INDEX_LATEST, MAX_BODY_BYTES, type AnswerDeps, type BodyCache, type CachedBody } from '../../../lambdas/core/feed/index.js';
import { cursorSeal } from '../../../lambdas/core/feed/cursor.js';
import { bodyEtag, feedPageEtag, strongEtag } from '../../../lambdas/core/feed/etag.js';
import { INDEX_CSP, renderIndexPage } from '../../../lambdas/core/feed/index-page.js';
import { renderOpml } from '../../../lambdas/core/feed/opml.js';
import { articleEtag, renderArticlePage } from '../../../lambdas/core/feed/reader.js';
import { READER_CSP } from '../../../lambdas/core/feed/reader-assets.js';
import { InvalidCursorError, type ArticleReader, type Neighbours, type Page, type SourceState } from '../../../lambdas/core/ports.js';
import type { Source } from '../../../lambdas/core/sources.js';
import { feedSource, storedArticle } from './fixtures.js';

const SOURCES: Source[] = [feedSource('daily', 'Daily', { startUrls: ['https://d.example/'] })];
const BASE = 'https://f.example';
const NOW = new Date('2025-04-01T00:00:00.700Z');
const KEY = 'k'.repeat(32);

const art = (n: number, over: Partial<StoredArticle> = {}): StoredArticle =>
  storedArticle({
    id: `a${n}`,
    url: `https://d.example/${n}`,
    title: { en: `Title ${n}` },
    segments: [{ en: [`Paragraph ${n} `.repeat(20)] }],
    firstSeen: `2025-01-${String(n).padStart(2, '0')}T00:00:00Z`,
    updated: `2025-02-${String(n).padStart(2, '0')}T00:00:00Z`,
    ...over,
  });

class Reader implements ArticleReader {
  calls: { sourceId: string | undefined; limit: number; cursor?: string }[] = [];
  constructor(
    private readonly items: StoredArticle[],
    private readonly next?: string,
    private readonly failWith?: Error,
    private readonly near: Neighbours = {},
  ) {}
  async list(sourceId: string | undefined, opts: { limit: number; cursor?: string }): Promise<Page<StoredArticle>> {
    this.calls.push({ sourceId, ...opts });
    if (this.failWith) throw this.failWith;
    const items = this.items.slice(0, opts.limit);
    return this.next !== undefined ? { items, next: this.next } : { items };
  }
  async get(id: string) {
    return this.items.find((a) => a.id === id);
  }
  async neighbours() {
    return this.near;
  }
  async sourceStates(): Promise<SourceState[]> {
    return [{ sourceId: 'daily', articles: 3, failures: 0 }];
  }
}

class Cache implements BodyCache {
  map = new Map<string, CachedBody>();
  sets: string[] = [];
  get(etag: string) {
    return this.map.get(etag);
  }
  set(etag: string, value: CachedBody) {
    this.sets.push(etag);
    this.map.set(etag, value);
  }
}

const deps = (reader: ArticleReader, over: Partial<AnswerDeps> = {}): AnswerDeps => ({ reader, sources: SOURCES, baseUrl: BASE, now: NOW, cursors: cursorSeal(KEY), ...over });
const feedRoute = (over: Record<string, unknown> = {}) => ({ kind: 'feed' as const, query: { scope: 'all', format: 'atom' as const, lang: 'bi' as const, limit: 50, ...over } });

describe('constants', () => {
  it('the index lists 20 articles; bodies stay under 5 MB', () => {
    expect(INDEX_LATEST).toBe(20);
    expect(MAX_BODY_BYTES).toBe(5_000_000);
  });
});

describe('answer: errors the router found', () => {
  it('passes 404 and 400 through with their message', async () => {
    const r = new Reader([]);
    expect(await answer({ kind: 'not-found', message: 'nope' }, deps(r))).toEqual({ status: 404, message: 'nope' });
    expect(await answer({ kind: 'bad-request', message: 'bad' }, deps(r))).toEqual({ status: 400, message: 'bad' });
  });
});

describe('answer: feeds', () => {
  it('lists all sources (no source id) or one, with the asked limit; tags and types the body', async () => {
    const r = new Reader([art(1), art(2)]);
    const a = await answer(feedRoute({ limit: 7 }), deps(r));
    expect(r.calls).toEqual([{ sourceId: undefined, limit: 7 }]);
    expect(a.status).toBe(200);
    if (a.status !== 200) throw new Error();
    expect(a.contentType).toBe('application/atom+xml; charset=utf-8');
    expect(a.etag).toBe(feedPageEtag({ query: feedRoute({ limit: 7 }).query, page: { items: [art(1), art(2)] }, baseUrl: BASE, sources: SOURCES, now: NOW, doubtfulBelow: 0.5 }));
    expect(a.lastModified).toBe(Date.parse('2025-02-02T00:00:00Z'));
    expect(a.body).toContain('<id>tag:duofeed,2026:article/a1</id>');
    const s = new Reader([art(1)]);
    const b = await answer(feedRoute({ scope: 'daily', format: 'json' }), deps(s));
    expect(s.calls).toEqual([{ sourceId: 'daily', limit: 50 }]);
    expect(b.status === 200 && b.contentType).toBe('application/feed+json; charset=utf-8');
    const c = await answer(feedRoute({ format: 'rss' }), deps(new Reader([art(1)])));
    expect(c.status === 200 && c.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(c.status === 200 && c.body).toContain('<rss version="2.0"');
  });

  it('seals the store cursor into the next link and opens it again on the next request', async () => {
    const r = new Reader([art(1)], 'store-next');
    const a = await answer(feedRoute({ format: 'json', scope: 'daily' }), deps(r));
    if (a.status !== 200) throw new Error();
    const next = new URL(JSON.parse(a.body).next_url);
    const cursor = next.searchParams.get('cursor')!;
    expect(cursor).toBe(cursorSeal(KEY).seal('daily', 'store-next'));
    const r2 = new Reader([art(2)]);
    const b = await answer(feedRoute({ format: 'json', scope: 'daily', cursor }), deps(r2));
    expect(b.status).toBe(200);
    expect(r2.calls).toEqual([{ sourceId: 'daily', limit: 50, cursor: 'store-next' }]);
    expect(b.status === 200 && JSON.parse(b.body)).not.toHaveProperty('next_url');
  });

  it('refuses a cursor it did not seal, or sealed for another listing, before asking the store', async () => {
    const r = new Reader([art(1)]);
    expect(await answer(feedRoute({ cursor: 'forged.AAAAAAAAAAAAAAAAAAAAAA' }), deps(r))).toEqual({ status: 400, message: 'cursor is not one this server issued' });
    expect(await answer(feedRoute({ cursor: cursorSeal(KEY).seal('daily', 'x') }), deps(r))).toEqual({ status: 400, message: 'cursor is not one this server issued' });
    expect(r.calls).toEqual([]);
  });

  it('answers 400 when the store refuses the cursor, and rethrows any other store error', async () => {
    const sealed = cursorSeal(KEY).seal('all', 'x');
    expect(await answer(feedRoute({ cursor: sealed }), deps(new Reader([], undefined, new InvalidCursorError('bad'))))).toEqual({ status: 400, message: 'cursor is not one this server issued' });
    const other = new Error('boom');
    await expect(answer(feedRoute(), deps(new Reader([], undefined, other)))).rejects.toBe(other);
    const named = Object.assign(new Error('x'), { name: 'OtherError' });
    await expect(answer(feedRoute(), deps(new Reader([], undefined, named)))).rejects.toBe(named);
  });

  it('answers 304 with the tag when the client is fresh; Last-Modified only if it was asked for', async () => {
    const seen: string[] = [];
    const a = await answer(feedRoute(), deps(new Reader([art(1)]), { isFresh: (etag) => (seen.push(etag), true) }));
    expect(a).toEqual({ status: 304, contentType: 'application/atom+xml; charset=utf-8', etag: seen[0] });
    const b = await answer(feedRoute(), deps(new Reader([art(1), art(3)]), { isFresh: (_e, lm) => lm() === Date.parse('2025-02-03T00:00:00Z') }));
    expect(b).toMatchObject({ status: 304, lastModified: Date.parse('2025-02-03T00:00:00Z') });
    const calls: (number | undefined)[] = [];
    const c = await answer(feedRoute(), deps(new Reader([]), { isFresh: (_e, lm) => (calls.push(lm(), lm()), true) }));
    expect(calls).toEqual([undefined, undefined]);
    expect(c).not.toHaveProperty('lastModified');
    const d = await answer(feedRoute(), deps(new Reader([art(1)]), { isFresh: () => false }));
    expect(d.status).toBe(200);
  });

  it('caches rendered bodies by tag: a repeat is served from the cache, Last-Modified included', async () => {
    const bodies = new Cache();
    const a = await answer(feedRoute(), deps(new Reader([art(1)]), { bodies }));
    if (a.status !== 200) throw new Error();
    expect(bodies.sets).toEqual([a.etag]);
    expect(bodies.map.get(a.etag)).toEqual({ body: a.body, lastModified: Date.parse('2025-02-01T00:00:00Z') });
    bodies.map.set(a.etag, { body: 'cached', lastModified: 123 });
    const b = await answer(feedRoute(), deps(new Reader([art(1)]), { bodies }));
    expect(b).toEqual({ status: 200, contentType: 'application/atom+xml; charset=utf-8', etag: a.etag, body: 'cached', lastModified: 123 });
    expect(bodies.sets).toHaveLength(1);
    // A revalidation reads Last-Modified from the cached body rather than the listing.
    const c = await answer(feedRoute(), deps(new Reader([art(1)]), { bodies, isFresh: (_e, lm) => lm() === 123 }));
    expect(c).toMatchObject({ status: 304, lastModified: 123 });
    bodies.map.set(a.etag, { body: 'cached' });
    const d = await answer(feedRoute(), deps(new Reader([art(1)]), { bodies, isFresh: (_e, lm) => lm() === undefined }));
    expect(d.status).toBe(304);
    expect(d).not.toHaveProperty('lastModified');
  });

  it('an empty feed is cached without Last-Modified', async () => {
    const bodies = new Cache();
    const a = await answer(feedRoute(), deps(new Reader([]), { bodies }));
    if (a.status !== 200) throw new Error();
    expect(a).not.toHaveProperty('lastModified');
    expect(bodies.map.get(a.etag)).toEqual({ body: a.body });
  });

  it('re-reads an oversized page with half the limit (at least 1), keeping the asked limit in its links', async () => {
    const items = [art(1), art(2), art(3), art(4), art(5)];
    const one = await answer(feedRoute({ limit: 1 }), deps(new Reader(items)));
    const size = one.status === 200 ? Buffer.byteLength(one.body) : 0;
    const r = new Reader(items, 'more');
    const a = await answer(feedRoute({ limit: 5 }), deps(r, { maxBodyBytes: size + 10 }));
    expect(r.calls.map((c) => c.limit)).toEqual([5, 2, 1]);
    if (a.status !== 200) throw new Error();
    expect(a.body.match(/<entry /g)).toHaveLength(1);
    expect(a.body).toContain('href="https://f.example/feeds/all.atom?limit=5&amp;cursor=');
    // A body within the limit is returned at once; at limit 1 it is returned whatever its size.
    const r2 = new Reader(items);
    await answer(feedRoute({ limit: 5 }), deps(r2, { maxBodyBytes: 10_000_000 }));
    expect(r2.calls.map((c) => c.limit)).toEqual([5]);
    const r3 = new Reader(items);
    const c = await answer(feedRoute({ limit: 3 }), deps(r3, { maxBodyBytes: 10 }));
    expect(r3.calls.map((x) => x.limit)).toEqual([3, 1]);
    expect(c.status).toBe(200);
    const r4 = new Reader(items);
    await answer(feedRoute({ limit: 2 }), deps(r4, { maxBodyBytes: Buffer.byteLength(one.status === 200 ? one.body : '') }));
    expect(r4.calls.map((x) => x.limit)).toEqual([2, 1]);
  });

  it('passes the doubtful threshold to the model and the tag', async () => {
    const a = await answer(feedRoute({ format: 'json' }), deps(new Reader([art(1, { segments: [{ en: ['x'], zh: ['y'], confidence: 0.6 }] })]), { doubtfulBelow: 0.7 }));
    if (a.status !== 200) throw new Error();
    expect(JSON.parse(a.body).items[0]._duofeed.doubtful_below).toBe(0.7);
    expect(JSON.parse(a.body).items[0]._duofeed.pairs[0].doubtful).toBe(true);
    const b = await answer(feedRoute({ format: 'json' }), deps(new Reader([art(1)])));
    expect(b.status === 200 && JSON.parse(b.body).items[0]._duofeed.doubtful_below).toBe(0.5);
    expect(a.etag).not.toBe(b.status === 200 && b.etag);
  });
});

describe('answer: the reading page', () => {
  const view = { lang: 'bi' as const, layout: 'side' as const, pinyin: false };
  it('404 for an unknown article', async () => {
    expect(await answer({ kind: 'article', id: 'zz', view }, deps(new Reader([])))).toEqual({ status: 404, message: "no article 'zz'" });
  });
  it('renders the page with its tag, the newest write of it and its neighbours as Last-Modified, and the CSP', async () => {
    const a2 = art(2);
    const near = { newer: art(5), older: art(1) };
    const a = await answer({ kind: 'article', id: 'a2', view }, deps(new Reader([a2], undefined, undefined, near)));
    expect(a).toEqual({
      status: 200,
      body: renderArticlePage(a2, BASE, SOURCES[0], { view, neighbours: near, doubtfulBelow: 0.5, zh: {} }),
      contentType: 'text/html; charset=utf-8',
      etag: articleEtag(a2, BASE, SOURCES[0], { view, neighbours: near, doubtfulBelow: 0.5 }),
      lastModified: Date.parse('2025-02-05T00:00:00Z'),
      headers: { 'content-security-policy': READER_CSP },
    });
    const b = await answer({ kind: 'article', id: 'a2', view }, deps(new Reader([art(2, { updated: 'x' })])));
    expect(b).not.toHaveProperty('lastModified');
    const c = await answer({ kind: 'article', id: 'a2', view }, deps(new Reader([a2], undefined, undefined, { older: art(1), newer: art(1) })));
    expect(c).toMatchObject({ lastModified: Date.parse('2025-02-02T00:00:00Z') });
  });
  it('answers 304 when fresh, and serves or fills the body cache', async () => {
    const fresh = await answer({ kind: 'article', id: 'a2', view }, deps(new Reader([art(2)]), { isFresh: (_e, lm) => lm() === Date.parse('2025-02-02T00:00:00Z') }));
    expect(fresh).toEqual({ status: 304, contentType: 'text/html; charset=utf-8', etag: articleEtag(art(2), BASE, SOURCES[0], { view, neighbours: {}, doubtfulBelow: 0.5 }), lastModified: Date.parse('2025-02-02T00:00:00Z') });
    const bodies = new Cache();
    const a = await answer({ kind: 'article', id: 'a2', view }, deps(new Reader([art(2)]), { bodies }));
    if (a.status !== 200) throw new Error();
    expect(bodies.map.get(a.etag)).toEqual({ body: a.body });
    bodies.map.set(a.etag, { body: 'cached page' });
    const b = await answer({ kind: 'article', id: 'a2', view }, deps(new Reader([art(2)]), { bodies }));
    expect(b.status === 200 && b.body).toBe('cached page');
    expect(bodies.sets).toHaveLength(1);
  });
  it('tags Chinese text with its script and converts it when another script is asked', async () => {
    const zh = art(3, { title: { en: 'Bus', zh: '巴士' }, segments: [{ en: ['These buses.'], zh: ['這些巴士們。'] }] });
    const a = await answer({ kind: 'article', id: 'a3', view }, deps(new Reader([zh])));
    expect(a.status === 200 && a.body).toContain('lang="zh-Hant"');
    const b = await answer({ kind: 'article', id: 'a3', view: { ...view, script: 'hans' } }, deps(new Reader([zh])));
    expect(b.status === 200 && b.body).toContain('这些巴士们。');
    const c = await answer({ kind: 'article', id: 'a3', view: { ...view, script: 'hant' } }, deps(new Reader([zh])));
    expect(c.status === 200 && c.body).toContain('這些巴士們。');
    const en = await answer({ kind: 'article', id: 'a1', view }, deps(new Reader([art(1)])));
    expect(en.status === 200 && en.body).toContain('<div class="side" lang="zh"></div>');
    const titleOnly = await answer({ kind: 'article', id: 'a4', view }, deps(new Reader([art(4, { title: { en: 'T', zh: '這們' } })])));
    expect(titleOnly.status === 200 && titleOnly.body).toContain('lang="zh-Hant"');
  });
  it('adds pinyin when asked', async () => {
    const zh = art(3, { segments: [{ en: ['Good.'], zh: ['你好'] }] });
    const a = await answer({ kind: 'article', id: 'a3', view: { ...view, pinyin: true } }, deps(new Reader([zh])));
    expect(a.status === 200 && a.body).toContain('<ruby>你<rt>nǐ</rt>好<rt>hǎo</rt></ruby>');
  });
});

describe('answer: exports', () => {
  it('one article as TMX: tag, type, file name, Last-Modified; 404 when unknown; 304 when fresh; cached', async () => {
    const a1 = art(1, { segments: [{ en: ['One.'], zh: ['一。'] }] });
    const a = await answer({ kind: 'article-export', id: 'a1', format: 'tmx' }, deps(new Reader([a1])));
    if (a.status !== 200) throw new Error();
    expect(a.contentType).toBe('application/x-tmx+xml; charset=utf-8');
    expect(a.etag).toBe(strongEtag(['article-export', 'tmx', BASE, 'a1', 1, 0.5]));
    expect(a.lastModified).toBe(Date.parse('2025-02-01T00:00:00Z'));
    expect(a.headers).toEqual({ 'content-disposition': 'attachment; filename="a1.tmx"' });
    expect(a.body).toContain('<prop type="x-duofeed-link">https://f.example/articles/a1#p1s1</prop>');
    expect(await answer({ kind: 'article-export', id: 'zz', format: 'tmx' }, deps(new Reader([])))).toEqual({ status: 404, message: "no article 'zz'" });
    const fresh = await answer({ kind: 'article-export', id: 'a1', format: 'tmx' }, deps(new Reader([a1]), { isFresh: (_e, lm) => lm() === a.lastModified }));
    expect(fresh).toEqual({ status: 304, contentType: a.contentType, etag: a.etag, lastModified: a.lastModified });
    const bodies = new Cache();
    await answer({ kind: 'article-export', id: 'a1', format: 'tmx' }, deps(new Reader([a1]), { bodies }));
    expect(bodies.map.get(a.etag)).toEqual({ body: a.body });
    bodies.map.set(a.etag, { body: 'cached' });
    const c = await answer({ kind: 'article-export', id: 'a1', format: 'tmx' }, deps(new Reader([a1]), { bodies }));
    expect(c.status === 200 && c.body).toBe('cached');
    expect(bodies.sets).toHaveLength(1);
    const noDate = await answer({ kind: 'article-export', id: 'a1', format: 'tmx' }, deps(new Reader([{ ...a1, updated: '' }])));
    expect(noDate).not.toHaveProperty('lastModified');
  });
  it('a source as TSV: lists it with the asked limit; the tag names every row; the file name is made safe', async () => {
    const r = new Reader([art(1, { segments: [{ en: ['One.'], zh: ['你好'] }] }), art(2, { version: 3 })]);
    const a = await answer({ kind: 'export', scope: 'daily', format: 'tsv', limit: 9 }, deps(r, { doubtfulBelow: 0.4 }));
    expect(r.calls).toEqual([{ sourceId: 'daily', limit: 9 }]);
    if (a.status !== 200) throw new Error();
    expect(a.contentType).toBe('text/tab-separated-values; charset=utf-8');
    expect(a.etag).toBe(strongEtag(['export', 'tsv', 'daily', 9, BASE, 0.4, 'a1@1 a2@3']));
    expect(a.lastModified).toBe(Date.parse('2025-02-02T00:00:00Z'));
    expect(a.headers).toEqual({ 'content-disposition': 'attachment; filename="duofeed-daily.tsv"' });
    expect(a.body).toContain('One.\t你好\tnǐ hǎo\thttps://f.example/articles/a1#p1s1\tduofeed-a1-p1s1\n');
    const all = new Reader([]);
    const b = await answer({ kind: 'export', scope: 'all', format: 'tmx', limit: 5 }, deps(all));
    expect(all.calls).toEqual([{ sourceId: undefined, limit: 5 }]);
    expect(b.status === 200 && b.headers).toEqual({ 'content-disposition': 'attachment; filename="duofeed-all.tmx"' });
    expect(b).not.toHaveProperty('lastModified');
    const odd = await answer({ kind: 'export', scope: 'a b"c', format: 'tmx', limit: 5 }, deps(new Reader([])));
    expect(odd.status === 200 && odd.headers).toEqual({ 'content-disposition': 'attachment; filename="duofeed-a_b_c.tmx"' });
  });
});

describe('answer: index and OPML', () => {
  it('the index lists the 20 newest of all sources, with its own CSP', async () => {
    const r = new Reader([art(1)]);
    const a = await answer({ kind: 'index' }, deps(r));
    expect(r.calls).toEqual([{ sourceId: undefined, limit: 20 }]);
    const body = renderIndexPage(SOURCES, await r.sourceStates(), BASE, [art(1)]);
    expect(a).toEqual({ status: 200, body, contentType: 'text/html; charset=utf-8', etag: bodyEtag('index', body), headers: { 'content-security-policy': INDEX_CSP } });
  });
  it('the OPML list', async () => {
    const body = renderOpml(SOURCES, BASE);
    expect(await answer({ kind: 'opml' }, deps(new Reader([])))).toEqual({ status: 200, body, contentType: 'text/x-opml; charset=utf-8', etag: bodyEtag('opml', body) });
  });
});
