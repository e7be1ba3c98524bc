/**
 * Chinese helpers of the reading page and the exports, in the unit set: pinyin read in
 * context with non-Han runs kept whole, the script a text is written in, and conversion
 * between the scripts by phrase (发 is 發 in 发展 and 髮 in 头发).
 */
import { describe, expect, it } from 'vitest';
import { loadConverter, loadPinyin, loadScriptOf, pinyinLine } from '../../../lambdas/core/feed/zh.js';

describe('pinyin', () => {
  it('reads characters in context and keeps a run of Latin letters, digits and spaces as one piece', async () => {
    const pinyin = await loadPinyin();
    const syllables = pinyin('银行GDP 2025年');
    expect(syllables).toEqual([
      { text: '银', pinyin: 'yín' },
      { text: '行', pinyin: 'háng' },
      { text: 'GDP 2025' },
      { text: '年', pinyin: 'nián' },
    ]);
    expect(pinyinLine(syllables)).toBe('yín háng GDP 2025 nián');
    expect(pinyinLine(pinyin('行走。'))).toBe('xíng zǒu.');
  });
});

describe('the script of a Chinese text', () => {
  it('counts characters only one script uses; the larger count wins, a tie tells nothing', async () => {
    const scriptOf = await loadScriptOf();
    expect(scriptOf('我們這個')).toBe('hant');
    expect(scriptOf('我们这个')).toBe('hans');
    expect(scriptOf('們們这')).toBe('hant');
    expect(scriptOf('们们這')).toBe('hans');
    expect(scriptOf('們这')).toBeUndefined();
    expect(scriptOf('中国人')).toBe('hans'); // 国 is Simplified only
    expect(scriptOf('中文 abc')).toBeUndefined();
  });
});

describe('script conversion', () => {
  it('converts by phrase both ways and loads each converter once', async () => {
    const toHant = await loadConverter('hant');
    const toHans = await loadConverter('hans');
    expect(toHant('头发')).toBe('頭髮');
    expect(toHant('发展')).toBe('發展');
    expect(toHans('我們這個頭髮')).toBe('我们这个头发');
    expect(loadConverter('hant')).toBe(loadConverter('hant'));
    expect(loadConverter('hans')).not.toBe(loadConverter('hant'));
  });
});
