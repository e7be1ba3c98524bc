import { describe, expect, it } from 'vitest';
import {
  authorNoteOf,
  bylineOf,
  editorNoteOf,
  isChineseNameLine,
  parseMetaLine,
  titleParts,
  zhBylineOf,
} from '../../../lambdas/core/parse/metadata.js';

describe('parseMetaLine', () => {
  it.each([
    ['来源：China Military Online 责任编辑：Li Jiayao', { source: 'China Military Online', editor: 'Li Jiayao' }],
    ['来源:China Military Online 责任编辑:Li Jiayao 2025-03-29 16:13:28', { source: 'China Military Online', editor: 'Li Jiayao', date: '2025-03-29T16:13:28+08:00' }],
    ['Source: Xinhua | Editor-in-charge: Wang Wu | 2025/03/29 16:13', { source: 'Xinhua', editor: 'Wang Wu', date: '2025-03-29T16:13:00+08:00' }],
    ['來源：聯合報　編輯：王小明　2025年3月29日', { source: '聯合報', editor: '王小明', date: '2025-03-29T00:00:00+08:00' }],
    ['2025-03-29 16:13:28 来源：新华网', { date: '2025-03-29T16:13:28+08:00', source: '新华网' }],
    ['[责任编辑：李佳瑶]', { editor: '李佳瑶' }],
    ['Edited by Li Jiayao', { editor: 'Li Jiayao' }],
    ['作者：张高胜', { author: '张高胜', authors: ['张高胜'] }],
    ['By Cao Yi | 作者：曹毅', { author: 'Cao Yi', authors: ['Cao Yi', '曹毅'] }],
    ['2025-03-29 16:13:28', { date: '2025-03-29T16:13:28+08:00' }],
    // Labels we drop still end the value before them.
    ['责任编辑：张三 审核：李四', { editor: '张三' }],
    ['文章来源：新华网 作者：王五', { source: '新华网', author: '王五', authors: ['王五'] }],
    ['Editor: Li Na  Translated by Wang Wu', { editor: 'Li Na' }],
    ['Source : Xinhua | Photo: Zhang San', { source: 'Xinhua' }],
    // Two-word labels (their patterns once lost the \s between the words).
    ['Chief Editor: Zhang Wei', { editor: 'Zhang Wei' }],
    ['Executive  Editor: Li Na | Source: Xinhua', { editor: 'Li Na', source: 'Xinhua' }],
    ['Published on: March 29, 2025 16:13', { date: '2025-03-29T16:13:00+08:00' }],
    ['Release time: 2025-03-29 16:13 Source: China Daily', { date: '2025-03-29T16:13:00+08:00', source: 'China Daily' }],
    ['Updated on: 2025/03/29 16:13 | Editor: Wang Wu', { date: '2025-03-29T16:13:00+08:00', editor: 'Wang Wu' }],
    ['Source: Xinhua Font size: A A A', { source: 'Xinhua' }],
  ])('%s', (text, expected) => {
    expect(parseMetaLine(text)).toEqual(expected);
  });

  it.each([
    'He said the source of the problem was found in 2025 after a long search through the archives.',
    'Editor\u2019s Note: This article first appeared elsewhere.',
    'The ship carried 118 medical staff.',
    'By the end of the year, prices had risen sharply across the region.',
  ])('is not fooled by body text: %s', (text) => {
    expect(parseMetaLine(text)).toBeUndefined();
  });
});

describe('bylines', () => {
  it.each([
    ['By Zhang Gaosheng', 'Zhang Gaosheng'],
    ['By ZHANG GAOSHENG in Beijing', 'ZHANG GAOSHENG'],
    ['By Zhang Gaosheng and Li Si | China Daily', 'Zhang Gaosheng and Li Si'],
    ['By Chen Rui, China Military Online', 'Chen Rui'],
    ['By the end of the year, prices rose.', undefined],
    ['By Friday, the storm had passed.', undefined],
    ['By Zhang Gaosheng in Beijing and Li Si in Shanghai', 'Zhang Gaosheng'],
  ])('%s → %s', (text, name) => {
    expect(bylineOf(text)).toBe(name);
  });

  it.each([
    ['文/张高胜', '张高胜'],
    ['记者 张三 李四', '张三 李四'],
    ['作者｜王晓明', '王晓明'],
    ['本报记者 张三', '张三'],
    ['文化交流活动在京举行', undefined],
  ])('%s → %s', (text, name) => {
    expect(zhBylineOf(text)).toBe(name);
  });

  it.each([
    ['张高胜', true],
    ['欧阳·娜娜', true],
    ['这是一句很长的话，不是人名。', false],
  ])('isChineseNameLine(%s) = %s', (text, yes) => {
    expect(isChineseNameLine(text)).toBe(yes);
  });
});

describe('notes', () => {
  it.each([
    ['(The author is an assistant research fellow at CIIS.)', 'en', 'The author is an assistant research fellow at CIIS.'],
    ['The writer is a senior fellow at the institute.', 'en', 'The writer is a senior fellow at the institute.'],
    ['（作者系中国国际问题研究院助理研究员）', 'zh', '作者系中国国际问题研究院助理研究员'],
    ['(作者为北京大学教授)', 'zh', '作者为北京大学教授'],
    ['The author of the report said prices will rise.', 'en', undefined],
    ['作者：张高胜', 'zh', undefined],
  ] as const)('author note %s', (text, lang, note) => {
    expect(authorNoteOf(text, lang)).toBe(note);
  });

  it.each([
    ["Editor's Note: Originally published on thepaper.cn.", 'Originally published on thepaper.cn.'],
    ["Editor\u2019s note: Quotes were translated.", 'Quotes were translated.'],
    ["(Editor's note: This is a note.)", 'This is a note.'],
    ['编者按：本文原载于81.cn。', '本文原载于81.cn。'],
    ['【编者按】本文原载于81.cn。', '本文原载于81.cn。'],
    ['編者按：本文英文版由雙語組編譯。', '本文英文版由雙語組編譯。'],
    ['The editor noted that the article was late.', undefined],
  ])('editor note %s', (text, note) => {
    expect(editorNoteOf(text)).toBe(note);
  });
});

describe('titleParts', () => {
  it('splits a page title at site separators', () => {
    expect(titleParts('边防连队用无人机运送补给_Border company uses drones_中国军网')).toEqual(['边防连队用无人机运送补给', 'Border company uses drones', '中国军网']);
    expect(titleParts('Night markets return - Sample Daily')).toEqual(['Night markets return', 'Sample Daily']);
  });
});
