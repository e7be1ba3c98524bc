/**
 * Structure spans (lambdas/core/parse/structure.ts), from the seed-7 mutation sample, on small
 * hand-built element trees: a row against its table's language order (reversed, one language
 * beside an empty cell or not), the cell-majority rule at its bound, a cell revisited after
 * another (paragraphs out of markup order), table and column thresholds, and what
 * alignByStructure makes of rows and columns.
 */
import { describe, expect, it } from 'vitest';
import { alignByStructure, structureSpans, type StructPara } from '../../../lambdas/core/parse/structure.js';
import type { ElementTree } from '../../../lambdas/core/parse/html.js';
import type { Lang } from '../../../lambdas/core/parse/lang.js';

/** A tree from parent ids (index 0 is the root, its own parent); kids counted from them. */
function tree(parent: number[]): ElementTree {
  const kids = parent.map(() => 0);
  for (let i = 1; i < parent.length; i++) kids[parent[i]!]!++;
  return { parent, kids };
}

const EN_TEXT = 'The county reopened the river road on Monday morning.';
const ZH_TEXT = '县里周一上午重新开放了沿河公路。';
const p = (lang: Lang, element: number | undefined, text = lang === 'en' ? EN_TEXT : ZH_TEXT): StructPara => ({ text, lang, element });

/**
 * A table (element 1) of rows; each row lists its cells, each cell the languages of its
 * paragraphs. Returns the tree and the paragraphs in page order.
 */
function table(rows: Lang[][][]): { tree: ElementTree; paras: StructPara[] } {
  const parent = [0, 0];
  const paras: StructPara[] = [];
  for (const row of rows) {
    const r = parent.length;
    parent.push(1);
    for (const cell of row) {
      const c = parent.length;
      parent.push(r);
      for (const lang of cell) paras.push(p(lang, c));
    }
  }
  return { tree: tree(parent), paras };
}

const spans = (t: { tree: ElementTree; paras: StructPara[] }) => structureSpans(t.paras, t.tree);

describe('rows against the table order', () => {
  it('rows in the table order are rows; a reversed row is not', () => {
    expect(spans(table([[['en'], ['zh']], [['en'], ['zh']], [['zh'], ['en']]]))).toEqual([
      { kind: 'row', start: 0, end: 2 },
      { kind: 'row', start: 2, end: 4 },
    ]);
  });

  it('a reversed row with an empty cell beside it is not a row either', () => {
    expect(spans(table([[['en'], ['zh']], [['en'], ['zh']], [['zh'], ['en'], []]]))).toEqual([
      { kind: 'row', start: 0, end: 2 },
      { kind: 'row', start: 2, end: 4 },
    ]);
  });

  it('one language beside an empty cell is a row; one language in every cell, or a lone cell, is not', () => {
    expect(spans(table([[['en'], ['zh']], [['en'], ['zh']], [['en'], []]]))).toContainEqual({ kind: 'row', start: 4, end: 5 });
    expect(spans(table([[['en'], ['zh']], [['en'], ['zh']], [['en'], ['en']]]))).toHaveLength(2);
    expect(spans(table([[['en'], ['zh']], [['en'], ['zh']], [['en']]]))).toHaveLength(2);
  });

  it('Chinese-first tables take Chinese-first rows', () => {
    expect(spans(table([[['zh'], ['en']], [['zh'], ['en']], [['en'], ['zh']]]))).toEqual([
      { kind: 'row', start: 0, end: 2 },
      { kind: 'row', start: 2, end: 4 },
    ]);
  });

  it('a tie between the orders goes to English first', () => {
    expect(spans(table([[['en'], ['zh']], [['en'], ['zh']], [['zh'], ['en']], [['zh'], ['en']]]))).toEqual([
      { kind: 'row', start: 0, end: 2 },
      { kind: 'row', start: 2, end: 4 },
    ]);
  });

  it('a cell holds the language of more than 80% of its paragraphs', () => {
    // 4 English and 1 Chinese: exactly 80%, no majority, so the row pairs nothing.
    expect(spans(table([[['en'], ['zh']], [['en'], ['zh']], [['en', 'en', 'en', 'en', 'zh'], ['zh']]]))).toHaveLength(2);
    // 5 and 1: more than 80%, an English cell.
    expect(spans(table([[['en'], ['zh']], [['en'], ['zh']], [['en', 'en', 'en', 'en', 'en', 'zh'], ['zh']]]))).toContainEqual({ kind: 'row', start: 4, end: 11 });
    expect(spans(table([[['en'], ['zh']], [['en'], ['zh']], [['zh'], ['en', 'zh', 'zh', 'zh', 'zh', 'zh']]]))).toHaveLength(2);
    expect(spans(table([[['en'], ['zh']], [['en'], ['zh']], [['en', 'zh'], ['zh']]]))).toHaveLength(2);
  });

  it('three language runs in a row are no row', () => {
    expect(spans(table([[['en'], ['zh']], [['en'], ['zh']], [['en'], ['zh'], ['en']]]))).toHaveLength(2);
  });
});

describe('paragraphs out of markup order', () => {
  // root 0 → table 1 → rows 2, 5, 8 → cells (3, 4), (6, 7), (9, 10)
  const t = tree([0, 0, 1, 2, 2, 1, 5, 5, 1, 8, 8]);

  it('rows of consecutive paragraphs are rows', () => {
    const paras = [p('en', 3), p('zh', 4), p('en', 6), p('zh', 7), p('en', 9), p('zh', 10)];
    expect(structureSpans(paras, t).map((s) => s.start)).toEqual([0, 2, 4]);
  });

  it('a cell seen again after another cell breaks its row', () => {
    const paras = [p('en', 3), p('zh', 4), p('en', 6), p('zh', 7), p('zh', 6), p('en', 9), p('zh', 10)];
    expect(structureSpans(paras, t)).toEqual([
      { kind: 'row', start: 0, end: 2 },
      { kind: 'row', start: 5, end: 7 },
    ]);
  });

  it('a row whose paragraphs are not consecutive is broken', () => {
    const paras = [p('en', 3), p('zh', 4), p('en', 6), p('zh', 9), p('zh', 7), p('en', 10)];
    expect(structureSpans(paras, t).filter((s) => s.start === 2)).toEqual([]);
  });

  it('paragraphs without a usable element are outside every structure', () => {
    const paras = [p('en', 3), p('zh', 4), p('en', undefined), p('zh', 99), p('en', 0), p('en', 9), p('zh', 10)];
    expect(structureSpans(paras, t)).toEqual([
      { kind: 'row', start: 0, end: 2 },
      { kind: 'row', start: 5, end: 7 },
    ]);
  });

  it('no element tree: the aligner alone', () => {
    const r = alignByStructure([p('en', 3), p('zh', 4)], undefined);
    expect(r.beads.map((b) => b.from)).toEqual(['aligner']);
    expect(r.firstLang).toBe('en');
  });
});

describe('a table at the root and columns elsewhere', () => {
  it('the table lookup of a deep paragraph stops at the levels looked up (it does not run into the next paragraph)', () => {
    // root 0 → rows 1, 2 (cells 3, 4 and 5, 6); root → 7 → columns container 8 → cells 9
    // (English, three wrappers deep: 10, 11, 12) and 13 (Chinese, straight in the cell).
    const t = tree([0, 0, 0, 1, 1, 2, 2, 0, 7, 8, 9, 10, 11, 8]);
    const paras = [p('en', 3), p('zh', 4), p('en', 5), p('zh', 6), p('en', 12), p('en', 12), p('zh', 13), p('zh', 13)];
    expect(structureSpans(paras, t)).toEqual([
      { kind: 'row', start: 0, end: 2 },
      { kind: 'row', start: 2, end: 4 },
      { kind: 'columns', start: 4, end: 8 },
    ]);
  });
});

describe('rows deeper than the levels looked up', () => {
  it('a row four levels above the paragraph is found; five is too far', () => {
    // root 0 → table 1 → rows 2, 3 → a chain of wrappers down to each paragraph.
    const build = (depth: number) => {
      const parent = [0, 0];
      const paras: StructPara[] = [];
      for (let r = 0; r < 2; r++) {
        const row = parent.length;
        parent.push(1);
        for (const lang of ['en', 'zh'] as const) {
          let e = parent.length;
          parent.push(row);
          for (let d = 1; d < depth; d++) {
            parent.push(e);
            e = parent.length - 1;
          }
          paras.push(p(lang, e));
        }
      }
      return structureSpans(paras, tree(parent));
    };
    expect(build(3)).toHaveLength(2);
    expect(build(4)).toHaveLength(2);
    expect(build(5)).toEqual([]);
  });
});

describe('parallel columns', () => {
  /** A container (element 1) of cells, each cell the languages of its paragraphs. */
  const cols = (cells: Lang[][], texts?: string[]) => {
    const parent = [0, 0];
    const paras: StructPara[] = [];
    let n = 0;
    for (const cell of cells) {
      const c = parent.length;
      parent.push(1);
      for (const lang of cell) paras.push(p(lang, c, texts?.[n++]));
    }
    return { tree: tree(parent), paras };
  };

  it('two runs of at least two paragraphs each are columns', () => {
    expect(spans(cols([['en', 'en'], ['zh', 'zh']]))).toEqual([{ kind: 'columns', start: 0, end: 4 }]);
    expect(spans(cols([['zh', 'zh', 'zh'], ['en', 'en']]))).toEqual([{ kind: 'columns', start: 0, end: 5 }]);
    expect(spans(cols([['en'], ['zh', 'zh']]))).toEqual([]);
    expect(spans(cols([['en', 'en'], ['zh']]))).toEqual([]);
  });

  it('cells of one language run together', () => {
    expect(spans(cols([['en'], ['en'], ['zh'], ['zh']]))).toEqual([{ kind: 'columns', start: 0, end: 4 }]);
  });

  it('the columns must hold at least 75% of the container', () => {
    expect(spans(cols([['zh'], ['en', 'en'], ['zh', 'zh'], ['en']]))).toEqual([]);
    expect(spans(cols([['zh'], ['en', 'en'], ['zh', 'zh']]))).toEqual([{ kind: 'columns', start: 1, end: 5 }]);
    expect(spans(cols([['en', 'en'], ['zh', 'zh'], ['en']]))).toEqual([{ kind: 'columns', start: 0, end: 4 }]);
    // 6 of 8 paragraphs: exactly 75%, enough.
    expect(spans(cols([['zh'], ['en', 'en', 'en'], ['zh', 'zh', 'zh'], ['en']]))).toEqual([{ kind: 'columns', start: 1, end: 7 }]);
  });

  it('a mixed cell spoils the columns', () => {
    expect(spans(cols([['en', 'en'], ['zh', 'en'], ['zh', 'zh']]))).toEqual([]);
  });

  it('clean columns of agreeing lengths pair by index; otherwise the aligner works inside them', () => {
    const c = cols([['en', 'en'], ['zh', 'zh']], [EN_TEXT, 'Schools stayed closed.', ZH_TEXT, '学校仍然停课。']);
    const r = alignByStructure(c.paras, c.tree);
    expect(r.beads.map((b) => [b.en, b.zh, b.from])).toEqual([
      [[0], [2], 'column'],
      [[1], [3], 'column'],
    ]);
    expect(r.evidence.map((e) => e.structure)).toEqual([1, 1]);
    expect(r.evidence[0]!.chars).toBe(EN_TEXT.length + ZH_TEXT.length);
    const swapped = cols([['en', 'en'], ['zh', 'zh']], [EN_TEXT, 'Schools stayed closed.', '学校仍然停课。', ZH_TEXT]);
    expect(alignByStructure(swapped.paras, swapped.tree).beads.every((b) => b.from === 'aligner')).toBe(true);
  });

  it('columns holding a paragraph of the other language are not paired by index, even with equal counts', () => {
    const c = cols([['en', 'en', 'en', 'en', 'en', 'zh'], ['zh', 'zh', 'zh', 'zh', 'zh', 'en']]);
    expect(spans(c)).toEqual([{ kind: 'columns', start: 0, end: 12 }]);
    expect(alignByStructure(c.paras, c.tree).beads.every((b) => b.from === 'aligner')).toBe(true);
  });

  it('columns of unequal counts are aligned on their own', () => {
    const c = cols([['en', 'en', 'en'], ['zh', 'zh']]);
    const r = alignByStructure(c.paras, c.tree);
    expect(r.beads.every((b) => b.from === 'aligner')).toBe(true);
    expect(r.beads.flatMap((b) => b.en).sort()).toEqual([0, 1, 2]);
  });
});

describe('row beads', () => {
  it('a row of one paragraph a side is one bead with markup evidence', () => {
    const t = table([[['en'], ['zh']], [['en'], ['zh']]]);
    const r = alignByStructure(t.paras, t.tree);
    expect(r.beads).toEqual([
      { en: [0], zh: [1], confidence: 0, from: 'row' },
      { en: [2], zh: [3], confidence: 0, from: 'row' },
    ]);
    expect(r.evidence[0]).toEqual({ en: 1, zh: 1, length: 0, ratio: 0, matched: 0, penalty: 0, gap: 0, facing: 0, chars: EN_TEXT.length + ZH_TEXT.length, block: false, structure: 1 });
  });

  it('paragraphs before and after the table are aligned, their indices shifted to the body', () => {
    const parent = [0, 0, 1, 2, 2, 1, 5, 5, 0, 0];
    const paras = [p('en', 8), p('zh', 9), p('en', 3), p('zh', 4), p('en', 6), p('zh', 7), p('en', 8), p('zh', 9)];
    const r = alignByStructure(paras, tree(parent));
    expect(r.beads.map((b) => [b.en, b.zh, b.from])).toEqual([
      [[0], [1], 'aligner'],
      [[2], [3], 'row'],
      [[4], [5], 'row'],
      [[6], [7], 'aligner'],
    ]);
    expect(r.evidence).toHaveLength(4);
  });
});
