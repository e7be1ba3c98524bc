/**
 * split.ts, third round (seed-9 sample): the Chinese-margin test at its exact bound, a lone
 * letter before the first Han character, what counts as a sentence end when looking back
 * (a decimal point does not; a closing quote does, an opening one does not), and how a
 * Chinese-first tail must start and how many words it needs.
 */
import { describe, expect, it } from 'vitest';
import { splitByScript } from '../../../lambdas/core/parse/split.js';

describe('the Chinese part must be Chinese by the margin (Han × 2.9 ≥ Latin × 2)', () => {
  const EN = 'The city council approved the new plan.';
  // 20 Han characters and a name of 29 Latin letters: 20 × 2.9 = 29 × 2 exactly.
  const AT = '新的研究中心将由 Westerfield Technology Partners 负责运营和管理，向公众开放。';
  it('exactly at the margin the line is cut', () => {
    expect(splitByScript(`${EN} ${AT}`)).toEqual([EN, AT]);
  });
  it('one Latin letter more and it is not', () => {
    const over = AT.replace('Partners', 'Partnerss');
    expect(splitByScript(`${EN} ${over}`)).toEqual([`${EN} ${over}`]);
  });
});

describe('a lone letter before the Chinese', () => {
  it('a one-letter word glued to the Chinese stays with the English (only a quote after a space opens the Chinese)', () => {
    const en = 'Everyone else has already left the building and so have I';
    const zh = '其他人都已经离开了大楼，我也离开了。';
    expect(splitByScript(`${en}${zh}`)).toEqual([en, zh]);
  });
  it("a straight single quote after a space opens the Chinese part", () => {
    const en = 'The new library opens its doors to readers on Monday morning.';
    const zh = '新图书馆将于周一上午向读者开放。';
    expect(splitByScript(`${en} '${zh}'`)).toEqual([en, `'${zh}'`]);
  });
});

describe('sentence ends looked back for', () => {
  it('a decimal point is no sentence end', () => {
    const en = 'The fund grew by 3.5 percent over the last twelve months';
    const zh = '该基金在过去十二个月里增长了百分之三点五。';
    expect(splitByScript(`${en} ${zh}`)).toEqual([en, zh]);
  });
  it('a closing quote followed by a space is one; an opening quote is not', () => {
    const en = 'Officials called the plan "a fresh start"';
    const zh = 'Chen Wei 陈伟说这个计划是一个新的开始，居民们都很期待。';
    expect(splitByScript(`${en} ${zh}`)).toEqual([en, zh]);
  });
  it('a full stop followed by two spaces is one, the cut falling after both', () => {
    const en = 'Officials called the plan a fresh start.';
    const zh = 'Chen Wei 陈伟说这个计划是一个新的开始，居民们都很期待。';
    expect(splitByScript(`${en}  ${zh}`)).toEqual([en, zh]);
  });
});

describe('a Chinese-first line with an English tail', () => {
  const ZH = '他们在网上发布了这条消息。';
  it('a tail starting with a small letter is not cut off', () => {
    const line = `${ZH}see the full report on the website today`;
    expect(splitByScript(line)).toEqual([line]);
  });
  it('a tail starting with a capital, a digit, a quote or a bracket is', () => {
    for (const tail of ['See the full report online', '2025 was a good year for farmers', '“See the full report online”', '(See the full report online)']) {
      expect(splitByScript(`${ZH}${tail}`)).toEqual([ZH, tail]);
    }
  });
  it('after a sentence end three words are enough, two are not', () => {
    expect(splitByScript(`${ZH}Read the announcement`)).toEqual([ZH, 'Read the announcement']);
    expect(splitByScript(`${ZH}Read announcements`)).toEqual([`${ZH}Read announcements`]);
  });
  it('with no sentence end five words are needed, four are not', () => {
    const zh = '他们在网上发布了这条消息';
    expect(splitByScript(`${zh} Read the full announcement here`)).toEqual([zh, 'Read the full announcement here']);
    expect(splitByScript(`${zh} Read the full announcement`)).toEqual([`${zh} Read the full announcement`]);
  });
  it('a separator counts as a sentence end', () => {
    const zh = '他们在网上发布了这条消息';
    expect(splitByScript(`${zh} | Read the announcement`)).toEqual([zh, 'Read the announcement']);
    expect(splitByScript(`${zh} — Read the announcement`)).toEqual([zh, 'Read the announcement']);
  });
  it('the head needs four Han characters of its own', () => {
    expect(splitByScript('新闻发布。Read the full announcement here')).toEqual(['新闻发布。', 'Read the full announcement here']);
    expect(splitByScript('新闻发。Read the full announcement here today')).toEqual(['新闻发。Read the full announcement here today']);
  });
});

describe('a two-language headline whose Latin side follows a lone extension-plane surrogate', () => {
  it('is still cut: the whole line counts one Latin letter less than the Latin side has', () => {
    // '\uD840' (a high surrogate without its pair) swallows the 'S' after it when the whole
    // line is counted: 9 Latin letters there, 10 ("Ships at sea") on the Latin side alone.
    const zh = '海军演习结束\uD840';
    expect(splitByScript(`${zh}Ships at sea`, true)).toEqual([zh, 'Ships at sea']);
  });
});

describe('two-language headlines: English first', () => {
  const cut = (line: string) => splitByScript(line, true);
  it('glued, with nothing between the sides', () => {
    expect(cut('Navy drill ends海军演习结束')).toEqual(['Navy drill ends', '海军演习结束']);
  });
  it('opening with a digit', () => {
    expect(cut('5 ways to save money 省钱的五个办法')).toEqual(['5 ways to save money', '省钱的五个办法']);
  });
  it('with a bracketed year after the last English word (11 Latin letters: only the headline cut takes it)', () => {
    expect(cut('Ships return (2025) 战舰返航')).toEqual(['Ships return (2025)', '战舰返航']);
  });
  it('with the Chinese side opening with a title mark', () => {
    expect(cut('City opens new library 《城市书房》正式开放')).toEqual(['City opens new library', '《城市书房》正式开放']);
  });
  it('Chinese before the English side, or Latin after the Chinese side: not a two-language headline', () => {
    for (const line of ['专访 Interview with the mayor 市长谈交通', 'Navy drill ends 海军演习结束 Reuters']) expect(cut(line)).toEqual([line]);
  });
});

describe('two-language headlines: Chinese first', () => {
  const cut = (line: string) => splitByScript(line, true);
  it('glued, with nothing between the sides', () => {
    expect(cut('海军演习结束Navy drill ends')).toEqual(['海军演习结束', 'Navy drill ends']);
  });
  it('opening with a year', () => {
    expect(cut('2025年海军演习结束 Navy drill ends')).toEqual(['2025年海军演习结束', 'Navy drill ends']);
  });
  it('with a bracketed year after the last Han character', () => {
    expect(cut('海军演习结束（2025） Navy drill ends')).toEqual(['海军演习结束（2025）', 'Navy drill ends']);
  });
  it('Latin before the Chinese side, or Chinese after the English side: not a two-language headline', () => {
    for (const line of ['Reuters 海军演习结束 Navy drill ends', '海军演习结束 Navy drill ends 北京']) expect(cut(line)).toEqual([line]);
  });
});

describe('two-language headlines: what each side must hold', () => {
  const cut = (line: string) => splitByScript(line, true);
  it('the sides come back trimmed', () => {
    expect(cut(' Navy drill ends 海军演习结束 ')).toEqual(['Navy drill ends', '海军演习结束']);
    expect(cut(' 海军演习结束 Navy drill ends ')).toEqual(['海军演习结束', 'Navy drill ends']);
  });
  it('two English words are too few, however wide the space between them', () => {
    const line = 'Warships  return 战舰返航归来';
    expect(cut(line)).toEqual([line]);
  });
  it('the Chinese side needs four Han characters of its own (an extension-plane one before it sits on the Latin side)', () => {
    const line = 'Navy drill ends \u{20000}海军演';
    expect(cut(line)).toEqual([line]);
  });
});

describe('where the English part ends before the Chinese', () => {
  it('a straight quote after a space opens the Chinese even when the English has no sentence end', () => {
    const en = 'Local players and coaches gathered at the court before the game';
    const zh = '"球员和教练们在比赛前聚集在球场上。"';
    expect(splitByScript(`${en} ${zh}`)).toEqual([en, zh]);
  });
  it('a full stop glued to the Chinese ends the English there, not at an earlier sentence end', () => {
    const en = 'The rain stopped. The new library opens its doors to readers on Monday.';
    const zh = '雨停了。新图书馆将于周一向读者开放。';
    expect(splitByScript(en + zh)).toEqual([en, zh]);
  });
  it('a sentence end inside the Chinese part is not looked at', () => {
    const en = 'Local players and coaches gathered at the court before the game';
    const zh = '球员和教练们在比赛前聚集在球场上，包括 A. 史密斯。';
    expect(splitByScript(`${en} ${zh}`)).toEqual([en, zh]);
  });
});
