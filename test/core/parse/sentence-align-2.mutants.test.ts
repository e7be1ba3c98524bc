/**
 * Sentence aligner (lambdas/core/parse/sentence-align.ts), second round from the seed-8
 * survivors: the DP band of a large segment (its width, its centre row by row, reading only
 * cells inside it, where it starts), 第 before a numeral, decimals in Chinese text, a month
 * only when capitalized, a digit beside a Latin word. Every text is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { alignUnits, segmentModel, textAnchors } from '../../../lambdas/core/parse/sentence-align.js';

const en = (k: number, v: number) => `Crew ${k} of the river patrol logged ${v} kilometres during the long night.`;
const zh = (k: number, v: number) => `河道巡逻第${k}组在漫长的夜里记录了${v}公里。`;

describe('a large segment is aligned in a band around the diagonal', () => {
  it('64 sentences a side, each with its own numbers: one to one, all inside the band', () => {
    const N = 64;
    const e = Array.from({ length: N }, (_, k) => en(k + 2, 300 + 7 * k)).join(' ');
    const z = Array.from({ length: N }, (_, k) => zh(k + 2, 300 + 7 * k)).join('');
    const model = segmentModel([e], [z]);
    expect([model.en.n, model.zh.n]).toEqual([N, N]);
    expect(alignUnits(model)).toEqual(Array.from({ length: N }, (_, k) => ({ e0: k, e1: k + 1, z0: k, z1: k + 1 })));
  });

  const N = 64;
  const half = 25; // 24 + ⌈64/64⌉
  // skew Chinese sentences with no English come first and as many English with no Chinese last.
  const skewed = (skew: number) => {
    const e = Array.from({ length: N }, (_, k) => (k < N - skew ? en(k + 2, 300 + 7 * k) : en(k + 2, 9000 + 11 * k))).join(' ');
    const z = Array.from({ length: N }, (_, k) => (k < skew ? zh(k + 2, 5000 + 13 * k) : zh(k - skew + 2, 300 + 7 * (k - skew)))).join('');
    return [e, z] as const;
  };
  // The other way round: English sentences with no Chinese first, Chinese with no English last.
  const skewedDown = (skew: number) => {
    const e = Array.from({ length: N }, (_, k) => (k < skew ? en(k + 2, 5000 + 13 * k) : en(k - skew + 2, 300 + 7 * (k - skew)))).join(' ');
    const z = Array.from({ length: N }, (_, k) => (k < N - skew ? zh(k + 2, 300 + 7 * k) : zh(k + 2, 9000 + 11 * k))).join('');
    return [e, z] as const;
  };
  const offsets = (e: string, z: string) => {
    const model = segmentModel([e], [z]);
    expect([model.en.n, model.zh.n]).toEqual([N, N]);
    const beads = alignUnits(model);
    expect(beads.at(-1)).toMatchObject({ e1: N, z1: N });
    for (let k = 1; k < beads.length; k++) expect([beads[k]!.e0, beads[k]!.z0]).toEqual([beads[k - 1]!.e1, beads[k - 1]!.z1]);
    return beads.map((b) => b.z1 - b.e1);
  };

  it('past BAND_FROM cells (65 × 65 > 4096), a skew of 25 reaches the upper edge of the band', () => {
    const off = offsets(...skewed(half));
    expect(Math.max(...off)).toBe(half);
    expect(Math.min(...off)).toBeGreaterThanOrEqual(-half);
  });

  it('past BAND_FROM cells, a skew of 25 the other way reaches the lower edge (and never jumps across the band)', () => {
    const off = offsets(...skewedDown(half));
    expect(Math.min(...off)).toBe(-half);
    expect(Math.max(...off)).toBeLessThanOrEqual(half);
  });

  it('past BAND_FROM cells, a jump of 50 Chinese sentences cannot be taken: every bead ends inside the band', () => {
    // 25 English and 50 Chinese sentences with no counterpart come first, 14 pairs follow,
    // then 25 English with none: across the band (a bead read from a cell outside it could
    // skip 2 × 25 Chinese sentences at the price of one).
    const e = Array.from({ length: N }, (_, k) => (k < 25 ? en(k + 100, 5000 + 13 * k) : k < 39 ? en(k - 23, 300 + 7 * (k - 25)) : en(k + 100, 7000 + 17 * k))).join(' ');
    const z = Array.from({ length: N }, (_, k) => (k < 50 ? zh(k + 200, 9000 + 11 * k) : zh(k - 48, 300 + 7 * (k - 50)))).join('');
    const off = offsets(e, z);
    expect(Math.max(...off)).toBeLessThanOrEqual(half);
    expect(Math.min(...off)).toBeGreaterThanOrEqual(-half);
  });

  it('past BAND_FROM cells, a skew of 30 cannot be followed: the path stays in the band', () => {
    const off = offsets(...skewed(30));
    expect(Math.max(...off)).toBeLessThanOrEqual(half);
    expect(Math.min(...off)).toBeGreaterThanOrEqual(-half);
  });

  it('below BAND_FROM (one sentence fewer a side: 64 × 64 cells) the full DP follows the skew', () => {
    const SKEW = 30;
    const [e, z] = skewed(SKEW);
    const e2 = e.split(/(?<=\.) /).slice(0, N - 1).join(' ');
    const z2 = z.split(/(?<=。)/).slice(1).join('');
    const model = segmentModel([e2], [z2]);
    expect([model.en.n, model.zh.n]).toEqual([N - 1, N - 1]);
    const beads = alignUnits(model);
    expect(beads.filter((b) => b.e1 === b.e0).length).toBe(SKEW - 1);
    expect(beads.filter((b) => b.z1 === b.z0).length).toBe(SKEW - 1);
    expect(beads.filter((b) => b.e1 - b.e0 === 1 && b.z1 - b.z0 === 1).length).toBe(N - SKEW);
  });
});

describe('numbers of a Chinese text', () => {
  it.each([
    ['第 before a numeral at the end: an ordinal, a number with no measure word after it', '他排第五', [5]],
    ['第 at the very start', '第九', [9]],
    ['a numeral after a Han character that is not 第, before no measure word: no number', '他排五', []],
    ['digits after the decimal point all count', '增长了12.75%', [12.75]],
    ['a long decimal', '约3.14159倍', [3.14159]],
  ])('%s', (_name, text, nums) => {
    expect(textAnchors(text, 'zh').nums).toEqual(nums);
  });
});

describe('months of an English text count only capitalized', () => {
  it.each([
    ['May 12', [12, 5]],
    ['may 12', [12]],
    ['march 3 to April 9', [3, 9, 4]],
  ])('%s', (text, nums) => {
    expect(textAnchors(`They left ${text} by boat.`, 'en').nums).toEqual(nums);
  });
});

describe('a digit next to a Latin word of the Chinese makes it no whole word in the English', () => {
  const enIds = (en: string[], zh: string) => segmentModel(en, [zh]).en.ids.map((x) => x ?? []);
  it.each(['0', '9'])('%s after it or before it', (d) => {
    expect(enIds([`The NATO${d} code. The ${d}NATO code. NATO met.`], '领导人在NATO会面。')).toEqual([[], [], [1]]);
  });
});
