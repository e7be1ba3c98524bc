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
