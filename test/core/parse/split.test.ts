import { describe, expect, it } from 'vitest';
import type { Block } from '../../../lambdas/core/parse/html.js';
import { joinPieces, splitBlocks, splitByScript } from '../../../lambdas/core/parse/split.js';

const block = (lines: string[], tag = 'p'): Block => ({ lines, tag, heading: 0, linkChars: 0, chars: lines.join('').length, chrome: false, container: 1 });

describe('splitByScript', () => {
  it.each([
    ['Global efforts to ban landmines face headwinds 国际禁雷努力遭遇地缘政治逆流', ['Global efforts to ban landmines face headwinds', '国际禁雷努力遭遇地缘政治逆流']],
    ['国际禁雷努力遭遇地缘政治逆流 Global efforts to ban landmines face headwinds', ['国际禁雷努力遭遇地缘政治逆流', 'Global efforts to ban landmines face headwinds']],
    ['Navy drill ends | 海军演习结束', ['Navy drill ends', '海军演习结束']],
    ['He said: "We will win." 他说：“我们会赢。”', ['He said: "We will win."', '他说：“我们会赢。”']],
    // A Chinese paragraph opening with a Latin name is cut at the English sentence end.
    ['He grew up in Baton Rouge and played for the team. Sims 时年 20 岁，在巴吞鲁日长大。', ['He grew up in Baton Rouge and played for the team.', 'Sims 时年 20 岁，在巴吞鲁日长大。']],
    // Chinese with names inside stays whole.
    ['Dolly Menga 为利文斯顿队打进的第一粒球锁定了比赛胜局', ['Dolly Menga 为利文斯顿队打进的第一粒球锁定了比赛胜局']],
    ['The term 一带一路 appears often.', ['The term 一带一路 appears often.']],
  ])('%s', (line, parts) => {
    expect(splitByScript(line)).toEqual(parts);
  });
});

describe('splitByScript at its thresholds (each pair: just enough, just too little)', () => {
  const S = (line: string, heading = false) => splitByScript(line, heading);
  it.each([
    // English first: three words and a dozen Latin letters ending a sentence…
    ['Navy drill ends. 海军演习结束', ['Navy drill ends.', '海军演习结束']],
    ['Extraordinary drills. 海军演习结束', ['Extraordinary drills. 海军演习结束']],
    ['Big navy drill. 海军演习结束', ['Big navy drill.', '海军演习结束']],
    ['Big navy dril. 海军演习结束', ['Big navy dril. 海军演习结束']],
    ['Navy drill ends. 海军演习', ['Navy drill ends.', '海军演习']],
    ['Navy drill ends. 海军演', ['Navy drill ends. 海军演']],
    // No Han at all in the English part (an extension-plane character is Han too).
    ['Navy drill 𠮷 ends. 海军演习结束', ['Navy drill 𠮷 ends. 海军演习结束']],
    // …or, without a sentence end, six words before ten Han.
    ['The navy held a big drill 海军举行大型军事演习', ['The navy held a big drill', '海军举行大型军事演习']],
    ['The navy held a big drill 海军举行了军事演习', ['The navy held a big drill 海军举行了军事演习']],
    ['The navy held big drills 海军举行了一场大型军事演习活动', ['The navy held big drills 海军举行了一场大型军事演习活动']],
    // The Chinese part must be Chinese by a margin.
    ['Navy drill ends. 海军演习NATO', ['Navy drill ends.', '海军演习NATO']],
    ['Navy drill ends. 海军演习NATO and OTAN', ['Navy drill ends. 海军演习NATO and OTAN']],
    // Chinese first: after a sentence end, three words and a dozen letters…
    ['海军演习结束。 Navy drill ends', ['海军演习结束。', 'Navy drill ends']],
    ['海军演习结束。 Navydrill endsnow', ['海军演习结束。 Navydrill endsnow']],
    ['海军演习结束。 Big navy drill', ['海军演习结束。', 'Big navy drill']],
    ['海军演习结束。 Big navy dril', ['海军演习结束。 Big navy dril']],
    ['海军演习。 Navy drill ends', ['海军演习。', 'Navy drill ends']],
    ['海军演。 Navy drill ends', ['海军演。 Navy drill ends']],
    // …and without one, five words.
    ['海军演习结束 The navy drill ends now', ['海军演习结束', 'The navy drill ends now']],
    ['海军演习结束 The navy drill ends', ['海军演习结束 The navy drill ends']],
  ])('%s', (line, parts) => {
    expect(S(line)).toEqual(parts);
  });

  it.each([
    // A two-language heading: three words and ten Latin letters on one side, four Han on the other.
    ['Navy drills end 海军演习结束', ['Navy drills end', '海军演习结束']],
    ['Navy drills 海军演习结束', ['Navy drills 海军演习结束']],
    ['Big seas ops 海军演习结束', ['Big seas ops', '海军演习结束']],
    ['Big sea ops 海军演习结束', ['Big sea ops 海军演习结束']],
    ['Navy drills end 海军演习', ['Navy drills end', '海军演习']],
    ['Navy drills end 海军演', ['Navy drills end 海军演']],
  ])('heading %s', (line, parts) => {
    expect(S(line, true)).toEqual(parts);
  });
});

describe('splitByScript in headings', () => {
  it.each([
    ['Navy drill ends 海军演习结束', ['Navy drill ends', '海军演习结束']],
    ['海军演习结束 Navy drill ends', ['海军演习结束', 'Navy drill ends']],
    ['NATO summit: what next? 北约峰会：下一步如何？', ['NATO summit: what next?', '北约峰会：下一步如何？']],
    // A Chinese headline that opens with a Latin name is one headline.
    ['Wayde Sims 枪击案：警方逮捕嫌疑人', ['Wayde Sims 枪击案：警方逮捕嫌疑人']],
    ["Sainsbury's 计划进军英国美容市场", ["Sainsbury's 计划进军英国美容市场"]],
  ])('%s', (line, parts) => {
    expect(splitByScript(line, true)).toEqual(parts);
  });
});

describe('splitBlocks', () => {
  it('splits an HTML block at <br> lines and keeps each language apart', () => {
    const units = splitBlocks([block(['The drill simulated a dike breach after heavy rain.', '演练模拟连日暴雨后发生堤坝决口的情况。'])], false);
    expect(units.map((u) => [u.lang, u.text])).toEqual([
      ['en', 'The drill simulated a dike breach after heavy rain.'],
      ['zh', '演练模拟连日暴雨后发生堤坝决口的情况。'],
    ]);
  });

  it('joins soft line breaks of one language and cuts where the language changes', () => {
    const units = splitBlocks([block(['The drill simulated\ra dike breach.\r演练模拟连日暴雨后\r发生堤坝决口的情况。'])], false);
    expect(units.map((u) => u.text)).toEqual(['The drill simulated a dike breach.', '演练模拟连日暴雨后 发生堤坝决口的情况。']);
  });

  it('joins hard-wrapped plain-text lines (no space between Han characters)', () => {
    const units = splitBlocks([block(['The drill simulated', 'a dike breach.', '演练模拟连日暴雨后', '发生堤坝决口的情况。'], 'text')], true);
    expect(units.map((u) => u.text)).toEqual(['The drill simulated a dike breach.', '演练模拟连日暴雨后发生堤坝决口的情况。']);
  });

  it('keeps a blank line as a paragraph boundary', () => {
    const units = splitBlocks([block(['First English paragraph here.', '', 'Second English paragraph here.'])], false);
    expect(units).toHaveLength(2);
  });

  it.each([
    ['a', 'b', true, 'a b'],
    ['中文', '继续', true, '中文继续'],
    ['中文', '继续', false, '中文 继续'],
    ['', 'b', true, 'b'],
  ])('joinPieces(%s, %s, %s) = %s', (a, b, hard, out) => {
    expect(joinPieces(a, b, hard)).toBe(out);
  });
});
