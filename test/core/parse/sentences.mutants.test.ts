/**
 * Sentence splitting (lambdas/core/parse/sentences.ts), from the seed-7 mutation sample: each
 * character that continues a sentence after an English stop, each space and closer kind, the
 * abbreviation token's limits (length, glued to a word, an opening bracket before it), initials
 * and acronyms, list numbers, half-width stops after Han (a CJK extension character too),
 * trailing whitespace, stray marks, and clause cuts beside digits.
 */
import { describe, expect, it } from 'vitest';
import { clauseCuts, isSpace, sentenceEnds, splitSentences } from '../../../lambdas/core/parse/sentences.js';

describe('after an English stop, what the next text starts with', () => {
  it.each([
    ['a comma', 'It rose 5. , then fell.'],
    ['a semicolon', 'It ended. ; then more.'],
    ['a colon', 'It ended. : then more.'],
    ['a hyphen', 'It ended. -then more.'],
    ['an en dash', 'It ended. \u2013 Then more.'],
    ['an em dash', 'It ended. \u2014 Then more.'],
    ['a period', 'Version 4. .NET came later.'],
    ['a closing bracket', 'It ended. ) Then more.'],
    ['a full-width comma', 'It ended. \uff0cThen more.'],
    ['an enumeration comma', 'It ended. \u3001Then more.'],
    ['lower case', 'It ended. then more.'],
    ['ß', 'It ended. \u00dfmore.'],
    ['é', 'It ended. \u00e9t\u00e9 came.'],
    ['ÿ', 'It ended. \u00ffes.'],
  ])('%s continues the sentence', (_, text) => {
    expect(splitSentences(text)).toEqual([text]);
  });

  it.each([
    ['an upper-case letter', 'It ended. Then more.'],
    ['a digit', 'It ended. 5 more came.'],
    ['an opening quote', 'It ended. "Then" more.'],
    ['÷ (not a letter)', 'It ended. \u00f7 more.'],
    ['À', 'It ended. \u00c0 more.'],
    ['a Han character', 'It ended. 然后。'],
  ])('%s starts a new one', (_, text) => {
    expect(splitSentences(text)).toHaveLength(2);
  });

  it('a stop glued to the next word does not cut', () => {
    expect(splitSentences('See example.com Now.')).toEqual(['See example.com Now.']);
  });

  it('whitespace to the end after a stop leaves one sentence', () => {
    expect(sentenceEnds('One. Two.   ')).toEqual([4, 9]);
  });
});

describe('isSpace', () => {
  it.each([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x3000, 0x2000, 0x2005, 0x200a, 0x202f, 0x205f, 0x1680, 0x85, 0x2028, 0x2029, 0xfeff])('U+%s is a space', (c) => {
    expect(isSpace(c)).toBe(true);
    expect(sentenceEnds(`Go now.${String.fromCharCode(c)}Then stop.`)).toEqual([7, 18]);
  });

  it.each([0x08, 0x0e, 0x1f, 0x21, 0x9f, 0x1fff, 0x200b, 0x2027, 0x202a, 0x2030, 0x3001, 0xfefe])('U+%s is not', (c) => {
    expect(isSpace(c)).toBe(false);
  });
});

describe('closers after a stop', () => {
  it.each(['"', "'", ')', ']', '}', '\u00bb', '\u2019', '\u201d', '\u203a', '\u300b', '\u3009', '\u300d', '\u300f', '\u3011', '\u3015', '\u3017', '\uff02', '\uff07', '\uff09', '\uff3d', '\uff5d'])(
    '%s closes with the stop',
    (q) => {
      expect(sentenceEnds(`It ended.${q} Then more.`)).toEqual([10, 21]);
    },
  );

  it.each(['(', '\u201c', '\u300c', '\u2018', '['])('%s does not', (q) => {
    expect(sentenceEnds(`It ended.${q} Then more.`)).toEqual([21]);
  });
});

describe('abbreviations, initials and acronyms', () => {
  it('an abbreviation before an opener ends the sentence; before a name it does not', () => {
    expect(splitSentences('He works at Acme Inc. The firm grew.')).toEqual(['He works at Acme Inc.', 'The firm grew.']);
    expect(splitSentences('He works at Acme Inc. Smith said so.')).toEqual(['He works at Acme Inc. Smith said so.']);
  });

  it('an opener written with a curly apostrophe counts', () => {
    expect(splitSentences('He met Mr. It\u2019s late now.')).toHaveLength(2);
    expect(splitSentences("He met Mr. It's late now.")).toHaveLength(2);
  });

  it('a token glued to more than an opening bracket or quote is no abbreviation', () => {
    expect(splitSentences('The x-Gen. Lee left.')).toEqual(['The x-Gen.', 'Lee left.']);
    expect(splitSentences('The 5Gen. Lee left.')).toEqual(['The 5Gen.', 'Lee left.']);
    for (const open of ['(', '"', "'", '\u201c', '\u2018', '[', ' ']) expect(splitSentences(`Said ${open}Gen. Lee left.`)).toHaveLength(1);
  });

  it('an abbreviation at the very start of a sentence is one', () => {
    expect(splitSentences('Gen. Lee left. Dr. Wu came.')).toEqual(['Gen. Lee left.', 'Dr. Wu came.']);
  });

  it('a token longer than 12 letters and dots is no acronym', () => {
    // 12 characters: an acronym, so a name after it does not cut.
    expect(splitSentences('Read a.b.c.d.e.f. Lee wrote it.')).toHaveLength(1);
    expect(splitSentences('Read ab.c.d.e.f.g. Lee wrote it.')).toHaveLength(1);
    // 13 characters: too long to be one, so the period ends the sentence.
    expect(splitSentences('Read a.b.c.d.e.f.g. Lee wrote it.')).toHaveLength(2);
  });

  it('an undotted token longer than any abbreviation is a word', () => {
    expect(splitSentences('He saw Zhangjiakou. Lee wrote it.')).toHaveLength(2);
    expect(splitSentences('He saw Messrs. Lee and Wu.')).toHaveLength(1);
  });

  it.each([
    ['a single capital is an initial', 'Written by J. Lee today.', 1],
    ['a single lower-case letter is not', 'Point j. Lee wrote it.', 2],
    ['two letters per dotted run', 'At 7 p.m. Lee arrived.', 1],
    ['Ph.D', 'She has a Ph.D. Lee has one too.', 1],
    ['three letters in a run is a word', 'See abc.de. Lee wrote it.', 2],
    ['three letters in the last run', 'See ab.cde. Lee wrote it.', 2],
    ['a leading dot', 'See .ab. Lee wrote it.', 2],
    ['a double dot', 'See a..b. Lee wrote it.', 2],
    ['undotted two letters', 'See ab. Lee wrote it.', 2],
    ['an acronym before an opener ends the sentence', 'It came from the U.K. The rest stayed.', 2],
  ])('%s', (_, text, count) => {
    expect(splitSentences(text)).toHaveLength(count);
  });

  it('case matters: "No." is an abbreviation, "NO." is not', () => {
    expect(splitSentences('See No. Five today.')).toHaveLength(1);
    expect(splitSentences('See NO. Five today.')).toHaveLength(2);
  });
});

describe('list numbers', () => {
  it.each([
    ['1. Lee wrote it.', 1],
    ['12. Lee wrote it.', 1],
    ['123. Lee wrote it.', 1],
    ['1234. Lee wrote it.', 2],
    ['A1. Lee wrote it.', 2],
    ['Item 1. Lee wrote it.', 2],
  ])('%s → %s sentence(s)', (text, count) => {
    expect(splitSentences(text)).toHaveLength(count);
  });

  it('a number starting a later sentence is a list number too', () => {
    expect(splitSentences('First. 2. Lee wrote it.')).toEqual(['First.', '2. Lee wrote it.']);
  });
});

describe('half-width stops after Han characters', () => {
  it('a CJK extension character (a surrogate pair) before the stop counts as Han', () => {
    expect(sentenceEnds('\u{20000}.\u4e59\u4e19')).toEqual([3, 5]);
    expect(sentenceEnds('\u7532\u{2A6D6}!\u4e59')).toEqual([4, 5]);
  });

  it('a lone low surrogate or one after another plane is not Han', () => {
    expect(sentenceEnds('a\u{1F600}.\u4e59\u4e19')).toEqual([6]);
    expect(sentenceEnds('a\u{40000}.\u4e59\u4e19')).toEqual([6]);
    expect(sentenceEnds('a\u{3FFFF}.\u4e59\u4e19')).toEqual([4, 6]);
    expect(sentenceEnds('a\udc00.\u4e59\u4e19')).toEqual([5]);
    expect(sentenceEnds('\udc00.\u4e59\u4e19')).toEqual([4]);
  });

  it.each([
    ['\u4e00\u4e01.\u4e59', [3, 4]],
    ['\u4e00\u4e01?\u4e59', [3, 4]],
    ['\u4e00\u4e01!\u4e59', [3, 4]],
    ['\u3400.\u4e59', [2, 3]],
    ['\u4dbf.\u4e59', [2, 3]],
    ['\u9fff.\u4e59', [2, 3]],
    ['\uf900.\u4e59', [2, 3]],
    ['\ufaff.\u4e59', [2, 3]],
    ['\u4e00.5', [3]],
    ['\u4e00.a', [3]],
    ['\u4e00\u2026\u4e59', [3]],
    ['\u4e00\u2026.\u4e59', [3, 4]],
    ['\u4e00\u201d.\u4e59', [3, 4]],
    ['\u4e00\u201d\u201d\u201d.\u4e59', [5, 6]],
    ['\u4e00\u201d\u201d\u201d\u201d.\u4e59', [7]],
    ['\u4dff.\u4e59', [3]],
    ['\ufb00.\u4e59', [3]],
  ])('%j → %j', (text, ends) => {
    expect(sentenceEnds(text)).toEqual(ends);
  });

  it('looks back no further than the sentence start', () => {
    expect(sentenceEnds('\u4e00\u3002\u201d.\u4e59')).toEqual([3, 5]);
  });
});

describe('Chinese stops and ellipses', () => {
  it.each([
    ['\u4e00\u3002\u4e8c', [2, 3]],
    ['\u4e00\uff01\u4e8c', [2, 3]],
    ['\u4e00\uff1f\u4e8c', [2, 3]],
    ['\u4e00\uff61\u4e8c', [2, 3]],
    ['\u4e00\u22ef\u22ef\u4e8c', [4]],
    ['\u4e00\u2026\u2026\u3002\u4e8c', [4, 5]],
    ['\u4e00\u3002\u201d\u4e8c', [3, 4]],
    ['\u4e00\uff1f\uff01\u4e8c', [3, 4]],
  ])('%j → %j', (text, ends) => {
    expect(sentenceEnds(text)).toEqual(ends);
  });

  it('an English ellipsis before a space and an opener ends a sentence; a single-period rule does not apply to it', () => {
    expect(splitSentences('Wait\u2026 Then go.')).toEqual(['Wait\u2026', 'Then go.']);
    expect(splitSentences('See Gen... Lee left.')).toHaveLength(2);
    expect(splitSentences('See Gen.? Lee left.')).toHaveLength(2);
  });
});

describe('ends and stray marks', () => {
  it.each([
    ['Hi there.  ', [9]],
    ['  Hi there.', [11]],
    ['Hi there', [8]],
    ['   ', []],
    ['', []],
    ['One. Two \u3000', [4, 8]],
  ])('%j → %j', (text, ends) => {
    expect(sentenceEnds(text)).toEqual(ends);
  });

  it('marks between cuts join the sentence before, and leading marks the one after', () => {
    expect(splitSentences('\u4e00\u3002 \u3002 \u4e8c\u3002')).toEqual(['\u4e00\u3002 \u3002', '\u4e8c\u3002']);
    expect(splitSentences('\u3002 \u4e00\u3002\u4e8c')).toEqual(['\u3002 \u4e00\u3002', '\u4e8c']);
    expect(splitSentences('\u3002 \u3002')).toEqual(['\u3002 \u3002']);
    expect(splitSentences('\u4e00\u3002\u201c')).toEqual(['\u4e00\u3002\u201c']);
  });

  it('a word found past the first four characters still makes a sentence', () => {
    expect(splitSentences('\u4e00\u3002\u201c\u300a\u3010\u2014\u00e9\u3002\u4e8c')).toEqual(['\u4e00\u3002', '\u201c\u300a\u3010\u2014\u00e9\u3002', '\u4e8c']);
    expect(splitSentences('\u4e00\u3002\u201c\u300a\u3010\u2014\u3002\u4e8c')).toEqual(['\u4e00\u3002\u201c\u300a\u3010\u2014\u3002', '\u4e8c']);
  });

  it('digits, letters and Han at the start each make a sentence', () => {
    expect(splitSentences('\u4e00\u3002 5\u3002')).toHaveLength(2);
    expect(splitSentences('\u4e00\u3002 a\u3002')).toHaveLength(2);
    expect(splitSentences('\u4e00\u3002 Z\u3002')).toHaveLength(2);
  });
});

describe('clauseCuts', () => {
  it.each([
    ['\u4ed6\u8bf4\uff0c\u6211\u4eec\u8d70', [3]],
    ['\u4ed6\u8bf4\uff1b\u6211\u4eec\u8d70', [3]],
    ['\u4ed6\u8bf4\uff1a\u6211\u4eec\u8d70', [3]],
    ['\u4ed6\u8bf4,\u6211', [3]],
    ['\u4ed6\u8bf4;\u6211', [3]],
    ['\u4ed6\u8bf4:\u6211', [3]],
    ['\u5171 20,000 \u4eba', []],
    ['\u5728 15:16 \u5230', []],
    ['\u5171 5,\u4ed6\u8bf4', [4]],
    ['\u5171\u4e00,5\u4eba', [3]],
    ['\u5171 5\uff0c6 \u4eba', [4]],
    [',5\u4eba', [1]],
    ['\u4ed6\u8bf4\uff0c\u201d \u6211', [5]],
    ['\u201c\u597d\u201d\u4ed6\u8bf4', [3]],
    ['\u201c\u597d\u300d\u4ed6\u8bf4', [3]],
    ['\u201c\u597d\u300f\u4ed6\u8bf4', [3]],
    ['\u201c\u597d\u201d\uff0c\u4ed6\u8bf4', [4]],
    ['\u201c\u597d\u201d\u3002\u4ed6', []],
    ['\u4ed6\u8bf4\uff0c', []],
    ['\u4ed6\u8bf4\uff0c  ', []],
    ['\u4e00\uff0c\u4e8c\uff0c\u4e09', [2, 4]],
  ])('%j → %j', (s, cuts) => {
    expect(clauseCuts(s)).toEqual(cuts);
  });
});
