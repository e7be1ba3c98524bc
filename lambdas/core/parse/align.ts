/**
 * Paragraph alignment. Length alone (Gale & Church 1993) is not enough for news
 * translations, so each bead's cost adds evidence both sides share — numbers, Latin names
 * and acronyms left inside the Chinese — and the page's own order: in an interleaved page a
 * paragraph's translation sits right beside it, so beads never cross a pair of runs.
 */
import {
  ANCHOR_EN_ONLY_NUMBER_COST,
  ANCHOR_MATCH_REWARD,
  ANCHOR_UNMATCHED_NUMBER_COST,
  ANCHOR_UNMATCHED_WORD_COST,
  BAND_CELLS,
  BAND_HALF_WIDTH_MAX,
  BAND_MIN,
  BAND_SLACK,
  BEAD_PROBABILITY,
  BLOCK_RUN_MIN,
  BLOCK_SHARE,
  CONFIDENCE_MIN,
  CROSSED_PAIR_MARGIN,
  FACING_COST,
  GAP_COST,
  INTERLEAVED_BAND,
  KEPT_WORDS_SEARCH_MAX,
  MONTHS,
  WEEKDAYS,
  LENGTH_VARIANCE,
  LENGTH_VARIANCE_SHORT,
  NUMBER_SCALES,
  NUMBER_WORDS,
  ZH_MEASURE_WORDS,
} from './heuristics.js';
import { confidenceOf, type BeadEvidence } from './confidence.js';
import { englishEquivalent, type Lang } from './lang.js';

export interface Para {
  text: string;
  lang: Lang;
}

export interface Bead {
  /** Indices into the paragraph list given to alignParagraphs, per language. */
  en: number[];
  zh: number[];
  confidence: number;
}

type BeadKind = [number, number];
/** The bead kinds in the order ties are broken (the first wins); the prior is -log of how often each occurs. */
const KINDS: Array<{ k: BeadKind; prior: number }> = [
  { k: [1, 1], prior: -Math.log(BEAD_PROBABILITY['1-1']) },
  { k: [1, 2], prior: -Math.log(BEAD_PROBABILITY['1-2']) },
  { k: [2, 1], prior: -Math.log(BEAD_PROBABILITY['2-1']) },
  { k: [1, 0], prior: -Math.log(BEAD_PROBABILITY['1-0']) },
  { k: [0, 1], prior: -Math.log(BEAD_PROBABILITY['0-1']) },
];
const DI = Int32Array.from(KINDS, (x) => x.k[0]);
const DJ = Int32Array.from(KINDS, (x) => x.k[1]);
const PRIOR = Float64Array.from(KINDS, (x) => x.prior);

const SCALE = new Map<string, number>(NUMBER_SCALES);

/*
 * The scans below stay regexes: V8 runs them as native code, several times faster than a
 * char-code loop over the same text (measured; only the per-match work is JS).
 */
const NUMBER_WORD_TEXT = new Map(Object.entries(NUMBER_WORDS).map(([w, v]) => [w, String(v)]));
const NUMBER_WORD = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'gi');

const ZH_DIGIT: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** Chinese numerals before a measure word ("三个岛国", "十二名"): the number a translation keeps. "一" is left out: it is mostly an article. */
const ZH_NUMBER = new RegExp(`([两二三四五六七八九]?十[一二三四五六七八九]?|[两二三四五六七八九])(?=[${ZH_MEASURE_WORDS}])`, 'g');

function zhNumeral(s: string): number {
  const t = s.indexOf('十');
  if (t < 0) return ZH_DIGIT[s] ?? 0;
  const tens = t === 0 ? 1 : ZH_DIGIT[s[0]!] ?? 1;
  const ones = t === s.length - 1 ? 0 : ZH_DIGIT[s[s.length - 1]!] ?? 0;
  return tens * 10 + ones;
}

/** Capitalised month names and weekdays ("May"/"March" are checked for a day number beside them). */
const EN_CALENDAR = new RegExp(`\\b(?:(${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})|(${WEEKDAYS.map((d) => d[0]!.toUpperCase() + d.slice(1)).join('|')}))\\b`, 'g');
const SPACE = /\s/;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** A day number beside text[from..to): after it across spaces ("May 11"), or before it ("11 March"). */
function dayBeside(text: string, from: number, to: number): boolean {
  let j = to;
  while (j < text.length && SPACE.test(text[j]!)) j++;
  if (j > to && isDigit(text.charCodeAt(j))) return true;
  let i = from - 1;
  while (i >= 0 && SPACE.test(text[i]!)) i--;
  return i < from - 1 && i >= 0 && isDigit(text.charCodeAt(i));
}
/** 周二 / 星期二 / 礼拜二 (周日, 星期天 for Sunday). */
const ZH_WEEKDAY = /(?:周|星期|礼拜|禮拜)([一二三四五六日天])/g;
const ZH_WEEKDAY_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/** A number and the scale word after it (a one-letter Latin scale word must stand alone). */
const DIGITS = new RegExp(`(\\d[\\d,]*(?:\\.\\d+)?)\\s*(${NUMBER_SCALES.map(([w]) => (/^[a-z]$/.test(w) ? `${w}\\b` : w)).join('|')})?`, 'gi');

function addDistinct(out: string[], s: string): void {
  if (!out.includes(s)) out.push(s);
}

/** Distinct numbers of a text as strings, in the order they were first found. */
export function numbers(text: string, english: boolean): string[] {
  const out: string[] = [];
  if (!english) {
    ZH_NUMBER.lastIndex = 0;
    for (let m = ZH_NUMBER.exec(text); m; m = ZH_NUMBER.exec(text)) {
      const v = zhNumeral(m[1]!);
      if (v > 1) addDistinct(out, String(v));
    }
  } else {
    NUMBER_WORD.lastIndex = 0;
    for (let m = NUMBER_WORD.exec(text); m; m = NUMBER_WORD.exec(text)) addDistinct(out, NUMBER_WORD_TEXT.get(m[1]!.toLowerCase())!);
    EN_CALENDAR.lastIndex = 0;
    for (let m = EN_CALENDAR.exec(text); m; m = EN_CALENDAR.exec(text)) {
      const month = m[1];
      if (month === undefined) {
        addDistinct(out, `day${WEEKDAYS.indexOf(m[2]!.toLowerCase() as (typeof WEEKDAYS)[number]) + 1}`);
        continue;
      }
      // "May" and "March" alone are mostly a verb: only beside a day number ("May 11", "11 March").
      if ((month === 'May' || month === 'March') && !dayBeside(text, m.index, m.index + month.length)) continue;
      addDistinct(out, String(MONTHS.indexOf(month.toLowerCase() as (typeof MONTHS)[number]) + 1));
    }
  }
  if (!english) {
    ZH_WEEKDAY.lastIndex = 0;
    for (let m = ZH_WEEKDAY.exec(text); m; m = ZH_WEEKDAY.exec(text)) addDistinct(out, `day${ZH_WEEKDAY_NUMBER[m[1]!]}`);
  }
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(text); m; m = DIGITS.exec(text)) {
    let raw = m[1]!;
    // Up to 15 digits without a leading zero, String(Number(raw)) is raw itself.
    // Stryker disable next-line StringLiteral: the fast path only; without it String(Number(raw)) gives raw itself for these digits
    if (m[2] === undefined && raw.length <= 15 && (raw.length === 1 || raw.charCodeAt(0) !== 0x30) && !raw.includes(',') && !raw.includes('.')) {
      addDistinct(out, raw);
      continue;
    }
    // Without a comma both replacements are no-ops.
    if (raw.includes(',')) raw = raw.replace(/,(?=\d{3}\b)/g, '').replace(/,$/, '');
    const v = Number(raw);
    if (!Number.isFinite(v)) continue;
    addDistinct(out, String(v));
    const scale = m[2] ? SCALE.get(m[2].toLowerCase()) : undefined;
    if (scale) addDistinct(out, String(Math.round(v * scale)));
  }
  return out;
}

/** Latin words, lower-cased; single letters too (a Chinese text that names "字母 w" means it). */
const WORD = /[A-Za-z]+(?:[-.][A-Za-z]+)*/g;

/** Distinct WORD matches, lower-cased, in first-found order. */
function latinWords(text: string): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) addDistinct(out, m[0].toLowerCase());
  return out;
}

const isLower = (c: number) => c >= 0x61 && c <= 0x7a;

/**
 * Length evidence as a Laplace cost on the log length ratio. Gale & Church's normal model is
 * too sure of itself on news translations, whose ratio varies widely (0.5–1.7): a loose
 * translation must not be split into an untranslated pair. Short texts vary more.
 */
function lengthCost(le: number, lz: number): number {
  const r = Math.log((le + 1) / (lz + 1));
  const sigma = Math.sqrt(LENGTH_VARIANCE + LENGTH_VARIANCE_SHORT / ((le + lz) / 2 + 1));
  return Math.abs(r) / sigma;
}

/** Separates a page's paragraphs joined into one string: not a letter, digit, space, '-' or '.', and not cased. */
const SEP = '\u0001';

/**
 * For each English text, the ids of the kept words (valid WORD matches, lower-case) that are
 * whole WORD matches of its lower-cased text. The texts are lower-cased and searched as one
 * string, each word by indexOf across the page: SEP stops a match and reads like the end of a
 * text to the boundary checks. No character lower-cases to fewer units, so equal lengths mean
 * the lower-cased page lines up with the texts; when İ makes it longer, each text is searched
 * on its own.
 */
export function keptWordIds(texts: string[], words: string[], searchMax: number = KEPT_WORDS_SEARCH_MAX): number[][] {
  const np = texts.length;
  const out: number[][] = new Array(np);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: which search runs is speed only: both give the same ids (reference.test.ts checks each against keptWordIdsPlain)
  if (words.length > searchMax) return keptWordIdsByText(texts, words);
  for (let p = 0; p < np; p++) out[p] = [];
  const joined = texts.join(SEP);
  const lower = joined.toLowerCase();
  if (lower.length !== joined.length) {
    for (let p = 0; p < np; p++) {
      const low = texts[p]!.toLowerCase();
      for (let id = 0; id < words.length; id++) if (wordAt(low, words[id]!, 0, low.length)) out[p]!.push(id);
    }
    return out;
  }
  const n = lower.length;
  const ends = new Array<number>(np);
  let end = -1;
  for (let p = 0; p < np; p++) ends[p] = end += texts[p]!.length + 1;
  for (let id = 0; id < words.length; id++) {
    const w = words[id]!;
    let p = 0;
    if (w.length <= 2) {
      // Short words hide inside most English words: a regex skips those without leaving native code.
      const re = shortWordRegex(w);
      re.lastIndex = 0;
      while (re.test(lower)) {
        const at = re.lastIndex - w.length;
        while (ends[p]! < at) p++;
        out[p]!.push(id);
        // Stryker disable next-line ArithmeticOperator: the break only saves a search: after the last text lastIndex is past the page end, so the regex finds nothing
        if (p + 1 >= np) break;
        re.lastIndex = ends[p]! + 1; // one hit per text is enough
      }
      continue;
    }
    // indexOf stops at every occurrence of the pattern's first letter: search from the word's
    // rarest letter on, and check the letters before it at each hit.
    const r = rarestLetter(w);
    const tail = r === 0 ? w : w.slice(r);
    for (let at = lower.indexOf(tail, r); at >= 0; ) {
      const start = at - r;
      let same = true;
      for (let x = 0; x < r && same; x++) same = lower.charCodeAt(start + x) === w.charCodeAt(x);
      if (same && isWholeWord(lower, start, w.length, n)) {
        while (ends[p]! < start) p++;
        out[p]!.push(id);
        // Stryker disable next-line ArithmeticOperator: the break only saves a search: after the last text indexOf from past the page end finds nothing
        if (p + 1 >= np) break;
        at = lower.indexOf(tail, ends[p]! + 1 + r); // one hit per text is enough
      } else at = lower.indexOf(tail, at + 1);
    }
  }
  return out;
}

/**
 * keptWordIds by reading each text once: its lower-cased WORD matches looked up among the
 * words. Linear in the page whatever the number of words (a page-wide search per word is
 * words × page long), so long pages with many shared words take this way.
 */
function keptWordIdsByText(texts: string[], words: string[]): number[][] {
  const idOf = new Map<string, number>();
  for (let id = 0; id < words.length; id++) idOf.set(words[id]!, id);
  return texts.map((t) => {
    const ids: number[] = [];
    const low = t.toLowerCase();
    WORD.lastIndex = 0;
    for (let m = WORD.exec(low); m; m = WORD.exec(low)) {
      const id = idOf.get(m[0]);
      if (id !== undefined && !ids.includes(id)) ids.push(id);
    }
    return ids.sort((a, b) => a - b);
  });
}

/** Letters (and WORD's joiners) from rarest to commonest in English text. */
const LETTER_RANK = 'zqjx-kvbpygfwm.ucldrhsnioate';

/** Index of w's rarest letter (the first of equals). */
function rarestLetter(w: string): number {
  let best = 0;
  let bestRank = 99;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: any index inside w gives the same hits (keptWordIds checks the letters before it at each hit); only the search speed changes
  for (let x = 0; x < w.length; x++) {
    const rank = LETTER_RANK.indexOf(w[x]!);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,BlockStatement: any index inside w gives the same hits (keptWordIds checks the letters before it at each hit); only the search speed changes
    if (rank >= 0 && rank < bestRank) {
      best = x;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * isWholeWord as a regex, for words of one or two letters (WORD joins letters only between
 * letters, so these are letters alone): at most 26 + 26² of them, compiled once each.
 */
const SHORT_WORDS = new Map<string, RegExp>();
function shortWordRegex(w: string): RegExp {
  let re = SHORT_WORDS.get(w);
  if (!re) SHORT_WORDS.set(w, (re = new RegExp(`(?<![a-z]|[a-z][-.])${w}(?![a-z]|[-.][a-z])`, 'g')));
  return re;
}

/** Is the occurrence lower[at, at+len) a whole WORD match: no letter, nor '-' or '.' joined to a letter, touching it? */
function isWholeWord(lower: string, at: number, len: number, n: number): boolean {
  const b = at > 0 ? lower.charCodeAt(at - 1) : 0;
  if (isLower(b) || ((b === 0x2d || b === 0x2e) && at > 1 && isLower(lower.charCodeAt(at - 2)))) return false;
  const q = at + len;
  const c = q < n ? lower.charCodeAt(q) : 0;
  return !(isLower(c) || ((c === 0x2d || c === 0x2e) && q + 1 < n && isLower(lower.charCodeAt(q + 1))));
}

/** Does lower (a whole lower-cased text) hold w as a whole WORD match? */
function wordAt(lower: string, w: string, from: number, n: number): boolean {
  for (let at = lower.indexOf(w, from); at >= 0; at = lower.indexOf(w, at + 1)) if (isWholeWord(lower, at, w.length, n)) return true;
  return false;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Grown-on-demand scratch arrays: alignParagraphs runs to completion, so one set serves every
 * call. A huge page gets arrays of its own, so one outlier does not stay allocated for good.
 */
const SCRATCH_MAX = 1 << 16;
const scratch = {
  f64: [new Float64Array(64), new Float64Array(64), new Float64Array(64), new Float64Array(64)],
  i32: Array.from({ length: 11 }, () => new Int32Array(64)),
  i8: [new Int8Array(64), new Int8Array(64)],
};
function f64(slot: number, size: number): Float64Array {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only where the array comes from (a fresh one or the grown scratch one); every caller writes or fills each cell before reading it
  if (size > SCRATCH_MAX) return new Float64Array(size);
  if (scratch.f64[slot]!.length < size) scratch.f64[slot] = new Float64Array(Math.max(size, 2 * scratch.f64[slot]!.length));
  return scratch.f64[slot]!;
}
function i32(slot: number, size: number): Int32Array {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only where the array comes from (a fresh one or the grown scratch one); every caller writes or fills each cell before reading it
  if (size > SCRATCH_MAX) return new Int32Array(size);
  if (scratch.i32[slot]!.length < size) scratch.i32[slot] = new Int32Array(Math.max(size, 2 * scratch.i32[slot]!.length));
  return scratch.i32[slot]!;
}
function i8(slot: number, size: number): Int8Array {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only where the array comes from (a fresh one or the grown scratch one); every caller writes or fills each cell before reading it
  if (size > SCRATCH_MAX) return new Int8Array(size);
  if (scratch.i8[slot]!.length < size) scratch.i8[slot] = new Int8Array(Math.max(size, 2 * scratch.i8[slot]!.length));
  return scratch.i8[slot]!;
}

/**
 * A page's paragraphs reduced to what bead costs read: lengths, anchor counts, and bit sets
 * (w 32-bit words a paragraph) over the anchors found on both sides — a word or number only
 * one side has can never match, so it needs a count, not a bit. Evidence both sides share:
 * reward matches, penalize Latin/numbers in the Chinese that the English lacks, and numbers
 * in the English the Chinese lacks.
 */
class Anchors {
  /** Set by anchor(): the bead's matched anchors. */
  matched = 0;

  /** One 32-bit word per set: the usual page, read without a loop. */
  readonly single: boolean;

  constructor(
    readonly lenE: Float64Array,
    readonly lenZ: Float64Array,
    /** Per Chinese paragraph: its distinct Latin words and numbers; per English one: its numbers. */
    readonly tokCountZ: Int32Array,
    readonly numCountZ: Int32Array,
    readonly numCountE: Int32Array,
    readonly tokE: Int32Array,
    readonly tokZ: Int32Array,
    readonly numE: Int32Array,
    readonly numZ: Int32Array,
    readonly w: number,
    /** Per Chinese paragraph: its Latin words and numbers, the most a bead can match there. */
    readonly anchorsZ: Int32Array,
  ) {
    this.single = w === 1;
  }

  /** Anchors both sets share: row a of A and row b of B, or the union of rows b and b2 of B. */
  private common(A: Int32Array, a: number, B: Int32Array, b: number, b2: number): number {
    const w = this.w;
    let s = 0;
    if (b2 < 0) for (let x = 0; x < w; x++) s += popcount(A[a * w + x]! & B[b * w + x]!);
    else for (let x = 0; x < w; x++) s += popcount(A[a * w + x]! & (B[b * w + x]! | B[b2 * w + x]!));
    return s;
  }

  /**
   * Anchor cost of two-sided bead kind k (0: 1-1, 1: 1-2, 2: 2-1) starting at English e0 and
   * Chinese z0; sets matched.
   */
  anchor(k: number, e0: number, z0: number): number {
    const { tokE, tokZ, numE, numZ, tokCountZ, numCountZ, numCountE } = this;
    let mt: number;
    let mn: number;
    let unmatched: number;
    let unmatchedNum: number;
    let enOnly: number;
    if (this.single) {
      if (k === 0) {
        mt = popcount(tokZ[z0]! & tokE[e0]!);
        mn = popcount(numZ[z0]! & numE[e0]!);
        unmatched = tokCountZ[z0]! - mt;
        unmatchedNum = numCountZ[z0]! - mn;
        enOnly = numCountE[e0]! - mn;
      } else if (k === 1) {
        const te = tokE[e0]!;
        const ne = numE[e0]!;
        mt = popcount(tokZ[z0]! & te) + popcount(tokZ[z0 + 1]! & te);
        mn = popcount(numZ[z0]! & ne) + popcount(numZ[z0 + 1]! & ne);
        unmatched = tokCountZ[z0]! + tokCountZ[z0 + 1]! - mt;
        unmatchedNum = numCountZ[z0]! + numCountZ[z0 + 1]! - mn;
        enOnly = numCountE[e0]! - popcount(ne & (numZ[z0]! | numZ[z0 + 1]!));
      } else {
        const nz = numZ[z0]!;
        mt = popcount(tokZ[z0]! & (tokE[e0]! | tokE[e0 + 1]!));
        mn = popcount(nz & (numE[e0]! | numE[e0 + 1]!));
        unmatched = tokCountZ[z0]! - mt;
        unmatchedNum = numCountZ[z0]! - mn;
        enOnly = numCountE[e0]! - popcount(numE[e0]! & nz) + numCountE[e0 + 1]! - popcount(numE[e0 + 1]! & nz);
      }
    } else if (k === 0) {
      mt = this.common(tokZ, z0, tokE, e0, -1);
      mn = this.common(numZ, z0, numE, e0, -1);
      unmatched = tokCountZ[z0]! - mt;
      unmatchedNum = numCountZ[z0]! - mn;
      enOnly = numCountE[e0]! - mn;
    } else if (k === 1) {
      mt = this.common(tokZ, z0, tokE, e0, -1) + this.common(tokZ, z0 + 1, tokE, e0, -1);
      mn = this.common(numZ, z0, numE, e0, -1) + this.common(numZ, z0 + 1, numE, e0, -1);
      unmatched = tokCountZ[z0]! + tokCountZ[z0 + 1]! - mt;
      unmatchedNum = numCountZ[z0]! + numCountZ[z0 + 1]! - mn;
      enOnly = numCountE[e0]! - this.common(numE, e0, numZ, z0, z0 + 1);
    } else {
      mt = this.common(tokZ, z0, tokE, e0, e0 + 1);
      mn = this.common(numZ, z0, numE, e0, e0 + 1);
      unmatched = tokCountZ[z0]! - mt;
      unmatchedNum = numCountZ[z0]! - mn;
      enOnly = numCountE[e0]! - this.common(numE, e0, numZ, z0, -1) + numCountE[e0 + 1]! - this.common(numE, e0 + 1, numZ, z0, -1);
    }
    // Integer counts: the order they were summed in cannot change them.
    const matched = mt + mn;
    this.matched = matched;
    return -ANCHOR_MATCH_REWARD * matched + ANCHOR_UNMATCHED_WORD_COST * unmatched + ANCHOR_UNMATCHED_NUMBER_COST * unmatchedNum + ANCHOR_EN_ONLY_NUMBER_COST * enOnly;
  }

  /** Signed log length ratio (English over Chinese) of two-sided bead kind k starting at English e0 and Chinese z0. */
  ratio(k: number, e0: number, z0: number): number {
    const le = k === 2 ? this.lenE[e0]! + this.lenE[e0 + 1]! : this.lenE[e0]!;
    const lz = k === 1 ? this.lenZ[z0]! + this.lenZ[z0 + 1]! : this.lenZ[z0]!;
    return Math.log((le + 1) / (lz + 1));
  }

  /** Length cost of two-sided bead kind k starting at English e0 and Chinese z0 (sums as 0 + a + b: the same doubles). */
  length(k: number, e0: number, z0: number): number {
    if (k === 0) return lengthCost(this.lenE[e0]!, this.lenZ[z0]!);
    if (k === 1) return lengthCost(this.lenE[e0]!, this.lenZ[z0]! + this.lenZ[z0 + 1]!);
    return lengthCost(this.lenE[e0]! + this.lenE[e0 + 1]!, this.lenZ[z0]!);
  }
}

/** Per-page anchors: features of every paragraph, then bit sets over the shared ones. */
function anchorsOf(paras: Para[], enIdx: number[], zhIdx: number[]): Anchors {
  const n = enIdx.length;
  const m = zhIdx.length;
  const lenE = f64(2, n);
  const lenZ = f64(3, m);
  const tokCountZ = i32(0, m);
  const numCountZ = i32(1, m);
  const numCountE = i32(2, n);
  // English words matter only if some Chinese paragraph quotes them: keep just those.
  const wordId = new Map<string, number>();
  const words: string[] = [];
  const numId = new Map<string, number>();
  const zhWordLists: string[][] = new Array(m);
  const zhNumLists: string[][] = new Array(m);
  for (let z = 0; z < m; z++) {
    const p = paras[zhIdx[z]!]!;
    lenZ[z] = englishEquivalent(p.text, 'zh');
    const toks = latinWords(p.text);
    const nums = numbers(p.text, false);
    zhWordLists[z] = toks;
    zhNumLists[z] = nums;
    tokCountZ[z] = toks.length;
    numCountZ[z] = nums.length;
    // Only paragraphs marked Chinese supply kept words (anything not English sits on this side).
    if (p.lang === 'zh') for (const t of toks) if (!wordId.has(t)) wordId.set(t, words.push(t) - 1);
    for (const t of nums) if (!numId.has(t)) numId.set(t, numId.size);
  }
  // Anchors both sides hold get consecutive bits; the rest stay counts.
  const wordBit: number[] = new Array(words.length).fill(-1);
  const numBit: number[] = new Array(numId.size).fill(-1);
  let wordBits = 0;
  let numBits = 0;
  const enTexts: string[] = new Array(n);
  const enNumIds: number[][] = new Array(n);
  for (let e = 0; e < n; e++) {
    const text = paras[enIdx[e]!]!.text;
    enTexts[e] = text;
    lenE[e] = text.length;
    const nums = numbers(text, true);
    numCountE[e] = nums.length;
    const ids: number[] = [];
    for (const t of nums) {
      const id = numId.get(t);
      if (id === undefined) continue;
      if (numBit[id]! < 0) numBit[id] = numBits++;
      ids.push(numBit[id]!);
    }
    enNumIds[e] = ids;
  }
  const enWordIds = words.length > 0 ? keptWordIds(enTexts, words) : undefined;
  if (enWordIds) for (const ids of enWordIds) for (let x = 0; x < ids.length; x++) ids[x] = wordBit[ids[x]!]! >= 0 ? wordBit[ids[x]!]! : (wordBit[ids[x]!] = wordBits++);
  const w = Math.max(1, (wordBits + 31) >>> 5, (numBits + 31) >>> 5);
  const tokE = i32(3, n * w).fill(0, 0, n * w);
  const numE = i32(4, n * w).fill(0, 0, n * w);
  const tokZ = i32(5, m * w).fill(0, 0, m * w);
  const numZ = i32(6, m * w).fill(0, 0, m * w);
  for (let e = 0; e < n; e++) {
    if (enWordIds) for (const b of enWordIds[e]!) tokE[e * w + (b >>> 5)]! |= 1 << (b & 31);
    for (const b of enNumIds[e]!) numE[e * w + (b >>> 5)]! |= 1 << (b & 31);
  }
  for (let z = 0; z < m; z++) {
    if (wordBits > 0) {
      for (const t of zhWordLists[z]!) {
        const id = wordId.get(t);
        const b = id === undefined ? -1 : wordBit[id]!;
        if (b >= 0) tokZ[z * w + (b >>> 5)]! |= 1 << (b & 31);
      }
    }
    if (numBits > 0) {
      for (const t of zhNumLists[z]!) {
        const b = numBit[numId.get(t)!]!;
        if (b >= 0) numZ[z * w + (b >>> 5)]! |= 1 << (b & 31);
      }
    }
  }
  const anchorsZ = i32(9, m);
  for (let z = 0; z < m; z++) anchorsZ[z] = tokCountZ[z]! + numCountZ[z]!;
  return new Anchors(lenE, lenZ, tokCountZ, numCountZ, numCountE, tokE, tokZ, numE, numZ, w, anchorsZ);
}

const INF = Number.POSITIVE_INFINITY;

/**
 * The cells the DP visits, stored row after row with nothing in between: row i holds the
 * Chinese positions lo[i]..hi[i] (clipped to 0..m), at base[i] + j. Memory is the band's
 * size, not (n + 1)·(m + 1): linear in the page when the band's width is bounded.
 */
interface Band {
  lo: Int32Array;
  hi: Int32Array;
  base: Int32Array;
  cells: number;
}

/** Clips lo/hi in place to 0..m and lays the rows out one after another. */
function storeBand(n: number, m: number, lo: Int32Array, hi: Int32Array): Band {
  const base = i32(10, n + 1);
  let cells = 0;
  for (let i = 0; i <= n; i++) {
    const l = Math.max(0, lo[i]!);
    const h = Math.min(m, hi[i]!);
    lo[i] = l;
    hi[i] = h;
    base[i] = cells - l;
    if (h >= l) cells += h - l + 1;
  }
  return { lo, hi, base, cells };
}

/**
 * Half-width of a long block page's band around the diagonal: BAND_MIN, widened by the
 * length difference and BAND_SLACK of the longer side, but never wider than
 * BAND_HALF_WIDTH_MAX plus the diagonal's step per row (so consecutive rows still overlap):
 * a page's cells grow linearly with its paragraphs.
 */
export function blockBandHalfWidth(n: number, m: number): number {
  const wide = Math.max(BAND_MIN, Math.ceil(Math.abs(n - m) + BAND_SLACK * Math.max(n, m)));
  return Math.min(wide, BAND_HALF_WIDTH_MAX + Math.ceil(m / Math.max(1, n)));
}
const PRIOR_10 = PRIOR[3]! + 0 + 0;
const PRIOR_01 = PRIOR[4]! + 0 + 0;

/**
 * Dynamic programming over beads 1-1, 1-2, 2-1, 1-0, 0-1 between two paragraph lists, in
 * order, visiting for each English position i the Chinese positions lo[i]..hi[i] (a band keeps
 * it near linear). With page positions (interleaved pages) it runs the DP for both leads at
 * once: bead costs do not depend on the lead, only the gap and facing costs added to them.
 *
 * A cell keeps the cheapest bead, ties going to the first in KINDS order (what a `c < best`
 * scan in that order keeps), whatever order the kinds are tried in. The one-sided beads cost
 * their prior alone (prior + 0 + 0), so they are tried first. A two-sided bead costs
 * prior + length + anchors with length >= 0; rounding is monotonic, so prior + anchors gives
 * a lower bound of every sum built from it, and a bead whose bound cannot win is never
 * length-costed (a log and a square root).
 */
function alignDp(a: Anchors, n: number, band: Band, enPos: number[] | undefined, zhPos: number[] | undefined, costA: Float64Array, backA: Int8Array, costB: Float64Array, backB: Int8Array): void {
  // The weights as locals: the loop below runs for every cell of the band.
  const reward = -ANCHOR_MATCH_REWARD;
  const gapCost = GAP_COST;
  const facingCost = FACING_COST;
  const { lo, hi, base } = band;
  const dual = enPos !== undefined && zhPos !== undefined;
  const anchorsZ = a.anchorsZ;
  // Row 0 always starts at column 0: the cell (0, 0) is the first one stored.
  costA[0] = 0;
  if (dual) costB[0] = 0;
  for (let i = 0; i <= n; i++) {
    const jlo = lo[i]!;
    const jhi = hi[i]!;
    const row = base[i]!;
    // The row above: cells of it outside its band hold nothing (INF).
    const upLo = i >= 1 ? lo[i - 1]! : 1;
    const upHi = i >= 1 ? hi[i - 1]! : 0;
    const up = i >= 1 ? base[i - 1]! : 0;
    const up2Lo = i >= 2 ? lo[i - 2]! : 1;
    const up2Hi = i >= 2 ? hi[i - 2]! : 0;
    const up2 = i >= 2 ? base[i - 2]! : 0;
    for (let j = jlo; j <= jhi; j++) {
      if (i === 0 && j === 0) continue;
      let bestA = INF;
      // Stryker disable next-line UnaryOperator: every band cell but (0, 0) has a reachable one-sided bead, so argA is always overwritten before it is stored, and with bestA still INF no tie compares it
      let argA = -1;
      let bestB = INF;
      // Stryker disable next-line UnaryOperator: every band cell but (0, 0) has a reachable one-sided bead, so argB is always overwritten before it is stored, and with bestB still INF no tie compares it
      let argB = -1;
      if (j >= upLo && j <= upHi) {
        const p = up + j;
        if (costA[p]! !== INF) {
          bestA = costA[p]! + PRIOR_10;
          argA = 3;
        }
        if (dual && costB[p]! !== INF) {
          bestB = costB[p]! + PRIOR_10;
          argB = 3;
        }
      }
      if (j - 1 >= jlo) {
        const p = row + j - 1;
        if (costA[p]! !== INF) {
          const c = costA[p]! + PRIOR_01;
          if (c < bestA) {
            bestA = c;
            argA = 4;
          }
        }
        if (dual && costB[p]! !== INF) {
          const c = costB[p]! + PRIOR_01;
          if (c < bestB) {
            bestB = c;
            argB = 4;
          }
        }
      }
      for (let k = 0; k < 3; k++) {
        const di = DI[k]!;
        const dj = DJ[k]!;
        if (di > i || dj > j) continue;
        const c0 = j - dj;
        let p: number;
        if (di === 1) {
          if (c0 < upLo || c0 > upHi) continue;
          p = up + c0;
        } else {
          if (c0 < up2Lo || c0 > up2Hi) continue;
          p = up2 + c0;
        }
        const prevA = costA[p]!;
        const prevB = dual ? costB[p]! : INF;
        if (prevA === INF && prevB === INF) continue;
        const e0 = i - di;
        const z0 = j - dj;
        const prior = PRIOR[k]!;
        let pcA = 0;
        let pcB = 0;
        if (dual) {
          const eLo = enPos[e0]!;
          const eHi = enPos[i - 1]!;
          const zLo = zhPos[z0]!;
          const zHi = zhPos[j - 1]!;
          const enFirst = eHi < zLo;
          const zhFirst = zHi < eLo;
          const gap = enFirst ? zLo - eHi - 1 : zhFirst ? eLo - zHi - 1 : 0;
          // Halves that overlap in page order face both ways: that counts against either lead.
          pcA = gapCost * gap + facingCost * (enFirst ? 0 : 1);
          pcB = gapCost * gap + facingCost * (zhFirst ? 0 : 1);
        }
        // Only one-sided beads (k 3, 4) and earlier two-sided ones can be in hand: a tie goes to k unless an earlier two-sided bead holds it.
        // First bound: every Chinese anchor matched and nothing else (the anchor cost can only be higher).
        let wantA = false;
        let wantB = false;
        {
          const low = prior + reward * (k === 1 ? anchorsZ[z0]! + anchorsZ[z0 + 1]! : anchorsZ[z0]!);
          if (prevA !== INF) {
            let l = prevA + low;
            if (dual) l += pcA;
            wantA = l < bestA || (l === bestA && k < argA);
          }
          if (prevB !== INF) {
            const l = prevB + low + pcB;
            wantB = l < bestB || (l === bestB && k < argB);
          }
          if (!wantA && !wantB) continue;
        }
        const anchor = a.anchor(k, e0, z0);
        const low = prior + anchor;
        if (wantA) {
          let l = prevA + low;
          if (dual) l += pcA;
          wantA = l < bestA || (l === bestA && k < argA);
        }
        if (wantB) {
          const l = prevB + low + pcB;
          wantB = l < bestB || (l === bestB && k < argB);
        }
        if (!wantA && !wantB) continue;
        const bc = prior + a.length(k, e0, z0) + anchor;
        if (wantA) {
          let c = prevA + bc;
          if (dual) c += pcA;
          if (c < bestA || (c === bestA && k < argA)) {
            bestA = c;
            argA = k;
          }
        }
        if (wantB) {
          let c = prevB + bc;
          c += pcB;
          if (c < bestB || (c === bestB && k < argB)) {
            bestB = c;
            argB = k;
          }
        }
      }
      costA[row + j] = bestA;
      backA[row + j] = argA;
      if (dual) {
        costB[row + j] = bestB;
        backB[row + j] = argB;
      }
    }
  }
}

/**
 * The beads on the cheapest path into (n, m), with what the aligner knows of each (for their
 * confidence, confidence.ts). `lead` is the interleaved page's lead language (undefined for
 * block pages): it says whether a bead's halves face against it.
 */
function backtrack(a: Anchors, n: number, m: number, band: Band, back: Int8Array, enIdx: number[], zhIdx: number[], paras: Para[], lead: Lang | undefined): { beads: Bead[]; evidence: BeadEvidence[] } {
  const { lo, hi, base } = band;
  const beads: Bead[] = [];
  const evidence: BeadEvidence[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const k = j >= lo[i]! && j <= hi[i]! ? back[base[i]! + j]! : -1;
    // Outside the band: one-sided beads, so nothing is lost.
    const di = k < 0 ? (i > 0 ? 1 : 0) : DI[k]!;
    const dj = k < 0 ? (i > 0 ? 0 : 1) : DJ[k]!;
    const en: number[] = [];
    const zh: number[] = [];
    let chars = 0;
    for (let x = i - di; x < i; x++) {
      en.push(enIdx[x]!);
      chars += paras[enIdx[x]!]!.text.length;
    }
    for (let x = j - dj; x < j; x++) {
      zh.push(zhIdx[x]!);
      chars += paras[zhIdx[x]!]!.text.length;
    }
    let length = 0;
    let ratio = 0;
    let matched = 0;
    let penalty = 0;
    let gap = 0;
    let facing = 0;
    if (k >= 0 && k < 3) {
      const cost = a.anchor(k, i - di, j - dj);
      matched = a.matched;
      penalty = cost + ANCHOR_MATCH_REWARD * matched;
      length = a.length(k, i - di, j - dj);
      ratio = a.ratio(k, i - di, j - dj);
      if (lead) {
        const eLo = en[0]!;
        const eHi = en[en.length - 1]!;
        const zLo = zh[0]!;
        const zHi = zh[zh.length - 1]!;
        const enFirst = eHi < zLo;
        const zhFirst = zHi < eLo;
        gap = enFirst ? zLo - eHi - 1 : zhFirst ? eLo - zHi - 1 : 0;
        facing = (lead === 'en' ? enFirst : zhFirst) ? 0 : 1;
      }
    }
    beads.push({ en, zh, confidence: 0 });
    evidence.push({ en: di, zh: dj, length, ratio, matched, penalty, gap, facing, chars, block: lead === undefined, structure: 0 });
    i -= di;
    j -= dj;
  }
  beads.reverse();
  evidence.reverse();
  joinCrossed(a, beads, evidence, enIdx, zhIdx, lead);
  for (let x = 0; x < beads.length; x++) beads[x]!.confidence = confidenceOf(evidence[x]!, evidence[x - 1], evidence[x + 1], CONFIDENCE_MIN);
  return { beads, evidence };
}

/**
 * Joins a translation shown one pair late (CROSSED_PAIR_MARGIN): a one-sided bead, then a
 * two-sided bead, then a one-sided bead of the other language, become the pair of the two
 * one-sided paragraphs (in the first one's place) and the pair between, when the two share
 * an anchor (a number, a Latin name) and the pair's length and anchors beat the two one-sided
 * beads by the margin: length alone cannot tell a late translation from two untranslated
 * paragraphs of similar size. Beads never cross in the
 * DP (page order is evidence); this reads the one crossing it cannot. In place.
 */
function joinCrossed(a: Anchors, beads: Bead[], evidence: BeadEvidence[], enIdx: number[], zhIdx: number[], lead: Lang | undefined): void {
  const oneSided = PRIOR[3]! + PRIOR[4]!;
  // Paragraph → position among its language's paragraphs, built at the first candidate.
  let at: Map<number, number> | undefined;
  for (let x = 0; x + 2 < beads.length; x++) {
    const p = evidence[x]!;
    const q = evidence[x + 2]!;
    const mid = evidence[x + 1]!;
    if (p.en + p.zh !== 1 || q.en + q.zh !== 1 || p.en === q.en || mid.en === 0 || mid.zh === 0) continue;
    const eBead = p.en === 1 ? beads[x]! : beads[x + 2]!;
    const zBead = p.zh === 1 ? beads[x]! : beads[x + 2]!;
    const enPara = eBead.en[0]!;
    const zhPara = zBead.zh[0]!;
    if (!at) {
      at = new Map();
      enIdx.forEach((para, pos) => at!.set(para, pos));
      zhIdx.forEach((para, pos) => at!.set(para, pos));
    }
    const e = at.get(enPara)!;
    const z = at.get(zhPara)!;
    const anchor = a.anchor(0, e, z);
    const matched = a.matched;
    const length = a.length(0, e, z);
    if (matched === 0 || PRIOR[0]! + length + anchor + CROSSED_PAIR_MARGIN >= oneSided) continue;
    const enFirst = enPara < zhPara;
    evidence[x] = {
      en: 1,
      zh: 1,
      length,
      ratio: a.ratio(0, e, z),
      matched,
      penalty: anchor + ANCHOR_MATCH_REWARD * matched,
      gap: 0,
      facing: lead ? ((lead === 'en') === enFirst ? 0 : 1) : 0,
      chars: p.chars + q.chars,
      block: lead === undefined,
      structure: 0,
      crossed: 1,
    };
    beads[x] = { en: [enPara], zh: [zhPara], confidence: 0 };
    beads.splice(x + 2, 1);
    evidence.splice(x + 2, 1);
  }
}

export type Layout = 'interleaved' | 'block' | 'single';

/** Block layout: (nearly) all of one language, then all of the other. */
export function detectLayout(paras: Para[]): Layout {
  // Only the number of same-language runs and the two longest matter.
  let runs = 0;
  let top = 0;
  let second = 0;
  for (let i = 0; i < paras.length; ) {
    const lang = paras[i]!.lang;
    const start = i;
    while (i < paras.length && paras[i]!.lang === lang) i++;
    const size = i - start;
    runs++;
    if (size > top) {
      second = top;
      top = size;
    } else if (size > second) second = size;
  }
  if (runs <= 1) return 'single';
  if (runs === 2) return 'block';
  return top >= BLOCK_RUN_MIN && top + second >= BLOCK_SHARE * paras.length ? 'block' : 'interleaved';
}

/** Align a page's body paragraphs (in page order) into beads. Pure and deterministic. */
export function alignParagraphs(paras: Para[]): { beads: Bead[]; layout: Layout; firstLang: Lang | undefined } {
  const { evidence: _evidence, ...r } = alignExplained(paras);
  return r;
}

/** alignParagraphs, with the evidence each bead's confidence was drawn from (npm run calibrate fits on it). */
export function alignExplained(paras: Para[]): { beads: Bead[]; layout: Layout; firstLang: Lang | undefined; evidence: BeadEvidence[] } {
  const layout = detectLayout(paras);
  const firstLang = paras[0]?.lang;
  const enIdx: number[] = [];
  const zhIdx: number[] = [];
  for (let i = 0; i < paras.length; i++) (paras[i]!.lang === 'en' ? enIdx : zhIdx).push(i);
  const a = anchorsOf(paras, enIdx, zhIdx);
  const n = enIdx.length;
  const m = zhIdx.length;
  const lo = i32(7, n + 1);
  const hi = i32(8, n + 1);
  if (layout !== 'interleaved') {
    // Long block pages: stay near the diagonal (translations keep the order and rough length).
    const w = blockBandHalfWidth(n, m);
    const banded = n * m > BAND_CELLS;
    for (let i = 0; i <= n; i++) {
      lo[i] = banded ? Math.floor((i * m) / Math.max(1, n)) - w : 0;
      hi[i] = banded ? Math.ceil((i * m) / Math.max(1, n)) + w : m;
    }
    const band = storeBand(n, m, lo, hi);
    const costA = f64(0, band.cells).fill(INF, 0, band.cells);
    // Stryker disable next-line UnaryOperator: alignDp writes backA in every band cell but (0, 0), and backtrack stops there, so the initial fill is never read
    const backA = i8(0, band.cells).fill(-1, 0, band.cells);
    alignDp(a, n, band, undefined, undefined, costA, backA, costA, backA);
    return { ...backtrack(a, n, m, band, backA, enIdx, zhIdx, paras, undefined), layout, firstLang };
  }
  // Interleaved: a paragraph's translation sits right beside it, on the side the page's
  // lead language implies. Each bead pays for the paragraphs between its two halves and for
  // facing against the lead; the lead is whichever explains the page at the lower cost.
  // For the i-th English paragraph, its translation is among the Chinese paragraphs next to
  // it on the page: band the DP around "how many Chinese paragraphs precede it".
  const K = INTERLEAVED_BAND;
  let z = 0;
  let prevBefore = 0;
  for (let i = 0; i <= n; i++) {
    const pos = i < n ? enIdx[i]! : INF;
    while (z < m && zhIdx[z]! < pos) z++;
    lo[i] = Math.min(z, i === 0 ? 0 : prevBefore) - K;
    hi[i] = z + K;
    prevBefore = z;
  }
  const band = storeBand(n, m, lo, hi);
  const size = band.cells;
  const costA = f64(0, size).fill(INF, 0, size);
  // Stryker disable next-line UnaryOperator: alignDp writes backA in every band cell but (0, 0), and backtrack stops there, so the initial fill is never read
  const backA = i8(0, size).fill(-1, 0, size);
  const costB = f64(1, size).fill(INF, 0, size);
  // Stryker disable next-line UnaryOperator: alignDp writes backB in every band cell but (0, 0), and backtrack stops there, so the initial fill is never read
  const backB = i8(1, size).fill(-1, 0, size);
  alignDp(a, n, band, enIdx, zhIdx, costA, backA, costB, backB);
  // English lead first: the Chinese lead wins only at a strictly lower cost.
  const last = band.base[n]! + m;
  const inBand = m >= band.lo[n]! && m <= band.hi[n]!;
  const zhLead = inBand && costB[last]! < costA[last]!;
  return { ...backtrack(a, n, m, band, zhLead ? backB : backA, enIdx, zhIdx, paras, zhLead ? 'zh' : 'en'), layout, firstLang };
}
