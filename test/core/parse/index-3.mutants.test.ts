// Third round on lambdas/core/parse/index.ts: each segment's confidence is the model's
// probability of that segment's own features, its neighbours on both sides included (the bead
// before AND the bead after); and parseArticle turns a throw inside the parser into a failure
// that names it. Small made-up pages.
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, probabilityOf } from '../../../lambdas/core/parse/confidence.js';
import { CONFIDENCE_MIN } from '../../../lambdas/core/parse/heuristics.js';
import { parseArticle, siteOf, type ParseInput } from '../../../lambdas/core/parse/index.js';

const en1 = 'The night market on Canal Street will open two hours earlier this summer, the district office said on Friday.';
const zh1 = '区政府周五表示，运河街夜市今年夏天将提前两小时开市。';
const en2 = 'Stall holders must still close by midnight, and the street stays shut to cars from six in the evening.';
const zh2 = '摊主仍须在午夜前收摊，傍晚六点起该街道继续禁止车辆通行。';
const en3 = 'Officials expect about forty new stalls, most of them selling snacks, fruit and hand-made crafts.';
const zh3 = '官员预计将新增约四十个摊位，大多出售小吃、水果和手工艺品。';
/** English with no Chinese partner. */
const loneZh = '一位在市场卖了三十年鱼的摊主说，提前开市会吸引更多家庭前来。';
const loneEn = 'A fishmonger who has worked the market for thirty years said the earlier start would bring in more families.';
const page = (...paras: string[]) => `<html><body><h1>Night market opens earlier</h1><h2>夜市提前开市</h2>${paras.map((p) => `<p>${p}</p>`).join('')}</body></html>`;

/** The confidence parseArticle gives a segment, from the features it reports for it. */
const fromFeatures = (row: number[]) => Math.round(Math.min(1 - CONFIDENCE_MIN, Math.max(CONFIDENCE_MIN, probabilityOf(row))) * 100) / 100;

function explained(...paras: string[]) {
  const r = parseArticle({ bytes: page(...paras), explain: true });
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('parseArticle: confidence from both neighbours', () => {
  it('a pair followed by a one-sided bead: its confidence counts the bead after it', () => {
    const r = explained(en1, zh1, loneEn, en2, zh2, en3, zh3);
    const shape = r.article.segments.map((s) => `${s.en?.length ?? 0}-${s.zh?.length ?? 0}`);
    expect(shape).toEqual(['1-1', '1-0', '1-1', '1-1']);
    const next = FEATURE_NAMES.indexOf('next bead one-sided');
    const prev = FEATURE_NAMES.indexOf('previous bead one-sided');
    expect(r.features!.map((f) => `${f[prev]}${f[next]}`)).toEqual(['01', '00', '10', '00']);
    r.article.segments.forEach((s, x) => expect(s.confidence, `segment ${x}`).toBe(fromFeatures(r.features![x]!)));
    // The bead after weighs: the first pair is less sure than the same pair before another pair
    // (compared before rounding to two places, where both may read 0.99).
    const clean = explained(en1, zh1, en2, zh2, en3, zh3);
    expect(probabilityOf(r.features![0]!)).toBeLessThan(probabilityOf(clean.features![0]!));
  });

  it('every segment of a page of pairs matches its features', () => {
    const r = explained(en1, zh1, en2, zh2, en3, zh3);
    expect(r.article.segments.length).toBe(3);
    r.article.segments.forEach((s, x) => expect(s.confidence, `segment ${x}`).toBe(fromFeatures(r.features![x]!)));
  });
});

describe('parseArticle never throws', () => {
  it('an Error inside the parser becomes a failure naming its message', () => {
    const input = {
      get bytes(): string {
        throw new Error('the page could not be read');
      },
    } as ParseInput;
    expect(parseArticle(input)).toEqual({ ok: false, reason: 'internal parser error: the page could not be read' });
  });

  it('anything else thrown is named as a string', () => {
    const input = {
      get bytes(): string {
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw 'no bytes';
      },
    } as ParseInput;
    expect(parseArticle(input)).toEqual({ ok: false, reason: 'internal parser error: no bytes' });
  });
});

describe('parseArticle: sentence evidence of a one-sided Chinese bead', () => {
  it('is not computed (it would count all its sentences as unpaired)', () => {
    const r = explained(en1, zh1, loneZh, en2, zh2);
    const x = r.article.segments.findIndex((s) => (s.en?.length ?? 0) === 0);
    expect(x).toBe(1);
    expect(r.article.segments[x]!.sentences!.length).toBeGreaterThan(0);
    for (const name of ['one-sided sentence share', 'not 1-1 sentence share', 'marks on one side only'] as const) expect(r.features![x]![FEATURE_NAMES.indexOf(name)], name).toBe(0);
  });
});

describe('parseArticle: a missing title has no key', () => {
  it('only the title found is in the article', () => {
    const r = parseArticle({ bytes: `<html><body><h1>Night market opens earlier</h1><p>${en1}</p><p>${zh1}</p><p>${en2}</p><p>${zh2}</p></body></html>` });
    if (!r.ok) throw new Error(r.reason);
    expect(Object.keys(r.article.title)).toEqual(['en']);
  });
});

describe('siteOf: generic second levels', () => {
  it.each([
    ['https://news.example.com.cn/a', 'example.com.cn'],
    ['https://news.example.net.cn/a', 'example.net.cn'],
    ['https://news.example.org.cn/a', 'example.org.cn'],
    ['https://news.example.gov.cn/a', 'example.gov.cn'],
    ['https://news.example.edu.cn/a', 'example.edu.cn'],
    ['https://news.example.ac.uk/a', 'example.ac.uk'],
    ['https://news.example.co.uk/a', 'example.co.uk'],
    ['https://news.example.mil.cn/a', 'example.mil.cn'],
    ['https://news.example.info.cn/a', 'info.cn'],
    ['https://news.example.cn/a', 'example.cn'],
    // The whole label must be a generic one, not just begin or end like one.
    ['https://www.telecom.cn/a', 'telecom.cn'],
    ['https://www.comics.cn/a', 'comics.cn'],
  ])('%s → %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});
