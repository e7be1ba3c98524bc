import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../lambdas/core/article.js';
import { renderAtom } from '../../lambdas/core/feed/atom.js';
import { buildContentHtml, viewTitle, type FeedLang } from '../../lambdas/core/feed/content.js';
import { formatRfc3339, parseRfc3339 } from '../../lambdas/core/dates.js';
import { formatHttpDate, formatRfc822 } from '../../lambdas/core/feed/dates.js';
import { escapeXml, safeHttpUrl } from '../../lambdas/core/feed/escape.js';
import { feedPageEtag } from '../../lambdas/core/feed/etag.js';
import { shortUtc } from '../../lambdas/core/feed/index-page.js';
import { renderIndexPage } from '../../lambdas/core/feed/index-page.js';
import { renderJsonFeed } from '../../lambdas/core/feed/jsonfeed.js';
import { buildFeedModel, feedUpdatedMs, type FeedFormat, type FeedModel } from '../../lambdas/core/feed/model.js';
import { renderOpml } from '../../lambdas/core/feed/opml.js';
import { renderArticlePage } from '../../lambdas/core/feed/reader.js';
import { READER_JS } from '../../lambdas/core/feed/reader-assets.js';
import { QUERY_PARAMS, routeRequest } from '../../lambdas/core/feed/route.js';
import { renderRss } from '../../lambdas/core/feed/rss.js';
import { DAILY, HOSTILE, MemoryReader, SOURCES, STATES, UNDATED, allArticles } from './fixtures.js';

const BASE = 'https://feeds.example.org';
const NOW = new Date('2025-04-01T00:00:00Z');
const RENDER: Record<FeedFormat, (m: FeedModel) => string> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };
const LANGS: FeedLang[] = ['bi', 'en', 'zh'];
const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];

function tag(articles: StoredArticle[], lang: FeedLang, format: FeedFormat = 'atom'): string {
  return feedPageEtag({ query: { scope: 'all', format, lang, limit: 50 }, page: { items: articles }, baseUrl: BASE, sources: SOURCES, now: NOW });
}

function model(articles: StoredArticle[], lang: FeedLang, format: FeedFormat = 'atom', next?: string): FeedModel {
  return buildFeedModel({
    query: { scope: 'all', format, lang, limit: 50 },
    page: next ? { items: articles, next } : { items: articles },
    baseUrl: BASE,
    sources: SOURCES,
    now: NOW,
  });
}

/** Every piece of HTML a reader would render from a document: content, summaries, titles. */
function htmlPayloads(format: FeedFormat, body: string): string[] {
  if (format === 'json') {
    const doc = JSON.parse(body) as { items: { content_html: string }[] };
    return doc.items.map((i) => i.content_html);
  }
  const xml = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(body) as Record<string, any>;
  const entries = format === 'atom' ? [xml.feed.entry].flat() : [xml.rss.channel.item].flat();
  return entries.map((e: any) => String(format === 'atom' ? e.content['#text'] : e['content:encoded']));
}

/** Fails on anything executable or styling in an HTML fragment (a page may keep its own <style>). */
function assertInert(html: string, allowPageStyle = false): void {
  const doc = parseDocument(html);
  const walk = (n: any): void => {
    if (allowPageStyle && n.name === 'style' && n.parent?.name === 'head') return;
    // The reading page's own script, allowed by its hash in the page's policy; nothing else.
    if (allowPageStyle && n.name === 'script' && Object.keys(n.attribs ?? {}).length === 0 && n.children?.[0]?.data === READER_JS) return;
    if (n.type === 'script' || n.type === 'style' || n.name === 'script' || n.name === 'style' || n.name === 'iframe' || n.name === 'img') {
      throw new Error(`element <${n.name}> reached the output: ${html.slice(0, 200)}`);
    }
    for (const [k, v] of Object.entries((n.attribs ?? {}) as Record<string, string>)) {
      if (/^on/i.test(k) || k === 'style') throw new Error(`attribute ${k} reached the output`);
      if (k === 'href' && !/^(?:https?:\/\/|#p\d+(?:s\d+)?$)/.test(v)) throw new Error(`non-http href ${v}`);
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(doc);
}

describe('escapeXml', () => {
  it.each([
    ['plain', 'plain'],
    ['a & b', 'a &amp; b'],
    ['<script>', '&lt;script&gt;'],
    [`"double" 'single'`, '&quot;double&quot; &#39;single&#39;'],
    ['中文 🚀', '中文 🚀'],
    ['ctrl\u0001\u0008 kept\ttab\nnl', 'ctrl kept\ttab\nnl'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['pair \uD83D\uDE80 ok', 'pair \uD83D\uDE80 ok'],
  ])('%j → %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://a.example/x?y=1&z=2', 'https://a.example/x?y=1&z=2'],
    ['http://a.example', 'http://a.example/'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    ['/relative/path', undefined],
    ['https://user:pw@a.example/', undefined],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});

describe('dates keep the offset they were written with', () => {
  it.each([
    ['2025-03-29T16:13:28+08:00', '2025-03-29T16:13:28+08:00', 'Sat, 29 Mar 2025 16:13:28 +0800'],
    ['2025-03-29T16:13+08:00', '2025-03-29T16:13:00+08:00', 'Sat, 29 Mar 2025 16:13:00 +0800'],
    ['2025-03-29T08:13:28.250Z', '2025-03-29T08:13:28Z', 'Sat, 29 Mar 2025 08:13:28 +0000'],
    ['2024-12-31T23:30:00-05:30', '2024-12-31T23:30:00-05:30', 'Tue, 31 Dec 2024 23:30:00 -0530'],
  ])('%s', (input, rfc3339, rfc822) => {
    const t = parseRfc3339(input);
    expect(t).toBeDefined();
    expect(formatRfc3339(t!)).toBe(rfc3339);
    expect(formatRfc822(t!)).toBe(rfc822);
    expect(formatRfc822(t!)).not.toMatch(/[A-Z]{3}$/);
  });

  it.each(['2025-03-29 16:13:28', '2025-02-30T10:00:00Z', '2025-03-29T25:00:00Z', 'Sat, 29 Mar 2025 16:13:28 CST', '', '2025-03-29T10:00:00+19:00'])(
    'rejects %j',
    (input) => {
      expect(parseRfc3339(input)).toBeUndefined();
    },
  );

  it('writes HTTP dates in GMT', () => {
    expect(formatHttpDate(Date.UTC(2025, 2, 30, 2, 0, 0))).toBe('Sun, 30 Mar 2025 02:00:00 GMT');
  });
});

describe('content for each view', () => {
  const links = { reader: `${BASE}/articles/x`, original: 'https://mil.example.cn/a?b=1&c=2' };

  it('bi: every paragraph of both languages in segment order, each marked with its lang', () => {
    const html = buildContentHtml(HOSTILE, 'bi', links);
    const paras = [...html.matchAll(/<p lang="(\w+)">(.*?)<\/p>/g)].map((m) => [m[1], m[2]]);
    expect(paras.slice(0, 7)).toEqual([
      ['en', 'The first paragraph &lt;img src=x onerror=alert(1)&gt; talks about training &amp; readiness.'],
      ['zh', '第一段谈训练与战备&lt;img src=x onerror=alert(1)&gt;。'],
      ['en', 'One English paragraph whose translation was split in two.'],
      ['zh', '译文的前半部分，'],
      ['zh', '以及后半部分。'],
      ['en', 'An untranslated note that only exists in English  (with a control char).'],
      ['en', 'It&#39;s &#39;quoted&#39; and &quot;double quoted&quot; — with emoji 🎉.'],
    ]);
    assertInert(html);
  });

  it.each([
    ['en', 'zh'],
    ['zh', 'en'],
  ] as const)('%s: only that language', (lang, other) => {
    const html = buildContentHtml(HOSTILE, lang, links);
    expect(html).toContain(`<p lang="${lang}">`);
    expect(html).not.toContain(`lang="${other}"`);
    assertInert(html);
  });

  it.each([
    ['bi', 'Troops <script>alert("x")</script> train & "rest" 🚀 · 部队<b>雪中</b>训练 “严寒” 🚀'],
    ['en', 'Troops <script>alert("x")</script> train & "rest" 🚀'],
    ['zh', '部队<b>雪中</b>训练 “严寒” 🚀'],
  ] as const)('title for %s', (lang, title) => {
    expect(viewTitle(HOSTILE, lang)).toBe(title);
  });

  it('falls back to any title when the view language has none', () => {
    expect(viewTitle({ ...DAILY, title: { zh: '只有中文' } }, 'en')).toBe('只有中文');
  });
});

describe.each(FORMATS)('%s renderer', (format) => {
  it.each(LANGS)('lang=%s: well-formed, inert, with ids, dates and languages', (lang) => {
    const body = RENDER[format](model([HOSTILE, DAILY, UNDATED], lang, format));
    if (format === 'json') expect(() => JSON.parse(body)).not.toThrow();
    else expect(XMLValidator.validate(body)).toBe(true);
    for (const html of htmlPayloads(format, body)) assertInert(html);
    // JSON Feed titles are plain text by spec; XML must never carry a raw tag of ours.
    if (format !== 'json') expect(body).not.toMatch(/<script|<img/);
    const suffix = lang === 'bi' ? '' : `/${lang}`;
    expect(body).toContain(`tag:duofeed,2026:article/${HOSTILE.id}${suffix}`);
    if (format === 'rss') {
      expect(body).toContain('<pubDate>Sat, 29 Mar 2025 16:13:28 +0800</pubDate>');
      expect(body).toContain(`<dc:language>${lang === 'bi' ? 'en' : lang}</dc:language>`);
      expect(body).toContain('<content:encoded>');
    } else if (format === 'atom') {
      expect(body).toContain('<published>2025-03-29T16:13:28+08:00</published>');
      expect(body).toContain(`<entry xml:lang="${lang === 'bi' ? 'en' : lang}">`);
    } else {
      const doc = JSON.parse(body);
      expect(doc.version).toBe('https://jsonfeed.org/version/1.1');
      expect(doc.items[0].date_published).toBe('2025-03-29T16:13:28+08:00');
      expect(doc.items[0].language).toBe(lang === 'bi' ? 'en' : lang);
    }
    expect(body).not.toMatch(/\bCST\b/);
  });

  it('links are absolute; the unsafe source URL is dropped', () => {
    const body = RENDER[format](model([UNDATED], 'bi', format));
    expect(body).not.toContain('javascript:');
    for (const m of body.matchAll(/(?:href="|<link>|"url":")([^"<]+)/g)) expect(m[1]).toMatch(/^https:\/\//);
  });

  it('paging: a next link carries the cursor; the last page has none', () => {
    const withNext = RENDER[format](model([DAILY], 'en', format, 'Mg'));
    expect(withNext).toMatch(format === 'json' ? /"next_url":"https:\/\/feeds\.example\.org\/feeds\/all\.json\?lang=en&cursor=Mg"/ : /rel="next"[^>]*href="https:\/\/feeds\.example\.org\/feeds\/all\.\w+\?lang=en&amp;cursor=Mg"/);
    expect(RENDER[format](model([DAILY], 'en', format))).not.toMatch(/rel="next"|next_url/);
  });
});

describe('revisions', () => {
  const v1: StoredArticle = { ...HOSTILE, version: 1, updated: HOSTILE.firstSeen, segments: HOSTILE.segments.slice(0, 1) };
  it('keep the id and published date, move updated and the ETag', () => {
    const a = model([v1], 'bi');
    const b = model([HOSTILE], 'bi');
    expect(a.items[0]?.id).toBe(b.items[0]?.id);
    expect(a.items[0]?.published).toEqual(b.items[0]?.published);
    expect(a.items[0]?.updated.epochMs).toBeLessThan(b.items[0]!.updated.epochMs);
    expect(tag([v1], 'bi')).not.toBe(tag([HOSTILE], 'bi'));
    expect(tag([HOSTILE], 'bi')).toBe(tag([structuredClone(HOSTILE)], 'bi'));
    expect(tag([HOSTILE], 'bi')).not.toBe(tag([HOSTILE], 'bi', 'rss'));
  });
  it('dates an undated article by when it was first seen', () => {
    expect(formatRfc3339(model([UNDATED], 'bi').items[0]!.published)).toBe('2025-03-27T12:00:00Z');
  });
});

describe('entry updated: when the content last changed', () => {
  // DAILY is version 1, published 2025-03-28T09:00+08:00, stored months later than that.
  const storedLater: StoredArticle = { ...DAILY, firstSeen: '2025-11-30T10:00:00.123Z', updated: '2025-11-30T10:00:00.123Z' };
  const entryOf = (a: StoredArticle) => model([a], 'bi').items[0]!;

  it('version 1 is dated as published, not when duofeed stored it', () => {
    expect(formatRfc3339(entryOf(storedLater).updated)).toBe('2025-03-28T09:00:00+08:00');
    expect(renderAtom(model([storedLater], 'bi'))).toContain('<published>2025-03-28T09:00:00+08:00</published>\n<updated>2025-03-28T09:00:00+08:00</updated>');
    expect(renderJsonFeed(model([storedLater], 'bi'))).toContain('"date_modified":"2025-03-28T09:00:00+08:00"');
  });
  it('version 1 without a page date is dated when first seen, to the millisecond', () => {
    const undated = { ...UNDATED, firstSeen: '2025-11-30T10:00:00.123Z', updated: '2025-11-30T10:00:00.123Z' };
    expect(formatRfc3339(entryOf(undated).updated, { millis: true })).toBe('2025-11-30T10:00:00.123Z');
  });
  it('a later version is dated when the change was stored, in the article\'s offset', () => {
    const v2 = { ...storedLater, version: 2, updated: '2025-12-01T01:02:03.456Z' };
    expect(formatRfc3339(entryOf(v2).updated, { millis: true })).toBe('2025-12-01T09:02:03.456+08:00');
  });
  it('is never before published (a site clock ahead of ours)', () => {
    const early = { ...DAILY, version: 2, updated: '2025-03-27T00:00:00Z' };
    expect(entryOf(early).updated.epochMs).toBe(Date.parse('2025-03-28T01:00:00Z'));
  });
  it('articles stored in one second keep distinct updated values; only whole seconds are written without a fraction', () => {
    const a = { ...UNDATED, id: 'u1', firstSeen: '2025-11-30T10:00:00.100Z', updated: '2025-11-30T10:00:00.100Z' };
    const b = { ...UNDATED, id: 'u2', firstSeen: '2025-11-30T10:00:00.200Z', updated: '2025-11-30T10:00:00.200Z' };
    const values = [...renderAtom(model([a, b], 'bi')).matchAll(/<entry[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]);
    expect(values).toEqual(['2025-11-30T10:00:00.100Z', '2025-11-30T10:00:00.200Z']);
    expect(formatRfc3339(parseRfc3339('2025-11-30T10:00:00Z')!, { millis: true })).toBe('2025-11-30T10:00:00Z');
  });
  it('the feed is dated by its newest store write, so an old article stored today moves Last-Modified', () => {
    const newestPublished = { ...DAILY, id: 'p-new', published: '2025-03-29T09:00:00+08:00', firstSeen: '2025-11-01T00:00:00Z', updated: '2025-11-01T00:00:00Z' };
    const olderButNewlyStored = { ...DAILY, id: 'p-old', published: '2025-01-01T09:00:00+08:00', firstSeen: '2025-11-30T00:00:00Z', updated: '2025-11-30T00:00:00Z' };
    const m = model([newestPublished, olderButNewlyStored], 'bi');
    expect(m.updated.epochMs).toBe(Date.parse('2025-11-30T00:00:00Z'));
    expect(feedUpdatedMs([newestPublished, olderButNewlyStored], NOW)).toBe(m.updated.epochMs);
  });
});

describe('property: any text stays text', () => {
  const text = fc.string({ unit: 'binary', maxLength: 60 });
  it('renders well-formed, inert XML and JSON for arbitrary Unicode', () => {
    fc.assert(
      fc.property(text, text, fc.array(text, { minLength: 1, maxLength: 3 }), fc.array(text, { maxLength: 3 }), (t1, t2, en, zh) => {
        const a: StoredArticle = { ...DAILY, title: { en: t1, zh: t2 }, byline: { en: t2 }, segments: [{ en, zh }] };
        for (const format of FORMATS) {
          for (const lang of LANGS) {
            const body = RENDER[format](model([a], lang, format));
            if (format === 'json') JSON.parse(body);
            else expect(XMLValidator.validate(body)).toBe(true);
            for (const html of htmlPayloads(format, body)) assertInert(html);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('HTML pages', () => {
  it('reader page: one grid row per segment, both sides escaped, each sentence a span of its pair', () => {
    const html = renderArticlePage(HOSTILE, BASE, SOURCES[0]);
    expect(html.match(/<section class="pair cols-2(?: doubtful)?" id="p\d+">/g)).toHaveLength(HOSTILE.segments.length);
    assertInert(html, true);
    expect(html).toContain('<div class="side" lang="zh"><p><span class="s" data-p="p2s1">译文的前半部分，</span></p><p><span class="s" data-p="p2s1">以及后半部分。</span></p></div>');
    expect(html).toContain('<div class="side" lang="zh"></div>'); // the 1-0 segment keeps its row
    // Two sentence pairs in the fifth segment: the first language carries the permalink ids.
    expect(html).toContain('<span class="s" data-p="p5s1" id="p5s1">Two sentences stand here.</span> <span class="s" data-p="p5s2" id="p5s2">The second one\tfollows after a tab.</span>');
    expect(html).toContain('<span class="s" data-p="p5s1">这里有两句话。</span><span class="s" data-p="p5s2">第二句紧随其后。</span>');
  });

  it('index page: every source, its state and nine feed links each', async () => {
    const html = renderIndexPage(SOURCES, await new MemoryReader(allArticles(), STATES).sourceStates(), BASE);
    for (const s of SOURCES) expect(html).toContain(`id="source-${s.id}"`);
    expect(html).toContain('HTTP 503 &lt;from upstream&gt;');
    expect(html).toContain('Sample Daily &amp; &quot;Friends&quot;');
    expect(html.match(/href="https:\/\/feeds\.example\.org\/feeds\/sample-mil\.(atom|rss|json)/g)).toHaveLength(9);
    assertInert(html, true);
  });

  it('OPML: every source and all, per view, as absolute Atom URLs', () => {
    const opml = renderOpml(SOURCES, BASE);
    expect(XMLValidator.validate(opml)).toBe(true);
    const urls = [...opml.matchAll(/xmlUrl="([^"]+)"/g)].map((m) => m[1]);
    expect(urls).toHaveLength((SOURCES.length + 1) * 3);
    expect(urls).toContain('https://feeds.example.org/feeds/sample-daily.atom?lang=zh');
  });

  it('OPML: only OPML 2.0 values (type "rss"; a version, if any, one of RSS1, RSS, scriptingNews)', () => {
    const opml = renderOpml(SOURCES, BASE);
    expect(opml).toMatch(/^<\?xml[^>]*>\n<opml version="2\.0">/);
    const feeds = [...opml.matchAll(/<outline ([^>]*xmlUrl=[^>]*)\/>/g)].map((m) => m[1]!);
    expect(feeds).toHaveLength((SOURCES.length + 1) * 3);
    for (const attrs of feeds) {
      expect(attrs).toMatch(/^type="rss" /);
      const version = /\bversion="([^"]*)"/.exec(attrs)?.[1];
      if (version !== undefined) expect(['RSS1', 'RSS', 'scriptingNews']).toContain(version);
    }
  });
});

describe('feed items: each pair one unit, sentence pairs in _duofeed', () => {
  const units = (html: string) => html.split('<hr>');

  it('bi: every segment is one unit between <hr> rules, its languages inside it; notes and links after', () => {
    const html = buildContentHtml(HOSTILE, 'bi', { reader: `${BASE}/articles/${HOSTILE.id}` });
    const u = units(html);
    expect(u).toHaveLength(HOSTILE.segments.length + 2);
    HOSTILE.segments.forEach((seg, n) => {
      for (const p of seg.en ?? []) expect(u[n]).toContain(`<p lang="en">${escapeXml(p)}</p>`);
      for (const p of seg.zh ?? []) expect(u[n]).toContain(`<p lang="zh">${escapeXml(p)}</p>`);
    });
    expect(u.at(-2)).toContain('<em>');
    expect(u.at(-1)).toMatch(/^<p><a href=/);
  });

  it.each(['en', 'zh'] as const)('%s: one language, no rules', (lang) => {
    expect(buildContentHtml(HOSTILE, lang, { reader: BASE })).not.toContain('<hr>');
  });

  it('JSON Feed: _duofeed carries every sentence pair with its permalink, confidence and doubt', () => {
    const doc = JSON.parse(renderJsonFeed(model([HOSTILE, DAILY], 'bi', 'json'))) as { items: { _duofeed: any }[] };
    const ext = doc.items[0]!._duofeed;
    expect(ext.about).toMatch(/^https:\/\/.*README\.md#json-feed-extension-_duofeed$/);
    expect(ext.languages).toEqual(['en', 'zh']);
    expect(ext.doubtful_below).toBe(0.5);
    expect(ext.pairs.map((p: { id: string }) => p.id)).toEqual(['p1s1', 'p2s1', 'p3s1', 'p4s1', 'p5s1', 'p5s2']);
    expect(ext.pairs[1]).toEqual({ id: 'p2s1', paragraph: 2, url: `${BASE}/articles/${HOSTILE.id}#p2s1`, en: HOSTILE.segments[1]!.en![0], zh: '译文的前半部分，以及后半部分。', confidence: 0.42, doubtful: true });
    expect(ext.pairs[2]).toMatchObject({ id: 'p3s1', zh: '', doubtful: false });
    expect(ext.pairs[5]).toMatchObject({ en: 'The second one\tfollows after a tab.', zh: '第二句紧随其后。' });
    // A segment stored before sentences existed is one pair.
    expect(doc.items[1]!._duofeed.pairs.map((p: { id: string }) => p.id)).toEqual(['p1s1', 'p2s1']);
    // JSON Feed 1.1: only extension keys may start with an underscore, and ours is the only one.
    expect(Object.keys(doc.items[0]!).filter((k) => k.startsWith('_'))).toEqual(['_duofeed']);
  });

  it('JSON Feed: the doubtful threshold is a parameter', () => {
    const m = buildFeedModel({ query: { scope: 'all', format: 'json', lang: 'bi', limit: 50 }, page: { items: [HOSTILE] }, baseUrl: BASE, sources: SOURCES, now: NOW, doubtfulBelow: 0.9 });
    const ext = (JSON.parse(renderJsonFeed(m)) as { items: { _duofeed: any }[] }).items[0]!._duofeed;
    expect(ext.doubtful_below).toBe(0.9);
    expect(ext.pairs.filter((p: { doubtful: boolean }) => p.doubtful).map((p: { id: string }) => p.id)).toEqual(['p2s1', 'p3s1', 'p4s1']);
  });
});

describe('routeRequest', () => {
  const ids = new Set(SOURCES.map((s) => s.id));
  it('names every parameter a route reads in QUERY_PARAMS (the CDN cache key)', () => {
    expect(QUERY_PARAMS).toEqual(['cursor', 'lang', 'layout', 'limit', 'pinyin', 'script']);
  });
  it.each([
    ['/feeds/all.atom', '', { kind: 'feed', query: { scope: 'all', format: 'atom', lang: 'bi', limit: 50 } }],
    ['/feeds/sample-mil.rss', 'lang=zh&limit=200', { kind: 'feed', query: { scope: 'sample-mil', format: 'rss', lang: 'zh', limit: 200 } }],
    ['/feeds/all.json', 'cursor=abc_-1&utm_source=x', { kind: 'feed', query: { scope: 'all', format: 'json', lang: 'bi', limit: 50, cursor: 'abc_-1' } }],
    ['/articles/a1hostile000000000001', '', { kind: 'article', id: 'a1hostile000000000001', view: { lang: 'bi', layout: 'side', pinyin: false } }],
    ['/articles/a1hostile000000000001', 'lang=bi&layout=inter&pinyin=1', { kind: 'article', id: 'a1hostile000000000001', view: { lang: 'bi', layout: 'inter', pinyin: true } }],
    ['/articles/a1hostile000000000001', 'lang=zh&pinyin=0&script=hant&x=1', { kind: 'article', id: 'a1hostile000000000001', view: { lang: 'zh', layout: 'side', pinyin: false, script: 'hant' } }],
    ['/articles/a1hostile000000000001.tmx', 'utm=1', { kind: 'article-export', id: 'a1hostile000000000001', format: 'tmx' }],
    ['/articles/a1hostile000000000001.tsv', '', { kind: 'article-export', id: 'a1hostile000000000001', format: 'tsv' }],
    ['/feeds/sample-mil.tmx', 'limit=7', { kind: 'export', scope: 'sample-mil', format: 'tmx', limit: 7 }],
    ['/feeds/all.tsv', '', { kind: 'export', scope: 'all', format: 'tsv', limit: 50 }],
    ['/', '', { kind: 'index' }],
    ['/opml', '', { kind: 'opml' }],
  ])('%s?%s', (path, qs, expected) => {
    expect(routeRequest(path, new URLSearchParams(qs), ids)).toEqual(expected);
  });

  it.each([
    ['/feeds/nope.atom', '', 'not-found', /unknown source 'nope'/],
    ['/feeds/all.xml', '', 'not-found', /unknown feed format/],
    ['/elsewhere', '', 'not-found', /no such page/],
    ['/articles/<x>', '', 'not-found', /no article/],
    ['/feeds/all.atom', 'lang=fr', 'bad-request', /lang must be bi, en or zh/],
    ['/feeds/all.atom', 'limit=0', 'bad-request', /limit must be/],
    ['/feeds/all.atom', 'limit=201', 'bad-request', /limit must be/],
    ['/feeds/all.atom', 'limit=ten', 'bad-request', /limit must be/],
    ['/feeds/all.atom', 'lang=en&lang=zh', 'bad-request', /more than once/],
    ['/feeds/all.atom', 'cursor=%3Cscript%3E', 'bad-request', /cursor/],
    ['/feeds/%E0%A4%A.atom', '', 'bad-request', /percent-encoding/],
    ['/articles/a1hostile000000000001', 'lang=xx', 'bad-request', /lang must be bi, en or zh \(got 'xx'\)/],
    ['/articles/a1hostile000000000001', 'lang=en&lang=zh', 'bad-request', /more than once/],
    ['/articles/a1hostile000000000001', 'layout=grid', 'bad-request', /layout must be side or inter/],
    ['/articles/a1hostile000000000001', 'lang=en&layout=inter', 'bad-request', /layout applies to lang=bi only/],
    ['/articles/a1hostile000000000001', 'pinyin=yes', 'bad-request', /pinyin must be 1 or 0/],
    ['/articles/a1hostile000000000001', 'script=latn', 'bad-request', /script must be hans .* or hant/],
    ['/articles/a1hostile000000000001.pdf', '', 'not-found', /unknown export '\.pdf'/],
    ['/feeds/nope.tmx', '', 'not-found', /unknown source 'nope'/],
    ['/feeds/all.tsv', 'limit=500', 'bad-request', /limit must be/],
    ['/feeds/all.tmx', 'cursor=abc', 'bad-request', /no cursor/],
  ])('%s?%s → %s', (path, qs, kind, message) => {
    const r = routeRequest(path, new URLSearchParams(qs), ids);
    expect(r.kind).toBe(kind);
    expect('message' in r ? r.message : '').toMatch(message);
  });
});

describe('index page times', () => {
  it.each([
    ['2026-11-30T14:57:21.364Z', '2026-11-30 14:57 UTC'],
    ['2025-03-30T02:00:00Z', '2025-03-30 02:00 UTC'],
    ['2025-03-30T02:00Z', '2025-03-30 02:00 UTC'],
    ['2025-03-30T10:00:00+08:00', '2025-03-30T10:00:00+08:00'],
    ['not a date', 'not a date'],
  ])('%s reads as %s', (iso, shown) => expect(shortUtc(iso)).toBe(shown));
});
