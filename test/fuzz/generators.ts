/**
 * Input generators and output checks shared by the long fuzz run (test/fuzz/fuzz.ts) and the
 * short property tests in CI (test/reliability/properties.test.ts).
 */
import fc from 'fast-check';
import type { Article, StoredArticle } from '../../lambdas/core/article.js';
import { answer } from '../../lambdas/core/feed/index.js';
import { DEFAULT_VIEW } from '../../lambdas/core/feed/reader.js';
import type { ParseInput } from '../../lambdas/core/parse/index.js';
import type { ArticleReader } from '../../lambdas/core/ports.js';
import type { Source } from '../../lambdas/core/sources.js';
import { bilingualPage, inspectFeed, inspectHtml } from '../reliability/support.js';
import { TEST_CURSOR_KEY } from '../support/cursor-key.js';
import { cursorSeal } from '../../lambdas/core/feed/cursor.js';
// ---- generators -----------------------------------------------------------------------------

const HOSTILE_CHARS = ['\u0000', '\u0001', '\u000B', '\u001F', '\u007F', '\u0085', '\u00A0', '\u00AD', '\u200B', '\u200D', '\u202E', '\u2066', '\u2069', '\uFEFF', '\uFFFD', '\uFFFE', '\uD800', '\uDC00', '😀', '👩‍👩‍👧', '𠮷', '\r\n', ']]>', '<![CDATA[', '&', '&amp;', '&#0;', '&#x1F600;', '&lt;', '"', "'", '`', '\\'];
const WORDS = ['The harbour reopened on Friday after the storm.', '风暴过后港口周五重新开放。', 'Officials said repairs would take a month.', '官员表示修复需要一个月。', 'Zhang Gaosheng', '张高胜', 'Editor: Li Jiayao', '责任编辑：李佳瑶', 'By Wang Wei', '来源：中国军网', '2025-03-29 16:13:28', 'Share to', '分享到', 'Copyright © 2026'];
const PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<a href="javascript:alert(1)">x</a>', '<iframe src="data:text/html,<script>alert(1)</script>">', '</script><script>alert(1)</script>', '<style>@import "javascript:alert(1)"</style>', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', '<base href="javascript:/">', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '"><script>alert(1)</script>', "'><img src=x onerror=alert(1)>", '<!--<script>-->alert(1)', '<![CDATA[<script>alert(1)</script>]]>', '<object data="javascript:alert(1)">', 'java\tscript:alert(1)'];
const TAGS = ['p', 'div', 'span', 'a', 'h1', 'h2', 'br', 'table', 'tr', 'td', 'li', 'ul', 'article', 'section', 'nav', 'footer', 'script', 'style', 'title', 'head', 'body', 'html', 'meta', 'link', 'textarea', 'template', 'noscript', 'pre', 'b', 'i', 'font', 'center', 'svg', 'math', 'xmp', 'plaintext'];
const ATTRS = ['class="content"', 'class="share"', 'id="main"', 'lang="zh"', 'lang="en"', 'onerror="alert(1)"', 'onclick=alert(1)', 'href="javascript:alert(1)"', 'href="http://news.example/a.html"', 'src="data:image/svg+xml,<svg onload=alert(1)>"', 'style="background:url(javascript:alert(1))"', 'charset="gbk"', 'rel="canonical" href="javascript:alert(1)"', 'property="og:url" content="vbscript:x"', 'content="text/html; charset=big5" http-equiv="Content-Type"', 'name="publishdate" content="2025-13-45 99:99:99"', '"', "='", '/'];
const CONTENT_TYPES = [undefined, 'text/html', 'text/html; charset=utf-8', 'text/html; charset=gbk', 'text/html; charset=big5', 'text/html; charset=utf-16', 'text/html; charset=iso-8859-1', 'text/html; charset="x-unknown"', 'text/plain', 'application/octet-stream', 'text/html; charset=utf-8; charset=gbk', 'text/html;charset=\u0000'];

const text = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...HOSTILE_CHARS),
  fc.constantFrom(...PAYLOADS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const tag = fc.tuple(fc.constantFrom(...TAGS), fc.array(fc.constantFrom(...ATTRS), { maxLength: 3 }), fc.boolean()).map(([t, attrs, close]) => (close ? `</${t}>` : `<${t}${attrs.length ? ' ' + attrs.join(' ') : ''}>`));
const soup = fc.array(fc.oneof({ weight: 3, arbitrary: text }, { weight: 2, arbitrary: tag }), { maxLength: 120 }).map((parts) => parts.join(''));

/** A generated page, then mutated: fragments spliced in, ranges cut, and a charset game. */
const mutatedPage = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    inserts: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(text, tag, soup)), { maxLength: 8 }),
    cuts: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 200 })), { maxLength: 3 }),
  })
  .map(({ seed, inserts, cuts }) => {
    let html = bilingualPage(seed).html;
    for (const [at, frag] of inserts) {
      const i = Math.floor(at * html.length);
      html = html.slice(0, i) + frag + html.slice(i);
    }
    for (const [at, len] of cuts) {
      const i = Math.floor(at * html.length);
      html = html.slice(0, i) + html.slice(i + len);
    }
    return html;
  });

const encodeAs = (s: string, how: number): Uint8Array => {
  switch (how) {
    case 1:
      return Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Buffer.from(s, 'utf16le'))]);
    case 2:
      return new Uint8Array(Buffer.from(s, 'latin1'));
    case 3:
      return Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]);
    default:
      return new TextEncoder().encode(s);
  }
};

export type Kind = 'bytes' | 'unicode' | 'soup' | 'page' | 'article';
export const KINDS: Kind[] = ['bytes', 'unicode', 'soup', 'page', 'page', 'page', 'article'];

export const inputArb: Record<Exclude<Kind, 'article'>, fc.Arbitrary<ParseInput>> = {
  bytes: fc.tuple(fc.uint8Array({ maxLength: 8192 }), fc.constantFrom(...CONTENT_TYPES)).map(([bytes, ct]) => ({ bytes, url: 'http://fuzz.example/a.html', ...(ct ? { contentType: ct } : {}) })),
  unicode: fc.tuple(fc.string({ unit: 'binary', maxLength: 4000 }), fc.boolean()).map(([s, asString]) => ({ bytes: asString ? s : new TextEncoder().encode(s), url: 'http://fuzz.example/u.html' })),
  soup: fc.tuple(soup, fc.integer({ min: 0, max: 3 }), fc.constantFrom(...CONTENT_TYPES)).map(([s, how, ct]) => ({ bytes: encodeAs(s, how), url: 'http://fuzz.example/s.html', ...(ct ? { contentType: ct } : {}) })),
  page: fc.tuple(mutatedPage, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...CONTENT_TYPES)).map(([s, how, ct]) => ({ bytes: encodeAs(s, how > 3 ? 0 : how), url: 'http://fuzz.example/p.html', ...(ct ? { contentType: ct } : {}) })),
};

/** Articles the parser would never produce, straight into the renderers. */
const hostileString = fc.oneof(text, soup, fc.string({ unit: 'binary', maxLength: 200 }));
export const articleArb: fc.Arbitrary<StoredArticle> = fc
  .record({
    title: fc.record({ en: hostileString, zh: hostileString }),
    byline: fc.option(fc.record({ en: hostileString, zh: hostileString }), { nil: undefined }),
    source: fc.option(hostileString, { nil: undefined }),
    editor: fc.option(hostileString, { nil: undefined }),
    published: fc.option(fc.oneof(hostileString, fc.constant('2025-03-29T16:13:28+08:00')), { nil: undefined }),
    authorNote: fc.option(fc.record({ en: hostileString }), { nil: undefined }),
    segments: fc.array(fc.record({ en: fc.array(hostileString, { maxLength: 3 }), zh: fc.array(hostileString, { maxLength: 3 }) }), { minLength: 1, maxLength: 5 }),
    url: fc.oneof(fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'http://news.example/a?x=<b>&y="', ' JAVASCRIPT:alert(1)', 'http://user:pw@news.example/', '//evil.example/'), hostileString),
    images: fc.option(fc.array(fc.record({ src: fc.constantFrom('javascript:alert(1)', 'http://img.example/a.png', 'data:image/png;base64,AAAA'), alt: hostileString }), { maxLength: 2 }), { nil: undefined }),
    languages: fc.constantFrom(['en', 'zh'], ['zh', 'en'], ['en'], ['"><script>', 'zh']),
  })
  .map((a) => {
    const out: StoredArticle = {
      id: 'fuzzarticle0000000001',
      sourceId: 'fuzz',
      url: a.url,
      languages: [...a.languages],
      title: a.title,
      segments: a.segments,
      firstSeen: '2026-11-30T00:00:00Z',
      updated: '2026-11-30T00:00:00Z',
      version: 1,
      rawKey: 'raw/fuzz/x/y.html',
    };
    if (a.byline) out.byline = a.byline;
    if (a.source !== undefined) out.source = a.source;
    if (a.editor !== undefined) out.editor = a.editor;
    if (a.published !== undefined) out.published = a.published;
    if (a.authorNote) out.authorNote = a.authorNote;
    if (a.images) out.images = a.images;
    return out;
  });

// ---- rendering what parsed ----------------------------------------------------------------

const SOURCE: Source = { id: 'fuzz', name: 'Fuzz <source> & "co"', kind: 'rss', startUrls: ['http://fuzz.example/'], linkPattern: '/', languages: ['en', 'zh'], schedule: 'rate(1 hour)', minDelayMs: 0 };
const NOW = new Date('2026-11-30T12:00:00Z');


export async function renderChecks(a: StoredArticle): Promise<{ unsafe: string[]; rssDescription: string[] }> {
  const reader: ArticleReader = { list: async () => ({ items: [a] }), get: async () => a, neighbours: async () => ({}), sourceStates: async () => [] };
  const deps = { reader, sources: [SOURCE], baseUrl: 'https://feeds.example', now: NOW, cursors: cursorSeal(TEST_CURSOR_KEY) };
  const unsafe: string[] = [];
  const rssDescription: string[] = [];
  for (const format of ['atom', 'rss', 'json'] as const) {
    for (const lang of ['bi', 'en', 'zh'] as const) {
      const r = await answer({ kind: 'feed', query: { scope: 'all', format, lang, limit: 50 } }, deps);
      if (r.status !== 200) {
        unsafe.push(`${format}/${lang}: status ${r.status}`);
        continue;
      }
      const inspected = inspectFeed(r.body, format);
      unsafe.push(...inspected.problems.map((p) => `${format}/${lang}: ${p}`));
      rssDescription.push(...inspected.rssDescription);
      if (inspected.items.length !== 1) unsafe.push(`${format}/${lang}: ${inspected.items.length} items, expected 1`);
    }
  }
  const page = await answer({ kind: 'article', id: a.id, view: DEFAULT_VIEW }, deps);
  if (page.status === 200) unsafe.push(...inspectHtml(page.body, { fragment: false }).problems.map((p) => `reader page: ${p}`));
  else unsafe.push(`reader page: status ${page.status}`);
  return { unsafe, rssDescription };
}

export const asStored = (a: Article): StoredArticle => ({ ...a, sourceId: 'fuzz', url: a.url ?? 'http://fuzz.example/a.html', firstSeen: '2026-11-30T00:00:00Z', updated: '2026-11-30T00:00:00Z', version: 1, rawKey: 'raw/fuzz/x/y.html' });
