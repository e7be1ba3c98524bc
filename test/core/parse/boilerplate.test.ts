/**
 * A source's boilerplate learnt from its pages (core/parse/boilerplate.ts): fingerprints,
 * which lines are learnt from, what the parser leaves out of the body, and what it never
 * touches (titles, label lines, bylines, notes).
 */
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_LINES_PER_PAGE, BOILERPLATE_MIN_ARTICLES } from '../../../lambdas/core/parse/heuristics.js';
import { capLines, LineCounts, lineFingerprint, stripBoilerplate } from '../../../lambdas/core/parse/boilerplate.js';
import { parseArticle, type ParseOutcome } from '../../../lambdas/core/parse/index.js';
import { META, PROMO_EN, PROMO_ZH, sitePage, STORIES } from '../../support/site-pages.js';

const NOTHING: ReadonlySet<string> = new Set();

function ok(r: ParseOutcome) {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

const parse = (n: number, boilerplate?: ReadonlySet<string>, opts?: { promo?: boolean }) =>
  ok(parseArticle({ bytes: sitePage(n, opts), url: `https://harbour.example/news/${n}.html`, ...(boilerplate ? { boilerplate } : {}) }));

const bodyTexts = (r: ReturnType<typeof parse>) => r.article.segments.flatMap((s) => [...(s.en ?? []), ...(s.zh ?? [])]);
const metadataOf = (r: ReturnType<typeof parse>) => {
  const { title, byline, source, editor, authorNote, editorNote } = r.article;
  return { title, byline, source, editor, authorNote, editorNote };
};

/** What pages 0..n-1 teach, as `duofeed parse` learns it. */
function learntFrom(pages: number[]): Set<string> {
  const counts = new LineCounts();
  for (const n of pages) {
    const r = parse(n, NOTHING);
    counts.set(r.article.id, r.boilerplate?.lines ?? []);
  }
  return counts.learnt();
}

describe('lineFingerprint', () => {
  it('is 16 hex digits, the same for the same text however its whitespace and width are written', () => {
    const fp = lineFingerprint('Follow us on WeChat: 2025 edition');
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(lineFingerprint('  Follow  us on\tWeChat: 2025 edition ')).toBe(fp);
    // NFKC: full-width letters, digits, colon and the ideographic space read as their plain forms.
    expect(lineFingerprint('Ｆｏｌｌｏｗ　ｕｓ ｏｎ ＷｅＣｈａｔ：　２０２５ edition')).toBe(fp);
  });

  it('differs when one character does', () => {
    expect(lineFingerprint('Follow us on WeChat: 2025 edition')).not.toBe(lineFingerprint('Follow us on WeChat: 2026 edition'));
    expect(lineFingerprint('关注我们的双语栏目。')).not.toBe(lineFingerprint('关注我们的双语栏目！'));
  });
});

describe('a page parsed with what its source taught', () => {
  it('reports its lines only when asked, and reads the same with nothing learnt', () => {
    const plain = parse(0);
    expect(plain.boilerplate).toBeUndefined();
    const asked = parse(0, NOTHING);
    expect(asked.article).toEqual(plain.article);
    expect(asked.boilerplate?.removed).toEqual([]);
    // The promo lines and the six body paragraphs; no title, label line, byline or note.
    expect(new Set(asked.boilerplate?.lines)).toEqual(new Set([PROMO_EN, PROMO_ZH, ...STORIES[0]!.body.flat()].map(lineFingerprint)));
  });

  it('offers no chrome line, link list or long paragraph for learning', () => {
    const long = `${STORIES[1]!.body[0]![0]} ${STORIES[1]!.body[1]![0]} ${STORIES[1]!.body[2]![0]} It was the first market of the season.`;
    expect(long.length).toBeGreaterThanOrEqual(240);
    const extras = [
      '<p>Share: WeChat Weibo Facebook</p>',
      '<p><a href="/a">Harbour tides this week and next</a> <a href="/b">Ferry timetable for the summer</a></p>',
      `<p>${long}</p><p>${STORIES[1]!.body.map(([, zh]) => zh).join('')}</p>`,
    ].join('\n');
    const html = sitePage(0).replace('<p>The author is', `${extras}\n<p>The author is`);
    const r = ok(parseArticle({ bytes: html, url: 'https://harbour.example/news/x.html', boilerplate: NOTHING }));
    expect(bodyTexts(r)).toContain(long);
    expect(new Set(r.boilerplate?.lines)).toEqual(new Set([PROMO_EN, PROMO_ZH, ...STORIES[0]!.body.flat(), STORIES[1]!.body.map(([, zh]) => zh).join('')].map(lineFingerprint)));
  });

  it(`learns the promo lines once ${BOILERPLATE_MIN_ARTICLES} articles carry them, and leaves them out of the body`, () => {
    expect(learntFrom([0, 1])).toEqual(new Set());
    const learnt = learntFrom([0, 1, 2]);
    expect(learnt).toEqual(new Set([lineFingerprint(PROMO_EN), lineFingerprint(PROMO_ZH)]));

    const before = parse(3);
    expect(bodyTexts(before)).toContain(PROMO_EN);
    const after = parse(3, learnt);
    expect(after.boilerplate?.removed).toEqual([PROMO_EN, PROMO_ZH]);
    expect(bodyTexts(after)).toEqual(STORIES[3]!.body.flat());
    expect(after.article.segments.map((s) => [s.en, s.zh])).toEqual(STORIES[3]!.body.map(([en, zh]) => [[en], [zh]]));
  });

  it('never learns or drops what it reads as metadata: label lines, bylines, name lines, notes stay metadata however often they recur', () => {
    // The metadata lines stand on the pages like the promo lines, yet no page offers them for learning…
    const lines = new Set([0, 1, 2, 3].flatMap((n) => parse(n, NOTHING).boilerplate?.lines ?? []));
    for (const text of Object.values(META)) expect(lines.has(lineFingerprint(text)), text).toBe(false);
    // …and even told they are boilerplate, the parser still reads them as metadata (both byline blocks).
    for (const n of [2, 3]) {
      const plain = parse(n);
      const told = new Set([...Object.values(META), PROMO_EN, PROMO_ZH, ...STORIES[n]!.title].map(lineFingerprint));
      const after = parse(n, told);
      expect(metadataOf(after)).toEqual(metadataOf(plain));
      expect(after.article).toMatchObject({
        byline: { en: 'Zhang Gaosheng', zh: '张高胜' },
        source: '中国军网',
        editor: 'Li Jiayao',
        authorNote: { en: META.noteEn, zh: META.noteZh },
        editorNote: { en: 'This story is part of our series on life along the coast.' },
      });
      expect(after.article.title).toEqual({ en: STORIES[n]!.title[0], zh: STORIES[n]!.title[1] });
      expect(after.boilerplate?.removed).toEqual([PROMO_EN, PROMO_ZH]);
    }
  });

  it('keeps every line when the learnt ones would be most of the body (a copy of a text seen before)', () => {
    const plain = parse(3, NOTHING, { promo: false });
    const [en1, zh1, en2, zh2] = STORIES[3]!.body.flat() as [string, string, string, string];
    const most = new Set([en1, zh1, en2, zh2].map(lineFingerprint));
    const r = parse(3, most, { promo: false });
    expect(r.boilerplate?.removed).toEqual([]);
    expect(r.article).toEqual(plain.article);
    // Half of the body may go, not more.
    const half = parse(3, new Set([en1, zh1, en2].map(lineFingerprint)), { promo: false });
    expect(half.boilerplate?.removed).toEqual([en1, zh1, en2]);
  });

  it("keeps every line when the learnt ones are all of one language's body", () => {
    const body = [
      { text: 'a', lang: 'en' as const },
      { text: 'b', lang: 'en' as const },
      { text: 'c', lang: 'en' as const },
      { text: '丁', lang: 'zh' as const },
    ];
    expect(stripBoilerplate(body, { lines: [], learnt: new Set(['丁']) })).toEqual({ body, removed: [] });
    expect(stripBoilerplate(body, { lines: [], learnt: new Set(['a']) })).toEqual({ body: body.slice(1), removed: ['a'] });
  });
});

describe('capLines', () => {
  it(`keeps each fingerprint once, at most ${BOILERPLATE_LINES_PER_PAGE}: the first and the last half`, () => {
    const fps = Array.from({ length: 100 }, (_, i) => `fp${i}`);
    const capped = capLines([...fps, 'fp0', 'fp99']);
    expect(capped).toHaveLength(BOILERPLATE_LINES_PER_PAGE);
    expect(capped).toEqual([...fps.slice(0, 32), ...fps.slice(68)]);
    expect(capLines(['x', 'y', 'x'])).toEqual(['x', 'y']);
  });
});

describe('LineCounts', () => {
  it('counts a line once per page, a page once however often it is set, and learns at the threshold', () => {
    const c = new LineCounts(3);
    c.set('a', ['promo', 'a1', 'promo']);
    c.set('b', ['promo', 'b1']);
    expect(c.count('promo')).toBe(2);
    expect(c.learnt()).toEqual(new Set());
    // A third page: learnt with it (two others carry it), not for a page that is one of the two.
    expect(c.learntFor('c')).toEqual(new Set(['promo']));
    expect(c.learntFor('a')).toEqual(new Set());
    c.set('c', ['promo', 'c1']);
    expect(c.learnt()).toEqual(new Set(['promo']));
    expect(c.learntFor('a')).toEqual(new Set(['promo']));
    // Page a again (a redelivery, a revision without the line): it counts once, with its new lines.
    c.set('a', ['promo', 'a1']);
    expect(c.count('promo')).toBe(3);
    c.set('a', ['a1']);
    expect(c.count('promo')).toBe(2);
    expect(c.learnt()).toEqual(new Set());
    expect(c.learntFor('d')).toEqual(new Set(['promo']));
    expect(c.size).toBe(3);
  });
});
