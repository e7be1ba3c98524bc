/**
 * The content hash's fast path and edges (lambdas/core/ids.ts), from the second mutation run:
 * contentJson hands an article that is already in contract order to JSON.stringify, and the
 * test of "already in contract order" (inContractOrder) was checked only through contentJson's
 * output, which a stricter test leaves the same (and a looser one changes only for rare
 * shapes). Here it is checked against a plain version on objects close to the contract, plus
 * sorting, content hashes of segments only some of which carry sentences, and sentence shapes
 * with a language missing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHashOf, contentJson, inContractOrder, sentenceShape, sha256Hex, type ArticleContent } from '../../lambdas/core/ids.js';

const FIELDS = ['url', 'languages', 'title', 'byline', 'source', 'editor', 'published', 'authorNote', 'editorNote', 'segments'];
const BY_LANGUAGE = ['title', 'byline', 'authorNote', 'editorNote'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every key `for…in` visits (own and inherited enumerable ones), in its order. */
function keysIn(o: Obj): string[] {
  const keys: string[] = [];
  for (const k in o) keys.push(k);
  return keys;
}

/** The object's keys are all its own and appear in `order`, in that order (each at most once). */
function follows(o: Obj, order: readonly unknown[]): boolean {
  const keys = keysIn(o);
  if (keys.some((k) => !Object.hasOwn(o, k))) return false;
  let from = 0;
  for (const k of keys) {
    const at = order.indexOf(k, from);
    if (at < 0) return false;
    from = at + 1;
  }
  return true;
}

/**
 * Plain: JSON.stringify writes this object as contentJson must. Languages are strings and
 * none reads as an array index (JSON.stringify would write such a key first); the fields are
 * contract fields in contract order; language maps hold strings under the languages in
 * reading order; segments hold string lists under the languages in order, then a numeric
 * confidence.
 */
function plainInContractOrder(a: Obj): boolean {
  const langs = a.languages;
  if (!Array.isArray(langs) || !langs.every((l) => typeof l === 'string' && !/^(?:0|[1-9]\d*)$/.test(l))) return false;
  if (!follows(a, FIELDS)) return false;
  for (const k of BY_LANGUAGE) {
    const v = a[k];
    if (v === undefined) continue;
    if (!isObj(v) || !follows(v, langs) || !Object.values(v).every((x) => typeof x === 'string')) return false;
  }
  if (a.segments === undefined) return true;
  if (!Array.isArray(a.segments)) return false;
  return a.segments.every(
    (s) =>
      isObj(s) &&
      follows(s, [...langs, 'confidence']) &&
      Object.entries(s).every(([k, v]) => (k === 'confidence' ? typeof v === 'number' : Array.isArray(v) && v.every((x) => typeof x === 'string'))),
  );
}

/** An object of the given keys (a subset, in the given order or shuffled), each value drawn from `value`. */
function objectOf(keys: readonly string[], value: fc.Arbitrary<unknown>): fc.Arbitrary<Obj> {
  const order = fc.oneof({ weight: 4, arbitrary: fc.subarray([...keys]) }, fc.shuffledSubarray([...keys]));
  return order.chain((ks) => fc.tuple(...ks.map(() => value)).map((vs) => Object.fromEntries(ks.map((k, i) => [k, vs[i]]))));
}

const LANGS = ['en', 'zh', 'fr', '0', '10'];
const text = fc.string({ maxLength: 3 });
const mostlyText = fc.oneof({ weight: 8, arbitrary: text }, fc.integer({ min: 0, max: 3 }), fc.constant(null));
const languages = fc.oneof(
  { weight: 8, arbitrary: fc.oneof({ weight: 3, arbitrary: fc.subarray(['en', 'zh']) }, fc.shuffledSubarray(LANGS, { maxLength: 3 })) },
  fc.constant(['en', 7] as unknown[]),
  fc.constant('en'),
);
/** Objects close to the contract: keys of the contract and of the languages, mostly in order, now and then one thing off. */
const nearContract = languages.chain((langs) => {
  const ls: string[] = Array.isArray(langs) ? (langs as unknown[]).filter((l): l is string => typeof l === 'string') : [];
  const map = fc.oneof({ weight: 8, arbitrary: objectOf([...ls, 'xx'], mostlyText) }, fc.constant([] as unknown), fc.constant('t'));
  const list = fc.oneof({ weight: 8, arbitrary: fc.array(text, { maxLength: 2 }) }, fc.constant([1] as unknown), fc.constant('p'));
  const segmentValue = fc.oneof({ weight: 6, arbitrary: list }, fc.double({ min: 0, max: 1, noNaN: true }));
  const segment = fc.oneof(
    { weight: 8, arbitrary: objectOf([...ls, 'confidence'], segmentValue) },
    objectOf([...ls, 'confidence', 'note'], segmentValue),
    fc.constant(null),
  );
  const field = (k: string): fc.Arbitrary<unknown> =>
    k === 'languages' ? fc.constant(langs) : BY_LANGUAGE.includes(k) ? map : k === 'segments' ? fc.oneof({ weight: 8, arbitrary: fc.array(segment, { maxLength: 3 }) }, fc.constant({})) : mostlyText;
  const keys = fc.oneof({ weight: 6, arbitrary: fc.subarray(FIELDS) }, fc.shuffledSubarray(FIELDS), fc.subarray([...FIELDS, 'images']), fc.subarray(['id', ...FIELDS]));
  return keys.chain((ks) => fc.tuple(...ks.map(field)).map((vs) => Object.fromEntries(ks.map((k, i) => [k, vs[i]]))));
});

describe('inContractOrder (the test for contentJson\'s fast path)', () => {
  it('agrees with the plain version on objects close to the contract', () => {
    let inOrder = 0;
    fc.assert(
      fc.property(nearContract, (a) => {
        const plain = plainInContractOrder(a);
        if (plain) inOrder++;
        expect(inContractOrder(a)).toBe(plain);
      }),
      { numRuns: 3000 },
    );
    // Both answers were asked for often.
    expect(inOrder).toBeGreaterThan(60);
    expect(inOrder).toBeLessThan(2900);
  });

  it('holds for a parser-shaped article, and fails for each one thing off', () => {
    const base = () => ({ url: 'u', languages: ['en', 'zh'], title: { en: 'T', zh: '题' }, segments: [{ en: ['a'], zh: ['甲'], confidence: 0.9 }] }) as Obj;
    expect(inContractOrder(base())).toBe(true);
    expect(inContractOrder({ languages: ['en'] })).toBe(true);
    const off: Array<[string, (a: Obj) => void]> = [
      ['no languages', (a) => delete a.languages],
      ['a language that is no string', (a) => (a.languages = ['en', 1])],
      ['a language that is true', (a) => (a.languages = ['en', true])],
      ['a language that reads as an index', (a) => (a.languages = ['en', '0'])],
      ['fields out of order', (a) => (a.url = (delete a.url, 'u'))],
      ['a field beyond the contract', (a) => (a.images = [])],
      ['a title in the other order', (a) => (a.title = { zh: '题', en: 'T' })],
      ['a title that is a list', (a) => (a.title = ['T'])],
      ['a title with a number', (a) => (a.title = { en: 1 })],
      ['segments that are no list', (a) => (a.segments = {})],
      ['a segment that is null', (a) => (a.segments = [null])],
      ['a segment in the other order', (a) => (a.segments = [{ zh: ['甲'], en: ['a'] }])],
      ['confidence first', (a) => (a.segments = [{ confidence: 1, en: ['a'] }])],
      ['a confidence that is text', (a) => (a.segments = [{ en: ['a'], confidence: '1' }])],
      ['a side that is text', (a) => (a.segments = [{ en: 'a' }])],
      ['a side with a number', (a) => (a.segments = [{ en: ['a', 2] }])],
      ['an inherited key', (a) => (a.title = Object.assign(Object.create({ zh: '继承' }) as Obj, { en: 'T' }))],
    ];
    for (const [why, change] of off) {
      const a = base();
      change(a);
      expect(inContractOrder(a), why).toBe(false);
    }
  });

  it('gives the same content JSON either way', () => {
    fc.assert(
      fc.property(nearContract, (a) => {
        // Rebuilt with its keys reversed, an object is never taken by the fast path unless it has one key.
        const reversedTop = Object.fromEntries(Object.entries(a).reverse());
        expect(contentJson(a as ArticleContent)).toBe(contentJson(reversedTop as ArticleContent));
      }),
      { numRuns: 500 },
    );
  });
});

describe('sorting by code unit', () => {
  it('orders many keys, scrambled, at every level and among the fields beyond the contract', () => {
    const keys = ['b', 'a', 'é', 'Z', 'aa', 'c', '_', 'B', '1'];
    const o = Object.fromEntries(keys.map((k, i) => [k, i]));
    const want = [...keys].sort();
    expect(Object.keys(JSON.parse(canonicalJson(o)) as Obj)).toEqual(want);
    const json = contentJson({ languages: ['en'], title: { en: 'T' }, segments: [], ...o } as unknown as ArticleContent);
    expect(json.indexOf('"segments"')).toBeLessThan(json.indexOf('"1"'));
    const after = json.slice(json.indexOf('"segments"'));
    const order = want.map((k) => after.indexOf(JSON.stringify(k) + ':'));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });
  it('writes lists of objects beyond the segments canonically (sorted), not in reading order', () => {
    const a = { languages: ['zh', 'en'], title: { zh: '题', en: 'T' }, extra: [{ zh: 1, en: 2 }] } as unknown as ArticleContent;
    expect(contentJson(a)).toBe('{"languages":["zh","en"],"title":{"zh":"题","en":"T"},"extra":[{"en":2,"zh":1}]}');
  });
  it('leaves languages that are no strings out of the reading order', () => {
    const a = { languages: ['zh', 1, 'en'], title: { en: 'T', 1: 'x', zh: '题' } } as unknown as ArticleContent;
    const json = contentJson(a);
    expect(JSON.parse(json)).toEqual({ languages: ['zh', 1, 'en'], title: { zh: '题', en: 'T', 1: 'x' } });
    expect(json).toBe('{"languages":["zh",1,"en"],"title":{"zh":"题","en":"T","1":"x"}}');
  });
});

describe('contentHashOf with sentences on some segments', () => {
  const article = (sentences: boolean) =>
    ({
      languages: ['en', 'zh', 'fr'],
      title: { en: 'T', zh: '题' },
      segments: [
        { en: ['One. Two.'], zh: ['一。二。'], ...(sentences ? { sentences: [{ en: ['One.'], zh: ['一。'] }, { en: ['Two.'], zh: ['二。'] }] } : {}) },
        { en: ['Three.'], zh: ['三。'] },
      ],
    }) as unknown as ArticleContent;
  it('hashes the content without sentences, then the shape of the en and zh sentences (segments without any give none)', () => {
    const bare = article(false);
    expect(contentHashOf(bare)).toBe(sha256Hex(contentJson(bare)));
    expect(contentHashOf(article(true))).toBe(sha256Hex(contentJson(bare) + sentenceShape([[{ en: ['One.'], zh: ['一。'] }, { en: ['Two.'], zh: ['二。'] }], []], ['en', 'zh'])));
    expect(contentHashOf(article(true))).not.toBe(contentHashOf(bare));
  });
  it('hashes segments without sentences, one of them null, as their content JSON', () => {
    const a = article(false) as unknown as { segments: unknown[] };
    a.segments.push(null);
    expect(contentHashOf(a as unknown as ArticleContent)).toBe(sha256Hex(contentJson(a as unknown as ArticleContent)));
  });
});

describe('sentenceShape', () => {
  it('writes nothing for a language a bead lacks', () => {
    expect(sentenceShape([[{ en: ['ab'] }]], ['en', 'zh'])).toBe('|2,|;/');
    expect(sentenceShape([[{ zh: ['一二三'] }], []], ['en', 'zh'])).toBe('||3,;//');
  });
});
