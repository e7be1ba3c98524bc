import { describe, expect, it } from 'vitest';
import { alignExplained, type Para } from '../../../lambdas/core/parse/align.js';
import { CALIBRATION } from '../../../lambdas/core/parse/calibration.generated.js';
import { confidenceOf, FEATURE_NAMES, featuresOf, probabilityOf, type BeadEvidence } from '../../../lambdas/core/parse/confidence.js';
import { CONFIDENCE_MIN } from '../../../lambdas/core/parse/heuristics.js';
import { parseArticle } from '../../../lambdas/core/parse/index.js';
import { fitLogistic } from '../../quality/calibrate.js';

const bead = (o: Partial<BeadEvidence>): BeadEvidence => ({ en: 1, zh: 1, length: 0.3, ratio: 0.1, matched: 2, penalty: 0, gap: 0, facing: 0, chars: 300, block: false, structure: 0, ...o });

describe('segment confidence', () => {
  it('has one coefficient per feature, and features of that length', () => {
    expect(CALIBRATION.coefficients).toHaveLength(FEATURE_NAMES.length);
    expect(featuresOf(bead({}), undefined, undefined)).toHaveLength(FEATURE_NAMES.length);
  });

  it('is the logistic of the coefficients times the features, in hundredths within CONFIDENCE_MIN..1-CONFIDENCE_MIN', () => {
    const beads = [bead({}), bead({ en: 1, zh: 0, chars: 20, length: 0, matched: 0 }), bead({ length: 9, gap: 4, facing: 1 }), bead({ en: 0, zh: 1 }), bead({ en: 2, length: 1.7, ratio: 0.8 }), bead({ ratio: -0.6 }), bead({ oddSentences: 0.5, unevenSentences: 0.75 }), bead({ structure: 1, length: 0, matched: 0 }), bead({ crossed: 1, matched: 0 }), bead({ marks: 2 }), bead({ en: 0, zh: 1, chars: 80, length: 0, matched: 0, unpairedNear: 1 })];
    const around = [undefined, ...beads];
    for (const b of beads) for (const prev of around) for (const next of around) {
      const x = featuresOf(b, prev, next);
      const z = x.reduce((s, v, i) => s + v * CALIBRATION.coefficients[i]!, 0);
      const c = confidenceOf(b, prev, next, CONFIDENCE_MIN);
      expect(c).toBe(Math.round(Math.min(1 - CONFIDENCE_MIN, Math.max(CONFIDENCE_MIN, 1 / (1 + Math.exp(-z)))) * 100) / 100);
      expect(c).toBeGreaterThanOrEqual(CONFIDENCE_MIN);
      expect(c).toBeLessThanOrEqual(1 - CONFIDENCE_MIN);
    }
  });

  it('trusts a clean translated pair more than one far apart with lengths that disagree', () => {
    const good = confidenceOf(bead({}), bead({}), bead({}), CONFIDENCE_MIN);
    const bad = confidenceOf(bead({ length: 6, gap: 3, facing: 1, matched: 0, penalty: 2 }), bead({ en: 0 }), bead({ zh: 0 }), CONFIDENCE_MIN);
    expect(good).toBeGreaterThan(0.8);
    expect(bad).toBeLessThan(good - 0.3);
  });

  it('trusts a pair less when its sentences find no partners (paragraphs that are not translations of each other)', () => {
    const p = (o: Partial<BeadEvidence>) => probabilityOf(featuresOf(bead(o), undefined, undefined));
    expect(p({ oddSentences: 0.5, unevenSentences: 0.5 })).toBeLessThan(p({ oddSentences: 0, unevenSentences: 0 }));
    expect(p({ oddSentences: 0, unevenSentences: 0.5 })).toBeLessThan(p({ oddSentences: 0, unevenSentences: 0 }));
  });

  it('reads the sentence beads into a two-sided pair\'s confidence in parseArticle', () => {
    const page = (zh2: string) =>
      `<html><head><title>Ports shut as typhoon nears</title></head><body><h1>Ports shut as typhoon nears</h1><h1>台风逼近 港口停工</h1>` +
      `<p>Ports along the coast suspended operations on Saturday as the typhoon approached. Gusts reached 162 kilometers per hour.</p>` +
      `<p>台风逼近，沿海各港口周六暂停作业。${zh2}</p></body></html>`;
    const withPartner = parseArticle({ bytes: page('阵风最高达每小时162公里。'), explain: true });
    if (!withPartner.ok) throw new Error(withPartner.reason);
    const row = withPartner.features![0]!;
    expect(row[FEATURE_NAMES.indexOf('one-sided sentence share')]).toBe(0);
    expect(row[FEATURE_NAMES.indexOf('not 1-1 sentence share')]).toBe(0);
    // The Chinese leaves the second English sentence out: a sentence bead that is not 1-1.
    const without = parseArticle({ bytes: page(''), explain: true });
    if (!without.ok) throw new Error(without.reason);
    expect(without.features![0]![FEATURE_NAMES.indexOf('not 1-1 sentence share')]).toBeGreaterThan(0);
    expect(without.article.segments[0]!.confidence).toBeLessThan(withPartner.article.segments[0]!.confidence!);
  });

  it("gives a page's correct pairs, with shared numbers, a high confidence", () => {
    const E = (text: string): Para => ({ text, lang: 'en' });
    const Z = (text: string): Para => ({ text, lang: 'zh' });
    const { beads } = alignExplained([
      E('Ports along the coast suspended operations on Saturday as the typhoon approached, with gusts of up to 162 kilometers per hour.'),
      Z('8月2日，台风逼近，沿海各港口暂停作业。气象部门预警称，阵风最高可达每小时162公里。'),
      E('More than 86,000 people were moved to safety by Saturday evening, the provincial government said.'),
      Z('省政府表示，截至周六晚间，已有8.6万余人转移至安全地带。'),
    ]);
    expect(beads.map((b) => [b.en.length, b.zh.length])).toEqual([[1, 1], [1, 1]]);
    for (const b of beads) expect(b.confidence).toBeGreaterThan(0.7);
  });
});

describe('fitLogistic (npm run calibrate)', () => {
  it('recovers the coefficients that generated the labels', () => {
    // Deterministic pseudo-random data from known coefficients.
    let s = 12345;
    const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const truth = [-0.5, 2, -1.5];
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const xi = [1, rnd() * 4 - 2, rnd() * 4 - 2];
      x.push(xi);
      y.push(rnd() < probabilityOf(xi, truth) ? 1 : 0);
    }
    const w = fitLogistic(x, y, 0);
    w.forEach((v, i) => expect(Math.abs(v - truth[i]!)).toBeLessThan(0.25));
  });
});
