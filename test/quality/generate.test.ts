/**
 * The quality set's own checks: the articles are valid and their sentence beads rejoin to
 * their paragraphs; every generated page and hand-made sample decodes in its charset and
 * shows every gold paragraph as visible text; damage changes the gold as it says; fit and
 * held-out articles never share a page; the same seed gives the same bytes. Nothing here
 * runs the parser.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles, paraText, parseArticleFile, type Article, type Lang } from './articles.js';
import { boilerplatePool, INLINE_CHROME } from './chrome.js';
import { printDate } from './dates.js';
import { encodeGbk, gbkCanEncode } from './gbk.js';
import { generateSet, longPage, type PageRecord } from './generate.js';
import { LAYOUTS } from './layouts/index.js';

const REPO = resolve(import.meta.dirname, '../..');
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

type Gold = { file: string; layout: string; encoding: string; languages: Lang[]; title: { en: string; zh: string }; segments: Record<string, unknown>[]; damage?: string; set?: string; article?: string };

/** The text a reader sees: no scripts or styles, no display:none spans, tags as spaces, entities decoded. */
function visibleText(html: string): string {
  const t = html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<span style="display:none">[\s\S]*?<\/span>/gi, '')
    .replace(/<[^>]+>/g, ' ');
  return fold(decodeHTML(t));
}

function decodePage(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding === 'gbk' ? 'gbk' : 'utf-8', { fatal: true }).decode(bytes);
}

const paras = (g: Gold, l: Lang) => g.segments.flatMap((s) => (s[l] as string[]) ?? []);

/** Each segment's sentence beads, concatenated per side, are its paragraphs (whitespace aside). */
function expectSentencesRejoin(g: Gold): void {
  for (const s of g.segments) {
    const sents = s.sentences as Record<string, string[]>[];
    expect(sents.length).toBeGreaterThan(0);
    for (const l of ['en', 'zh'] as const) {
      expect(squash(sents.map((b) => (b[l] ?? []).join('')).join(''))).toBe(squash(((s[l] as string[]) ?? []).join('')));
    }
  }
}

function expectPageShowsGold(html: string, g: Gold): void {
  const text = visibleText(html);
  for (const l of ['en', 'zh'] as const) for (const p of paras(g, l)) expect(text, `${g.file}: ${p.slice(0, 40)}`).toContain(fold(p));
  expect(text).toContain(fold(g.title.en));
  expect(text).toContain(fold(g.title.zh));
}

describe('articles', () => {
  const articles = loadArticles();

  it('has at least 16 articles, half fit and half held-out, on varied topics', () => {
    expect(articles.length).toBeGreaterThanOrEqual(16);
    const fit = articles.filter((a) => a.set === 'fit');
    expect(fit.length * 2).toBe(articles.length);
    expect(new Set(articles.map((a) => a.topic)).size).toBeGreaterThanOrEqual(12);
  });

  it.each(articles.map((a) => [a.id, a] as const))('%s: sentence beads rejoin to paragraphs; 5-12 paragraphs a side', (_id, a: Article) => {
    for (const b of a.body) {
      for (const l of ['en', 'zh'] as const) expect(b.sents.flatMap((s) => s[l])).toEqual(b[l].flat());
    }
    for (const l of ['en', 'zh'] as const) {
      const n = a.body.reduce((k, b) => k + b[l].length, 0);
      expect(n).toBeGreaterThanOrEqual(5);
      expect(n).toBeLessThanOrEqual(12);
    }
  });

  it('carries the translation phenomena: 1-2, 2-1, 1-0 and 0-1 paragraph beads', () => {
    const shapes = new Set(articles.flatMap((a) => a.body.map((b) => `${b.en.length}-${b.zh.length}`)));
    for (const s of ['1-1', '1-2', '2-1', '1-0', '0-1']) expect(shapes).toContain(s);
  });

  it.each([
    ['bad JSON', '{', /x\.json: not valid JSON/],
    ['unknown field', '{"id":"a","colour":1}', /x\.json: unknown field "colour"/],
    ['pairs needed', JSON.stringify(minimal({ body0: { en: [['A.', 'B.']], zh: [['甲。']] } })), /x\.json: body\[0\]: 2 English and 1 Chinese sentences need a "pairs" spec/],
    ['pairs short', JSON.stringify(minimal({ body0: { en: [['A.', 'B.']], zh: [['甲。']], pairs: '1-1' } })), /x\.json: body\[0\]\.pairs covers 1 of 2 English/],
    ['too few paragraphs', JSON.stringify({ ...minimal({}), body: [{ en: [['A.']], zh: [['甲。']] }] }), /x\.json: 1 English paragraphs; an article needs 5 to 12/],
    ['bad date', JSON.stringify({ ...minimal({}), published: '2025-03-29 16:13' }), /x\.json: "published" must be RFC 3339/],
  ])('refuses a bad article file with its name and the reason: %s', (_n, text, re) => {
    expect(() => parseArticleFile('x.json', text)).toThrow(re);
  });
});

function minimal(o: { body0?: Record<string, unknown> }): Record<string, unknown> {
  const pair = { en: [['An English sentence.']], zh: [['一句中文。']] };
  return {
    id: 'x',
    set: 'fit',
    topic: 't',
    title: { en: 'T', zh: '题' },
    source: 'S',
    editor: 'E',
    published: '2025-03-29T16:13:00+08:00',
    glossary: [],
    notes: 'n',
    body: [o.body0 ?? pair, pair, pair, pair, pair],
  };
}

describe('generated set', () => {
  let dir: string;
  let pages: PageRecord[];
  let articles: Article[];
  const golds = new Map<string, Gold>();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'duofeed-qset-'));
    articles = loadArticles();
    pages = generateSet(dir).pages;
    for (const p of pages) golds.set(p.file, JSON.parse(readFileSync(join(dir, 'gold', `${p.file}.json`), 'utf8')) as Gold);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('covers every layout, every damage kind, both charsets and both halves', () => {
    expect(new Set(pages.map((p) => p.layout)).size).toBe(7);
    expect(new Set(pages.map((p) => p.damage))).toEqual(new Set(['none', 'drop-zh', 'drop-en', 'split', 'merge', 'chrome-inline', 'shuffle', 'hidden-text', 'boilerplate']));
    expect(new Set(pages.map((p) => p.encoding))).toEqual(new Set(['utf-8', 'gbk']));
    expect(new Set(pages.map((p) => p.set))).toEqual(new Set(['fit', 'heldout']));
  });

  it('every page decodes in its charset, says so in <meta>, and shows every gold paragraph and both titles', () => {
    for (const p of pages) {
      const g = golds.get(p.file)!;
      expect(g.file).toBe(p.file);
      const html = decodePage(readFileSync(join(dir, p.path)), p.encoding);
      expect(html).toMatch(p.encoding === 'gbk' ? /charset="?(gbk|gb2312)/i : /charset="?utf-8/i);
      expectPageShowsGold(html, g);
      expectSentencesRejoin(g);
    }
  });

  it('damage changes the gold as it says, and chrome never enters it', () => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    const chrome = new Set([...INLINE_CHROME, ...LAYOUTS.flatMap((l) => l.siteNames.flatMap((n) => Object.values(boilerplatePool(n.zh)).flat()))].map(fold));
    for (const p of pages) {
      const g = golds.get(p.file)!;
      const a = byId.get(p.article)!;
      const n = (l: Lang) => a.body.reduce((k, b) => k + b[l].length, 0);
      const m = (l: Lang) => paras(g, l).length;
      const delta = m('en') + m('zh') - n('en') - n('zh');
      const expected = { 'drop-zh': -1, 'drop-en': -1, split: 1, merge: -1 }[p.damage as string] ?? 0;
      if (p.damage === 'drop-zh' || p.damage === 'drop-en') expect(delta).toBeLessThanOrEqual(-1);
      else expect(delta, p.file).toBe(expected);
      if (p.damage === 'none' || p.damage === 'boilerplate' || p.damage === 'chrome-inline' || p.damage === 'shuffle') {
        expect(g.segments.map((s) => s.en)).toEqual(a.body.map((b) => b.en.map((x) => paraText('en', x))));
      }
      for (const l of ['en', 'zh'] as const) for (const t of paras(g, l)) expect(chrome.has(fold(t))).toBe(false);
    }
  });

  it('a fit page never shows a held-out article, and the other way round', () => {
    const titles = (set: string) => articles.filter((a) => a.set === set).flatMap((a) => [a.title.en, a.title.zh]);
    for (const p of pages) {
      const text = visibleText(decodePage(readFileSync(join(dir, p.path)), p.encoding));
      for (const t of titles(p.set === 'fit' ? 'heldout' : 'fit')) expect(text, p.file).not.toContain(fold(t));
    }
  });

  it('is deterministic: the same seed gives the same bytes', () => {
    const again = mkdtempSync(join(tmpdir(), 'duofeed-qset-'));
    try {
      generateSet(again);
      const digest = (root: string) => {
        const h = createHash('sha256');
        for (const p of pages) h.update(readFileSync(join(root, p.path))).update(readFileSync(join(root, 'gold', `${p.file}.json`)));
        return h.digest('hex');
      };
      expect(digest(again)).toBe(digest(dir));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});

describe('hand-made samples (samples/sites)', () => {
  const root = join(REPO, 'samples', 'sites');
  const golds = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, d.name)).filter((f) => f.endsWith('.gold.json')).map((f) => join(root, d.name, f)));

  it('has one page or more per layout, a GBK one among them, and no two pages with one file name', () => {
    const gs = golds.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Gold);
    expect(new Set(gs.map((g) => g.file)).size).toBe(gs.length);
    expect(new Set(gs.map((g) => g.layout)).size).toBe(7);
    expect(gs.some((g) => g.encoding === 'gbk')).toBe(true);
  });

  it.each(golds.map((f) => [f.slice(root.length + 1), f]))('%s: the page decodes and shows its gold', (_n, f) => {
    const g = JSON.parse(readFileSync(f, 'utf8')) as Gold;
    const page = f.slice(0, -'.gold.json'.length);
    expect(g.file).toBe(page.split('/').pop());
    expectPageShowsGold(decodePage(readFileSync(page), g.encoding), g);
    expectSentencesRejoin(g);
  });
});

describe('tools', () => {
  it('a long page reaches its size and holds its gold', () => {
    const { text, gold } = longPage(loadArticles(), 0.05, 'txt');
    expect(new TextEncoder().encode(text).length).toBeGreaterThanOrEqual(0.05 * 1024 * 1024);
    const folded = fold(text);
    for (const p of paras(gold as unknown as Gold, 'zh').slice(0, 50)) expect(folded).toContain(fold(p));
  });

  it.each([
    ['2025-02-14T00:40:00+08:00', 'enShortAmPm', 480, 'Feb 14, 2025 12:40 AM', '2025-02-14T00:40:00+08:00'],
    ['2025-05-11T12:20:00+08:00', 'enShortAmPm', 480, 'May 11, 2025 12:20 PM', '2025-05-11T12:20:00+08:00'],
    ['2025-05-11T12:20:00+08:00', 'enLongAmPmGmt', -300, 'May 10, 2025 11:20 p.m. GMT-5', '2025-05-10T23:20:00-05:00'],
    ['2025-01-09T00:15:00+08:00', 'enDayGmt', 0, '8 January 2025, 16:15 GMT', '2025-01-08T16:15:00+00:00'],
    ['2025-08-02T18:45:00+08:00', 'zhDate', 0, '2025年8月2日', '2025-08-02T00:00:00+08:00'],
    ['2025-08-02T18:45:00+08:00', 'iso', -300, '2025-08-02 18:45:00', '2025-08-02T18:45:00+08:00'],
  ] as const)('prints %s as %s (offset %d): "%s", gold %s', (published, form, off, text, gold) => {
    const d = printDate(published, form, off);
    expect(d.text).toBe(text);
    expect(d.gold).toBe(gold);
    expect(Date.parse(d.machine)).toBe(Date.parse(published));
  });

  it('encodes GBK so that it decodes back, with a character reference for what GBK lacks', () => {
    const s = 'Typhoon “祥云”—台风·8.6万人 ©';
    expect(gbkCanEncode('台风“祥云”')).toBe(true);
    expect(gbkCanEncode('©')).toBe(false);
    const bytes = encodeGbk(s, (ch) => `&#x${ch.codePointAt(0)!.toString(16)};`);
    expect(new TextDecoder('gbk', { fatal: true }).decode(bytes)).toBe('Typhoon “祥云”—台风·8.6万人 &#xa9;');
  });
});
