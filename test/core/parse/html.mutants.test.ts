/**
 * HTML → blocks (lambdas/core/parse/html.ts), from the seed-7 mutation sample: the class-word
 * scan (chromeClass is called directly, since extractHtml memoizes class verdicts across pages
 * and so hides a changed scan), every whitespace kind foldLine folds, the text after a closed
 * block inside an open one, the element tree's root, chrome classes on <body>/<html>, every
 * meta key readMeta knows, and the plain-text paragraph rule at its thresholds.
 */
import { describe, expect, it } from 'vitest';
import { chromeClass, extractHtml, extractText, foldBlock, foldLine, LIMITS, looksLikeHtml, type HtmlExtract } from '../../../lambdas/core/parse/html.js';
import { HTML_SNIFF_CHARS } from '../../../lambdas/core/parse/heuristics.js';

const extract = (html: string): HtmlExtract => {
  const r = extractHtml(html);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const linesOf = (html: string) => extract(html).blocks.map((b) => b.lines);
const metaOf = (html: string) => extract(html).meta;

describe('chromeClass: words of a class/id list', () => {
  it.each([
    ['share', true],
    ['post share', true],
    ['post\tshare', true],
    ['post\nshare', true],
    ['post\rshare', true],
    ['post\fshare', true],
    ['post\vshare', true],
    ['post_share', true],
    ['post-share', true],
    ['postShare', true],
    ['shareBox', true],
    ['SHARE', true],
    ['Share', true],
    ['xShare', true],
    ['relatedNews', true],
    ['sidebar', true],
    ['recommendation', true],
    ['', false],
    [undefined, false],
    ['shares', false],
    ['reshare', false],
    ['postshare', false],
    ['sharebox', false],
    ['post.share', false],
    ['post#share', false],
    ['post/share', false],
    ['sh', false],
    ['xyz', false],
    ['article body', false],
    ['aShareB', true],
    ['ABShare', false],
    ['SHAREbox', false],
  ])('%j → %s', (attr, chrome) => {
    expect(chromeClass(attr)).toBe(chrome);
  });

  it.each([
    ['分享 share', true],
    ['分享_share', true],
    ['分享 postShare', true],
    ['分享 article', false],
    ['分享 shares', false],
    ['分享\u00a0share', true],
  ])('outside ASCII takes the regex path: %j → %s', (attr, chrome) => {
    expect(chromeClass(attr)).toBe(chrome);
  });
});

describe('foldLine: whitespace a title or meta value may carry', () => {
  it.each([
    ['a\tb'],
    ['a\nb'],
    ['a\u000bb'],
    ['a\fb'],
    ['a\rb'],
    ['a\u00a0b'],
    ['a\u1680b'],
    ['a\u2000b'],
    ['a\u2005b'],
    ['a\u200ab'],
    ['a\u2028b'],
    ['a\u2029b'],
    ['a\u202fb'],
    ['a\u205fb'],
    ['a\u3000b'],
    ['a  b'],
    [' a b'],
    ['a b '],
    ['a \u00a0b'],
  ])('%j → "a b"', (s) => {
    expect(foldLine(s)).toBe('a b');
  });

  it.each([
    ['a\u200bb', 'ab'],
    ['a\ufeffb', 'ab'],
    ['\ufeffab', 'ab'],
    ['中文 标题', '中文 标题'],
    ['中文\u3000标题', '中文 标题'],
    ['Café crème', 'Café crème'],
    ['a b', 'a b'],
    ['', ''],
    [' ', ''],
    ['\u0085x', '\u0085x'],
  ])('%j → %j', (s, out) => {
    expect(foldLine(s)).toBe(out);
  });
});

describe('foldBlock', () => {
  it.each([
    ['one two three', ['one two three']],
    ['one two\u00a0three four', ['one two three four']],
    ['one \u00a0two', ['one two']],
    ['a b\u0001c d', ['a b', 'c d']],
    ['a b \u0001 c d', ['a b', 'c d']],
    ['a\u200b b', ['a b']],
    ['x\ny z', ['x\ry z']],
    ['x \n y', ['x\ry']],
    ['x\n\ty', ['x\ry']],
    ['x\r\ny', ['x\ry']],
    ['\u200bx y', ['x y']],
    ['x y\u200b', ['x y']],
    ['\u0001x', ['x']],
    ['x\u0001', ['x']],
    ['x\u0001\u0001\u0001', ['x']],
    ['中 文\u3000字', ['中 文 字']],
    ['a.  b', ['a. b']],
    ['\u0085a', ['a']],
    ['a\u0085b', ['a b']],
    ['\u1680a\u2000b\u2028c\u2029d\u202fe\u205ff\u3000', ['a b c d e f']],
  ])('%j → %j', (raw, lines) => {
    expect(foldBlock(raw)).toEqual(lines);
  });
});

describe('extractHtml: blocks', () => {
  it('text after a closed block inside an open one is a block of its own, with nothing left over', () => {
    expect(linesOf('<div>One<p>Two</p>Three</div>')).toEqual([['One'], ['Two'], ['Three']]);
    expect(linesOf('<div><p>Two</p>Three<p>Four</p>Five</div>')).toEqual([['Two'], ['Three'], ['Four'], ['Five']]);
  });

  it('inline text between block elements stays in one block', () => {
    expect(linesOf('<p>a <b>bold</b> <i>x</i> end</p>')).toEqual([['a bold x end']]);
  });

  it('<hr> ends a block; <img> does not', () => {
    expect(linesOf('<div>before<hr>after</div>')).toEqual([['before'], ['after']]);
    expect(linesOf('<div>before<img src="x">after</div>')).toEqual([['beforeafter']]);
  });

  it('<br> inside skipped text adds no line', () => {
    expect(linesOf('<p>a<span class="share">x<br>y</span>b</p>')).toEqual([['ab']]);
    expect(linesOf('<p>a<span class="note">x<br>y</span>b</p>')).toEqual([['ax', 'yb']]);
  });

  it('counts the element tree from the root', () => {
    const t = extract('<p>a</p><p>b</p>').tree!;
    expect(t.parent).toEqual([0, 0, 0]);
    expect(t.kids).toEqual([2, 0, 0]);
    const n = extract('<div><p>a</p><span>s</span><p>b</p></div>');
    expect(n.tree!.parent).toEqual([0, 0, 1, 1]);
    expect(n.tree!.kids).toEqual([1, 2, 0, 0]);
    expect(n.blocks.map((b) => [b.element, b.container, b.tag])).toEqual([[2, 1, 'p'], [1, 0, 'div'], [3, 1, 'p']]);
  });

  it('gives inline elements no id: their text belongs to the enclosing block', () => {
    const v = extract('<div><span><em>in</em></span></div>');
    expect(v.tree!.kids).toEqual([1, 0]);
    expect(v.blocks[0]).toMatchObject({ lines: ['in'], tag: 'div', element: 1, container: 0 });
  });

  it('a chrome class on <body> or <html> does not drop the page', () => {
    expect(linesOf('<html class="share-page"><body><p>kept</p></body></html>')).toEqual([['kept']]);
    expect(linesOf('<html><body class="share-page"><p>kept</p></body></html>')).toEqual([['kept']]);
    expect(linesOf('<html><body id="comments-page"><p>kept</p></body></html>')).toEqual([['kept']]);
    expect(linesOf('<body><div class="share-page"><p>dropped</p></div><p>kept</p></body>')).toEqual([['kept']]);
  });

  it('hidden <body> or <html> still count as shown; any other hidden element does not', () => {
    expect(linesOf('<html hidden><body><p>kept</p></body></html>')).toEqual([['kept']]);
    expect(linesOf('<body style="display:none"><p>kept</p></body>')).toEqual([['kept']]);
    expect(linesOf('<body><div style="display:none"><p>gone</p></div><section hidden>gone</section><p>kept</p></body>')).toEqual([['kept']]);
    expect(linesOf('<p>a<span style="color:red">b</span></p>')).toEqual([['ab']]);
  });

  it('an id alone names chrome, and class and id are read together', () => {
    expect(linesOf('<div id="sidebar">x</div><p>kept</p>')).toEqual([['kept']]);
    expect(linesOf('<div class="box" id="share">x</div><p>kept</p>')).toEqual([['kept']]);
    expect(linesOf('<div class="box" id="main">x</div>')).toEqual([['x']]);
  });

  it('<header> outside an article is dropped, inside <main> it is kept; a <footer> after the article is dropped', () => {
    expect(linesOf('<main><header><p>Head</p></header><p>Body</p></main><footer><p>Foot</p></footer>')).toEqual([['Head'], ['Body']]);
    expect(linesOf('<article><p>Body</p></article><header><p>Late</p></header>')).toEqual([['Body']]);
    expect(linesOf('<header><p>Top</p></header><article><p>Body</p></article>')).toEqual([['Body']]);
  });

  it('skipped elements nest: text after the inner one closes is still skipped', () => {
    expect(linesOf('<nav><div class="share">a</div>b</nav><p>kept</p>')).toEqual([['kept']]);
  });

  it('heading levels, and the title class sets 1 (2 when the class also says sub)', () => {
    const b = extract('<h2>Two</h2><h6>Six</h6><div class="headline">T</div><div class="sub-headline">S</div><span class="headline">x</span><p>plain</p>').blocks;
    expect(b.map((x) => x.heading)).toEqual([2, 6, 1, 2, 0, 0]);
    expect(extract('<h3><span>inner</span></h3>').blocks[0]!.heading).toBe(3);
    expect(extract('<hx>odd</hx>').blocks[0]!.heading).toBe(0);
    expect(extract('<h2 class="subtitle">d</h2>').blocks[0]!.heading).toBe(2);
  });

  it('counts link characters, trimmed, never more than the text', () => {
    const b = extract('<p><a href="/">  linked  </a> and more</p><p><a href="/">all</a></p><p>none</p>').blocks;
    expect(b.map((x) => [x.linkChars, x.chars])).toEqual([[6, 'linked and more'.length], [3, 3], [0, 4]]);
    expect(extract('<p><a href="/">a</a><a href="/">bc</a> d</p>').blocks[0]!.linkChars).toBe(3);
    expect(extract('<p><a href="/">x</a> after link</p>').blocks[0]!.linkChars).toBe(1);
  });

  it('counts chars over all lines', () => {
    expect(extract('<p>abc<br>de</p>').blocks[0]!.chars).toBe(5);
  });

  it('text past the depth limit is kept in the block open at the limit', () => {
    const r = extract(`<div>${'<div>'.repeat(300)}deep${'</div>'.repeat(300)}after</div>`);
    expect(r.blocks.flatMap((b) => b.lines)).toEqual(['deep', 'after']);
  });
});

describe('extractHtml: limits', () => {
  it('refuses a page over maxChars, saying how large it is', () => {
    const r = extractHtml('x'.repeat(LIMITS.maxChars + 1));
    expect(r).toEqual({ ok: false, reason: `page too large (${LIMITS.maxChars + 1} characters, limit ${LIMITS.maxChars})` });
  });
});

describe('extractHtml: meta', () => {
  it.each([
    'article:published_time',
    'datePublished',
    'pubdate',
    'publishdate',
    'publish_date',
    'publishtime',
    'date',
    'DC.date',
    'dc.date.issued',
    'sailthru.date',
    'og:published_time',
  ])('%s gives published', (key) => {
    expect(metaOf(`<meta name="${key}" content=" 2025-01-02 ">`)).toEqual({ published: '2025-01-02' });
  });

  it('reads property, then name, then itemprop', () => {
    expect(metaOf('<meta property="og:url" name="author" content="u">')).toEqual({ ogUrl: 'u' });
    expect(metaOf('<meta name="author" itemprop="datePublished" content="A">')).toEqual({ author: 'A' });
    expect(metaOf('<meta itemprop="datePublished" content="2025-01-02">')).toEqual({ published: '2025-01-02' });
  });

  it('titles and authors are folded; the first of each wins', () => {
    expect(metaOf('<meta property="twitter:title" content=" A  B "><meta property="og:title" content="C">')).toEqual({ ogTitle: 'A B' });
    expect(metaOf('<meta name="article:author" content="Li\u00a0 Wei"><meta name="author" content="X">')).toEqual({ author: 'Li Wei' });
    expect(metaOf('<meta property="og:url" content="a"><meta property="og:url" content="b">')).toEqual({ ogUrl: 'a' });
    expect(metaOf('<meta name="date" content="1"><meta name="pubdate" content="2">')).toEqual({ published: '1' });
  });

  it('ignores an empty content or key, and unknown keys', () => {
    expect(metaOf('<meta name="author" content="  "><meta content="x"><meta name="keywords" content="k"><meta name="author">')).toEqual({});
  });

  it('reads canonical links, trimmed, first wins, rel matched as a word', () => {
    expect(metaOf('<link rel="Canonical" href=" https://a/ "><link rel="canonical" href="https://b/">')).toEqual({ canonical: 'https://a/' });
    expect(metaOf('<link rel="noncanonical" href="https://a/"><link rel="canonical">')).toEqual({});
    expect(metaOf('<link rel="stylesheet canonical" href="x">')).toEqual({ canonical: 'x' });
    expect(metaOf('<link href="x">')).toEqual({});
  });

  it('html lang, and the first <time datetime> outside skipped chrome', () => {
    expect(metaOf('<html lang="zh-CN"><body><p>x</p></body></html>')).toMatchObject({ lang: 'zh-CN' });
    expect(metaOf('<div lang="en"><p>x</p></div>')).toEqual({});
    expect(metaOf('<nav><time datetime="2020-01-01">a</time></nav><p><time datetime=" 2025-02-03 ">b</time></p><time datetime="2026-01-01">c</time>')).toEqual({
      timeDatetime: '2025-02-03',
    });
    expect(metaOf('<p><time>no attribute</time></p>')).toEqual({});
  });

  it('the first non-empty <title>, folded; later titles are page text, not the title', () => {
    expect(metaOf('<title> A \n B </title><title>Second</title>')).toEqual({ title: 'A B' });
    expect(metaOf('<title>  </title><title>Second</title>')).toEqual({ title: 'Second' });
    expect(metaOf('<title>T &amp; U</title>').title).toBe('T & U');
  });
});

describe('extractText: one paragraph per line at the thresholds', () => {
  it('three lines, two of them ending a sentence, are three paragraphs', () => {
    expect(extractText('First one.\nSecond one.\nthird').blocks.map((b) => b.lines)).toEqual([['First one.'], ['Second one.'], ['third']]);
  });

  it('two ended lines are not enough lines to split', () => {
    expect(extractText('First one.\nSecond one.').blocks.map((b) => b.lines)).toEqual([['First one.', 'Second one.']]);
  });

  it('three lines with one ended stay one paragraph', () => {
    expect(extractText('First one.\nsecond\nthird').blocks).toHaveLength(1);
  });

  it('half of the lines ended is enough when that is at least two', () => {
    expect(extractText('a.\nb\nc.\nd').blocks).toHaveLength(4);
    expect(extractText('a.\nb\nc\nd\ne').blocks).toHaveLength(1);
    expect(extractText('a.\nb\nc.\nd\ne').blocks).toHaveLength(1);
  });

  it.each(['。', '！', '？', '"', '”', '」', '』', ')', '）', '!', '?'])('a line ending in %s ends a sentence', (end) => {
    expect(extractText(`a${end}\nb${end}\nc`).blocks).toHaveLength(3);
  });

  it('blank lines of spaces, tabs, ideographic or no-break spaces separate paragraphs; CR and CRLF are newlines', () => {
    expect(extractText('a\n \t\u3000\u00a0\nb\r\rc\r\n\r\nd').blocks.map((b) => b.lines)).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('blocks carry their characters and a plain-text shape', () => {
    expect(extractText('ab\ncd').blocks[0]).toEqual({ lines: ['ab', 'cd'], tag: 'text', heading: 0, linkChars: 0, chars: 4, chrome: false, container: 0 });
    expect(extractText('a\n\n\n\nb').blocks).toHaveLength(2);
    expect(extractText('').blocks).toEqual([]);
  });
});

describe('looksLikeHtml', () => {
  it.each([
    ['<!DOCTYPE html><p>x', true],
    ['<HTML>', true],
    ['<head>', true],
    ['<body>', true],
    ['<p class="a">', true],
    ['<div>', true],
    ['<br/>', true],
    ['<meta charset=utf-8>', true],
    ['<title>', true],
    ['<article>', true],
    ['<section>', true],
    ['<span>', true],
    ['<table>', true],
    ['<h3>', true],
    ['<h7>', false],
    ['<pre>', false],
    ['a < b and c > d', false],
    ['<paragraph>', false],
  ])('%j → %s', (text, html) => {
    expect(looksLikeHtml(text)).toBe(html);
  });

  it('looks only at the first HTML_SNIFF_CHARS characters', () => {
    expect(looksLikeHtml(`${'x'.repeat(HTML_SNIFF_CHARS - 3)}<p>`)).toBe(true);
    expect(looksLikeHtml(`${'x'.repeat(HTML_SNIFF_CHARS - 1)}<p>`)).toBe(false);
  });
});
