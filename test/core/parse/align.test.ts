import { describe, expect, it } from 'vitest';
import { alignParagraphs, detectLayout, numbers, type Para } from '../../../lambdas/core/parse/align.js';

const E = (text: string): Para => ({ text, lang: 'en' });
const Z = (text: string): Para => ({ text, lang: 'zh' });

// Short bilingual news paragraphs, each pair a faithful translation.
const P = [
  ['More than 600 reservists from three cities took part in a two-day flood rescue exercise along the river this week.', '本周，来自3个城市的600余名预备役人员在河流沿岸参加了为期两天的抗洪救援演练。'],
  ['The drill simulated a dike breach after days of heavy rain, and teams used 45 assault boats to evacuate residents.', '演练模拟连日暴雨后发生堤坝决口的情况，各分队出动45艘冲锋舟转移群众。'],
  ['Organizers added a night phase for the first time this year, so that the teams could practice under floodlights.', '今年，组织方首次增加了夜间演练环节，让各分队练习在探照灯下作业。'],
  ['Local officials said the exercise helped them test a new system for sharing river gauge readings with rescue units.', '当地官员表示，这次演练帮助他们检验了一套向救援分队共享河道水位读数的新系统。'],
  ['The NTS manages more than 270 historic buildings and 38 gardens across Scotland.', 'NTS负责管理苏格兰各地270多座历史建筑和38个花园。'],
] as const;

const pairs = (beads: ReturnType<typeof alignParagraphs>['beads']) => beads.map((b) => [b.en, b.zh]);

describe('alignParagraphs', () => {
  it('aligns an interleaved EN→ZH page one to one', () => {
    const paras = P.flatMap(([e, z]) => [E(e), Z(z)]);
    expect(pairs(alignParagraphs(paras).beads)).toEqual([[[0], [1]], [[2], [3]], [[4], [5]], [[6], [7]], [[8], [9]]]);
  });

  it('aligns an interleaved ZH→EN page and says Chinese leads', () => {
    const paras = P.flatMap(([e, z]) => [Z(z), E(e)]);
    const r = alignParagraphs(paras);
    expect(r.firstLang).toBe('zh');
    expect(pairs(r.beads)).toEqual([[[1], [0]], [[3], [2]], [[5], [4]], [[7], [6]], [[9], [8]]]);
  });

  it('finds a paragraph translated as two (1-2)', () => {
    const paras = [E(P[0][0]), Z(P[0][1]), E(`${P[1][0]} ${P[2][0]}`), Z(P[1][1]), Z(P[2][1]), E(P[3][0]), Z(P[3][1])];
    expect(pairs(alignParagraphs(paras).beads)).toEqual([[[0], [1]], [[2], [3, 4]], [[5], [6]]]);
  });

  it('finds two paragraphs translated as one (2-1)', () => {
    const paras = [E(P[0][0]), Z(P[0][1]), E(P[1][0]), E(P[2][0]), Z(`${P[1][1]}${P[2][1]}`), E(P[3][0]), Z(P[3][1])];
    expect(pairs(alignParagraphs(paras).beads)).toEqual([[[0], [1]], [[2, 3], [4]], [[5], [6]]]);
  });

  it('leaves an untranslated paragraph on its own (1-0 and 0-1)', () => {
    const extraZh = '蝙蝠受到严格保护，杀死、骚扰或破坏它们的栖息地都属于违法行为。';
    const paras = [E(P[0][0]), Z(P[0][1]), Z(extraZh), E(P[1][0]), Z(P[1][1]), E(P[2][0]), E(P[3][0]), Z(P[3][1])];
    expect(pairs(alignParagraphs(paras).beads)).toEqual([[[0], [1]], [[], [2]], [[3], [4]], [[5], []], [[6], [7]]]);
  });

  it('pairs a translation shown one pair late when the two share an anchor, and only then', () => {
    // E0 Z0, then E1 E2 Z2 Z1: Z1 (the Chinese of E1) comes after the next pair.
    const e1 = 'The port handled 4,200 containers on Tuesday, a record for the month of July.';
    const z1 = '港口周二处理了4200个集装箱，创下7月份的纪录。';
    const r = alignParagraphs([E(P[0][0]), Z(P[0][1]), E(e1), E(P[1][0]), Z(P[1][1]), Z(z1)]);
    expect(pairs(r.beads)).toEqual([[[0], [1]], [[2], [5]], [[3], [4]]]);
    // Nothing shared (no number, name or date): two paragraphs of a similar size stay one-sided.
    const e2 = 'Officials said the work would go on through the rest of the summer season.';
    const z2 = '有关负责人表示，相关工作将持续整个夏季，直到秋天。';
    const s = alignParagraphs([E(P[0][0]), Z(P[0][1]), E(e2), E(P[1][0]), Z(P[1][1]), Z(z2)]);
    expect(pairs(s.beads)).toEqual([[[0], [1]], [[2], []], [[3], [4]], [[], [5]]]);
  });

  it('reads month names and weekdays as the numbers a Chinese date writes', () => {
    expect(numbers('Talks resume on Tuesday, 4 March, and end in October.', true)).toEqual(['day2', '3', '10', '4']);
    expect(numbers('He said they may march in May.', true)).toEqual([]);
    expect(numbers('会谈于3月4日周二恢复，10月结束；星期天休会。', false)).toEqual(['day2', 'day7', '3', '4', '10']);
  });

  it('uses Latin names and numbers inside the Chinese as anchors', () => {
    // Lengths alone would pair the long English paragraph with both Chinese ones.
    const paras = [E(P[4][0]), Z(P[4][1]), Z('他说，这些工作需要更多志愿者参与，也需要公众的理解和支持。')];
    expect(pairs(alignParagraphs(paras).beads)).toEqual([[[0], [1]], [[], [2]]]);
  });

  it('aligns a block layout (all English, then all Chinese) with a 1-2 inside', () => {
    const paras = [E(P[0][0]), E(`${P[1][0]} ${P[2][0]}`), E(P[3][0]), Z(P[0][1]), Z(P[1][1]), Z(P[2][1]), Z(P[3][1])];
    const r = alignParagraphs(paras);
    expect(r.layout).toBe('block');
    expect(pairs(r.beads)).toEqual([[[0], [3]], [[1], [4, 5]], [[2], [6]]]);
  });

  it('uses Latin names as anchors when a page has more of them than one bit word holds', () => {
    // 40 names shared by the English paragraph and its translation (anchors past bit 31).
    const names = Array.from({ length: 40 }, (_, i) => `Nm${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const en = `The delegation included ${names.join(', ')} and their advisers.`;
    const zh = `代表团成员包括${names.join('、')}及其顾问。`;
    const other = '他说，这些工作需要更多志愿者参与，也需要公众的理解和支持，各方应当加强合作。'.repeat(6);
    expect(pairs(alignParagraphs([E(en), Z(zh), Z(other)]).beads)).toEqual([[[0], [1]], [[], [2]]]);
    expect(pairs(alignParagraphs([E(en), Z(other), Z(zh)]).beads)).toEqual([[[], [1]], [[0], [2]]]);
  });

  it('matches a short Latin word only where it stands alone in the English', () => {
    const withA = Z('委员会经过晚间的长时间辩论，选择了方案A。');
    const other = Z('他说，这些工作需要更多志愿者参与，也需要公众的。');
    const alone = 'Plan A was chosen by the committee after a long debate that evening.';
    // "a" only inside words (was, after, that): no anchor, so length pairs the first Chinese paragraph.
    const inside = 'Plan B was chosen by the committee after one long debate that evening.';
    expect(pairs(alignParagraphs([E(alone), other, withA]).beads)).toEqual([[[], [1]], [[0], [2]]]);
    expect(pairs(alignParagraphs([E(inside), other, withA]).beads)).toEqual([[[0], [1]], [[], [2]]]);
  });

  it('keeps every paragraph once whatever odd characters the texts hold', () => {
    const odd = ['\u0001', 'İ', '\u212a', 'ſ', '\u00a0', '\u200b', '😀', '-', '.'];
    const paras: Para[] = [];
    for (let i = 0; i < 12; i++) paras.push(i % 2 ? Z(`${odd[i % odd.length]}${P[i % 5]![1]}NTS${odd[(i + 3) % odd.length]}`) : E(`${odd[i % odd.length]}${P[i % 5]![0]}${odd[(i + 5) % odd.length]}nts`));
    const { beads } = alignParagraphs(paras);
    expect(beads.flatMap((b) => b.en)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(beads.flatMap((b) => b.zh)).toEqual([1, 3, 5, 7, 9, 11]);
  });

  it('gives every bead a confidence in 0..1', () => {
    const r = alignParagraphs(P.flatMap(([e, z]) => [E(e), Z(z)]));
    for (const b of r.beads) {
      expect(b.confidence).toBeGreaterThan(0);
      expect(b.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('numbers', () => {
  it.each([
    ['三个岛国和十二名医生，共计4.8万棵树', 'zh', ['3', '12', '4.8', '48000']],
    ['two-day drill for 600 reservists and 1.2 billion yuan', 'en', ['2', '600', '1.2', '1200000000']],
    ['一些人认为', 'zh', []],
    // Comma groups, leading zeros, a scale after a space, "bn" glued on; "12,34" is not a number.
    ['1,000 people, 12,34 and 007 boats; 5 million yuan, 3.50 m and 2bn', 'en', ['1000', '7', '5', '5000000', '3.5', '3500000', '2', '2000000000']],
    // Number words count only as whole words.
    ['Twenty-two TWO two_ 2two', 'en', ['20', '2']],
    ['4.8万人和3亿元，两名', 'zh', ['2', '4.8', '48000', '3', '300000000']],
  ] as const)('numbers of %s', (text, lang, nums) => {
    expect([...numbers(text, lang === 'en')].sort()).toEqual([...nums].sort());
  });
});

describe('detectLayout', () => {
  it.each([
    [['en', 'zh', 'en', 'zh', 'en', 'zh'], 'interleaved'],
    [['en', 'en', 'en', 'en', 'zh', 'zh', 'zh', 'zh'], 'block'],
    [['zh', 'zh', 'zh', 'zh', 'en', 'en', 'en', 'en', 'zh'], 'block'],
    [['en', 'en'], 'single'],
  ] as const)('%j → %s', (langs, layout) => {
    expect(detectLayout(langs.map((lang) => ({ lang, text: 'x' })))).toBe(layout);
  });
});
