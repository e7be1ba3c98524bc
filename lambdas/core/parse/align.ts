/**
 * Paragraph alignment. Length alone (Gale & Church 1993) is not enough for news
 * translations, so each bead's cost adds evidence both sides share — numbers, Latin names
 * and acronyms left inside the Chinese — and the page's own order: in an interleaved page a
 * paragraph's translation sits right beside it, so beads never cross a pair of runs.
 */
import { countScripts, type Lang } from './lang.js';

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

interface Feat {
  len: number;
  /** For Chinese: Latin words and numbers it contains. For English: its words and numbers. */
  tokens: Set<string>;
  nums: Set<string>;
  /** The same sets as arrays: the DP iterates them for every cell, and arrays iterate faster. */
  tokenList: string[];
  numList: string[];
}

function feat(len: number, tokens: Set<string>, nums: Set<string>): Feat {
  return { len, tokens, nums, tokenList: [...tokens], numList: [...nums] };
}

/** English characters per Chinese text, measured on news translations (Han ≈ 3.5, Latin ≈ 0.85). */
const HAN_RATIO = 3.5;
const LATIN_RATIO = 0.85;

type BeadKind = [number, number];
const KINDS: Array<{ k: BeadKind; prior: number }> = [
  { k: [1, 1], prior: -Math.log(0.82) },
  { k: [1, 2], prior: -Math.log(0.08) },
  { k: [2, 1], prior: -Math.log(0.04) },
  { k: [1, 0], prior: -Math.log(0.025) },
  { k: [0, 1], prior: -Math.log(0.02) },
];

const SCALE: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, bn: 1e9, k: 1e3 };

/** English number words a Chinese translation writes as digits ("four soldiers" → 4名官兵). "one" is left out: it is mostly a pronoun. */
const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};
const NUMBER_WORD = /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b/gi;

const ZH_DIGIT: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** Chinese numerals before a measure word ("三个岛国", "十二名"): the number a translation keeps. "一" is left out: it is mostly an article. */
const ZH_NUMBER = /([两二三四五六七八九]?十[一二三四五六七八九]?|[两二三四五六七八九])(?=[个名位家项次年天岁人国架艘座条所支辆种批座枚颗])/g;

function zhNumeral(s: string): number {
  const t = s.indexOf('十');
  if (t < 0) return ZH_DIGIT[s] ?? 0;
  const tens = t === 0 ? 1 : ZH_DIGIT[s[0]!] ?? 1;
  const ones = t === s.length - 1 ? 0 : ZH_DIGIT[s[s.length - 1]!] ?? 0;
  return tens * 10 + ones;
}

function numbers(text: string, english = false): Set<string> {
  const out = new Set<string>();
  if (!english) {
    ZH_NUMBER.lastIndex = 0;
    for (let m = ZH_NUMBER.exec(text); m; m = ZH_NUMBER.exec(text)) {
      const v = zhNumeral(m[1]!);
      if (v > 1) out.add(String(v));
    }
  }
  if (english) {
    NUMBER_WORD.lastIndex = 0;
    for (let m = NUMBER_WORD.exec(text); m; m = NUMBER_WORD.exec(text)) out.add(String(NUMBER_WORDS[m[1]!.toLowerCase()]));
  }
  const re = /(\d[\d,]*(?:\.\d+)?)\s*(万|萬|亿|億|thousand|million|billion|trillion|bn|m\b|k\b)?/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[1]!.replace(/,(?=\d{3}\b)/g, '').replace(/,$/, '');
    const v = Number(raw);
    if (!Number.isFinite(v)) continue;
    out.add(String(v));
    const scale = m[2] ? SCALE[m[2].toLowerCase()] : undefined;
    if (scale) out.add(String(Math.round(v * scale)));
  }
  return out;
}

/** Latin words, lower-cased; single letters too (a Chinese text that names "字母 w" means it). */
const WORD = /[A-Za-z]+(?:[-.][A-Za-z]+)*/g;
function latinWords(text: string): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) out.push(m[0].toLowerCase());
  return out;
}

const isAsciiLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/** Up to this many kept words, searching each one beats scanning every English word. */
const FEW_KEPT = 12;

const isLower = (c: number) => c >= 0x61 && c <= 0x7a;

/**
 * The kept words that are whole WORD matches of lower (already lower-cased), found by
 * indexOf. An occurrence is a match when no letter, nor a '-' or '.' joined to a letter,
 * touches it on either side: a kept word is itself a complete match of WORD.
 */
function keptWordsByIndexOf(lower: string, words: Set<string>, out: Set<string>): void {
  const n = lower.length;
  for (const w of words) {
    for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
      const b = at > 0 ? lower.charCodeAt(at - 1) : 0;
      if (isLower(b) || ((b === 0x2d || b === 0x2e) && at > 1 && isLower(lower.charCodeAt(at - 2)))) continue;
      const q = at + w.length;
      const c = q < n ? lower.charCodeAt(q) : 0;
      if (isLower(c) || ((c === 0x2d || c === 0x2e) && q + 1 < n && isLower(lower.charCodeAt(q + 1)))) continue;
      out.add(w);
      break;
    }
  }
}

/** Hash of a lower-cased word's char codes, the same one keptWords computes while scanning. */
function wordHash(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  return h;
}

/** The kept words and their hashes, built once per page. */
export interface KeepIndex {
  words: Set<string>;
  hashes: Set<number>;
}

export function keepIndex(words: Set<string>): KeepIndex {
  const hashes = new Set<number>();
  for (const w of words) hashes.add(wordHash(w));
  return { words, hashes };
}

/**
 * The WORD matches of the lower-cased text that keep holds, added to out. A char-code scan
 * hashing as it goes (this ran for every word of every English paragraph): only a match whose
 * hash a kept word has is sliced. İ and the Kelvin sign lower-case to ASCII letters and so
 * move the word boundaries: such text takes the regex path.
 */
function keptWords(text: string, keep: KeepIndex, out: Set<string>): void {
  if (keep.words.size <= FEW_KEPT) {
    keptWordsByIndexOf(text.toLowerCase(), keep.words, out);
    return;
  }
  if (text.includes('\u0130') || text.includes('\u212a')) {
    const lower = text.toLowerCase();
    WORD.lastIndex = 0;
    for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) if (keep.words.has(m[0])) out.add(m[0]);
    return;
  }
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!isAsciiLetter(c)) {
      i++;
      continue;
    }
    const start = i;
    let h = 0;
    for (;;) {
      while (i < n && isAsciiLetter((c = text.charCodeAt(i)))) {
        h = (Math.imul(h, 31) + (c | 0x20)) | 0;
        i++;
      }
      c = i < n ? text.charCodeAt(i) : 0;
      if ((c === 0x2d || c === 0x2e) && i + 1 < n && isAsciiLetter(text.charCodeAt(i + 1))) {
        h = (Math.imul(h, 31) + c) | 0;
        i++;
      } else break;
    }
    if (keep.hashes.has(h)) {
      const w = text.slice(start, i).toLowerCase();
      if (keep.words.has(w)) out.add(w);
    }
  }
}

export function features(p: Para, keep?: KeepIndex): Feat {
  const nums = numbers(p.text, p.lang === 'en');
  if (p.lang === 'en') {
    const tokens = new Set<string>();
    if (!keep) for (const w of latinWords(p.text)) tokens.add(w);
    else if (keep.words.size > 0) keptWords(p.text, keep, tokens);
    return feat(p.text.length, tokens, nums);
  }
  const { han, latin, digits } = countScripts(p.text);
  const tokens = new Set(latinWords(p.text));
  return feat(HAN_RATIO * han + LATIN_RATIO * (latin + digits) + 1, tokens, nums);
}

/**
 * Length evidence as a Laplace cost on the log length ratio. Gale & Church's normal model is
 * too sure of itself on news translations, whose ratio varies widely (0.5–1.7): a loose
 * translation must not be split into an untranslated pair. Short texts vary more.
 */
function lengthCost(le: number, lz: number): number {
  const r = Math.log((le + 1) / (lz + 1));
  const sigma = Math.sqrt(0.015 + 2 / ((le + lz) / 2 + 1));
  return Math.abs(r) / sigma;
}

interface Scored {
  cost: number;
  len: number;
  matched: number;
}

/**
 * Evidence both sides share: reward matches, penalize Latin/numbers in the Chinese that the
 * English lacks. Written allocation-free: it runs for every cell of the DP.
 */
function anchorCost(en: Feat[], e0: number, e1: number, zh: Feat[], z0: number, z1: number): { cost: number; matched: number } {
  if (e0 === e1 || z0 === z1) return { cost: 0, matched: 0 };
  anchorCounts(en, e0, e1, zh, z0, z1);
  return { cost: -1.2 * counts.matched + 1.2 * counts.unmatched + 2 * counts.unmatchedNum + 0.5 * counts.enOnly, matched: counts.matched };
}

/** Scratch for anchorCounts (module-level so the DP allocates nothing per cell). */
const counts = { matched: 0, unmatched: 0, unmatchedNum: 0, enOnly: 0 };

function anchorCounts(en: Feat[], e0: number, e1: number, zh: Feat[], z0: number, z1: number): void {
  let matched = 0;
  let unmatched = 0;
  let unmatchedNum = 0;
  for (let x = z0; x < z1; x++) {
    const f = zh[x]!;
    const toks = f.tokenList;
    for (let q = 0; q < toks.length; q++) {
      const t = toks[q]!;
      let found = false;
      for (let y = e0; y < e1 && !found; y++) found = en[y]!.tokens.has(t);
      if (found) matched++;
      else unmatched++;
    }
    const nums = f.numList;
    for (let q = 0; q < nums.length; q++) {
      const t = nums[q]!;
      let found = false;
      for (let y = e0; y < e1 && !found; y++) found = en[y]!.nums.has(t);
      if (found) matched++;
      else unmatchedNum++;
    }
  }
  let enOnly = 0;
  for (let y = e0; y < e1; y++) {
    const nums = en[y]!.numList;
    for (let q = 0; q < nums.length; q++) {
      const t = nums[q]!;
      let found = false;
      for (let x = z0; x < z1 && !found; x++) found = zh[x]!.nums.has(t);
      if (!found) enOnly++;
    }
  }
  counts.matched = matched;
  counts.unmatched = unmatched;
  counts.unmatchedNum = unmatchedNum;
  counts.enOnly = enOnly;
}

/** beadCost(...).cost without the allocations (the DP needs only the cost). */
function beadCostOnly(kind: BeadKind, prior: number, en: Feat[], e0: number, zh: Feat[], z0: number): number {
  const e1 = e0 + kind[0];
  const z1 = z0 + kind[1];
  let le = 0;
  let lz = 0;
  for (let x = e0; x < e1; x++) le += en[x]!.len;
  for (let x = z0; x < z1; x++) lz += zh[x]!.len;
  const len = kind[0] && kind[1] ? lengthCost(le, lz) : 0;
  let a = 0;
  if (e0 !== e1 && z0 !== z1) {
    anchorCounts(en, e0, e1, zh, z0, z1);
    a = -1.2 * counts.matched + 1.2 * counts.unmatched + 2 * counts.unmatchedNum + 0.5 * counts.enOnly;
  }
  return prior + len + a;
}

export function beadCost(kind: BeadKind, prior: number, en: Feat[], e0: number, zh: Feat[], z0: number): Scored {
  const e1 = e0 + kind[0];
  const z1 = z0 + kind[1];
  let le = 0;
  let lz = 0;
  for (let x = e0; x < e1; x++) le += en[x]!.len;
  for (let x = z0; x < z1; x++) lz += zh[x]!.len;
  const len = kind[0] && kind[1] ? lengthCost(le, lz) : 0;
  const a = anchorCost(en, e0, e1, zh, z0, z1);
  return { cost: prior + len + a.cost, len, matched: a.matched };
}

function confidenceOf(kind: BeadKind, s: Scored): number {
  const typeFactor = kind[0] === 1 && kind[1] === 1 ? 1 : kind[0] && kind[1] ? 0.85 : 0.6;
  let c = Math.exp(-s.len / 4) * typeFactor;
  c = 1 - (1 - c) * Math.pow(0.75, s.matched);
  return Math.round(Math.min(1, Math.max(0.01, c)) * 100) / 100;
}

/**
 * Dynamic programming over beads 1-1, 1-2, 2-1, 1-0, 0-1 between two paragraph lists, in
 * order. Band-limited around the diagonal for long inputs so the cost stays near linear.
 */
/** Extra cost of pairing EN [e0,e1) with ZH [z0,z1) (local indices). */
type PairCost = (e0: number, e1: number, z0: number, z1: number) => number;

/** Which ZH positions j the DP visits for each EN position i (a band keeps it near linear). */
type Band = (i: number) => [number, number];

/** Bead costs of the cells inside a band, stored row by row (the band is a sliver of the grid). */
interface BandMemo {
  values: Float64Array;
  /** Per EN position i: first slot of row i, and the first ZH position j the row holds. */
  off: Int32Array;
  lo: Int32Array;
}

function bandMemo(n: number, m: number, band: Band): BandMemo {
  const off = new Int32Array(n + 1);
  const lo = new Int32Array(n + 1);
  let size = 0;
  for (let i = 0; i <= n; i++) {
    const [jlo, jhi] = band(i);
    const a = Math.max(0, jlo);
    const b = Math.min(m, jhi);
    off[i] = size;
    lo[i] = a;
    if (b >= a) size += b - a + 1;
  }
  return { values: new Float64Array(size * KINDS.length).fill(Number.NaN), off, lo };
}

function alignSequences(en: Feat[], zh: Feat[], pairCost?: PairCost, band?: Band, memo?: BandMemo): { beads: Array<{ en: number[]; zh: number[]; confidence: number }>; cost: number } {
  const n = en.length;
  const m = zh.length;
  const W = m + 1;
  const INF = Number.POSITIVE_INFINITY;
  const cost = new Float64Array((n + 1) * W).fill(INF);
  const back = new Int8Array((n + 1) * W).fill(-1);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    const [jlo, jhi] = band ? band(i) : [0, m];
    for (let j = Math.max(0, jlo); j <= Math.min(m, jhi); j++) {
      if (i === 0 && j === 0) continue;
      let best = INF;
      let arg = -1;
      for (let k = 0; k < KINDS.length; k++) {
        const kind = KINDS[k]!.k;
        const di = kind[0];
        const dj = kind[1];
        if (di > i || dj > j) continue;
        const prev = cost[(i - di) * W + (j - dj)]!;
        if (prev === INF) continue;
        // Bead costs do not depend on the lead; both passes share them through memo.
        const slot = memo ? (memo.off[i]! + j - memo.lo[i]!) * KINDS.length + k : 0;
        let bc = memo ? memo.values[slot]! : NaN;
        if (Number.isNaN(bc)) {
          bc = beadCostOnly(KINDS[k]!.k, KINDS[k]!.prior, en, i - di, zh, j - dj);
          if (memo) memo.values[slot] = bc;
        }
        let c = prev + bc;
        if (pairCost && di && dj) c += pairCost(i - di, i, j - dj, j);
        if (c < best) {
          best = c;
          arg = k;
        }
      }
      cost[i * W + j] = best;
      back[i * W + j] = arg;
    }
  }
  const beads: Array<{ en: number[]; zh: number[]; confidence: number }> = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const k = back[i * W + j]!;
    if (k < 0) {
      // Outside the band: fall back to one-sided beads so nothing is lost.
      if (i > 0) beads.push({ en: [--i], zh: [], confidence: 0.01 });
      else beads.push({ en: [], zh: [--j], confidence: 0.01 });
      continue;
    }
    const kind = KINDS[k]!.k;
    const eIdx: number[] = [];
    const zIdx: number[] = [];
    for (let x = i - kind[0]; x < i; x++) eIdx.push(x);
    for (let x = j - kind[1]; x < j; x++) zIdx.push(x);
    const s = beadCost(kind, KINDS[k]!.prior, en, i - kind[0], zh, j - kind[1]);
    beads.push({ en: eIdx, zh: zIdx, confidence: confidenceOf(kind, s) });
    i -= kind[0];
    j -= kind[1];
  }
  beads.reverse();
  return { beads, cost: cost[n * W + m]! };
}

/** Cost per paragraph standing between a paragraph and its translation (interleaved pages). */
const GAP_COST = 2;
/** Cost of a translation placed before its original when the page puts it after (and vice versa). */
const FACING_COST = 3;

export type Layout = 'interleaved' | 'block' | 'single';

interface Run {
  lang: Lang;
  idx: number[];
}

function runsOf(paras: Para[]): Run[] {
  const runs: Run[] = [];
  paras.forEach((p, i) => {
    const last = runs[runs.length - 1];
    if (last && last.lang === p.lang) last.idx.push(i);
    else runs.push({ lang: p.lang, idx: [i] });
  });
  return runs;
}

/** Block layout: (nearly) all of one language, then all of the other. */
export function detectLayout(paras: Para[]): Layout {
  const runs = runsOf(paras);
  if (runs.length <= 1) return 'single';
  if (runs.length === 2) return 'block';
  const sizes = runs.map((r) => r.idx.length).sort((a, b) => b - a);
  const top2 = sizes[0]! + sizes[1]!;
  return sizes[0]! >= 4 && top2 >= 0.75 * paras.length ? 'block' : 'interleaved';
}

/** Align a page's body paragraphs (in page order) into beads. Pure and deterministic. */
export function alignParagraphs(paras: Para[]): { beads: Bead[]; layout: Layout; firstLang: Lang | undefined } {
  // English words matter only if some Chinese paragraph quotes them: keep just those.
  const zhWords = new Set<string>();
  const feats: Feat[] = new Array(paras.length);
  paras.forEach((p, i) => {
    if (p.lang !== 'zh') return;
    const f = features(p);
    for (const t of f.tokens) zhWords.add(t);
    feats[i] = f;
  });
  const keep = keepIndex(zhWords);
  paras.forEach((p, i) => {
    if (p.lang === 'zh') return;
    feats[i] = features(p, keep);
  });
  const layout = detectLayout(paras);
  const firstLang = paras[0]?.lang;
  const enIdx: number[] = [];
  const zhIdx: number[] = [];
  for (let i = 0; i < paras.length; i++) (paras[i]!.lang === 'en' ? enIdx : zhIdx).push(i);
  if (layout !== 'interleaved') {
    const n = enIdx.length;
    const m = zhIdx.length;
    // Long block pages: stay near the diagonal (translations keep the order and rough length).
    const w = Math.max(12, Math.ceil(Math.abs(n - m) + 0.2 * Math.max(n, m)));
    const band: Band | undefined = n * m > 2500 ? (i) => [Math.floor((i * m) / Math.max(1, n)) - w, Math.ceil((i * m) / Math.max(1, n)) + w] : undefined;
    const r = alignSequences(enIdx.map((i) => feats[i]!), zhIdx.map((i) => feats[i]!), undefined, band);
    return { beads: r.beads.map((b) => ({ en: b.en.map((x) => enIdx[x]!), zh: b.zh.map((x) => zhIdx[x]!), confidence: b.confidence })), layout, firstLang };
  }
  // Interleaved: a paragraph's translation sits right beside it, on the side the page's
  // lead language implies. Each bead pays for the paragraphs between its two halves and for
  // facing against the lead; the lead is whichever explains the page at the lower cost.
  const en = enIdx.map((i) => feats[i]!);
  const zh = zhIdx.map((i) => feats[i]!);
  // For the i-th English paragraph, its translation is among the Chinese paragraphs next to
  // it on the page: band the DP around "how many Chinese paragraphs precede it".
  const before: number[] = [];
  let z = 0;
  for (let i = 0; i <= enIdx.length; i++) {
    const pos = i < enIdx.length ? enIdx[i]! : Number.POSITIVE_INFINITY;
    while (z < zhIdx.length && zhIdx[z]! < pos) z++;
    before.push(z);
  }
  const K = 3;
  const band: Band = (i) => [Math.min(before[i]!, i === 0 ? 0 : before[i - 1]!) - K, before[i]! + K];
  const memo = bandMemo(enIdx.length, zhIdx.length, band);
  let best: { beads: Bead[]; cost: number } | undefined;
  for (const lead of ['en', 'zh'] as const) {
    const pairCost: PairCost = (e0, e1, z0, z1) => {
      const eLo = enIdx[e0]!;
      const eHi = enIdx[e1 - 1]!;
      const zLo = zhIdx[z0]!;
      const zHi = zhIdx[z1 - 1]!;
      const enFirst = eHi < zLo;
      const zhFirst = zHi < eLo;
      const gap = enFirst ? zLo - eHi - 1 : zhFirst ? eLo - zHi - 1 : 0;
      // Halves that overlap in page order face both ways: that counts against either lead.
      const facing = (lead === 'en' ? enFirst : zhFirst) ? 0 : 1;
      return GAP_COST * gap + FACING_COST * facing;
    };
    const r = alignSequences(en, zh, pairCost, band, memo);
    if (!best || r.cost < best.cost) {
      best = { beads: r.beads.map((b) => ({ en: b.en.map((x) => enIdx[x]!), zh: b.zh.map((x) => zhIdx[x]!), confidence: b.confidence })), cost: r.cost };
    }
  }
  return { beads: best!.beads, layout, firstLang };
}
