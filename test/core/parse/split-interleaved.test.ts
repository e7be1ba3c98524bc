/**
 * Paragraphs that hold sentence after translated sentence in one element, with no break
 * between ("English. 中文。 English. 中文。"): split.ts cuts after each Chinese sentence an
 * English sentence follows, as it already cut English followed by Chinese.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../lambdas/core/parse/index.js';
import { splitByScript } from '../../../lambdas/core/parse/split.js';
import { SPLIT_INTERLEAVED_MAX } from '../../../lambdas/core/parse/heuristics.js';

const S = [
  ['Night trains are back on several European routes.', '夜间列车重新回到了欧洲的几条线路上。'],
  ['Travellers say they like sleeping on the way.', '旅客们说他们喜欢在路上睡觉。'],
  ['Rail companies ordered new sleeper cars last year.', '铁路公司去年订购了新的卧铺车厢。'],
] as const;

describe('splitByScript: sentences of both languages in turn', () => {
  it('English first: each sentence its own piece', () => {
    expect(splitByScript(S.flatMap(([en, zh]) => [en, zh]).join(' '))).toEqual(S.flatMap(([en, zh]) => [en, zh]));
  });

  it('Chinese first, with or without a space after the full stop', () => {
    expect(splitByScript(S.flatMap(([en, zh]) => [zh, en]).join(' '))).toEqual(S.flatMap(([en, zh]) => [zh, en]));
    expect(splitByScript(S.flatMap(([en, zh]) => [zh, en]).join(''))).toEqual(S.flatMap(([en, zh]) => [zh, en]));
  });

  it('a closing quote after the Chinese full stop stays with it', () => {
    const zh = '“我们希望人们能再次看到银河。”';
    const en = '"We want people to see the Milky Way again," an official said.';
    expect(splitByScript(`${zh} ${en} 一位公园官员这样说道。`)).toEqual([zh, en, '一位公园官员这样说道。']);
  });

  it('up to SPLIT_INTERLEAVED_MAX characters (each cut counts the rest again: a hostile megabyte would be quadratic)', () => {
    const pair = S.map(([en, zh]) => `${zh} ${en}`).join(' ');
    const within = Array.from({ length: Math.floor(SPLIT_INTERLEAVED_MAX / (pair.length + 1)) }, () => pair).join(' ');
    expect(within.length).toBeLessThanOrEqual(SPLIT_INTERLEAVED_MAX);
    expect(splitByScript(within)).toHaveLength((within.match(/。/g) ?? []).length * 2);
    const over = `${within} ${pair}`;
    expect(over.length).toBeGreaterThan(SPLIT_INTERLEAVED_MAX);
    expect(splitByScript(over).length).toBeLessThan(3);
  });

  it.each([
    ['an English name after a Chinese sentence, no English sentence', '会议在北京举行。 Beijing Conference Center 位于市中心，交通十分便利。'],
    ['a short English quotation', '他笑着说：“很好。” Good idea. 然后离开了会场，没有再说什么。'],
    ['an English sentence in lower case', '会议在北京举行。 it was held downtown near the river. 然后大家回家了。'],
  ])('not cut: %s', (_why, line) => {
    expect(splitByScript(line)).toEqual([line]);
  });
});

describe('the parser pairs the sentences of such paragraphs', () => {
  it('two mixed paragraphs give a pair per sentence', () => {
    const p1 = S.slice(0, 2).flatMap(([en, zh]) => [en, zh]).join(' ');
    const p2 = S.slice(2).flatMap(([en, zh]) => [en, zh]).join(' ');
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>Night trains return</title></head><body><article><h1>Night trains return 夜间列车回归</h1><p>${p1}</p><p>${p2}</p></article></body></html>`;
    const r = parseArticle({ bytes: html });
    if (!r.ok) throw new Error(r.reason);
    expect(r.article.segments.map((s) => [(s.en ?? []).join(' '), (s.zh ?? []).join(' ')])).toEqual(S.map(([en, zh]) => [en, zh]));
  });
});

describe('the cut after a Chinese sentence: its edges', () => {
  // The line opens with Chinese and closes with Chinese, so only this cut can split it.
  const Z = '这是第一句中文。';
  const Z2 = '然后是第二句中文。';
  const line = (en: string, head = Z) => `${head} ${en} ${Z2}`;
  const cuts = (en: string, head = Z) => expect(splitByScript(line(en, head))).toEqual([head, en, Z2]);
  const keeps = (en: string, head = Z) => expect(splitByScript(line(en, head))).toEqual([line(en, head)]);

  it('SPLIT_WORDS_MIN words (3), not 2, even with two spaces between them', () => {
    cuts('Alpha betagamma delta.');
    keeps('Alphabeta gammadelta.');
    keeps('Alphabeta  gammadelta.');
  });

  it('SPLIT_LATIN_MIN Latin letters (12), not 11', () => {
    cuts('Ab cd efgh ijkl.');
    keeps('Ab cd efg hijk.');
    // With Latin letters elsewhere in the line (past the whole line's fast refusal), the run's own count decides.
    keeps('Ab cd efg hijk.', '中文一二 ABCDEFGHIJKL 内容。');
  });

  it('SPLIT_HAN_MIN Han before the cut (4), not 3 (the Chinese after it does not count)', () => {
    cuts('Alpha beta gamma delta.', '一二三四。');
    keeps('Alpha beta gamma delta.', '一二三。');
  });

  it('the English must end like a sentence, at its end: a full stop inside it is not enough; a closing quote may follow the stop', () => {
    keeps('Dr. Wang said the work goes on');
    cuts('He said "we will go."');
  });

  it('a line of exactly SPLIT_INTERLEAVED_MAX characters is still cut', () => {
    const base = S.map(([en, zh]) => `${zh} ${en}`).join(' ');
    const exact = `${base.replace(' ', ' '.repeat(SPLIT_INTERLEAVED_MAX - base.length + 1))}`;
    expect(exact.length).toBe(SPLIT_INTERLEAVED_MAX);
    expect(splitByScript(exact)).toEqual(S.flatMap(([en, zh]) => [zh, en]));
  });
});
