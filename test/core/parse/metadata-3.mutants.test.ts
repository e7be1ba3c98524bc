// Third round on lambdas/core/parse/metadata.ts (seed-9 survivors and their classes): where a
// byline's name ends (each separator and place word of the cut pattern, the spaces after the
// place word, a number glued to letters), which lower-case words a byline may hold, the count of
// name words, and the label words, separators and name lists of the meta-line reader. Small
// direct examples; every text is made up.
import { describe, expect, it } from 'vitest';
import {
  bylineOf,
  editorNoteOf,
  isChineseNameLine,
  isLatinNameLine,
  namePairOf,
  parseMetaLine,
  stripSep,
  unwrap,
} from '../../../lambdas/core/parse/metadata.js';

describe('bylineOf: the cut after the names', () => {
  it.each([
    // The place word needs spaces after it, as many as there are (not just one).
    ['By John Smith in  Beijing', 'John Smith'],
    ['By John Smith at\u00a0 Deck Seven', 'John Smith'],
    // A number after a space ends the names; one glued to letters (5th, R2) does not.
    ['By Ann Lee 5 March 2026', 'Ann Lee'],
    ['By Ann Lee 12 May', 'Ann Lee'],
    // Each place word, before a capital or a digit.
    ['By Ann Lee from Harbour', 'Ann Lee'],
    ['By Ann Lee in Harbour', 'Ann Lee'],
    ['By Ann Lee at 10 Harbour Road', 'Ann Lee'],
    ['By Ann Lee for 24 Hours Daily', 'Ann Lee'],
    // Each separator, with or without spaces before it.
    ['By Ann Lee,Harbour Daily', 'Ann Lee'],
    ['By Ann Lee ，Harbour Daily', 'Ann Lee'],
    ['By Ann Lee|Harbour Daily', 'Ann Lee'],
    ['By Ann Lee｜Harbour Daily', 'Ann Lee'],
    ['By Ann Lee (Harbour Daily)', 'Ann Lee'],
    ['By Ann Lee（Harbour Daily）', 'Ann Lee'],
    ['By Ann Lee / Harbour Daily', 'Ann Lee'],
    // No separator and no place word: all of it is the name.
    ['By Ann Lee Harbour', 'Ann Lee Harbour'],
    ['By Ann Inward', 'Ann Inward'],
  ])('%s → %s', (text, name) => {
    expect(bylineOf(text)).toBe(name);
  });
});

describe('bylineOf: lower-case words', () => {
  it.each([
    // Listed words (particles, roles) may stand in a byline …
    ['By Maria de Souza', 'Maria de Souza'],
    ['By Ann Lee and Bo Wu', 'Ann Lee and Bo Wu'],
    ['By Ann Lee of the Harbour Post', 'Ann Lee of the Harbour Post'],
    // … but a word that only starts or ends like one of them is prose.
    ['By Monday again', undefined],
    ['By Ann Lee, formerly Harbour', undefined],
    ['By noon, the ferry had left', undefined],
    // Roles alone are no name: the name starts with a capital.
    ['By staff reporter', undefined],
    ['By staff Reporter', undefined],
  ])('%s → %s', (text, name) => {
    expect(bylineOf(text)).toBe(name);
  });

  it('counts name words across any run of spaces', () => {
    expect(bylineOf('By Ann Bo Cy Di  Ed Fa Gu Hu')).toBe('Ann Bo Cy Di  Ed Fa Gu Hu');
    expect(bylineOf('By Ann Bo Cy Di  Ed Fa Gu Hu Ik')).toBeUndefined();
  });

  it('trailing stops go, all of them, and only at the end', () => {
    expect(bylineOf('By A.J. Smith..')).toBe('A.J. Smith');
    expect(bylineOf('By Ann Lee;')).toBe('Ann Lee');
  });
});

describe('parseMetaLine: label words', () => {
  it.each([
    ['Edited by Wang Wu 2025-03-29', { editor: 'Wang Wu', date: '2025-03-29T00:00:00+08:00' }],
    ['EDITED BY Wang Wu 2025-03-29', { editor: 'Wang Wu', date: '2025-03-29T00:00:00+08:00' }],
    ['Written by Wang Wu 2025-03-29', { author: 'Wang Wu', authors: ['Wang Wu'], date: '2025-03-29T00:00:00+08:00' }],
    ['Photo by Wang Wu 2025-03-29', { date: '2025-03-29T00:00:00+08:00' }],
    ['Translated by Wang Wu', { credit: true }],
    ['TRANSLATED BY Wang Wu', { credit: true }],
    ['PHOTO BY Wang Wu', { credit: true }],
    // "by" inside a word is no label.
    ['Standby Wang Wu 2025-03-29', undefined],
    // A label word must stand alone before its colon.
    ["Editor's pick: Wang Wu", undefined],
    ['Editorial: Wang Wu', undefined],
    ['Sources: Wang Wu', undefined],
    // Full- and half-width colons, with spaces on either side.
    ['Editor ：Wang Wu', { editor: 'Wang Wu' }],
    ['Editor:Wang Wu', { editor: 'Wang Wu' }],
    // All the spaces after the colon go (two spaces would otherwise end an empty value).
    ['Editor:  Wang Wu', { editor: 'Wang Wu' }],
    ['来源：  新华社', { source: '新华社' }],
    // "Written by" is a label of its own: the words before it are not counted as its prefix.
    ['Harbour Tide Written by Wang Wu', { author: 'Wang Wu', authors: ['Wang Wu'] }],
  ])('%s', (text, expected) => {
    expect(parseMetaLine(text)).toStrictEqual(expected);
  });
});

describe('parseMetaLine: a line that is only a date, with brackets beside it', () => {
  it.each([
    ['2025-03-29 [Sunday]', { date: '2025-03-29T00:00:00+08:00' }],
    ['2025-03-29 (Sunday)', { date: '2025-03-29T00:00:00+08:00' }],
    ['2025-03-29 （Sunday）', { date: '2025-03-29T00:00:00+08:00' }],
    // Brackets and spaces inside what stands beside the date are not counted either.
    ['2025-03-29 (Sun) (Mon)', { date: '2025-03-29T00:00:00+08:00' }],
    ['2025-03-29 （周六） （多云转晴）', { date: '2025-03-29T00:00:00+08:00' }],
    ['2025-03-29 [Sun] [Mon]', { date: '2025-03-29T00:00:00+08:00' }],
    ['2025-03-29 【Sun】 【Mon】', { date: '2025-03-29T00:00:00+08:00' }],
    ['2025-03-29 (Sun) (Mond)', undefined],
  ])('%s', (text, expected) => {
    expect(parseMetaLine(text)).toStrictEqual(expected);
  });
});

describe('stripSep: every separator character goes at either end', () => {
  it.each(['|', '｜', '/', '\\', '·', '•', ',', '，', ';', '；', '-', '–', '—', '_', '[', ']', '【', '】', '(', ')', '（', '）', ' ', '\t'])('%s', (c) => {
    expect(stripSep(`${c}${c}Harbour Daily${c}`)).toBe('Harbour Daily');
    expect(stripSep(`Harbour${c}Daily`)).toBe(`Harbour${c}Daily`);
  });
  it('keeps other marks', () => {
    expect(stripSep('"Harbour Daily"')).toBe('"Harbour Daily"');
    expect(stripSep('.Harbour.')).toBe('.Harbour.');
  });
});

describe('isChineseNameLine', () => {
  it.each([
    ['孙悦', true],
    ['孙悦 李四', true],
    ['孙悦、李四', true],
    ['孙悦，李四', true],
    ['孙悦,李四', true],
    // Joined by a word: names of more than six Han together.
    ['欧阳娜娜和司马相如', true],
    ['欧阳娜娜與司马相如', true],
    ['欧阳娜娜与司马相如', true],
    ['欧阳娜娜司马相如', false],
    ['孙悦 李四 王五 赵六', true],
    ['孙悦 李四 王五 赵六 钱七', false],
    ['玛丽亚·桑托斯', true],
    ['孙', false],
    ['孙悦。', false],
    ['说孙悦', true],
    ['孙悦 Li', false],
  ])('%s → %s', (text, yes) => {
    expect(isChineseNameLine(text)).toBe(yes);
  });
});

describe('unwrap and editor notes', () => {
  it.each([
    ['(Harbour)', 'Harbour'],
    ['（Harbour）', 'Harbour'],
    ['[Harbour]', 'Harbour'],
    ['【Harbour】', 'Harbour'],
    ['( Harbour )', 'Harbour'],
    ['(Harbour', '(Harbour'],
    ['Harbour)', 'Harbour)'],
    ['  Harbour  ', 'Harbour'],
  ])('unwrap(%s) → %s', (text, out) => {
    expect(unwrap(text)).toBe(out);
  });

  it.each([
    ["(Editor's note: Prices are in yuan.)", 'Prices are in yuan.'],
    ["【Editor's note: Prices are in yuan.】", 'Prices are in yuan.'],
    ["[Editor's note: Prices are in yuan.]", 'Prices are in yuan.'],
    ["（Editor's note: Prices are in yuan.）", 'Prices are in yuan.'],
    // The label's own bracket closes it: the note keeps a bracket at its end.
    ['【编者按】本文有删节（见下）', '本文有删节（见下）'],
    ["(Editor's note): Prices are in yuan (RMB)", 'Prices are in yuan (RMB)'],
    ["（Editor's note）Prices are in yuan (RMB)", 'Prices are in yuan (RMB)'],
    ["[Editor's note] Prices are in yuan (RMB)", 'Prices are in yuan (RMB)'],
    ["【Editor's note】 Prices are in yuan (RMB)", 'Prices are in yuan (RMB)'],
    // Without an opening bracket a closing one is the note's own.
    ["Editor's note: Prices are in yuan (RMB)", 'Prices are in yuan (RMB)'],
  ])('editorNoteOf(%s) → %s', (text, note) => {
    expect(editorNoteOf(text)).toBe(note);
  });
});

describe('parseMetaLine: a date inside a value', () => {
  it('cutting the date leaves a gap: an unlabelled item after it is not part of the value', () => {
    expect(parseMetaLine('来源：新华社2025-03-29 王五')).toStrictEqual({ source: '新华社', date: '2025-03-29T00:00:00+08:00' });
  });
});

describe('parseMetaLine: date lines with a source and names', () => {
  const ISO = '2025-07-22T14:05:00+08:00';
  const full = { date: ISO, source: 'China Daily', author: '孙悦', authors: ['孙悦', 'Sun Yue'] };
  it.each([
    // The date may start at DATE_LINE_PREFIX_MAX (12), no later.
    ['Updated on  2025-07-22 14:05 China Daily 孙悦(Sun Yue)', full],
    ['Updated on   2025-07-22 14:05 China Daily 孙悦(Sun Yue)', undefined],
    // What may follow the date directly.
    ['Updated 2025-07-22 14:05/China Daily 孙悦(Sun Yue)', full],
    ['Updated 2025-07-22 14:05·China Daily 孙悦(Sun Yue)', full],
    ['Updated 2025-07-22 14:05•China Daily 孙悦(Sun Yue)', full],
    ['Updated 2025-07-22 14:05;China Daily 孙悦(Sun Yue)', undefined],
  ])('%s', (text, expected) => {
    expect(parseMetaLine(text)).toStrictEqual(expected);
  });
});

describe('name lines', () => {
  it('namePairOf reads a pair with spaces around it', () => {
    expect(namePairOf('  Sun Yue 孙悦  ')).toEqual({ en: 'Sun Yue', zh: '孙悦' });
  });
  it('a romanized name has two to four parts', () => {
    expect(isLatinNameLine('Ann Maria Luisa Santos')).toBe(true);
    expect(isLatinNameLine('Ann Maria Luisa Santos Costa')).toBe(false);
  });
});
