/**
 * content.ts, second round (seed-8 sample): the window weight at the link-list boundary and
 * which of two equally good windows wins. Units built directly, texts written here.
 */
import { describe, expect, it } from 'vitest';
import { articleParts, articleWindow } from '../../../lambdas/core/parse/content.js';
import { LINK_LIST_DENSITY, META_LINE_IN_BODY_MAX, TITLE_GUESS_MAX_ENDED } from '../../../lambdas/core/parse/heuristics.js';
import type { Unit } from '../../../lambdas/core/parse/split.js';
import { unit as makeUnit } from './units.js';

const unit = makeUnit;

const STORY = 'Volunteers planted four hundred young oaks along the canal path over the weekend, replacing trees lost in last winter storms.';
const LINKS = Array.from({ length: 12 }, (_, i) => `Other stories from the valley, part ${i + 1}`).join(' | ');

describe('articleWindow weights', () => {
  it(`a paragraph whose link share is exactly ${LINK_LIST_DENSITY} still counts as body text`, () => {
    const w = articleWindow([unit(STORY, { linkDensity: LINK_LIST_DENSITY })]);
    expect(w.start).toBe(0);
    expect(w.end).toBe(0);
    expect(w.score).toBeGreaterThan(0);
  });

  it('a paragraph just over that share costs instead', () => {
    expect(articleWindow([unit(STORY, { linkDensity: LINK_LIST_DENSITY + 0.01 })]).end).toBe(-1);
  });

  it('of two equally good windows the first wins', () => {
    const units = [unit(STORY), unit(LINKS, { linkDensity: 1 }), unit(STORY)];
    expect(LINKS.length).toBeGreaterThan(240);
    const w = articleWindow(units);
    expect([w.start, w.end]).toEqual([0, 0]);
    // The link list really cuts the two apart: without it, both paragraphs form one window.
    expect(articleWindow([unit(STORY), unit(STORY)]).end).toBe(1);
  });
});

const EN1 = 'Engineers at the harbour finished dredging the main channel on Thursday, two weeks ahead of the schedule set in spring.';
const ZH1 = '\u6e2f\u53e3\u5de5\u7a0b\u4eba\u5458\u5468\u56db\u5b8c\u6210\u4e86\u4e3b\u822a\u9053\u7684\u758f\u6d5a\u5de5\u4f5c\uff0c\u6bd4\u6625\u5b63\u5236\u5b9a\u7684\u8ba1\u5212\u63d0\u524d\u4e86\u4e24\u5468\u3002';
const body = () => [unit(EN1), unit(ZH1)];
const whole = (units: Unit[]) => articleParts(units, {}, { start: 0, end: units.length - 1 });

describe('guessed titles (no headings, no <title>)', () => {
  it('a full stop inside a long headline does not make it a sentence', () => {
    const title = 'St. Anne harbour channel reopens to cargo ships after two weeks of dredging by night crews';
    expect(title.length).toBeGreaterThan(TITLE_GUESS_MAX_ENDED.en);
    expect(whole([unit(title), ...body()]).title.en).toBe(title);
  });

  it('nor does a decimal number at its end', () => {
    const title = 'Harbour dues for cargo ships calling at the deep channel berths rise this year by 2.5';
    expect(title.length).toBeGreaterThan(TITLE_GUESS_MAX_ENDED.en);
    expect(whole([unit(title), ...body()]).title.en).toBe(title);
  });

  it('but a long line that ends in a full stop is no headline', () => {
    const line = 'Harbour dues for cargo ships calling at the deep channel berths will rise again this year.';
    expect(line.length).toBeGreaterThan(TITLE_GUESS_MAX_ENDED.en);
    expect(whole([unit(line), ...body()]).title.en).toBeUndefined();
  });
});

describe('dates and what came before', () => {
  it('a label line without a date leaves the date to one above the window', () => {
    const units = [unit('2025-03-04 10:20'), unit('Source: Harbour Gazette'), ...body()];
    const p = articleParts(units, {}, { start: 1, end: units.length - 1 });
    expect(p.source).toBe('Harbour Gazette');
    expect(p.published).toBeDefined();
    expect(p.published).toContain('2025-03-04');
  });

  it('a date line between an English byline and a Chinese name does not break the byline block', () => {
    const p = whole([unit('By Anna Lee'), unit('2025-03-04 10:20'), unit('\u674e\u5b89\u5a1c'), ...body()]);
    expect(p.byline).toEqual({ en: 'Anna Lee', zh: '\u674e\u5b89\u5a1c' });
  });
});

describe('headline pairs among guessed titles', () => {
  it('the adjacent English/Chinese pair of the closest lengths is the headline', () => {
    const en = 'Harbour channel reopens to cargo ships after weeks of dredging';
    const zh = '\u6e2f\u53e3\u4e3b\u822a\u9053\u7ecf\u8fc7\u6570\u5468\u758f\u6d5a\u540e\u91cd\u65b0\u5411\u8d27\u8f6e\u5f00\u653e';
    const p = whole([unit(en), unit(zh), unit('Ships return'), ...body()]);
    expect(p.title).toEqual({ en, zh });
  });

  it('whichever comes first', () => {
    const en = 'Harbour channel reopens to cargo ships after weeks of dredging';
    const zh = '\u6e2f\u53e3\u4e3b\u822a\u9053\u7ecf\u8fc7\u6570\u5468\u758f\u6d5a\u540e\u91cd\u65b0\u5411\u8d27\u8f6e\u5f00\u653e';
    const p = whole([unit('Ships return'), unit(zh), unit(en), ...body()]);
    expect(p.title).toEqual({ en, zh });
  });
});

describe('label lines around the window', () => {
  const long = 'Source: Harbour Gazette | Editor: Mark Wong | Published: 2025-03-04 10:20 | Updated: 2025-03-05 08:00 | Views: 1234 | Comments: 12';

  it('a long label-like line inside the body is read as a sentence, not looked at again as a label', () => {
    expect(long.length).toBeGreaterThanOrEqual(META_LINE_IN_BODY_MAX);
    const units = [...body(), unit(long), unit(EN1.replace('Thursday', 'Friday'))];
    const p = articleParts(units, {}, { start: 0, end: units.length - 1 });
    expect(p.source).toBeUndefined();
    expect(p.editor).toBeUndefined();
    expect(p.body.map((b) => b.text)).toContain(long);
  });

  it('the same line just below the window gives its source and editor', () => {
    const units = [...body(), unit(long)];
    const p = articleParts(units, {}, { start: 0, end: 1 });
    expect([p.source, p.editor]).toEqual(['Harbour Gazette', 'Mark Wong']);
  });
});

describe('heading titles', () => {
  const h = (level: number, text: string) => unit(text, { heading: level, tag: `h${level}` });

  it('a weak heading title (not in <title>) yields only to a heading that <title> holds', () => {
    const meta = { title: 'Harbour channel reopens to cargo ships - Harbour Gazette' };
    const units = [h(2, 'Port and river news'), h(1, 'Weekend ferry timetable'), ...body()];
    expect(articleParts(units, meta, { start: 0, end: units.length - 1 }).title.en).toBe('Port and river news');
    const held = [h(2, 'Port and river news'), h(1, 'Harbour channel reopens to cargo ships'), ...body()];
    expect(articleParts(held, meta, { start: 0, end: held.length - 1 }).title.en).toBe('Harbour channel reopens to cargo ships');
  });
});

describe('bare Chinese name lines', () => {
  const h = (level: number, text: string) => unit(text, { heading: level, tag: `h${level}` });
  const NAME = '\u674e\u5b89\u5a1c';

  it('after the two headlines, with no byline beside it, a name is not taken as the author', () => {
    const p = whole([h(1, 'Harbour channel reopens to cargo ships'), h(1, '\u6e2f\u53e3\u822a\u9053\u91cd\u65b0\u5f00\u653e'), unit(NAME), ...body()]);
    expect(p.byline).toEqual({});
  });

  it('nor after a label line', () => {
    const p = whole([h(1, 'Harbour channel reopens to cargo ships'), unit('Source: Harbour Gazette'), unit(NAME), ...body()]);
    expect(p.source).toBe('Harbour Gazette');
    expect(p.byline).toEqual({});
  });
});
