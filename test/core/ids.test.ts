import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlignedSegment, Article } from '../../lambdas/core/article.js';
import { contentHashOf, contentJson, sentenceShape, sha256Hex } from '../../lambdas/core/ids.js';
import { parseArticle } from '../../lambdas/core/parse/index.js';
import { bilingualPage } from '../reliability/support.js';

/** Articles as the parser builds them: contract order, languages in reading order, optional fields absent. */
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('中文', 'Zhang "Gao" Sheng', '\u2028', '</script>', '\\'));
const article = fc
  .record({
    url: fc.option(fc.webUrl(), { nil: undefined }),
    languages: fc.constantFrom(['en', 'zh'], ['zh', 'en']),
    title: fc.record({ en: text, zh: text }, { requiredKeys: [] }),
    byline: fc.option(fc.record({ en: text, zh: text }), { nil: undefined }),
    source: fc.option(text, { nil: undefined }),
    published: fc.option(fc.constant('2025-03-29T16:13:28+08:00'), { nil: undefined }),
    editorNote: fc.option(fc.record({ en: text }), { nil: undefined }),
    segments: fc.array(fc.record({ en: fc.array(text, { maxLength: 2 }), zh: fc.array(text, { maxLength: 2 }), confidence: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 4 }),
  })
  .map((a) => {
    const L = a.languages;
    const byLang = (o: Record<string, string> | undefined) => (o ? Object.fromEntries(L.filter((l) => l in o).map((l) => [l, o[l]!])) : undefined);
    const out: Record<string, unknown> = {};
    if (a.url) out.url = a.url;
    out.languages = L;
    out.title = byLang(a.title);
    if (a.byline) out.byline = byLang(a.byline);
    if (a.source !== undefined) out.source = a.source;
    if (a.published) out.published = a.published;
    if (a.editorNote) out.editorNote = byLang(a.editorNote);
    out.segments = a.segments.map((s): AlignedSegment => ({ [L[0]!]: s[L[0] as 'en'], [L[1]!]: s[L[1] as 'en'], confidence: s.confidence }));
    return out as Omit<Article, 'id'>;
  });

/** The same object with its keys in another order at every level. */
function reordered(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) return v.map((x, i) => reordered(x, seed + i));
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v);
  const rotated = [...keys.slice(seed % Math.max(1, keys.length)), ...keys.slice(0, seed % Math.max(1, keys.length))].reverse();
  return Object.fromEntries(rotated.map((k) => [k, reordered((v as Record<string, unknown>)[k], seed + 1)]));
}

describe('contentHashOf', () => {
  it('is, for an article built in contract order, the sha256 of its JSON (what the parser always hashed)', () => {
    fc.assert(
      fc.property(article, (a) => {
        expect(contentJson(a)).toBe(JSON.stringify(a));
        expect(contentHashOf(a)).toBe(sha256Hex(JSON.stringify(a)));
      }),
      { numRuns: 500 },
    );
  });

  it('is, on parsed pages, the sha256 of the content JSON without the sentences, then their shape', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = parseArticle({ bytes: bilingualPage(seed).html, url: `https://news.example/${seed}.html` });
      if (!r.ok) throw new Error(r.reason);
      const { id: _id, contentHash, ...content } = r.article;
      const bare = { ...content, segments: content.segments.map(({ sentences: _s, ...rest }) => rest) };
      const order = content.languages as Array<'en' | 'zh'>;
      expect(content.segments.every((s) => Array.isArray(s.sentences))).toBe(true);
      expect(contentHash).toBe(sha256Hex(JSON.stringify(bare) + sentenceShape(content.segments.map((s) => s.sentences!), order)));
      expect(contentHashOf(content)).toBe(contentHash);
    }
  });

  it('does not depend on key order, the id or a hash already set', () => {
    fc.assert(
      fc.property(article, fc.nat(), (a, seed) => {
        const h = contentHashOf(a);
        expect(contentHashOf(reordered(a, seed) as Article)).toBe(h);
        expect(contentHashOf({ ...a, id: 'x', contentHash: 'y' })).toBe(h);
      }),
      { numRuns: 300 },
    );
  });

  it('changes with any content: a segment, a title, a field beyond the contract', () => {
    const a = { languages: ['en', 'zh'], title: { en: 'T', zh: '题' }, segments: [{ en: ['A.'], zh: ['甲。'], confidence: 0.9 }] } as Omit<Article, 'id'>;
    const h = contentHashOf(a);
    expect(contentHashOf({ ...a, segments: [{ en: ['A!'], zh: ['甲。'], confidence: 0.9 }] })).not.toBe(h);
    expect(contentHashOf({ ...a, segments: [{ en: ['A.'], zh: ['甲。'], confidence: 0.8 }] })).not.toBe(h);
    expect(contentHashOf({ ...a, title: { en: 'T', zh: '題' } })).not.toBe(h);
    expect(contentHashOf({ ...a, images: [{ src: 'https://x.example/a.png' }] })).not.toBe(h);
    expect(contentJson({ ...a, images: [{ src: 's', alt: 'a' }], originalSource: 'o' })).toBe('{"languages":["en","zh"],"title":{"en":"T","zh":"题"},"segments":[{"en":["A."],"zh":["甲。"],"confidence":0.9}],"images":[{"alt":"a","src":"s"}],"originalSource":"o"}');
  });
});
