/**
 * html.ts, fourth round of mutation tests (seed-13 survivors and their neighbours): where a
 * camelCase class word ends (the upper-case letter at each end of A..Z, the lower-case one
 * before it at each end of a..z), and which elements a title class makes a heading (only a
 * block element, and never one that already is a heading). Class names are unique to each
 * test: extractHtml keeps class verdicts across pages.
 */
import { describe, expect, it } from 'vitest';
import { chromeClass, extractHtml, type HtmlExtract } from '../../../lambdas/core/parse/html.js';

const extract = (html: string): HtmlExtract => {
  const r = extractHtml(html);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const texts = (html: string) => extract(html).blocks.map((b) => b.lines.join('|'));

describe('chromeClass: camelCase word boundaries at the ends of the letter ranges', () => {
  it.each([
    // The upper-case letter that starts the next word: 'A' and 'Z' are the ends of the range.
    ['shareZebra', true],
    ['shareAlbum', true],
    ['share@lbum', false],
    ['share[ebra', false],
    // The lower-case letter before the upper-case one: 'a' and 'z' are the ends of the range
    // (the chrome word after the boundary is found only if the boundary is seen).
    ['toolbarX', true],
    ['extraNav', true],
    ['ranking1', false],
    ['extr`Nav', false],
    ['fizzNav', true],
    ['fiz`Nav', false],
    ['fiz{Nav', false],
  ])('%s → %s', (cls, want) => {
    expect(chromeClass(cls)).toBe(want);
  });

  it('a camel boundary drops a page element: its text is not read', () => {
    expect(texts('<div class="shareZebra4a"><p>Tap to post.</p></div><p>Body text.</p>')).toEqual(['Body text.']);
    expect(texts('<div class="shareebra4a"><p>Kept words.</p></div><p>Body text.</p>')).toEqual(['Kept words.', 'Body text.']);
  });
});

describe('extractHtml: which elements a title class makes a heading', () => {
  it('a real heading keeps its own level under a title class', () => {
    const b = extract('<h3 class="headline h4a-one">Storm warning</h3><h5 class="title h4a-two">Flood</h5>').blocks;
    expect(b.map((x) => x.heading)).toEqual([3, 5]);
  });

  it('an inline element with a title class makes no heading of the blocks inside it', () => {
    const b = extract('<span class="headline h4a-three"><div>Inside a span</div></span><p>After</p>').blocks;
    expect(b.map((x) => [x.lines[0], x.heading])).toEqual([
      ['Inside a span', 0],
      ['After', 0],
    ]);
  });

  it('a block element with a title class is a heading, and the blocks inside it too', () => {
    const b = extract('<section class="headline h4a-four"><div>Inside</div></section><p>After</p>').blocks;
    expect(b.map((x) => [x.lines[0], x.heading])).toEqual([
      ['Inside', 1],
      ['After', 0],
    ]);
  });
});
