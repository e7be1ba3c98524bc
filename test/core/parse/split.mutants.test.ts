/**
 * Splitting mixed lines (lambdas/core/parse/split.ts), from the seed-7 mutation sample: Han
 * counted only from CJK-extension characters, a straight quote after a space opening the
 * Chinese part, the Chinese-first tail's own Latin count, brackets and digits glued to the
 * first Han character, separators, and what splitBlocks carries into units.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../lambdas/core/parse/html.js';
import { afterLastHan, joinPieces, splitBlocks, splitByScript } from '../../../lambdas/core/parse/split.js';

const block = (lines: string[], over: Partial<Block> = {}): Block => ({ lines, tag: 'p', heading: 0, linkChars: 0, chars: lines.join('').length, chrome: false, container: 3, ...over });

describe('splitByScript', () => {
  it('Han only from extension-plane characters: the line stays whole', () => {
    const line = 'The county opened the river road today \u{20000}\u{20001}\u{20002}\u{20003}\u{20004}';
    expect(splitByScript(line)).toEqual([line]);
  });

  it('a straight quote after a space opens the Chinese part', () => {
    expect(splitByScript('The committee approved the plan on Friday. "\u6539\u9769\u5c06\u7ee7\u7eed\u63a8\u8fdb"\u4ed6\u8bf4\u3002')).toEqual([
      'The committee approved the plan on Friday.',
      '"\u6539\u9769\u5c06\u7ee7\u7eed\u63a8\u8fdb"\u4ed6\u8bf4\u3002',
    ]);
  });

  it('brackets, quotes and digits glued to the first Han character go with it', () => {
    expect(splitByScript('The committee approved the plan on Friday. 2025\u5e74\u6539\u9769\u5c06\u7ee7\u7eed\u3002')).toEqual([
      'The committee approved the plan on Friday.',
      '2025\u5e74\u6539\u9769\u5c06\u7ee7\u7eed\u3002',
    ]);
    expect(splitByScript('The committee approved the plan on Friday. \u201c\u6539\u9769\u5c06\u7ee7\u7eed\u201d\u3002')).toEqual([
      'The committee approved the plan on Friday.',
      '\u201c\u6539\u9769\u5c06\u7ee7\u7eed\u201d\u3002',
    ]);
    expect(splitByScript('The committee approved the plan on Friday. \uff08\u6539\u9769\u5c06\u7ee7\u7eed\uff09')).toEqual([
      'The committee approved the plan on Friday.',
      '\uff08\u6539\u9769\u5c06\u7ee7\u7eed\uff09',
    ]);
  });

  it('digits glued to the first Han character go with it when no sentence end stands before them', () => {
    expect(splitByScript('River road reopens today | 2025\u5e74\u6cb3\u6ee8\u516c\u8def\u4eca\u65e5\u91cd\u65b0\u5f00\u653e\u901a\u8f66')).toEqual([
      'River road reopens today',
      '2025\u5e74\u6cb3\u6ee8\u516c\u8def\u4eca\u65e5\u91cd\u65b0\u5f00\u653e\u901a\u8f66',
    ]);
  });

  it('a separator ends the English part even without a stop', () => {
    expect(splitByScript('River road reopens today | \u6cb3\u6ee8\u516c\u8def\u4eca\u65e5\u91cd\u65b0\u5f00\u653e')).toEqual(['River road reopens today', '\u6cb3\u6ee8\u516c\u8def\u4eca\u65e5\u91cd\u65b0\u5f00\u653e']);
    expect(splitByScript('River road reopens today \u2014 \u6cb3\u6ee8\u516c\u8def\u4eca\u65e5\u91cd\u65b0\u5f00\u653e')).toEqual(['River road reopens today', '\u6cb3\u6ee8\u516c\u8def\u4eca\u65e5\u91cd\u65b0\u5f00\u653e']);
    expect(splitByScript('River road reopens today \u6cb3\u6ee8\u516c\u8def\u4eca\u65e5\u91cd\u65b0\u5f00\u653e')).toEqual(['River road reopens today \u6cb3\u6ee8\u516c\u8def\u4eca\u65e5\u91cd\u65b0\u5f00\u653e']);
  });

  it('a Chinese-first tail needs a dozen Latin letters of its own, not the line\u2019s', () => {
    const line = 'China Daily reports \u4e2d\u56fd\u65e5\u62a5\u62a5\u9053\u4e86\u8fd9\u4ef6\u4e8b\u3002 2025-03-04 10:20 AM BJT';
    expect(splitByScript(line)).toEqual([line]);
  });

  it('a Chinese-first tail must start like a sentence', () => {
    const line = '\u6d77\u519b\u6f14\u4e60\u7ed3\u675f\u3002 navy drill ends now';
    expect(splitByScript(line)).toEqual([line]);
    expect(splitByScript('\u6d77\u519b\u6f14\u4e60\u7ed3\u675f\u3002 (Navy drill ends now)')).toEqual(['\u6d77\u519b\u6f14\u4e60\u7ed3\u675f\u3002', '(Navy drill ends now)']);
    expect(splitByScript('\u6d77\u519b\u6f14\u4e60\u7ed3\u675f | Navy drill ends')).toEqual(['\u6d77\u519b\u6f14\u4e60\u7ed3\u675f', 'Navy drill ends']);
  });

  it('English, Chinese, English: the English-first cut refuses a tail not Chinese by the margin; the cut after the Chinese sentence comes first, then each side is cut again', () => {
    // (Until sentence-by-sentence paragraphs were split, this gave 'The navy … Friday. 海军…。' as one piece.)
    expect(splitByScript('The navy drill ended on Friday. \u6d77\u519b\u6f14\u4e60\u5468\u4e94\u7ed3\u675f\u3002 The ships are back home now.')).toEqual([
      'The navy drill ended on Friday.',
      '\u6d77\u519b\u6f14\u4e60\u5468\u4e94\u7ed3\u675f\u3002',
      'The ships are back home now.',
    ]);
  });
});

describe('afterLastHan', () => {
  it.each([
    ['abc', -1],
    ['', -1],
    ['\u4e00', 1],
    ['\u4e00\u3002\u201d x', 3],
    ['\u3400.', 2],
    ['\u9fff!?', 3],
    ['\u33ff', -1],
    ['\ua000', -1],
    ['\u4e00 \u3002', 1],
    ['\u4e00\u300b\uff0e)', 4],
  ])('%j → %s', (line, at) => {
    expect(afterLastHan(line)).toBe(at);
  });
});

describe('joinPieces', () => {
  it.each([
    ['', 'b', true, 'b'],
    ['a', '', true, 'a'],
    ['a', 'b', true, 'a b'],
    ['\u4e2d', '\u6587', true, '\u4e2d\u6587'],
    ['\u4e2d', '\u6587', false, '\u4e2d \u6587'],
    ['\u4e2d', 'b', true, '\u4e2d b'],
    ['a', '\u6587', true, 'a \u6587'],
    ['\u2e80', '\u2e80', true, '\u2e80\u2e80'],
    ['\u2e7f', '\u2e80', true, '\u2e7f \u2e80'],
  ])('%j + %j (hard wrap %s) → %j', (a, b, hard, out) => {
    expect(joinPieces(a, b, hard)).toBe(out);
  });
});

describe('splitBlocks', () => {
  it('units carry the block index, heading, tag, container and link density', () => {
    const units = splitBlocks([block(['The navy drill ended on Friday.'], { heading: 2, tag: 'h2', linkChars: 8, chars: 32 }), block(['\u6d77\u519b\u6f14\u4e60\u5468\u4e94\u7ed3\u675f\u3002'], { chars: 0 })], false);
    expect(units.map((u) => [u.text, u.lang, u.block, u.heading, u.tag, u.linkDensity, u.container])).toEqual([
      ['The navy drill ended on Friday.', 'en', 0, 2, 'h2', 0.25, 3],
      ['\u6d77\u519b\u6f14\u4e60\u5468\u4e94\u7ed3\u675f\u3002', 'zh', 1, 0, 'p', 0, 3],
    ]);
    expect(units[0]!.chrome).toBeUndefined();
    expect(units[0]!.meta).toBeUndefined();
    expect(units[0]!.counts.latin).toBe(25);
  });

  it('a soft break in an HTML line cuts where the language changes, and joins lines of one language with a space', () => {
    const units = splitBlocks([block(['The navy drill\rended on Friday.\r\u6d77\u519b\u6f14\u4e60\r\u5468\u4e94\u7ed3\u675f\u3002'])], false);
    expect(units.map((u) => [u.text, u.lang])).toEqual([
      ['The navy drill ended on Friday.', 'en'],
      ['\u6d77\u519b\u6f14\u4e60 \u5468\u4e94\u7ed3\u675f\u3002', 'zh'],
    ]);
    expect(units[1]!.counts).toEqual({ han: 8, latin: 0, digits: 0 });
  });

  it('plain text: lines run together up to a blank line; one line is one unit', () => {
    const units = splitBlocks([block(['First line of it', 'and its second.', '', 'Alone here.', '', ''])], true);
    expect(units.map((u) => u.text)).toEqual(['First line of it and its second.', 'Alone here.']);
    expect(units[0]!.counts.latin).toBe('Firstlineofitanditssecond'.length);
  });

  it('a piece of neither language joins the next piece, whose language the unit takes', () => {
    const units = splitBlocks([block(['2025-03-04', 'The navy drill ended on Friday.', '\u6d77\u519b\u6f14\u4e60\u5468\u4e94\u7ed3\u675f\u3002'])], true);
    expect(units.map((u) => [u.text, u.lang])).toEqual([
      ['2025-03-04 The navy drill ended on Friday.', 'en'],
      ['\u6d77\u519b\u6f14\u4e60\u5468\u4e94\u7ed3\u675f\u3002', 'zh'],
    ]);
    expect(units[0]!.counts).toEqual({ han: 0, latin: 25, digits: 8 });
  });

  it('an HTML line holding both languages gives a unit for each', () => {
    const units = splitBlocks([block(['The navy drill ended on Friday. \u6d77\u519b\u6f14\u4e60\u5468\u4e94\u7ed3\u675f\u3002'])], false);
    expect(units.map((u) => [u.text, u.lang])).toEqual([
      ['The navy drill ended on Friday.', 'en'],
      ['\u6d77\u519b\u6f14\u4e60\u5468\u4e94\u7ed3\u675f\u3002', 'zh'],
    ]);
  });

  it('HTML: blank-line markers are skipped and every line is its own unit', () => {
    expect(splitBlocks([block(['One line here.', '', 'Another line.'])], false).map((u) => u.text)).toEqual(['One line here.', 'Another line.']);
  });

  it('a joined text holding an extension-plane character is counted again as a whole', () => {
    const units = splitBlocks([block(['\u6d77\u519b\r\u{20000}\u6f14\u4e60'])], false);
    expect(units.map((u) => [u.text, u.lang, u.counts.han])).toEqual([['\u6d77\u519b \u{20000}\u6f14\u4e60', 'zh', 5]]);
  });
});
