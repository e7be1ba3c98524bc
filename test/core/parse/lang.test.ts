import { describe, expect, it } from 'vitest';
import { countScripts, detectLang, englishEquivalent } from '../../../lambdas/core/parse/lang.js';

describe('detectLang', () => {
  it.each([
    ['The ship carried 118 medical staff from 11 departments.', 'en'],
    ['医院船搭载来自外科、眼科、口腔科等11个科室的118名医务人员。', 'zh'],
    // Chinese that quotes Latin names heavily is still Chinese.
    ['Scott Robinson 突破，但横向带球，接着 Alan Lithgow 可以更大范围插入接应 Craig Halkett 的头球破门。', 'zh'],
    ['势在必行（Il faut bien le faire）。', 'zh'],
    // English that quotes a Chinese term is still English.
    ['The phrase 人类命运共同体 is often translated as a community with a shared future for mankind.', 'en'],
    ['港口城市試行無人駕駛接駁巴士', 'zh'],
    ['2025-03-29 16:13:28', 'other'],
    ['| — |', 'other'],
  ])('%s → %s', (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});

describe('countScripts / englishEquivalent', () => {
  it('counts Han, Latin and digits', () => {
    expect(countScripts('AB 中文 12')).toEqual({ han: 2, latin: 2, digits: 2 });
  });
  it('counts a CJK-extension surrogate pair once, and a lone high surrogate swallows what follows', () => {
    expect(countScripts('\ud840\udc00a')).toEqual({ han: 1, latin: 1, digits: 0 });
    expect(countScripts('\ud840a')).toEqual({ han: 1, latin: 0, digits: 0 });
  });
  it('counts texts longer than one counting chunk exactly', () => {
    for (const n of [1638, 1639, 1640, 5000]) {
      const text = 'ab1中。'.repeat(n);
      expect(countScripts(text)).toEqual({ han: n, latin: 2 * n, digits: n });
      expect(detectLang(text)).toBe('zh');
      expect(detectLang('abcd1中'.repeat(n))).toBe('en');
    }
  });
  it('weighs a Han character like about three and a half English characters', () => {
    expect(englishEquivalent('中文中文', 'zh')).toBeCloseTo(3.5 * 4 + 1);
    expect(englishEquivalent('abcd', 'en')).toBe(4);
  });
});
