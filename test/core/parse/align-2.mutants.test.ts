/**
 * align.ts, second round (seed-8 sample): Chinese weekdays read only from Chinese text, and the
 * per-text word search taken when 'İ' lengthens a page on lower-casing. Texts written here.
 */
import { describe, expect, it } from 'vitest';
import { keptWordIds, numbers } from '../../../lambdas/core/parse/align.js';

describe('numbers: weekdays', () => {
  it('a Chinese weekday counts in Chinese text', () => {
    expect(numbers('\u5e02\u573a\u5c06\u4e8e\u661f\u671f\u4e09\u91cd\u65b0\u5f00\u653e\u3002', false)).toEqual(['day3']);
  });

  it('but not when quoted in English text, which reads only English day names', () => {
    expect(numbers('The sign said \u661f\u671f\u4e09 in large letters.', true)).toEqual([]);
    expect(numbers('The market reopens on Wednesday.', true)).toEqual(['day3']);
  });
});

describe('keptWordIds when lower-casing lengthens the page', () => {
  const words = ['ferry', 'times', 'undefined'];

  it('each text is searched on its own and finds only its own words', () => {
    const texts = ['\u0130zmir ferry times stay undefined this week.', 'No timetable yet.'];
    expect(texts.join('').toLowerCase().length).toBeGreaterThan(texts.join('').length);
    expect(keptWordIds(texts, words)).toEqual([[0, 1, 2], []]);
  });

  it('and the same without İ through the joined search', () => {
    expect(keptWordIds(['Izmir ferry times stay undefined this week.', 'No timetable yet.'], words)).toEqual([[0, 1, 2], []]);
  });
});
