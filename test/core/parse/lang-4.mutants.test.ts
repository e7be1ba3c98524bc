// Fourth round on lambdas/core/parse/lang.ts: the CJK punctuation that votes for Chinese is
// counted for the text asked about, not taken from whatever text was scanned last; and the
// character-by-character count (a text holding '\r') reads every character of the same ranges.
import { describe, expect, it } from 'vitest';
import { countScripts, detectLang, scanScripts } from '../../../lambdas/core/parse/lang.js';

/** One Han character and ten Latin letters: English, unless three CJK marks vote for Chinese. */
const mixed = '\u4e2d abcdefghij';
const marked = '\u4e2d\u3002\u3002\u3002 abcdefghij';

describe('detectLang with counts computed earlier', () => {
  it('counts the punctuation of its own text after another text was scanned', () => {
    const counts = countScripts(mixed);
    scanScripts('\u4e2d\u3002\u3002\u3002\u3002\u3002');
    expect(detectLang(mixed, counts)).toBe('en');
    const counts2 = countScripts(marked);
    scanScripts('plain English words only');
    expect(detectLang(marked, counts2)).toBe('zh');
  });

  it('uses the scan just made of the same text', () => {
    expect(detectLang(mixed)).toBe('en');
    expect(detectLang(marked)).toBe('zh');
  });

  it('a text with a raw line break counts its marks character by character', () => {
    expect(detectLang(`${marked}\r`)).toBe('zh');
    expect(detectLang(`${mixed}\r`)).toBe('en');
    expect(scanScripts(`${marked}\r`).punct).toBe(3);
  });
});

describe('CJK punctuation ranges, in both counting paths', () => {
  const inside = [0x3000, 0x3001, 0x303f, 0xff01, 0xff0c, 0xff0f, 0xff1a, 0xff1f];
  const outside = [0x2fff, 0x3040, 0xff00, 0xff10, 0xff19, 0xff20, 0x2e];
  it.each(inside.map((c) => [c.toString(16), String.fromCharCode(c)]))('U+%s counts', (_, ch) => {
    expect(scanScripts(`a${ch}b`).punct).toBe(1);
    expect(scanScripts(`a${ch}\rb`).punct).toBe(1);
    // the count for a text other than the one scanned last
    const counts = countScripts(`\u4e2d abcdefg${ch}${ch}${ch}`);
    scanScripts('x');
    expect(detectLang(`\u4e2d abcdefg${ch}${ch}${ch}`, counts)).toBe('zh');
  });
  it.each(outside.map((c) => [c.toString(16), String.fromCharCode(c)]))('U+%s does not', (_, ch) => {
    expect(scanScripts(`a${ch}b`).punct).toBe(0);
    expect(scanScripts(`a${ch}\rb`).punct).toBe(0);
    const counts = countScripts(`\u4e2d abcdefghij${ch}${ch}${ch}`);
    scanScripts('x');
    expect(detectLang(`\u4e2d abcdefghij${ch}${ch}${ch}`, counts)).toBe('en');
  });
});
