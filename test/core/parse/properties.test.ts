/**
 * Properties over generated input: the parser never throws, is deterministic, and neither
 * loses nor invents text — every body paragraph it finds comes back exactly once, in order,
 * inside the segments, and nothing else does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { side } from '../../../lambdas/core/article.js';
import { alignParagraphs, type Para } from '../../../lambdas/core/parse/align.js';
import { parseArticle } from '../../../lambdas/core/parse/index.js';

const EN_WORDS = ['the', 'ship', 'harbor', 'crew', 'doctors', 'village', 'river', 'rescue', 'team', 'drill', 'soldiers', 'supplies', 'winter', 'station', 'weather', 'market', 'city', 'trees', 'volunteers', 'Zhoushan', 'NATO', 'reported', 'carried', 'built', 'opened', 'many', 'new', 'local', 'officials', 'said'];
const HAN = '的一是在了人有这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双观';

const sentenceEn = fc
  .array(fc.constantFrom(...EN_WORDS), { minLength: 8, maxLength: 30 })
  .map((ws) => {
    const s = ws.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  });
const sentenceZh = fc.array(fc.constantFrom(...HAN), { minLength: 12, maxLength: 60 }).map((cs) => `${cs.join('')}。`);

/** A generated article: a list of (en, zh) pairs, some with one side missing or doubled. */
const articleArb = fc.array(
  fc.record({
    en: fc.array(sentenceEn, { minLength: 0, maxLength: 2 }),
    zh: fc.array(sentenceZh, { minLength: 0, maxLength: 2 }),
  }),
  { minLength: 2, maxLength: 12 },
).filter((pairs) => pairs.some((p) => p.en.length > 0) && pairs.some((p) => p.zh.length > 0));

const layoutArb = fc.constantFrom('interleaved-en', 'interleaved-zh', 'block', 'br', 'text');

function render(pairs: Array<{ en: string[]; zh: string[] }>, layout: string): { page: string; body: Para[] } {
  const body: Para[] = [];
  const ps: string[] = [];
  const add = (text: string, lang: 'en' | 'zh') => body.push({ text, lang });
  if (layout === 'block') {
    for (const p of pairs) for (const t of p.en) add(t, 'en');
    for (const p of pairs) for (const t of p.zh) add(t, 'zh');
  } else {
    for (const p of pairs) {
      const first = layout === 'interleaved-zh' ? ([['zh', p.zh], ['en', p.en]] as const) : ([['en', p.en], ['zh', p.zh]] as const);
      for (const [lang, texts] of first) for (const t of texts) add(t, lang);
    }
  }
  if (layout === 'text') {
    const page = ['Ship returns home', '医院船返回母港', '来源：Sample Daily 责任编辑：Zhao Min', '2025-04-03 10:25', ...body.map((b) => b.text)].join('\n\n');
    return { page, body };
  }
  if (layout === 'br') {
    // Pairs of one English and one Chinese paragraph share a <p>, split by <br>.
    for (let i = 0; i < body.length; i++) {
      const a = body[i]!;
      const b = body[i + 1];
      if (b && a.lang !== b.lang) {
        ps.push(`<p>${a.text}<br>${b.text}</p>`);
        i++;
      } else ps.push(`<p>${a.text}</p>`);
    }
  } else for (const b of body) ps.push(`<p>${b.text}</p>`);
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ship returns home</title></head><body>
    <div class="nav"><a href="/">Home</a> <a href="/zh">首页</a></div>
    <h1>Ship returns home</h1><h2>医院船返回母港</h2><div class="info">来源：Sample Daily 责任编辑：Zhao Min 2025-04-03 10:25</div>
    <div class="content">${ps.join('\n')}</div>
    <div class="related"><a href="/1">Another story</a><a href="/2">另一篇报道</a></div><div class="footer">Copyright 2026</div></body></html>`;
  return { page, body };
}

/**
 * The same items as the page, in page order, except that a translation shown one pair late is
 * brought forward to its original (align.ts joinCrossed): no item moves more than two places.
 */
function expectPageOrder<T>(got: readonly T[], page: readonly T[]): void {
  expect([...got].sort()).toEqual([...page].sort());
  const left = [...page];
  got.forEach((item, i) => {
    const at = left.indexOf(item);
    expect(at, `item ${i} moved ${at} places`).toBeLessThanOrEqual(2);
    left.splice(at, 1);
  });
}

describe('parseArticle properties', () => {
  it('loses and invents no text: segments rejoin to the body paragraphs, in order (a late translation moved at most two places)', () => {
    fc.assert(
      fc.property(articleArb, layoutArb, (pairs, layout) => {
        const { page, body } = render(pairs, layout);
        const r = parseArticle({ bytes: page, path: 'gen.html' });
        if (!r.ok) throw new Error(r.reason);
        for (const lang of ['en', 'zh'] as const) {
          const got = r.article.segments.flatMap((s) => side(s, lang));
          expectPageOrder(got, body.filter((b) => b.lang === lang).map((b) => b.text));
        }
        expect(r.article.title).toEqual({ en: 'Ship returns home', zh: '医院船返回母港' });
        expect(r.article.source).toBe('Sample Daily');
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(articleArb, layoutArb, (pairs, layout) => {
        const { page } = render(pairs, layout);
        expect(parseArticle({ bytes: page, path: 'x' })).toEqual(parseArticle({ bytes: page, path: 'x' }));
      }),
      { numRuns: 50 },
    );
  });

  it('never throws on arbitrary Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => {
        const r = parseArticle({ bytes: s, path: 'x' });
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes, with or without a declared charset', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(undefined, 'text/html; charset=gbk', 'text/html; charset=big5', 'text/html; charset=utf-8', 'text/html; charset=bogus'), (bytes, contentType) => {
        const r = parseArticle({ bytes, contentType, path: 'x' });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on HTML-shaped noise (unbalanced tags, entities, mixed scripts)', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<div class="content">', '</div>', '<br>', '<br/>', '<h1>', '</h1>', '<script>', '</script>', '<a href="x">', '</a>', '<!--', '-->', '&amp;', '&#x27;', '&#99999999;', '<meta charset="gbk">', '<title>', '</title>', '\n', '来源：', 'Editor:', '编者按：', '(The author is', '）'),
      sentenceEn,
      sentenceZh,
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const r = parseArticle({ bytes: parts.join(''), path: 'x' });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('alignParagraphs properties', () => {
  const parasArb = fc.array(fc.oneof(sentenceEn.map((text): Para => ({ text, lang: 'en' })), sentenceZh.map((text): Para => ({ text, lang: 'zh' }))), { maxLength: 40 });

  it('uses every paragraph exactly once, each language in page order (a late translation moved at most two places)', () => {
    fc.assert(
      fc.property(parasArb, (paras) => {
        const { beads } = alignParagraphs(paras);
        for (const lang of ['en', 'zh'] as const) {
          const used = beads.flatMap((b) => b[lang]);
          const expected = paras.flatMap((p, i) => (p.lang === lang ? [i] : []));
          expectPageOrder(used, expected);
        }
        for (const b of beads) {
          expect(b.en.length + b.zh.length).toBeGreaterThan(0);
          expect(b.en.length).toBeLessThanOrEqual(2);
          expect(b.zh.length).toBeLessThanOrEqual(2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
