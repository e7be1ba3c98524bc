/** The harness's measures on hand-computed cases: bead matching, ECE, AUROC, page diffs. */
import { describe, expect, it } from 'vitest';
import { auroc, calibration, diffPage, ece, judgeSegments } from './metrics.js';

const gold = [
  { en: ['One.'], zh: ['一。'] },
  { en: ['Two.', 'Three.'], zh: ['二三。'] },
  { en: ['Four.'], zh: [] },
];

describe('judgeSegments', () => {
  it('a segment is right when it holds exactly a gold bead; order inside a side, spacing and width do not matter', () => {
    const j = judgeSegments(gold, [
      { en: ['One.'], zh: ['一。'], confidence: 0.9 },
      { en: ['Three.', ' Two. '], zh: ['二三。'], confidence: 0.8 },
      { en: ['Four.'], zh: ['ＸＹ'], confidence: 0.7 },
      { en: [], zh: [], confidence: 0.1 },
    ]);
    expect(j.total).toBe(3);
    expect(j.right).toBe(2);
    expect(j.scored.map((s) => s.right)).toEqual([true, true, false]);
  });

  it('matches each gold bead once, and counts segments without a usable confidence', () => {
    const j = judgeSegments(gold, [
      { en: ['One.'], zh: ['一。'] },
      { en: ['One.'], zh: ['一。'], confidence: 1.5 },
      { zh: ['一。'], en: ['One.'], confidence: 0.5 },
    ]);
    expect(j.right).toBe(1);
    expect(j.noConfidence).toBe(2);
    expect(j.scored).toEqual([{ confidence: 0.5, right: false }]);
  });
});

describe('ece', () => {
  it('is |accuracy - confidence| weighted by bin size', () => {
    expect(ece([{ confidence: 0.9, right: true }, { confidence: 0.9, right: false }])).toBeCloseTo(0.4);
    // bin [0.2,0.3): conf 0.25, acc 0 → 0.25; bin [0.9,1]: conf 1.0 (last bin), acc 1 → 0; weights 1/2 each
    expect(ece([{ confidence: 0.25, right: false }, { confidence: 1, right: true }])).toBeCloseTo(0.125);
  });

  it('uses equal-width bins: 0.11 and 0.19 share [0.1, 0.2)', () => {
    expect(ece([{ confidence: 0.11, right: false }, { confidence: 0.19, right: true }])).toBeCloseTo(0.35);
  });

  it('is 0 when every bin is calibrated, undefined with no segments', () => {
    const bin = (c: number, right: number, n: number) => [...Array(n)].map((_, i) => ({ confidence: c, right: i < right }));
    expect(ece([...bin(0.5, 1, 2), ...bin(0.75, 3, 4)])).toBeCloseTo(0);
    expect(ece([])).toBeUndefined();
  });
});

describe('auroc', () => {
  it.each([
    ['separated', [0.9, 0.8], [0.2, 0.1], 1],
    ['reversed', [0.1, 0.2], [0.8, 0.9], 0],
    ['all tied', [0.5, 0.5], [0.5], 0.5],
    ['one swap of four pairs', [0.9, 0.4], [0.5, 0.1], 0.75],
  ] as const)('%s', (_n, pos, neg, want) => {
    expect(auroc([...pos.map((c) => ({ confidence: c, right: true })), ...neg.map((c) => ({ confidence: c, right: false }))])).toBeCloseTo(want);
  });

  it('is undefined without both right and wrong segments', () => {
    expect(auroc([{ confidence: 0.4, right: true }])).toBeUndefined();
    expect(calibration([]).auroc).toBeUndefined();
  });
});

describe('diffPage', () => {
  it('lists missed and spurious paragraphs, wrong and missed beads, and wrong metadata', () => {
    const g = { title: { en: 'T', zh: '题' }, byline: { en: 'Lin Qiao' }, published: '2025-08-02T18:45:00+08:00', segments: gold };
    const p = {
      title: { en: 'T', zh: '题' },
      published: '2025-08-02T10:45:00Z',
      segments: [{ en: ['One.'], zh: ['一。'] }, { en: ['Two.'], zh: ['二三。', '广告'], confidence: 0.6 }, { en: ['Four.'] }],
    };
    const d = diffPage(g, p);
    expect(d.missed).toEqual([{ lang: 'en', text: 'Three.' }]);
    expect(d.spurious).toEqual([{ lang: 'zh', text: '广告' }]);
    expect(d.wrongBeads).toEqual([{ confidence: 0.6, en: ['Two.'], zh: ['二三。', '广告'] }]);
    expect(d.missedBeads).toEqual([{ en: ['Two.', 'Three.'], zh: ['二三。'] }]);
    expect(d.meta).toEqual([{ field: 'byline.en', gold: 'Lin Qiao', pred: null }]);
  });

  it('reports a refused page with its reason', () => {
    expect(diffPage({ segments: gold }, { input: 'x', error: 'x: not bilingual' }).refused).toBe('x: not bilingual');
  });
});
