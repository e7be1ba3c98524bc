// Fourth round on lambdas/core/parse/sentences.ts: the letter classes at their edges (A Z a z
// À Þ × ß ÿ ÷) as initials and as a continuing lower-case start; the abbreviation look-back
// stopping at the sentence start even when a half-width stop glued to Han ends the sentence
// before; the opener word's 16-character bound; initials and acronyms from their token alone.
import { describe, expect, it } from 'vitest';
import { isInitialOrAcronym, splitSentences, wordAt } from '../../../lambdas/core/parse/sentences.js';

describe('a capital letter and a period before a name is an initial', () => {
  it.each(['A', 'Z', '\u00c0', '\u00de', 'M'])('%s. stays with the name after it', (l) => {
    const text = `They met ${l}. Wang at the port.`;
    expect(splitSentences(text)).toEqual([text]);
  });

  it.each(['\u00d7', '\u00bf', '@', '['])('%s. is no initial: the sentence ends there', (l) => {
    expect(splitSentences(`They met ${l}. Wang at the port.`)).toEqual([`They met ${l}.`, 'Wang at the port.']);
  });

  it.each(['a', 'z', '\u00df', '\u00ff'])('lower-case %s after a stop continues the sentence', (l) => {
    const text = `It closed at 5 p.m. ${l}ero hour came later.`;
    expect(splitSentences(text)).toEqual([text]);
    const plain = `The shop shut. ${l}ebras came.`;
    expect(splitSentences(plain)).toEqual([plain]);
  });

  it.each(['`', '{', '\u00f7', '\u00de'])('%s after a stop starts a new sentence', (l) => {
    expect(splitSentences(`The shop shut. ${l}ebras came.`)).toHaveLength(2);
  });
});

describe('the abbreviation look-back stops at the sentence start', () => {
  it('a half-width stop glued to Han before "Dr." does not join the token', () => {
    expect(splitSentences('\u6211\u4eec\u5230\u4e86.Dr. Wang met us there.')).toEqual(['\u6211\u4eec\u5230\u4e86.', 'Dr. Wang met us there.']);
    expect(splitSentences('\u6211\u4eec\u5230\u4e86.Dr. The car was late.')).toEqual(['\u6211\u4eec\u5230\u4e86.', 'Dr.', 'The car was late.']);
  });

  it('at the text start too', () => {
    expect(splitSentences('Dr. Wang met us there.')).toEqual(['Dr. Wang met us there.']);
  });
});

describe('wordAt', () => {
  it('reads letters and apostrophes, at most 16 of them', () => {
    expect(wordAt('Internationalization rose', 0)).toBe('Internationaliza');
    expect(wordAt('x Abcdefghijklmnop', 2)).toBe('Abcdefghijklmnop');
    expect(wordAt('x Abcdefghijklmno', 2)).toBe('Abcdefghijklmno');
    expect(wordAt('It\u2019s late', 0)).toBe("It's");
    expect(wordAt('The', 0)).toBe('The');
    expect(wordAt('Then, more', 0)).toBe('Then');
  });
});

describe('isInitialOrAcronym', () => {
  it.each(['U', 'U.S', 'a.m', 'Ph.D', 'e.g', 'U.N'])('%s is one', (t) => expect(isInitialOrAcronym(t)).toBe(true));
  it.each(['u', 'US', 'U-S', 'U.S-A', '.S', 'U..S', 'U.', 'Abc.D', 'U.S1', '1'])('%s is not', (t) => expect(isInitialOrAcronym(t)).toBe(false));
});
