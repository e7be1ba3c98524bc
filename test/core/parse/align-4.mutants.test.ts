/**
 * align.ts, fourth round (seed-13 sample): the facing a joined crossed pair records on each
 * kind of page and lead, and the interleaved band's edges, where the row above (or two above)
 * does not reach the cell a bead would start from. Texts written here.
 */
import { describe, expect, it } from 'vitest';
import { alignExplained, alignParagraphs, type Para } from '../../../lambdas/core/parse/align.js';
import { alignPlain } from './plain-align.js';

const E = (text: string): Para => ({ text, lang: 'en' });
const Z = (text: string): Para => ({ text, lang: 'zh' });

// A pair that shares a name and a number (the crossed one), a pair sharing a weekday, and plain pairs.
const bankEn = E('Harlow Bank lent 640 pounds to the rowing club.');
const bankZh = Z('Harlow 银行借给划船俱乐部 640 英镑。');
const schoolEn = E('Schools close early on Friday.');
const schoolZh = Z('周五学校提前放学。');
const mayorEn = E('The mayor opened the bridge today.');
const mayorZh = Z('市长今天为大桥剪彩。');
const riverEn = E('The river is calm.');
const riverZh = Z('河面很平静。');

/** The crossed bead's evidence: the one bead that pairs the two paragraphs given. */
function crossed(paras: Para[], en = bankEn, zh = bankZh) {
  const r = alignExplained(paras);
  const e = paras.indexOf(en);
  const z = paras.indexOf(zh);
  const x = r.beads.findIndex((b) => b.en.includes(e));
  expect(r.evidence.filter((v) => v.crossed)).toHaveLength(1);
  expect(r.beads[x]).toMatchObject({ en: [e], zh: [z] });
  expect(r.evidence[x]).toMatchObject({ en: 1, zh: 1, crossed: 1, gap: 0 });
  return r.evidence[x]!;
}

describe('joinCrossed: the facing of a pair joined across another', () => {
  it('English lead, the English half first: facing with the lead (0)', () => {
    expect(crossed([mayorEn, mayorZh, bankEn, schoolEn, schoolZh, bankZh, riverEn, riverZh]).facing).toBe(0);
  });

  it('English lead, the Chinese half first: against the lead (1)', () => {
    expect(crossed([mayorEn, mayorZh, bankZh, schoolEn, schoolZh, bankEn, riverEn, riverZh]).facing).toBe(1);
  });

  it('Chinese lead, the Chinese half first: with the lead (0)', () => {
    expect(crossed([mayorZh, mayorEn, bankZh, schoolZh, schoolEn, bankEn, riverZh, riverEn]).facing).toBe(0);
  });

  it('Chinese lead, the English half first: against the lead (1)', () => {
    expect(crossed([mayorZh, mayorEn, bankEn, schoolZh, schoolEn, bankZh, riverZh, riverEn]).facing).toBe(1);
  });

  it('a block page has no lead: facing 0 although the English comes first', () => {
    // The aligner keeps the bank pair (two anchors) in order; the school pair (one weekday) is the one joined across it.
    const paras = [bankEn, schoolEn, schoolZh, bankZh];
    expect(alignExplained(paras).layout).toBe('block');
    expect(crossed(paras, schoolEn, schoolZh)).toMatchObject({ facing: 0, block: true });
  });
});

describe('the interleaved band where a row starts beyond the rows above', () => {
  // Two English paragraphs with five copies of the Chinese between them: the second English
  // paragraph's row of the band starts past where the first's (and the row before it) end.
  const en = E('Tern 7 docks');
  const zh = (): Para => Z('Tern 7 号船');
  const paras = [zh(), en, zh(), zh(), zh(), zh(), E('Tern 7 docks'), zh()];

  it('each English paragraph takes the Chinese that follows it (English lead)', () => {
    const beads = alignParagraphs(paras).beads.map((b) => [b.en, b.zh]);
    expect(beads.find(([e]) => (e ?? []).includes(1))?.[1]?.[0]).toBe(2);
    expect(beads.at(-1)).toEqual([[6], [7]]);
    expect(beads.filter(([e]) => (e ?? []).length > 0)).toHaveLength(2);
  });

  it('and agrees with the plain aligner', () => {
    expect(alignParagraphs(paras)).toEqual(alignPlain(paras));
  });
});

describe('the interleaved band where a bead would start before the row above begins', () => {
  // Paragraphs rich in shared names: a well-matched bead costs far below zero, so a cell read
  // from the wrong row (one further along the page) would look cheap. Built from a letter
  // pattern: e/z the same text in English/Chinese, E an English paragraph sharing five names.
  const names = 'Alder Birch Cedar Dogwood Elm Fir 100';
  const page = (spec: string): Para[] =>
    [...spec].map((c) => (c === 'e' ? E(`${names} trees stand`) : c === 'E' ? E('Birch Cedar Dogwood Elm Fir Ginkgo Hazel Ivy 107 trees stand') : Z(`${names} 树`)));
  const pairs = (paras: Para[]) => alignParagraphs(paras).beads.map((b) => [b.en, b.zh]);

  it('two Chinese before each of two English paragraphs, then English alone (the row two above, 2-1 beads)', () => {
    const paras = page('zzezzeeeee');
    expect(pairs(paras)).toEqual([
      [[2], [0, 1]],
      [[5], [3, 4]],
      [[6], []],
      [[7], []],
      [[8], []],
      [[9], []],
    ]);
    expect(alignParagraphs(paras)).toEqual(alignPlain(paras));
  });

  it('the English before its Chinese pairs with them; the exact copy takes the last Chinese (the row above, 1-1 and 1-2 beads)', () => {
    const paras = page('ezzzezEe');
    expect(pairs(paras)).toEqual([
      [[0], [1, 2]],
      [[4], [3]],
      [[6], []],
      [[7], [5]],
    ]);
    expect(alignParagraphs(paras)).toEqual(alignPlain(paras));
  });
});
