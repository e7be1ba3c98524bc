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
import { alignExplained, type Bead } from './align.js';
import type { BeadEvidence } from './confidence.js';
import {
  STRUCTURE_CELL_MAJORITY,
  STRUCTURE_COLUMN_LENGTH_RATIO_MAX,
  STRUCTURE_COLUMN_MIN,
  STRUCTURE_COLUMN_SHARE,
  STRUCTURE_ROW_LEVELS,
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
  /**
   * What each bead's confidence is drawn from (confidence.ts), bead by bead. A markup bead's
   * `confidence` is left at 0: the caller works every bead's out from this once the sentences
   * are aligned (parseArticle), so it is not worked out twice.
   */
  evidence: BeadEvidence[];
}

/** A candidate row: a block element and the paragraphs under it, each with the child of the row ("cell") it sits in. */
interface RowCand {
  id: number;
  first: number;
  last: number;
  count: number;
  /** Cells in order, the paragraph each starts at, and how many English and Chinese paragraphs each holds. */
  cells: number[];
  cellStart: number[];
  cellEn: number[];
  cellZh: number[];
  /** Paragraphs not in a row of consecutive indices (a row's paragraphs are consecutive in the body). */
  broken: boolean;
  /** rowShape and columnsOf, computed once (undefined: not yet; null: none). */
  shape: Lang | 'one' | null | undefined;
  columns: { start: number; end: number } | null | undefined;
}

/** The language order of a row's cells: 'en' or 'zh' for two runs starting with it, 'one' for one language, null otherwise. Computed once per row. */
function rowShape(r: RowCand): Lang | 'one' | null {
  if (r.shape === undefined) r.shape = shapeOf(r);
  return r.shape;
}

function shapeOf(r: RowCand): Lang | 'one' | null {
  if (r.broken) return null;
  let runs = 0;
  let first: Lang | undefined;
  let prev: Lang | undefined;
  for (let k = 0; k < r.cells.length; k++) {
    const l = cellLang(r, k);
    if (l === 'x') return null;
    if (l !== prev) {
      if (++runs > 2) return null;
      prev = l;
      first ??= l;
    }
  }
  if (runs === 1) return 'one';
  return runs === 2 ? first! : null;
}

/** A cell's language: that of more than STRUCTURE_CELL_MAJORITY of its paragraphs (a stray caption may sit in a long column), else 'x'. */
function cellLang(r: RowCand, k: number): Lang | 'x' {
  const en = r.cellEn[k]!;
  const zh = r.cellZh[k]!;
  if (en > STRUCTURE_CELL_MAJORITY * (en + zh)) return 'en';
  if (zh > STRUCTURE_CELL_MAJORITY * (en + zh)) return 'zh';
  return 'x';
}

function note(cands: RowCand[], slot: Int32Array, row: number, cell: number, i: number, lang: Lang): void {
  let r: RowCand;
  if (slot[row] === 0) {
    r = { id: row, first: i, last: i, count: 0, cells: [], cellStart: [], cellEn: [], cellZh: [], broken: false, shape: undefined, columns: undefined };
    cands.push(r);
    slot[row] = cands.length;
  } else {
    r = cands[slot[row]! - 1]!;
    if (r.last !== i - 1) r.broken = true;
  }
  r.last = i;
  r.count++;
  let k = r.cells.length - 1;
  if (k < 0 || r.cells[k] !== cell) {
    // Cells come in page order, so a cell seen before (not the last one) means paragraphs between them fell out of this row.
    if (k >= 1 && r.cells[k - 1] === cell) r.broken = true;
    r.cells.push(cell);
    r.cellStart.push(i);
    r.cellEn.push(0);
    r.cellZh.push(0);
    k++;
  }
  if (lang === 'en') r.cellEn[k]!++;
  else r.cellZh[k]!++;
}

/**
 * Structure beads over body paragraphs (by index) with the aligner's beads for the rest,
 * each with its evidence for the one calibrated model (confidence.ts); a markup bead's
 * evidence says so (structure: 1).
 */
export function alignByStructure(paras: StructPara[], tree: ElementTree | undefined): StructureResult {
  const firstLang = paras[0]?.lang;
  const spans = tree ? structureSpans(paras, tree) : [];
  if (spans.length === 0) {
    // No structure (most pages): the aligner's beads and confidences as they are.
    const r = alignExplained(paras);
    return { beads: r.beads.map((b) => ({ en: b.en, zh: b.zh, confidence: b.confidence, from: 'aligner' })), firstLang, evidence: r.evidence };
  }
  const beads: StructBead[] = [];
  const evidence: BeadEvidence[] = [];
  const out: Out = { paras, beads, evidence };
  let at = 0;
  for (const s of spans) {
    aligned(out, at, s.start);
    if (s.kind === 'row') rowBead(out, s.start, s.end);
    else columnBeads(out, s.start, s.end);
    at = s.end;
  }
  aligned(out, at, paras.length);
  return { beads, firstLang, evidence };
}

interface Out {
  paras: StructPara[];
  beads: StructBead[];
  evidence: BeadEvidence[];
}

/** The aligner over paragraphs [start, end), its beads and evidence appended. */
function aligned(out: Out, start: number, end: number): void {
  if (end <= start) return;
  const r = alignExplained(out.paras.slice(start, end));
  for (const b of r.beads) out.beads.push({ en: b.en.map((x) => x + start), zh: b.zh.map((x) => x + start), confidence: b.confidence, from: 'aligner' });
  out.evidence.push(...r.evidence);
}

/** A bead the markup pairs: what the model knows of it is its shape, its size and that the markup made it. */
function markupBead(out: Out, en: number[], zh: number[], from: BeadOrigin): void {
  let chars = 0;
  for (const i of en) chars += out.paras[i]!.text.length;
  for (const i of zh) chars += out.paras[i]!.text.length;
  out.beads.push({ en, zh, confidence: 0, from });
  out.evidence.push({ en: en.length, zh: zh.length, length: 0, ratio: 0, matched: 0, penalty: 0, gap: 0, facing: 0, chars, block: false, structure: 1 });
}

interface Span {
  kind: 'row' | 'columns';
  /** Paragraph indices [start, end). */
  start: number;
  end: number;
}

/** The body's stretches that the markup pairs: rows of tables of pairs, and parallel columns. In page order, not overlapping. */
export function structureSpans(paras: StructPara[], tree: ElementTree): Span[] {
  const W = STRUCTURE_ROW_LEVELS + 1;
  const elements = tree.parent.length;
  // chains[i*W + l]: the element l levels above paragraph i's own (0: none, past the root).
  const chains = new Int32Array(paras.length * W);
  for (let i = 0; i < paras.length; i++) {
    let e = paras[i]!.element ?? 0;
    if (!(e > 0 && e < elements)) continue;
    for (let l = 0; l < W && e > 0; l++) {
      chains[i * W + l] = e;
      e = tree.parent[e]!;
    }
  }
  // Every element up to STRUCTURE_ROW_LEVELS above a paragraph is a candidate row; the
  // child of it the paragraph sits in is its cell. slot[element] = 1 + its index in cands.
  const cands: RowCand[] = [];
  const slot = new Int32Array(elements);
  for (let i = 0; i < paras.length; i++) {
    for (let l = 1; l < W && chains[i * W + l]! > 0; l++) note(cands, slot, chains[i * W + l]!, chains[i * W + l - 1]!, i, paras[i]!.lang);
  }
  const cand = (e: number): RowCand | undefined => (slot[e]! > 0 ? cands[slot[e]! - 1] : undefined);
  // A paragraph's row is the innermost candidate whose cells pair the two languages. Rows
  // with the same parent and the same language order make a table of pairs.
  const tableRows = new Map<number, { en: number; zh: number }>();
  for (let i = 0; i < paras.length; i++) {
    for (let l = 1; l < W && chains[i * W + l]! > 0; l++) {
      const r = cand(chains[i * W + l]!)!;
      const shape = rowShape(r);
      if (shape === 'en' || shape === 'zh') {
        if (r.first === i) {
          const p = tree.parent[r.id]!;
          const m = tableRows.get(p) ?? { en: 0, zh: 0 };
          m[shape]++;
          tableRows.set(p, m);
        }
        break;
      }
    }
  }
  const tables = new Map<number, Lang>();
  for (const [p, m] of tableRows) if (Math.max(m.en, m.zh) >= STRUCTURE_TABLE_ROWS_MIN) tables.set(p, m.en >= m.zh ? 'en' : 'zh');

  const spans: Span[] = [];
  for (let i = 0; i < paras.length; ) {
    // In a table: the paragraph's row is its ancestor whose parent is the table.
    let row: RowCand | undefined;
    let order: Lang | undefined;
    if (tables.size > 0) {
      for (let l = 0; l < W && chains[i * W + l]! > 0; l++) {
        order = tables.get(tree.parent[chains[i * W + l]!]!);
        if (order !== undefined) {
          row = cand(chains[i * W + l]!);
          break;
        }
      }
    }
    if (row && row.first === i) {
      const shape = rowShape(row);
      const kids = tree.kids[row.id] ?? 0;
      // A row pairs in the table's order, or holds one language beside an empty cell.
      if (shape === order || (shape === 'one' && kids >= 2 && row.cells.length < kids)) {
        spans.push({ kind: 'row', start: i, end: row.last + 1 });
        i = row.last + 1;
        continue;
      }
    }
    if (order === undefined) {
      // Parallel columns starting here: the innermost candidate above (not in a table) that is two columns.
      let c: { start: number; end: number } | null | undefined;
      for (let l = 1; l < W && chains[i * W + l]! > 0; l++) {
        const r = cand(chains[i * W + l]!)!;
        if (tables.has(tree.parent[r.id]!)) continue;
        if (r.columns === undefined) r.columns = columnsOf(r) ?? null;
        if (r.columns) {
          c = r.columns;
          break;
        }
      }
      if (c && c.start === i) {
        spans.push({ kind: 'columns', start: c.start, end: c.end });
        i = c.end;
        continue;
      }
    }
    i++;
  }
  return spans;
}

/**
 * Parallel columns: a candidate whose cells hold, one after the other, a run of one language
 * and a run of the other, each of at least STRUCTURE_COLUMN_MIN paragraphs and together at
 * least STRUCTURE_COLUMN_SHARE of its paragraphs (a tip or a promo line beside the columns
 * may stay outside them).
 */
function columnsOf(r: RowCand): { start: number; end: number } | undefined {
  if (r.broken) return undefined;
  // Runs of cells of one language, each with its paragraph range.
  const runs: Array<{ lang: Lang; start: number; end: number }> = [];
  for (let k = 0; k < r.cells.length; k++) {
    const lang = cellLang(r, k);
    if (lang === 'x') return undefined;
    const end = k + 1 < r.cells.length ? r.cellStart[k + 1]! : r.last + 1;
    const last = runs[runs.length - 1];
    if (last && last.lang === lang) last.end = end;
    else runs.push({ lang, start: r.cellStart[k]!, end });
  }
  for (let k = 0; k + 1 < runs.length; k++) {
    const a = runs[k]!;
    const b = runs[k + 1]!;
    if (a.end - a.start < STRUCTURE_COLUMN_MIN || b.end - b.start < STRUCTURE_COLUMN_MIN) continue;
    if (b.end - a.start >= STRUCTURE_COLUMN_SHARE * r.count) return { start: a.start, end: b.end };
  }
  return undefined;
}

function rowBead(out: Out, start: number, end: number): void {
  const en: number[] = [];
  const zh: number[] = [];
  for (let i = start; i < end; i++) (out.paras[i]!.lang === 'en' ? en : zh).push(i);
  // A row holding as many paragraphs of each language, each the length of its counterpart,
  // pairs them one by one (a reader pairs the first with the first); otherwise it is one bead.
  if (en.length > 1 && pairsAgree(out.paras, en, zh)) {
    for (let k = 0; k < en.length; k++) markupBead(out, [en[k]!], [zh[k]!], 'row');
    return;
  }
  markupBead(out, en, zh, 'row');
}

/** As many paragraphs of each language, and every k-th pair's lengths within STRUCTURE_COLUMN_LENGTH_RATIO_MAX. */
function pairsAgree(paras: StructPara[], en: number[], zh: number[]): boolean {
  if (en.length !== zh.length) return false;
  for (let k = 0; k < en.length; k++) {
    const le = englishEquivalent(paras[en[k]!]!.text, 'en');
    const lz = englishEquivalent(paras[zh[k]!]!.text, 'zh');
    if (Math.max(le, lz) / Math.max(1, Math.min(le, lz)) > STRUCTURE_COLUMN_LENGTH_RATIO_MAX) return false;
  }
  return true;
}

/** Columns: index pairs when counts and every pair's lengths agree, else the aligner over just these paragraphs. */
function columnBeads(out: Out, start: number, end: number): void {
  const paras = out.paras;
  const en: number[] = [];
  const zh: number[] = [];
  for (let i = start; i < end; i++) (paras[i]!.lang === 'en' ? en : zh).push(i);
  // Index pairs only for clean columns: every English paragraph before every Chinese one or the reverse, as many of each.
  if (en.length > 0 && (en[en.length - 1]! < zh[0]! || zh[zh.length - 1]! < en[0]!) && pairsAgree(paras, en, zh)) {
    for (let k = 0; k < en.length; k++) markupBead(out, [en[k]!], [zh[k]!], 'column');
    return;
  }
  aligned(out, start, end);
}
