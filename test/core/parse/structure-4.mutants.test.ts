/**
 * structure.ts, fourth round (seed-13 sample): the chain of elements above a paragraph is
 * filled for STRUCTURE_ROW_LEVELS + 1 levels and no further, so a very deep paragraph's
 * far ancestors never spill into the next paragraph's chain (here a paragraph with no
 * element, which must stay outside every row).
 */
import { describe, expect, it } from 'vitest';
import type { ElementTree } from '../../../lambdas/core/parse/html.js';
import type { Lang } from '../../../lambdas/core/parse/lang.js';
import { alignByStructure, structureSpans, type StructPara } from '../../../lambdas/core/parse/structure.js';

function tree(parent: number[]): ElementTree {
  const kids = parent.map(() => 0);
  for (let i = 1; i < parent.length; i++) kids[parent[i]!]!++;
  return { parent, kids };
}

const p = (lang: Lang, element: number | undefined): StructPara => ({
  text: lang === 'en' ? 'The night market reopens along the river this weekend.' : '河边的夜市本周末重新开放。',
  lang,
  element,
});

describe('deep paragraphs followed by ones with no element', () => {
  // root 0 holds two boxes alike: box 1 → cell 2 → wrappers 3 → 4 → 5 → 6 → 7, and cell 8;
  // box 9 → cell 10 → wrappers 11 → … → 15, and cell 16. In each box an English paragraph
  // sits in the deepest wrapper (its chain holds the five elements 7 … 3, and stops there),
  // then comes a Chinese paragraph with no element, then an English one in the other cell.
  // Were the deep chain carried on, the Chinese paragraph would inherit cell 2 in box 1 and
  // the two boxes would read as a table of Chinese-first rows.
  const t = tree([0, 0, 1, 2, 3, 4, 5, 6, 1, 0, 9, 10, 11, 12, 13, 14, 9]);
  const paras = [p('en', 7), p('zh', undefined), p('en', 8), p('en', 15), p('zh', undefined), p('en', 16)];

  it('no stretch is paired by the markup', () => {
    expect(structureSpans(paras, t)).toEqual([]);
  });

  it('so the aligner takes every paragraph', () => {
    const r = alignByStructure(paras, t);
    expect(r.beads.every((b) => b.from === 'aligner')).toBe(true);
  });
});
