import { describe, expect, it } from 'vitest';
import type { Bead } from './articles.js';
import { finestBeads } from './plan.js';

const shape = (beads: Bead[]) => beads.map((b) => `${b.en.length}-${b.zh.length}`);

describe('finestBeads (gold segments)', () => {
  it('cuts a 2-2 bead whose paragraphs part where its sentences do into two 1-1 pairs', () => {
    const b: Bead = { en: [['E1.'], ['E2.']], zh: [['Z1。'], ['Z2。']], sents: [{ en: ['E1.'], zh: ['Z1。'] }, { en: ['E2.'], zh: ['Z2。'] }] };
    const out = finestBeads(b);
    expect(shape(out)).toEqual(['1-1', '1-1']);
    expect(out[1]).toEqual({ en: [['E2.']], zh: [['Z2。']], sents: [{ en: ['E2.'], zh: ['Z2。'] }] });
  });

  it('keeps a bead whose paragraphs do not part at the same sentence (a 1-2 bead, a merged paragraph)', () => {
    const oneTwo: Bead = { en: [['E1.', 'E2.']], zh: [['Z1。'], ['Z2。']], sents: [{ en: ['E1.'], zh: ['Z1。'] }, { en: ['E2.'], zh: ['Z2。'] }] };
    expect(finestBeads(oneTwo)).toEqual([oneTwo]);
    const crossing: Bead = { en: [['E1.'], ['E2.']], zh: [['Z1。'], ['Z2。']], sents: [{ en: ['E1.', 'E2.'], zh: ['Z1。', 'Z2。'] }] };
    expect(finestBeads(crossing)).toEqual([crossing]);
  });

  it('cuts off an untranslated paragraph at a sentence boundary (1-1 + 1-0)', () => {
    const b: Bead = { en: [['E1.'], ['E2.']], zh: [['Z1。']], sents: [{ en: ['E1.'], zh: ['Z1。'] }, { en: ['E2.'], zh: [] }] };
    expect(shape(finestBeads(b))).toEqual(['1-1', '1-0']);
  });
});
