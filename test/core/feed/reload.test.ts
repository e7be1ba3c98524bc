/**
 * The feed modules loaded a second time, inside a test, answer every kind of request exactly
 * as the first load does: their module-level tables, patterns and constants (media types,
 * labels, route patterns, known parameters, day and month names, punctuation, thresholds) hold
 * no state that depends on when or how often they are loaded.
 *
 * Why here: the per-file tests check those values through what the renderers print, but the
 * first load happens before any test starts, and mutation testing switches a mutant on only
 * while a test runs — a mutant in a module-level value was never reached. Loading the graph
 * again inside the test (vi.resetModules) puts those values under test; the first load's
 * answers, checked by hand in the per-file tests, are the reference. The articles here have no
 * Chinese text, pinyin or script views, so the large Chinese dictionaries are not loaded twice
 * (answer.test.ts and reader.test.ts cover those paths).
 */
import { describe, expect, it, vi } from 'vitest';
import type { StoredArticle } from '../../../lambdas/core/article.js';
// The first load: when this file is collected, before any test starts.
import * as dates from '../../../lambdas/core/feed/dates.js';
import * as escape from '../../../lambdas/core/feed/escape.js';
import * as exportsModule from '../../../lambdas/core/feed/exports.js';
import * as feed from '../../../lambdas/core/feed/index.js';
import * as route from '../../../lambdas/core/feed/route.js';
import * as zh from '../../../lambdas/core/feed/zh.js';
import type { ArticleReader, Neighbours, Page, SourceState } from '../../../lambdas/core/ports.js';
import type { Source } from '../../../lambdas/core/sources.js';
import { feedSource } from './fixtures.js';

type FeedIndex = typeof import('../../../lambdas/core/feed/index.js');
type Route = typeof import('../../../lambdas/core/feed/route.js');
type Exports = typeof import('../../../lambdas/core/feed/exports.js');
type Zh = typeof import('../../../lambdas/core/feed/zh.js');
type Dates = typeof import('../../../lambdas/core/feed/dates.js');
type Escape = typeof import('../../../lambdas/core/feed/escape.js');

const SOURCES: Source[] = [feedSource('daily', 'Daily & Co', { startUrls: ['https://d.example/'] })];
const ARTICLES: StoredArticle[] = [
  {
    id: 'a1',
    sourceId: 'daily',
    url: 'https://d.example/1?x=1&y=2',
    languages: ['en', 'zh'],
    title: { en: 'Tea <harvest> & "more"' },
    byline: { en: 'Zhang', zh: '张' },
    source: '样例日报',
    editor: 'Li',
    published: '2025-03-29T16:13:28+08:00',
    segments: [
      { en: ['One. Two.'], zh: [], confidence: 0.3, sentences: [{ en: ['One.'], zh: [] }, { en: ['Two.'], zh: [] }] },
      { en: ['Only\u0001 English.'], zh: [], confidence: 0.9 },
    ],
    authorNote: { en: 'Note' },
    editorNote: { en: 'Ed.' },
    firstSeen: '2025-03-29T08:20:00Z',
    updated: '2025-03-30T02:00:00.123Z',
    version: 2,
    rawKey: 'raw',
    contentHash: 'h1',
  },
  {
    id: 'a2',
    sourceId: 'daily',
    url: 'javascript:alert(1)',
    languages: ['zh', 'en'],
    title: { en: 'Second' },
    segments: [{ en: ['E.'] }],
    firstSeen: '2025-01-05T11:00:00Z',
    updated: '2025-01-05T11:00:00Z',
    version: 1,
    rawKey: 'raw',
  },
];

class Reader implements ArticleReader {
  async list(_s: string | undefined, opts: { limit: number; cursor?: string }): Promise<Page<StoredArticle>> {
    return { items: ARTICLES.slice(0, opts.limit), next: 'n1' };
  }
  async get(id: string) {
    return ARTICLES.find((a) => a.id === id);
  }
  async neighbours(a: StoredArticle): Promise<Neighbours> {
    return a.id === 'a1' ? { older: ARTICLES[1] } : { newer: ARTICLES[0] };
  }
  async sourceStates(): Promise<SourceState[]> {
    return [{ sourceId: 'daily', lastFetch: '2025-03-30T02:00:00Z', articles: 2, failures: 1, lastError: 'HTTP 503' }];
  }
}

const REQUESTS: [string, string][] = [
  ['/feeds/all.atom', ''],
  ['/feeds/all.rss', 'lang=en'],
  ['/feeds/daily.json', 'lang=zh&limit=1'],
  ['/feeds/daily.atom', 'limit=2&cursor=bad'],
  ['/articles/a1', ''],
  ['/articles/a1', 'lang=en'],
  ['/articles/a1', 'layout=inter'],
  ['/articles/a2', 'lang=zh'],
  ['/articles/a1.tmx', ''],
  ['/feeds/daily.tmx', 'limit=2'],
  ['/', ''],
  ['/opml', ''],
  ['/feeds.opml', ''],
  ['/index.html', ''],
  ['/feeds/all.xml', ''],
  ['/feeds/nope.atom', ''],
  ['/articles/a1.pdf', ''],
  ['/articles/a b', ''],
  ['/feeds/all.atom', 'lang=fr'],
  ['/feeds/all.atom', 'limit=500'],
  ['/feeds/all.atom', 'lang=en&lang=zh'],
  ['/feeds/all.tmx', 'cursor=abc'],
  ['/articles/a1', 'layout=grid'],
  ['/articles/a1', 'lang=en&layout=side'],
  ['/articles/a1', 'pinyin=2'],
  ['/articles/a1', 'script=latn'],
  ['/nowhere', ''],
];

interface Loaded {
  feed: FeedIndex;
  route: Route;
  exports: Exports;
  zh: Zh;
  dates: Dates;
  escape: Escape;
}

/** The second load, inside the test. */
async function load(): Promise<Loaded> {
  return {
    feed: await import('../../../lambdas/core/feed/index.js'),
    route: await import('../../../lambdas/core/feed/route.js'),
    exports: await import('../../../lambdas/core/feed/exports.js'),
    zh: await import('../../../lambdas/core/feed/zh.js'),
    dates: await import('../../../lambdas/core/feed/dates.js'),
    escape: await import('../../../lambdas/core/feed/escape.js'),
  };
}

/** Everything a client could see from the loaded modules, as one list of values. */
async function everything(m: Loaded): Promise<unknown[]> {
  const ids = new Set(SOURCES.map((s) => s.id));
  const cursors = m.feed.cursorSeal('k'.repeat(32));
  const out: unknown[] = [m.route.QUERY_PARAMS];
  for (const [path, qs] of REQUESTS) {
    const params = new URLSearchParams(qs);
    if (params.get('cursor') === 'bad') params.set('cursor', cursors.seal('daily', 'store'));
    const route = m.route.routeRequest(path, params, ids);
    out.push(route);
    out.push(await m.feed.answer(route, { reader: new Reader(), sources: SOURCES, baseUrl: 'https://f.example/', now: new Date('2025-04-01T00:00:00Z'), cursors }));
  }
  out.push(m.exports.EXPORT_FORMATS, m.exports.EXPORT_MEDIA_TYPES, m.exports.TSV_HEADER, m.zh.ZH_SCRIPTS, m.zh.zhTag('hans'), m.zh.zhTag('hant'));
  out.push(m.zh.pinyinLine([...'，、。！？：；（）《》…—x'].map((text) => ({ text }))));
  for (let month = 0; month < 12; month++) out.push(m.dates.formatHttpDate(Date.UTC(2025, month, 1 + month)));
  for (let day = 1; day <= 7; day++) out.push(m.dates.formatHttpDate(Date.UTC(2025, 5, day, 13, 4, 5)));
  out.push(m.escape.escapeXml('a<b>&"\'\u0001\uFFFE\uD800'), m.escape.escapeXml('plain'));
  for (const only of ['<', '>', '&', '"', "'", '\u0000', '\u0008', '\u000B', '\u000C', '\u000E', '\u001F', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF']) out.push(m.escape.escapeXml(only));
  return out;
}

describe('reloading the feed modules', () => {
  it('answers every kind of request byte for byte as the first load', async () => {
    const first = await everything({ feed, route, exports: exportsModule, zh, dates, escape });
    vi.resetModules();
    const second = await everything(await load());
    expect(second).toEqual(first);
    expect(first.length).toBeGreaterThan(60);
  });
});
