/**
 * The aligner (one dynamic program for both leads, bit-set anchors, beads pruned by a lower
 * bound before their length is costed) against the plain one in plain-align.ts: the same
 * beads, confidences, layout and lead on generated pages. Paragraphs share names, acronyms
 * and numbers (often more than 32 of them, so anchor sets span several words), repeat
 * verbatim (exact ties), and come interleaved, in blocks or shuffled.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignParagraphs, blockBandHalfWidth, type Para } from '../../../lambdas/core/parse/align.js';
import * as H from '../../../lambdas/core/parse/heuristics.js';
import { alignPlain } from './plain-align.js';

const NAMES = Array.from({ length: 48 }, (_, i) => `Name${String.fromCharCode(97 + (i % 26))}${i >= 26 ? 'x' : ''}`);
const NUMBERS = Array.from({ length: 48 }, (_, i) => String(101 + i));
const TOKENS = [...NAMES, ...NUMBERS, 'NATO', 'WHO', 'x-ray', 'U.S.', 'a', 'it', 'k', '2025', '1,200', '3.5', '12 million'];
const EN_FILL = ['the ship', 'sailed home', 'officials said', 'on Monday', 'after the storm', 'and', 'with', 'teams', 'two', 'three', 'Twenty'];
const ZH_FILL = ['船只', '返航', '官员表示', '周一', '风暴过后', '和', '三个', '十二名', '两艘'];

/** Words of a language around the anchors given, in random order. */
const sentence = (fill: string[], tokens: fc.Arbitrary<string[]>) =>
  fc.tuple(fc.array(fc.constantFrom(...fill), { minLength: 1, maxLength: 10 }), tokens).chain(([ws, ts]) => fc.shuffledSubarray([...ws, ...ts], { minLength: ws.length + ts.length }).map((all) => all.join(' ')));
const anyTokens = fc.array(fc.constantFrom(...TOKENS), { maxLength: 6 });
const zh = (text: string) => text.replace(/ (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) /g, '');

/** A paragraph and its translation: the same anchors on both sides, now and then one dropped or added. */
const pairOf = (pool: string[], minTokens = 0) =>
  fc
  .tuple(fc.array(fc.constantFrom(...pool), { minLength: minTokens, maxLength: 8 }), fc.constantFrom('same', 'same', 'dropped', 'added'), fc.constantFrom(...pool))
  .chain(([ts, how, extra]) =>
    fc.tuple(sentence(EN_FILL, fc.constant(how === 'dropped' ? ts.slice(1) : ts)), sentence(ZH_FILL, fc.constant(how === 'added' ? [...ts, extra] : ts))),
  )
  .map(([en, z]): [Para, Para] => [{ text: en, lang: 'en' }, { text: zh(z), lang: 'zh' }]);
const pair = pairOf(TOKENS);
const para = fc.oneof(sentence(EN_FILL, anyTokens).map((text): Para => ({ text, lang: 'en' })), sentence(ZH_FILL, anyTokens).map((text): Para => ({ text: zh(text), lang: 'zh' })));

/** Pages in the shapes the aligner meets: interleaved pairs (either lead), blocks, any order, repeats. */
const page = fc.oneof(
  fc.array(fc.tuple(pair, fc.boolean()), { maxLength: 14 }).map((ps) => ps.flatMap(([[en, z], zhFirst]) => (zhFirst ? [z, en] : [en, z]))),
  // Anchors of one kind only: more than 32 shared numbers with few shared words, or the other way round.
  fc.oneof(fc.array(pairOf(NUMBERS, 4), { minLength: 8, maxLength: 16 }), fc.array(pairOf(NAMES, 4), { minLength: 8, maxLength: 16 })).map((ps) => ps.flat()),
  fc.array(pair, { maxLength: 16 }).map((ps) => [...ps.map(([en]) => en), ...ps.map(([, z]) => z)]),
  fc.array(fc.oneof(pair.map((p) => [...p]), para.map((p) => [p])), { maxLength: 14 }).chain((groups) => fc.shuffledSubarray(groups.flat(), { minLength: groups.flat().length })),
  fc.array(para, { maxLength: 24 }),
  fc.tuple(fc.array(para, { minLength: 1, maxLength: 6 }), fc.nat({ max: 4 })).map(([ps, times]) => Array.from({ length: times + 1 }, () => ps).flat()),
);

/** A repeated page on which both leads cost exactly the same and pick different beads: the English lead must win the tie. */
const E = (text: string): Para => ({ text, lang: 'en' });
const Z = (text: string): Para => ({ text, lang: 'zh' });
const TIED_LEADS = [E('three the ship'), Z('Namea 115 104船只船只官员表示三个'), E('two'), E('three the ship'), Z('Namea 115 104船只船只官员表示三个'), E('two')];

describe('alignParagraphs against the plain aligner', () => {
  it('gives the same beads, confidences, layout and lead', () => {
    fc.assert(
      fc.property(page, (paras) => {
        expect(alignParagraphs(paras)).toEqual(alignPlain(paras));
      }),
      { numRuns: 1500, examples: [[TIED_LEADS]] },
    );
  });

  it('also on long block pages, aligned in a band', () => {
    const long = fc
      .array(pair, { minLength: 51, maxLength: 70 })
      .chain((ps) => fc.tuple(fc.constant(ps), fc.array(para, { maxLength: 6 })))
      .map(([ps, extra]) => [...ps.map(([en]) => en), ...extra, ...ps.map(([, z]) => z)]);
    fc.assert(
      fc.property(long, (paras) => {
        expect(alignParagraphs(paras)).toEqual(alignPlain(paras));
      }),
      { numRuns: 30 },
    );
  });

  it('also where the band is capped (sides far apart in length): the same as the plain aligner', () => {
    // 6..20 English paragraphs against 146+ Chinese ones: |n - m| passes BAND_HALF_WIDTH_MAX.
    const skewed = fc
      .tuple(fc.array(pair, { minLength: 6, maxLength: 20 }), fc.array(para.filter((p) => p.lang === 'zh'), { minLength: 140, maxLength: 160 }), fc.nat())
      .map(([ps, extra, at]) => {
        const zhs = ps.map(([, z]) => z);
        zhs.splice(at % (zhs.length + 1), 0, ...extra);
        return [...ps.map(([en]) => en), ...zhs];
      });
    fc.assert(
      fc.property(skewed, (paras) => {
        const n = paras.filter((p) => p.lang === 'en').length;
        const m = paras.length - n;
        expect(blockBandHalfWidth(n, m)).toBeLessThan(Math.abs(n - m)); // the cap binds
        expect(alignParagraphs(paras)).toEqual(alignPlain(paras));
      }),
      { numRuns: 15 },
    );
  });
});

/** Is every cell of the path inside the block band the aligner uses for n × m? */
function pathInBand(path: Array<[number, number]>, n: number, m: number): boolean {
  if (n * m <= H.BAND_CELLS) return true;
  const w = blockBandHalfWidth(n, m);
  return path.every(([i, j]) => j >= Math.floor((i * m) / Math.max(1, n)) - w && j <= Math.ceil((i * m) / Math.max(1, n)) + w);
}

describe('the band against the full dynamic program (no band)', () => {
  // Long block pages of translated pairs with the damage real pages show: dropped or extra
  // paragraphs on either side, pairs split in two. The best path stays near the diagonal.
  const damaged = fc
    .array(fc.tuple(pair, fc.constantFrom('keep', 'keep', 'keep', 'keep', 'drop-zh', 'drop-en', 'extra')), { minLength: 60, maxLength: 160 })
    .chain((ps) => fc.tuple(fc.constant(ps), fc.array(para, { minLength: ps.length, maxLength: ps.length })))
    .map(([ps, extras]) => {
      const en: Para[] = [];
      const zhs: Para[] = [];
      ps.forEach(([[e, z], how], x) => {
        if (how !== 'drop-en') en.push(e);
        if (how !== 'drop-zh') zhs.push(z);
        if (how === 'extra') (extras[x]!.lang === 'en' ? en : zhs).push(extras[x]!);
      });
      return [...en, ...zhs];
    });

  it('gives the full optimum whenever the full path lies in the band', () => {
    let inBand = 0;
    fc.assert(
      fc.property(damaged, (paras) => {
        const n = paras.filter((p) => p.lang === 'en').length;
        const m = paras.length - n;
        const full = alignPlain(paras, { full: true });
        if (!pathInBand(full.path!, n, m)) return;
        inBand++;
        const { path: _path, ...exact } = full;
        expect(alignParagraphs(paras)).toEqual(exact);
      }),
      { numRuns: 25 },
    );
    // The property must not hold vacuously: damaged translations stay near the diagonal.
    expect(inBand).toBeGreaterThan(20);
  });
});
