/**
 * html.ts, second round of mutation tests (seed-8 survivors): which control characters split
 * a class list into words, and a block holding nothing but a <br> leaving no trace in the
 * next block.
 */
import { describe, expect, it } from 'vitest';
import { chromeClass, extractHtml } from '../../../lambdas/core/parse/html.js';

describe('chromeClass: words are split at space, \\t..\\r, _ and - only', () => {
  it('a control character below \\t joins the words around it', () => {
    expect(chromeClass('story\u0001nav')).toBe(false);
    expect(chromeClass('story\u0008nav')).toBe(false);
    expect(chromeClass('nav\u0000story')).toBe(false);
  });
  it('tab, vertical tab, form feed and CR split them', () => {
    expect(chromeClass('story\tnav')).toBe(true);
    expect(chromeClass('story\u000bnav')).toBe(true);
    expect(chromeClass('story\fnav')).toBe(true);
    expect(chromeClass('story\rnav')).toBe(true);
  });
});

describe('extractHtml: a block with no text leaves its buffer behind', () => {
  const lines = (html: string) => {
    const r = extractHtml(html);
    if (!r.ok) throw new Error(r.reason);
    return r.value.blocks.map((b) => b.lines);
  };
  it('a paragraph holding only a line break adds no empty line to the next one', () => {
    expect(lines('<p><br></p><p>The river rose overnight.</p>')).toEqual([['The river rose overnight.']]);
  });
  it('two line breaks and spaces in a div, then a heading', () => {
    expect(lines('<div> <br> <br> </div><h2>Harbour news</h2><p>Boats came home early.</p>')).toEqual([['Harbour news'], ['Boats came home early.']]);
  });
  it('a line break in a list item before a paragraph', () => {
    expect(lines('<ul><li><br></li></ul><p>One</p><p><br></p><p>Two</p>')).toEqual([['One'], ['Two']]);
  });
});

describe('extractHtml: a failure inside the reader comes back as a result, not a throw', () => {
  it('input that is not text is reported as unreadable', () => {
    const notText = { length: 12 } as unknown as string;
    const r = extractHtml(notText);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(/^HTML could not be read: [\w.]+ is not a function$/);
  });
});
