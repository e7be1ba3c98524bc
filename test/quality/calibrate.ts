/**
 * `npm run calibrate`: fits segment confidence (lambdas/core/parse/confidence.ts) and writes
 * its coefficients to lambdas/core/parse/calibration.generated.ts.
 *
 * The fit set is the generated quality pages (test/quality/generate.ts) of the FIT articles
 * only (01-08), for the seeds in SEEDS: held-out pages are never parsed here. Each page is
 * parsed in process with `explain` after its site's boilerplate was learnt from the site's fit
 * pages (as `duofeed parse` learns from a site's pages given together), each segment labelled right when it equals a gold bead
 * (metrics.ts judgeSegments, as the quality harness judges), and a logistic regression is
 * fitted by Newton's method with a small ridge penalty. Deterministic: the same articles,
 * seeds and parser give the same file byte for byte. Re-run it after any change to the
 * parser that moves segments or their evidence.
 *
 *   tsx test/quality/calibrate.ts [--check] [--cv]
 *     --check: exit 1 if the file would change; --cv: also print leave-one-fit-article-out ECE and AUROC
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FEATURE_NAMES, probabilityOf } from '../../lambdas/core/parse/confidence.js';
import { LineCounts } from '../../lambdas/core/parse/boilerplate.js';
import { parseArticle } from '../../lambdas/core/parse/index.js';
import { DEFAULT_SEED, generateSet } from './generate.js';
import { auroc, ece, judgeSegments, type ScoredSegment } from './metrics.js';

const REPO = resolve(import.meta.dirname, '../..');
const OUT = join(REPO, 'lambdas/core/parse/calibration.generated.ts');
/** Seeds of the fit pages: several renderings of the fit articles, for more segments to fit on. */
export const SEEDS = [DEFAULT_SEED + 1, DEFAULT_SEED + 2, DEFAULT_SEED + 3];
/** Ridge penalty on every coefficient but the bias (keeps unused features, such as structure before any page has it, at 0). */
const RIDGE = 1;
const ITERATIONS = 50;

/**
 * Features and right/wrong of every segment of one half's pages: 'fit' to fit on; 'heldout'
 * only to measure (the bench's calibration row), never to fit.
 */
export function segmentData(seeds: readonly number[], half: 'fit' | 'heldout'): { x: number[][]; y: number[]; article: string[] } {
  const x: number[][] = [];
  const y: number[] = [];
  const article: string[] = [];
  for (const seed of seeds) {
    const dir = mkdtempSync(join(tmpdir(), 'duofeed-calibrate-'));
    try {
      const set = generateSet(dir, { seed });
      const fit = set.pages.filter((p) => p.set === half);
      const bytesOf = (p: (typeof fit)[number]) => new Uint8Array(readFileSync(join(dir, p.path)));
      // As `duofeed parse` does given a site's pages at once (what the quality harness runs):
      // learn each site's boilerplate from its pages of this half only, then parse again.
      const counts = new Map<string, LineCounts>();
      for (const p of fit) {
        const first = parseArticle({ bytes: bytesOf(p), path: p.path, boilerplate: new Set() });
        if (!first.ok) continue;
        let c = counts.get(p.site);
        if (!c) counts.set(p.site, (c = new LineCounts()));
        c.set(first.article.id, first.boilerplate?.lines ?? []);
      }
      const learnt = new Map([...counts].map(([site, c]) => [site, c.learnt()]));
      for (const p of fit) {
        const gold = JSON.parse(readFileSync(join(dir, 'gold', `${p.file}.json`), 'utf8')) as { segments?: unknown[] };
        const r = parseArticle({ bytes: bytesOf(p), path: p.path, boilerplate: learnt.get(p.site) ?? new Set(), explain: true });
        if (!r.ok || !r.features) continue;
        const j = judgeSegments(gold.segments ?? [], r.article.segments);
        if (j.scored.length !== r.features.length) throw new Error(`${p.path}: ${j.scored.length} judged segments, ${r.features.length} feature rows`);
        j.scored.forEach((s, i) => {
          x.push(r.features![i]!);
          y.push(s.right ? 1 : 0);
          article.push(p.article);
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { x, y, article };
}

/** Solves A·v = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const v = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * v[k]!;
    v[r] = s / M[r]![r]!;
  }
  return v;
}

/** Ridge-penalised logistic regression by Newton's method (iteratively reweighted least squares). */
export function fitLogistic(x: readonly number[][], y: readonly number[], ridge = RIDGE, iterations = ITERATIONS): number[] {
  const d = x[0]?.length ?? FEATURE_NAMES.length;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      const p = probabilityOf(xi, w);
      const r = p - y[i]!;
      const s = Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < d; a++) {
        g[a]! += r * xi[a]!;
        for (let b = 0; b < d; b++) H[a]![b]! += s * xi[a]! * xi[b]!;
      }
    }
    for (let a = 1; a < d; a++) {
      g[a]! += ridge * w[a]!;
      H[a]![a]! += ridge;
    }
    H[0]![0]! += 1e-9;
    const step = solve(H, g);
    w = w.map((v, a) => v - step[a]!);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return w;
}

function render(w: number[], stats: string): string {
  const rows = w.map((v, i) => `    ${v.toFixed(4)}, // ${FEATURE_NAMES[i]}`).join('\n');
  return `// Generated by \`npm run calibrate\` (test/quality/calibrate.ts): do not edit by hand.
// Logistic-regression coefficients of segment confidence (confidence.ts FEATURE_NAMES order),
// fitted on the generated pages of the fit articles only (seeds ${SEEDS.join(', ')}).
// ${stats}
export const CALIBRATION = {
  coefficients: [
${rows}
  ] as readonly number[],
} as const;
`;
}

/** Leave-one-article-out over the fit articles: how the model does on an article it was not fitted on. */
function crossValidate(x: number[][], y: number[], article: string[]): string {
  const scored: ScoredSegment[] = [];
  for (const a of [...new Set(article)].sort()) {
    const w = fitLogistic(x.filter((_, i) => article[i] !== a), y.filter((_, i) => article[i] !== a));
    x.forEach((r, i) => {
      if (article[i] === a) scored.push({ confidence: Math.round(probabilityOf(r, w) * 100) / 100, right: y[i] === 1 });
    });
  }
  return `Leave-one-fit-article-out: ECE ${ece(scored)!.toFixed(3)}, AUROC ${auroc(scored)!.toFixed(3)}.`;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const { x, y, article } = segmentData(SEEDS, 'fit');
  if (argv.includes('--cv')) process.stdout.write(`${crossValidate(x, y, article)}\n`);
  const w = fitLogistic(x, y).map((v) => Number(v.toFixed(4)));
  const scored: ScoredSegment[] = x.map((xi, i) => ({ confidence: Math.round(probabilityOf(xi, w) * 100) / 100, right: y[i] === 1 }));
  const right = y.reduce((s, v) => s + v, 0);
  const stats = `Fit set: ${x.length} segments, ${((100 * right) / x.length).toFixed(1)}% right; on it ECE ${ece(scored)!.toFixed(3)}, AUROC ${auroc(scored)!.toFixed(3)}.`;
  const text = render(w, stats);
  const before = readFileSync(OUT, 'utf8');
  process.stdout.write(`${stats}\n`);
  if (check) {
    if (before !== text) {
      process.stderr.write(`${OUT} is out of date: run npm run calibrate\n`);
      return 1;
    }
    return 0;
  }
  writeFileSync(OUT, text);
  process.stdout.write(`${before === text ? 'unchanged' : 'wrote'} ${OUT}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = main(process.argv.slice(2));
