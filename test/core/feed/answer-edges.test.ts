/**
 * answer() and the index page at the edges mutation testing found open: a body of exactly the
 * size limit, an empty feed's cached body, the article's own source among several, the
 * doubtful threshold on the reading page and the exports, the script the Chinese is tagged and
 * shown in, the refusal of a cursor on a fresh load, a home page that only contains an http
 * URL, and rows written back to back.
 */
import { describe, expect, it, vi } from 'vitest';
import type { StoredArticle } from '../../../lambdas/core/article.js';
import { cursorSeal } from '../../../lambdas/core/feed/cursor.js';
import { answer, type AnswerDeps, type CachedBody } from '../../../lambdas/core/feed/index.js';
import { renderIndexPage } from '../../../lambdas/core/feed/index-page.js';
import type { ArticleReader, Page } from '../../../lambdas/core/ports.js';
import { feedSource, storedArticle } from './fixtures.js';

const SOURCES = [feedSource('first', 'First Source'), feedSource('second', 'Second Source')];
const art = (id: string, over: Partial<StoredArticle> = {}): StoredArticle =>
  storedArticle({ id, sourceId: 'second', url: `https://s.example/${id}`, title: { en: `Title ${id}` }, segments: [{ en: ['One.'], zh: ['一。'], confidence: 0.6 }], firstSeen: '2025-01-01T00:00:00Z', updated: '2025-01-02T00:00:00Z', ...over });
const reader = (items: StoredArticle[]): ArticleReader => ({
  list: async (_s, opts): Promise<Page<StoredArticle>> => ({ items: items.slice(0, opts.limit) }),
  get: async (id) => items.find((a) => a.id === id),
  neighbours: async () => ({}),
  sourceStates: async () => [],
});
const deps = (items: StoredArticle[], over: Partial<AnswerDeps> = {}): AnswerDeps => ({ reader: reader(items), sources: SOURCES, baseUrl: 'https://f.example', now: new Date('2025-04-01T00:00:00Z'), cursors: cursorSeal('k'.repeat(32)), ...over });
const feed = (limit: number) => ({ kind: 'feed' as const, query: { scope: 'all', format: 'atom' as const, lang: 'bi' as const, limit } });
const view = { lang: 'bi' as const, layout: 'side' as const, pinyin: false };

describe('answer', () => {
  it('serves a body of exactly the size limit as it is', async () => {
    const items = [art('a1'), art('a2')];
    const full = await answer(feed(2), deps(items));
    const size = full.status === 200 ? Buffer.byteLength(full.body) : 0;
    const calls: number[] = [];
    const counting = reader(items);
    const list = counting.list.bind(counting);
    counting.list = (s, o) => (calls.push(o.limit), list(s, o));
    const exact = await answer(feed(2), deps(items, { reader: counting, maxBodyBytes: size }));
    expect(calls).toEqual([2]);
    expect(exact.status === 200 && exact.body).toBe(full.status === 200 && full.body);
  });

  it('an empty feed answers and caches its body', async () => {
    const bodies = new Map<string, CachedBody>();
    const a = await answer(feed(5), deps([], { bodies: { get: (k) => bodies.get(k), set: (k, v) => void bodies.set(k, v) } }));
    if (a.status !== 200) throw new Error('expected 200');
    expect(a.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(bodies.get(a.etag)?.body).toBe(a.body);
  });

  it('names the article\'s own source among several, and flags by the configured threshold', async () => {
    const a = await answer({ kind: 'article', id: 'a1', view }, deps([art('a1')], { doubtfulBelow: 0.7 }));
    if (a.status !== 200) throw new Error('expected 200');
    expect(a.body).toContain('<a href="https://f.example/#source-second">Second Source</a>');
    expect(a.body).toContain('<p class="flag">uncertain pairing · 对齐存疑 (0.60)</p>');
    const b = await answer({ kind: 'article', id: 'a1', view }, deps([art('a1')]));
    expect(b.status === 200 && b.body).not.toContain('<p class="flag">');
  });

  it('exports note doubt by the configured threshold', async () => {
    const a = await answer({ kind: 'article-export', id: 'a1', format: 'tmx' }, deps([art('a1')], { doubtfulBelow: 0.7 }));
    expect(a.status === 200 && a.body).toContain('<note>uncertain pairing: segment confidence 0.6 is below 0.7</note>');
    const b = await answer({ kind: 'export', scope: 'all', format: 'tmx', limit: 5 }, deps([art('a1')], { doubtfulBelow: 0.7 }));
    expect(b.status === 200 && b.body).toContain('<note>uncertain pairing: segment confidence 0.6 is below 0.7</note>');
  });

  it('tags Chinese by the script it is written in, from the title alone too, and leaves it unconverted when no script is asked', async () => {
    const titleOnly = art('a1', { title: { en: 'T', zh: '這們' }, segments: [{ en: ['One.'] }] });
    const a = await answer({ kind: 'article', id: 'a1', view }, deps([titleOnly]));
    expect(a.status === 200 && a.body).toContain('<div class="side" lang="zh-Hant"><h2>這們</h2></div>');
    const simplified = art('a2', { title: { en: 'T', zh: '这些们' }, segments: [{ en: ['One.'], zh: ['这些巴士们。'] }] });
    const b = await answer({ kind: 'article', id: 'a2', view }, deps([simplified]));
    expect(b.status === 200 && b.body).toContain('<div class="side" lang="zh-Hans"><h2>这些们</h2></div>');
    expect(b.status === 200 && b.body).toContain('这些巴士们。');
    const none = await answer({ kind: 'article', id: 'a3', view }, deps([art('a3', { segments: [{ en: ['x'], zh: ['中文'] }] })]));
    expect(none.status === 200 && none.body).toContain('<div class="side" lang="zh"><p><span class="s" data-p="p1s1">中文</span></p></div>');
  });

  it('refuses a cursor it did not sign, with the same words, when loaded again inside the test', async () => {
    vi.resetModules();
    const fresh = await import('../../../lambdas/core/feed/index.js');
    const route = { kind: 'feed' as const, query: { scope: 'all', format: 'atom' as const, lang: 'bi' as const, limit: 5, cursor: 'x.AAAAAAAAAAAAAAAAAAAAAA' } };
    expect(await fresh.answer(route, deps([]))).toEqual({ status: 400, message: 'cursor is not one this server issued' });
  });
});

describe('index page', () => {
  it('links a home page only when it starts with http(s)://', () => {
    const html = renderIndexPage([feedSource('s', 'S', { homepage: 'javascript:void(0)//https://x.example/' })], [], 'https://f.example');
    expect(html).toContain('<tr id="source-s"><td>S<br><code>s</code></td>');
  });
  it('writes one source row after another', () => {
    const html = renderIndexPage(SOURCES, [], 'https://f.example');
    expect(html).toMatch(/<\/td><\/tr>\n<tr id="source-second">/);
    expect(html).toMatch(/<tbody>\n<tr id="source-first">/);
    expect(html).toMatch(/<\/td><\/tr>\n<\/tbody>/);
  });
});
