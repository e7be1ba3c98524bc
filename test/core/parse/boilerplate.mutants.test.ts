/**
 * Learnt boilerplate (lambdas/core/parse/boilerplate.ts), from its first mutation run
 * (84.44%): which units may be learnt at each of their limits (length, heading level, link
 * density, a chrome verdict given or not), the label-line verdict a unit carries, the article
 * window's last unit, a page left with one language, and counts that drop back to no page.
 */
import { describe, expect, it } from 'vitest';
import { LINK_LIST_DENSITY, SHORT_LINE, TOP_HEADING_LEVEL } from '../../../lambdas/core/parse/heuristics.js';
import { isCandidateLine, isMetadataLine, LineCounts, lineFingerprint, normalizeLine, pageBoilerplate, stripBoilerplate } from '../../../lambdas/core/parse/boilerplate.js';
import { unit as makeUnit } from './units.js';

const BODY = 'Readers can find the full series on our website every Friday.';
const unit = makeUnit;

describe('lines compared across pages', () => {
  it('fold runs of whitespace to one space, so lines differing there share a fingerprint and others do not', () => {
    expect(normalizeLine(' a \t\n b ')).toBe('a b');
    expect(lineFingerprint('a  b')).toBe(lineFingerprint('a b'));
    expect(lineFingerprint('ab')).not.toBe(lineFingerprint('a b'));
  });
});

describe('isCandidateLine at its limits', () => {
  it('takes a short body line in English or Chinese, not one in neither', () => {
    expect(isCandidateLine(unit(BODY))).toBe(true);
    expect(isCandidateLine(unit('每周五请在本网站阅读完整系列报道。'))).toBe(true);
    expect(isCandidateLine(unit('— 2 —'))).toBe(false);
  });
  it(`stops at ${SHORT_LINE} characters`, () => {
    const long = (n: number) => (BODY + ' ' + 'more words here '.repeat(20)).slice(0, n - 1) + '.';
    expect(isCandidateLine(unit(long(SHORT_LINE - 1)))).toBe(true);
    expect(isCandidateLine(unit(long(SHORT_LINE)))).toBe(false);
  });
  it(`leaves out headings of level ${TOP_HEADING_LEVEL} and above, not lower ones`, () => {
    expect(isCandidateLine(unit(BODY, { heading: TOP_HEADING_LEVEL }))).toBe(false);
    expect(isCandidateLine(unit(BODY, { heading: TOP_HEADING_LEVEL + 1 }))).toBe(true);
  });
  it(`leaves out link lists: a link density over ${LINK_LIST_DENSITY}`, () => {
    expect(isCandidateLine(unit(BODY, { linkDensity: LINK_LIST_DENSITY }))).toBe(true);
    expect(isCandidateLine(unit(BODY, { linkDensity: LINK_LIST_DENSITY + 0.01 }))).toBe(false);
  });
  it('uses the chrome verdict the unit carries, and asks for one when it carries none', () => {
    expect(isCandidateLine(unit(BODY, { chrome: true }))).toBe(false);
    expect(isCandidateLine(unit('Share this article', { chrome: undefined }))).toBe(false);
  });
});

describe('isMetadataLine and the label-line verdict a unit carries', () => {
  const stamp = '2025-03-29 16:13';
  it('reads a date line as a label line when no verdict is given, and follows a verdict when one is', () => {
    expect(isMetadataLine(stamp, 'zh')).toBe(true);
    expect(isMetadataLine(stamp, 'zh', null)).toBe(false);
    expect(isMetadataLine(BODY, 'en', {})).toBe(true);
    expect(isMetadataLine(BODY, 'en')).toBe(false);
  });
});

describe('pageBoilerplate', () => {
  it('reads the article window up to and including its last unit', () => {
    const units = [unit('Opening line of the story for readers.'), unit(BODY)];
    const page = pageBoilerplate(units, { start: 0, end: 1 }, new Set([lineFingerprint(BODY)]));
    expect([...page.learnt]).toEqual([BODY]);
    expect(page.lines).toHaveLength(2);
  });
});

describe('stripBoilerplate', () => {
  const learnt = new Set(['Promo line']);
  const page = { lines: [], learnt };
  it('keeps every line when the learnt ones are all of one language', () => {
    const body = [
      { text: 'Promo line', lang: 'en' as const },
      { text: '一。', lang: 'zh' as const },
      { text: '二。', lang: 'zh' as const },
      { text: '三。', lang: 'zh' as const },
    ];
    expect(stripBoilerplate(body, page)).toEqual({ body, removed: [] });
  });
  it('removes them when both languages remain', () => {
    const body = [
      { text: 'Promo line', lang: 'en' as const },
      { text: 'One.', lang: 'en' as const },
      { text: '一。', lang: 'zh' as const },
      { text: '二。', lang: 'zh' as const },
    ];
    expect(stripBoilerplate(body, page)).toEqual({ body: body.slice(1), removed: ['Promo line'] });
  });
});

describe('LineCounts with a line that drops back to no page', () => {
  it('no longer offers it, even when one page is enough', () => {
    const counts = new LineCounts(1);
    counts.set('a', ['x']);
    expect([...counts.learntFor('b')]).toEqual(['x']);
    counts.set('a', []);
    expect(counts.count('x')).toBe(0);
    expect([...counts.learntFor('b')]).toEqual([]);
    expect([...counts.learnt()]).toEqual([]);
  });
});
