// Tests aimed at mutants that survived the sampled mutation runs of lambdas/core/parse/metadata.ts:
// the length limits at their exact boundaries, the separators around a label's value, the
// "By" that is only a byline, the cleaning of a byline's name, the romanized-name line and the
// labelled Chinese author note. Small direct examples; every text is made up.
import { describe, expect, it } from 'vitest';
import {
  authorNoteOf,
  bylineOf,
  editorNoteOf,
  isLatinNameLine,
  isTranslatorLine,
  namePairOf,
  parseMetaLine,
  titleParts,
  zhBylineOf,
} from '../../../lambdas/core/parse/metadata.js';
import { AUTHOR_NOTE_MAX, BYLINE_MAX, DATE_LINE_REST_MAX, META_SENTENCE_MIN, SHORT_LINE } from '../../../lambdas/core/parse/heuristics.js';

/** text padded with trailing spaces to exactly n characters (scraped lines often carry them). */
const padTo = (text: string, n: number) => {
  const s = text.padEnd(n);
  expect(s.length).toBe(n);
  return s;
};

describe('parseMetaLine: its refusals at their limits', () => {
  it('reads a label line just under SHORT_LINE and refuses one at it', () => {
    expect(parseMetaLine(padTo('Source: Xinhua', SHORT_LINE - 1))).toEqual({ source: 'Xinhua' });
    expect(parseMetaLine(padTo('Source: Xinhua', SHORT_LINE))).toBeUndefined();
  });

  it('a line ending like a sentence is refused only when longer than META_SENTENCE_MIN', () => {
    const value = 'Harbour Town Evening Post and Weekly Review Group.';
    const atMin = `Source: ${value}`.padStart(META_SENTENCE_MIN);
    expect(atMin.length).toBe(META_SENTENCE_MIN);
    expect(parseMetaLine(atMin)).toEqual({ source: value });
    expect(parseMetaLine(` ${atMin}`)).toBeUndefined();
    // The same line without the full stop is read at any of these lengths.
    expect(parseMetaLine(` ${atMin.slice(0, -1)}`)).toEqual({ source: value.slice(0, -1) });
  });
});

describe('parseMetaLine: label values', () => {
  it('an empty label before a bar stays empty: the bar starts the next, unlabelled, item', () => {
    expect(parseMetaLine('Editor: | Wang Wu | 2025-03-29')).toEqual({ date: '2025-03-29T00:00:00+08:00' });
    expect(parseMetaLine('来源：｜新华网')).toBeUndefined();
    // With the value before the bar it is read.
    expect(parseMetaLine('Editor: Wang Wu | 2025-03-29')).toEqual({ editor: 'Wang Wu', date: '2025-03-29T00:00:00+08:00' });
  });

  it('"Written by" with names is an author line; a bare "By" with names is left to bylineOf', () => {
    expect(parseMetaLine('Written by Zhang San')).toEqual({ author: 'Zhang San', authors: ['Zhang San'] });
    expect(parseMetaLine('Edited by Zhang San')).toEqual({ editor: 'Zhang San' });
    expect(parseMetaLine('By Zhang San')).toBeUndefined();
    expect(parseMetaLine('by Zhang San')).toBeUndefined();
    // With a date beside it, a "By" line is a label line.
    expect(parseMetaLine('By Zhang San 2025-03-29')).toEqual({ author: 'Zhang San', authors: ['Zhang San'], date: '2025-03-29T00:00:00+08:00' });
  });
});

describe('parseMetaLine: a date line carrying the source and the names', () => {
  const DATE = 'Updated 2025-07-22 14:05';
  const ISO = '2025-07-22T14:05:00+08:00';

  it('the names may follow the date right after a bar, with no space', () => {
    expect(parseMetaLine(`${DATE}|孙悦(Sun Yue)`)).toEqual({ date: ISO, author: '孙悦', authors: ['孙悦', 'Sun Yue'] });
    expect(parseMetaLine(`${DATE}｜Sun Yue（孙悦）`)).toEqual({ date: ISO, author: 'Sun Yue', authors: ['Sun Yue', '孙悦'] });
  });

  it('what follows the date may be DATE_LINE_REST_MAX characters long, no more', () => {
    const rest = ' China Daily Global Edition 欧阳娜(Maria Santos Oliveira Costa)';
    expect(rest.length).toBe(DATE_LINE_REST_MAX);
    expect(parseMetaLine(DATE + rest)).toEqual({
      date: ISO,
      source: 'China Daily Global Edition',
      author: '欧阳娜',
      authors: ['欧阳娜', 'Maria Santos Oliveira Costa'],
    });
    const longer = rest.replace('欧阳娜', '欧阳娜娜');
    expect(longer.length).toBe(DATE_LINE_REST_MAX + 1);
    expect(parseMetaLine(DATE + longer)).toBeUndefined();
  });
});

describe('length limits of the byline readers', () => {
  it('namePairOf reads a line of BYLINE_MAX characters and refuses a longer one', () => {
    expect(namePairOf(padTo('Sun Yue 孙悦', BYLINE_MAX))).toEqual({ en: 'Sun Yue', zh: '孙悦' });
    expect(namePairOf(padTo('Sun Yue 孙悦', BYLINE_MAX + 1))).toBeUndefined();
  });

  it('isTranslatorLine accepts a line of BYLINE_MAX characters and refuses a longer one', () => {
    expect(isTranslatorLine(padTo('译者：张三', BYLINE_MAX))).toBe(true);
    expect(isTranslatorLine(padTo('译者：张三', BYLINE_MAX + 1))).toBe(false);
    expect(isTranslatorLine(padTo('Translated by Li Na', BYLINE_MAX))).toBe(true);
  });

  it('bylineOf reads a line of BYLINE_MAX characters and refuses a longer one', () => {
    expect(bylineOf(padTo('By Zhang San', BYLINE_MAX))).toBe('Zhang San');
    expect(bylineOf(padTo('By Zhang San', BYLINE_MAX + 1))).toBeUndefined();
  });

  it('authorNoteOf reads a note of AUTHOR_NOTE_MAX characters and refuses a longer one', () => {
    const note = 'The author is a research fellow at a university in the north of the country.';
    expect(authorNoteOf(padTo(note, AUTHOR_NOTE_MAX), 'en')).toBe(note);
    expect(authorNoteOf(padTo(note, AUTHOR_NOTE_MAX + 1), 'en')).toBeUndefined();
  });
});

describe('bylineOf: the name is cleaned', () => {
  it.each([
    ['By Zhang San.', 'Zhang San'],
    ['By Zhang San;:.', 'Zhang San'],
    // Only the trailing run goes: an initial keeps its full stop.
    ['By J. Smith.', 'J. Smith'],
    ['By Li Na: ', 'Li Na'],
  ])('%s → %s', (text, name) => {
    expect(bylineOf(text)).toBe(name);
  });
});

describe('zhBylineOf', () => {
  it('reads a byline with a leading space', () => {
    expect(zhBylineOf(' 文/张三')).toBe('张三');
    expect(zhBylineOf('　记者 李四')).toBe('李四');
  });
});

describe('isLatinNameLine', () => {
  it.each([
    ['Sun Yue', true],
    ['Maria Luisa Santos', true],
    ['Sun Yue and Maria Luisa Santos', true],
    ['Sun Yue, Li Na and Maria Santos', true],
    ["Sean O'neil and Anna-lena Keller", true],
    ['Sun', false],
    ['Sun Yue said', false],
    ['the Sun Yue', false],
    ['Sun Yue and li Na', false],
    ['Sun Yue and L Na', false],
    ['Sun Yue and Li N', false],
    ['SUN YUE', false],
    ['Sun Yue and LI NA', false],
    ['Sun Yue, Li Na, Wang Wu and Zhao Liu', false],
  ])('%s → %s', (text, yes) => {
    expect(isLatinNameLine(text)).toBe(yes);
  });
});

describe('authorNoteOf: the labelled Chinese note', () => {
  it.each([
    ['作者简介：张三，北京大学教授', '张三，北京大学教授'],
    ['（作者簡介：李四，台灣大學研究員）', '李四，台灣大學研究員'],
    // Unlabelled notes keep their opening.
    ['作者系北京大学教授', '作者系北京大学教授'],
  ])('%s → %s', (text, note) => {
    expect(authorNoteOf(text, 'zh')).toBe(note);
  });
});

describe('parseMetaLine: a line that is only a date', () => {
  it.each([
    // A weekday of up to META_DATE_REST_MAX characters (brackets and spaces not counted) may stand beside it.
    ['2025-03-29 Sunday', { date: '2025-03-29T00:00:00+08:00' }],
    ['2025-03-29 (Sunday)', { date: '2025-03-29T00:00:00+08:00' }],
    ['2025-03-29 【星期六】', { date: '2025-03-29T00:00:00+08:00' }],
    ['2025-03-29 （周六） （晴天）', { date: '2025-03-29T00:00:00+08:00' }],
    ['2025-03-29 Tuesday', undefined],
    // A stamp that is no date still marks a date line; it gives no date.
    ['2025-02-31', {}],
  ])('%s', (text, expected) => {
    expect(parseMetaLine(text)).toStrictEqual(expected);
  });
});

describe('parseMetaLine: fields', () => {
  it.each([
    // Text before the first label: a short site name (META_PREFIX_MAX), no more.
    ['Harbour Tide Source: Xinhua', { source: 'Xinhua' }],
    ['Harbour Tides Source: Xinhua', undefined],
    // A value running into a promotion loses it.
    ['Editor: Wang Ying 某某APP下载', { editor: 'Wang Ying' }],
    // Credits only: a label line the article does not keep.
    ['Photo: Zhang San', { credit: true }],
    ['Translated by Li Na', { credit: true }],
    ['Photo by Li Na', { credit: true }],
    ['翻译：', undefined],
    // An empty field gives nothing, the next one is read.
    ['Source: | Editor: Wang Wu', { editor: 'Wang Wu' }],
    // The first value of a field wins.
    ['Source: Xinhua Source: Harbour Daily', { source: 'Xinhua' }],
    ['Editor: Li Na 责任编辑：王五', { editor: 'Li Na' }],
    ['Author: Li Na 作者：王五', { author: 'Li Na', authors: ['Li Na', '王五'] }],
    // Two spaces end a value.
    ['Editor: Wang Wu  Li Si', { editor: 'Wang Wu' }],
    // A date label's value is not kept as a field.
    ['Date: Monday', undefined],
    // "By" with another field is a label line.
    ['By Zhang San Source: Xinhua', { author: 'Zhang San', authors: ['Zhang San'], source: 'Xinhua' }],
    ['Author: Zhang San', { author: 'Zhang San', authors: ['Zhang San'] }],
    // The Chinese form right after a romanized author joins the authors; not after a Chinese one.
    ['By Sun Yue | 孙悦 | 2025-03-29', { date: '2025-03-29T00:00:00+08:00', author: 'Sun Yue', authors: ['Sun Yue', '孙悦'] }],
    ['作者：孙悦 | 李四 2025-03-29', { date: '2025-03-29T00:00:00+08:00', author: '孙悦', authors: ['孙悦'] }],
    ['By Sun Yue | 新华社驻北京记者站报道 | 2025-03-29', { date: '2025-03-29T00:00:00+08:00', author: 'Sun Yue', authors: ['Sun Yue'] }],
  ])('%s', (text, expected) => {
    expect(parseMetaLine(text)).toStrictEqual(expected);
  });
});

describe('parseMetaLine: date lines with source and names', () => {
  it.each([
    ['发布于2025年7月22日 21:05 中国日报 孙悦', { date: '2025-07-22T21:05:00+08:00', source: '中国日报', author: '孙悦', authors: ['孙悦'] }],
    ['发布于2025年7月22日 21:05 新华社 记者 王强', { date: '2025-07-22T21:05:00+08:00', source: '新华社', author: '王强', authors: ['王强'] }],
    ['Updated on 2025-07-22 14:05 China Daily 孙悦(Sun Yue)', { date: '2025-07-22T14:05:00+08:00', source: 'China Daily', author: '孙悦', authors: ['孙悦', 'Sun Yue'] }],
    // Spaces after the names are not part of them.
    ['Updated on 2025-07-22 14:05 China Daily 孙悦(Sun Yue)  ', { date: '2025-07-22T14:05:00+08:00', source: 'China Daily', author: '孙悦', authors: ['孙悦', 'Sun Yue'] }],
    // A date that is no date: the rest is still read.
    ['Updated 2025-02-31 China Daily 孙悦(Sun Yue)', { source: 'China Daily', author: '孙悦', authors: ['孙悦', 'Sun Yue'] }],
    // A source of DATE_LINE_SOURCE_MAX (30) characters, then one more.
    ['Updated 2025-07-22 14:05 Harbour Town Evening Post Revi 孙悦(Sun Yue)', { date: '2025-07-22T14:05:00+08:00', source: 'Harbour Town Evening Post Revi', author: '孙悦', authors: ['孙悦', 'Sun Yue'] }],
    ['Updated 2025-07-22 14:05 Harbour Town Evening Post Revie 孙悦(Sun Yue)', undefined],
    // A comma after the date starts a sentence.
    ['Updated 2025-07-22 14:05, China Daily 孙悦(Sun Yue)', undefined],
    // A lone Chinese name needs a source before it.
    ['Updated 2025-07-22 14:05 孙悦', undefined],
    ['发布于2025年7月22日 21:05 记者 孙悦', undefined],
    // Only a word saying which date it is may stand before the date.
    ['Release 2025-07-22 China Daily 孙悦(Sun Yue)', undefined],
  ])('%s', (text, expected) => {
    expect(parseMetaLine(text)).toStrictEqual(expected);
  });
});

describe('namePairOf, notes and titles', () => {
  it('reads both orders of a name pair', () => {
    expect(namePairOf('孙悦（Sun Yue）')).toEqual({ en: 'Sun Yue', zh: '孙悦' });
    expect(namePairOf('By Sun Yue (孙悦)')).toEqual({ en: 'Sun Yue', zh: '孙悦' });
    expect(namePairOf('Sun Yue')).toBeUndefined();
  });

  it('editorNoteOf: a label alone is no note; a note after a closed label keeps its own brackets', () => {
    expect(editorNoteOf("Editor's Note:")).toBeUndefined();
    expect(editorNoteOf("(Editor's note) Prices are in yuan (RMB)")).toBe('Prices are in yuan (RMB)');
  });

  it('authorNoteOf: the English labelled note loses its label', () => {
    expect(authorNoteOf('About the author: Li Na is a professor.', 'en')).toBe('Li Na is a professor.');
    expect(authorNoteOf('About the author:', 'en')).toBeUndefined();
  });

  it('titleParts splits at every site separator and drops empty parts', () => {
    expect(titleParts('A | B｜C -D--E : F – G — H_I')).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    expect(titleParts('| Night markets |')).toEqual(['Night markets']);
    expect(titleParts('Well-known: a story')).toEqual(['Well-known: a story']);
  });
});

describe('bylineOf: where the names end', () => {
  it.each([
    ['By Li Na for Harbour Daily', 'Li Na'],
    ['By Li Na from Harbour', 'Li Na'],
    ['By Li Na at Harbour', 'Li Na'],
    ['By Li Na 2025-03-29', 'Li Na'],
    ['By Li Na/Wang Wu', 'Li Na'],
    ['By Li Na（Harbour）', 'Li Na'],
    ['By Li Na ｜ Harbour', 'Li Na'],
    ['By Li Na, staff reporter', 'Li Na'],
    ['By:Zhang San', 'Zhang San'],
    ['Author: Li Na', 'Li Na'],
    ['Reporter: Li Na in Harbour', 'Li Na'],
    ['Written by Li Na', 'Li Na'],
    ['By Émile Zola', 'Émile Zola'],
    ['BY LI NA', 'LI NA'],
    // Eight name words at most (BYLINE_NAME_WORDS_MAX).
    ['By Ann Bo Cy Di Ed Fa Gu Hu', 'Ann Bo Cy Di Ed Fa Gu Hu'],
    ['By Ann Bo Cy Di Ed Fa Gu Hu Ik', undefined],
    // Lower-case prose or no capital: not a byline.
    ['By Li Na in harbour', undefined],
    ['By li na', undefined],
    ['By 123 News', undefined],
  ])('%s → %s', (text, name) => {
    expect(bylineOf(text)).toBe(name);
  });

  it.each([
    ['记者 张三', '张三'],
    ['文／李四', '李四'],
    ['撰稿：王五', '王五'],
    ['特约记者 赵六', '赵六'],
    ['作者 张三、李四', '张三、李四'],
  ])('zhBylineOf(%s) → %s', (text, name) => {
    expect(zhBylineOf(text)).toBe(name);
  });
});

describe('trimming of notes and title parts', () => {
  it('an editor note loses the spaces around it, inside its brackets too', () => {
    expect(editorNoteOf("(Editor's note: This is a note. )")).toBe('This is a note.');
    expect(editorNoteOf('编者按：本文有删节。  ')).toBe('本文有删节。');
  });

  it('title parts lose the spaces around the whole title', () => {
    expect(titleParts('  Night markets return - Sample Daily ')).toEqual(['Night markets return', 'Sample Daily']);
  });
});
