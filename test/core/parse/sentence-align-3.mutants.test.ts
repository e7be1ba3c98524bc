/**
 * Sentence aligner (lambdas/core/parse/sentence-align.ts, lines 1-599: anchors, scanning,
 * whole-word search), third round from the seed-9 survivors and their classes: 百分之 with no
 * numeral after it, two-letter Latin words, a day before a month only across a space, and the
 * boundaries of each scan. Every text is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { segmentModel, textAnchors, zhNumeralValue } from '../../../lambdas/core/parse/sentence-align.js';

const zhNums = (t: string) => textAnchors(t, 'zh').nums;
const enNums = (t: string) => textAnchors(t, 'en').nums;

describe('百分之 and the numeral run after it', () => {
  it('百分之 before no numeral is a percent mark but no number', () => {
    expect(zhNums('涨幅达到百分之几。')).toEqual([]);
    expect(zhNums('只说了百分之')).toEqual([]);
    expect(textAnchors('只说了百分之', 'zh').marks).toBe(textAnchors('5%', 'zh').marks);
  });
});

describe('Latin words of a Chinese text', () => {
  it('two letters make a word (UN, AI); one letter does not (A股)', () => {
    expect(textAnchors('联合国UN与AI会议，A股上涨。', 'zh').words).toEqual(['un', 'ai']);
  });
});

describe('a day before a month', () => {
  it('counts across a space only, not across a slash or a hyphen', () => {
    expect(enNums('Born 26/December in the hills.')).toEqual([26]);
    expect(enNums('Born 26-December in the hills.')).toEqual([26]);
    expect(enNums('Born 26 December in the hills.')).toEqual([26, 12]);
  });

  it('needs a digit two places before the month', () => {
    expect(enNums('Snow fell in December again.')).toEqual([]);
    expect(enNums('Snow fell x December again.')).toEqual([]);
  });
});

describe('a month beside a day: the day is a digit from 0 to 9, right after or after one space', () => {
  it.each([
    ['June 09', [9, 6]],
    ['June 9', [9, 6]],
    ['June  9', [9]],
    ['June-9', [9]],
    ['June.9', [9, 6]],
    ['10 June', [10, 6]],
    ['19 June', [19, 6]],
    ['April 5', [5, 4]],
    ['August 7', [7, 8]],
  ])('%s', (text, nums) => {
    expect(enNums(`They sailed ${text} at dawn.`)).toEqual(nums);
  });
});

describe('whole words of the Chinese in the English: what touches them', () => {
  const enIds = (en: string[], zh: string) => segmentModel(en, [zh]).en.ids.map((x) => x ?? []);
  it.each([
    ['a z after it', 'The NATOz plan failed.', []],
    ['a z before it', 'The zNATO plan failed.', []],
    ['a colon after it', 'The plan of NATO: it failed.', [1]],
    ['a curly apostrophe after it', 'NATO’s plan failed.', [1]],
    ['a brace after it', 'The NATO{ plan failed.', [1]],
    ['a slash before it', 'The plan/NATO failed.', [1]],
    ['an at sign before it', 'The plan @NATO failed.', [1]],
    ['a backtick before it', 'The plan `NATO failed.', [1]],
  ])('%s', (_name, en, ids) => {
    expect(enIds([`${en} Rain fell.`], '北约NATO的计划失败了。下雨了。')).toEqual([ids, []]);
  });
});

describe('a bare numeral run before a measure word', () => {
  it.each([
    ['a run starting with 一 counts (only 一 alone is no anchor)', '一百个人', [100]],
    ['十 then a digit before 分 counts (only 十分 alone means "very")', '得了十二分', [12]],
    ['a run starting with 千 counts (only 百, 千, 万, 亿 alone do not)', '投资千万元', [10000000]],
    ['十 alone before a measure word counts', '来了十个人', [10]],
    ['千 alone does not', '来了千人', []],
    ['百 alone does not', '来了百人', []],
    ['at the very start of the text', '三个人来了', [3]],
    ['after 几 it does not', '来了几十个人', []],
  ])('%s', (_name, text, nums) => {
    expect(zhNums(text)).toEqual(nums);
  });
});

describe('numbers that are no anchor', () => {
  it('1 in digits, on either side', () => {
    expect(zhNums('只有1人')).toEqual([]);
    expect(enNums('Only 1 man came.')).toEqual([]);
  });

  it('a number too long for a double (Infinity)', () => {
    const huge = '9'.repeat(400);
    expect(zhNums(`编号${huge}号`)).toEqual([]);
    expect(enNums(`Code ${huge} came.`)).toEqual([]);
  });
});

describe('English anchors handed to their sentence by position', () => {
  it('a word that starts right where the sentence before it ends belongs to the later sentence', () => {
    // "北京!" is cut from what follows with no space (a half-width stop after Han characters).
    const model = segmentModel(['北京!NATO met. Rain fell.'], ['北约NATO开会。下雨了。']);
    expect(Array.from(model.en.end.subarray(0, model.en.n))).toEqual([3, 12, 23]);
    expect(model.en.ids.map((x) => x ?? [])).toEqual([[], [1], []]);
    expect(model.en.marks[0]).toBe(textAnchors('Run!', 'en').marks);
  });

  it('English digits are read only when the Chinese holds a number; marks always', () => {
    const bare = segmentModel(['The 45 boats came! Rain fell.'], ['船来了！下雨了。']);
    expect(bare.en.ids[0]).toBeUndefined();
    expect(bare.en.marks[0]).toBe(textAnchors('Run!', 'en').marks);
    const withNumber = segmentModel(['The 45 boats came! Rain fell.'], ['45艘船来了！下雨了。']);
    expect(withNumber.en.ids[0]).toEqual(withNumber.zh.ids[0]);
    expect(withNumber.en.marks[0]).toBe(textAnchors('Run!', 'en').marks);
  });
});

describe('Latin letters at the ends of the alphabet', () => {
  it('a, z, A and Z are letters of a Latin word in Chinese text, and count into its length', () => {
    const a = textAnchors('他用Zoom听jazz和Abba。', 'zh');
    expect(a.words).toEqual(['zoom', 'jazz', 'abba']);
    expect(a.len).toBeCloseTo(3.5 * 4 + 0.85 * 12, 9);
  });
});

describe('a sentence with more anchors than the short list holds', () => {
  it('keeps all of them, segment after segment (what one segment saw is forgotten)', () => {
    const nums = (from: number) => Array.from({ length: 70 }, (_, i) => String(from + i));
    for (const from of [2, 1002]) {
      const model = segmentModel([`Boats ${nums(from).join(', ')} came. Rain fell.`], [`${nums(from).join('、')}号船来了。下雨了。`]);
      expect(model.zh.ids[0]).toHaveLength(70);
      expect(model.en.ids[0]).toEqual(model.zh.ids[0]);
    }
  });
});

describe('digits in Chinese text: a thousands group is a comma and three digits', () => {
  it.each([
    ['a Han character inside the group ends the number', '共12,3人5个', [12, 3, 5]],
    ['a Han character as the third digit', '共12,34人', [12, 34]],
    ['two groups', '共1,234,567人', [1234567]],
  ])('%s', (_name, text, nums) => {
    expect(zhNums(text)).toEqual(nums);
  });
});

describe('the value of a Chinese numeral with 万 and 亿', () => {
  it.each([
    ['亿', 1e8],
    ['億', 1e8],
    ['三千亿', 3e11],
    ['十一亿', 1.1e9],
    ['三亿五千万', 3.5e8],
    ['三亿零五', 300000005],
    ['一万零五', 10005],
    ['两千零八', 2008],
    ['五万', 50000],
    ['九十九', 99],
  ])('%s = %d', (text, value) => {
    expect(zhNumeralValue(text)).toBe(value);
  });
});

describe('万 and 亿 after digits in Chinese text', () => {
  it.each([
    ['right after', '投资3亿元', [3, 3e8]],
    ['after one space', '投资3 亿元', [3, 3e8]],
    ['not after two spaces', '投资3  亿元', [3]],
    ['万 after one space', '有12 万人', [12, 120000]],
  ])('%s', (_name, text, nums) => {
    expect(zhNums(text)).toEqual(nums);
  });
});

describe('half-width marks and other ASCII in Chinese text', () => {
  const marks = (t: string) => textAnchors(t, 'zh').marks;
  it('? ! " and % are the same marks as in English', () => {
    expect(marks('为什么?')).toBe(textAnchors('Why?', 'en').marks);
    expect(marks('快跑!')).toBe(textAnchors('Run!', 'en').marks);
    expect(marks('他说"走"')).toBe(textAnchors('He said "go".', 'en').marks);
    expect(marks('涨了5%')).toBe(textAnchors('Up 5%.', 'en').marks);
  });

  it('a comma, a space, a hash or a parenthesis is no mark', () => {
    expect(marks('他说, 走 #1 (好)')).toBe(0);
  });

  it("an apostrophe or a hyphen joining a Latin word is not counted into its length", () => {
    expect(textAnchors("奥尼尔O'Neill", 'zh').len).toBeCloseTo(3.5 * 3 + 0.85 * 6, 9);
    expect(textAnchors('可口可乐Coca-Cola', 'zh').len).toBeCloseTo(3.5 * 4 + 0.85 * 8, 9);
  });
});

describe('more scanning boundaries', () => {
  it('a point after digits with no digit after it is not part of the number, nor of its length', () => {
    expect(textAnchors('约3.倍', 'zh')).toEqual({ nums: [3], words: [], marks: 0, len: 3.5 * 2 + 0.85 });
  });

  it('number words are read in every paragraph of the English, not only the first', () => {
    const model = segmentModel(['Rain fell.', 'Two boats came.'], ['下雨了。', '两艘船来了。']);
    expect(model.en.ids[1]).toEqual(model.zh.ids[1]);
    expect(model.en.ids[1]).toHaveLength(1);
  });
});

describe('the Latin words found in an English sentence, in the order of the Chinese', () => {
  // Few words are searched one by one (ids in the order of the Chinese), many at each run of
  // letters (ids in the order of the English): up to eight words count as few.
  const zh = (words: string[]) => `${words.join('、')}开会。`;
  const en = (words: string[]) => `${[...words].reverse().join(', ')} met.`;
  const ids = (n: number) => Array.from({ length: n }, (_, k) => 2 * k + 1);
  const words = ['alfa', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india'];
  it('two words', () => {
    expect(segmentModel([en(words.slice(0, 2))], [zh(words.slice(0, 2))]).en.ids[0]).toEqual(ids(2));
  });

  it('eight words', () => {
    expect(segmentModel([en(words.slice(0, 8))], [zh(words.slice(0, 8))]).en.ids[0]).toEqual(ids(8));
  });

  it('nine words', () => {
    expect(segmentModel([en(words)], [zh(words)]).en.ids[0]).toEqual(ids(9).reverse());
  });
});

describe('the last English paragraph ends at its own last sentence', () => {
  it('a word late in it is found, whatever an earlier segment left in the side beyond it', () => {
    // The earlier segment leaves a third sentence of paragraph 0 ending at 11, then paragraph 1.
    segmentModel(['Go. Go. Go.', 'Stop.'], ['走。']);
    const model = segmentModel(['Rain fell. Leaders of NATO met there.'], ['北约NATO领导人开会。']);
    expect(model.en.n).toBe(2);
    expect(model.en.ids.map((x) => x ?? [])).toEqual([[], [1]]);
  });
});

describe('few Latin words searched one by one', () => {
  it('only the words of the Chinese are searched (an English text may say "undefined")', () => {
    const model = segmentModel(['Its cost was undefined. NATO met.'], ['费用不明。北约NATO开会。']);
    expect(model.en.ids.map((x) => x ?? [])).toEqual([[], [1]]);
  });
});

describe('a Latin word the Chinese repeats', () => {
  it('keeps one id, the first word of the segment included', () => {
    const model = segmentModel(['NATO met. Then NATO left.'], ['NATO开会。然后NATO离开。']);
    expect(model.zh.ids).toEqual([[1], [1]]);
    expect(model.en.ids).toEqual([[1], [1]]);
  });
});

describe('more Latin words than the short list holds', () => {
  it('a word repeated after the look-up map is made keeps its id', () => {
    const words = Array.from({ length: 70 }, (_, i) => `K${i}`);
    const model = segmentModel(['K69 met. Rain fell.'], [`${words.join('、')}、K69、K0、K66开会。下雨了。`]);
    expect(model.zh.ids[0]).toHaveLength(70);
    expect(model.en.ids[0]).toEqual([2 * 69 + 1]);
  });
});
