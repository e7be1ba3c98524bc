/**
 * html.ts, third round of mutation tests (seed-9 survivors and their neighbours): each limit
 * at its exact value and one past it, void elements whose end must not close the element
 * around them, block boundaries met inside skipped chrome, <header>/<footer> inside an
 * <article>, and text outside any element. Class names are unique to each test: extractHtml
 * keeps class verdicts across pages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { extractHtml, foldBlock, LIMITS, type HtmlExtract } from '../../../lambdas/core/parse/html.js';

const extract = (html: string): HtmlExtract => {
  const r = extractHtml(html);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const shape = (html: string) => extract(html).blocks.map((b) => [b.lines, b.tag, b.element, b.container]);
const reasonOf = (html: string): string | undefined => {
  const r = extractHtml(html);
  return r.ok ? undefined : r.reason;
};

describe('extractHtml: limits at their exact value', () => {
  const saved = { ...LIMITS };
  afterEach(() => Object.assign(LIMITS, saved));

  it('a page of exactly maxChars characters is read; one more is refused', () => {
    // The limit is lowered for speed: the comparison is what is under test.
    LIMITS.maxChars = 12;
    expect(extract('<p>Rain.</p>'.slice(0, 12)).blocks.map((b) => b.lines)).toEqual([['Rain.']]);
    expect(reasonOf('<p>Rains.</p>')).toBe('page too large (13 characters, limit 12)');
  });

  it('exactly maxElements elements are read; one more is refused, naming the limit', () => {
    LIMITS.maxElements = 4;
    expect(extract('<p>a</p><p>b</p><p>c</p><p>d</p>').blocks).toHaveLength(4);
    expect(reasonOf('<p>a</p><p>b</p><p>c</p><p>d</p><p>e</p>')).toBe('too many elements (more than 4)');
    // Every start tag counts, those handled before the stack too.
    expect(reasonOf('<meta name=a content=b><link rel=x href=y><br><img><p>e</p>')).toBe('too many elements (more than 4)');
  });

  it('nesting of exactly maxNesting is read; one deeper is refused, naming the limit', () => {
    expect(extract(`${'<div>'.repeat(LIMITS.maxNesting)}bottom`).blocks.map((b) => b.lines)).toEqual([['bottom']]);
    expect(reasonOf(`${'<div>'.repeat(LIMITS.maxNesting + 1)}bottom`)).toBe(`HTML nested deeper than ${LIMITS.maxNesting} elements`);
  });

  it('nesting counts inline elements too, and with a lowered depth limit', () => {
    LIMITS.maxDepth = 2;
    LIMITS.maxNesting = 4;
    expect(extract('<div><p><b><i>x</i></b></p></div>').blocks.map((b) => b.lines)).toEqual([['x']]);
    expect(reasonOf('<div><p><b><i><em>x</em></i></b></p></div>')).toBe('HTML nested deeper than 4 elements');
  });

  it('the element at maxDepth is tracked, the one past it is not', () => {
    const at = extract(`${'<div>'.repeat(LIMITS.maxDepth)}deep`);
    expect(at.tree!.parent).toHaveLength(LIMITS.maxDepth + 1);
    expect(at.blocks[0]).toMatchObject({ lines: ['deep'], element: LIMITS.maxDepth, container: LIMITS.maxDepth - 1 });
    const past = extract(`${'<div>'.repeat(LIMITS.maxDepth + 1)}deep`);
    expect(past.tree!.parent).toHaveLength(LIMITS.maxDepth + 1);
    expect(past.blocks[0]).toMatchObject({ lines: ['deep'], element: LIMITS.maxDepth, container: LIMITS.maxDepth - 1 });
  });

  it('closing past the depth limit returns to the tracked elements in order', () => {
    LIMITS.maxDepth = 2;
    expect(shape('<section><div><p>in</p>mid</div>out</section>')).toEqual([
      [['inmid'], 'div', 2, 1],
      [['out'], 'section', 1, 0],
    ]);
  });
});

describe('extractHtml: the end of a void element closes nothing', () => {
  it.each([
    ['<br>', [[['a', 'b'], 'div', 2, 1], [['c'], 'section', 1, 0]]],
    ['<hr>', [[['a'], 'div', 2, 1], [['b'], 'div', 2, 1], [['c'], 'section', 1, 0]]],
    ['<img src=x>', [[['ab'], 'div', 2, 1], [['c'], 'section', 1, 0]]],
    ['<meta name=x content=y>', [[['ab'], 'div', 2, 1], [['c'], 'section', 1, 0]]],
    ['<link rel=x href=y>', [[['ab'], 'div', 2, 1], [['c'], 'section', 1, 0]]],
  ])('%s inside a div inside a section', (tag, blocks) => {
    expect(shape(`<section><div>a${tag}b</div>c</section>`)).toEqual(blocks);
  });

  it('an input (void, but not skipped before the stack) is pushed and closed at once', () => {
    expect(shape('<section><div>a<input value=q>b</div>c</section>')).toEqual([
      [['ab'], 'div', 2, 1],
      [['c'], 'section', 1, 0],
    ]);
  });
});

describe('extractHtml: block boundaries inside skipped chrome cut nothing', () => {
  it('an <hr> inside a share box leaves the paragraph whole', () => {
    expect(shape('<p>Tide<span class="th3-hr-box share">x<hr>y</span>line</p>')).toEqual([[['Tideline'], 'p', 1, 0]]);
  });

  it('a <div> opened and closed inside a share box leaves the paragraph whole', () => {
    expect(shape('<p>Sea<span class="th3-div-box share"><div>x</div></span>wall</p>')).toEqual([[['Seawall'], 'p', 1, 0]]);
  });

  it('a <div> opened inside a share box and left open: the text before it is not flushed early', () => {
    expect(shape('<p>Break<span class="th3-open-box share"><div>x</span>water</p>').map((b) => b[0])).toEqual([['Breakwater']]);
  });
});

describe('extractHtml: an article keeps its own header and footer', () => {
  it('<header> and <footer> inside <article> are kept', () => {
    expect(extract('<article><header><p>Head</p></header><p>Body</p><footer><p>Note</p></footer></article>').blocks.map((b) => b.lines)).toEqual([['Head'], ['Body'], ['Note']]);
  });

  it('once the article closes, a footer is chrome again', () => {
    expect(extract('<article><p>Body</p></article><footer><p>Foot</p></footer>').blocks.map((b) => b.lines)).toEqual([['Body']]);
    expect(extract('<main><p>Body</p></main><header><p>Late</p></header>').blocks.map((b) => b.lines)).toEqual([['Body']]);
  });

  it('two nested articles: the footer between their ends is still inside one', () => {
    expect(extract('<article><article><p>A</p></article><footer><p>F</p></footer></article>').blocks.map((b) => b.lines)).toEqual([['A'], ['F']]);
  });
});

describe('extractHtml: text outside any element', () => {
  it('belongs to the page body: tag body, element 0, container 0, heading 0', () => {
    expect(extract('loose words').blocks).toEqual([{ lines: ['loose words'], tag: 'body', heading: 0, linkChars: 0, chars: 11, chrome: false, container: 0, element: 0 }]);
  });

  it('after every element has closed, too', () => {
    expect(shape('<h2>Top</h2>after all')).toEqual([
      [['Top'], 'h2', 1, 0],
      [['after all'], 'body', 0, 0],
    ]);
    expect(extract('<h2>Top</h2>after all').blocks.map((b) => b.heading)).toEqual([2, 0]);
  });
});

describe('extractHtml: what a class or id says, each name new to the verdict cache', () => {
  it('a title word outweighs a chrome word in the same class list', () => {
    const b = extract('<div class="th3a-box headline share">Storm ahead</div>').blocks;
    expect(b.map((x) => [x.lines, x.heading])).toEqual([[['Storm ahead'], 1]]);
  });

  it('a byline or date word keeps an element whose class also names chrome', () => {
    expect(extract('<div class="th3b-box share date">5 May</div><p>Body</p>').blocks.map((x) => x.lines)).toEqual([['5 May'], ['Body']]);
    expect(extract('<div class="th3c-box share">gone</div><p>Body</p>').blocks.map((x) => x.lines)).toEqual([['Body']]);
  });

  it('"sub" in any case makes a title a subtitle', () => {
    expect(extract('<div class="th3d-box SUB-headline">Sub</div><div class="th3e-box headline">Main</div>').blocks.map((x) => x.heading)).toEqual([2, 1]);
  });

  it('an id alone, or with a class, is read', () => {
    expect(extract('<div id="th3f_sidebar">gone</div><p>kept</p>').blocks.map((x) => x.lines)).toEqual([['kept']]);
    expect(extract('<div class="th3g-box" id="th3g_share">gone</div><p>kept</p>').blocks.map((x) => x.lines)).toEqual([['kept']]);
    expect(extract('<div class="th3h_share" id="th3h-box">gone</div><p>kept</p>').blocks.map((x) => x.lines)).toEqual([['kept']]);
    expect(extract('<div id="th3i-headline headline">T</div>').blocks[0]!.heading).toBe(1);
  });
});

describe('foldBlock: characters that are neither plain nor space stay inside the run', () => {
  it.each([
    ['a—b  c', ['a—b c']],
    ['“Yes”  he said', ['“Yes” he said']],
    ['€5\tnow', ['€5 now']],
    ['x\u007fy  z', ['x\u007fy z']],
    ['a\u200ab  c', ['a b c']],
    ['a\u000bb\fc', ['a b c']],
  ])('%j → %j', (raw, lines) => {
    expect(foldBlock(raw)).toEqual(lines);
  });
});

describe('extractHtml: a title holding elements', () => {
  it('an svg title with an inline element is read whole, its end ending the title', () => {
    const v = extract('<svg><title><b>Sea</b> level</title></svg><p>Body</p>');
    expect(v.meta.title).toBe('Sea level');
    expect(v.blocks.map((b) => b.lines)).toEqual([['Body']]);
  });
});

describe('extractHtml: text that folds to nothing', () => {
  it('a paragraph of control characters that fold away adds no block', () => {
    expect(extract('<p>\u0001</p><p>Quay</p>').blocks.map((b) => b.lines)).toEqual([['Quay']]);
    expect(extract('<p>\u0001 \u0001</p>').blocks).toEqual([]);
  });
});
