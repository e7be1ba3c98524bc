/**
 * Sentence aligner (lambdas/core/parse/sentence-align.ts, lines 1-599: anchors, scanning,
 * whole-word search), third round from the seed-9 survivors and their classes: 百分之 with no
 * numeral after it, two-letter Latin words, a day before a month only across a space, and the
 * boundaries of each scan. Every text is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { segmentModel, textAnchors } from '../../../lambdas/core/parse/sentence-align.js';

const zhNums = (t: string) => textAnchors(t, 'zh').nums;
const enNums = (t: string) => textAnchors(t, 'en').nums;

describe('百分之 and the numeral run after it', () => {
  it('百分之 before no numeral is a percent mark but no number', () => {
    expect(zhNums('涨幅达到百分之几。')).toEqual([]);
    expect(zhNums('只说了百分之')).toEqual([]);
    expect(textAnchors('只说了百分之', 'zh').marks).toBe(textAnchors('5%', 'zh').marks);
  });
});

describe('Latin words of a Chinese text', () => {
  it('two letters make a word (UN, AI); one letter does not (A股)', () => {
    expect(textAnchors('联合国UN与AI会议，A股上涨。', 'zh').words).toEqual(['un', 'ai']);
  });
});

describe('a day before a month', () => {
  it('counts across a space only, not across a slash or a hyphen', () => {
    expect(enNums('Born 26/December in the hills.')).toEqual([26]);
    expect(enNums('Born 26-December in the hills.')).toEqual([26]);
    expect(enNums('Born 26 December in the hills.')).toEqual([26, 12]);
  });

  it('needs a digit two places before the month', () => {
    expect(enNums('Snow fell in December again.')).toEqual([]);
    expect(enNums('Snow fell x December again.')).toEqual([]);
  });
});
