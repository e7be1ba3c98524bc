/**
 * contentJson on articles the parser never builds (found by mutation testing: the fast path
 * that hands contract-ordered articles to JSON.stringify was only ever fed parser-shaped
 * ones). Whatever the content — language codes that read as array indices ("0", "10"),
 * language maps with numbers or lists in them, segments with extra keys or that are no
 * object, fields beyond the contract, id and contentHash present — contentJson writes what
 * a plain reference writes, whatever order the keys were built in: the contract's fields in
 * order, a language map's and a segment's languages in reading order (then confidence),
 * everything else sorted, undefined left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleIdFor, canonicalJson, contentJson, sentenceShape, type ArticleContent } from '../../lambdas/core/ids.js';

const FIELDS = ['url', 'languages', 'title', 'byline', 'source', 'editor', 'published', 'authorNote', 'editorNote', 'segments'];
const BY_LANGUAGE = ['title', 'byline', 'authorNote', 'editorNote'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const sorted = (keys: string[]) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Plain canonical JSON: keys sorted at every level, undefined members left out. */
function plainCanonical(v: unknown): string {
  if (v === undefined) return 'null';
  if (Array.isArray(v)) return '[' + v.map(plainCanonical).join(',') + ']';
  if (isObj(v)) return plainObject(v, [], () => plainCanonical);
  return JSON.stringify(v);
}

/** An object with `lead`'s keys first (in that order), then the rest sorted; each value written by the writer chosen for its key. */
function plainObject(o: Obj, lead: string[], writer: (k: string) => (v: unknown) => string, skip: string[] = []): string {
  const keys = [...lead.filter((k) => k in o), ...sorted(Object.keys(o).filter((k) => !lead.includes(k) && !skip.includes(k)))];
  return '{' + keys.filter((k) => o[k] !== undefined).map((k) => JSON.stringify(k) + ':' + writer(k)(o[k])).join(',') + '}';
}

function plainContentJson(a: Obj): string {
  const langs = Array.isArray(a.languages) ? a.languages.filter((l): l is string => typeof l === 'string') : [];
  return plainObject(a, FIELDS, (k) => (v) => {
    if (BY_LANGUAGE.includes(k) && isObj(v)) return plainObject(v, langs, () => plainCanonical);
    if (k === 'segments' && Array.isArray(v)) return '[' + v.map((s) => (isObj(s) ? plainObject(s, [...langs, 'confidence'], () => plainCanonical) : plainCanonical(s))).join(',') + ']';
    return plainCanonical(v);
  }, ['id', 'contentHash']);
}

/** The same object with its keys in reverse order at every level. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reversed(v[k])]));
}

const lang = fc.constantFrom('en', 'zh', 'fr', '0', '10');
const value = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 4 }) },
  fc.integer({ min: -5, max: 5 }),
  fc.constant(undefined),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxLength: 2 }),
);
const byLang = fc.dictionary(lang, value, { maxKeys: 3 });
const segment = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.constantFrom('en', 'zh', 'fr', '0', 'confidence', 'note'), value, { maxKeys: 4 }) },
  value,
);
/** Keys in contract order (so the fast path is tried), any of them absent, odd values inside. */
const wildArticle = fc.record(
  {
    url: value,
    languages: fc.oneof({ weight: 5, arbitrary: fc.uniqueArray(lang, { maxLength: 3 }) }, value),
    title: fc.oneof({ weight: 3, arbitrary: byLang }, value),
    byline: byLang,
    source: value,
    editor: value,
    published: value,
    authorNote: byLang,
    editorNote: fc.oneof(byLang, value),
    segments: fc.oneof({ weight: 5, arbitrary: fc.array(segment, { maxLength: 3 }) }, value),
    id: value,
    contentHash: value,
    images: value,
  },
  { requiredKeys: [] },
);

describe('contentJson beyond the parser\'s articles', () => {
  it('writes what the plain reference writes, in any key order', () => {
    fc.assert(
      fc.property(wildArticle, (a) => {
        const want = plainContentJson(a);
        expect(contentJson(a as unknown as ArticleContent)).toBe(want);
        expect(contentJson(reversed(a) as ArticleContent)).toBe(want);
      }),
      { numRuns: 800 },
    );
  });

  it('writes the fields beyond the contract after it, sorted, and never the id or hash', () => {
    const a = { zeta: 1, segments: [], alpha: 2, id: 'i', languages: ['zh', 'en'], contentHash: 'h', title: { en: 'T', zh: '题' } };
    expect(contentJson(a as unknown as ArticleContent)).toBe('{"languages":["zh","en"],"title":{"zh":"题","en":"T"},"segments":[],"alpha":2,"zeta":1}');
  });

  it('puts a language code that reads as an index where the reading order says (JSON.stringify would put it first)', () => {
    const a = { languages: ['en', '0'], title: { en: 'T', 0: 'Z' } };
    expect(contentJson(a as unknown as ArticleContent)).toBe('{"languages":["en","0"],"title":{"en":"T","0":"Z"}}');
  });
});

describe('canonicalJson', () => {
  it('sorts keys by code unit at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, { y: 1, x: 0 }] }, B: null })).toBe('{"B":null,"a":{"c":[2,{"x":0,"y":1}]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([undefined, 'é'])).toBe('[null,"é"]');
  });
});

describe('sentenceShape', () => {
  it('names each bead by its sentences\' lengths per language, beads ended by ";" and segments by "/"', () => {
    const segs = [[{ en: ['Ab.', 'C.'], zh: ['甲。'] } /* 甲。 is 2 code units */, { en: [], zh: ['乙丙。'] }], []];
    expect(sentenceShape(segs, ['en', 'zh'])).toBe('|3,2,|2,;||3,;//');
    expect(sentenceShape(segs, ['zh', 'en'])).toBe('|2,|3,2,;|3,|;//');
  });
});

describe('articleIdFor', () => {
  it('drops the fragment (all of it, even across a line break) and keeps everything else', () => {
    const id = articleIdFor('https://x.example/a?b=1');
    expect(id).toMatch(/^[0-9a-f]{20}$/);
    expect(articleIdFor('https://x.example/a?b=1#top')).toBe(id);
    expect(articleIdFor('https://x.example/a?b=1#top\nmore')).toBe(id);
    expect(articleIdFor('https://x.example/a?b=2')).not.toBe(id);
    expect(articleIdFor('https://x.example/A?b=1')).not.toBe(id);
  });
});
