/**
 * Sentence alignment inside one paragraph bead (pure, deterministic, never throws).
 *
 * The paragraphs of a segment are split into sentences (sentences.ts) and aligned by dynamic
 * programming over sentence beads, Gale & Church style: each bead costs the negative log of
 * its kind's prior, a length term (English characters against the Chinese text's
 * English-character equivalent, scaled by the segment's own ratio) and an anchor term (numbers,
 * Latin names and acronyms left inside the Chinese, question marks, quotes, percent signs
 * that both halves hold or only one does). A bead that spans a paragraph break pays extra.
 *
 * Then one refinement: Chinese chains with commas what English writes as separate sentences,
 * so a bead of two or three English sentences against one Chinese sentence may be cut at the
 * Chinese sentence's clause marks (，；：) into finer pairs, when the pieces fit the English
 * sentences better than the whole does by more than a cut costs.
 *
 * Memory and time stay linear in the number of sentences: the DP visits a band around the
 * diagonal once a segment holds more than BAND_FROM cells, and the refinement skips Chinese
 * sentences with more than MAX_PIECES clauses.
 *
 * Speed: this runs on every page the parser reads, so a segment's sentences live in typed
 * arrays (offsets into their paragraph, length, marks), each regex passes once over a
 * paragraph and hands its matches to the sentences by position, and a sentence's text is
 * sliced only for the output.
 */
import type { SegmentLang, SentenceBead } from '../article.js';
import { clauseCuts, isSpace, sentenceEnds } from './sentences.js';

// ---------------------------------------------------------------------------------------
// Named constants (the why of each beside it).

/**
 * English characters per Han character: the figure the paragraph aligner uses for news
 * translations (the project's own sample articles give 3.8). A segment rescales it from its
 * own totals (SEGMENT_RATIO_WEIGHT), so it only matters for short segments.
 */
const HAN_RATIO = 3.5;
/** A Latin letter or digit inside Chinese text stands for about one English character (names, numbers stay as they are). */
const LATIN_RATIO = 0.85;
/**
 * How many English characters of prior belief the default ratio is worth when a segment's
 * own English/Chinese ratio is computed: a long segment speaks for itself, a short one leans
 * on HAN_RATIO.
 */
const SEGMENT_RATIO_WEIGHT = 120;

/**
 * Bead kinds [English sentences, Chinese sentences] and their prior probabilities inside a
 * paragraph bead (paragraphs are already paired, so 1-1 dominates). English translators of
 * Chinese split long sentences (2-1), Chinese translators of English merge less (1-2);
 * untranslated sentences are rare inside a translated paragraph. Two or three on a side at
 * once are rarer still.
 */
const KINDS: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 0.84],
  [2, 1, 0.07],
  [1, 2, 0.05],
  [1, 0, 0.01],
  [0, 1, 0.01],
  [2, 2, 0.01],
  [3, 1, 0.005],
  [1, 3, 0.005],
];
const KE = Int32Array.from(KINDS, (k) => k[0]);
const KZ = Int32Array.from(KINDS, (k) => k[1]);
const PRIOR = Float64Array.from(KINDS, (k) => -Math.log(k[2]));
const PRIOR_11 = PRIOR[0]!;

/**
 * Length term: a Laplace cost on the log ratio of English length to the Chinese length's
 * English equivalent. The spread shrinks with length (short sentences vary more in ratio,
 * "Oh, no." / "没有啊，没有"): sigma² = LENGTH_SPREAD + LENGTH_SPREAD_SHORT / mean length.
 */
const LENGTH_SPREAD = 0.03;
const LENGTH_SPREAD_SHORT = 4;

/** Anchor weights: a shared number or name is strong evidence; one the Chinese holds and the English lacks almost as strong against. */
const W_MATCH = 1.5;
const W_ZH_ONLY = 1.5;
/** English writes numbers the Chinese may render in words or drop ("a dozen", "the fourth"), and names the Chinese transliterates. */
const W_EN_ONLY_NUMBER = 0.75;
const W_EN_ONLY_WORD = 0.3;
/** Marks: a question mark on one side only is a strong sign of a wrong pair; quotes, exclamation and percent weaker. */
const W_QUESTION = 1;
const W_MARK = 0.5;

/**
 * A bead whose sentences on one side come from two paragraphs. A paragraph break mostly ends
 * a unit, but the paragraph bead already says the paragraphs translate each other: crossing
 * must stay cheaper than leaving a sentence untranslated instead (-ln 0.01 ≈ 4.6 against a
 * 1-2's -ln 0.05 ≈ 3.0), so about the cost of a merge, -ln 0.2.
 */
const PARAGRAPH_CROSS = 1.5;

/**
 * Cutting a Chinese sentence at a clause mark: roughly one Chinese comma in five separates
 * what English writes as sentences, so -ln(0.2) ≈ 1.6; rounded up, since the cut also
 * trades the 2-1 prior for two 1-1 priors and the pieces' fit must pay for it.
 */
const WEAK_CUT = 2;
/** The refinement tries at most this many clause pieces in one Chinese sentence (its DP is quadratic in them). */
const MAX_PIECES = 40;

/**
 * As many sentences on each side, and no pair further apart in length than this (a length
 * cost: about 1.5 spreads, a ratio within ±50% for sentences of 100 characters): the segment
 * is taken one to one without its anchors (clearlyOneToOne).
 */
const CLEAR_LENGTH = 1.5;

/** Full DP up to this many cells; beyond, a band of BAND_HALF_WIDTH around the diagonal. */
const BAND_FROM = 4096;
const BAND_HALF_WIDTH = 24;

// ---------------------------------------------------------------------------------------
// Anchors: what a sentence holds that its translation keeps.

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, twice: 2, dozen: 12,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6, k: 1e3, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/**
 * One native pass finds an English text's digits (with a scale word after them), its marks
 * (? ! quotes %); an apostrophe opens a quote only at a word's start ('see'), inside a word
 * it is "don't". ("per cent" is looked for only where "cent" is: a rare word in the regex
 * would slow the scan of every text.)
 */
const EN_SCAN = /(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|bn|m|k)\b)?|([?!"“”‘%'])/g;
/**
 * Number words and ordinals (hyphened tens: twenty-five) and month names (Chinese writes the
 * month as a number: 12月26日), in a second pass: a plain alternation of words, which V8 scans
 * fastest. A month counts only capitalized ("may" is a verb) and beside a day.
 */
const EN_WORDS =
  /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twice|dozen|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?:-(one|two|three|four|five|six|seven|eight|nine))?\b/gi;
const PER_CENT = /\bper ?cent\b/gi;
/** EN_SCAN's marks alone. */
const EN_MARKS = /[?!"“”‘%']/g;
const MONTH_OF: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
/** Numbers in Chinese text written in digits, with 万/亿 after them. */
const MEASURE = new Set([...'个個名位家项項次年月日号號天周岁歲人国國架艘座条條所支辆輛种種批枚颗顆倍分秒时時点點场場届屆轮輪层層度米里吨噸元镑磅'].map((c) => c.charCodeAt(0)));
const ZH_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The value of a Chinese numeral (三千五百万 = 35000000; 二〇一七 = 2017 digit by digit). */
export function zhNumeralValue(s: string): number {
  if (!/[十百千万萬亿億]/.test(s)) {
    let v = 0;
    for (const ch of s) v = v * 10 + (ZH_DIGIT[ch] ?? 0);
    return v;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    const d = ZH_DIGIT[ch];
    if (d !== undefined) digit = d;
    else if (ZH_UNIT[ch] !== undefined) {
      section += (digit || 1) * ZH_UNIT[ch]!;
      digit = 0;
    } else if (ch === '万' || ch === '萬') {
      total += (section + digit || 1) * 1e4;
      section = digit = 0;
    } else {
      total = (total + section + digit || 1) * 1e8;
      section = digit = 0;
    }
  }
  return total + section + digit;
}


// Mark bits.
const QUESTION = 1;
const EXCLAIM = 2;
const QUOTE = 4;
const PERCENT = 8;

const isDigitAt = (text: string, at: number) => {
  const c = text.charCodeAt(at);
  return c >= 0x30 && c <= 0x39;
};

function digitValue(raw: string): number {
  return Number(raw.includes(',') ? raw.replace(/,/g, '') : raw);
}


// ---------------------------------------------------------------------------------------
// A side of a segment: its sentences (units) as offsets into its paragraphs, with length,
// marks and anchor ids, in typed arrays reused from call to call.

/**
 * Anchor ids of one segment. A number gets an even id, a Latin word of the Chinese side an
 * odd one; a segment holds a handful, so plain arrays searched in order do (a map takes over
 * past MANY_ANCHORS, for huge paragraphs).
 */
class AnchorSpace {
  // Stryker disable next-line ArrayDeclaration: reset() empties nums before a segment; textAnchors's own space reads numbers back by id only, so a stray first entry is never read.
  private nums: number[] = [];
  private numMap: Map<number, number> | undefined;
  readonly words: string[] = [];
  private wordMap: Map<string, number> | undefined;

  reset(): void {
    this.nums.length = 0;
    this.words.length = 0;
    this.numMap = undefined;
    this.wordMap = undefined;
  }

  get size(): number {
    return 2 * Math.max(this.nums.length, this.words.length) + 2;
  }

  number(v: number): number {
    let k = this.numMap ? (this.numMap.get(v) ?? -1) : this.nums.indexOf(v);
    if (k < 0) {
      k = this.nums.push(v) - 1;
      if (this.numMap) this.numMap.set(v, k);
      // (The Stryker mark is inside the parentheses: a line comment before `else` leads no node, so Stryker never applied it.)
      else if (/* Stryker disable next-line ConditionalExpression,EqualityOperator: the map only speeds up the look-up: indexOf and the map give the same index, whenever the map is made. */ this.nums.length > MANY_ANCHORS) this.numMap = new Map(this.nums.map((x, i) => [x, i]));
    }
    return 2 * k;
  }

  /** The number an even id stands for. */
  valueOf(id: number): number {
    return this.nums[id / 2]!;
  }

  /** The id of a Chinese-side word, added if new. */
  word(w: string): number {
    let k = this.wordMap ? (this.wordMap.get(w) ?? -1) : this.words.indexOf(w);
    if (k < 0) {
      k = this.words.push(w) - 1;
      if (this.wordMap) this.wordMap.set(w, k);
      else if (/* Stryker disable next-line ConditionalExpression,EqualityOperator: as for numbers: the map only speeds up the look-up. */ this.words.length > MANY_ANCHORS) this.wordMap = new Map(this.words.map((x, i) => [x, i]));
    }
    return 2 * k + 1;
  }
}
const MANY_ANCHORS = 64;

class Side {
  n = 0;
  // Stryker disable next-line ArrayDeclaration: reset() sets paras before a side is read (splitInto and textAnchors both call it).
  paras: readonly string[] = [];
  para = new Int32Array(16);
  start = new Int32Array(16);
  end = new Int32Array(16);
  len = new Float64Array(16);
  marks = new Int32Array(16);
  /** Anchor ids per unit, distinct; undefined when none. */
  // Stryker disable next-line ArrayDeclaration: reset() empties ids before a side is filled (splitInto and textAnchors both call it).
  ids: Array<number[] | undefined> = [];
  private idSets = new Map<number, Set<number>>();

  reset(paras: readonly string[]): void {
    this.n = 0;
    this.paras = paras;
    this.ids.length = 0;
    if (this.idSets.size > 0) this.idSets = new Map();
  }

  add(para: number, start: number, end: number): void {
    if (this.n === this.para.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(2 * a.length);
        b.set(a);
        return b;
      };
      this.para = grow(this.para);
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.len = grow(this.len);
      this.marks = grow(this.marks);
    }
    const u = this.n++;
    this.para[u] = para;
    this.start[u] = start;
    this.end[u] = end;
    this.len[u] = 0;
    this.marks[u] = 0;
    this.ids[u] = undefined;
  }

  addId(u: number, id: number): void {
    const list = this.ids[u];
    if (!list) this.ids[u] = [id];
    else if (/* Stryker disable next-line ConditionalExpression,EqualityOperator: includes() and the set keep the same distinct list; the bound only picks the faster one. */ list.length < MANY_ANCHORS) {
      if (!list.includes(id)) list.push(id);
    } else {
      // A sentence with very many anchors (a huge one): a set keeps adding linear.
      let set = this.idSets.get(u);
      if (!set) this.idSets.set(u, (set = new Set(list)));
      if (!set.has(id)) {
        set.add(id);
        list.push(id);
      }
    }
  }

  text(u: number): string {
    return this.paras[this.para[u]!]!.slice(this.start[u], this.end[u]);
  }

  /** The unit of paragraph text position at, from unit u on (positions only grow within a pass). */
  unitAt(u: number, at: number): number {
    // Stryker disable next-line ArithmeticOperator: the bound only stops the walk at the last unit: every position looked up lies before the end of its paragraph's last unit (whitespace alone follows it), so the walk stops there by end[u] > at either way.
    while (u + 1 < this.n && this.end[u]! <= at) u++;
    return u;
  }
}

/** The sentences of each paragraph as units of side (offsets; whitespace between sentences left out). */
function splitInto(side: Side, paras: readonly string[]): void {
  side.reset(paras);
  for (let p = 0; p < paras.length; p++) {
    const text = paras[p]!;
    let from = 0;
    for (const end of sentenceEnds(text)) {
      while (from < end && isSpace(text.charCodeAt(from))) from++;
      if (from < end) side.add(p, from, end);
      from = end;
    }
  }
}

/** Chinese numeral characters: their digit (0–9), or 10 + the unit for 十百千 (11, 12, 13) and 万萬亿億 (14, 15). */
const ZH_NUM = new Uint8Array(0x10000);
for (const [ch, v] of Object.entries({ 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 11, 百: 12, 千: 13, 万: 14, 萬: 14, 亿: 15, 億: 15 })) ZH_NUM[ch.charCodeAt(0)] = v + 1;
/** Where the run of plain Han characters (HAN_PLAIN) from i ends, at most e. */
function plainHanEnd(text: string, i: number, e: number): number {
  for (; i < e; i++) {
    const c = text.charCodeAt(i) - 0x4e00;
    if (c < 0 || c >= 0x5200 || HAN_PLAIN[c] === 0) break;
  }
  return i;
}

/** Han characters of the main block that scanChinese passes over without a look (not a numeral, 第 or 百). */
const HAN_PLAIN = new Uint8Array(0xa000 - 0x4e00).fill(1);
for (let c = 0x4e00; c < 0xa000; c++) if (ZH_NUM[c]! > 0 || c === 0x7b2c) HAN_PLAIN[c - 0x4e00] = 0;
const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAsciiLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isAsciiAlnum = (c: number) => isAsciiLetter(c) || isAsciiDigit(c);
const C_DI = 0x7b2c; // 第
const C_FEN = 0x5206; // 分
const C_SHI = 0x5341; // 十
const C_YI = 0x4e00; // 一
const C_BAI = 0x767e; // 百
const NOT_BEFORE_NUMERAL = new Set([...'几幾数數'].map((c) => c.charCodeAt(0)));
const ZH_SCALE = new Map([...'万萬亿億'].map((c) => [c.charCodeAt(0), SCALES[c]!]));

/**
 * Lengths, marks and anchors of a Chinese side's units, in one pass over each unit's
 * characters (Chinese text is where a regex per anchor kind costs most, so each is read here
 * as it comes):
 * - length: Han characters × HAN_RATIO plus Latin letters and digits × LATIN_RATIO;
 * - numbers in digits, 20,000 or 3.5, times 万/亿 when one follows (both values kept);
 * - Chinese numerals after 第 or before a measure word or unit (三个, 十二月, 两名, 第四), so
 *   that 统一, 一些 and 百姓 are not numbers (nor 十分, "very"; nor 几十年, 数百人 or 百年,
 *   which English writes as "decades", "hundreds", "a century"), and after 百分之;
 * - Latin words of two characters or more (names, acronyms, HER2), lower-cased;
 * - marks: ？ ！ quotes % (either width), and 百分之.
 */
function scanChinese(side: Side, space: AnchorSpace): void {
  for (let u = 0; u < side.n; u++) {
    const text = side.paras[side.para[u]!]!;
    const e = side.end[u]!;
    let han = 0;
    let latin = 0;
    let marks = 0;
    for (let i = side.start[u]!; i < e; ) {
      // Plain Han characters, the bulk of the text, in a tight loop of their own.
      const run = i;
      i = plainHanEnd(text, i, e);
      han += i - run;
      if (i >= e) break;
      const c = text.charCodeAt(i);
      if (c >= 0x4e00 && c <= 0x9fff) {
        const ordinal = c === C_DI && i + 1 < e && ZH_NUM[text.charCodeAt(i + 1)]! > 0;
        const percent = c === C_BAI && text.startsWith('分之', i + 1);
        if (!ordinal && !percent && ZH_NUM[c] === 0) {
          han++;
          i++;
          continue;
        }
        // A numeral run, after 第 or 百分之 or bare.
        const from = ordinal ? i + 1 : percent ? i + 3 : i;
        let j = from;
        while (j < e && ZH_NUM[text.charCodeAt(j)]! > 0) j++;
        han += j - i;
        if (percent) marks |= PERCENT;
        if (j > from && (ordinal || percent || countsAsNumber(text, from, j))) addNumber(side, u, space, zhNumeralValue(text.slice(from, j)));
        i = j;
        continue;
      }
      if (c < 0x80) {
        if (isAsciiDigit(c)) {
          // \d+(,\d{3})*(\.\d+)? then, after at most one space, 万/亿.
          let j = i + 1;
          while (j < e && isAsciiDigit(text.charCodeAt(j))) j++;
          // Stryker disable next-line BooleanLiteral: commas only spares a replace: digits read with no comma between them have none to remove, so starting it true reads the same value.
          let commas = false;
          while (j + 3 < e && text.charCodeAt(j) === 0x2c && isAsciiDigit(text.charCodeAt(j + 1)) && isAsciiDigit(text.charCodeAt(j + 2)) && isAsciiDigit(text.charCodeAt(j + 3))) {
            j += 4;
            commas = true;
          }
          if (j + 1 < e && text.charCodeAt(j) === 0x2e && isAsciiDigit(text.charCodeAt(j + 1))) {
            j += 2;
            while (j < e && isAsciiDigit(text.charCodeAt(j))) j++;
          }
          const raw = text.slice(i, j);
          latin += j - i;
          const v = Number(commas ? raw.replace(/,/g, '') : raw);
          addNumber(side, u, space, v);
          const k = j < e && isSpace(text.charCodeAt(j)) ? j + 1 : j;
          const scale = k < e ? ZH_SCALE.get(text.charCodeAt(k)) : undefined;
          if (scale) addNumber(side, u, space, Math.round(v * scale));
          i = j;
          continue;
        }
        if (isAsciiLetter(c)) {
          // [A-Za-z][A-Za-z0-9]*(['’.-][A-Za-z0-9]+)*
          let j = i + 1;
          for (;;) {
            while (j < e && isAsciiAlnum(text.charCodeAt(j))) j++;
            const d = j + 1 < e ? text.charCodeAt(j) : 0;
            if ((d === 0x27 || d === 0x2019 || d === 0x2e || d === 0x2d) && isAsciiAlnum(text.charCodeAt(j + 1))) j++;
            else break;
          }
          for (let x = i; x < j; x++) if (isAsciiAlnum(text.charCodeAt(x))) latin++;
          if (j - i >= 2) side.addId(u, space.word(text.slice(i, j).toLowerCase()));
          i = j;
          continue;
        }
        if (c === 0x3f) marks |= QUESTION;
        else if (c === 0x21) marks |= EXCLAIM;
        else if (c === 0x22) marks |= QUOTE;
        else if (c === 0x25) marks |= PERCENT;
        i++;
        continue;
      }
      if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
      else if (c >= 0xd840 && c <= 0xd8bf) {
        han++; // a CJK extension character: a surrogate pair, counted once
        i++;
      } else if (c === 0xff1f) marks |= QUESTION;
      else if (c === 0xff01) marks |= EXCLAIM;
      else if (c === 0x201c || c === 0x201d || c === 0x300c || c === 0x300d || c === 0x300e || c === 0x300f || c === 0x2018) marks |= QUOTE;
      else if (c === 0xff05) marks |= PERCENT;
      i++;
    }
    side.len[u] = HAN_RATIO * han + LATIN_RATIO * latin;
    side.marks[u] = marks;
  }
}

/** Whether a bare numeral run text[from, to) is a number a translation keeps (see scanChinese). */
function countsAsNumber(text: string, from: number, to: number): boolean {
  const next = text.charCodeAt(to);
  if (!MEASURE.has(next)) return false;
  const first = text.charCodeAt(from);
  if (to - from === 1) {
    // Stryker disable next-line BooleanLiteral: 一 alone is worth 1, which addNumber drops anyway: returning true here adds no anchor either.
    if (first === C_YI) return false; // 1 is no anchor
    if (first === C_SHI && next === C_FEN) return false; // 十分: "very"
    if (ZH_NUM[first]! > 12) return false; // 百, 千, 万, 亿 alone: "hundreds", "a century"
  }
  return from === 0 || !NOT_BEFORE_NUMERAL.has(text.charCodeAt(from - 1));
}

function addNumber(side: Side, u: number, space: AnchorSpace, v: number): void {
  if (!Number.isFinite(v) || v === 1) return; // "one" and 一 are mostly articles and pronouns
  side.addId(u, space.number(v));
}

/**
 * Lengths, marks and anchors of an English side's units: each regex passes once over each
 * paragraph and hands its matches to the units by position. Numbers are looked for only when
 * numbers is set: the aligner sets it when the Chinese side of the segment holds a number;
 * when it holds none, the English numbers were written out in words or left out, and cannot
 * tell which sentence pairs with which. The Chinese side's Latin words are found as whole words.
 */
function scanEnglish(side: Side, space: AnchorSpace, numbers: boolean): void {
  const words = space.words;
  let u = 0;
  while (u < side.n) {
    const p = side.para[u]!;
    const text = side.paras[p]!;
    const u0 = u;
    for (; u < side.n && side.para[u] === p; u++) side.len[u] = side.end[u]! - side.start[u]!;
    const scan = numbers ? EN_SCAN : EN_MARKS;
    scan.lastIndex = side.start[u0]!;
    let v = u0;
    for (let m = scan.exec(text); m; m = scan.exec(text)) {
      v = side.unitAt(v, m.index);
      const c = numbers ? m[3] : m[0];
      if (c === undefined) {
        const x = digitValue(m[1]!);
        addNumber(side, v, space, x);
        if (m[2]) addNumber(side, v, space, Math.round(x * SCALES[m[2].toLowerCase()]!));
      } else if (c === "'") {
        // An apostrophe opens a quote only at a word's start ('see'); inside a word it is "don't".
        if (m.index === side.start[v] || isSpace(text.charCodeAt(m.index - 1))) side.marks[v]! |= QUOTE;
      } else side.marks[v]! |= c === '?' ? QUESTION : c === '!' ? EXCLAIM : c === '%' ? PERCENT : QUOTE;
    }
    // Stryker disable next-line ConditionalExpression,StringLiteral: only spares the scan: a text without 'cent' holds no "per cent" (if (false) is killed by the mutants test).
    if (text.includes('cent')) {
      PER_CENT.lastIndex = side.start[u0]!;
      v = u0;
      for (let m = PER_CENT.exec(text); m; m = PER_CENT.exec(text)) {
        v = side.unitAt(v, m.index);
        side.marks[v]! |= PERCENT;
      }
    }
    if (words.length > 0) findWords(side, text, u0, u, words);
  }
}

/**
 * Number words and ordinals (two, twenty-five, fourth) and months beside a day (Dec. 26) of an
 * English side. Their scan costs more than all the rest, so the aligner runs it only when a
 * Chinese number below 100 finds no English digits to match it (smallNumberUnmatched): only
 * then can a number word or a month tell something the digits have not.
 */
function scanEnglishWords(side: Side, space: AnchorSpace): void {
  let u = 0;
  while (u < side.n) {
    const p = side.para[u]!;
    const text = side.paras[p]!;
    const u0 = u;
    while (u < side.n && side.para[u] === p) u++;
    EN_WORDS.lastIndex = side.start[u0]!;
    let v = u0;
    for (let m = EN_WORDS.exec(text); m; m = EN_WORDS.exec(text)) {
      v = side.unitAt(v, m.index);
      const word = m[1]!.toLowerCase();
      const n = NUMBER_WORDS[word];
      if (n !== undefined) {
        addNumber(side, v, space, m[2] ? n + NUMBER_WORDS[m[2].toLowerCase()]! : n);
        continue;
      }
      // A month counts capitalized and beside a day: "Dec. 26", "26 December", "May 5".
      const first = text.charCodeAt(m.index);
      if (first < 0x41 || first > 0x5a) continue;
      const end = m.index + m[1]!.length;
      const after = text.charCodeAt(end) === 0x2e ? end + 1 : end;
      const dayAfter = isDigitAt(text, after) || (text.charCodeAt(after) === 0x20 && isDigitAt(text, after + 1));
      const dayBefore = isDigitAt(text, m.index - 2) && text.charCodeAt(m.index - 1) === 0x20;
      if (dayAfter || dayBefore) addNumber(side, v, space, MONTH_OF[word.slice(0, 3)]!);
    }
  }
}

/** Does a number below 100 on the Chinese side (ZH) appear in no English unit (EN)? */
function smallNumberUnmatched(): boolean {
  const seen = new Set<number>();
  // Stryker disable next-line ArrayDeclaration: a unit with no ids adds nothing either way: a stray non-number in seen matches no id of the Chinese side.
  for (let u = 0; u < EN.n; u++) for (const id of EN.ids[u] ?? []) seen.add(id);
  // Stryker disable next-line ArrayDeclaration: a Chinese unit with no ids: a stray entry would be no id: valueOf() gives undefined for it, never below 100, so nothing changes.
  for (let u = 0; u < ZH.n; u++) for (const id of ZH.ids[u] ?? []) if (!(id & 1) && !seen.has(id) && SPACE.valueOf(id) < 100) return true;
  return false;
}

const isWordChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const RUN = /[a-z0-9]+/g;
/** Up to this many words, indexOf per word beats scanning every word of the English. */
const FEW_WORDS = 8;

/**
 * The Chinese side's Latin words in an English paragraph (units u0..u1-1), as whole words:
 * no letter or digit touching them ("NATO" in "NATO's" and "NATO-led"). A few words are
 * searched one by one; many are looked up at every run of letters and digits. Both find the
 * same occurrences: a word starts with a letter, so "no letter or digit before it" is "it
 * starts a run".
 */
function findWords(side: Side, text: string, u0: number, u1: number, words: readonly string[]): void {
  const lower = text.toLowerCase();
  const from = side.start[u0]!;
  const to = side.end[u1 - 1]!;
  const whole = (at: number, w: string) => !(at > 0 && isWordChar(lower.charCodeAt(at - 1))) && !(at + w.length < lower.length && isWordChar(lower.charCodeAt(at + w.length)));
  if (words.length <= FEW_WORDS) {
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      let v = u0;
      for (let at = lower.indexOf(w, from); at >= 0 && at < to; at = lower.indexOf(w, at + 1)) {
        if (!whole(at, w)) continue;
        v = side.unitAt(v, at);
        side.addId(v, 2 * k + 1);
      }
    }
    return;
  }
  const heads = headsOf(words);
  RUN.lastIndex = from;
  let v = u0;
  for (let m = RUN.exec(lower); m && m.index < to; m = RUN.exec(lower)) {
    const list = heads.get(m[0]);
    if (!list) continue;
    for (const k of list) {
      if (!lower.startsWith(words[k]!, m.index) || !whole(m.index, words[k]!)) continue;
      v = side.unitAt(v, m.index);
      side.addId(v, 2 * k + 1);
    }
  }
}

/** Word indices by their first run of letters and digits. */
function headsOf(words: readonly string[]): Map<string, number[]> {
  const heads = new Map<string, number[]>();
  words.forEach((w, k) => {
    const head = /^[a-z0-9]+/.exec(w)![0];
    const list = heads.get(head);
    if (list) list.push(k);
    else heads.set(head, [k]);
  });
  return heads;
}

// ---------------------------------------------------------------------------------------
// The cost model.

/** Grown-on-demand scratch (alignment runs to completion, so one set serves every call); a huge segment gets its own. */
const SCRATCH_MAX = 1 << 16;
let scratchMarkE = new Int32Array(64);
let scratchMarkZ = new Int32Array(64);
let scratchCost = new Float64Array(256);
let scratchBack = new Int8Array(256);
let scratchBonus = new Float64Array(64);
let stamp = 0;

/** The length term of a bead: English length le against Chinese length lz (English equivalent) at the segment's ratio. */
function lengthCost(le: number, lz: number, ratio: number): number {
  const ez = ratio * lz;
  const r = Math.log((le + 2) / (ez + 2));
  const sigma = Math.sqrt(LENGTH_SPREAD + LENGTH_SPREAD_SHORT / ((le + ez) / 2 + 1));
  return Math.abs(r) / sigma;
}

/** A segment's English characters per English-equivalent character of its Chinese, leaning on HAN_RATIO when short. */
function segmentRatio(en: Side, zh: Side): number {
  let sumE = 0;
  let sumZ = 0;
  for (let u = 0; u < en.n; u++) sumE += en.len[u]!;
  for (let u = 0; u < zh.n; u++) sumZ += zh.len[u]!;
  return (sumE + SEGMENT_RATIO_WEIGHT) / (sumZ + SEGMENT_RATIO_WEIGHT);
}

/** Most a set of Chinese units' marks can take off a bead's cost. */
function markBonus(marks: number): number {
  return (marks & QUESTION ? W_QUESTION : 0) + (marks & EXCLAIM ? W_MARK : 0) + (marks & QUOTE ? W_MARK : 0) + (marks & PERCENT ? W_MARK : 0);
}

/**
 * The cost model of one segment: its length ratio and scratch marks that make the anchor
 * count of a bead O(anchors in the bead) whatever the segment's size.
 */
export class Model {
  private readonly markE: Int32Array;
  private readonly markZ: Int32Array;

  constructor(
    readonly en: Side,
    readonly zh: Side,
    idCount: number,
  ) {
    this.ratio = segmentRatio(en, zh);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: own arrays or the grown scratch, both zeroed and read under a fresh stamp: a memory choice only.
    if (idCount > SCRATCH_MAX) {
      this.markE = new Int32Array(idCount);
      this.markZ = new Int32Array(idCount);
    } else {
      if (scratchMarkE.length < idCount) {
        // Stryker disable next-line ArithmeticOperator: 2 / length only grows the scratch less (to idCount exactly), which still holds every id.
        scratchMarkE = new Int32Array(Math.max(idCount, 2 * scratchMarkE.length));
        scratchMarkZ = new Int32Array(scratchMarkE.length);
        stamp = 0;
      }
      this.markE = scratchMarkE;
      this.markZ = scratchMarkZ;
    }
  }

  /** English characters per English-equivalent character of the Chinese, for this segment. */
  readonly ratio: number;

  length(le: number, lz: number): number {
    return lengthCost(le, lz, this.ratio);
  }

  /**
   * Length, anchor and paragraph-crossing cost of English units [e0, e1) against Chinese units
   * [z0, z1) of zh (the segment's Chinese side or a sentence's clause pieces), both sides
   * non-empty. Never below minus the bonusOf() sum of the Chinese units.
   */
  pair(e0: number, e1: number, zh: Side, z0: number, z1: number): number {
    const en = this.en;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: the stamp nears 2^31 only after that many bead costings in one process, which no test or page reaches; resetting earlier (true, <) only re-zeroes marks a fresh stamp ignores anyway.
    if (stamp >= 0x7fffffff) {
      this.markE.fill(0);
      this.markZ.fill(0);
      stamp = 0;
    }
    const s = ++stamp;
    const { markE, markZ } = this;
    let le = 0;
    let lz = 0;
    let marksE = 0;
    let marksZ = 0;
    let cross = 0;
    let eNums = 0;
    let eWords = 0;
    for (let u = e0; u < e1; u++) {
      le += en.len[u]!;
      marksE |= en.marks[u]!;
      if (u > e0 && en.para[u] !== en.para[u - 1]) cross = PARAGRAPH_CROSS;
      const ids = en.ids[u];
      if (!ids) continue;
      for (const id of ids) {
        if (markE[id] === s) continue;
        markE[id] = s;
        if (id & 1) eWords++;
        else eNums++;
      }
    }
    let mNums = 0;
    let mWords = 0;
    let zNums = 0;
    let zWords = 0;
    for (let u = z0; u < z1; u++) {
      lz += zh.len[u]!;
      marksZ |= zh.marks[u]!;
      if (u > z0 && zh.para[u] !== zh.para[u - 1]) cross += PARAGRAPH_CROSS;
      const ids = zh.ids[u];
      if (!ids) continue;
      for (const id of ids) {
        if (markZ[id] === s) continue;
        markZ[id] = s;
        const shared = markE[id] === s;
        if (id & 1) shared ? mWords++ : zWords++;
        else shared ? mNums++ : zNums++;
      }
    }
    const both = marksE & marksZ;
    const oneSided = marksE ^ marksZ;
    let marks = 0;
    if (both & QUESTION) marks -= W_QUESTION;
    if (oneSided & QUESTION) marks += W_QUESTION;
    for (let bit = EXCLAIM; bit <= PERCENT; bit <<= 1) {
      if (both & bit) marks -= W_MARK;
      if (oneSided & bit) marks += W_MARK;
    }
    const anchors =
      -W_MATCH * (mNums + mWords) + W_ZH_ONLY * (zNums + zWords) + W_EN_ONLY_NUMBER * (eNums - mNums) + W_EN_ONLY_WORD * (eWords - mWords) + marks;
    return this.length(le, lz) + anchors + cross;
  }

  /** The most a Chinese unit can take off a bead's cost: every anchor matched, every mark shared. */
  bonusOf(u: number): number {
    return W_MATCH * (this.zh.ids[u]?.length ?? 0) + markBonus(this.zh.marks[u]!);
  }
}

// ---------------------------------------------------------------------------------------
// The DP over sentence beads.

export interface RawBead {
  e0: number;
  e1: number;
  z0: number;
  z1: number;
}

const INF = Number.POSITIVE_INFINITY;
/** Kinds in the order the DP tries them: one-sided first (their cost is the prior alone), so a finite best bounds the rest. */
const TRY_ORDER = Int32Array.of(3, 4, 0, 1, 2, 5, 6, 7);
/** Slack for the pruning bound against rounding (costs are sums of a few dozen terms near 1). */
const BOUND_SLACK = 1e-9;

/**
 * Beads over the model's n English and m Chinese units, in order, covering each unit once.
 * Row i keeps the Chinese positions lo(i)..lo(i)+width-1: all of them for small segments, a
 * band around the diagonal i·m/n for large ones. The band's centre moves m/n columns a row
 * and 0-1 beads move along a row, so a half-width of BAND_HALF_WIDTH + ⌈m/n⌉ makes the bands
 * of consecutive rows overlap and keeps the corner (n, m) inside; cells stay about
 * 50·n + 2·m, linear whatever the shape.
 *
 * A cell keeps its cheapest bead, a tie going to the kind listed first in KINDS. With prune,
 * a two-sided kind whose cost cannot beat the cell's best (prior, minus the most its Chinese
 * units' anchors and marks could take off) is not costed: the result is the same, which a
 * test checks against prune = false.
 */
export function alignUnits(model: Model, prune = true): RawBead[] {
  const zh = model.zh;
  const n = model.en.n;
  const m = zh.n;
  const full = (n + 1) * (m + 1) <= BAND_FROM;
  const half = full ? 0 : BAND_HALF_WIDTH + Math.ceil(m / Math.max(1, n));
  const width = full ? m + 1 : 2 * half + 1;
  const lo = full ? undefined : new Int32Array(n + 1);
  if (lo) for (let i = 0; i <= n; i++) lo[i] = Math.round((i * m) / Math.max(1, n)) - half;
  const loOf = (i: number) => (lo ? lo[i]! : 0);
  const size = (n + 1) * width;
  let cost: Float64Array;
  let back: Int8Array;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: own arrays or the (grown) scratch, both filled over [0, size) before use: a memory choice only.
  if (size > SCRATCH_MAX) {
    cost = new Float64Array(size);
    back = new Int8Array(size);
  } else {
    if (scratchCost.length < size) {
      // Stryker disable next-line ArithmeticOperator: 2 / length only grows the scratch less (to size exactly), which still holds every cell.
      scratchCost = new Float64Array(Math.max(size, 2 * scratchCost.length));
      scratchBack = new Int8Array(scratchCost.length);
    }
    cost = scratchCost;
    back = scratchBack;
  }
  cost.fill(INF, 0, size);
  // Stryker disable next-line UnaryOperator: every cell the path back reads was written by the DP below (the origin is never read), so the fill value is never seen.
  back.fill(-1, 0, size);
  // bonus[j]: the most Chinese units [0, j) could take off, for the pruning bound.
  // Stryker disable next-line all: bonus only feeds the pruning bound; any size or reuse slip leaves entries undefined, the bound NaN, and a NaN bound prunes nothing (same beads).
  const bonus = m + 1 <= scratchBonus.length ? scratchBonus : m + 1 > SCRATCH_MAX ? new Float64Array(m + 1) : (scratchBonus = new Float64Array(Math.max(m + 1, 2 * scratchBonus.length)));
  bonus[0] = 0;
  for (let j = 0; j < m; j++) bonus[j + 1] = bonus[j]! + model.bonusOf(j);
  cost[-loOf(0)] = 0;
  for (let i = 0; i <= n; i++) {
    // Stryker disable next-line MethodExpression: cells left of column 0 (min) are skipped by every kind (dj > j) and stay INF, as filled.
    const jFrom = Math.max(0, loOf(i));
    // Stryker disable next-line MethodExpression: max computes columns past m (never read: a cell reads only columns at or left of its own) or spills past the band into the next row's cells, which that row then overwrites or never reads (columns below 0 or past m).
    const jTo = Math.min(m, loOf(i) + width - 1);
    for (let j = jFrom; j <= jTo; j++) {
      if (i === 0 && j === 0) continue;
      let best = INF;
      // Stryker disable next-line UnaryOperator: never stored: every cell in the band has a reached neighbour with a finite cost (see the path back below) and costs stay finite, so the first kind tried from it sets arg.
      let arg = -1;
      for (let t = 0; t < TRY_ORDER.length; t++) {
        const k = TRY_ORDER[t]!;
        const di = KE[k]!;
        const dj = KZ[k]!;
        // Stryker disable next-line LogicalOperator: a kind reaching before row or column 0 finds no finite cell (an unfilled column is INF, a row before 0 gives undefined and a NaN cost, never below best), so skipping on one or both gives the same beads.
        if (di > i || dj > j) continue;
        const pc = j - dj - loOf(i - di);
        if (pc < 0 || pc >= width) continue;
        const prev = cost[(i - di) * width + pc]!;
        if (prev === INF) continue;
        let c = prev + PRIOR[k]!;
        if (di > 0 && dj > 0) {
          // Stryker disable next-line ConditionalExpression: the bound is exact (the prune test checks prune = true against false), so pruning or not gives the same beads.
          if (prune) {
            const low = c - (bonus[j]! - bonus[j - dj]!) - BOUND_SLACK;
            if (low > best || (low === best && k > arg)) continue;
          }
          c += model.pair(i - di, i, zh, j - dj, j);
        }
        if (c < best || (c === best && k < arg)) {
          best = c;
          arg = k;
        }
      }
      const q = i * width + (j - loOf(i));
      cost[q] = best;
      back[q] = arg;
    }
  }
  const beads: RawBead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const c = j - loOf(i);
    // Stryker disable next-line LogicalOperator,UnaryOperator: c is always inside the band on the path back (see below), so && and || agree and the -1 is never taken.
    const k = c >= 0 && c < width ? back[i * width + c]! : -1;
    // Stryker disable next-line BlockStatement: never entered (see below).
    if (k < 0) {
      // Not reached (a band too narrow for the shape): take one unit alone, losing nothing.
      // Stryker disable all: unreachable. Every cell inside the band is reached (row 0 by 0-1 beads; row i from row i-1 by a 1-0 bead, since consecutive bands overlap: lo grows at most ⌈m/n⌉ + 1 < 2·half a row), costs stay finite, and the corner (n, m) lies in the last band, so the path back never meets k < 0.
      if (i > 0) {
        beads.push({ e0: i - 1, e1: i, z0: j, z1: j });
        i--;
      } else {
        beads.push({ e0: i, e1: i, z0: j - 1, z1: j });
        j--;
      }
      continue;
    }
    // Stryker restore all: (here, leading a statement: at the end of the block above it led none, and Stryker never applied it, leaving the rest of the file disabled)
    beads.push({ e0: i - KE[k]!, e1: i, z0: j - KZ[k]!, z1: j });
    i -= KE[k]!;
    j -= KZ[k]!;
  }
  return beads.reverse();
}

/** Prior cost of g English sentences against one Chinese sentence (or a piece of one). */
const PRIOR_G1 = [INF, PRIOR_11, PRIOR[1]!, PRIOR[6]!];
const PIECES = new Side();

/**
 * A bead of several English sentences against one Chinese sentence, cut at the Chinese
 * clause marks where that explains the English better: a DP over (English sentences used,
 * Chinese pieces used) whose groups are 1-1, 2-1 or 3-1, each cut inside the sentence paying
 * WEAK_CUT. The bead as it was is one of its paths, so the result is never worse. Returns the
 * English ranges and Chinese texts per group, or undefined to keep the bead.
 */
function refine(model: Model, space: AnchorSpace, e0: number, e1: number, zu: number): Array<{ e0: number; e1: number; zh: string }> | undefined {
  const sentence = model.zh.text(zu);
  const cuts = clauseCuts(sentence);
  const K = cuts.length + 1;
  if (cuts.length === 0 || K > MAX_PIECES) return undefined;
  const bounds = [0, ...cuts, sentence.length];
  const pieces = PIECES;
  pieces.reset([sentence]);
  for (let c = 0; c < K; c++) pieces.add(0, bounds[c]!, bounds[c + 1]!);
  scanChinese(pieces, space);
  const a = e1 - e0;
  const W = K + 1;
  const cost = new Float64Array((a + 1) * W).fill(INF);
  const back = new Int32Array((a + 1) * W).fill(-1);
  cost[0] = 0;
  for (let t = 1; t <= a; t++) {
    for (let q = 1; q <= K; q++) {
      let best = INF;
      let arg = -1;
      // Stryker disable next-line MethodExpression: t <= 3 (only 2-1 and 3-1 beads are refined), and a g past t reads before row 0: undefined, a NaN cost, never best.
      for (let g = 1; g <= Math.min(3, t); g++) {
        for (let q0 = 0; q0 < q; q0++) {
          const prev = cost[(t - g) * W + q0]!;
          if (prev === INF) continue;
          let c = prev + PRIOR_G1[g]! + model.pair(e0 + t - g, e0 + t, pieces, q0, q);
          // Stryker disable next-line EqualityOperator: <= or >= adds WEAK_CUT to every path's last group as well (each path ends at q = K once), a shift that changes no choice.
          if (q < K) c += WEAK_CUT;
          if (c < best) {
            best = c;
            arg = g * W + q0;
          }
        }
      }
      cost[t * W + q] = best;
      back[t * W + q] = arg;
    }
  }
  const groups: Array<{ e0: number; e1: number; zh: string }> = [];
  let t = a;
  let q = K;
  while (t > 0) {
    const arg = back[t * W + q]!;
    const g = Math.floor(arg / W);
    const q0 = arg % W;
    groups.push({ e0: e0 + t - g, e1: e0 + t, zh: sentence.slice(bounds[q0], bounds[q]).trim() });
    t -= g;
    q = q0;
  }
  if (groups.length < 2) return undefined;
  return groups.reverse();
}

// ---------------------------------------------------------------------------------------
// Entry points.

const EN = new Side();
const ZH = new Side();
const SPACE = new AnchorSpace();

/** Splits and scans one segment into EN and ZH (the module's scratch sides) and returns its model (for tests). */
export function segmentModel(enParas: readonly string[], zhParas: readonly string[]): Model {
  splitInto(EN, enParas);
  splitInto(ZH, zhParas);
  return scanSegment();
}

/** Anchors, marks and lengths of the split EN and ZH sides, and their model. */
function scanSegment(): Model {
  SPACE.reset();
  scanChinese(ZH, SPACE);
  let zhNumbers = false;
  for (let u = 0; u < ZH.n && !zhNumbers; u++) for (const id of ZH.ids[u] ?? []) if (!(id & 1)) zhNumbers = true;
  scanEnglish(EN, SPACE, zhNumbers);
  // Stryker disable next-line LogicalOperator: without Chinese numbers smallNumberUnmatched() finds no unmatched one and is false, so || gives the same.
  if (zhNumbers && smallNumberUnmatched()) scanEnglishWords(EN, SPACE);
  return new Model(EN, ZH, SPACE.size);
}

/**
 * Whether the split EN and ZH sides pair one to one on lengths alone: as many sentences on
 * each side, and every pair's length cost at most CLEAR_LENGTH at the segment's ratio. Then
 * every other bead sequence pays at least a merge's or an omission's prior more (≥ 2.8) for
 * no better length, and only anchors against the pairs could change that — anchors are looked
 * for where lengths leave a doubt, which also spares their scan on most segments.
 */
function clearlyOneToOne(): boolean {
  if (EN.n !== ZH.n) return false;
  for (let u = 0; u < EN.n; u++) EN.len[u] = EN.end[u]! - EN.start[u]!;
  chineseLengths(ZH);
  const ratio = segmentRatio(EN, ZH);
  for (let u = 0; u < EN.n; u++) if (lengthCost(EN.len[u]!, ZH.len[u]!, ratio) > CLEAR_LENGTH) return false;
  return true;
}

/** The English-equivalent length of each Chinese unit (as scanChinese measures it, without its anchors). */
function chineseLengths(side: Side): void {
  for (let u = 0; u < side.n; u++) {
    const text = side.paras[side.para[u]!]!;
    let han = 0;
    let latin = 0;
    for (let i = side.start[u]!, e = side.end[u]!; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x4e00 && c <= 0x9fff) han++;
      else if (c < 0x80) {
        if (isAsciiAlnum(c)) latin++;
      } else if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
      else if (c >= 0xd840 && c <= 0xd8bf) {
        han++;
        i++;
      }
    }
    side.len[u] = HAN_RATIO * han + LATIN_RATIO * latin;
  }
}

/**
 * The sentence beads of one segment: its English and Chinese paragraphs split into sentences
 * and aligned, keys in `order`. Each side's sentences, concatenated in bead order, give its
 * paragraphs with only whitespace between sentences left out; every bead holds at least one
 * sentence.
 */
// Stryker disable next-line ArrayDeclaration,StringLiteral: only order[0] === 'zh' is read, and [] or '' there reads the same as 'en'.
export function alignSentences(enParas: readonly string[], zhParas: readonly string[], order: readonly SegmentLang[] = ['en', 'zh']): SentenceBead[] {
  const zhFirst = order[0] === 'zh';
  const bead = (en: string[], zh: string[]): SentenceBead => (zhFirst ? { zh, en } : { en, zh });
  splitInto(EN, enParas);
  splitInto(ZH, zhParas);
  const out: SentenceBead[] = [];
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path: with one side empty the DP gives the same beads, each sentence alone (if (true) is killed by the tests).
  if (EN.n === 0 || ZH.n === 0) {
    // Untranslated paragraphs: each sentence stands alone.
    for (let u = 0; u < EN.n; u++) out.push(bead([EN.text(u)], []));
    for (let u = 0; u < ZH.n; u++) out.push(bead([], [ZH.text(u)]));
    return out;
  }
  if (EN.n === 1 && ZH.n === 1) return [bead([EN.text(0)], [ZH.text(0)])];
  if (clearlyOneToOne()) {
    for (let u = 0; u < EN.n; u++) out.push(bead([EN.text(u)], [ZH.text(u)]));
    return out;
  }
  const model = scanSegment();
  const texts = (side: Side, from: number, to: number) => {
    const t: string[] = [];
    for (let u = from; u < to; u++) t.push(side.text(u));
    return t;
  };
  for (const b of alignUnits(model)) {
    if (b.e1 - b.e0 >= 2 && b.z1 - b.z0 === 1) {
      const groups = refine(model, SPACE, b.e0, b.e1, b.z0);
      if (groups) {
        for (const g of groups) out.push(bead(texts(EN, g.e0, g.e1), [g.zh]));
        continue;
      }
    }
    out.push(bead(texts(EN, b.e0, b.e1), texts(ZH, b.z0, b.z1)));
  }
  return out;
}

/** The anchors of one text, as the aligner sees them (for tests): numbers, Latin words (Chinese only), marks, length. */
export function textAnchors(text: string, lang: SegmentLang): { nums: number[]; words: string[]; marks: number; len: number } {
  const side = new Side();
  const space = new AnchorSpace();
  side.reset([text]);
  side.add(0, 0, text.length);
  if (lang === 'zh') scanChinese(side, space);
  else {
    scanEnglish(side, space, true);
    scanEnglishWords(side, space);
  }
  const ids = side.ids[0] ?? [];
  return { nums: ids.filter((id) => !(id & 1)).map((id) => space.valueOf(id)), words: ids.filter((id) => id & 1).map((id) => space.words[(id - 1) / 2]!), marks: side.marks[0]!, len: side.len[0]! };
}

