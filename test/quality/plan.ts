/**
 * A page plan: the article's beads after damage (these are the gold segments) plus the
 * rendering hints damage needs (a translation shown out of place, chrome lines between
 * paragraphs, hidden text inside paragraphs, the site's recurring boilerplate).
 *
 * Damage kinds, each with its gold:
 *   none           — the article as written.
 *   drop-zh/en     — one translation left out: that bead becomes 1-0 / 0-1.
 *   split          — one paragraph split in two at a sentence boundary (1-1 becomes 1-2 / 2-1).
 *   merge          — two consecutive paragraphs of one language joined: their beads become one.
 *   chrome-inline  — captions, ads, "read more" lines between paragraphs; gold unchanged.
 *   shuffle        — one translation shown after the next pair (E1 E2 Z2 Z1); gold pairs E1-Z1.
 *   hidden-text    — display:none spans inside paragraphs (seen on kekenet); gold is the visible text.
 *   boilerplate    — the site's own promo lines inside the body of every page; gold unchanged.
 */
import type { Bead, Lang, SentBead } from './articles.js';
import type { Rng } from './rng.js';

export const DAMAGE_KINDS = ['none', 'drop-zh', 'drop-en', 'split', 'merge', 'chrome-inline', 'shuffle', 'hidden-text', 'boilerplate'] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

export interface PagePlan {
  beads: Bead[];
  damage: DamageKind;
  /** Bead whose second-language paragraphs are shown after the next bead's. */
  shuffleAt?: number;
  /** Chrome lines shown just before bead i. */
  inlineChrome: Map<number, string[]>;
  /** "bead:lang:paragraph" → where (sentence boundary) and what hidden text to insert. */
  hidden: Map<string, { at: number; text: string }>;
  /** Site boilerplate shown inside the body, above and below the article text. */
  boilerplate: { top: string[]; bottom: string[] };
}

export const other = (l: Lang): Lang => (l === 'en' ? 'zh' : 'en');

const clone = (b: Bead): Bead => ({ en: b.en.map((p) => [...p]), zh: b.zh.map((p) => [...p]), sents: b.sents.map((s) => ({ en: [...s.en], zh: [...s.zh] })) });

export function basePlan(beads: readonly Bead[]): PagePlan {
  return { beads: beads.map(clone), damage: 'none', inlineChrome: new Map(), hidden: new Map(), boilerplate: { top: [], bottom: [] } };
}

const full = (b: Bead) => b.en.length > 0 && b.zh.length > 0;

/** One side dropped: its sentences go, and each remaining sentence stands alone (1-0 / 0-1). */
function dropSide(plan: PagePlan, lang: Lang, rng: Rng): boolean {
  const cands = plan.beads.map((_b, i) => i).filter((i) => full(plan.beads[i]!));
  if (cands.length === 0) return false;
  // Prefer a plain one-paragraph pair: a missing translation of a single paragraph is the common case.
  const simple = cands.filter((i) => plan.beads[i]!.en.length === 1 && plan.beads[i]!.zh.length === 1);
  const i = rng.pick(simple.length > 0 ? simple : cands);
  const b = plan.beads[i]!;
  const keep = other(lang);
  b[lang] = [];
  b.sents = b[keep].flat().map((s): SentBead => (keep === 'en' ? { en: [s], zh: [] } : { en: [], zh: [s] }));
  return true;
}

function splitPara(plan: PagePlan, lang: Lang, rng: Rng): boolean {
  const cands: [number, number][] = [];
  plan.beads.forEach((b, i) => b[lang].forEach((p, j) => p.length >= 2 && cands.push([i, j])));
  if (cands.length === 0) return false;
  const [i, j] = rng.pick(cands);
  const side = plan.beads[i]![lang];
  const p = side[j]!;
  const k = rng.int(1, p.length - 1);
  side.splice(j, 1, p.slice(0, k), p.slice(k));
  return true;
}

function mergeParas(plan: PagePlan, lang: Lang, rng: Rng): boolean {
  const cands = plan.beads.map((_, i) => i).filter((i) => i + 1 < plan.beads.length && plan.beads[i]![lang].length > 0 && plan.beads[i + 1]![lang].length > 0);
  if (cands.length === 0) return false;
  const i = rng.pick(cands);
  const a = plan.beads[i]!;
  const b = plan.beads[i + 1]!;
  const o = other(lang);
  const joined = [...a[lang].slice(0, -1), [...a[lang][a[lang].length - 1]!, ...b[lang][0]!], ...b[lang].slice(1)];
  const merged: Bead = { en: [], zh: [], sents: [...a.sents, ...b.sents] };
  merged[lang] = joined;
  merged[o] = [...a[o], ...b[o]];
  plan.beads.splice(i, 2, merged);
  return true;
}

/**
 * A bead cut wherever a reader would cut it: at every point where both languages are at a
 * paragraph boundary and at a sentence-bead boundary, with text on at least one side of each
 * part. Damage can make a bead coarser than the pairing on the page: splitting the English
 * paragraph of a 1-2 bead at the sentence where the Chinese paragraphs part leaves two 1-1
 * pairs, not one 2-2 bead. Gold segments are the finest beads (the page is rendered from the
 * plan as it stands).
 */
export function finestBeads(b: Bead): Bead[] {
  const ends = (paras: readonly string[][]) => {
    const out = new Set<number>();
    let n = 0;
    for (const p of paras) out.add((n += p.length));
    return out;
  };
  const enEnds = ends(b.en);
  const zhEnds = ends(b.zh);
  const out: Bead[] = [];
  let cur: Bead = { en: [], zh: [], sents: [] };
  let en = 0;
  let zh = 0;
  let enPara = 0;
  let zhPara = 0;
  b.sents.forEach((s, i) => {
    cur.sents.push({ en: [...s.en], zh: [...s.zh] });
    en += s.en.length;
    zh += s.zh.length;
    const last = i === b.sents.length - 1;
    const atEn = en === 0 ? enPara === 0 : enEnds.has(en);
    const atZh = zh === 0 ? zhPara === 0 : zhEnds.has(zh);
    if (!last && !(atEn && atZh)) return;
    // Whole paragraphs up to the boundary go into this part.
    while (enPara < b.en.length && (last || b.en.slice(0, enPara + 1).flat().length <= en)) cur.en.push([...b.en[enPara++]!]);
    while (zhPara < b.zh.length && (last || b.zh.slice(0, zhPara + 1).flat().length <= zh)) cur.zh.push([...b.zh[zhPara++]!]);
    if (cur.en.length + cur.zh.length > 0 || last) {
      out.push(cur);
      cur = { en: [], zh: [], sents: [] };
    }
  });
  if (out.length === 0 || out.some((x) => x.en.length + x.zh.length === 0)) return [b];
  return out;
}

/**
 * Applies one damage kind. Returns false when the article offers no place for it (the caller
 * then picks another kind). `inlinePool` and `hiddenPool` are the site's chrome lines and
 * hidden strings.
 */
export function applyDamage(plan: PagePlan, kind: DamageKind, rng: Rng, inlinePool: readonly string[], hiddenPool: readonly string[]): boolean {
  let ok = true;
  switch (kind) {
    case 'none':
    case 'boilerplate':
      break;
    case 'drop-zh':
      ok = dropSide(plan, 'zh', rng);
      break;
    case 'drop-en':
      ok = dropSide(plan, 'en', rng);
      break;
    case 'split':
      ok = splitPara(plan, rng.chance(0.5) ? 'en' : 'zh', rng) || splitPara(plan, 'en', rng) || splitPara(plan, 'zh', rng);
      break;
    case 'merge':
      ok = mergeParas(plan, rng.chance(0.5) ? 'en' : 'zh', rng);
      break;
    case 'chrome-inline': {
      const slots = rng.sample(plan.beads.map((_, i) => i).slice(1), rng.int(1, 2));
      for (const s of slots) plan.inlineChrome.set(s, [rng.pick(inlinePool)]);
      ok = slots.length > 0;
      break;
    }
    case 'shuffle': {
      const cands = plan.beads.map((_, i) => i).filter((i) => i + 1 < plan.beads.length && full(plan.beads[i]!) && full(plan.beads[i + 1]!));
      if (cands.length === 0) ok = false;
      else plan.shuffleAt = rng.pick(cands);
      break;
    }
    case 'hidden-text': {
      const paras: [number, Lang, number][] = [];
      plan.beads.forEach((b, i) => (['en', 'zh'] as const).forEach((l) => b[l].forEach((_, j) => paras.push([i, l, j]))));
      for (const [i, l, j] of rng.sample(paras, rng.int(2, 4))) {
        const n = plan.beads[i]![l][j]!.length;
        plan.hidden.set(`${i}:${l}:${j}`, { at: rng.int(1, n), text: rng.pick(hiddenPool) });
      }
      break;
    }
  }
  if (ok) plan.damage = kind;
  return ok;
}
