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
    expect(beads.find(([e]) => e.includes(1))?.[1]?.[0]).toBe(2);
    expect(beads.at(-1)).toEqual([[6], [7]]);
    expect(beads.filter(([e]) => e.length > 0)).toHaveLength(2);
  });

  it('and agrees with the plain aligner', () => {
    expect(alignParagraphs(paras)).toEqual(alignPlain(paras));
  });
});
