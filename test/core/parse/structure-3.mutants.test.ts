/**
 * structure.ts, third round (seed-9 sample): an empty body, and the candidate-row walk that
 * must stop at the levels it looks up even when the next paragraph's own element is itself a
 * row (text straight in a row, before its cells).
 */
import { describe, expect, it } from 'vitest';
import type { ElementTree } from '../../../lambdas/core/parse/html.js';
import type { Lang } from '../../../lambdas/core/parse/lang.js';
import { alignByStructure, structureSpans, type StructPara } from '../../../lambdas/core/parse/structure.js';

/** A tree from parent ids (index 0 is the root, its own parent); kids counted from them. */
function tree(parent: number[]): ElementTree {
  const kids = parent.map(() => 0);
  for (let i = 1; i < parent.length; i++) kids[parent[i]!]!++;
  return { parent, kids };
}

const p = (lang: Lang, element: number | undefined): StructPara => ({
  text: lang === 'en' ? 'The harbour ferry will run again from next week.' : '港口渡轮将从下周起恢复运行。',
  lang,
  element,
});

describe('an empty body', () => {
  it('gives no beads and no first language, with or without a tree', () => {
    for (const t of [undefined, tree([0, 0])]) {
      const r = alignByStructure([], t);
      expect(r.beads).toEqual([]);
      expect(r.evidence).toEqual([]);
      expect(r.firstLang).toBeUndefined();
    }
  });
});

describe('a deep paragraph before a row that holds text of its own', () => {
  // root 0 → wrapper 1 → table 2 → rows 3 (cells 4, 5), 6 (cells 7, 8), 11 (cells 12, 13).
  // In cell 8 the Chinese paragraph sits two wrappers deep (9 → 10), so its five-element
  // chain (10, 9, 8, 6, 2) fills every level looked up. Row 11 holds a line of its own
  // before its cells.
  const t = tree([0, 0, 1, 2, 3, 3, 2, 6, 6, 8, 9, 2, 11, 11]);
  const paras = [p('en', 4), p('zh', 5), p('en', 7), p('zh', 10), p('en', 11), p('en', 12), p('zh', 13)];

  it('each row pairs its cells; the line straight in the third row stays outside it', () => {
    expect(structureSpans(paras, t)).toEqual([
      { kind: 'row', start: 0, end: 2 },
      { kind: 'row', start: 2, end: 4 },
      { kind: 'row', start: 5, end: 7 },
    ]);
  });

  it('and the beads follow: three row beads around the line the aligner takes', () => {
    const r = alignByStructure(paras, t);
    expect(r.beads.map((b) => [b.from, b.en, b.zh])).toEqual([
      ['row', [0], [1]],
      ['row', [2], [3]],
      ['aligner', [4], []],
      ['row', [5], [6]],
    ]);
  });
});

describe('a row of two paragraphs a side pairs them one by one up to a length ratio of 1.8', () => {
  // root 0 → table 1 → row 2 (cells 3, 4: two paragraphs each) and row 5 (cells 6, 7).
  const t = tree([0, 0, 1, 2, 2, 1, 5, 5]);
  // 14 Han characters are worth 3.5 × 14 + 1 = 50 English characters.
  const zh = '新的图书馆将在下周一上午开门。';
  const en = (n: number) => 'The new city library opens its doors on Monday morning and stays open late on weekdays from now on'.slice(0, n);
  const beads = (n: number) =>
    alignByStructure(
      [
        { text: en(n), lang: 'en', element: 3 },
        { text: en(n), lang: 'en', element: 3 },
        { text: zh, lang: 'zh', element: 4 },
        { text: zh, lang: 'zh', element: 4 },
        { text: en(60), lang: 'en', element: 6 },
        { text: zh, lang: 'zh', element: 7 },
      ],
      t,
    ).beads.map((b) => [b.en, b.zh]);

  it('90 English characters against 50 is exactly 1.8: paired one by one', () => {
    expect(en(90)).toHaveLength(90);
    expect(beads(90)).toEqual([
      [[0], [2]],
      [[1], [3]],
      [[4], [5]],
    ]);
  });

  it('91 is over it: the row stays one bead', () => {
    expect(en(91)).toHaveLength(91);
    expect(beads(91)).toEqual([
      [[0, 1], [2, 3]],
      [[4], [5]],
    ]);
  });
});

describe('a Chinese cell holds the language of more than 80% of its paragraphs', () => {
  // root 0 → table 1 → rows 2 (cells 3, 4), 5 (cells 6, 7), 8 (cells 9, 10).
  const t = tree([0, 0, 1, 2, 2, 1, 5, 5, 1, 8, 8]);
  const head = [p('en', 3), p('zh', 4), p('en', 6), p('zh', 7), p('en', 9)];
  it('4 Chinese and 1 English is exactly 80%: no Chinese cell, the third row pairs nothing', () => {
    const paras = [...head, p('zh', 10), p('zh', 10), p('zh', 10), p('zh', 10), p('en', 10)];
    expect(structureSpans(paras, t)).toEqual([
      { kind: 'row', start: 0, end: 2 },
      { kind: 'row', start: 2, end: 4 },
    ]);
  });
  it('5 and 1 is more: a Chinese cell, and a row', () => {
    const paras = [...head, p('zh', 10), p('zh', 10), p('zh', 10), p('zh', 10), p('zh', 10), p('en', 10)];
    expect(structureSpans(paras, t)).toEqual([
      { kind: 'row', start: 0, end: 2 },
      { kind: 'row', start: 2, end: 4 },
      { kind: 'row', start: 4, end: 11 },
    ]);
  });
});

describe('a row of one language beside an empty cell', () => {
  // root 0 → table 1 → rows 2 (cells 3, 4), 5 (cells 6, 7), 8 (cells 9, 10; 10 empty).
  const t = tree([0, 0, 1, 2, 2, 1, 5, 5, 1, 8, 8]);
  it('is a row when its one cell holds several paragraphs', () => {
    const paras = [p('en', 3), p('zh', 4), p('en', 6), p('zh', 7), p('en', 9), p('en', 9)];
    expect(structureSpans(paras, t)).toEqual([
      { kind: 'row', start: 0, end: 2 },
      { kind: 'row', start: 2, end: 4 },
      { kind: 'row', start: 4, end: 6 },
    ]);
  });
});
