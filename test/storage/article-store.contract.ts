/**
 * The storage contract, once, for every implementation of ArticleReader + ArticleWriter +
 * FetchStateStore + BoilerplateStore: run with `articleStoreContract(name, factory)` from a *.test.ts file.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../lambdas/core/article.js';
import type { ArticleReader, ArticleWriter, BoilerplateStore, Clock, FetchStateStore, PageLines } from '../../lambdas/core/ports.js';
import { PAGE_LINES_READ_MAX, PAGE_LINES_TTL_SECONDS } from '../../lambdas/adapters/store-model.js';
import { InvalidCursorError, ItemTooLargeError } from '../../lambdas/core/ports.js';

export type ArticleStore = ArticleReader & ArticleWriter & FetchStateStore & BoilerplateStore;

/** Makes a fresh, empty store whose isSeen/getValidators read time from `clock`. */
export type StoreFactory = (clock: Clock) => Promise<{ store: ArticleStore; cleanup?: () => Promise<void> }>;

export function article(id: string, over: Partial<Article> = {}): Article {
  return {
    id,
    url: `https://news.example/${id}.html`,
    languages: ['en', 'zh'],
    title: { en: `Title ${id}`, zh: `标题 ${id}` },
    segments: [{ en: [`Paragraph of ${id}.`], zh: [`${id} 的段落。`] }],
    ...over,
  };
}

const T0 = new Date('2026-11-30T10:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const ctx = (sourceId: string, now: Date, rawKey = `raw/${sourceId}/x/abc.html`) => ({
  sourceId,
  url: `https://news.example/from-ctx`,
  rawKey,
  now,
});

export function articleStoreContract(name: string, factory: StoreFactory): void {
  describe(`article store contract: ${name}`, () => {
    let store: ArticleStore;
    let cleanup: (() => Promise<void>) | undefined;
    let clockNow = T0;
    const clock: Clock = { now: () => clockNow };

    beforeEach(async () => {
      clockNow = T0;
      ({ store, cleanup } = await factory(clock));
    });
    afterEach(async () => {
      await cleanup?.();
    });

    describe('upsert', () => {
      it('creates version 1 with firstSeen = updated = now and the bookkeeping fields', async () => {
        const a = article('a1', { published: '2025-03-29T16:13:28+08:00', byline: { en: 'Li Wei', zh: '李伟' } });
        expect(await store.upsert(a, ctx('src', T0))).toBe('created');
        const got = await store.get('a1');
        expect(got).toMatchObject({
          ...a,
          sourceId: 'src',
          url: a.url,
          rawKey: 'raw/src/x/abc.html',
          firstSeen: T0.toISOString(),
          updated: T0.toISOString(),
          version: 1,
        });
        expect(got?.contentHash).toMatch(/^[0-9a-f]{64}$/);
        expect(await store.get('missing')).toBeUndefined();
      });

      it('takes the url from the context when the article has none', async () => {
        const { url: _u, ...noUrl } = article('a2');
        await store.upsert(noUrl, ctx('src', T0));
        expect((await store.get('a2'))?.url).toBe('https://news.example/from-ctx');
      });

      it('leaves the same content alone: unchanged, same version, same updated, same rawKey', async () => {
        await store.upsert(article('a1'), ctx('src', T0, 'raw/src/a1/one.html'));
        expect(await store.upsert(article('a1'), ctx('src', minutes(5), 'raw/src/a1/two.html'))).toBe('unchanged');
        const got = await store.get('a1');
        expect(got).toMatchObject({ version: 1, updated: T0.toISOString(), rawKey: 'raw/src/a1/one.html' });
      });

      it('treats an explicit equal contentHash as the same content', async () => {
        await store.upsert(article('a1', { contentHash: 'h1' }), ctx('src', T0));
        expect(await store.upsert(article('a1', { contentHash: 'h1', title: { en: 'x', zh: 'y' } }), ctx('src', minutes(1)))).toBe('unchanged');
        expect(await store.upsert(article('a1', { contentHash: 'h2' }), ctx('src', minutes(2)))).toBe('updated');
      });

      it('stores changed content under the same id with version + 1, a new updated and the old firstSeen', async () => {
        await store.upsert(article('a1'), ctx('src', T0));
        const changed = article('a1', { segments: [{ en: ['Corrected paragraph.'], zh: ['更正后的段落。'] }] });
        expect(await store.upsert(changed, ctx('src', minutes(10), 'raw/src/a1/new.html'))).toBe('updated');
        const got = await store.get('a1');
        expect(got).toMatchObject({
          version: 2,
          firstSeen: T0.toISOString(),
          updated: minutes(10).toISOString(),
          rawKey: 'raw/src/a1/new.html',
          segments: changed.segments,
        });
        expect(await store.upsert(changed, ctx('src', minutes(20)))).toBe('unchanged');
        expect(await store.upsert(article('a1'), ctx('src', minutes(30)))).toBe('updated');
        expect((await store.get('a1'))?.version).toBe(3);
      });

      it('keeps both of two concurrent changes: each lands as its own version', async () => {
        await store.upsert(article('a1'), ctx('src', T0));
        const outcomes = await Promise.all([
          store.upsert(article('a1', { title: { en: 'B', zh: '乙' } }), ctx('src', minutes(1))),
          store.upsert(article('a1', { title: { en: 'C', zh: '丙' } }), ctx('src', minutes(1))),
        ]);
        expect(outcomes).toEqual(['updated', 'updated']);
        expect((await store.get('a1'))?.version).toBe(3);
      });

      it('creates an article once when two writers race with the same content', async () => {
        const outcomes = await Promise.all([store.upsert(article('a1'), ctx('src', T0)), store.upsert(article('a1'), ctx('src', T0))]);
        expect([...outcomes].sort()).toEqual(['created', 'unchanged']);
        expect((await store.get('a1'))?.version).toBe(1);
        expect((await store.sourceStates()).find((s) => s.sourceId === 'src')?.articles).toBe(1);
      });

      it('stores a large but compressible article (over 400 KB of text) and reads it back intact', async () => {
        const para = 'The delegation discussed maritime cooperation and joint exercises. 代表团讨论了海上合作与联合演习。';
        const segments = Array.from({ length: 3000 }, (_, i) => ({ en: [`${i}. ${para}`], zh: [`${i}。${para}`] }));
        const big = article('big', { segments });
        expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(400 * 1024);
        expect(await store.upsert(big, ctx('src', T0))).toBe('created');
        expect((await store.get('big'))?.segments).toEqual(segments);
        const page = await store.list(undefined, { limit: 5 });
        expect(page.items.map((i) => i.id)).toEqual(['big']);
        expect(page.items[0]?.segments).toHaveLength(3000);
      });

      it('refuses an article too large even compressed, naming it, and stores nothing', async () => {
        const noise = randomBytes(450 * 1024).toString('base64');
        const huge = article('huge', { segments: [{ en: [noise], zh: [] }] });
        await expect(store.upsert(huge, ctx('src', T0))).rejects.toThrow(ItemTooLargeError);
        await expect(store.upsert(huge, ctx('src', T0))).rejects.toThrow(/huge/);
        expect(await store.get('huge')).toBeUndefined();
        expect((await store.list(undefined, { limit: 10 })).items).toEqual([]);
      });
    });

    describe('list', () => {
      // 7 articles over three months and two sources, with offsets that reorder them in UTC.
      const fixtures: [string, string, string | undefined][] = [
        ['m1', 'alpha', '2026-09-03T10:00:00+08:00'], // 02:00Z
        ['m2', 'beta', '2026-09-03T03:00:00Z'],
        ['m3', 'alpha', '2026-10-01T07:30:00+08:00'], // 2026-09-30T23:30Z: September, not October
        ['m4', 'beta', '2026-10-15T12:00:00Z'],
        ['m5', 'alpha', '2026-11-02T09:00:00-05:00'], // 14:00Z
        ['m6', 'beta', '2026-11-02T13:59:59Z'],
        ['m7', 'alpha', undefined], // no date: sorts by firstSeen (T0, the newest)
      ];
      const newestFirst = ['m7', 'm5', 'm6', 'm4', 'm3', 'm2', 'm1'];

      beforeEach(async () => {
        for (const [id, src, published] of fixtures) {
          await store.upsert(article(id, published ? { published } : {}), ctx(src, T0));
        }
      });

      async function pageThrough(sourceId: string | undefined, limit: number): Promise<string[][]> {
        const pages: string[][] = [];
        let cursor: string | undefined;
        do {
          const page = await store.list(sourceId, cursor === undefined ? { limit } : { limit, cursor });
          expect(page.items.length).toBeLessThanOrEqual(limit);
          pages.push(page.items.map((a) => a.id));
          cursor = page.next;
          if (cursor !== undefined) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        } while (cursor !== undefined && pages.length < 20);
        return pages;
      }

      it.each([1, 2, 3, 7, 50])('pages all sources newest first by published UTC instant (limit %i)', async (limit) => {
        const pages = await pageThrough(undefined, limit);
        expect(pages.flat()).toEqual(newestFirst);
        for (const p of pages.slice(0, -1)) expect(p).toHaveLength(limit);
      });

      it.each([1, 3, 10])('pages one source newest first (limit %i)', async (limit) => {
        expect((await pageThrough('alpha', limit)).flat()).toEqual(['m7', 'm5', 'm3', 'm1']);
        expect((await pageThrough('beta', limit)).flat()).toEqual(['m6', 'm4', 'm2']);
        expect((await pageThrough('nobody', limit)).flat()).toEqual([]);
      });

      it.each([
        ['m7', undefined, 'm5'],
        ['m5', 'm7', 'm3'],
        ['m1', 'm3', undefined],
        ['m4', 'm6', 'm2'],
      ])('neighbours of %s within its source: newer %s, older %s', async (id, newer, older) => {
        const got = await store.neighbours((await store.get(id))!);
        expect({ newer: got.newer?.id, older: got.older?.id }).toEqual({ newer, older });
        if (got.newer) expect(got.newer.title).toEqual((await store.get(got.newer.id))!.title);
      });

      it('moves an article whose published date changed, listing it once', async () => {
        expect(await store.upsert(article('m1', { published: '2026-11-02T20:00:00Z' }), ctx('alpha', minutes(1)))).toBe('updated');
        expect((await pageThrough(undefined, 2)).flat()).toEqual(['m7', 'm1', 'm5', 'm6', 'm4', 'm3', 'm2']);
        expect((await pageThrough('alpha', 2)).flat()).toEqual(['m7', 'm1', 'm5', 'm3']);
      });

      it('does not let a far-future published date jump the queue', async () => {
        await store.upsert(article('future', { published: '2031-01-01T00:00:00Z' }), ctx('alpha', minutes(-60)));
        expect((await pageThrough(undefined, 3)).flat()).toEqual(['m7', 'future', 'm5', 'm6', 'm4', 'm3', 'm2', 'm1']);
      });

      it('refuses a cursor from another listing or one it never issued', async () => {
        const all = await store.list(undefined, { limit: 2 });
        const alpha = await store.list('alpha', { limit: 2 });
        expect(all.next).toBeDefined();
        expect(alpha.next).toBeDefined();
        await expect(store.list('beta', { limit: 2, cursor: alpha.next as string })).rejects.toThrow(InvalidCursorError);
        await expect(store.list('alpha', { limit: 2, cursor: all.next as string })).rejects.toThrow(InvalidCursorError);
        await expect(store.list(undefined, { limit: 2, cursor: 'not a cursor!' })).rejects.toThrow(InvalidCursorError);
        await expect(store.list(undefined, { limit: 2, cursor: Buffer.from('{"x":1}').toString('base64url') })).rejects.toThrow(InvalidCursorError);
      });
    });

    describe('source states', () => {
      it('counts created articles per source (not updates) and records the last run', async () => {
        expect(await store.sourceStates()).toEqual([]);
        await store.upsert(article('a'), ctx('alpha', T0));
        await store.upsert(article('b'), ctx('alpha', T0));
        await store.upsert(article('b', { title: { en: 'new', zh: '新' } }), ctx('alpha', minutes(1)));
        await store.upsert(article('c'), ctx('beta', T0));
        await store.recordRun('alpha', { at: '2026-11-30T10:05:00.000Z', fetched: 2, skipped: 1, failed: 1, error: 'index page: HTTP 503' });
        await store.recordRun('gamma', { at: '2026-11-30T10:06:00.000Z', fetched: 0, skipped: 0, failed: 0 });
        const byId = Object.fromEntries((await store.sourceStates()).map((s) => [s.sourceId, s]));
        expect(byId.alpha).toEqual({ sourceId: 'alpha', articles: 2, lastFetch: '2026-11-30T10:05:00.000Z', failures: 1, lastError: 'index page: HTTP 503' });
        expect(byId.beta).toEqual({ sourceId: 'beta', articles: 1 });
        expect(byId.gamma).toEqual({ sourceId: 'gamma', lastFetch: '2026-11-30T10:06:00.000Z', failures: 0 });
        await store.recordRun('alpha', { at: '2026-11-30T11:05:00.000Z', fetched: 0, skipped: 3, failed: 0 });
        const alpha = (await store.sourceStates()).find((s) => s.sourceId === 'alpha');
        expect(alpha).toEqual({ sourceId: 'alpha', articles: 2, lastFetch: '2026-11-30T11:05:00.000Z', failures: 0 });
      });
    });

    describe('fetch state', () => {
      it('marks a URL seen exactly once', async () => {
        const url = 'https://news.example/a.html';
        expect(await store.isSeen(url)).toBe(false);
        expect(await store.markSeen(url, 'src', T0)).toBe(true);
        expect(await store.markSeen(url, 'src', T0)).toBe(false);
        expect(await store.isSeen(url)).toBe(true);
        expect(await store.isSeen(url + '?x')).toBe(false);
        const both = await Promise.all([store.markSeen('https://news.example/b', 's', T0), store.markSeen('https://news.example/b', 's', T0)]);
        expect([...both].sort()).toEqual([false, true]);
      });

      it('forgets a seen URL once its record expired, even before TTL deletes it', async () => {
        const url = 'https://news.example/old.html';
        const longAgo = new Date(T0.getTime() - 400 * 24 * 3600 * 1000);
        expect(await store.markSeen(url, 'src', longAgo)).toBe(true);
        expect(await store.isSeen(url)).toBe(false);
        expect(await store.markSeen(url, 'src', T0)).toBe(true);
        expect(await store.isSeen(url)).toBe(true);
      });

      it('remembers HTTP validators per URL', async () => {
        expect(await store.getValidators('https://x.example/')).toBeUndefined();
        await store.putValidators('https://x.example/', { etag: '"v1"', lastModified: 'Mon, 30 Nov 2026 09:00:00 GMT' }, T0);
        await store.putValidators('https://y.example/', { lastModified: 'Sun, 29 Nov 2026 09:00:00 GMT' }, T0);
        expect(await store.getValidators('https://x.example/')).toEqual({ etag: '"v1"', lastModified: 'Mon, 30 Nov 2026 09:00:00 GMT' });
        expect(await store.getValidators('https://y.example/')).toEqual({ lastModified: 'Sun, 29 Nov 2026 09:00:00 GMT' });
        await store.putValidators('https://x.example/', { etag: '"v2"' }, T0);
        expect(await store.getValidators('https://x.example/')).toEqual({ etag: '"v2"' });
        clockNow = new Date(T0.getTime() + 60 * 24 * 3600 * 1000);
        expect(await store.getValidators('https://x.example/')).toBeUndefined();
      });
    });

    describe('boilerplate page lines', () => {
      const byPage = (pages: PageLines[]) => Object.fromEntries(pages.map((p) => [p.pageId, p.lines]));

      it('keeps each page\'s lines per source, a page\'s new record replacing its old one', async () => {
        expect(await store.pageLines('src')).toEqual([]);
        await store.putPageLines('src', [{ pageId: 'p1', lines: ['aaaa000000000001', 'aaaa000000000002'] }, { pageId: 'p2', lines: ['aaaa000000000001'] }], T0);
        await store.putPageLines('other', [{ pageId: 'p1', lines: ['bbbb000000000001'] }], T0);
        expect(byPage(await store.pageLines('src'))).toEqual({ p1: ['aaaa000000000001', 'aaaa000000000002'], p2: ['aaaa000000000001'] });
        // The same page again (a redelivery, a revision): still one record, with the new lines.
        await store.putPageLines('src', [{ pageId: 'p1', lines: ['aaaa000000000003'] }], minutes(5));
        expect(byPage(await store.pageLines('src'))).toEqual({ p1: ['aaaa000000000003'], p2: ['aaaa000000000001'] });
        expect(byPage(await store.pageLines('other'))).toEqual({ p1: ['bbbb000000000001'] });
        // A page with no candidate lines is a record too, and a page named twice in one call keeps the last.
        await store.putPageLines('src', [{ pageId: 'p3', lines: [] }, { pageId: 'p4', lines: ['x'] }, { pageId: 'p4', lines: ['y'] }], T0);
        expect(byPage(await store.pageLines('src'))).toMatchObject({ p3: [], p4: ['y'] });
      });

      it('leaves page lines out of every article listing and source state', async () => {
        await store.upsert(article('a1'), ctx('src', T0));
        await store.putPageLines('src', [{ pageId: 'p1', lines: ['aaaa000000000001'] }], T0);
        expect((await store.list('src', { limit: 10 })).items.map((a) => a.id)).toEqual(['a1']);
        expect((await store.list(undefined, { limit: 10 })).items.map((a) => a.id)).toEqual(['a1']);
        expect((await store.sourceStates()).map((s) => s.sourceId)).toEqual(['src']);
      });

      it('forgets a page\'s lines once its record expired, even before TTL deletes it', async () => {
        await store.putPageLines('src', [{ pageId: 'old', lines: ['aaaa000000000001'] }], T0);
        const later = new Date(T0.getTime() + (PAGE_LINES_TTL_SECONDS - 60) * 1000);
        await store.putPageLines('src', [{ pageId: 'new', lines: ['aaaa000000000002'] }], later);
        clockNow = later;
        expect(Object.keys(byPage(await store.pageLines('src'))).sort()).toEqual(['new', 'old']);
        clockNow = new Date(T0.getTime() + PAGE_LINES_TTL_SECONDS * 1000);
        expect(Object.keys(byPage(await store.pageLines('src')))).toEqual(['new']);
      });

      it(`writes any number of pages in one call (in batches) and reads back at most ${PAGE_LINES_READ_MAX}`, async () => {
        const lines = Array.from({ length: 64 }, (_, i) => i.toString(16).padStart(16, '0'));
        const pages = Array.from({ length: PAGE_LINES_READ_MAX + 30 }, (_, i) => ({ pageId: `p${String(i).padStart(4, '0')}`, lines }));
        await store.putPageLines('busy', pages, T0);
        const read = await store.pageLines('busy');
        expect(read).toHaveLength(PAGE_LINES_READ_MAX);
        expect(new Set(read.map((p) => p.pageId)).size).toBe(PAGE_LINES_READ_MAX);
        expect(read[0]!.lines).toEqual(lines);
        await store.putPageLines('few', pages.slice(0, 60), T0);
        expect(await store.pageLines('few')).toHaveLength(60);
      }, 60_000);
    });
  });
}
