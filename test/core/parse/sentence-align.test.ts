import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SentenceBead } from '../../../lambdas/core/article.js';
import { sentenceShape } from '../../../lambdas/core/ids.js';
import { alignSentences, alignUnits, segmentModel, textAnchors, zhNumeralValue } from '../../../lambdas/core/parse/sentence-align.js';
import { splitSentences } from '../../../lambdas/core/parse/sentences.js';

/** Beads as [English sentences, Chinese sentences]. */
const pairs = (beads: SentenceBead[]) => beads.map((b) => [b.en, b.zh]);

// Every example is written for these tests: news-style paragraphs and faithful translations.
describe('alignSentences', () => {
  it.each([
    [
      'one to one, three sentences a side',
      ['The drill began at dawn on Tuesday. More than 300 soldiers took part. It ended with a live-fire exercise.'],
      ['演习于周二黎明开始。300多名官兵参加。演习以实弹射击结束。'],
      [
        [['The drill began at dawn on Tuesday.'], ['演习于周二黎明开始。']],
        [['More than 300 soldiers took part.'], ['300多名官兵参加。']],
        [['It ended with a live-fire exercise.'], ['演习以实弹射击结束。']],
      ],
    ],
    [
      'a question with its question',
      ['Can the dike hold another storm? Engineers are not sure. They plan to add sandbags this week.'],
      ['堤坝还能再经受一场风暴吗？工程师们也没有把握。他们计划本周加固沙袋。'],
      [
        [['Can the dike hold another storm?'], ['堤坝还能再经受一场风暴吗？']],
        [['Engineers are not sure.'], ['工程师们也没有把握。']],
        [['They plan to add sandbags this week.'], ['他们计划本周加固沙袋。']],
      ],
    ],
    [
      'one English sentence translated as two (1-2)',
      ['The ship carried 118 medical staff, who performed 86 operations on board.'],
      ['医院船搭载了118名医务人员。他们在船上共完成86台手术。'],
      [[['The ship carried 118 medical staff, who performed 86 operations on board.'], ['医院船搭载了118名医务人员。', '他们在船上共完成86台手术。']]],
    ],
    [
      'a Chinese sentence cut at its comma where the English ends a sentence (2-1 refined)',
      ['The expert team worked in the area for two weeks. They gave check-ups to more than 1,200 villagers.'],
      ['专家组在当地工作了两周，共为1200多名村民做了体检。'],
      [
        [['The expert team worked in the area for two weeks.'], ['专家组在当地工作了两周，']],
        [['They gave check-ups to more than 1,200 villagers.'], ['共为1200多名村民做了体检。']],
      ],
    ],
    [
      'a quotation cut after the speaker (2-1 refined)',
      ['"Many patients had waited years for an eye operation," said Captain Chen Haiyang. "Seeing them read the next morning is the best reward."'],
      ['“许多患者为一台眼科手术已经等了好几年，”陈海洋说，“看到他们第二天就能读报，是最好的回报。”'],
      [
        [['"Many patients had waited years for an eye operation," said Captain Chen Haiyang.'], ['“许多患者为一台眼科手术已经等了好几年，”陈海洋说，']],
        [['"Seeing them read the next morning is the best reward."'], ['“看到他们第二天就能读报，是最好的回报。”']],
      ],
    ],
    [
      'a 2-1 kept whole when the English reorders the Chinese clauses',
      ['A Chinese naval hospital ship returned to its home port in Zhoushan on April 2. It had completed a 40-day medical service mission.'],
      ['4月2日，一艘中国海军医院船结束为期40天的医疗服务任务，返回舟山某军港。'],
      [
        [
          ['A Chinese naval hospital ship returned to its home port in Zhoushan on April 2.', 'It had completed a 40-day medical service mission.'],
          ['4月2日，一艘中国海军医院船结束为期40天的医疗服务任务，返回舟山某军港。'],
        ],
      ],
    ],
    [
      'a paragraph break on one side ends a bead',
      ['The bridge opened on Monday after three years of work. Local residents had waited decades for it.'],
      ['大桥在历时三年施工后于周一通车。', '当地居民为此等待了几十年。'],
      [
        [['The bridge opened on Monday after three years of work.'], ['大桥在历时三年施工后于周一通车。']],
        [['Local residents had waited decades for it.'], ['当地居民为此等待了几十年。']],
      ],
    ],
    [
      'a bead may span a paragraph break when the translation does',
      ['The bridge, which opened on Monday after three years of work, is one that local residents had waited decades for.'],
      ['大桥在历时三年施工后于周一通车。', '当地居民为此等待了几十年。'],
      [[['The bridge, which opened on Monday after three years of work, is one that local residents had waited decades for.'], ['大桥在历时三年施工后于周一通车。', '当地居民为此等待了几十年。']]],
    ],
    [
      'numbers decide which Chinese sentence a short English one renders (lengths alone pick the other)',
      ['The first team reached the summit at noon. A second group of 45 climbers turned back.'],
      ['第一支队伍中午登顶。第二批45名登山者中途折返下山。另一支小队当天在营地休整待命。'],
      [
        [['The first team reached the summit at noon.'], ['第一支队伍中午登顶。']],
        [['A second group of 45 climbers turned back.'], ['第二批45名登山者中途折返下山。', '另一支小队当天在营地休整待命。']],
      ],
    ],
    [
      'as many sentences a side but lengths that cross: not taken one to one',
      ['Prices rose sharply across the country last month as fuel and food costs climbed. Wages fell.'],
      ['上月价格上涨。由于燃料和食品成本攀升，全国各地的工资都出现了明显的下降，这是多年来的首次。'],
      [
        [
          ['Prices rose sharply across the country last month as fuel and food costs climbed.', 'Wages fell.'],
          ['上月价格上涨。', '由于燃料和食品成本攀升，全国各地的工资都出现了明显的下降，这是多年来的首次。'],
        ],
      ],
    ],
    [
      'untranslated paragraphs: each sentence alone',
      ['The weather was mild. Tickets sold out within an hour.'],
      [],
      [
        [['The weather was mild.'], []],
        [['Tickets sold out within an hour.'], []],
      ],
    ],
    ['a Chinese paragraph alone', [], ['门票在一小时内售罄。天气温和。'], [[[], ['门票在一小时内售罄。']], [[], ['天气温和。']]]],
    ['nothing at all', [], [], []],
  ])('%s', (_name, en, zh, expected) => {
    expect(pairs(alignSentences(en, zh))).toEqual(expected);
  });

  it('puts the keys in the order of languages', () => {
    const beads = alignSentences(['One. Two.'], ['一。二。'], ['zh', 'en']);
    for (const b of beads) expect(Object.keys(b)).toEqual(['zh', 'en']);
    expect(Object.keys(alignSentences(['One.'], ['一。'])[0]!)).toEqual(['en', 'zh']);
  });

  it('uses a segment-own length ratio: a verbose translation still pairs one to one', () => {
    const en = ['Prices rose. Wages fell. Rents doubled.'];
    // Each Chinese sentence is about three times as long as usual for its English.
    const zh = ['根据统计部门周一公布的最新数据，各类商品价格普遍上涨。同一时期，城镇职工的平均实际工资出现了下降。与此同时，大城市的住房租金翻了一番。'];
    expect(alignSentences(en, zh).map((b) => [b.en!.length, b.zh!.length])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it('aligns a paragraph of thousands of sentences within a band, covering all of them', () => {
    const enS = Array.from({ length: 3000 }, (_, i) => `Unit ${i} of the brigade moved ${i % 7 === 0 ? 'north across the long river valley' : 'east'}.`);
    const zhS = Array.from({ length: 3000 }, (_, i) => `第${i}分队${i % 7 === 0 ? '向北穿过漫长的河谷' : '向东'}机动。`);
    const beads = alignSentences([enS.join(' ')], [zhS.join('')]);
    expect(beads.flatMap((b) => b.en)).toEqual(enS);
    expect(beads.flatMap((b) => b.zh)).toEqual(zhS);
    // Numbers and lengths agree sentence by sentence: one to one throughout.
    expect(beads.every((b) => b.en!.length === 1 && b.zh!.length === 1)).toBe(true);
  });
});

describe('alignSentences on lopsided and huge inputs (linear: these would not finish otherwise)', () => {
  it.each([
    ['20,000 English sentences against one Chinese', 20_000, 1],
    ['one English sentence against 20,000 Chinese', 1, 20_000],
    ['5,000 against 15,000', 5_000, 15_000],
  ])('%s', (_name, n, m) => {
    const en = Array.from({ length: n }, (_, i) => `Line ${i} is here.`);
    const zh = Array.from({ length: m }, (_, i) => `第${i}行。`);
    const beads = alignSentences([en.join(' ')], [zh.join('')]);
    expect(beads.flatMap((b) => b.en)).toEqual(en);
    expect(beads.flatMap((b) => b.zh)).toEqual(zh);
  });

  it('one sentence holding 50,000 numbers', () => {
    const big = `${Array.from({ length: 50_000 }, (_, i) => String(i + 2)).join(' ')}.`;
    const beads = alignSentences([`${big} Short.`], [`${Array.from({ length: 50_000 }, (_, i) => String(i + 2)).join('、')}。短。`]);
    expect(pairs(beads).map(([e, z]) => [e!.length, z!.length])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});

describe('textAnchors', () => {
  it.each([
    ['digits and scale words', 'It raised £120 million and 12,600 people, 3.5 percent more.', 'en', [120, 120000000, 12600, 3.5]],
    ['number words, ordinals, hyphened tens', 'Two teams and twenty-five soldiers came third.', 'en', [2, 25, 3]],
    ['months beside a day, not the verb', 'On Dec. 26 and 5 May; we may go in March.', 'en', [26, 5, 12]],
    ['"one" is no anchor', 'One of them came at one.', 'en', []],
    ['万 and 亿 after digits', '投资3.5亿元，惠及2万人。', 'zh', [3.5, 350000000, 2, 20000]],
    ['numerals before a measure word, after 第', '三个岛国的十二名队员第四次来访。', 'zh', [3, 12, 4]],
    ['no number in 一些, 统一, 十分, 几十年, 百年', '一些地方统一行动，十分重要，几十年的百年老店。', 'zh', []],
    ['百分之', '增长了百分之五十。', 'zh', [50]],
    ['digits and numerals in a date', '2004年12月26日', 'zh', [2004, 12, 26]],
  ] as const)('%s', (_name, text, lang, nums) => {
    expect(textAnchors(text, lang).nums).toEqual(nums);
  });

  it('keeps the Latin words of Chinese text, lower-cased', () => {
    expect(textAnchors('NATO秘书长与Liam Kelly讨论了HER2和U.S.政策，A股未动。', 'zh').words).toEqual(['nato', 'liam', 'kelly', 'her2', 'u.s']);
  });

  it.each([
    ['Why now?', 'en', 1],
    ['Run!', 'en', 2],
    ['He said "go".', 'en', 4],
    ["It is 'phenomenal'.", 'en', 4],
    ["It isn't.", 'en', 0],
    ['Up 5%, or five per cent.', 'en', 8],
    ['为什么？', 'zh', 1],
    ['快跑！', 'zh', 2],
    ['他说：“走。”', 'zh', 4],
    ['他說：「走。」', 'zh', 4],
    ['增长5％。', 'zh', 8],
  ] as const)('marks of %s', (text, lang, marks) => {
    expect(textAnchors(text, lang).marks).toBe(marks);
  });

  it('measures Chinese in English characters: Han × 3.5, Latin letters and digits × 0.85', () => {
    expect(textAnchors('北约NATO在2024年', 'zh').len).toBeCloseTo(3.5 * 4 + 0.85 * 8);
    expect(textAnchors('NATO met.', 'en').len).toBe(9);
  });
});

describe('zhNumeralValue', () => {
  it.each([
    ['三', 3],
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['三千五百万', 35000000],
    ['两亿', 200000000],
    ['二〇一七', 2017],
    ['十', 10],
    ['萬', 10000],
  ])('%s = %d', (s, v) => {
    expect(zhNumeralValue(s)).toBe(v);
  });
});

describe('sentenceShape', () => {
  it('names beads by their sentence lengths, per bead and language', () => {
    const a: SentenceBead[][] = [[{ en: ['Ab.', 'C.'], zh: ['甲。'] }]];
    expect(sentenceShape(a, ['en', 'zh'])).toBe('|3,2,|2,;/');
    expect(sentenceShape([[{ en: ['Ab.'], zh: ['甲。'] }, { en: ['C.'], zh: [] }]], ['en', 'zh'])).not.toBe(sentenceShape(a, ['en', 'zh']));
  });
});

// Generated paragraphs: sentences from small pieces, with stops, quotes, numbers, names and noise.
const enPiece = fc.constantFrom('The ship', 'Mr. Li', 'U.S.', 'sailed', '3.5 km', '"Go!"', 'NATO', 'two', 'on Dec. 5', 'said', '(see below.)', 'and', 'fourth', "don't", '?', '...');
const zhPiece = fc.constantFrom('医院船', '李先生', '北约NATO', '航行了3.5公里', '“走！”', '两名', '第四', '12月5日', '说', '，', '；', '……', '？', '百分之五');
const enSentence = fc.array(enPiece, { minLength: 1, maxLength: 8 }).map((ws) => `${ws.join(' ')}.`);
const zhSentence = fc.array(zhPiece, { minLength: 1, maxLength: 8 }).map((ws) => `${ws.join('')}。`);
const noise = fc.string({ unit: 'binary', maxLength: 30 });
const paras = (s: fc.Arbitrary<string>) => fc.array(fc.oneof({ weight: 4, arbitrary: fc.array(s, { minLength: 1, maxLength: 4 }).map((x) => x.join(' ')) }, { weight: 1, arbitrary: noise }), { maxLength: 3 });
const squash = (xs: readonly string[]) => xs.join('').replace(/\s+/g, '');

describe('alignSentences properties', () => {
  it('rejoins each side to its paragraphs, beads in order, every bead holding a sentence; never throws', () => {
    fc.assert(
      fc.property(paras(enSentence), paras(zhSentence), (en, zh) => {
        const beads = alignSentences(en, zh);
        expect(squash(beads.flatMap((b) => b.en!))).toBe(squash(en));
        expect(squash(beads.flatMap((b) => b.zh!))).toBe(squash(zh));
        for (const b of beads) {
          expect(b.en!.length + b.zh!.length).toBeGreaterThan(0);
          for (const s of [...b.en!, ...b.zh!]) expect(s).toBe(s.trim());
        }
        // Every sentence of the splitter is covered once, in order (a Chinese one may come in clause pieces).
        expect(beads.flatMap((b) => b.en!)).toEqual(en.flatMap((p) => splitSentences(p)));
        expect(squash(beads.flatMap((b) => b.zh!))).toBe(squash(zh.flatMap((p) => splitSentences(p))));
        // A sentence never spans two paragraphs.
        for (const s of beads.flatMap((b) => b.zh!)) expect(zh.some((p) => p.includes(s))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(paras(enSentence), paras(zhSentence), (en, zh) => {
        expect(alignSentences(en, zh)).toEqual(alignSentences(en, zh));
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.array(noise, { maxLength: 3 }), fc.array(noise, { maxLength: 3 }), (en, zh) => {
        const beads = alignSentences(en, zh);
        expect(squash(beads.flatMap((b) => b.en!))).toBe(squash(en));
        expect(squash(beads.flatMap((b) => b.zh!))).toBe(squash(zh));
      }),
      { numRuns: 300 },
    );
  });

  it('prunes exactly: the DP with bounds finds the beads the plain DP finds', () => {
    // Sentences of random length, sharing numbers or not, so that bead costs come close.
    const en = fc.tuple(fc.integer({ min: 1, max: 25 }), fc.option(fc.integer({ min: 2, max: 60 }), { nil: undefined }), fc.boolean()).map(([w, n, q]) => `${'Word '.repeat(w)}${n ?? ''}${q ? '?' : '.'}`);
    const zh = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.option(fc.integer({ min: 2, max: 60 }), { nil: undefined }), fc.boolean()).map(([w, n, q]) => `${'字'.repeat(w)}${n ?? ''}${q ? '？' : '。'}`);
    const side = (s: fc.Arbitrary<string>) => fc.array(fc.array(s, { minLength: 1, maxLength: 4 }).map((x) => x.join(' ')), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(side(en), side(zh), (e, z) => {
        const model = segmentModel(e, z);
        expect(alignUnits(model, true)).toEqual(alignUnits(model, false));
      }),
      { numRuns: 1000 },
    );
  });
});
