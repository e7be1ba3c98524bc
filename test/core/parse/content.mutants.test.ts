/**
 * The page-content stage (lambdas/core/parse/content.ts) at the places its seed-7 mutation
 * sample left uncovered or unchecked: chrome-line limits, the window's per-unit weights, the
 * short-text reason, bylines by where they stand, guessed and heading titles, titles outside
 * the window and headlines repeated in the body. Units are built directly (as split.ts would
 * give them), so each test names exactly the unit properties it relies on. All texts written here.
 */
import { describe, expect, it } from 'vitest';
import { articleParts, articleWindow, isChromeLine, isTermPairAt, maybePhotoCredit, tooShortReason } from '../../../lambdas/core/parse/content.js';
import { LINK_LIST_DENSITY, LONG_PARAGRAPH, SHORT_LINE, TITLE_GUESS_MAX, TITLE_LOOK_BACK, WEIGHT } from '../../../lambdas/core/parse/heuristics.js';
import type { PageMeta } from '../../../lambdas/core/parse/html.js';
import { englishEquivalent } from '../../../lambdas/core/parse/lang.js';
import type { Unit } from '../../../lambdas/core/parse/split.js';
import { unit as makeUnit } from './units.js';

let nextBlock = 0;
/** A unit as split.ts gives it: its own block unless told, language from its text. */
const unit = (text: string, over: Partial<Unit> = {}): Unit => makeUnit(text, { block: nextBlock++, ...over });
const h = (level: number, text: string) => unit(text, { heading: level, tag: `h${level}` });

const EN1 = 'Engineers lowered the final deck section of the river crossing into place shortly before dawn on Sunday, ending eleven months of work.';
const ZH1 = '周日黎明前，工程人员将跨河大桥最后一段桥面吊装到位，历时十一个月的施工宣告结束。';
const EN2 = 'The county expects the crossing to carry its first buses in the spring, once the road surface and railings are finished.';
const ZH2 = '县里预计，待路面和护栏完工后，这座大桥将于明年春天迎来首批公交车。';
const body = () => [unit(EN1), unit(ZH1), unit(EN2), unit(ZH2)];

/** articleParts over the whole unit list (or the window given), with the page meta given. */
function partsOf(units: Unit[], meta: PageMeta = {}, window = { start: 0, end: units.length - 1 }) {
  return articleParts(units, meta, window);
}
const bodyTexts = (units: Unit[], meta: PageMeta = {}, window?: { start: number; end: number }) => partsOf(units, meta, window).body.map((b) => b.text);

describe('isChromeLine limits', () => {
  it(`reads a line of ${SHORT_LINE} characters or more as text, whatever it holds`, () => {
    const long = `${EN1} ${EN2}`;
    expect(long.length).toBeGreaterThanOrEqual(SHORT_LINE);
    expect(isChromeLine(long)).toBe(false);
    // A reprint notice stays chrome below the limit and is text at it.
    const notice = 'No part of this page may be copied in any form.';
    expect(isChromeLine(notice)).toBe(true);
    const padded = `${notice} ${'The bridge carries two lanes each way and a footpath on both sides. '.repeat(3)}`.slice(0, SHORT_LINE);
    expect(isChromeLine(padded.slice(0, SHORT_LINE - 1))).toBe(true);
    expect(isChromeLine(padded)).toBe(false);
  });

  it('takes a caption whose credit closes it with a parenthesis', () => {
    expect(maybePhotoCredit('大桥夜景 (李明 摄)')).toBe(true);
    expect(isChromeLine('大桥夜景 (李明 摄)')).toBe(true);
    expect(isChromeLine('大桥夜景(图片来源：本报)')).toBe(true);
    expect(maybePhotoCredit('大桥夜景（李明 摄）')).toBe(true);
    expect(maybePhotoCredit('大桥夜景 [资料]')).toBe(true);
    expect(maybePhotoCredit('大桥夜景 李明摄')).toBe(true);
    // Neither a caption's end nor its start.
    expect(maybePhotoCredit('大桥夜景 (李明)。')).toBe(false);
    expect(maybePhotoCredit('Bridge at dusk')).toBe(false);
  });
});

describe('glossary lines split into two units', () => {
  it('joins a unit with its one block neighbour, either side, but not inside a block of three', () => {
    const pair = () => [unit('suspension bridge', { block: 900 }), unit('悬索桥', { block: 900 })];
    // Apart, neither half is a term pair; together they are.
    expect(isTermPairAt([unit('suspension bridge')], 0)).toBe(false);
    const two = pair();
    expect(isTermPairAt(two, 0)).toBe(true);
    expect(isTermPairAt(two, 1)).toBe(true);
    // A third unit in the block: each unit is read alone.
    const three = [...pair(), unit('大桥', { block: 900 })];
    expect(isTermPairAt(three, 0)).toBe(false);
    const threeBefore = [unit('大桥', { block: 901 }), unit('suspension bridge', { block: 901 }), unit('悬索桥', { block: 901 })];
    expect(isTermPairAt(threeBefore, 2)).toBe(false);
  });
});

describe('window weights', () => {
  const score = (units: Unit[]) => articleWindow(units).score;

  it('a line of neither language costs WEIGHT.other, a bare date in one earns WEIGHT.otherMeta', () => {
    const a = score([unit(EN1)]);
    const b = score([unit(EN2)]);
    expect(score([unit(EN1), unit('— 2 —'), unit(EN2)])).toBe(a + b + WEIGHT.other);
    expect(score([unit(EN1), unit('2025-03-04'), unit(EN2)])).toBe(a + b + WEIGHT.otherMeta);
  });

  it('a short label line earns WEIGHT.metaLine, not its length', () => {
    const a = score([unit(EN1)]);
    const b = score([unit(EN2)]);
    expect(score([unit(EN1), unit('Source: Riverside Evening News'), unit(EN2)])).toBe(a + b + WEIGHT.metaLine);
  });
});

describe('tooShortReason', () => {
  it('names the longest short paragraph per language and what each would need', () => {
    expect(tooShortReason([unit('Bridge opens.'), unit('大桥通车。'), unit('Buses from spring.')])).toBe(
      'paragraphs too short to count as article text (the longest is 18 characters in English and 5 in Chinese; at least 26 and 7 needed)',
    );
    expect(tooShortReason([unit('大桥通车。')])).toBe('paragraphs too short to count as article text (the longest is 5 characters in Chinese; at least 7 needed)');
    expect(tooShortReason([unit('Bridge opens.')])).toBe('paragraphs too short to count as article text (the longest is 13 characters in English; at least 26 needed)');
  });
  it('gives none when a paragraph is long enough or when there is no paragraph at all', () => {
    expect(tooShortReason([unit('Bridge opens.'), unit(EN1)])).toBeUndefined();
    expect(tooShortReason([unit('— 2 —'), h(1, 'Bridge opens')])).toBeUndefined();
  });
});

describe('bylines by where they stand', () => {
  it('reads a name pair at the top of the window when a date line follows it, and not otherwise', () => {
    const p = partsOf([unit('孙悦 Sun Yue'), unit('2025-03-04 10:20'), ...body()]);
    expect(p.byline).toEqual({ en: 'Sun Yue', zh: '孙悦' });
    expect(p.published).toBe('2025-03-04T10:20:00+08:00');
    expect(partsOf([unit('孙悦 Sun Yue'), ...body()]).byline).toEqual({});
  });

  it('reads a name pair opening with "By" anywhere in the head, and a bare one after a title', () => {
    expect(partsOf([unit('By Sun Yue (孙悦)'), ...body()]).byline).toEqual({ en: 'Sun Yue', zh: '孙悦' });
    expect(partsOf([h(1, 'Bridge closes its gap'), unit('孙悦 Sun Yue'), ...body()]).byline).toEqual({ en: 'Sun Yue', zh: '孙悦' });
  });

  it('does not fail on a bare name pair that is the last unit', () => {
    const units = [unit('孙悦 Sun Yue')];
    expect(partsOf(units).byline).toEqual({});
  });

  it('a chrome line or a line of neither language between title and name pair leaves the title as what came before', () => {
    expect(partsOf([h(1, 'Bridge closes its gap'), unit('Share to:'), unit('孙悦 Sun Yue'), ...body()]).byline).toEqual({ en: 'Sun Yue', zh: '孙悦' });
    expect(partsOf([h(1, 'Bridge closes its gap'), unit('* * *'), unit('孙悦 Sun Yue'), ...body()]).byline).toEqual({ en: 'Sun Yue', zh: '孙悦' });
  });

  it('reads a romanized name over a Chinese name after the title as the byline block', () => {
    const p = partsOf([h(1, 'Bridge closes its gap'), unit('Sun Yue'), unit('孙悦'), ...body()]);
    expect(p.byline).toEqual({ en: 'Sun Yue', zh: '孙悦' });
    expect(p.body.map((b) => b.text)).toEqual([EN1, ZH1, EN2, ZH2]);
  });

  it('takes a romanized name after an author-only label line as the English byline', () => {
    expect(partsOf([h(1, 'Bridge closes its gap'), unit('作者：孙悦'), unit('Sun Yue'), ...body()]).byline).toEqual({ en: 'Sun Yue', zh: '孙悦' });
  });

  it('takes a Chinese name after an author-only English label line as the Chinese byline', () => {
    for (const label of ['Author: Sun Yue', 'Reporter: Sun Yue', '作者：Sun Yue']) {
      const p = partsOf([h(1, 'Bridge closes its gap'), unit(label), unit('孙悦'), ...body()]);
      expect(p.byline).toEqual({ en: 'Sun Yue', zh: '孙悦' });
      expect(p.body.map((b) => b.text)).toEqual([EN1, ZH1, EN2, ZH2]);
    }
  });

  it.each([['作者：孙悦 来源：新华网'], ['作者：孙悦 编辑：王英'], ['作者：孙悦 2025-03-04']])('not after a label line that holds more than the author: %s', (label) => {
    const p = partsOf([h(1, 'Bridge closes its gap'), unit(label), unit('Sun Yue'), ...body()]);
    expect(p.byline).toEqual({ zh: '孙悦' });
  });

  it('files an author of neither language by the label line: Chinese line, Chinese byline; English line, English byline', () => {
    expect(partsOf([h(1, 'Bridge closes its gap'), unit('作者：007'), ...body()]).byline).toEqual({ zh: '007' });
    expect(partsOf([h(1, 'Bridge closes its gap'), unit('Author: 007'), ...body()]).byline).toEqual({ en: '007' });
  });

  it('files a Chinese author named on an English label line as the Chinese byline', () => {
    for (const label of ['Author: 孙悦', 'Source: Riverside News Author: 孙悦']) {
      expect(partsOf([h(1, 'Bridge closes its gap'), unit(label), ...body()]).byline).toEqual({ zh: '孙悦' });
    }
  });

  it('a bare Chinese name opening the window, before any title, is no byline even over a romanized name', () => {
    const p = partsOf([unit('孙悦'), unit('Sun Yue'), ...body()]);
    expect(p.byline).toEqual({});
  });
});

describe('titles', () => {
  const fill = (n: string) => `${n} ${'and the crossing work went on through the wet season without any pause '.repeat(3)}`;
  it(`guesses a headline of up to ${TITLE_GUESS_MAX.en} characters without a full stop on a page with no headings or <title>`, () => {
    const at = fill('Bridge closes its gap').slice(0, TITLE_GUESS_MAX.en).trimEnd();
    const guess = at.length === TITLE_GUESS_MAX.en ? at : `${at}x`.slice(0, TITLE_GUESS_MAX.en);
    expect(guess).toHaveLength(TITLE_GUESS_MAX.en);
    expect(partsOf([unit(guess), ...body()]).title.en).toBe(guess);
    const over = `${guess}s`;
    const p = partsOf([unit(over), ...body()]);
    expect(p.title.en).toBeUndefined();
    expect(p.body[0]!.text).toBe(over);
  });

  it('takes the headline pair whose languages alternate, not two English lines in a row', () => {
    const p = partsOf([unit('City Desk Riverside'), unit('Bridge closes its gap'), unit('大桥合龙'), ...body()]);
    expect(p.title).toEqual({ en: 'Bridge closes its gap', zh: '大桥合龙' });
  });

  it('a long Chinese headline heading is still the title (it is no first paragraph)', () => {
    const zhTitle = '跨河大桥最后一段桥面周日黎明前吊装到位 标志着这座连接两岸县城历时十一个月建设的悬索桥主体结构全面完工 通车后两地车程将由三小时缩短至四十分钟左右 沿线果农进城卖果也将更加方便快捷';
    expect(zhTitle.length).toBeLessThanOrEqual(100);
    expect(englishEquivalent(zhTitle, 'zh')).toBeGreaterThan(LONG_PARAGRAPH);
    const p = partsOf([h(1, zhTitle), h(1, 'Bridge closes its gap'), ...body()]);
    expect(p.title).toEqual({ zh: zhTitle, en: 'Bridge closes its gap' });
  });

  it('a heading <title> does not hold yields to a later one it holds, however long', () => {
    const p = partsOf([h(2, 'International Affairs Desk'), h(1, 'Ship returns'), ...body()], { title: 'Ship returns' });
    expect(p.title.en).toBe('Ship returns');
  });

  it(`finds a missed title heading up to ${TITLE_LOOK_BACK} units before the window, not further`, () => {
    const gap = (n: number) => Array.from({ length: n }, (_, k) => unit(`Menu ${k}`, { linkDensity: 1 }));
    const near = [h(3, 'Bridge closes its gap'), unit('Share to:'), ...body()];
    expect(partsOf(near, {}, { start: 2, end: near.length - 1 }).title.en).toBe('Bridge closes its gap');
    const at = [h(3, 'Bridge closes its gap'), ...gap(TITLE_LOOK_BACK - 1), ...body()];
    expect(partsOf(at, {}, { start: TITLE_LOOK_BACK, end: at.length - 1 }).title.en).toBe('Bridge closes its gap');
    const far = [h(3, 'Bridge closes its gap'), ...gap(TITLE_LOOK_BACK), ...body()];
    expect(partsOf(far, {}, { start: TITLE_LOOK_BACK + 1, end: far.length - 1 }).title.en).toBeUndefined();
  });
});

describe('headlines repeated at the top of the body', () => {
  it('drops a paragraph equal to the title and takes its other-language neighbour as that title', () => {
    const p = partsOf([h(1, 'Bridge closes its gap'), unit('Bridge closes its gap'), unit('大桥合龙'), ...body()]);
    expect(p.title).toEqual({ en: 'Bridge closes its gap', zh: '大桥合龙' });
    expect(p.body.map((b) => b.text)).toEqual([EN1, ZH1, EN2, ZH2]);
  });

  it('keeps a body whose first paragraph is in a language without a title', () => {
    const p = partsOf([unit(ZH1), unit(EN1), unit(ZH2), unit(EN2)]);
    expect(p.title).toEqual({});
    expect(p.body.map((b) => b.text)).toEqual([ZH1, EN1, ZH2, EN2]);
  });
});

describe('link lists', () => {
  it(`keeps a body paragraph whose link share is exactly ${LINK_LIST_DENSITY}`, () => {
    const units = [unit(EN1), unit(ZH1, { linkDensity: LINK_LIST_DENSITY }), unit(EN2, { linkDensity: LINK_LIST_DENSITY + 0.01 }), unit(ZH2)];
    expect(bodyTexts(units)).toEqual([EN1, ZH1, ZH2]);
  });
});

describe('bylines and labels just outside the window', () => {
  /** The window starts at the body (after `above`). */
  const outside = (above: Unit[], after: Unit[] = []) => {
    const units = [...above, ...body(), ...after];
    return partsOf(units, {}, { start: above.length, end: above.length + 3 });
  };

  it('reads "By X" and 文/X above the window, a romanized name over a Chinese one, but not a link', () => {
    expect(outside([unit('By Sun Yue'), unit('Share to:')]).byline).toEqual({ en: 'Sun Yue' });
    expect(outside([unit('文/孙悦'), unit('Share to:')]).byline).toEqual({ zh: '孙悦' });
    expect(outside([unit('Sun Yue'), unit('孙悦')]).byline).toEqual({ en: 'Sun Yue', zh: '孙悦' });
    expect(outside([unit('By Sun Yue', { linkDensity: 1 }), unit('Share to:')]).byline).toEqual({});
  });

  it('looks for a missing source after the window even when the window gave a date', () => {
    const units = [unit('2025-03-04 10:20'), ...body(), unit('Source: Riverside News')];
    const p = partsOf(units, {}, { start: 0, end: 4 });
    expect([p.source, p.published]).toEqual(['Riverside News', '2025-03-04T10:20:00+08:00']);
  });

  it('takes a source and an author named inside the window', () => {
    const p = partsOf([h(1, 'Bridge closes its gap'), unit('Source: Riverside News'), ...body()]);
    expect(p.source).toBe('Riverside News');
  });
});

describe('names and headlines in the head', () => {
  it('a romanized name alone after the title, no Chinese name under it, is text', () => {
    const p = partsOf([h(1, 'Bridge closes its gap'), unit('Sun Yue'), ...body()]);
    expect(p.byline).toEqual({});
    expect(p.body[0]!.text).toBe('Sun Yue');
    // Nor over a Chinese paragraph, nor as the last unit.
    const q = partsOf([h(1, 'Bridge closes its gap'), h(1, '大桥合龙'), unit('Sun Yue'), unit(ZH1), unit(EN1)]);
    expect(q.byline).toEqual({});
    expect(q.body.map((b) => b.text)).toEqual(['Sun Yue', ZH1, EN1]);
    expect(partsOf([h(1, 'Bridge closes its gap'), unit('Sun Yue')]).byline).toEqual({});
  });

  it('a Chinese name after the title is a byline only over an English byline', () => {
    expect(partsOf([h(1, 'Bridge closes its gap'), unit('孙悦'), unit('By Sun Yue'), ...body()]).byline).toEqual({ en: 'Sun Yue', zh: '孙悦' });
    const p = partsOf([h(1, 'Bridge closes its gap'), h(1, '大桥合龙'), unit('孙悦'), ...body()]);
    expect(p.byline).toEqual({});
    expect(p.body[0]!.text).toBe('孙悦');
  });

  it('guesses the headline right after the label lines when none came before them', () => {
    const p = partsOf([unit('Source: Riverside News'), unit('Bridge closes its gap'), unit('大桥合龙'), ...body()]);
    expect(p.title).toEqual({ en: 'Bridge closes its gap', zh: '大桥合龙' });
    expect(p.source).toBe('Riverside News');
  });

  it('falls back to the longest part of <title> in the language', () => {
    const p = partsOf(body(), { title: 'Riverside - Engineers close the gap over the gorge - Riverside Daily' });
    expect(p.title.en).toBe('Engineers close the gap over the gorge');
  });

  it('a translator credit shaped like a glossary line is a label, not chrome, in the window weights', () => {
    const t = '译者：Sun Yue';
    const score = (units: Unit[]) => articleWindow(units).score;
    const a = score([unit(EN1)]);
    const b = score([unit(EN2)]);
    expect(score([unit(EN1), unit(t), unit(EN2)])).toBe(a + b + WEIGHT.metaLine);
  });
});

describe('headline pair repeated further into the body', () => {
  it('takes the other-language title from the paragraph before the repeated one', () => {
    const p = partsOf([h(1, 'Bridge closes its gap'), unit(EN1), unit('大桥合龙'), unit('Bridge closes its gap'), unit(ZH1), unit(EN2)]);
    expect(p.title).toEqual({ en: 'Bridge closes its gap', zh: '大桥合龙' });
    expect(p.body.map((b) => b.text)).toEqual([EN1, ZH1, EN2]);
  });

  it(`not a neighbour longer than ${TITLE_GUESS_MAX.zh} characters or ending in a full stop`, () => {
    const long = '大桥合龙'.repeat(16);
    expect(long.length).toBeGreaterThan(TITLE_GUESS_MAX.zh);
    for (const zh of [long, '大桥合龙。']) {
      const p = partsOf([h(1, 'Bridge closes its gap'), unit(EN1), unit('Bridge closes its gap'), unit(zh), unit(ZH1)]);
      expect(p.title).toEqual({ en: 'Bridge closes its gap' });
      expect(p.body.map((b) => b.text)).toEqual([EN1, zh, ZH1]);
    }
    const at = '大桥合龙'.repeat(15);
    const q = partsOf([h(1, 'Bridge closes its gap'), unit(EN1), unit('Bridge closes its gap'), unit(at), unit(ZH1)]);
    expect(q.title.zh).toBe(at);
  });
});

describe('window weights by kind of unit', () => {
  const score = (units: Unit[]) => articleWindow(units).score;
  const a = () => score([unit(EN1)]);
  const b = () => score([unit(EN2)]);

  it('body text earns its length less WEIGHT.bodyCost, scaled down by its link share and capped', () => {
    expect(a()).toBe(EN1.length - WEIGHT.bodyCost);
    expect(score([unit(EN1, { linkDensity: 0.2 })])).toBeCloseTo(EN1.length * 0.8 - WEIGHT.bodyCost, 9);
    const huge = `${EN1} ${EN2} `.repeat(4);
    expect(huge.length).toBeGreaterThan(WEIGHT.bodyCreditMax);
    expect(score([unit(huge)])).toBe(WEIGHT.bodyCreditMax - WEIGHT.bodyCost);
  });

  it('a chrome line costs WEIGHT.chrome, a top heading earns WEIGHT.topHeading, a lower heading counts as text', () => {
    expect(score([unit(EN1), unit('Share to:'), unit(EN2)])).toBe(a() + b() + WEIGHT.chrome);
    expect(score([unit(EN1), h(2, 'Night shift'), unit(EN2)])).toBe(a() + b() + WEIGHT.topHeading);
    expect(score([unit(EN1), h(3, 'Night shift'), unit(EN2)])).toBe(a() + b() + 'Night shift'.length - WEIGHT.bodyCost);
  });

  it('a link list costs twice its length plus WEIGHT.linkListCost, a linked label line earns WEIGHT.metaLine', () => {
    expect(score([unit(EN1), unit('More news here', { linkDensity: 0.9 }), unit(EN2)])).toBe(a() + b() - 2 * 'More news here'.length - WEIGHT.linkListCost);
    expect(score([unit(EN1), unit('Source: Riverside News', { linkDensity: 0.9 }), unit(EN2)])).toBe(a() + b() + WEIGHT.metaLine);
    // A long list's cost is capped, but it still splits the window.
    expect(score([unit(EN1), unit('More news here '.repeat(10), { linkDensity: 0.9 }), unit(EN2)])).toBe(Math.max(a(), b()));
  });
});

describe('the site signing off and the head the window left out', () => {
  const meta = { title: 'Bridge closes its gap - Riverside Daily' };
  it('drops a line that is only the site name under the article, not a heading saying it', () => {
    expect(bodyTexts([h(1, 'Bridge closes its gap'), ...body(), unit('Riverside  Daily')], meta)).toEqual([EN1, ZH1, EN2, ZH2]);
    expect(bodyTexts([h(1, 'Bridge closes its gap'), ...body(), h(3, 'Riverside Daily')], meta)).toEqual([EN1, ZH1, EN2, ZH2, 'Riverside Daily']);
    expect(bodyTexts([h(1, 'Bridge closes its gap'), ...body(), unit('Riverside Daily News Group')], meta)).toEqual([EN1, ZH1, EN2, ZH2, 'Riverside Daily News Group']);
  });

  it('steps back over up to three title-like lines before the window, stopping at chrome', () => {
    // The <title> is one part, read as English: the Chinese title can only come from the page.
    const m = { title: 'Bridge closes its gap 大桥合龙' };
    const zhTitle = (head: Unit[]) => partsOf([...head, ...body()], m, { start: head.length, end: head.length + 3 }).title.zh;
    expect(zhTitle([unit('大桥合龙')])).toBe('大桥合龙');
    expect(zhTitle([unit('大桥合龙'), unit('Share to:')])).toBeUndefined();
    // Even a chrome line the <title> happens to hold.
    const shared = { title: 'Bridge closes its gap 大桥合龙 Share' };
    expect(isChromeLine('Share')).toBe(true);
    expect(partsOf([unit('大桥合龙'), unit('Share'), ...body()], shared, { start: 2, end: 5 }).title.zh).toBeUndefined();
    expect(zhTitle([unit('大桥合龙'), unit('Bridge'), unit('closes')])).toBe('大桥合龙');
    expect(zhTitle([unit('大桥合龙'), unit('Bridge'), unit('closes'), unit('its gap')])).toBeUndefined();
    expect(zhTitle([unit('大桥合龙', { linkDensity: 0.3 })])).toBeUndefined();
  });
});
