/**
 * Measures beside ../shared/corpus/score.mjs: which predicted segments are right, how well
 * segment confidence is calibrated (ECE) and how well it ranks right above wrong (AUROC),
 * and per-page diffs for --dump. Texts are compared as score.mjs compares them: NFKC, runs of
 * whitespace folded to one space, trimmed; language keys matched on their primary subtag.
 */

export const norm = (s: unknown): string => String(s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];

type Obj = Record<string, unknown>;

/** A language-keyed value (matched on the primary subtag), as score.mjs picks it. */
export function pick(obj: unknown, lang: string): unknown {
  if (!obj || typeof obj !== 'object') return undefined;
  for (const [k, v] of Object.entries(obj as Obj)) if (primary(k) === lang) return v;
  return undefined;
}

/** One side of a segment: its non-empty paragraphs, normalized. */
export function side(seg: unknown, lang: string): string[] {
  const v = pick(seg, lang);
  const list = v == null ? [] : Array.isArray(v) ? v : [v];
  return list.map(norm).filter((t) => t !== '');
}

/** A bead as a key: the same paragraphs on both sides (order inside a side ignored) give the same key. */
export function beadKey(en: readonly string[], zh: readonly string[]): string {
  return `${[...en].sort().join('\u0001')}\u0002${[...zh].sort().join('\u0001')}`;
}

export interface ScoredSegment {
  confidence: number;
  right: boolean;
}

export interface SegmentJudgement {
  /** Segments with a finite confidence in [0, 1]. */
  scored: ScoredSegment[];
  /** All predicted segments (with or without confidence) and how many were right. */
  total: number;
  right: number;
  /** Segments whose confidence was missing or outside [0, 1]. */
  noConfidence: number;
}

/**
 * A predicted segment is right when it equals a gold bead exactly: the same paragraphs on
 * both sides (each gold bead can be matched once).
 */
export function judgeSegments(goldSegments: readonly unknown[], predSegments: readonly unknown[]): SegmentJudgement {
  const pool = new Map<string, number>();
  for (const g of goldSegments) {
    const k = beadKey(side(g, 'en'), side(g, 'zh'));
    pool.set(k, (pool.get(k) ?? 0) + 1);
  }
  const out: SegmentJudgement = { scored: [], total: 0, right: 0, noConfidence: 0 };
  for (const p of predSegments) {
    const en = side(p, 'en');
    const zh = side(p, 'zh');
    if (en.length + zh.length === 0) continue;
    const k = beadKey(en, zh);
    const left = pool.get(k) ?? 0;
    const right = left > 0;
    if (right) pool.set(k, left - 1);
    out.total++;
    if (right) out.right++;
    const c = (p as Obj).confidence;
    if (typeof c === 'number' && Number.isFinite(c) && c >= 0 && c <= 1) out.scored.push({ confidence: c, right });
    else out.noConfidence++;
  }
  return out;
}

/**
 * Expected calibration error with `bins` equal-width bins over [0, 1] (Naeini et al. 2015;
 * Guo et al. 2017): Σ_b (n_b / N) · |accuracy_b − mean confidence_b|, where a confidence of
 * exactly 1 falls in the last bin. Undefined for no segments.
 */
export function ece(items: readonly ScoredSegment[], bins = 10): number | undefined {
  if (items.length === 0) return undefined;
  const n = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const acc = new Array<number>(bins).fill(0);
  for (const it of items) {
    const b = Math.min(bins - 1, Math.floor(it.confidence * bins));
    n[b]!++;
    conf[b]! += it.confidence;
    acc[b]! += it.right ? 1 : 0;
  }
  let e = 0;
  for (let b = 0; b < bins; b++) if (n[b]! > 0) e += (n[b]! / items.length) * Math.abs(acc[b]! / n[b]! - conf[b]! / n[b]!);
  return e;
}

/**
 * Area under the ROC curve of confidence for right (positive) vs wrong segments: the chance
 * that a random right segment has a higher confidence than a random wrong one, ties counted
 * half (the Mann–Whitney U statistic). Undefined when either class is empty.
 */
export function auroc(items: readonly ScoredSegment[]): number | undefined {
  const pos = items.filter((i) => i.right).length;
  const neg = items.length - pos;
  if (pos === 0 || neg === 0) return undefined;
  const sorted = [...items].sort((a, b) => a.confidence - b.confidence);
  let rankSumPos = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.confidence === sorted[i]!.confidence) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (sorted[k]!.right) rankSumPos += avgRank;
    i = j + 1;
  }
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface Calibration {
  segments: number;
  right: number;
  noConfidence: number;
  meanConfidence: number | undefined;
  ece: number | undefined;
  auroc: number | undefined;
}

export function calibration(js: readonly SegmentJudgement[]): Calibration {
  const scored = js.flatMap((j) => j.scored);
  return {
    segments: js.reduce((n, j) => n + j.total, 0),
    right: js.reduce((n, j) => n + j.right, 0),
    noConfidence: js.reduce((n, j) => n + j.noConfidence, 0),
    meanConfidence: scored.length ? scored.reduce((s, i) => s + i.confidence, 0) / scored.length : undefined,
    ece: ece(scored),
    auroc: auroc(scored),
  };
}

/** The metadata fields score.mjs reads, with its comparison (published by instant, names without "name"). */
export const FIELDS: readonly [string, (a: Obj) => unknown][] = [
  ['title.en', (a) => pick(a.title, 'en')],
  ['title.zh', (a) => pick(a.title, 'zh')],
  ['byline.en', (a) => pick(a.byline, 'en')],
  ['byline.zh', (a) => pick(a.byline, 'zh')],
  ['source', (a) => a.source],
  ['editor', (a) => a.editor],
  ['published', (a) => a.published],
  ['authorNote.en', (a) => pick(a.authorNote, 'en')],
  ['authorNote.zh', (a) => pick(a.authorNote, 'zh')],
  ['editorNote.en', (a) => pick(a.editorNote, 'en')],
  ['editorNote.zh', (a) => pick(a.editorNote, 'zh')],
];

export function sameField(name: string, g: unknown, p: unknown): boolean {
  if (name === 'published') {
    if (!g) return !p;
    const t = Date.parse(String(p ?? ''));
    return Number.isFinite(t) && t === Date.parse(String(g));
  }
  const strip = (v: unknown) => norm(typeof v === 'object' && v ? (v as Obj).name : v);
  return strip(g) === strip(p);
}

export interface PageDiff {
  refused?: string;
  missed: { lang: string; text: string }[];
  spurious: { lang: string; text: string }[];
  wrongBeads: { confidence: unknown; en: string[]; zh: string[] }[];
  missedBeads: { en: string[]; zh: string[] }[];
  meta: { field: string; gold: unknown; pred: unknown }[];
}

export function issues(d: PageDiff): number {
  return (d.refused ? 1 : 0) + d.missed.length + d.spurious.length + d.wrongBeads.length + d.missedBeads.length + d.meta.length;
}

/** What a prediction got wrong against its gold: paragraphs, beads and metadata. */
export function diffPage(gold: Obj, pred: Obj | undefined): PageDiff {
  const gsegs = (gold.segments as unknown[]) ?? [];
  const d: PageDiff = { missed: [], spurious: [], wrongBeads: [], missedBeads: [], meta: [] };
  if (!pred || pred.error) {
    d.refused = pred ? String(pred.error) : 'no prediction for this page';
    return d;
  }
  const psegs = Array.isArray(pred.segments) ? (pred.segments as unknown[]) : [];
  for (const lang of ['en', 'zh']) {
    const g = gsegs.flatMap((s) => side(s, lang));
    const p = psegs.flatMap((s) => side(s, lang));
    const left = new Map<string, number>();
    for (const t of p) left.set(t, (left.get(t) ?? 0) + 1);
    for (const t of g) {
      const n = left.get(t) ?? 0;
      if (n > 0) left.set(t, n - 1);
      else d.missed.push({ lang, text: t });
    }
    for (const [t, n] of left) for (let i = 0; i < n; i++) d.spurious.push({ lang, text: t });
  }
  const goldKeys = new Map<string, number>();
  for (const s of gsegs) {
    const k = beadKey(side(s, 'en'), side(s, 'zh'));
    goldKeys.set(k, (goldKeys.get(k) ?? 0) + 1);
  }
  const predKeys = new Map<string, number>();
  for (const s of psegs) {
    const en = side(s, 'en');
    const zh = side(s, 'zh');
    if (en.length + zh.length === 0) continue;
    const k = beadKey(en, zh);
    const n = goldKeys.get(k) ?? 0;
    if (n > 0) goldKeys.set(k, n - 1);
    else d.wrongBeads.push({ confidence: (s as Obj).confidence, en, zh });
    predKeys.set(k, (predKeys.get(k) ?? 0) + 1);
  }
  for (const s of gsegs) {
    const en = side(s, 'en');
    const zh = side(s, 'zh');
    const k = beadKey(en, zh);
    const n = predKeys.get(k) ?? 0;
    if (n > 0) predKeys.set(k, n - 1);
    else d.missedBeads.push({ en, zh });
  }
  for (const [name, get] of FIELDS) {
    const g = get(gold);
    const p = get(pred);
    if (!sameField(name, g, p)) d.meta.push({ field: name, gold: g ?? null, pred: p ?? null });
  }
  return d;
}

export function formatDiff(d: PageDiff, header: string): string {
  const lines = [header];
  const cut = (t: string) => (t.length > 160 ? `${t.slice(0, 157)}…` : t);
  if (d.refused) lines.push(`REFUSED: ${d.refused}`);
  if (d.missed.length) lines.push('', `MISSED paragraphs (gold, not in the prediction): ${d.missed.length}`, ...d.missed.map((m) => `  [${m.lang}] ${cut(m.text)}`));
  if (d.spurious.length) lines.push('', `SPURIOUS paragraphs (predicted, not in the gold): ${d.spurious.length}`, ...d.spurious.map((m) => `  [${m.lang}] ${cut(m.text)}`));
  if (d.wrongBeads.length) {
    lines.push('', `WRONG beads (predicted segments equal to no gold bead): ${d.wrongBeads.length}`);
    for (const b of d.wrongBeads) lines.push(`  confidence ${typeof b.confidence === 'number' ? b.confidence.toFixed(3) : String(b.confidence)}`, ...b.en.map((t) => `    en: ${cut(t)}`), ...b.zh.map((t) => `    zh: ${cut(t)}`));
  }
  if (d.missedBeads.length) {
    lines.push('', `MISSED beads (gold beads no predicted segment equals): ${d.missedBeads.length}`);
    for (const b of d.missedBeads) lines.push('  --', ...b.en.map((t) => `    en: ${cut(t)}`), ...b.zh.map((t) => `    zh: ${cut(t)}`));
  }
  if (d.meta.length) lines.push('', `METADATA wrong: ${d.meta.length}`, ...d.meta.map((m) => `  ${m.field}: gold ${JSON.stringify(m.gold)}  predicted ${JSON.stringify(m.pred)}`));
  return `${lines.join('\n')}\n`;
}
