// parseArticle's evidence for the confidence model (lambdas/core/parse/index.ts), from the
// seed-8 sampled mutation run: the marks a translation keeps, and a one-sided paragraph with a
// one-sided paragraph of the other language nearby. Small made-up pages, read through
// `explain: true` (the features the model sees).
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../../lambdas/core/parse/confidence.js';
import { parseArticle } from '../../../lambdas/core/parse/index.js';

const en1 = 'The river ferry that links the two old towns will run every twenty minutes from next Monday, the city said.';
const zh1 = '市政府表示，连接两座古镇的渡轮从下周一起每二十分钟开行一班。';
const en2 = 'Tickets stay at three yuan, and children under one metre travel free, as they have done since the service began.';
const zh2 = '票价仍为三元，身高一米以下的儿童免费乘船，与开航以来的做法相同。';
const en3 = 'The operator has ordered four new boats, each with room for 120 passengers and their bicycles, to be delivered in 2027.';
const zh3 = '运营方已订购四艘新船，每艘可载120名乘客及其自行车，将于2027年交付。';
const loneEn = 'Residents who commute by boat say the shorter wait will save them nearly half an hour on a typical working day.';
const loneZh = '有市民说，码头附近的早餐店因此生意更好了，老板打算延长营业时间。';
const page = (...paras: string[]) => `<html><body><h1>Ferry runs more often</h1><h2>渡轮班次加密</h2>${paras.map((p) => `<p>${p}</p>`).join('')}</body></html>`;

/** Each segment as "en-zh" sizes with the named feature's value. */
function feature(name: (typeof FEATURE_NAMES)[number], ...paras: string[]): string[] {
  const r = parseArticle({ bytes: page(...paras), explain: true });
  if (!r.ok) throw new Error(r.reason);
  const k = FEATURE_NAMES.indexOf(name);
  return r.article.segments.map((s, i) => `${s.en?.length ?? 0}-${s.zh?.length ?? 0}:${r.features![i]![k]}`);
}

describe('marks a translation keeps', () => {
  it('a question mark on one side only counts; on both sides it does not', () => {
    expect(feature('marks on one side only', en1.replace('said.', 'said?'), zh1, en2, zh2.replace('。', '？'))).toEqual(['1-1:1', '1-1:1']);
    expect(feature('marks on one side only', en1.replace('said.', 'said?'), zh1.replace('。', '？'), en2, zh2)).toEqual(['1-1:0', '1-1:0']);
  });
});

describe('the other language unpaired nearby', () => {
  it('two beads apart: both one-sided beads are marked, the pairs are not', () => {
    expect(feature('other language unpaired nearby', loneEn, en1, zh1, loneZh, en2, zh2)).toEqual(['1-0:1', '1-1:0', '0-1:1', '1-1:0']);
  });
  it('three beads apart: neither is', () => {
    expect(feature('other language unpaired nearby', loneEn, en1, zh1, en2, zh2, loneZh)).toEqual(['1-0:0', '1-1:0', '1-1:0', '0-1:0']);
  });
  it('a one-sided bead at the start or end of the page (no neighbours there) is read, not a crash', () => {
    expect(feature('other language unpaired nearby', loneEn, en1, zh1, en2, zh2, en3, zh3)).toEqual(['1-0:0', '1-1:0', '1-1:0', '1-1:0']);
  });
});
