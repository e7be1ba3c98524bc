/**
 * The format-neutral feed model: canonical URLs, titles, item ids and dates, paging links,
 * the feed's date. Everything a reader sees in all three formats is decided here, so each
 * field is checked against values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../../lambdas/core/article.js';
import { formatRfc3339 } from '../../../lambdas/core/dates.js';
import {
  articleUrl,
  buildFeedModel,
  buildItem,
  DEFAULT_LIMIT,
  entryUpdated,
  FEED_FORMATS,
  feedTitle,
  feedUpdatedMs,
  feedUrl,
  MAX_LIMIT,
  MEDIA_TYPES,
  RENDER_VERSION,
  TAG_PREFIX,
  trimBase,
} from '../../../lambdas/core/feed/model.js';
import type { Source } from '../../../lambdas/core/sources.js';
import { feedSource, storedArticle } from './fixtures.js';

const source = (id: string, name: string, languages = ['en', 'zh']): Source => feedSource(id, name, { languages });
const SOURCES = [source('daily', 'Daily News'), source('zhsite', '中文站', ['zh', 'en'])];
const BY_ID = new Map(SOURCES.map((s) => [s.id, s]));

const stored = (over: Partial<StoredArticle> = {}): StoredArticle =>
  storedArticle({
    url: 'https://news.example/a?x=1',
    title: { en: 'Tea', zh: '茶' },
    byline: { en: 'Zhang', zh: '张' },
    published: '2025-03-28T09:00:00+08:00',
    segments: [{ en: ['One.'], zh: ['一。'], confidence: 0.3 }],
    rawKey: 'raw/a1',
    ...over,
  });
const NOW = new Date('2025-04-01T12:34:56.789Z');

describe('constants', () => {
  it('name the formats, media types, limits and the tag prefix', () => {
    expect(FEED_FORMATS).toEqual(['rss', 'atom', 'json']);
    expect(MEDIA_TYPES).toEqual({ rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' });
    expect([DEFAULT_LIMIT, MAX_LIMIT]).toEqual([50, 200]);
    expect(TAG_PREFIX).toBe('tag:duofeed,2026:');
    expect(RENDER_VERSION).toBe('2');
  });
});

describe('URLs', () => {
  it('trimBase drops every trailing slash and nothing else', () => {
    expect(trimBase('https://f.example///')).toBe('https://f.example');
    expect(trimBase('https://f.example/sub/')).toBe('https://f.example/sub');
    expect(trimBase('https://f.example')).toBe('https://f.example');
  });
  it('feedUrl omits default parameters, so one feed has one URL', () => {
    expect(feedUrl('https://f.example/', { scope: 'all', format: 'atom', lang: 'bi' })).toBe('https://f.example/feeds/all.atom');
    expect(feedUrl('https://f.example', { scope: 'all', format: 'rss', lang: 'bi', limit: 50 })).toBe('https://f.example/feeds/all.rss');
    expect(feedUrl('https://f.example', { scope: 'daily', format: 'json', lang: 'zh', limit: 10, cursor: 'a/b+c=' })).toBe(
      'https://f.example/feeds/daily.json?lang=zh&limit=10&cursor=a%2Fb%2Bc%3D',
    );
    expect(feedUrl('https://f.example', { scope: 'daily', format: 'json', lang: 'bi', cursor: '' })).toBe('https://f.example/feeds/daily.json');
    expect(feedUrl('https://f.example', { scope: 'a b/c', format: 'atom', lang: 'en' })).toBe('https://f.example/feeds/a%20b%2Fc.atom?lang=en');
  });
  it('articleUrl encodes the id under /articles/', () => {
    expect(articleUrl('https://f.example/', 'a/1')).toBe('https://f.example/articles/a%2F1');
  });
  it('feedTitle names all sources, a source by its name, an unknown one by its id, and the view', () => {
    expect(feedTitle('all', undefined, 'bi')).toBe('duofeed — all sources (English · 中文)');
    expect(feedTitle('all', SOURCES[0], 'en')).toBe('duofeed — all sources (English)');
    expect(feedTitle('daily', SOURCES[0], 'zh')).toBe('Daily News (中文)');
    expect(feedTitle('gone', undefined, 'bi')).toBe('gone (English · 中文)');
  });
});

describe('entryUpdated', () => {
  it('version 1 with a page date: the published date, in its offset', () => {
    const a = stored({ firstSeen: '2025-11-30T10:00:00.123Z', updated: '2025-11-30T10:00:00.123Z' });
    expect(formatRfc3339(entryUpdated(a), { millis: true })).toBe('2025-03-28T09:00:00+08:00');
  });
  it('version 1 without a page date: when first seen, to the millisecond', () => {
    const { published: _p, ...a } = stored({ firstSeen: '2025-11-30T10:00:00.123Z', updated: '2025-12-30T10:00:00Z' });
    expect(formatRfc3339(entryUpdated(a), { millis: true })).toBe('2025-11-30T10:00:00.123Z');
  });
  it('a later version: when the change was stored, else first seen, in the article offset, never before published', () => {
    expect(formatRfc3339(entryUpdated(stored({ version: 2, updated: '2025-12-01T01:02:03.456Z' })), { millis: true })).toBe('2025-12-01T09:02:03.456+08:00');
    expect(formatRfc3339(entryUpdated(stored({ version: 2, updated: 'bad', firstSeen: '2025-12-01T00:00:00Z' })))).toBe('2025-12-01T08:00:00+08:00');
    expect(entryUpdated(stored({ version: 2, updated: '2025-03-27T00:00:00Z' })).epochMs).toBe(Date.parse('2025-03-28T01:00:00Z'));
  });
  it('nothing parseable: the epoch', () => {
    const a = stored({ published: 'x', firstSeen: 'y', updated: 'z' });
    expect(entryUpdated(a)).toEqual({ epochMs: 0, offsetMinutes: 0 });
    expect(entryUpdated(stored({ version: 3, published: 'x', firstSeen: 'y', updated: 'z' }))).toEqual({ epochMs: 0, offsetMinutes: 0 });
  });
});

describe('buildItem', () => {
  it('fills every field for the bi view', () => {
    const i = buildItem(stored(), 'bi', 'https://f.example/', BY_ID);
    expect(i.articleId).toBe('a1');
    expect(i.version).toBe(1);
    expect(i.id).toBe('tag:duofeed,2026:article/a1');
    expect(i.title).toBe('Tea · 茶');
    expect(i.lang).toBe('en');
    expect(i.link).toBe('https://f.example/articles/a1');
    expect(i.externalUrl).toBe('https://news.example/a?x=1');
    expect(formatRfc3339(i.published)).toBe('2025-03-28T09:00:00+08:00');
    expect(formatRfc3339(i.updated)).toBe('2025-03-28T09:00:00+08:00');
    expect(i.author).toBe('Zhang / 张');
    expect(i.category).toEqual({ term: 'daily', label: 'Daily News' });
    expect(i.summary).toBe('One.');
    expect(i.contentHtml).toBe(
      '<p lang="en">One.</p><p lang="zh">一。</p><hr><p><a href="https://f.example/articles/a1">Side by side · 双语对照</a> · <a href="https://news.example/a?x=1">Original · 原文</a></p>',
    );
    expect(i.pairs).toEqual([{ segment: 1, sentence: 1, id: 'p1s1', text: { en: 'One.', zh: '一。' }, confidence: 0.3, doubtful: true }]);
    expect(i.languages).toEqual(['en', 'zh']);
    expect(i.doubtfulBelow).toBe(0.5);
  });
  it('a single-language view gets its own id, title, language and summary; the threshold is a parameter', () => {
    const i = buildItem(stored(), 'zh', 'https://f.example', BY_ID, 0.2);
    expect(i.id).toBe('tag:duofeed,2026:article/a1/zh');
    expect(i.title).toBe('茶');
    expect(i.lang).toBe('zh');
    expect(i.author).toBe('张');
    expect(i.summary).toBe('一。');
    expect(i.pairs[0]!.doubtful).toBe(false);
    expect(i.doubtfulBelow).toBe(0.2);
    expect(buildItem(stored(), 'en', 'https://f.example', BY_ID).id).toBe('tag:duofeed,2026:article/a1/en');
  });
  it('drops an unsafe source URL and an absent byline; labels an unknown source by the page source, then its id', () => {
    const i = buildItem(stored({ url: 'javascript:alert(1)', byline: undefined, sourceId: 'gone', source: 'The Page' }), 'bi', 'https://f.example', BY_ID);
    expect(i).not.toHaveProperty('externalUrl');
    expect(i).not.toHaveProperty('author');
    expect(i.category).toEqual({ term: 'gone', label: 'The Page' });
    expect(i.contentHtml).toBe('<p lang="en">One.</p><p lang="zh">一。</p><hr><p><a href="https://f.example/articles/a1">Side by side · 双语对照</a></p>');
    expect(buildItem(stored({ sourceId: 'gone' }), 'bi', 'https://f.example', BY_ID).category).toEqual({ term: 'gone', label: 'gone' });
  });
  it('an article with no languages reads as en, zh; an undated one is published when first seen', () => {
    const { published: _p, ...undated } = stored({ languages: [] });
    const i = buildItem(undated, 'bi', 'https://f.example', BY_ID);
    expect(i.languages).toEqual(['en', 'zh']);
    expect(formatRfc3339(i.published)).toBe('2025-03-28T02:00:00Z');
    expect(buildItem(stored({ languages: ['zh', 'en'] }), 'bi', 'https://f.example', BY_ID).languages).toEqual(['zh', 'en']);
  });
  it('builds the content once, on first read', () => {
    const i = buildItem(stored(), 'bi', 'https://f.example', BY_ID);
    expect(i.contentHtml).toBe(i.contentHtml);
    expect(i.summary).toBe(i.summary);
    expect(i.pairs).toBe(i.pairs);
  });
});

describe('feedUpdatedMs', () => {
  it('an empty feed: now, to the whole second below', () => {
    expect(feedUpdatedMs([], NOW)).toBe(Date.parse('2025-04-01T12:34:56Z'));
  });
  it('the newest store write among the items, whatever their published dates', () => {
    const items = [stored({ updated: '2025-11-01T00:00:00Z' }), stored({ updated: '2025-11-30T00:00:00.5Z', published: '2020-01-01T00:00:00Z' }), stored({ updated: '2025-10-01T00:00:00Z' })];
    expect(feedUpdatedMs(items, NOW)).toBe(Date.parse('2025-11-30T00:00:00.500Z'));
    expect(feedUpdatedMs([stored({ updated: 'bad', firstSeen: '2025-06-01T00:00:00Z' })], NOW)).toBe(Date.parse('2025-06-01T00:00:00Z'));
    expect(feedUpdatedMs([stored({ updated: 'bad', firstSeen: 'bad' })], NOW)).toBe(0);
  });
});

describe('buildFeedModel', () => {
  const query = { scope: 'all', format: 'atom' as const, lang: 'bi' as const, limit: 50 };

  it('the all-sources feed: id, title, subtitle, language, links, author, items', () => {
    const m = buildFeedModel({ query, page: { items: [stored(), stored({ id: 'a2', updated: '2025-05-01T00:00:00Z' })] }, baseUrl: 'https://f.example/', sources: SOURCES, now: NOW });
    expect(m.id).toBe('tag:duofeed,2026:feed/all/bi');
    expect(m.title).toBe('duofeed — all sources (English · 中文)');
    expect(m.subtitle).toBe('Aligned English–Chinese articles from every duofeed source');
    expect(m.lang).toBe('en');
    expect(m.updated).toEqual({ epochMs: Date.parse('2025-05-01T00:00:00Z'), offsetMinutes: 0 });
    expect(m.selfUrl).toBe('https://f.example/feeds/all.atom');
    expect(m.firstUrl).toBe('https://f.example/feeds/all.atom');
    expect(m).not.toHaveProperty('nextUrl');
    expect(m.homeUrl).toBe('https://f.example/');
    expect(m.author).toBe('duofeed');
    expect(m.items.map((i) => i.id)).toEqual(['tag:duofeed,2026:article/a1', 'tag:duofeed,2026:article/a2']);
  });
  it('a source feed, with a cursor and a next page: links keep the asked limit, self the cursor, next the new one', () => {
    const m = buildFeedModel({
      query: { scope: 'zhsite', format: 'rss', lang: 'bi', limit: 10, cursor: 'c1' },
      page: { items: [stored({ sourceId: 'zhsite' })], next: 'c2' },
      baseUrl: 'https://f.example',
      sources: SOURCES,
      now: NOW,
      doubtfulBelow: 0.1,
    });
    expect(m.id).toBe('tag:duofeed,2026:feed/zhsite/bi');
    expect(m.title).toBe('中文站 (English · 中文)');
    expect(m.subtitle).toBe('Aligned English–Chinese articles from 中文站');
    expect(m.lang).toBe('zh');
    expect(m.selfUrl).toBe('https://f.example/feeds/zhsite.rss?limit=10&cursor=c1');
    expect(m.firstUrl).toBe('https://f.example/feeds/zhsite.rss?limit=10');
    expect(m.nextUrl).toBe('https://f.example/feeds/zhsite.rss?limit=10&cursor=c2');
    expect(m.author).toBe('中文站');
    expect(m.items[0]!.category).toEqual({ term: 'zhsite', label: '中文站' });
    expect(m.items[0]!.doubtfulBelow).toBe(0.1);
  });
  it('a single-language feed is in that language; an unknown source is named by its id; an empty feed is dated now', () => {
    const m = buildFeedModel({ query: { scope: 'gone', format: 'json', lang: 'zh', limit: 50 }, page: { items: [] }, baseUrl: 'https://f.example', sources: SOURCES, now: NOW });
    expect(m.id).toBe('tag:duofeed,2026:feed/gone/zh');
    expect(m.lang).toBe('zh');
    expect(m.title).toBe('gone (中文)');
    expect(m.subtitle).toBe('Aligned English–Chinese articles from gone');
    expect(m.author).toBe('duofeed');
    expect(m.selfUrl).toBe('https://f.example/feeds/gone.json?lang=zh');
    expect(m.updated).toEqual({ epochMs: Date.parse('2025-04-01T12:34:56Z'), offsetMinutes: 0 });
    expect(m.items).toEqual([]);
    const bi = buildFeedModel({ query: { scope: 'gone', format: 'json', lang: 'bi', limit: 50 }, page: { items: [] }, baseUrl: 'https://f.example', sources: SOURCES, now: NOW });
    expect(bi.lang).toBe('en');
    const src = buildFeedModel({ query: { scope: 'daily', format: 'json', lang: 'en', limit: 50 }, page: { items: [] }, baseUrl: 'https://f.example', sources: [source('daily', 'D', [])], now: NOW });
    expect(src.lang).toBe('en');
    const noLangs = buildFeedModel({ query: { scope: 'daily', format: 'json', lang: 'bi', limit: 50 }, page: { items: [] }, baseUrl: 'https://f.example', sources: [source('daily', 'D', [])], now: NOW });
    expect(noLangs.lang).toBe('en');
  });
  it('the all-sources feed is never taken for a configured source whose id is "all"', () => {
    const m = buildFeedModel({ query, page: { items: [] }, baseUrl: 'https://f.example', sources: [source('all', 'A source called all', ['zh', 'en'])], now: NOW });
    expect(m.author).toBe('duofeed');
    expect(m.lang).toBe('en');
    expect(m.title).toBe('duofeed — all sources (English · 中文)');
  });
  it('the default threshold marks a 0.3 segment doubtful', () => {
    const m = buildFeedModel({ query, page: { items: [stored()] }, baseUrl: 'https://f.example', sources: SOURCES, now: NOW });
    expect(m.items[0]!.doubtfulBelow).toBe(0.5);
    expect(m.items[0]!.pairs[0]!.doubtful).toBe(true);
    expect(m.items[0]!.lang).toBe('en');
  });
});
