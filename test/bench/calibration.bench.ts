/**
 * Segment confidence as a probability (issue 10, item 5): expected calibration error (10
 * bins) and AUROC of confidence for right vs wrong segments, on the generated quality pages
 * (seed DEFAULT_SEED, as `npm run quality`) of the HELD-OUT articles — never used in fitting —
 * and, beside them, of the fit articles. Parsed in process with each site's boilerplate
 * learnt from its pages of the same half first (test/quality/calibrate.ts segmentData).
 * Targets: held-out ECE ≤ 0.05, AUROC ≥ 0.9. `npm run quality` prints the same figures
 * through the CLI.
 */
import { probabilityOf } from '../../lambdas/core/parse/confidence.js';
import { segmentData } from '../quality/calibrate.js';
import { DEFAULT_SEED } from '../quality/generate.js';
import { auroc, ece, type ScoredSegment } from '../quality/metrics.js';

export async function run(): Promise<void> {
  console.log('pages of       segments  right%  mean conf    ECE   AUROC');
  for (const half of ['heldout', 'fit'] as const) {
    const { x, y } = segmentData([DEFAULT_SEED], half);
    const scored: ScoredSegment[] = x.map((xi, i) => ({ confidence: Math.round(probabilityOf(xi) * 100) / 100, right: y[i] === 1 }));
    const right = y.reduce((s, v) => s + v, 0);
    const mean = scored.reduce((s, v) => s + v.confidence, 0) / scored.length;
    console.log(`${(half === 'fit' ? 'fit articles' : 'held-out').padEnd(14)} ${String(x.length).padStart(8)} ${((100 * right) / x.length).toFixed(1).padStart(7)} ${mean.toFixed(3).padStart(10)} ${ece(scored)!.toFixed(3).padStart(6)} ${auroc(scored)!.toFixed(3).padStart(7)}`);
  }
}
