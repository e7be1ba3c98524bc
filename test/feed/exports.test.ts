/**
 * The exports: TMX 1.4b validated by xmllint against ../shared/schemas/tmx14.dtd, the Anki TSV
 * read back by a CSV reader the way Anki reads it, and both served by the handler with
 * validators, 304s, content types and a download name.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Article } from '../../lambdas/core/article.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTmx, renderTsv, tmxDate, tsvField, TSV_HEADER } from '../../lambdas/core/feed/exports.js';
import { sentencePairs } from '../../lambdas/core/feed/pairs.js';
import { loadPinyin, type PinyinOf } from '../../lambdas/core/feed/zh.js';
import { makeFeedHandler } from '../../lambdas/feed/handler.js';
import { DAILY, FIXED_CLOCK, HOSTILE, MemoryReader, SOURCES, STATES, TRADITIONAL, readerArticles } from './fixtures.js';
import { requireTool, run } from './tools.js';
import { TEST_CURSOR_KEY } from '../support/cursor-key.js';

const DTD = resolve('../shared/schemas/tmx14.dtd');
const XMLLINT = '/usr/bin/xmllint';
const BASE = 'https://feeds.example.org';
let dir: string;
let pinyin: PinyinOf;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duofeed-exports-'));
  pinyin = await loadPinyin();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const items = (articles = [HOSTILE, TRADITIONAL, DAILY]) => articles.map((a) => ({ article: a, updated: a.updated, linkFor: (p: { id: string }) => `${BASE}/articles/${a.id}#${p.id}` }));

/**
 * Anki's text import: fields split at the separator, a field that opens with a double quote
 * runs to the closing quote ("" inside is one quote, tabs and line breaks kept). `#` lines are headers.
 */
function readAnki(text: string): { headers: string[]; rows: string[][] } {
  const headers: string[] = [];
  const rows: string[][] = [];
  let i = 0;
  while (i < text.length && text[i] === '#') {
    const end = text.indexOf('\n', i);
    headers.push(text.slice(i, end));
    i = end + 1;
  }
  let row: string[] = [];
  let field = '';
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
        else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else if (c === '\t') (row.push(field), (field = ''), i++);
    else if (c === '\n') (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    else (field += c), i++;
  }
  return { headers, rows };
}

describe('TMX 1.4b', () => {
  it('is valid against the TMX 1.4b DTD (xmllint --dtdvalid), for one article and for several', async () => {
    requireTool(XMLLINT, 'libxml2-utils');
    const files = [
      ['one.tmx', renderTmx(items([HOSTILE]))],
      ['three.tmx', renderTmx(items())],
      ['empty.tmx', renderTmx([])],
    ] as const;
    for (const [name, body] of files) writeFileSync(join(dir, name), body);
    const r = await run(XMLLINT, ['--noout', '--dtdvalid', DTD, ...files.map(([n]) => join(dir, n))]);
    expect({ code: r.code, out: r.stdout + r.stderr }).toEqual({ code: 0, out: '' });
  });

  it('xmllint refuses a TMX that breaks the DTD (the check can fail)', async () => {
    requireTool(XMLLINT, 'libxml2-utils');
    const bad = renderTmx(items([DAILY])).replace('<tuv xml:lang="en">', '<tuv>');
    writeFileSync(join(dir, 'bad.tmx'), bad);
    const r = await run(XMLLINT, ['--noout', '--dtdvalid', DTD, join(dir, 'bad.tmx')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/xml:lang/);
  });

  it('one <tu> per complete sentence pair, xml:lang en/zh, source URL, date, link and confidence as <prop>s, doubt as a <note>', () => {
    const tmx = renderTmx(items([TRADITIONAL]));
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['tu', 'tuv', 'prop', 'note'].includes(n), parseTagValue: false }).parse(tmx);
    const header = doc.tmx.header;
    expect(header).toMatchObject({ '@creationtool': 'duofeed', '@segtype': 'sentence', '@srclang': 'en', '@datatype': 'plaintext', '@creationdate': '20250405T110000Z' });
    const tus = doc.tmx.body.tu as any[];
    // TRADITIONAL: 1 + 2 + 2 sentence beads, one of them 0-1 (no English): 4 units.
    expect(tus.map((t) => t['@tuid'])).toEqual([`${TRADITIONAL.id}-p1s1`, `${TRADITIONAL.id}-p2s1`, `${TRADITIONAL.id}-p2s2`, `${TRADITIONAL.id}-p3s1`]);
    expect(tus[0].tuv.map((v: any) => [v['@xml:lang'], v.seg])).toEqual([
      ['en', 'Four driverless shuttle buses began carrying passengers on Saturday. The trial will run for six months.'],
      ['zh', '週六，四輛無人駕駛接駁巴士開始載客，試驗為期六個月。'],
    ]);
    const props = Object.fromEntries(tus[3].prop.map((p: any) => [p['@type'], p['#text']]));
    expect(props).toEqual({ 'x-source-url': TRADITIONAL.url, 'x-published': TRADITIONAL.published, 'x-duofeed-link': `${BASE}/articles/${TRADITIONAL.id}#p3s1`, 'x-confidence': '0.3' });
    expect(tus[3].note).toEqual(['uncertain pairing: segment confidence 0.3 is below 0.5']);
    expect(tus[0].note).toBeUndefined();
  });

  it('escapes markup in the text; srclang is *all* when articles disagree on their first language', () => {
    const zhFirst = { ...DAILY, id: 'zhfirst', languages: ['zh', 'en'] };
    const tmx = renderTmx(items([HOSTILE, zhFirst]));
    expect(tmx).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(tmx).not.toContain('<img');
    expect(tmx).toContain('srclang="*all*"');
    expect(tmx).toMatch(/<tu tuid="zhfirst-p1s1">.*<tuv xml:lang="zh">.*<tuv xml:lang="en">/);
    expect(tmxDate('2025-03-29T16:13:28+08:00')).toBe('20250329T081328Z');
    expect(tmxDate('no date')).toBeUndefined();
  });
});

describe('Anki TSV', () => {
  it('starts with the headers Anki reads: tab separator, plain text, named columns, a GUID column', () => {
    expect(renderTsv([], pinyin).split('\n').slice(0, 4)).toEqual(['#separator:tab', '#html:false', '#columns:English\tChinese\tPinyin\tLink\tGUID', '#guid column:5']);
    expect(TSV_HEADER.endsWith('\n')).toBe(true);
  });

  it('one row per complete pair: English, Chinese, pinyin, link, a stable id; read back exactly', () => {
    const tsv = renderTsv(items(), pinyin);
    const { rows } = readAnki(tsv);
    const expected = [HOSTILE, TRADITIONAL, DAILY].flatMap((a) => sentencePairs(a).filter((p) => p.text.en && p.text.zh).map((p) => ({ a, p })));
    expect(rows).toHaveLength(expected.length);
    rows.forEach((r, n) => {
      const { a, p } = expected[n]!;
      expect(r).toHaveLength(5);
      expect(r[0]).toBe(p.text.en);
      expect(r[1]).toBe(p.text.zh);
      expect(r[3]).toBe(`${BASE}/articles/${a.id}#${p.id}`);
      expect(r[4]).toBe(`duofeed-${a.id}-${p.id}`);
    });
    // A tab inside a sentence, and quotes at its start, survive as one field.
    expect(rows.find((r) => r[4] === `duofeed-${HOSTILE.id}-p5s2`)![0]).toBe('The second one\tfollows after a tab.');
    expect(rows.find((r) => r[4] === `duofeed-${HOSTILE.id}-p4s1`)![0]).toBe(`It's 'quoted' and "double quoted" — with emoji 🎉.`);
    // Pinyin in context, with tone marks, over Traditional characters too.
    expect(rows.find((r) => r[4] === `duofeed-${TRADITIONAL.id}-p2s1`)![2]).toBe('měi liàng bā shì kě zuò shí èr rén.');
    expect(rows.find((r) => r[4] === `duofeed-${DAILY.id}-p1s1`)![2]).toBe('háng zhōu chá nóng kāi shǐ cǎi zhāi lóng jǐng chá.');
  });

  it.each([
    ['plain', 'plain'],
    ['tab\there', '"tab\there"'],
    ['line\nbreak', '"line\nbreak"'],
    ['"quoted" start', '"""quoted"" start"'],
  ])('field %j → %j', (input, out) => expect(tsvField(input)).toBe(out));
});

describe('export routes', () => {
  const handler = makeFeedHandler({ reader: new MemoryReader(readerArticles(), STATES), sources: SOURCES, clock: FIXED_CLOCK, cursorKey: TEST_CURSOR_KEY, publicUrl: BASE });
  const get = async (path: string, query = '', headers: Record<string, string> = {}) =>
    (await handler({ rawPath: path, rawQueryString: query, headers: { host: 'x', ...headers }, requestContext: { http: { method: 'GET' } } } as unknown as LambdaFunctionURLEvent)) as Exclude<LambdaFunctionURLResult, string> & { headers: Record<string, string>; body?: string };

  it.each([
    [`/articles/${TRADITIONAL.id}.tmx`, '', 'application/x-tmx+xml; charset=utf-8', `${TRADITIONAL.id}.tmx`],
    [`/articles/${TRADITIONAL.id}.tsv`, '', 'text/tab-separated-values; charset=utf-8', `${TRADITIONAL.id}.tsv`],
    ['/feeds/sample-daily.tmx', 'limit=2', 'application/x-tmx+xml; charset=utf-8', 'duofeed-sample-daily.tmx'],
    ['/feeds/sample-mil.tsv', '', 'text/tab-separated-values; charset=utf-8', 'duofeed-sample-mil.tsv'],
  ])('%s?%s: type, download name, strong ETag, 304, Last-Modified, cache headers', async (path, query, type, name) => {
    const r = await get(path, query);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(type);
    expect(r.headers['content-disposition']).toBe(`attachment; filename="${name}"`);
    expect(r.headers['cache-control']).toMatch(/max-age=300/);
    expect(r.headers['last-modified']).toMatch(/GMT$/);
    const again = await get(path, query, { 'if-none-match': r.headers.etag! });
    expect(again.statusCode).toBe(304);
    expect(again.headers['content-type']).toBe(type);
  });

  it('a source export holds its latest N articles, newest first; a feed-only parameter is refused', async () => {
    const tmx = (await get('/feeds/sample-daily.tmx', 'limit=1')).body ?? '';
    expect(tmx).toContain(`tuid="${TRADITIONAL.id}-p1s1"`);
    expect(tmx).not.toContain(DAILY.id);
    const both = (await get('/feeds/sample-daily.tsv', 'limit=2')).body ?? '';
    expect(both.indexOf(TRADITIONAL.id)).toBeLessThan(both.indexOf(DAILY.id));
    expect((await get('/feeds/sample-daily.tsv', 'cursor=abc')).statusCode).toBe(400);
    expect((await get('/articles/nope.tmx')).statusCode).toBe(404);
  });

  it('the article page answers lang=xx with 400 and a 304 for its own tag; each mode its own tag', async () => {
    const bad = await get(`/articles/${HOSTILE.id}`, 'lang=xx');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/lang must be bi, en or zh/);
    const tags = new Set<string>();
    for (const q of ['', 'lang=bi&layout=inter', 'lang=en', 'lang=zh', 'lang=zh&pinyin=1', 'script=hant']) {
      const r = await get(`/articles/${HOSTILE.id}`, q);
      expect(r.statusCode, q).toBe(200);
      tags.add(r.headers.etag!);
      expect((await get(`/articles/${HOSTILE.id}`, q, { 'if-none-match': r.headers.etag! })).statusCode, q).toBe(304);
    }
    expect(tags.size).toBe(6);
  });
});

describe('page weight: the reading page (HTML with its CSS and JS inline) stays under 100 KB gzip', () => {
  const samples = ['samples/sample-mil/articles', 'samples/sample-daily/articles'].flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.expected.json'))
      .map((f) => {
        const a = JSON.parse(readFileSync(join(d, f), 'utf8')) as Article;
        return { ...a, sourceId: d.includes('mil') ? 'sample-mil' : 'sample-daily', url: a.url ?? 'https://x.example/a', firstSeen: '2025-04-01T00:00:00Z', updated: '2025-04-01T00:00:00Z', version: 1, rawKey: 'r' };
      }),
  );
  const handler = makeFeedHandler({ reader: new MemoryReader(samples), sources: SOURCES, clock: FIXED_CLOCK, cursorKey: TEST_CURSOR_KEY, publicUrl: BASE });
  it.each(['', 'lang=bi&layout=inter', 'lang=en', 'lang=zh', 'lang=bi&layout=side&pinyin=1', 'lang=zh&pinyin=1&script=hant'])('every sample article, view ?%s', async (q) => {
    expect(samples.length).toBe(7);
    for (const a of samples) {
      const r = (await handler({ rawPath: `/articles/${a.id}`, rawQueryString: q, headers: { host: 'x' }, requestContext: { http: { method: 'GET' } } } as unknown as LambdaFunctionURLEvent)) as { statusCode: number; body: string };
      expect(r.statusCode).toBe(200);
      expect(gzipSync(r.body).length, a.id).toBeLessThan(100 * 1024);
    }
  });
});
