/**
 * Paragraph alignment (lambdas/core/parse/align.ts), from the seed-7 mutation sample: the
 * block-layout rule at its bounds (the longest run's minimum, the two longest runs' share,
 * a longer run pushing the previous longest to second).
 */
import { describe, expect, it } from 'vitest';
import { detectLayout, type Para } from '../../../lambdas/core/parse/align.js';
import type { Lang } from '../../../lambdas/core/parse/lang.js';

/** Paragraphs from runs like 'e4 z2 e1': language and run length. */
const runs = (spec: string): Para[] =>
  spec.split(' ').flatMap((r) => Array.from({ length: Number(r.slice(1)) }, () => ({ lang: (r[0] === 'e' ? 'en' : 'zh') as Lang, text: 'x' })));

describe('detectLayout at its bounds', () => {
  it.each([
    ['', 'single'],
    ['e3', 'single'],
    ['e1 z1', 'block'],
    ['e1 z1 e1', 'interleaved'],
    // The two longest runs hold exactly 75% of the paragraphs: block.
    ['e4 z2 e1 z1', 'block'],
    // Just under 75%.
    ['e4 z1 e1 z1 e1', 'interleaved'],
    // The longest run is only 3 paragraphs: never block with three runs or more.
    ['e3 z3 e1', 'interleaved'],
    ['e4 z3 e1', 'block'],
    // A longer run later makes the earlier longest the second: 4 + 2 of 7.
    ['e2 z4 e1', 'block'],
    ['e1 z4 e2', 'block'],
    ['e1 z1 z1', 'block'],
    ['z4 e1 z1 e1 z1', 'interleaved'],
  ])('%j → %s', (spec, layout) => {
    expect(detectLayout(spec ? runs(spec) : [])).toBe(layout);
  });
});
