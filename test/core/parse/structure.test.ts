/**
 * Structure first (lambdas/core/parse/structure.ts) on small hand-written pages: rows of
 * pairs (tables and div rows, several paragraphs in a cell, empty cells), tables that are not
 * pairs, parallel columns with equal and unequal counts, and pages with no such markup.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../lambdas/core/parse/index.js';
import { extractHtml } from '../../../lambdas/core/parse/html.js';
import { alignByStructure, structureSpans, type StructPara } from '../../../lambdas/core/parse/structure.js';
import { detectLang } from '../../../lambdas/core/parse/lang.js';

/** Every non-empty block of the page as a body paragraph (the test pages hold only body text). */
function paras(html: string): { paras: StructPara[]; tree: NonNullable<ReturnType<typeof extract>['tree']> } {
  const x = extract(html);
  const out: StructPara[] = [];
  for (const b of x.blocks) {
    for (const line of b.lines) {
      if (!line) continue;
      const lang = detectLang(line);
      if (lang === 'en' || lang === 'zh') out.push({ text: line, lang, element: b.element });
    }
  }
  return { paras: out, tree: x.tree! };
}

function extract(html: string) {
  const r = extractHtml(html);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

/** Beads as texts, for readable expectations. */
function beadTexts(html: string) {
  const { paras: ps, tree } = paras(html);
  const r = alignByStructure(ps, tree);
  return r.beads.map((b) => ({ en: b.en.map((i) => ps[i]!.text), zh: b.zh.map((i) => ps[i]!.text), from: b.from }));
}

// Sentences of different lengths, so that length alone would pair them differently from the rows.
const EN = [
  'The river rose two meters overnight after three days of heavy rain in the hills.',
  'Schools were closed.',
  'Officials said about four hundred families had left their homes by Sunday morning and were staying with relatives, while others had moved into school halls and a sports center that the county opened on Saturday night. Volunteers brought food, blankets and drinking water, and doctors from the county hospital checked on older residents.',
  'Roads reopened on Monday.',
  'Farmers said the water had covered most of the rice fields along the lower valley.',
  'The weather service expects more rain later this week.',
];
const ZH = [
  '连续三天山区大雨后，河水一夜之间上涨了两米。',
  '学校已停课。',
  '官员说，截至周日上午，约有四百户家庭离开家园，暂住在亲戚家中，另有一些人搬进了县里周六晚上开放的学校礼堂和体育中心。志愿者送来了食物、毛毯和饮用水，县医院的医生也为老年居民做了检查。',
  '道路于周一重新开放。',
  '农民说，河水淹没了下游河谷的大部分稻田。',
  '气象部门预计本周晚些时候还会有降雨。',
];

describe('rows of pairs', () => {
  it('a table whose rows are EN | ZH gives one bead per row, a cell of several paragraphs on one side', () => {
    const html = `<html><body><table>
      <tr><td><p>${EN[0]}</p><p>${EN[1]}</p></td><td><p>${ZH[0]}${ZH[1]}</p></td></tr>
      <tr><td><p>${EN[2]}</p></td><td><p>${ZH[2]}</p></td></tr>
      <tr><td><p>${EN[3]}</p></td><td><p>${ZH[3]}</p><p>${ZH[4]}</p></td></tr>
    </table></body></html>`;
    expect(beadTexts(html)).toEqual([
      { en: [EN[0], EN[1]], zh: [ZH[0]! + ZH[1]!], from: 'row' },
      { en: [EN[2]], zh: [ZH[2]], from: 'row' },
      { en: [EN[3]], zh: [ZH[3], ZH[4]], from: 'row' },
    ]);
  });

  it('a row holding two paragraphs a side pairs them one by one when their lengths agree, else stays one bead', () => {
    const html = (zh: string) => `<html><body><table>
      <tr><td><p>${EN[0]}</p><p>${EN[4]}</p></td><td>${zh}</td></tr>
      <tr><td><p>${EN[5]}</p></td><td><p>${ZH[5]}</p></td></tr>
    </table></body></html>`;
    expect(beadTexts(html(`<p>${ZH[0]}</p><p>${ZH[4]}</p>`)).slice(0, 2)).toEqual([
      { en: [EN[0]], zh: [ZH[0]], from: 'row' },
      { en: [EN[4]], zh: [ZH[4]], from: 'row' },
    ]);
    // The Chinese parts elsewhere (a long paragraph, then a short one): the row is one bead.
    expect(beadTexts(html(`<p>${ZH[2]}</p><p>${ZH[1]}</p>`))[0]).toEqual({ en: [EN[0], EN[4]], zh: [ZH[2], ZH[1]], from: 'row' });
  });

  it('div rows with two children (Chinese first) and text straight in the cells', () => {
    const html = `<html><body><section>
      <div class="x"><div>${ZH[0]}</div><div>${EN[0]}</div></div>
      <div class="x"><div>${ZH[1]}</div><div>${EN[1]}</div></div>
      <div class="x"><div>${ZH[2]}</div><div>${EN[2]}</div></div>
    </section></body></html>`;
    const beads = beadTexts(html);
    expect(beads.map((b) => [b.en, b.zh])).toEqual([0, 1, 2].map((i) => [[EN[i]], [ZH[i]]]));
    expect(beads.every((b) => b.from === 'row')).toBe(true);
  });

  it('an empty cell makes an untranslated paragraph (1-0 and 0-1), not a pair with the next row', () => {
    const html = `<html><body><div>
      <div class="r"><div class="l"><p>${EN[0]}</p></div><div class="rr"><p>${ZH[0]}</p></div></div>
      <div class="r"><div class="l"><p>${EN[1]}</p></div><div class="rr"></div></div>
      <div class="r"><div class="l"></div><div class="rr"><p>${ZH[2]}</p></div></div>
      <div class="r"><div class="l"><p>${EN[3]}</p></div><div class="rr"><p>${ZH[3]}</p></div></div>
    </div></body></html>`;
    expect(beadTexts(html).map((b) => [b.en, b.zh, b.from])).toEqual([
      [[EN[0]], [ZH[0]], 'row'],
      [[EN[1]], [], 'row'],
      [[], [ZH[2]], 'row'],
      [[EN[3]], [ZH[3]], 'row'],
    ]);
  });

  it('a full-width row inside the table is left to the aligner, between the row beads', () => {
    const html = `<html><body><table>
      <tr><td>${EN[0]}</td><td>${ZH[0]}</td></tr>
      <tr><td colspan="2">${ZH[5]}</td></tr>
      <tr><td>${EN[1]}</td><td>${ZH[1]}</td></tr>
      <tr><td>${EN[2]}</td><td>${ZH[2]}</td></tr>
    </table></body></html>`;
    expect(beadTexts(html).map((b) => [b.en, b.zh, b.from])).toEqual([
      [[EN[0]], [ZH[0]], 'row'],
      [[], [ZH[5]], 'aligner'],
      [[EN[1]], [ZH[1]], 'row'],
      [[EN[2]], [ZH[2]], 'row'],
    ]);
  });

  it('a data table of two English columns is not pairs', () => {
    const html = `<html><body><table>
      <tr><td>${EN[0]}</td><td>${EN[1]}</td></tr>
      <tr><td>${EN[2]}</td><td>${EN[3]}</td></tr>
      <tr><td>${EN[4]}</td><td>${EN[5]}</td></tr>
    </table><p>${ZH[0]}</p></body></html>`;
    const { paras: ps, tree } = paras(html);
    expect(structureSpans(ps, tree)).toEqual([]);
  });

  it('a single row is not a table (two rows in one order make the pattern)', () => {
    const html = `<html><body><table><tr><td>${EN[0]}</td><td>${ZH[0]}</td></tr></table><p>${EN[1]}</p><p>${ZH[1]}</p></body></html>`;
    const { paras: ps, tree } = paras(html);
    expect(structureSpans(ps, tree)).toEqual([]);
  });

  it('rows win over lengths: a short English row and a long Chinese row stay as the markup pairs them', () => {
    // Without the rows the aligner would pair by length and order; the rows say otherwise.
    const html = `<html><body><div>
      <div><div>${EN[1]}</div><div>${ZH[2]}</div></div>
      <div><div>${EN[2]}</div><div>${ZH[1]}</div></div>
    </div></body></html>`;
    expect(beadTexts(html).map((b) => [b.en, b.zh])).toEqual([
      [[EN[1]], [ZH[2]]],
      [[EN[2]], [ZH[1]]],
    ]);
  });
});

describe('parallel columns', () => {
  const columns = (en: string[], zh: string[], extra = '') =>
    `<html><body><div class="body">${extra}<div class="a">${en.map((t) => `<p>${t}</p>`).join('')}</div><div class="b">${zh.map((t) => `<p>${t}</p>`).join('')}</div><div class="clear"></div></div></body></html>`;

  it('equal counts whose lengths agree pair by index', () => {
    const beads = beadTexts(columns(EN.slice(0, 4), ZH.slice(0, 4)));
    expect(beads.map((b) => [b.en, b.zh, b.from])).toEqual([0, 1, 2, 3].map((i) => [[EN[i]], [ZH[i]], 'column']));
  });

  it('unequal counts go to the aligner over the columns alone (a missing translation is 1-0)', () => {
    const beads = beadTexts(columns(EN.slice(0, 5), [ZH[0]!, ZH[1]!, ZH[2]!, ZH[4]!]));
    expect(beads.every((b) => b.from === 'aligner')).toBe(true);
    const pairs = beads.map((b) => JSON.stringify([b.en, b.zh]));
    expect(pairs).toContain(JSON.stringify([[EN[0]], [ZH[0]]]));
    expect(pairs).toContain(JSON.stringify([[EN[4]], [ZH[4]]]));
    // Each paragraph once, in page order.
    expect(beads.flatMap((b) => b.en)).toEqual(EN.slice(0, 5));
    expect(beads.flatMap((b) => b.zh)).toEqual([ZH[0], ZH[1], ZH[2], ZH[4]]);
  });

  it('equal counts whose lengths disagree are not paired by index', () => {
    // The Chinese column lost paragraph 1 and gained one at the end: counts equal, pairs shifted.
    const beads = beadTexts(columns(EN.slice(0, 4), [ZH[0]!, ZH[2]!, ZH[3]!, ZH[5]!]));
    expect(beads.some((b) => b.from === 'column')).toBe(false);
  });

  it('a tip line beside the columns stays outside them', () => {
    const html = columns(EN.slice(0, 4), ZH.slice(0, 4), `<div class="tip">${ZH[5]}</div>`);
    const { paras: ps, tree } = paras(html);
    expect(structureSpans(ps, tree)).toEqual([{ kind: 'columns', start: 1, end: 9 }]);
  });

  it('paragraphs and translations alternating in one container are neither rows nor columns', () => {
    const html = `<html><body><div>${[0, 1, 2, 3].map((i) => `<p>${EN[i]}</p><p>${ZH[i]}</p>`).join('')}</div></body></html>`;
    const { paras: ps, tree } = paras(html);
    expect(structureSpans(ps, tree)).toEqual([]);
  });

  it('alternating left/right cells (pairs by index, as FT prints them) are left to the aligner', () => {
    const html = `<html><body><div>${[0, 1, 2].map((i) => `<div class="l"><p>${EN[i]}</p></div><div class="r"><p>${ZH[i]}</p></div><div class="c"></div>`).join('')}</div></body></html>`;
    const { paras: ps, tree } = paras(html);
    expect(structureSpans(ps, tree)).toEqual([]);
  });
});

describe('through parseArticle', () => {
  const page = (body: string) =>
    `<!doctype html><html><head><title>t</title></head><body><article><h1>River floods valley farms after days of rain<br>连日降雨后河水淹没河谷农田</h1>${body}</article></body></html>`;

  it('a page whose rows are pairs is aligned by its rows, and a heading split by <br> gives both titles', () => {
    // The long paragraph first: the content stage starts the body at the first long paragraph.
    const order = [2, 0, 1, 3, 4];
    const rows = order.map((i) => `<div class="row"><div class="col"><p>${EN[i]}</p></div><div class="col"><p>${ZH[i]}</p></div></div>`);
    // Row 1's English cell holds a second paragraph: one bead, not a 1-1 and a 1-0.
    rows[1] = `<div class="row"><div class="col"><p>${EN[0]}</p><p>${EN[5]}</p></div><div class="col"><p>${ZH[0]}</p></div></div>`;
    const r = parseArticle({ bytes: page(`<section>${rows.join('')}</section>`) });
    if (!r.ok) throw new Error(r.reason);
    expect(r.article.title).toEqual({ en: 'River floods valley farms after days of rain', zh: '连日降雨后河水淹没河谷农田' });
    expect(r.article.segments.map((s) => [s.en, s.zh])).toEqual([
      [[EN[2]], [ZH[2]]],
      [[EN[0], EN[5]], [ZH[0]]],
      [[EN[1]], [ZH[1]]],
      [[EN[3]], [ZH[3]]],
      [[EN[4]], [ZH[4]]],
    ]);
    for (const s of r.article.segments) expect(s.confidence).toBeGreaterThan(0.5);
  });

  it('the hand-made NYT dual sample is aligned by its rows', () => {
    const dir = resolve(import.meta.dirname, '../../../samples/sites/nyt-dual');
    const file = join(dir, 'nyt-dual-typhoon-ports.html');
    const gold = JSON.parse(readFileSync(`${file}.gold.json`, 'utf8')) as { segments: Array<{ en: string[]; zh: string[] }> };
    const r = parseArticle({ bytes: readFileSync(file) });
    if (!r.ok) throw new Error(r.reason);
    const got = r.article.segments.map((s) => JSON.stringify([s.en, s.zh]));
    // Every gold pair is a segment as it stands (chrome the content stage leaves in may add others).
    for (const g of gold.segments) expect(got).toContain(JSON.stringify([g.en, g.zh]));
  });
});
