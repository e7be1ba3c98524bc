/**
 * Sentence aligner (lambdas/core/parse/sentence-align.ts), from the survivors of the seed-7
 * mutation sample: the one-to-one fast path against the full DP (its lengths of Chinese text,
 * Han, Latin and extension-B characters), untranslated sentences at a segment's start, a
 * many-to-many bead left unrefined, mark costs of a bead, whole-word Latin anchors in English
 * (few and many words), Chinese digits with thousands commas, quotes and bare numerals.
 * Every text is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { SentenceBead } from '../../../lambdas/core/article.js';
import { alignSentences, alignUnits, segmentModel, textAnchors, zhNumeralValue } from '../../../lambdas/core/parse/sentence-align.js';

const pairs = (beads: SentenceBead[]) => beads.map((b) => [b.en, b.zh]);
const oneToOne = (en: string[], zh: string[]) => en.map((e, k) => [[e], [zh[k]]]);

describe('as many sentences a side with clear lengths: taken one to one, anchors unread', () => {
  // The numbers cross (the first English sentence's boats are the second Chinese one's): the
  // full DP would join all four into one 2-2 bead, which the fast path never looks at.
  const en = ['Officials counted 45, 46 and 47 boats in the northern harbour on the first morning of the festival.', 'By evening, another 12, 13 and 14 vessels had arrived from the coastal towns further to the south.'];
  const zh = ['官员们在节日第一天早上清点了北部港口的12、13和14艘船只数量。', '到了晚上，又有45、46和47艘船从更南边的沿海城镇陆续抵达了这里。'];

  it('the DP alone would take a 2-2 bead here', () => {
    expect(alignUnits(segmentModel(en, zh))).toEqual([{ e0: 0, e1: 2, z0: 0, z1: 2 }]);
  });

  it('pairs them one to one (Han characters measured at their ratio)', () => {
    expect(pairs(alignSentences(en, zh))).toEqual(oneToOne(en, zh));
  });

  it('counts the Latin letters of a Chinese sentence into its length', () => {
    const en2 = ['Greenpeace International and the Worldwide Fund counted 45, 46 and 47 boats in the harbour.', 'By evening, another 12, 13 and 14 vessels had arrived from the coastal towns further to the south.'];
    const zh2 = ['Greenpeace International和Worldwide Fund清点了港口的12、13和14艘船。', '到了晚上，又有45、46和47艘船从更南边的沿海城镇陆续抵达了这里。'];
    expect(pairs(alignSentences(en2, zh2))).toEqual(oneToOne(en2, zh2));
  });

  it('counts an extension-B character (a surrogate pair) once into its length', () => {
    const en3 = ['Officials counted 45, 46 and 47 boats in the northern harbour on the first morning of the festival.', 'By evening, another 12, 13 and 14 vessels had arrived from the coastal towns further to the south.'];
    const zh3 = ['官员们清点了𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋𠀌𠀍𠀎𠀏𠀐𠀑𠀒𠀓𠀔𠀕𠀖𠀗的12、13和14艘。', '到了晚上，又有45、46和47艘船从更南边的沿海城镇陆续抵达了这里。'];
    expect(pairs(alignSentences(en3, zh3))).toEqual(oneToOne(en3, zh3));
  });
});

describe('untranslated sentences', () => {
  it('an English sentence with no Chinese at the segment start stands alone (a 1-0 bead from the origin)', () => {
    const en = ['This article was first published in the weekend edition of our print magazine, with photographs. The drill began at dawn on Tuesday. More than 300 soldiers took part.'];
    const zh = ['演习于周二黎明开始。300多名官兵参加。'];
    expect(pairs(alignSentences(en, zh))).toEqual([
      [['This article was first published in the weekend edition of our print magazine, with photographs.'], []],
      [['The drill began at dawn on Tuesday.'], ['演习于周二黎明开始。']],
      [['More than 300 soldiers took part.'], ['300多名官兵参加。']],
    ]);
  });

  it('a Chinese sentence with no English at the segment start stands alone (a 0-1 bead costs its prior only)', () => {
    const en = ['The drill began at 6 am on Tuesday. More than 300 soldiers took part.'];
    const zh = ['本文首发于本刊周末印刷版，并附有大量现场照片和采访记录。演习于周二早上6点开始。300多名官兵参加。'];
    expect(pairs(alignSentences(en, zh))).toEqual([
      [[], ['本文首发于本刊周末印刷版，并附有大量现场照片和采访记录。']],
      [['The drill began at 6 am on Tuesday.'], ['演习于周二早上6点开始。']],
      [['More than 300 soldiers took part.'], ['300多名官兵参加。']],
    ]);
  });

  it('a long English sentence left untranslated in the middle is a 1-0 bead, not merged', () => {
    const en = ['The drill began at dawn on Tuesday. The ministry declined to say how much the exercise had cost or which units had been left behind at the base. More than 300 soldiers took part.'];
    const zh = ['演习于周二黎明开始。300多名官兵参加。'];
    expect(pairs(alignSentences(en, zh))).toEqual([
      [['The drill began at dawn on Tuesday.'], ['演习于周二黎明开始。']],
      [['The ministry declined to say how much the exercise had cost or which units had been left behind at the base.'], []],
      [['More than 300 soldiers took part.'], ['300多名官兵参加。']],
    ]);
  });
});

describe('a many-to-many bead', () => {
  it('keeps both Chinese sentences of a 2-2 bead (only a 2-1 or 3-1 bead is cut at clause marks)', () => {
    const en = ['Officials counted 45, 46 and 47 boats.', 'By evening, another 12, 13 and 14 vessels had arrived from the coastal towns further to the south, their crews tired after the long voyage.'];
    const zh = ['到了晚上，又有12、13和14艘船从更南边的沿海城镇抵达，船员们经过漫长的航行都已疲惫不堪。', '官员们清点了45、46和47艘船。'];
    expect(pairs(alignSentences(en, zh))).toEqual([[en, zh]]);
  });
});

describe('a bead across a paragraph break', () => {
  it('pays more than the same sentences inside one paragraph, on either side', () => {
    const zhCost = (zh: string[]) => {
      const model = segmentModel(['The bridge opened on Monday and residents cheered.'], zh);
      return model.pair(0, 1, model.zh, 0, 2);
    };
    expect(zhCost(['大桥周一通车。', '居民们欢呼。'])).toBeGreaterThan(zhCost(['大桥周一通车。居民们欢呼。']) + 1);
    const enCost = (en: string[]) => {
      const model = segmentModel(en, ['大桥周一通车，居民们欢呼。']);
      return model.pair(0, 2, model.zh, 0, 1);
    };
    expect(enCost(['The bridge opened on Monday.', 'Residents cheered.'])).toBeGreaterThan(enCost(['The bridge opened on Monday. Residents cheered.']) + 1);
  });
});

describe('marks in a bead cost', () => {
  // The same sentences with a mark on both sides, on one side or on neither: lengths are equal.
  const cost = (en: string, zh: string) => {
    const model = segmentModel([`${en} Wages fell sharply.`], [`${zh}工资大幅下降。`]);
    return model.pair(0, 1, model.zh, 0, 1);
  };
  it.each([
    ['question', 'Did prices rise?', '价格上涨了吗？', 'Did prices rise.', '价格上涨了吗。'],
    ['exclamation', 'Prices rose!', '价格上涨了！', 'Prices rose.', '价格上涨了。'],
    ['quote', 'Prices "rose".', '价格“上涨”了。', 'Prices (rose).', '价格（上涨）了。'],
    ['percent', 'Prices rose 5%.', '价格上涨5％。', 'Prices rose 5a.', '价格上涨5a。'],
  ])('a %s on both sides lowers the cost, on one side raises it', (_name, enMark, zhMark, enPlain, zhPlain) => {
    const neither = cost(enPlain, zhPlain);
    expect(cost(enMark, zhMark)).toBeLessThan(neither - 0.4);
    expect(cost(enMark, zhPlain)).toBeGreaterThan(neither + 0.4);
    expect(cost(enPlain, zhMark)).toBeGreaterThan(neither + 0.4);
  });
});

describe('Latin words of the Chinese found in the English as whole words', () => {
  const enIds = (en: string[], zh: string) => segmentModel(en, [zh]).en.ids.map((x) => x ?? []);
  it('few words: one at the very end of a paragraph counts, one with a letter after it does not', () => {
    expect(enIds(['Leaders met at NATO', 'The NATOs plan failed. NATO met.'], '领导人在NATO会面。')).toEqual([[1], [], [1]]);
  });

  it('a letter right after the word (even an a) makes it no whole word', () => {
    expect(enIds(['Cuba won. Rain fell.'], 'Cub队赢了。')).toEqual([[], []]);
  });

  it('many words (looked up at each run of letters): a word that only shares its head does not count', () => {
    const zh = 'NATO、WHO、IMF、OECD、ASEAN、UNESCO、FIFA、OPEC、U.S、E-mail。';
    // Words get ids 1, 3, 5, … in order: OPEC 15, U.S 17, E-mail 19.
    expect(enIds(['The U.K. sent e-mails. The U.S. sent an e-mail to OPEC.'], zh)).toEqual([[], [17, 19, 15]]);
  });
});

describe('anchors of a Chinese text', () => {
  it.each([
    ['digits with thousands commas', '共有12,600人。', [12600]],
    ['a comma and digits after a measure word start a new number', '有5人，2024年', [5, 2024]],
    ['digits right after a measure word start a new number', '5人123名', [5, 123]],
    ['a numeral before 分之 is a number, not a percent', '三分之一', [3]],
    ['bare numerals before no measure word are no numbers', '七嘴八舌', []],
  ])('%s', (_name, text, nums) => {
    expect(textAnchors(text, 'zh').nums).toEqual(nums);
  });

  it('三分之一 holds no percent mark; 百分之 does', () => {
    expect(textAnchors('三分之一', 'zh').marks).toBe(0);
    expect(textAnchors('百分之五', 'zh').marks).toBe(textAnchors('5%', 'zh').marks);
  });

  it.each(['“', '”', '「', '」', '『', '』', '‘'])('%s alone is a quote mark', (q) => {
    expect(textAnchors(`他说${q}走`, 'zh').marks).toBe(textAnchors('他说"走', 'zh').marks);
    expect(textAnchors('他说"走', 'zh').marks).not.toBe(0);
  });
});

describe('marks of an English text', () => {
  it('"per cent" in words is a percent mark', () => {
    expect(textAnchors('It fell five per cent.', 'en').marks).toBe(textAnchors('It fell 5%.', 'en').marks);
    expect(textAnchors('It fell five percent.', 'en').marks).not.toBe(0);
  });
});

describe('anchor ids', () => {
  it('a number keeps its id past the many-anchors map (70 numbers in one Chinese sentence; 70 itself comes after the map is made)', () => {
    const nums = Array.from({ length: 70 }, (_, i) => String(i + 2));
    const model = segmentModel(['The fleet counted 70 boats. Rain fell.'], [`编号${nums.join('、')}。下雨了。又下雨了。`]);
    const enIds = model.en.ids[0]!;
    expect(enIds).toHaveLength(1);
    expect(model.zh.ids[0]).toContain(enIds[0]);
    // Each of the 70 numbers once: no value added twice under a new id.
    expect(new Set(model.zh.ids[0]).size).toBe(70);
  });

  it('a Latin word has the same id in the Chinese and in the English', () => {
    const model = segmentModel(['NATO met. Rain fell.'], ['北约NATO开会。下雨了。又下雨了。']);
    expect(model.zh.ids[0]).toEqual(model.en.ids[0]);
    expect(model.en.ids[0]).toHaveLength(1);
  });

  it('a sentence sharing 40 numbers with its translation costs far below zero (more anchors than the first scratch holds)', () => {
    const nums = Array.from({ length: 40 }, (_, i) => String(i + 2));
    const model = segmentModel([`Boats ${nums.join(', ')} came.`], [`${nums.join('、')}号船来了。`]);
    expect(model.pair(0, 1, model.zh, 0, 1)).toBeLessThan(-40 * 1.5 + 3);
  });

  it('a number in both Chinese sentences of a bead counts once', () => {
    const cost = (x: string) => {
      const model = segmentModel(['The 45 boats came. Rain fell.'], [`45艘船来了。下雨${x}了。`]);
      return model.pair(0, 1, model.zh, 0, 2);
    };
    // "01" is no anchor (its value is 1) and as long as "45".
    expect(cost('45')).toBeCloseTo(cost('01'), 12);
  });
});

describe('number words of the English are read only when a small Chinese number finds no digits', () => {
  it('a Chinese 45 matched by English digits: "two" is not read', () => {
    const model = segmentModel(['The 45 boats came in two waves. Rain fell.'], ['45艘船分批抵达。下雨了。又下雨了。']);
    expect(model.en.ids[0]).toHaveLength(1);
  });

  it('a Chinese 100 unmatched is not small: "two" is not read', () => {
    const model = segmentModel(['Two crews sailed a hundred boats. Rain fell.'], ['两组船员驾驶100艘船。下雨了。又下雨了。']);
    expect(model.en.ids[0]).toBeUndefined();
  });

  it('a Chinese 2 unmatched: "two" is read', () => {
    const model = segmentModel(['Two crews sailed the boats. Rain fell.'], ['两名船员驾驶船只。下雨了。又下雨了。']);
    expect(model.en.ids[0]).toEqual(model.zh.ids[0]);
  });
});

describe('scanning Chinese text', () => {
  it('十五万 is 150,000', () => {
    expect(zhNumeralValue('十五万')).toBe(150000);
  });

  it('百 without 分之 is no percent, and counts as a Han character', () => {
    expect(textAnchors('百姓生活', 'zh')).toEqual({ nums: [], words: [], marks: 0, len: 14 });
  });

  it('第 before no numeral is a plain Han character', () => {
    expect(textAnchors('府第', 'zh')).toEqual({ nums: [], words: [], marks: 0, len: 7 });
  });

  it('a comma and a space before digits end a number', () => {
    expect(textAnchors('2, 30和40', 'zh').nums).toEqual([2, 30, 40]);
  });

  it("Latin words join over ' ’ and - (not over a space)", () => {
    expect(textAnchors("奥尼尔O'Neill与Coca-Cola和O’Brien，Liam Kelly", 'zh').words).toEqual(["o'neill", 'coca-cola', 'o’brien', 'liam', 'kelly']);
  });

  it('extension-A, compatibility and extension-B characters count as one Han character each', () => {
    // The first and last code units of each range: U+3400, U+4DBF, U+F900, U+FAFF.
    expect(textAnchors('㐀\u4dbf\uf900\ufaff', 'zh').len).toBe(14);
    // Surrogate pairs from high surrogates D840 (U+20000) to D8BF.
    expect(textAnchors('𠀀\ud8bf\udc00', 'zh').len).toBe(7);
  });

  it('a smaller segment after a larger one reads only its own sentences', () => {
    alignSentences(['One boat. Two boats. Three.'], ['一艘船。', '两艘船。ABC三。']);
    expect(pairs(alignSentences(['One boat came in. Then more.'], ['一艘船来了。']))).toEqual([[['One boat came in.', 'Then more.'], ['一艘船来了。']]]);
  });
});

describe('an English quote opened by an apostrophe', () => {
  it('a capitalized month after a day and a space is a month', () => {
    expect(textAnchors('Born 26 December.', 'en').nums).toEqual([26, 12]);
    expect(textAnchors('Born 26December.', 'en').nums).toEqual([26]);
  });

  it("at the text's start is a quote; closing after a comma is not", () => {
    expect(textAnchors("'Go,' he said.", 'en').marks).toBe(textAnchors('"Go," he said.', 'en').marks);
    expect(textAnchors("Go,' he said.", 'en').marks).toBe(0);
  });
});
