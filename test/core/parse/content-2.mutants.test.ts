/**
 * content.ts, second round (seed-8 sample): the window weight at the link-list boundary and
 * which of two equally good windows wins. Units built directly, texts written here.
 */
import { describe, expect, it } from 'vitest';
import { articleWindow } from '../../../lambdas/core/parse/content.js';
import { LINK_LIST_DENSITY } from '../../../lambdas/core/parse/heuristics.js';
import { countScripts, detectLang } from '../../../lambdas/core/parse/lang.js';
import type { Unit } from '../../../lambdas/core/parse/split.js';

const unit = (text: string, over: Partial<Unit> = {}): Unit => ({
  text,
  lang: detectLang(text),
  block: 0,
  heading: 0,
  tag: 'p',
  linkDensity: 0,
  container: 0,
  counts: countScripts(text),
  chrome: undefined,
  meta: undefined,
  ...over,
});

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
