/**
 * Structure first: where the page's markup says what pairs with what, the beads come from
 * the markup; the order/length/anchor aligner (align.ts) takes the rest.
 *
 * Two structures are recognised by their shape, never by class names:
 *
 * - Rows of pairs (a table of rows, or div rows): a container whose children ("rows") each
 *   hold cells of one language, the cells of one language first and then those of the
 *   other (usually one cell each: <td>EN</td><td>ZH</td>). A cell may hold several
 *   paragraphs; a row with an empty cell is an untranslated paragraph. When at least
 *   STRUCTURE_TABLE_ROWS_MIN rows of one container pair the two languages in the same
 *   order, every row of that container is one bead.
 * - Parallel columns: a single such "row" that has no sibling rows, with several
 *   paragraphs on each side (the whole English text, then the whole Chinese text). Its
 *   paragraphs pair by index when the counts are equal and every pair's lengths agree;
 *   otherwise the aligner aligns the columns' paragraphs on their own.
 *
 * Everything outside those (full-width rows, notes, pages without such markup) is aligned
 * by alignParagraphs, one stretch between structures at a time. Pure; linear in the body
 * (each paragraph looks at most STRUCTURE_ROW_LEVELS elements up).
 */
import { alignParagraphs, type Bead } from './align.js';
import {
  STRUCTURE_COLUMN_CONFIDENCE,
  STRUCTURE_COLUMN_LENGTH_RATIO_MAX,
  STRUCTURE_COLUMN_MIN,
  STRUCTURE_ROW_CONFIDENCE,
  STRUCTURE_ROW_LEVELS,
  STRUCTURE_ROW_ONE_SIDED_CONFIDENCE,
  STRUCTURE_TABLE_ROWS_MIN,
} from './heuristics.js';
import type { ElementTree } from './html.js';
import { englishEquivalent, type Lang } from './lang.js';

export interface StructPara {
  text: string;
  lang: Lang;
  /** The block element the paragraph sits in (html.ts Block.element), if known. */
  element?: number | undefined;
}

/** Where a bead came from: a row of the markup, index pairs of parallel columns, or the aligner. */
export type BeadOrigin = 'row' | 'column' | 'aligner';

export interface StructBead extends Bead {
  from: BeadOrigin;
}

export interface StructureResult {
  beads: StructBead[];
  firstLang: Lang | undefined;
}

/** A candidate row: a block element and the paragraphs under it, each with the child of the row ("cell") it sits in. */
interface RowCand {
  id: number;
  first: number;
  last: number;
  count: number;
  /** Cells in order with their language; 'x' once a cell holds both languages. */
  cells: number[];
  cellLang: Array<Lang | 'x'>;
  /** Paragraphs not in a row of consecutive indices (a row's paragraphs are consecutive in the body). */
  broken: boolean;
}

/** The language order of a row's cells: 'en' or 'zh' for two runs starting with it, 'one' for one language, undefined otherwise. */
function rowShape(r: RowCand): Lang | 'one' | undefined {
  if (r.broken) return undefined;
  let runs = 0;
  let first: Lang | undefined;
  let prev: Lang | undefined;
  for (const l of r.cellLang) {
    if (l === 'x') return undefined;
    if (l !== prev) {
      runs++;
      prev = l;
      first ??= l;
    }
  }
  if (runs === 1) return 'one';
  return runs === 2 ? first : undefined;
}

function chainOf(tree: ElementTree, element: number | undefined, out: number[]): number {
  out.length = 0;
  if (element === undefined || element <= 0) return 0;
  let e = element;
  out.push(e);
  for (let l = 0; l < STRUCTURE_ROW_LEVELS && e > 0; l++) {
    e = tree.parent[e] ?? 0;
    out.push(e);
  }
  return out.length;
}

function note(cands: Map<number, RowCand>, row: number, cell: number, i: number, lang: Lang): void {
  let r = cands.get(row);
  if (!r) {
    r = { id: row, first: i, last: i, count: 0, cells: [], cellLang: [], broken: false };
    cands.set(row, r);
  } else if (r.last !== i - 1) r.broken = true;
  r.last = i;
  r.count++;
  const k = r.cells.length - 1;
  if (k >= 0 && r.cells[k] === cell) {
    if (r.cellLang[k] !== lang) r.cellLang[k] = 'x';
  } else if (r.cells.includes(cell)) r.broken = true;
  else {
    r.cells.push(cell);
    r.cellLang.push(lang);
  }
}

/** Structure beads over body paragraphs (by index) with the aligner's beads for the rest. */
export function alignByStructure(paras: StructPara[], tree: ElementTree | undefined): StructureResult {
  const firstLang = paras[0]?.lang;
  const spans = tree ? structureSpans(paras, tree) : [];
  const beads: StructBead[] = [];
  let at = 0;
  const gap = (end: number) => {
    if (end <= at) return;
    const slice = paras.slice(at, end);
    const offset = at;
    for (const b of alignParagraphs(slice).beads) beads.push({ en: b.en.map((x) => x + offset), zh: b.zh.map((x) => x + offset), confidence: b.confidence, from: 'aligner' });
  };
  for (const s of spans) {
    gap(s.start);
    if (s.kind === 'row') beads.push(rowBead(paras, s.start, s.end));
    else columnBeads(paras, s.start, s.end, beads);
    at = s.end;
  }
  gap(paras.length);
  return { beads, firstLang };
}

interface Span {
  kind: 'row' | 'columns';
  /** Paragraph indices [start, end). */
  start: number;
  end: number;
}

/** The body's stretches that the markup pairs: rows of tables of pairs, and parallel columns. In page order, not overlapping. */
export function structureSpans(paras: StructPara[], tree: ElementTree): Span[] {
  // Every element up to STRUCTURE_ROW_LEVELS above a paragraph is a candidate row; the
  // child of it the paragraph sits in is its cell.
  const cands = new Map<number, RowCand>();
  const chain: number[] = [];
  for (let i = 0; i < paras.length; i++) {
    const n = chainOf(tree, paras[i]!.element, chain);
    for (let l = 1; l < n; l++) if (chain[l]! > 0) note(cands, chain[l]!, chain[l - 1]!, i, paras[i]!.lang);
  }
  // A paragraph's row is the innermost candidate whose cells pair the two languages. Rows
  // with the same parent and the same language order make a table of pairs.
  const tableRows = new Map<number, Map<Lang, number>>();
  const innermost: Array<RowCand | undefined> = new Array(paras.length);
  for (let i = 0; i < paras.length; i++) {
    const n = chainOf(tree, paras[i]!.element, chain);
    for (let l = 1; l < n; l++) {
      const r = cands.get(chain[l]!);
      if (!r) continue;
      const shape = rowShape(r);
      if (shape === 'en' || shape === 'zh') {
        innermost[i] = r;
        if (r.first === i) {
          const p = tree.parent[r.id] ?? 0;
          const m = tableRows.get(p) ?? new Map<Lang, number>();
          m.set(shape, (m.get(shape) ?? 0) + 1);
          tableRows.set(p, m);
        }
        break;
      }
    }
  }
  const tables = new Map<number, Lang>();
  for (const [p, m] of tableRows) {
    const en = m.get('en') ?? 0;
    const zh = m.get('zh') ?? 0;
    const order: Lang = en >= zh ? 'en' : 'zh';
    if (Math.max(en, zh) >= STRUCTURE_TABLE_ROWS_MIN) tables.set(p, order);
  }

  const spans: Span[] = [];
  for (let i = 0; i < paras.length; ) {
    // In a table: the paragraph's row is its ancestor whose parent is the table.
    const n = chainOf(tree, paras[i]!.element, chain);
    let row: RowCand | undefined;
    let order: Lang | undefined;
    for (let l = 0; l < n && chain[l]! > 0; l++) {
      order = tables.get(tree.parent[chain[l]!] ?? 0);
      if (order !== undefined) {
        row = cands.get(chain[l]!);
        break;
      }
    }
    if (row && row.first === i) {
      const shape = rowShape(row);
      // A row pairs in the table's order, or holds one language beside an empty cell.
      if (shape === order || (shape === 'one' && (tree.kids[row.id] ?? 0) >= 2 && row.cells.length < (tree.kids[row.id] ?? 0))) {
        spans.push({ kind: 'row', start: i, end: row.last + 1 });
        i = row.last + 1;
        continue;
      }
    }
    const c = innermost[i];
    if (order === undefined && c && c.first === i && !tables.has(tree.parent[c.id] ?? 0) && isColumns(paras, c)) {
      spans.push({ kind: 'columns', start: i, end: c.last + 1 });
      i = c.last + 1;
      continue;
    }
    i++;
  }
  return spans;
}

/** A lone pair-row with several paragraphs on each side: the two languages' columns. */
function isColumns(paras: StructPara[], r: RowCand): boolean {
  const lead = paras[r.first]!.lang;
  let a = 0;
  for (let i = r.first; i <= r.last; i++) if (paras[i]!.lang === lead) a++;
  return a >= STRUCTURE_COLUMN_MIN && r.count - a >= STRUCTURE_COLUMN_MIN;
}

function rowBead(paras: StructPara[], start: number, end: number): StructBead {
  const en: number[] = [];
  const zh: number[] = [];
  for (let i = start; i < end; i++) (paras[i]!.lang === 'en' ? en : zh).push(i);
  return { en, zh, confidence: en.length && zh.length ? STRUCTURE_ROW_CONFIDENCE : STRUCTURE_ROW_ONE_SIDED_CONFIDENCE, from: 'row' };
}

/** Columns: index pairs when counts and every pair's lengths agree, else the aligner over just these paragraphs. */
function columnBeads(paras: StructPara[], start: number, end: number, out: StructBead[]): void {
  const en: number[] = [];
  const zh: number[] = [];
  for (let i = start; i < end; i++) (paras[i]!.lang === 'en' ? en : zh).push(i);
  let agree = en.length === zh.length;
  for (let k = 0; agree && k < en.length; k++) {
    const le = englishEquivalent(paras[en[k]!]!.text, 'en');
    const lz = englishEquivalent(paras[zh[k]!]!.text, 'zh');
    const ratio = Math.max(le, lz) / Math.max(1, Math.min(le, lz));
    if (ratio > STRUCTURE_COLUMN_LENGTH_RATIO_MAX) agree = false;
  }
  if (agree) {
    for (let k = 0; k < en.length; k++) out.push({ en: [en[k]!], zh: [zh[k]!], confidence: STRUCTURE_COLUMN_CONFIDENCE, from: 'column' });
    return;
  }
  const slice = paras.slice(start, end);
  for (const b of alignParagraphs(slice).beads) out.push({ en: b.en.map((x) => x + start), zh: b.zh.map((x) => x + start), confidence: b.confidence, from: 'aligner' });
}
