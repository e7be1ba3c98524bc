// Fourth round on lambdas/core/parse/confidence.ts: the "a neighbour short on this side" feature
// reads a neighbouring pair's length ratio toward the side the one-sided bead holds — the
// Chinese side for a Chinese-only bead, the English side for an English-only one.
import { describe, expect, it } from 'vitest';
import { confidenceOf, FEATURE_NAMES, featuresOf, probabilityOf, type BeadEvidence } from '../../../lambdas/core/parse/confidence.js';

const bead = (o: Partial<BeadEvidence>): BeadEvidence => ({ en: 1, zh: 1, length: 0.3, ratio: 0, matched: 2, penalty: 0, gap: 0, facing: 0, chars: 200, block: false, structure: 0, ...o });
const PULL = FEATURE_NAMES.indexOf('a neighbour short on this side');
const zhOnly = bead({ en: 0, zh: 1, length: 0, matched: 0 });
const enOnly = bead({ en: 1, zh: 0, length: 0, matched: 0 });
/** A pair whose Chinese half is short (ratio > 0) or whose English half is (ratio < 0). */
const zhShort = bead({ ratio: 0.5 });
const enShort = bead({ ratio: -0.5 });

describe('a neighbour short on this side', () => {
  it.each([
    ['a Chinese-only bead beside a pair short in Chinese', zhOnly, zhShort, 0.5],
    ['a Chinese-only bead beside a pair short in English', zhOnly, enShort, 0],
    ['an English-only bead beside a pair short in English', enOnly, enShort, 0.5],
    ['an English-only bead beside a pair short in Chinese', enOnly, zhShort, 0],
  ])('%s: %#', (_, b, pair, want) => {
    expect(featuresOf(b, pair, undefined)[PULL]).toBe(want);
    expect(featuresOf(b, undefined, pair)[PULL]).toBe(want);
  });

  it('weighs in confidenceOf as in featuresOf', () => {
    for (const b of [zhOnly, enOnly]) for (const pair of [zhShort, enShort]) {
      const p = probabilityOf(featuresOf(b, pair, undefined));
      expect(confidenceOf(b, pair, undefined, 0)).toBe(Math.round(p * 100) / 100);
    }
    // and the side matters to the result: a Chinese-only bead beside either pair differs
    expect(featuresOf(zhOnly, zhShort, undefined)[PULL]).not.toBe(featuresOf(zhOnly, enShort, undefined)[PULL]);
  });

  it.each([
    ['a neighbour holding English only', bead({ zh: 0, ratio: 0.5 })],
    ['a neighbour holding Chinese only', bead({ en: 0, ratio: 0.5 })],
  ])('is 0 beside %s, whatever its ratio', (_, x) => {
    expect(featuresOf(zhOnly, x, x)[PULL]).toBe(0);
  });

  it('is 0 for a pair itself', () => {
    expect(featuresOf(zhShort, zhShort, zhShort)[PULL]).toBe(0);
  });

  it('takes the larger of the two neighbours, whichever side it stands', () => {
    expect(featuresOf(zhOnly, zhShort, enShort)[PULL]).toBe(0.5);
    expect(featuresOf(zhOnly, enShort, zhShort)[PULL]).toBe(0.5);
    expect(featuresOf(zhOnly, bead({ ratio: 0.2 }), bead({ ratio: 0.7 }))[PULL]).toBe(0.7);
  });
});
