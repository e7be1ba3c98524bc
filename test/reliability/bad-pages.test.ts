/**
 * Hostile and broken pages, through the parser, through one parse-handler batch on real
 * stand-ins (S3 on fauxqs, DynamoDB on dynalite), and out through the feed handler.
 *
 * The contract under test, not the parser's internals: each page gives a sane article or
 * one clear error; one bad page never costs the good pages in its batch; and whatever is
 * stored reaches readers without executable markup — checked by PARSING every feed and
 * reader page served, not by searching the text.
 */
import { gzipSync } from 'node:zlib';
import type { LambdaFunctionURLEvent, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { S3RawStore } from '../../lambdas/adapters/s3-raw-store.js';
import { side, type Article } from '../../lambdas/core/article.js';
import { parseArticle, type ParseOutcome } from '../../lambdas/core/parse/index.js';
import type { Source } from '../../lambdas/core/sources.js';
import { makeFeedHandler } from '../../lambdas/feed/handler.js';
import { makeParseHandler } from '../../lambdas/parse/handler.js';
import { startDynalite, startFauxqs, type DynamoStandin, type FauxqsStandin } from '../support/standins.js';
import { bilingualPage, inspectFeed, inspectHtml, rng } from './support.js';
import { memoryLog } from '../support/memory-log.js';
import { TEST_CURSOR_KEY } from '../support/cursor-key.js';

// ---- building hostile pages ----------------------------------------------------------------

const good = bilingualPage(7, { layout: 'interleaved', paragraphs: 4 });

/** The good page with its body paragraphs rewritten by `f` (titles and chrome untouched). */
function withBody(f: (p: string, i: number, lang: 'en' | 'zh') => string): string {
  let html = good.html;
  for (const [lang, paras] of [['en', good.en], ['zh', good.zh]] as const) {
    paras.forEach((p, i) => {
      const escaped = p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      html = html.replace(`<p lang="${lang}">${escaped}</p>`, `<p lang="${lang}">${f(escaped, i, lang)}</p>`);
    });
  }
  if (html === good.html) throw new Error('withBody changed nothing: the page layout changed under the test');
  return html;
}

/** GBK bytes for a string, from the platform's own GBK decoder read backwards. */
const gbkTable = (() => {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  return table;
})();
function gbk(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else {
      const bytes = gbkTable.get(ch);
      // What encoders do for a character GBK lacks (e.g. ©): a numeric character reference.
      if (!bytes) out.push(...new TextEncoder().encode(`&#${c};`));
      else out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

function randomBytes(seed: number, n: number): Uint8Array {
  const r = rng(seed);
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

/** Words for long paragraphs: varied enough that gzip cannot fold a megabyte into nothing. */
function longEnglish(seed: number, chars: number): string {
  const r = rng(seed);
  const syll = ['ka', 'lo', 'mi', 'ten', 'sha', 'ru', 'bel', 'on', 'dri', 'vas', 'po', 'ne', 'quel', 'tor', 'ax'];
  const parts: string[] = [];
  let n = 0;
  while (n < chars) {
    let w = '';
    for (let k = 1 + Math.floor(r() * 3); k > 0; k--) w += syll[Math.floor(r() * syll.length)];
    parts.push(w);
    n += w.length + 1;
  }
  return parts.join(' ') + '.';
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const SCRIPT_MARKER = 'SCRIPT-BODY-MUST-NOT-APPEAR';
const ZW = ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060'];
const BIDI = ['\u202E', '\u202D', '\u202A', '\u202B', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F'];
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Expect = 'article' | 'error' | 'either';
interface Case {
  name: string;
  bytes: Uint8Array | string;
  contentType?: string;
  expect: Expect;
  /** Extra checks on a parsed article (the page's own promises). */
  check?: (a: Article) => void;
}

const allText = (a: Article): string[] => [
  ...Object.values(a.title),
  ...Object.values(a.byline ?? {}),
  ...Object.values(a.authorNote ?? {}),
  ...Object.values(a.editorNote ?? {}),
  ...(a.source ? [a.source] : []),
  ...(a.editor ? [a.editor] : []),
  ...a.segments.flatMap((s) => [...side(s, 'en'), ...side(s, 'zh')]),
];
const enBody = (a: Article) => a.segments.flatMap((s) => side(s, 'en'));
const zhBody = (a: Article) => a.segments.flatMap((s) => side(s, 'zh'));
const strip = (s: string, chars: string[]) => chars.reduce((t, c) => t.split(c).join(''), s);

/** The good page's paragraphs all survive (after removing `ignored` characters). */
function keepsGoodBody(ignored: string[] = []) {
  return (a: Article) => {
    const en = enBody(a).map((p) => strip(p, ignored)).join('\n');
    const zh = zhBody(a).map((p) => strip(p, ignored)).join('\n');
    for (const p of good.en) expect(en).toContain(p);
    for (const p of good.zh) expect(zh).toContain(p);
  };
}

const CASES: Case[] = [
  { name: 'empty', bytes: new Uint8Array(0), expect: 'error' },
  { name: 'whitespace only', bytes: utf8(' \n\t\r\n   '), expect: 'error' },
  { name: 'PNG image bytes', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(1, 20_000)]), contentType: 'text/html', expect: 'error' },
  { name: 'random binary (64 KB)', bytes: randomBytes(2, 65_536), expect: 'error' },
  { name: 'gzip body served without Content-Encoding', bytes: gzipSync(good.html), contentType: 'text/html; charset=utf-8', expect: 'error' },
  {
    name: 'NUL bytes inside an article',
    bytes: utf8(withBody((p, i) => (i % 2 ? `${p}\u0000` : p))),
    expect: 'either',
    check: (a) => expect(allText(a).some((t) => t.includes('\u0000'))).toBe(false),
  },
  { name: 'UTF-16LE with BOM', bytes: Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Buffer.from(good.html.replace('charset="utf-8"', 'charset="utf-16"'), 'utf16le'))]), expect: 'article', check: keepsGoodBody() },
  { name: 'GBK page declared UTF-8 by HTTP', bytes: gbk(good.html.replace('charset="utf-8"', 'charset="gbk"')), contentType: 'text/html; charset=utf-8', expect: 'article', check: keepsGoodBody() },
  { name: 'GBK page with no charset at all', bytes: gbk(good.html.replace('<meta charset="utf-8">', '')), contentType: 'text/html', expect: 'article', check: keepsGoodBody() },
  { name: 'UTF-8 page declared GBK by <meta>', bytes: utf8(good.html.replace('charset="utf-8"', 'charset="gbk"')), expect: 'either' },
  { name: 'UTF-8 BOM beats a wrong <meta> charset', bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(good.html.replace('charset="utf-8"', 'charset="big5"'))]), expect: 'article', check: keepsGoodBody() },
  {
    name: 'mojibake (UTF-8 read as Latin-1, saved as UTF-8)',
    bytes: utf8(Buffer.from(good.html, 'utf8').toString('latin1')),
    expect: 'either',
  },
  {
    // Six bad bytes must not tip the charset sniff to GB18030 (which decodes any byte pair):
    // the page stays UTF-8 and every paragraph survives.
    name: 'invalid UTF-8 sequences sprinkled in',
    bytes: Uint8Array.from([...utf8(good.html.slice(0, good.html.indexOf('<p lang'))), 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff, ...utf8(good.html.slice(good.html.indexOf('<p lang')))]),
    contentType: 'text/html; charset=utf-8',
    expect: 'article',
    check: keepsGoodBody(),
  },
  // Optional and commonly forgotten end tags. </title>, </h1> and </nav> stay: without them a
  // browser, too, puts the whole body inside that element.
  { name: 'no end tags for p, div, li, td, tr, a, span, ul', bytes: utf8(good.html.replace(/<\/(p|div|li|td|tr|a|span|ul)>/gi, '')), expect: 'article', check: keepsGoodBody() },
  { name: 'unclosed <h1> around the whole page', bytes: utf8(good.html.replace(/<\/h1>/g, '')), expect: 'either' },
  { name: 'unclosed <nav> around the whole page', bytes: utf8(good.html.replace('</nav>', '')), expect: 'either' },
  {
    name: 'malformed markup (mis-nested, broken attributes, stray closers)',
    bytes: utf8(withBody((p, i) => (i === 0 ? `<b><i>${p}</b></i></div></div></span><p <p class="x>` : `${p}<a href=">`))),
    expect: 'either',
  },
  {
    name: 'unterminated comment swallowing the rest',
    bytes: utf8(good.html.replace('<div class="share">', '<!-- never closed <div class="share">')),
    expect: 'article',
    check: keepsGoodBody(),
  },
  // Deep nesting: the parser refuses pages nested deeper than 5,000 elements (a sanity limit
  // kept from the htmlparser2 days, when depth cost O(depth) per tag); 30,000 levels hit it.
  // test/core/parse/tokenizer.test.ts covers the tokenizer's own shapes (deep, unmatched end
  // tags, endless comments, titles full of '&').
  { name: '30,000 nested <div>s', bytes: utf8(good.html.replace('<body>', `<body>${'<div>'.repeat(30_000)}`)), expect: 'either' },
  { name: '300,000 empty elements', bytes: utf8(good.html.replace('<body>', `<body>${'<i></i>'.repeat(300_000)}`)), expect: 'either' },
  { name: 'one-megabyte English paragraph', bytes: utf8(withBody((p, i, l) => (i === 1 && l === 'en' ? `${p} ${longEnglish(3, 1_000_000)}` : p))), expect: 'either' },
  { name: 'one-megabyte paragraph with no spaces', bytes: utf8(withBody((p, i, l) => (i === 2 && l === 'zh' ? `${p}${'长'.repeat(350_000)}` : p))), expect: 'either' },
  {
    name: 'zero-width characters inside words',
    bytes: utf8(withBody((p) => p.replace(/(.)(.)/g, (_, a: string, b: string) => `${a}${ZW[(a.charCodeAt(0) + b.charCodeAt(0)) % ZW.length]}${b}`))),
    expect: 'article',
    // Zero-width characters vanish: no word is split ("Rese archers"), no paragraph lost.
    check: keepsGoodBody(ZW),
  },
  {
    name: 'bidi controls (RLO, isolates, marks)',
    bytes: utf8(withBody((p, i) => `${BIDI[i % BIDI.length]}${p}${BIDI[(i + 3) % BIDI.length]}`).replace('<h1>', `<h1>\u202E`)),
    expect: 'article',
    check: keepsGoodBody(BIDI),
  },
  {
    name: 'emoji, ZWJ sequences, flags, astral Han',
    bytes: utf8(withBody((p, _i, l) => (l === 'en' ? `${p} 👩‍👩‍👧‍👦 🇨🇳 🎉` : `${p}𠮷野家👍🏽`))),
    expect: 'article',
    check: (a) => {
      expect(enBody(a).join(' ')).toContain('👩‍👩‍👧‍👦 🇨🇳 🎉');
      expect(zhBody(a).join('')).toContain('𠮷野家👍🏽');
    },
  },
  {
    name: 'markup written as text (escaped <img onerror>, </script>, ]]>)',
    bytes: utf8(
      withBody((p, i, l) =>
        l === 'en'
          ? [`${p} &lt;img src=x onerror=alert(1)&gt;`, `${p} &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;`, `${p} ]]&gt; &lt;![CDATA[ &amp;lt;b&amp;gt;`, `${p} &lt;a href="javascript:alert(3)"&gt;x&lt;/a&gt;`][i % 4]!
          : p,
      ).replace(`<h1>${good.title.en}`, `<h1>&lt;script&gt;alert(4)&lt;/script&gt; ${good.title.en} &lt;b onmouseover=alert(5)&gt;`),
    ),
    expect: 'article',
    check: (a) => {
      const en = enBody(a).join('\n');
      // Text stays text: the parser keeps what a reader saw on the page, the feed escapes it.
      expect(en).toContain('<img src=x onerror=alert(1)>');
      expect(en).toContain('</script><script>alert(2)</script>');
    },
  },
  {
    name: 'live <script>, <style>, <template>, <noscript> in the article',
    bytes: utf8(
      withBody((p, i) =>
        i === 0
          ? `${p}<script>document.write("${SCRIPT_MARKER} The council met on Monday to approve a very long plan for the region.")</script><style>p{x:"${SCRIPT_MARKER}"}</style><template><p>${SCRIPT_MARKER} hidden template text that is long enough to look like a paragraph.</p></template><noscript>${SCRIPT_MARKER}</noscript>`
          : p,
      ),
    ),
    expect: 'article',
    check: (a) => {
      keepsGoodBody()(a);
      expect(allText(a).join('\n')).not.toContain(SCRIPT_MARKER);
    },
  },
  {
    name: 'raw </script> and <script> inside a paragraph',
    bytes: utf8(withBody((p, i, l) => (i === 1 && l === 'en' ? `${p} </script> and then <script>var ${SCRIPT_MARKER}=1</script> after` : p))),
    expect: 'article',
    check: (a) => expect(allText(a).join('\n')).not.toContain(SCRIPT_MARKER),
  },
  {
    name: 'javascript:/data: links, event handlers, hostile canonical and og:url',
    bytes: utf8(
      withBody((p, i) => `<a href="javascript:alert(${i})" onclick="alert(1)">${p}</a> <img src="javascript:alert(9)" onerror="alert(1)">`)
        .replace('<head>', '<head><link rel="canonical" href="javascript:alert(document.cookie)"><meta property="og:url" content="data:text/html,<script>alert(1)</script>">')
        .replace('<p lang="en">', '<p lang="en" onmouseover="alert(1)" style="background:url(javascript:alert(1))">'),
    ),
    expect: 'either',
    check: (a) => {
      if (a.url !== undefined) expect(a.url).toMatch(/^https?:\/\//);
      for (const img of a.images ?? []) expect(img.src).toMatch(/^https?:\/\//);
      expect(allText(a).join('\n')).not.toMatch(/onclick|onerror|onmouseover/);
    },
  },
  // Whether a one-language page is refused or kept is the parser's call; either way it must be sane.
  { name: 'only Chinese text', bytes: utf8(good.html.replace(/<p lang="en">[^<]*<\/p>/g, '').replace(/<h1>[^<]*[A-Za-z][^<]*<\/h1>/, '')), expect: 'either' },
  { name: 'navigation only (a thousand links)', bytes: utf8(`<html><body><ul>${Array.from({ length: 1000 }, (_, i) => `<li><a href="/n${i}">News item ${i} 新闻${i}</a></li>`).join('')}</ul></body></html>`), expect: 'error' },
  { name: 'SVG document with script', bytes: utf8(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><text>Hello 你好</text></svg>`), contentType: 'image/svg+xml', expect: 'error' },
  {
    name: 'C0 control characters in text',
    bytes: utf8(withBody((p, i) => `${p}${String.fromCharCode(1 + i)}\u000B\u001F`)),
    expect: 'article',
    check: keepsGoodBody(['\u0001', '\u0002', '\u0003', '\u0004', '\u000B', '\u001F']),
  },
  {
    name: 'already-decoded string with a lone surrogate',
    bytes: withBody((p, i) => (i === 0 ? `${p}\uD800` : p)),
    expect: 'either',
  },
  { name: 'plain text file, bilingual', bytes: utf8(`${good.title.en}\n${good.title.zh}\n\n${good.en.map((e, i) => `${e}\n\n${good.zh[i] ?? ''}`).join('\n\n')}\n`), contentType: 'text/plain; charset=utf-8', expect: 'either' },
];

// ---- sanity of one outcome -------------------------------------------------------------------

function assertSane(c: Case, out: ParseOutcome, inputBytes: number): void {
  if (!out.ok) {
    expect(out.reason, c.name).toMatch(/\S/);
    // One clear error: a sentence, not a dump of the page.
    expect(out.reason.length, `${c.name}: ${out.reason.slice(0, 200)}`).toBeLessThanOrEqual(300);
    expect(out.reason, c.name).not.toMatch(/[\u0000\uFFFD]|\n/);
    return;
  }
  const a = out.article;
  expect(a.id, c.name).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
  expect([...a.languages].sort(), c.name).toEqual(['en', 'zh']);
  expect(a.segments.length, c.name).toBeGreaterThan(0);
  for (const s of a.segments) {
    for (const l of ['en', 'zh']) for (const p of side(s, l)) expect(typeof p === 'string' && p.trim().length > 0, `${c.name}: empty paragraph`).toBe(true);
  }
  for (const t of allText(a)) {
    expect(t.includes('\u0000'), `${c.name}: NUL in ${t.slice(0, 40)}`).toBe(false);
    // Bytes always decode to well-formed text; an already-decoded string is passed through as
    // given (a lone surrogate survives to the feed, whose escaper drops it — checked below).
    if (typeof c.bytes !== 'string') expect(LONE_SURROGATE.test(t), `${c.name}: lone surrogate`).toBe(false);
  }
  if (a.url !== undefined) expect(a.url, c.name).toMatch(/^https?:\/\//);
  // No blow-up: the article is never much bigger than the page it came from.
  expect(Buffer.byteLength(JSON.stringify(a)), c.name).toBeLessThan(3 * inputBytes + 10_000);
  c.check?.(a);
}

const byteLength = (b: Uint8Array | string) => (typeof b === 'string' ? Buffer.byteLength(b) : b.byteLength);

describe('hostile pages through parseArticle', () => {
  it('the unmodified generated page parses to exactly its paragraphs (the baseline every case varies)', () => {
    const out = parseArticle({ bytes: utf8(good.html), url: 'http://news.example/good.html' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(enBody(out.article)).toEqual(good.en);
    expect(zhBody(out.article)).toEqual(good.zh);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const out = parseArticle({ bytes: c.bytes, url: 'http://news.example/case.html', ...(c.contentType ? { contentType: c.contentType } : {}) });
    if (c.expect === 'article') expect(out.ok ? 'article' : `error: ${out.reason}`, c.name).toBe('article');
    if (c.expect === 'error') expect(out.ok ? `article ${JSON.stringify(out.article).slice(0, 200)}` : 'error', c.name).toBe('error');
    assertSane(c, out, byteLength(c.bytes));
    // Same bytes, same answer: replays and redeliveries depend on it.
    expect(parseArticle({ bytes: c.bytes, url: 'http://news.example/case.html', ...(c.contentType ? { contentType: c.contentType } : {}) })).toEqual(out);
  }, 60_000);
});

// ---- the same pages as one SQS batch, then served ----------------------------------------------

let ddb: DynamoStandin;
let aws: FauxqsStandin;
beforeAll(async () => {
  [ddb, aws] = await Promise.all([startDynalite(), startFauxqs()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([ddb?.stop(), aws?.stop()]);
});

const NOW = new Date('2026-11-30T12:00:00.000Z');
const SOURCE: Source = {
  id: 'hostile',
  name: 'Hostile <b>Source</b> & "Co"',
  kind: 'html-index',
  startUrls: ['http://news.example/'],
  linkPattern: '/',
  languages: ['en', 'zh'],
  schedule: 'rate(1 hour)',
  minDelayMs: 0,
};

function feedEvent(path: string, query = ''): LambdaFunctionURLEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: { host: 'feeds.example' },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'local',
      domainName: 'feeds.example',
      domainPrefix: 'feeds',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'r',
      routeKey: '$default',
      stage: '$default',
      time: NOW.toISOString(),
      timeEpoch: NOW.getTime(),
    },
    isBase64Encoded: false,
  };
}

describe('hostile pages in one parse batch, then served as feeds', () => {
  it('good pages succeed beside bad ones, bad ones are reported with a reason, and no feed carries executable markup', async () => {
    const tableName = await ddb.createTable();
    const store = new DynamoStore({ client: ddb.client, tableName });
    const raw = new S3RawStore({ client: aws.s3, bucket: aws.bucket });
    const log = memoryLog();
    const handle = makeParseHandler({ raw, articles: store, clock: { now: () => NOW }, log });

    // Good pages between every hostile one, so "the batch goes on" is visible in both directions.
    const entries: Array<{ messageId: string; body: string; kind: 'good' | 'case'; c?: Case; expected: ParseOutcome }> = [];
    let n = 0;
    const add = async (bytes: Uint8Array | string, contentType: string | undefined, kind: 'good' | 'case', c?: Case) => {
      const id = `m${++n}`;
      const url = `http://news.example/${kind}/${id}.html`;
      const rawKey = `raw/${SOURCE.id}/${id}/${id}.html`;
      const buf = typeof bytes === 'string' ? utf8(bytes) : bytes;
      await raw.put(rawKey, { bytes: buf, url, ...(contentType ? { contentType } : {}) });
      const expected = parseArticle({ bytes: buf, url, ...(contentType ? { contentType } : {}) });
      entries.push({ messageId: id, body: JSON.stringify({ sourceId: SOURCE.id, url, rawKey, fetchedAt: NOW.toISOString() }), kind, ...(c ? { c } : {}), expected });
    };
    for (const [i, c] of CASES.entries()) {
      await add(bilingualPage(100 + i).html, 'text/html; charset=utf-8', 'good');
      await add(c.bytes, c.contentType, 'case', c);
    }
    // Messages that are not even valid jobs, and a job whose raw page is gone.
    entries.push({ messageId: 'not-json', body: '{"sourceId":', kind: 'case', expected: { ok: false, reason: 'bad parse job' } });
    entries.push({ messageId: 'bad-key', body: JSON.stringify({ sourceId: SOURCE.id, url: 'javascript:alert(1)', rawKey: '../../etc/passwd', fetchedAt: 'now' }), kind: 'case', expected: { ok: false, reason: 'bad parse job' } });
    entries.push({ messageId: 'missing-raw', body: JSON.stringify({ sourceId: SOURCE.id, url: 'http://news.example/gone.html', rawKey: `raw/${SOURCE.id}/gone/x.html`, fetchedAt: NOW.toISOString() }), kind: 'case', expected: { ok: false, reason: 'cannot read raw page' } });

    const event: SQSEvent = {
      Records: entries.map((e) => ({
        messageId: e.messageId,
        receiptHandle: `rh-${e.messageId}`,
        body: e.body,
        attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(NOW.getTime()), SenderId: 'test', ApproximateFirstReceiveTimestamp: String(NOW.getTime()) },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:parse',
        awsRegion: 'us-east-1',
      })),
    };
    const res = await handle(event);
    const failed = new Set(res.batchItemFailures.map((f) => f.itemIdentifier));

    // Every good page landed; every record's fate matches what the parser says about its page,
    // except a page the store refuses (too large) — which must then be a reported failure.
    const goods = entries.filter((e) => e.kind === 'good');
    expect(goods.filter((e) => failed.has(e.messageId)).map((e) => e.messageId)).toEqual([]);
    for (const e of entries) {
      const line = log.lines.find((l) => l.messageId === e.messageId);
      expect(line, `no log line for ${e.messageId}`).toBeDefined();
      if (failed.has(e.messageId)) {
        expect(line?.level, e.messageId).toBe('error');
        expect(String(line?.reason), e.messageId).toMatch(/\S{3}/);
        if (!e.expected.ok) expect(String(line?.reason), e.c?.name ?? e.messageId).toContain(e.expected.reason);
        else expect(String(line?.reason), `${e.c?.name}: parsed fine but failed to store`).toMatch(/too large|ItemTooLarge/);
      } else {
        expect(e.expected.ok, `${e.c?.name ?? e.messageId} succeeded though the parser refuses the page`).toBe(true);
        expect(line?.outcome, e.messageId).toBe('created');
      }
    }
    const storedIds = new Set(entries.filter((e) => !failed.has(e.messageId) && e.expected.ok).map((e) => (e.expected as { article: Article }).article.id));
    expect(storedIds.size).toBe(entries.filter((e) => !failed.has(e.messageId)).length);
    const batchLine = log.lines.find((l) => l.msg === 'batch done');
    expect(batchLine).toMatchObject({ records: entries.length, created: storedIds.size, failed: failed.size });

    // Serve everything that was stored, in every format and view, and parse what comes out.
    const feed = makeFeedHandler({ reader: store, sources: [SOURCE], clock: { now: () => NOW }, cursorKey: TEST_CURSOR_KEY });
    let itemsSeen = 0;
    const notes = new Set<string>();
    const rssDescription = new Set<string>();
    for (const scope of ['all', SOURCE.id]) {
      for (const format of ['atom', 'rss', 'json'] as const) {
        for (const lang of ['bi', 'en', 'zh']) {
          const r = await feed(feedEvent(`/feeds/${scope}.${format}`, `lang=${lang}&limit=200`));
          const result = r as { statusCode: number; body: string; headers: Record<string, string> };
          expect(result.statusCode, `${scope}.${format}?lang=${lang}`).toBe(200);
          const inspected = inspectFeed(result.body, format);
          expect(inspected.problems, `${scope}.${format}?lang=${lang}`).toEqual([]);
          expect(inspected.items.length, `${scope}.${format}?lang=${lang}`).toBe(storedIds.size);
          itemsSeen += inspected.items.length;
          for (const note of inspected.notes) notes.add(`${format}: ${note.replace(/^item \d+: /, '')}`);
          for (const d of inspected.rssDescription) rssDescription.add(d.replace(/^item \d+ /, ''));
        }
      }
    }
    // The escaped text came through as text: an Atom item still reads "<img src=x onerror=alert(1)>".
    const atom = (await feed(feedEvent('/feeds/all.atom', 'lang=en&limit=200'))) as { body: string };
    const texts = inspectFeed(atom.body, 'atom').items.map((i) => inspectHtml(i.content, { fragment: true }).text).join('\n');
    expect(texts).toContain('<img src=x onerror=alert(1)>');

    for (const id of storedIds) {
      const r = (await feed(feedEvent(`/articles/${id}`))) as { statusCode: number; body: string; headers: Record<string, string> };
      expect(r.statusCode, id).toBe(200);
      // Only the page's own script may run: default-src 'none', and script-src names one hash (no inline, eval or origin).
      const csp = r.headers['content-security-policy'] ?? '';
      expect(csp, id).toMatch(/default-src 'none'/);
      expect(csp, id).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+';/);
      expect(csp, id).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|\*|https?:)/);
      const page = inspectHtml(r.body, { fragment: false });
      expect(page.problems, `/articles/${id}`).toEqual([]);
      // inspectHtml accepts a <script> only when it is exactly the page's own (READER_JS).
      expect(page.elements.get('script') ?? 0, id).toBe(1);
    }
    console.log(
      `bad pages: ${CASES.length} hostile cases + ${goods.length} good pages + 3 bad jobs in one batch; ${storedIds.size} stored, ${failed.size} reported; ${itemsSeen} feed items and ${storedIds.size} reader pages parsed, 0 problems` +
        (notes.size ? `; notes: ${[...notes].join(' | ')}` : ''),
    );
    // RSS readers decode <description> as HTML: article text must still read as text there.
    expect([...rssDescription]).toEqual([]);
  }, 240_000);
});
