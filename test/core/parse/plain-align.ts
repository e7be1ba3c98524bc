/**
 * The aligner written plainly, as reference for align.ts: anchors as sets of strings, every
 * bead of every cell costed in full (no lower-bound pruning), and a separate dynamic program
 * per lead on interleaved pages (align.ts runs both leads in one pass over bit sets). Same
 * model, same band, same order of floating-point additions, same tie-breaking (the first
 * bead kind in 1-1, 1-2, 2-1, 1-0, 0-1 order keeps a tie), so the beads must come out equal.
 */
import type { Bead, Layout, Para } from '../../../lambdas/core/parse/align.js';
import { detectLayout } from '../../../lambdas/core/parse/align.js';
import { confidenceOf, type BeadEvidence } from '../../../lambdas/core/parse/confidence.js';
import * as H from '../../../lambdas/core/parse/heuristics.js';
import type { Lang } from '../../../lambdas/core/parse/lang.js';
import { latinWordsPlain, loweredWordsPlain, numbersPlain, scanScriptsPlain } from './plain.js';

/** Bead kinds: [English paragraphs, Chinese paragraphs, -log prior]. */
const KINDS: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, -Math.log(H.BEAD_PROBABILITY['1-1'])],
  [1, 2, -Math.log(H.BEAD_PROBABILITY['1-2'])],
  [2, 1, -Math.log(H.BEAD_PROBABILITY['2-1'])],
  [1, 0, -Math.log(H.BEAD_PROBABILITY['1-0'])],
  [0, 1, -Math.log(H.BEAD_PROBABILITY['0-1'])],
];

const common = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;
const union = (a: Set<string>, b: Set<string>) => new Set([...a, ...b]);

function lengthCost(le: number, lz: number): number {
  const r = Math.log((le + 1) / (lz + 1));
  return Math.abs(r) / Math.sqrt(H.LENGTH_VARIANCE + H.LENGTH_VARIANCE_SHORT / ((le + lz) / 2 + 1));
}

/**
 * `full`: on block pages, every cell of the (n + 1)·(m + 1) table, with no band at all — the
 * exact optimum the band approximates (tests compare the two where the band holds the path).
 */
export function alignPlain(paras: Para[], opts: { full?: boolean } = {}): { beads: Bead[]; layout: Layout; firstLang: Lang | undefined; path?: Array<[number, number]> } {
  const layout = detectLayout(paras);
  const enIdx = paras.flatMap((p, i) => (p.lang === 'en' ? [i] : []));
  const zhIdx = paras.flatMap((p, i) => (p.lang === 'en' ? [] : [i]));
  const n = enIdx.length;
  const m = zhIdx.length;
  const enText = enIdx.map((i) => paras[i]!.text);
  const zhText = zhIdx.map((i) => paras[i]!.text);
  // Anchors: the Latin words and numbers of each Chinese paragraph; the numbers of each English
  // one, and those of its words that some Chinese paragraph holds.
  const zhWords = zhText.map((t) => new Set(latinWordsPlain(t)));
  const zhNums = zhText.map((t) => new Set(numbersPlain(t, false)));
  const kept = new Set(zhWords.flatMap((s) => [...s]));
  const enWords = enText.map((t) => new Set([...loweredWordsPlain(t)].filter((w) => kept.has(w))));
  const enNums = enText.map((t) => new Set(numbersPlain(t, true)));
  const lenE = enText.map((t) => t.length);
  const lenZ = zhText.map((t) => {
    const c = scanScriptsPlain(t);
    return H.HAN_RATIO * c.han + H.LATIN_RATIO * (c.latin + c.digits) + H.ZH_LENGTH_BASE;
  });

  /** [anchor cost, matched anchors] of two-sided bead kind k at English e0, Chinese z0. */
  const anchor = (k: number, e0: number, z0: number): [number, number] => {
    let mt: number, mn: number, unmatched: number, unmatchedNum: number, enOnly: number;
    if (k === 0) {
      mt = common(zhWords[z0]!, enWords[e0]!);
      mn = common(zhNums[z0]!, enNums[e0]!);
      unmatched = zhWords[z0]!.size - mt;
      unmatchedNum = zhNums[z0]!.size - mn;
      enOnly = enNums[e0]!.size - mn;
    } else if (k === 1) {
      mt = common(zhWords[z0]!, enWords[e0]!) + common(zhWords[z0 + 1]!, enWords[e0]!);
      mn = common(zhNums[z0]!, enNums[e0]!) + common(zhNums[z0 + 1]!, enNums[e0]!);
      unmatched = zhWords[z0]!.size + zhWords[z0 + 1]!.size - mt;
      unmatchedNum = zhNums[z0]!.size + zhNums[z0 + 1]!.size - mn;
      enOnly = enNums[e0]!.size - common(enNums[e0]!, union(zhNums[z0]!, zhNums[z0 + 1]!));
    } else {
      mt = common(zhWords[z0]!, union(enWords[e0]!, enWords[e0 + 1]!));
      mn = common(zhNums[z0]!, union(enNums[e0]!, enNums[e0 + 1]!));
      unmatched = zhWords[z0]!.size - mt;
      unmatchedNum = zhNums[z0]!.size - mn;
      enOnly = enNums[e0]!.size - common(enNums[e0]!, zhNums[z0]!) + enNums[e0 + 1]!.size - common(enNums[e0 + 1]!, zhNums[z0]!);
    }
    const matched = mt + mn;
    return [-H.ANCHOR_MATCH_REWARD * matched + H.ANCHOR_UNMATCHED_WORD_COST * unmatched + H.ANCHOR_UNMATCHED_NUMBER_COST * unmatchedNum + H.ANCHOR_EN_ONLY_NUMBER_COST * enOnly, matched];
  };
  const length = (k: number, e0: number, z0: number): number =>
    k === 0 ? lengthCost(lenE[e0]!, lenZ[z0]!) : k === 1 ? lengthCost(lenE[e0]!, lenZ[z0]! + lenZ[z0 + 1]!) : lengthCost(lenE[e0]! + lenE[e0 + 1]!, lenZ[z0]!);

  // The band: which Chinese positions j each English position i may pair with.
  const lo: number[] = [];
  const hi: number[] = [];
  if (layout !== 'interleaved') {
    // As wide as the length difference plus a share of the longer side, within a cap plus the diagonal's step.
    const wide = Math.max(H.BAND_MIN, Math.ceil(Math.abs(n - m) + H.BAND_SLACK * Math.max(n, m)));
    const w = Math.min(wide, H.BAND_HALF_WIDTH_MAX + Math.ceil(m / Math.max(1, n)));
    const banded = !opts.full && n * m > H.BAND_CELLS;
    for (let i = 0; i <= n; i++) {
      lo.push(banded ? Math.floor((i * m) / Math.max(1, n)) - w : 0);
      hi.push(banded ? Math.ceil((i * m) / Math.max(1, n)) + w : m);
    }
  } else {
    let z = 0;
    let prevBefore = 0;
    for (let i = 0; i <= n; i++) {
      const pos = i < n ? enIdx[i]! : Infinity;
      while (z < m && zhIdx[z]! < pos) z++;
      lo.push(Math.min(z, i === 0 ? 0 : prevBefore) - H.INTERLEAVED_BAND);
      hi.push(z + H.INTERLEAVED_BAND);
      prevBefore = z;
    }
  }

  /** One dynamic program; `lead` adds the interleaved page's position costs for that lead. */
  const run = (lead: 'en' | 'zh' | undefined) => {
    const cost = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
    const back = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-1));
    cost[0]![0] = 0;
    for (let i = 0; i <= n; i++) {
      for (let j = Math.max(0, lo[i]!); j <= Math.min(m, hi[i]!); j++) {
        if (i === 0 && j === 0) continue;
        let best = Infinity;
        let arg = -1;
        KINDS.forEach(([di, dj, prior], k) => {
          if (di > i || dj > j) return;
          const prev = cost[i - di]![j - dj]!;
          let c: number;
          if (di === 0 || dj === 0) c = prev + prior;
          else {
            c = prev + (prior + length(k, i - di, j - dj) + anchor(k, i - di, j - dj)[0]);
            if (lead) {
              const eLo = enIdx[i - di]!;
              const eHi = enIdx[i - 1]!;
              const zLo = zhIdx[j - dj]!;
              const zHi = zhIdx[j - 1]!;
              const enFirst = eHi < zLo;
              const zhFirst = zHi < eLo;
              const gap = enFirst ? zLo - eHi - 1 : zhFirst ? eLo - zHi - 1 : 0;
              c += H.GAP_COST * gap + H.FACING_COST * ((lead === 'en' ? enFirst : zhFirst) ? 0 : 1);
            }
          }
          if (c < best) {
            best = c;
            arg = k;
          }
        });
        cost[i]![j] = best;
        back[i]![j] = arg;
      }
    }
    return { cost: cost[n]![m]!, back };
  };

  let back: number[][];
  let lead: Lang | undefined;
  if (layout !== 'interleaved') back = run(undefined).back;
  else {
    const a = run('en');
    const b = run('zh');
    lead = b.cost < a.cost ? 'zh' : 'en';
    back = b.cost < a.cost ? b.back : a.back;
  }

  const beads: Bead[] = [];
  const evidence: BeadEvidence[] = [];
  let i = n;
  let j = m;
  const path: Array<[number, number]> = [[n, m]];
  while (i > 0 || j > 0) {
    const k = back[i]![j]!;
    // Outside the band: one-sided beads, so that nothing is lost.
    const [di, dj] = k >= 0 ? KINDS[k]! : i > 0 ? [1, 0] : [0, 1];
    const two = di > 0 && dj > 0;
    const en = enIdx.slice(i - di, i);
    const zh = zhIdx.slice(j - dj, j);
    const [cost, matched] = two ? anchor(k, i - di, j - dj) : [0, 0];
    const enFirst = two && en[en.length - 1]! < zh[0]!;
    const zhFirst = two && zh[zh.length - 1]! < en[0]!;
    evidence.push({
      en: di,
      zh: dj,
      length: two ? length(k, i - di, j - dj) : 0,
      ratio: two ? Math.log((en.reduce((s, x) => s + lenE[enIdx.indexOf(x)]!, 0) + 1) / (zh.reduce((s, x) => s + lenZ[zhIdx.indexOf(x)]!, 0) + 1)) : 0,
      matched,
      penalty: two ? cost + H.ANCHOR_MATCH_REWARD * matched : 0,
      gap: two && lead ? (enFirst ? zh[0]! - en[en.length - 1]! - 1 : zhFirst ? en[0]! - zh[zh.length - 1]! - 1 : 0) : 0,
      facing: two && lead ? ((lead === 'en' ? enFirst : zhFirst) ? 0 : 1) : 0,
      chars: [...en, ...zh].reduce((s, x) => s + paras[x]!.text.length, 0),
      block: lead === undefined,
      structure: 0,
    });
    beads.push({ en, zh, confidence: 0 });
    i -= di;
    j -= dj;
    path.push([i, j]);
  }
  beads.reverse();
  evidence.reverse();
  // A translation shown one pair late: [one side] [pair] [the other side] become one pair, when
  // the two share an anchor and beat two one-sided beads by the margin (align.ts joinCrossed).
  for (let x = 0; x + 2 < beads.length; x++) {
    const [p, mid, q] = [beads[x]!, beads[x + 1]!, beads[x + 2]!];
    const oneSide = (b: Bead) => b.en.length + b.zh.length === 1;
    if (!oneSide(p) || !oneSide(q) || p.en.length === q.en.length || mid.en.length === 0 || mid.zh.length === 0) continue;
    const enPara = [...p.en, ...q.en][0]!;
    const zhPara = [...p.zh, ...q.zh][0]!;
    const e = enIdx.indexOf(enPara);
    const z = zhIdx.indexOf(zhPara);
    const [cost, matched] = anchor(0, e, z);
    const len = length(0, e, z);
    const twoOneSided = -Math.log(H.BEAD_PROBABILITY['1-0']) + -Math.log(H.BEAD_PROBABILITY['0-1']);
    if (matched === 0 || -Math.log(H.BEAD_PROBABILITY['1-1']) + len + cost + H.CROSSED_PAIR_MARGIN >= twoOneSided) continue;
    evidence[x] = {
      en: 1,
      zh: 1,
      length: len,
      ratio: Math.log((lenE[e]! + 1) / (lenZ[z]! + 1)),
      matched,
      penalty: cost + H.ANCHOR_MATCH_REWARD * matched,
      gap: 0,
      facing: lead ? ((lead === 'en') === enPara < zhPara ? 0 : 1) : 0,
      chars: paras[enPara]!.text.length + paras[zhPara]!.text.length,
      block: lead === undefined,
      structure: 0,
      crossed: 1,
    };
    beads[x] = { en: [enPara], zh: [zhPara], confidence: 0 };
    beads.splice(x + 2, 1);
    evidence.splice(x + 2, 1);
  }
  beads.forEach((b, x) => (b.confidence = confidenceOf(evidence[x]!, evidence[x - 1], evidence[x + 1], H.CONFIDENCE_MIN)));
  return { beads, layout, firstLang: paras[0]?.lang, ...(opts.full ? { path: path.reverse() } : {}) };
}
