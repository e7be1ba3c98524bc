/**
 * content.ts, third round (seed-9 sample): titles found outside the window at their limits,
 * headlines repeated in the body, label lines looked for around the window when the window
 * lacks one of source, editor or date, and the romanized-name byline block. Units built
 * directly; every text written here.
 */
import { describe, expect, it } from 'vitest';
import { articleParts, articleWindow, isChromeLine, isTermPairAt, tooShortReason } from '../../../lambdas/core/parse/content.js';
import { CHROME_LINE_MAX, LINK_LIST_DENSITY, LONG_PARAGRAPH, META_LINE_IN_BODY_MAX, META_LOOK_AROUND, SITE_NAME_SHARE, TITLE_GUESS_MAX_ENDED, PHOTO_CREDIT_MAX, PROMO_MAX, TERM_PAIR_MAX, TITLE_MAX, TITLE_PART_MIN, TITLE_REPEAT_LOOK, WEIGHT } from '../../../lambdas/core/parse/heuristics.js';
import type { PageMeta } from '../../../lambdas/core/parse/html.js';
import type { Unit } from '../../../lambdas/core/parse/split.js';
import { unit as makeUnit } from './units.js';

let nextBlock = 0;
const unit = (text: string, over: Partial<Unit> = {}): Unit => makeUnit(text, { block: nextBlock++, ...over });
const h = (level: number, text: string, over: Partial<Unit> = {}) => unit(text, { heading: level, tag: `h${level}`, ...over });

const EN1 = 'Ferry crews on the northern lake resumed the morning crossings on Monday after ice on the landing stages had kept the boats in port for nine days.';
const ZH1 = '北湖渡轮船员周一恢复了早班航次，此前码头上的结冰使渡轮在港内停靠了九天。';
const EN2 = 'The operator said the afternoon sailings would follow later in the week, once divers had checked the hulls for damage.';
const ZH2 = '运营方表示，潜水员检查完船体有无损伤后，下午的航次将于本周晚些时候恢复。';
const body = () => [unit(EN1), unit(ZH1), unit(EN2), unit(ZH2)];
const TITLE = 'Lake ferries sail again';
const ZH_TITLE = '北湖渡轮复航';

const partsOf = (units: Unit[], meta: PageMeta = {}, window = { start: 0, end: units.length - 1 }) => articleParts(units, meta, window);
const texts = (p: { body: Array<{ text: string }> }) => p.body.map((b) => b.text);

describe('a title heading before the window', () => {
  /** The heading, then a share bar (the window cannot step back over it), then the body as the window. */
  const before = (head: Unit, meta: PageMeta = {}) => {
    const units = [head, unit('Share to:'), ...body()];
    return partsOf(units, meta, { start: 2, end: units.length - 1 });
  };

  it(`is taken up to ${TITLE_MAX.en} characters in English and ${TITLE_MAX.zh} in Chinese, not one more`, () => {
    const en = 'Ferries '.repeat(40).slice(0, TITLE_MAX.en - 1) + 'x';
    expect(en.length).toBe(TITLE_MAX.en);
    expect(before(h(2, en)).title.en).toBe(en);
    expect(before(h(2, `${en}y`)).title.en).toBeUndefined();
    const zh = '渡轮复航'.repeat(25);
    expect(zh.length).toBe(TITLE_MAX.zh);
    expect(before(h(2, zh)).title.zh).toBe(zh);
    expect(before(h(2, `${zh}了`)).title.zh).toBeUndefined();
  });

  it('only a heading, in the language sought, under the link-list share', () => {
    expect(before(h(2, TITLE)).title).toEqual({ en: TITLE });
    expect(before(h(2, ZH_TITLE)).title).toEqual({ zh: ZH_TITLE });
    expect(before(unit(TITLE)).title).toEqual({});
    expect(before(h(2, TITLE, { linkDensity: LINK_LIST_DENSITY - 0.01 })).title).toEqual({ en: TITLE });
    expect(before(h(2, TITLE, { linkDensity: LINK_LIST_DENSITY })).title).toEqual({});
  });

  it('the nearest one wins', () => {
    const units = [h(2, 'Older ferry story'), h(2, TITLE), unit('Share to:'), ...body()];
    expect(partsOf(units, {}, { start: 3, end: units.length - 1 }).title.en).toBe(TITLE);
  });

  it('a heading beats <title>; without one, og:title is read before <title>', () => {
    expect(before(h(2, TITLE), { title: 'Northern lake ferry crossings resume - Lake Post' }).title.en).toBe(TITLE);
    const meta = { ogTitle: 'Ice clears from the landing stages', title: 'Northern lake ferry crossings resume - Lake Post' };
    expect(before(unit('Lake Post'), meta).title.en).toBe('Ice clears from the landing stages');
    expect(before(unit('Lake Post'), { title: meta.title }).title.en).toBe('Northern lake ferry crossings resume');
  });
});

describe('a part of <title> as the title', () => {
  const fromTitle = (title: string) => partsOf(body(), { title }).title;

  it(`must be longer than ${TITLE_PART_MIN.en} characters in English and ${TITLE_PART_MIN.zh} in Chinese`, () => {
    const en = 'Ferries sail';
    expect(en.length).toBe(TITLE_PART_MIN.en);
    expect(fromTitle(`${en} - Lake`).en).toBeUndefined();
    expect(fromTitle(`${en}! - Lake`).en).toBe(`${en}!`);
    const zh = '渡轮复';
    expect(zh.length).toBe(TITLE_PART_MIN.zh);
    expect(fromTitle(`${zh} - Lake`).zh).toBeUndefined();
    expect(fromTitle(`${zh}航 - Lake`).zh).toBe(`${zh}航`);
  });

  it('in the language sought: the Chinese part for Chinese, the English for English', () => {
    expect(fromTitle(`${ZH_TITLE} - Northern lake ferry crossings resume`)).toEqual({ zh: ZH_TITLE, en: 'Northern lake ferry crossings resume' });
  });
});

describe('a headline repeated at the top of the body', () => {
  it('is kept when it is the whole body (nothing else would be left)', () => {
    const p = partsOf([h(1, TITLE), unit(TITLE)]);
    expect(texts(p)).toEqual([TITLE]);
    expect(p.title.en).toBe(TITLE);
  });

  it('and so is the pair when the two are all the body holds, though the neighbour becomes the Chinese title', () => {
    const p = partsOf([h(1, TITLE), unit(TITLE), unit(ZH_TITLE)]);
    expect(p.title).toEqual({ en: TITLE, zh: ZH_TITLE });
    expect(texts(p)).toEqual([TITLE, ZH_TITLE]);
  });

  it(`is looked for among the first ${TITLE_REPEAT_LOOK} paragraphs only`, () => {
    const last = partsOf([h(1, TITLE), unit(EN1), unit(ZH1), unit(EN2), unit(TITLE), unit(ZH2)]);
    expect(texts(last)).toEqual([EN1, ZH1, EN2, ZH2]);
    const past = partsOf([h(1, TITLE), unit(EN1), unit(ZH1), unit(EN2), unit(ZH2), unit(TITLE)]);
    expect(texts(past)).toEqual([EN1, ZH1, EN2, ZH2, TITLE]);
  });

  it(`takes no neighbour beyond those ${TITLE_REPEAT_LOOK} as the other title`, () => {
    const p = partsOf([h(1, TITLE), unit(EN1), unit(ZH1), unit(EN2), unit(TITLE), unit(ZH_TITLE)]);
    expect(p.title).toEqual({ en: TITLE });
    expect(texts(p)).toEqual([EN1, ZH1, EN2, ZH_TITLE]);
    const q = partsOf([h(1, TITLE), unit(EN1), unit(ZH1), unit(TITLE), unit(ZH_TITLE), unit(EN2)]);
    expect(q.title).toEqual({ en: TITLE, zh: ZH_TITLE });
    expect(texts(q)).toEqual([EN1, ZH1, EN2]);
  });

  it('equal but for whitespace up to twice the title length, not beyond', () => {
    const spaced = (n: number) => TITLE.replace(/ /g, ' '.repeat(n));
    const at = TITLE.replace(/ /g, '  ') + ' '.repeat(2 * TITLE.length - TITLE.replace(/ /g, '  ').length);
    expect(at.length).toBe(2 * TITLE.length);
    expect(texts(partsOf([h(1, TITLE), unit(at), ...body()]))).toEqual([EN1, ZH1, EN2, ZH2]);
    expect(texts(partsOf([h(1, TITLE), unit(`${at} `), ...body()]))).toEqual([`${at} `, EN1, ZH1, EN2, ZH2]);
    // The other way round: a title padded with whitespace against the compact paragraph.
    const compact = TITLE.replace(/ /g, '');
    const wide = spaced(1) + ' '.repeat(2 * compact.length - spaced(1).length);
    expect(wide.length).toBe(2 * compact.length);
    expect(texts(partsOf([h(1, wide), unit(compact), ...body()]))).toEqual([EN1, ZH1, EN2, ZH2]);
    expect(texts(partsOf([h(1, `${wide} `), unit(compact), ...body()]))).toEqual([compact, EN1, ZH1, EN2, ZH2]);
  });

  it('a neighbour ending in any full stop, or a stop and a closing quote, is a sentence; a stop inside is not an ending', () => {
    for (const zh of ['北湖渡轮复航！', '北湖渡轮复航？', '北湖渡轮复航。」', '北湖渡轮复航!', '北湖渡轮复航?', '北湖渡轮复航.', '北湖渡轮复航。”']) {
      const p = partsOf([h(1, TITLE), unit(TITLE), unit(zh), unit(EN1), unit(ZH1)]);
      expect(p.title).toEqual({ en: TITLE });
      expect(texts(p)).toEqual([zh, EN1, ZH1]);
    }
    for (const zh of ['北湖渡轮。今日复航', '北湖渡轮复航」']) {
      const p = partsOf([h(1, TITLE), unit(TITLE), unit(zh), unit(EN1), unit(ZH1)]);
      expect(p.title).toEqual({ en: TITLE, zh });
      expect(texts(p)).toEqual([EN1, ZH1]);
    }
  });
});

describe('label lines around the window when the window lacks one', () => {
  const DATE = '2025-03-04 10:20';
  const WHEN = '2025-03-04T10:20:00+08:00';

  it('an editor under the article when the window gave source and date', () => {
    const units = [h(1, TITLE), unit('Source: Lake Post'), unit(DATE), ...body(), unit('Editor: Ma Lin')];
    const p = partsOf(units, {}, { start: 0, end: units.length - 2 });
    expect([p.source, p.editor, p.published]).toEqual(['Lake Post', 'Ma Lin', WHEN]);
  });

  it('a source under the article when the window gave editor and date', () => {
    const units = [h(1, TITLE), unit('Editor: Ma Lin'), unit(DATE), ...body(), unit('Source: Lake Post')];
    const p = partsOf(units, {}, { start: 0, end: units.length - 2 });
    expect([p.source, p.editor, p.published]).toEqual(['Lake Post', 'Ma Lin', WHEN]);
  });

  it('a date above the article when the window gave source and editor', () => {
    const units = [unit(DATE), unit('Share to:'), h(1, TITLE), unit('Source: Lake Post'), unit('Editor: Ma Lin'), ...body()];
    const p = partsOf(units, {}, { start: 2, end: units.length - 1 });
    expect([p.source, p.editor, p.published]).toEqual(['Lake Post', 'Ma Lin', WHEN]);
  });

  it('but no date from under the article, and the window\'s own labels win over those outside', () => {
    const units = [h(1, TITLE), unit('Source: Lake Post'), ...body(), unit(`Editor: Ma Lin ${DATE}`), unit('Source: Hill Times')];
    const p = partsOf(units, {}, { start: 0, end: units.length - 3 });
    expect([p.source, p.editor, p.published]).toEqual(['Lake Post', 'Ma Lin', undefined]);
  });

  it(`up to ${META_LOOK_AROUND} units either side, not further`, () => {
    const gap = (n: number) => Array.from({ length: n }, (_, k) => unit(`Ferry timetable page ${k + 1}`, { linkDensity: 1 }));
    const at = (n: number) => {
      const units = [unit(DATE), ...gap(n - 1), ...body(), ...gap(n - 1), unit('Editor: Ma Lin')];
      const p = partsOf(units, {}, { start: n, end: n + 3 });
      return [p.editor, p.published];
    };
    expect(at(META_LOOK_AROUND)).toEqual(['Ma Lin', WHEN]);
    expect(at(META_LOOK_AROUND + 1)).toEqual([undefined, undefined]);
  });
});

describe('a romanized name over a Chinese name after the title', () => {
  it('is a byline block only when the next line is a Chinese name in Chinese (a row of dots is none)', () => {
    expect(partsOf([h(1, TITLE), unit('Ma Lin'), unit('马林'), ...body()]).byline).toEqual({ en: 'Ma Lin', zh: '马林' });
    const p = partsOf([h(1, TITLE), unit('Ma Lin'), unit('••'), ...body()]);
    expect(p.byline).toEqual({});
    expect(texts(p)).toEqual(['Ma Lin', EN1, ZH1, EN2, ZH2]);
  });

  it('not when the romanized name is a heading (it is a deck)', () => {
    const p = partsOf([h(1, TITLE), h(3, 'Ma Lin'), unit('马林'), ...body()]);
    expect(p.byline).toEqual({});
  });

  it('not before any title (the two are then the headline pair)', () => {
    const p = partsOf([unit('Ma Lin'), unit('马林'), ...body()]);
    expect(p.byline).toEqual({});
    expect(p.title).toEqual({ en: 'Ma Lin', zh: '马林' });
  });

  it('not when an English byline came first: that one stands', () => {
    const p = partsOf([h(1, TITLE), unit('By Anna Berg'), unit('Ma Lin'), unit('马林'), ...body()]);
    expect(p.byline.en).toBe('Anna Berg');
  });
});

describe('tooShortReason at its limits', () => {
  const reason = (units: Unit[]) => tooShortReason(units);

  it(`a paragraph of ${WEIGHT.bodyCost} English-equivalent characters is still too short, one more is text`, () => {
    const en = 'Ferries sail again today.';
    expect(en.length).toBe(WEIGHT.bodyCost);
    expect(reason([unit(en)])).toBe(`paragraphs too short to count as article text (the longest is ${WEIGHT.bodyCost} characters in English; at least ${WEIGHT.bodyCost + 1} needed)`);
    expect(reason([unit(`${en}!`)])).toBeUndefined();
    // Six Han weigh 22 English characters, seven 25.5.
    expect(reason([unit('北湖渡轮复航')])).toBe('paragraphs too short to count as article text (the longest is 6 characters in Chinese; at least 7 needed)');
    expect(reason([unit('北湖渡轮今复航')])).toBeUndefined();
  });

  it('leaves out headings, link lists, chrome and lines of neither language, however long', () => {
    const short = unit('Ferries sail.');
    const said = 'paragraphs too short to count as article text (the longest is 13 characters in English; at least 26 needed)';
    expect(reason([short, h(3, EN1)])).toBe(said);
    expect(reason([short, unit(EN1, { linkDensity: LINK_LIST_DENSITY + 0.01 })])).toBe(said);
    expect(reason([short, unit(EN1, { linkDensity: LINK_LIST_DENSITY })])).toBeUndefined();
    expect(reason([short, unit('Copyright © 2025 Lake Post. All rights reserved.')])).toBe(said);
    expect(reason([short, unit('2025-03-04 10:20 / 2025-03-05 11:30 / 2025-03-06 12:40')])).toBe(said);
  });
});

describe('chrome lines at their length limits', () => {
  it(`a bar of chrome words is chrome below ${CHROME_LINE_MAX} characters, not at it`, () => {
    const bar = `${'Share | '.repeat(7)}Top`;
    expect(bar.length).toBe(CHROME_LINE_MAX - 1);
    expect(isChromeLine(bar)).toBe(true);
    expect(isChromeLine(`${'Share | '.repeat(7)}Home`)).toBe(false);
  });

  it(`a photo credit and a promotion are chrome below ${PHOTO_CREDIT_MAX} and ${PROMO_MAX} characters, not at them`, () => {
    const credit = `Photo: ${'Lake Post ferry desk '.repeat(5)}`;
    expect(isChromeLine(credit.slice(0, PHOTO_CREDIT_MAX - 1))).toBe(true);
    expect(isChromeLine(credit.slice(0, PHOTO_CREDIT_MAX))).toBe(false);
    const promo = `Scan the QR code for ${'the lake ferry timetable '.repeat(4)}`;
    expect(isChromeLine(promo.slice(0, PROMO_MAX - 1))).toBe(true);
    expect(isChromeLine(promo.slice(0, PROMO_MAX))).toBe(false);
  });
});

describe('glossary lines at their length limit', () => {
  const term = (n: number) => `${'a'.repeat(n - 5)} 渡轮码头`;

  it(`a term pair of up to ${TERM_PAIR_MAX} characters, not a heading, not a name pair`, () => {
    expect(isTermPairAt([unit(term(TERM_PAIR_MAX))], 0)).toBe(true);
    expect(isTermPairAt([unit(term(TERM_PAIR_MAX + 1))], 0)).toBe(false);
    expect(isTermPairAt([h(3, term(TERM_PAIR_MAX))], 0)).toBe(false);
    expect(isTermPairAt([unit('ferry pier 渡轮码头')], 0)).toBe(true);
    expect(isTermPairAt([unit('Ma Lin 马林')], 0)).toBe(false);
  });

  it('two halves of one block count as one line, and that line too must fit', () => {
    const halves = (n: number) => [unit('a'.repeat(n - 5), { block: 950 }), unit('渡轮码头', { block: 950 })];
    expect(isTermPairAt(halves(TERM_PAIR_MAX), 0)).toBe(true);
    expect(isTermPairAt(halves(TERM_PAIR_MAX + 1), 0)).toBe(false);
    expect(isTermPairAt(halves(TERM_PAIR_MAX + 1), 1)).toBe(false);
  });

  it('a label line shaped like a term pair is a label in the window weights, not chrome', () => {
    const score = (units: Unit[]) => articleWindow(units).score;
    const a = score([unit(EN1)]);
    const b = score([unit(EN2)]);
    expect(isTermPairAt([unit('编辑: Ma Lin')], 0)).toBe(true);
    expect(score([unit(EN1), unit('编辑: Ma Lin'), unit(EN2)])).toBe(a + b + WEIGHT.metaLine);
    expect(score([unit(EN1), unit('ferry pier 渡轮码头'), unit(EN2)])).toBe(a + b + WEIGHT.chrome);
  });
});

describe('label lines in the head and in the body', () => {
  it(`in the body a label line is read below ${META_LINE_IN_BODY_MAX} characters, and is a sentence at that length`, () => {
    const label = (n: number) => 'Editor: Ma Lin | Source: Lake Post ferry and harbour desk of the northern district, with the weekly island timetable'.padEnd(n, 's').slice(0, n);
    const read = partsOf([unit(EN1), unit(ZH1), unit(label(META_LINE_IN_BODY_MAX - 1)), unit(EN2), unit(ZH2)]);
    expect(read.editor).toBe('Ma Lin');
    expect(texts(read)).toEqual([EN1, ZH1, EN2, ZH2]);
    const long = label(META_LINE_IN_BODY_MAX);
    const sentence = partsOf([unit(EN1), unit(ZH1), unit(long), unit(EN2), unit(ZH2)]);
    expect(sentence.editor).toBeUndefined();
    expect(texts(sentence)).toEqual([EN1, ZH1, long, EN2, ZH2]);
  });

  it('an author label with a source, an editor or a date is no byline block: a romanized name after it stays text', () => {
    expect(partsOf([h(1, TITLE), unit('作者：马林'), unit('Ma Lin'), ...body()]).byline).toEqual({ zh: '马林', en: 'Ma Lin' });
    for (const label of ['作者：马林 来源：北湖日报', '作者：马林 编辑：王芳', '作者：马林 2025-03-04']) {
      const p = partsOf([h(1, TITLE), unit(label), unit('Ma Lin'), ...body()]);
      expect(p.byline).toEqual({ zh: '马林' });
      expect(texts(p)).toEqual(['Ma Lin', EN1, ZH1, EN2, ZH2]);
    }
  });
});

describe('the site signing off', () => {
  it('a line equal to the site name but for up to 8 more characters of whitespace', () => {
    const meta = { title: `${TITLE} - Lake Post` };
    const at = `Lake${' '.repeat(9)}Post`;
    expect(at.length).toBe('lakepost'.length + 8 + 1);
    expect(texts(partsOf([h(1, TITLE), ...body(), unit(at.replace(' ', ''))], meta))).toEqual([EN1, ZH1, EN2, ZH2]);
    expect(texts(partsOf([h(1, TITLE), ...body(), unit(at)], meta))).toEqual([EN1, ZH1, EN2, ZH2, at]);
  });

  it('only when <title> has a part after the headline', () => {
    // <title> is the headline alone: a last line saying it again is no site name.
    expect(texts(partsOf([h(1, TITLE), ...body(), unit(TITLE)], { title: TITLE }))).toEqual([EN1, ZH1, EN2, ZH2, TITLE]);
    expect(texts(partsOf([h(1, TITLE), ...body(), unit('Lake Post')], { title: `${TITLE} - Lake Post` }))).toEqual([EN1, ZH1, EN2, ZH2]);
  });
});

describe('a short heading title that <title> holds', () => {
  /** First heading "Lake Post" (8 characters squashed), then a longer one <title> also holds. */
  const titleOf = (meta: PageMeta) => partsOf([h(1, 'Lake Post'), h(1, 'Lake Post ferry'), ...body()], meta).title.en;

  it(`stands when it fills at least 1/${SITE_NAME_SHARE} of <title>, else yields to the longer one`, () => {
    expect('LakePostferry!!!'.length).toBe(SITE_NAME_SHARE * 'LakePost'.length);
    expect(titleOf({ title: 'Lake Post ferry!!!' })).toBe('Lake Post');
    expect(titleOf({ title: 'Lake Post ferry!!!!' })).toBe('Lake Post ferry');
  });

  it('measured against <title> alone when og:title is there too', () => {
    expect(titleOf({ title: 'Lake Post ferry!!!', ogTitle: 'Northern lake ferry news' })).toBe('Lake Post');
    expect(titleOf({ ogTitle: 'Lake Post ferry!!!!' })).toBe('Lake Post ferry');
  });
});

describe('what decides that titles are headings', () => {
  const P = (n: number) => 'The ferry operator on the northern lake said the morning boats would keep to the winter timetable until the end of March. '.repeat(3).slice(0, n);

  it(`a heading before the first paragraph longer than ${LONG_PARAGRAPH} characters, not after one of exactly that`, () => {
    // A heading after a paragraph of exactly LONG_PARAGRAPH still counts: no line is guessed as the headline.
    const counts = partsOf([unit(TITLE), unit(P(LONG_PARAGRAPH)), h(2, 'Winter timetable'), unit(P(LONG_PARAGRAPH + 1)), unit(ZH1)]);
    expect(counts.title.en).toBeUndefined();
    const late = partsOf([unit(TITLE), unit(P(LONG_PARAGRAPH + 1)), h(2, 'Winter timetable'), unit(P(LONG_PARAGRAPH)), unit(ZH1)]);
    expect(late.title.en).toBe(TITLE);
  });

  it('a heading of neither language does not count', () => {
    const p = partsOf([h(2, '2025'), unit(TITLE), unit('北湖渡轮今日复航'), ...body()]);
    expect(p.title).toEqual({ en: TITLE, zh: '北湖渡轮今日复航' });
  });

  it('a guessed headline after a label line only when none came before it', () => {
    const p = partsOf([unit(TITLE), unit('Source: Lake Post'), unit('北湖渡轮今日复航'), ...body()]);
    expect(p.title).toEqual({ en: TITLE });
    expect(texts(p)).toEqual(['北湖渡轮今日复航', EN1, ZH1, EN2, ZH2]);
  });
});

describe('bylines above the window', () => {
  /** The window starts at the body (after `above` and a share bar). */
  const above = (...lines: Unit[]) => {
    const units = [...lines, unit('Share to:'), ...body()];
    return partsOf(units, {}, { start: lines.length + 1, end: units.length - 1 }).byline;
  };

  it('a line at the link-list share still counts, a heading does not', () => {
    expect(above(unit('By Ma Lin', { linkDensity: LINK_LIST_DENSITY }))).toEqual({ en: 'Ma Lin' });
    expect(above(h(3, 'By Ma Lin'))).toEqual({});
  });

  it('authors of a label line, a name pair, and a Chinese name over a romanized one', () => {
    expect(above(unit('作者：马林'))).toEqual({ zh: '马林' });
    expect(above(unit('Author: Ma Lin'))).toEqual({ en: 'Ma Lin' });
    // Filed by the name's script, whatever the line's language.
    expect(above(unit('作者：Ma Lin'))).toEqual({ en: 'Ma Lin' });
    expect(above(unit('Author: 马林'))).toEqual({ zh: '马林' });
    expect(above(unit('Ma Lin 马林'))).toEqual({ en: 'Ma Lin', zh: '马林' });
    expect(above(unit('马林'), unit('Ma Lin'))).toEqual({ en: 'Ma Lin', zh: '马林' });
  });

  it('the nearest wins, and a name pair is not read when the window begins with its second line', () => {
    expect(above(unit('By Anna Berg'), unit('By Ma Lin'))).toEqual({ en: 'Ma Lin' });
    const units = [unit('Share to:'), unit('Ma Lin'), unit('马林'), ...body()];
    expect(partsOf(units, {}, { start: 2, end: units.length - 1 }).byline).toEqual({});
  });
});

describe('articleWindow restarts where the running sum reaches zero', () => {
  it('a chrome line cancelling the paragraph before it exactly starts a new window', () => {
    const first = 'The morning boat left the pier at seven with forty people aboard.';
    expect(first.length).toBe(-WEIGHT.chrome + WEIGHT.bodyCost);
    expect(articleWindow([unit(first)]).score).toBe(-WEIGHT.chrome);
    const units = [unit(first), unit('Share to:'), unit(EN2)];
    expect(articleWindow(units)).toEqual({ start: 2, end: 2, score: EN2.length - WEIGHT.bodyCost });
  });
});

describe('the guessed headline pair', () => {
  const A = 'Ice has cleared at lake piers';
  const B = '北湖码头冰层消融';

  it('is an adjacent pair: a chrome line between two candidates parts them', () => {
    expect(A.length).toBe(3.5 * B.length + 1);
    const C = 'Northern lake ferries sail again after nine days in port';
    const p = partsOf([unit(A), unit('Share to:'), unit(B), unit(C), ...body()]);
    expect(p.title).toEqual({ en: C, zh: B });
  });

  it('of two pairs that agree equally well, the first', () => {
    const A3 = 'Ice is gone from the landings';
    expect(A3.length).toBe(A.length);
    expect(partsOf([unit(A), unit(B), unit(A3), ...body()]).title).toEqual({ en: A, zh: B });
  });
});

describe('a guessed headline ending like a sentence', () => {
  const en = (n: number, end: string) => `${'Ferries sail again on the northern lake after the ice melts at last '.repeat(2).slice(0, n - end.length)}${end}`;

  it(`is still one up to ${TITLE_GUESS_MAX_ENDED.en} characters in English, ${TITLE_GUESS_MAX_ENDED.zh} in Chinese`, () => {
    const at = en(TITLE_GUESS_MAX_ENDED.en, '.');
    expect(partsOf([unit(at), ...body()]).title.en).toBe(at);
    const over = en(TITLE_GUESS_MAX_ENDED.en + 1, '.');
    expect(partsOf([unit(over), ...body()]).title.en).toBeUndefined();
    const zh = (n: number) => `${'北湖渡轮在冰层消融之后终于恢复了航行'.repeat(2).slice(0, n - 1)}。`;
    expect(partsOf([unit(zh(TITLE_GUESS_MAX_ENDED.zh)), ...body()]).title.zh).toBe(zh(TITLE_GUESS_MAX_ENDED.zh));
    expect(partsOf([unit(zh(TITLE_GUESS_MAX_ENDED.zh + 1)), ...body()]).title.zh).toBeUndefined();
  });

  it('any full stop counts, with or without a closing quote; a stop inside does not', () => {
    for (const end of ['!', '?', '."', ".'", '.”', '?’']) expect(partsOf([unit(en(90, end)), ...body()]).title.en).toBeUndefined();
    const inside = `${en(88, '.')} x`;
    expect(partsOf([unit(inside), ...body()]).title.en).toBe(inside);
    const zh = '北湖渡轮在冰层消融之后终于恢复了航行，船员们说这是今年最好的消息';
    expect(zh.length).toBeGreaterThan(TITLE_GUESS_MAX_ENDED.zh);
    for (const end of ['！', '？', '。」', '！”']) expect(partsOf([unit(zh + end), ...body()]).title.zh).toBeUndefined();
    expect(partsOf([unit(`${zh}」`), ...body()]).title.zh).toBe(`${zh}」`);
    const zhInside = `北湖渡轮复航。${zh}`;
    expect(partsOf([unit(zhInside), ...body()]).title.zh).toBe(zhInside);
  });
});

describe('a bare Chinese name in the head', () => {
  it('over a romanized name after the title: the two are the byline', () => {
    expect(partsOf([h(1, TITLE), unit('马林'), unit('Ma Lin'), ...body()]).byline).toEqual({ zh: '马林', en: 'Ma Lin' });
  });

  it('after an English byline', () => {
    expect(partsOf([h(1, TITLE), unit('By Ma Lin'), unit('马林'), ...body()]).byline).toEqual({ en: 'Ma Lin', zh: '马林' });
  });

  it('not over text that is no name', () => {
    const p = partsOf([h(1, TITLE), unit('马林'), unit('Ferry news'), ...body()]);
    expect(p.byline).toEqual({});
  });
});

describe('heading titles in the window', () => {
  const long = (n: number) => 'Ferries '.repeat(40).slice(0, n - 1) + 'x';

  it(`a heading of up to ${TITLE_MAX.en} characters is the title, a longer one is not`, () => {
    expect(partsOf([h(1, long(TITLE_MAX.en)), ...body()]).title.en).toBe(long(TITLE_MAX.en));
    expect(partsOf([h(1, long(TITLE_MAX.en + 1)), ...body()]).title.en).toBeUndefined();
  });

  it('a line right after the English title heading is the Chinese title, even one no headline guess would take', () => {
    const zh = '北湖渡轮在冰层消融之后终于恢复了航行，船员们说这是今年最好的消息。';
    expect(zh.length).toBeGreaterThan(TITLE_GUESS_MAX_ENDED.zh);
    expect(partsOf([h(1, TITLE), unit(zh), ...body()]).title).toEqual({ en: TITLE, zh });
  });

  it('stepping back over a heading before the window, however little it looks like a headline', () => {
    const en = `${'The ferry operator says the crossings will resume on Monday morning '.repeat(2).slice(0, 99)}.`;
    const zh = '北湖渡轮在冰层消融之后终于恢复了航行，船员们说这是今年最好的消息。';
    const units = [h(2, en), unit(zh), ...body()];
    expect(partsOf(units, {}, { start: 1, end: units.length - 1 }).title).toEqual({ en, zh });
  });
});

describe('a romanized name after a byline', () => {
  it('is the English byline only when the Chinese byline came and the English one did not', () => {
    expect(partsOf([h(1, TITLE), unit('文/马林'), unit('Ma Lin'), ...body()]).byline).toEqual({ zh: '马林', en: 'Ma Lin' });
    const both = partsOf([h(1, TITLE), unit('By Anna Berg'), unit('马林'), unit('Ma Lin'), ...body()]);
    expect(both.byline).toEqual({ en: 'Anna Berg', zh: '马林' });
    expect(texts(both)).toEqual(['Ma Lin', EN1, ZH1, EN2, ZH2]);
    const enOnly = partsOf([h(1, TITLE), unit('By Anna Berg'), unit('Ma Lin'), ...body()]);
    expect(enOnly.byline).toEqual({ en: 'Anna Berg' });
  });
});

describe('the published date', () => {
  it('a bare day shown on the page stays when the page declares that day at midnight too', () => {
    const p = partsOf([h(1, TITLE), unit('2025-03-04'), ...body()], { published: '2025-03-04T00:00:00Z' });
    expect(p.published).toBe('2025-03-04T00:00:00+08:00');
    const q = partsOf([h(1, TITLE), unit('2025-03-04'), ...body()], { published: '2025-03-04T10:20:00Z' });
    expect(q.published).toBe('2025-03-04T10:20:00+00:00');
  });
});

describe('notes and name pairs in the head', () => {
  it('the first editor note and the first author note of a language stand', () => {
    const p = partsOf([h(1, TITLE), unit("Editor's note: The lake ferries carry most island children to school."), unit("Editor's note: A second note."), ...body(), unit('The author is a ferry captain on the northern lake.'), unit('The author is a harbour pilot.')]);
    expect(p.editorNote.en).toBe('The lake ferries carry most island children to school.');
    expect(p.authorNote.en).toBe('The author is a ferry captain on the northern lake.');
    expect(texts(p)).toEqual([EN1, ZH1, EN2, ZH2]);
  });

  it('a name pair set as a heading is no byline', () => {
    expect(partsOf([h(1, TITLE), unit('Ma Lin 马林'), ...body()]).byline).toEqual({ en: 'Ma Lin', zh: '马林' });
    expect(partsOf([h(1, TITLE), h(3, 'Ma Lin 马林'), ...body()]).byline).toEqual({});
  });
});

describe('labels and bylines outside the window, second look', () => {
  /** The window is the body; `above` before it (after a share bar), `after` under it. */
  const around = (aboveLines: Unit[], inside: Unit[] = [], after: Unit[] = []) => {
    const units = [...aboveLines, unit('Share to:'), ...inside, ...body(), ...after];
    return partsOf(units, {}, { start: aboveLines.length + 1, end: aboveLines.length + inside.length + 4 });
  };

  it('a caption credit under the article names no source; of two editors under it the first stands', () => {
    expect(around([], [], [unit('图片来源：北湖日报')]).source).toBeUndefined();
    expect(around([], [], [unit('Editor: Ma Lin'), unit('Editor: Wang Fang')]).editor).toBe('Ma Lin');
  });

  it('a byline above fills only the language the window left without one', () => {
    expect(around([unit('Ma Lin 马林')], [unit('By Anna Berg')]).byline).toEqual({ en: 'Anna Berg', zh: '马林' });
    expect(around([unit('Ma Lin'), unit('马林')], [unit('By Anna Berg')]).byline).toEqual({ en: 'Anna Berg', zh: '马林' });
    expect(around([unit('作者：Ma Lin')], [unit('By Anna Berg')]).byline).toEqual({ en: 'Anna Berg' });
  });

  it('the nearest Chinese byline above wins', () => {
    expect(around([unit('文/王芳'), unit('文/马林')]).byline).toEqual({ zh: '马林' });
  });

  it(`a byline up to ${META_LOOK_AROUND} units above the window, not further`, () => {
    const gap = (n: number) => Array.from({ length: n }, (_, k) => unit(`Ferry timetable page ${k + 1}`, { linkDensity: 1 }));
    expect(around([unit('By Ma Lin'), ...gap(META_LOOK_AROUND - 2)]).byline).toEqual({ en: 'Ma Lin' });
    expect(around([unit('By Ma Lin'), ...gap(META_LOOK_AROUND - 1)]).byline).toEqual({});
  });

  it('a title read in the window is not replaced by <title>', () => {
    expect(partsOf([h(1, TITLE), ...body()], { title: 'Northern lake ferry crossings resume - Lake Post' }).title.en).toBe(TITLE);
  });
});

describe('label lines in the window, first one wins', () => {
  it('the first source, editor and date read stand', () => {
    const p = partsOf([h(1, TITLE), unit('Source: Lake Post'), unit('Editor: Ma Lin 2025-03-04 10:20'), unit('Source: Hill Times'), unit('Editor: Wang Fang 2025-03-05 11:30'), ...body()]);
    expect([p.source, p.editor, p.published]).toEqual(['Lake Post', 'Ma Lin', '2025-03-04T10:20:00+08:00']);
  });
});

describe('a glossary line just above the window, as the parser runs (window first, then parts)', () => {
  it('counts as chrome when the head is extended back over title-like lines', () => {
    const units = [unit('ferry pier 渡轮码头'), ...body()];
    const w = articleWindow(units);
    expect(w.start).toBe(1);
    const p = articleParts(units, {}, w);
    expect(p.title).toEqual({});
    expect(texts(p)).toEqual([EN1, ZH1, EN2, ZH2]);
  });
});

describe('stepping back over a headline line that <title> holds', () => {
  const line = (n: number) => `Lake Post ferry desk - ${'morning boats return to the northern lake piers after the ice '.repeat(5)}`.slice(0, n - 1) + 'x';

  it(`takes a line of up to ${TITLE_MAX.en} characters whole; a longer one leaves the title to the longest part of <title>`, () => {
    const at = line(TITLE_MAX.en);
    const p = partsOf([unit(at), ...body()], { title: at }, { start: 1, end: 4 });
    expect(p.title.en).toBe(at);
    const over = line(TITLE_MAX.en + 1);
    const q = partsOf([unit(over), ...body()], { title: over }, { start: 1, end: 4 });
    expect(q.title.en).toBe(over.slice('Lake Post ferry desk - '.length));
    expect(texts(q)).toEqual([EN1, ZH1, EN2, ZH2]);
  });
});

describe('what the walk drops as chrome', () => {
  it('a label line whose value is a link is read, a link list is dropped', () => {
    const p = partsOf([h(1, TITLE), unit('Source: Lake Post', { linkDensity: 0.9 }), unit('More ferry news', { linkDensity: 0.9 }), ...body()]);
    expect(p.source).toBe('Lake Post');
    expect(texts(p)).toEqual([EN1, ZH1, EN2, ZH2]);
  });

  it('the site name alone is a sign-off only under the body, not above it', () => {
    const meta = { title: `${TITLE} - Lake Post` };
    expect(texts(partsOf([h(1, TITLE), unit('Lake Post'), ...body()], meta))).toEqual(['Lake Post', EN1, ZH1, EN2, ZH2]);
  });
});

describe('the window edges when labels are looked for around it', () => {
  it('a long label-shaped sentence closing the window is not read as labels', () => {
    const long = 'Editor: Ma Lin | Source: Lake Post ferry and harbour desk of the northern district, with the weekly island timetable'.padEnd(META_LINE_IN_BODY_MAX, 's');
    const units = [...body(), unit(long)];
    const p = partsOf(units);
    expect([p.source, p.editor]).toEqual([undefined, undefined]);
    expect(texts(p)).toEqual([EN1, ZH1, EN2, ZH2, long]);
  });

  it("a translator's credit opening the window gives no source", () => {
    expect(partsOf([unit('译者：马林 来源：北湖日报'), ...body()]).source).toBeUndefined();
  });

  it('a bare Chinese name as the last unit, after the title, is no byline (it continues the title)', () => {
    const p = partsOf([h(1, TITLE), unit('马林')]);
    expect(p.byline).toEqual({});
    expect(p.title).toEqual({ en: TITLE, zh: '马林' });
  });
});

describe('a bare name pair after each kind of head line', () => {
  const pair = unit('Ma Lin 马林');
  it('after a guessed headline, a deck, a label line or a byline it is the byline', () => {
    expect(partsOf([unit(TITLE), pair, ...body()]).byline).toEqual({ en: 'Ma Lin', zh: '马林' });
    expect(partsOf([h(1, TITLE), h(3, 'Crews cleared the landing stages by hand'), pair, ...body()]).byline).toEqual({ en: 'Ma Lin', zh: '马林' });
    expect(partsOf([h(1, TITLE), unit('Source: Lake Post'), pair, ...body()]).byline).toEqual({ en: 'Ma Lin', zh: '马林' });
    expect(partsOf([h(1, TITLE), unit('By Anna Berg'), pair, ...body()]).byline).toEqual({ en: 'Anna Berg', zh: '马林' });
  });
});

describe('bylines in the head carrying more', () => {
  it('an English byline with the site and a date gives the date too', () => {
    const p = partsOf([h(1, TITLE), unit('By Ma Lin | Lake Post | Updated: 2025-03-04 10:20'), ...body()]);
    expect(p.byline).toEqual({ en: 'Ma Lin' });
    expect(p.published).toBe('2025-03-04T10:20:00+08:00');
  });

  it('a bare Chinese name after a Chinese byline does not replace it', () => {
    expect(partsOf([h(1, TITLE), unit('文/王芳'), unit('马林'), ...body()]).byline).toEqual({ zh: '王芳' });
  });
});

describe('the first long paragraph is one of either language', () => {
  it('a long line of numbers before the title heading does not end the head', () => {
    const numbers = '1234567890 '.repeat(40);
    const heading = `${'The ferry operator says the morning crossings resume on Monday at seven '.repeat(2).slice(0, 99)}.`;
    const p = partsOf([unit(numbers), h(2, heading), ...body()]);
    expect(p.title.en).toBe(heading);
  });
});

describe('the punctuation between chrome words', () => {
  /** Two chrome words with one character between: a chrome line exactly when that character is punctuation. */
  const bar = (c: string) => isChromeLine(`Share${c}Print`);

  it('every range of the class, at both of its ends', () => {
    const ends = ['!', '/', ':', '@', '[', '`', '{', '~', '\u00a1', '\u00bf', '\u2010', '\u206f', '\u2190', '\u21ff', '\u25a0', '\u25ff', '\u3001', '\u303f', '\uff00', '\uff0f', '\uff1a', '\uff20', '\uff3b', '\uff40', '\uff5b', '\uff65'];
    expect(ends.filter((c) => !bar(c))).toEqual([]);
    expect(bar(' ') && bar('\t') && bar('\u00a0')).toBe(true);
  });

  it('and not the letters, digits and symbols just outside each range', () => {
    const outside = ['0', '9', 'A', 'Z', 'z', '\u007f', '\u009f', '\u00c0', '\u1fff', '\u2070', '\u218f', '\u2200', '\u259f', '\u2600', '\u2fff', '\u3040', '\uff10', '\uff19', '\uff21', '\uff3a', '\uff41', '\uff5a', '\uff66'];
    expect(outside.filter((c) => bar(c))).toEqual([]);
  });
});
