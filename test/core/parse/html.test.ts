import { describe, expect, it } from 'vitest';
import { extractHtml, extractText, foldBlock, LIMITS, looksLikeHtml } from '../../../lambdas/core/parse/html.js';

const blocksOf = (html: string) => {
  const r = extractHtml(html);
  if (!r.ok) throw new Error(r.reason);
  return r.value.blocks;
};

describe('extractHtml', () => {
  it('emits one block per paragraph with whitespace folded and <br> as line breaks', () => {
    const b = blocksOf('<div><p>  First   line<br>second\u00a0line </p><p>Next</p></div>');
    expect(b.map((x) => x.lines)).toEqual([['First line', 'second line'], ['Next']]);
  });

  it('keeps raw line breaks as soft-break markers', () => {
    expect(blocksOf('<p>English text\n中文文本</p>')[0]!.lines).toEqual(['English text\r中文文本']);
  });

  it.each([
    ['<script>var x = "<p>no</p>";</script><p>yes</p>'],
    ['<style>p { color: red }</style><p>yes</p>'],
    ['<nav><a href="/">Home</a></nav><p>yes</p>'],
    ['<div class="share-bar">Share to WeChat</div><p>yes</p>'],
    ['<div id="related-news"><a href="/1">Other story</a></div><p>yes</p>'],
    ['<div class="breadcrumb">Home &gt; News</div><p>yes</p>'],
    ['<header><a href="/">Logo</a></header><p>yes</p>'],
    ['<form><input name="q"> Search</form><p>yes</p>'],
  ])('drops chrome: %s', (html) => {
    expect(blocksOf(html).flatMap((x) => x.lines)).toEqual(['yes']);
  });

  it.each([
    ['<div class="author_share"><span>By Li Wei</span> <span>2025-03-04 10:20</span></div><p>yes</p>', ['By Li Wei 2025-03-04 10:20', 'yes']],
    ['<div class="shareBar pubtime">2025-03-04</div><p>yes</p>', ['2025-03-04', 'yes']],
    ['<div class="share-source">Source: Example Daily</div><p>yes</p>', ['Source: Example Daily', 'yes']],
  ])('keeps an element named for metadata as well as chrome (its lines are judged by what they say): %s', (html, lines) => {
    expect(blocksOf(html).flatMap((x) => x.lines)).toEqual(lines);
  });

  it.each([
    ['<p>Seen here. <span style="display:none">planted words</span>And here.</p>', ['Seen here. And here.']],
    ['<p>看得见。<span style="color:#fff; DISPLAY: none !important">水印</span>也看得见。</p>', ['看得见。也看得见。']],
    ['<p>Seen <em style="visibility:hidden">ghost</em>text.</p>', ['Seen text.']],
    ['<div hidden><p>Not shown</p></div><p>Shown</p>', ['Shown']],
    ['<p>Shown <span style="display:inline-block">too</span></p>', ['Shown too']],
    ['<p>Shown <span style="--display:none-ish">too</span></p>', ['Shown too']],
  ])('leaves out what a browser does not show: %s', (html, lines) => {
    expect(blocksOf(html).flatMap((x) => x.lines)).toEqual(lines);
  });

  it('keeps <header> and <footer> that belong to an <article>', () => {
    const b = blocksOf('<article><header><h1>Title</h1></header><p>Body</p><footer><p>Editor\'s Note: x</p></footer></article>');
    expect(b.flatMap((x) => x.lines)).toEqual(['Title', 'Body', "Editor's Note: x"]);
  });

  it('marks headings and title-classed blocks, and counts link text', () => {
    const b = blocksOf('<h1>Head</h1><p class="article-title">Deck</p><p>See <a href="/x">this link</a> now</p>');
    expect(b.map((x) => x.heading)).toEqual([1, 1, 0]);
    expect(b[2]!.linkChars).toBe('this link'.length);
  });

  it('decodes entities', () => {
    expect(blocksOf('<p>Dolly Menga&#x27;s &quot;goal&quot; &amp; more</p>')[0]!.lines).toEqual(['Dolly Menga\'s "goal" & more']);
  });

  it('reads <title>, og: and canonical metadata from <head>', () => {
    const r = extractHtml(
      '<html><head><title> Page  title </title><meta property="og:title" content="OG title"><link rel="canonical" href="https://x.example/a"><meta property="article:published_time" content="2025-04-06T20:15:00+08:00"></head><body><p>x</p></body></html>',
    );
    expect(r.ok && r.value.meta).toEqual({ title: 'Page title', ogTitle: 'OG title', canonical: 'https://x.example/a', published: '2025-04-06T20:15:00+08:00' });
  });

  it('keeps the text of deep (but sane) nesting', () => {
    const depth = 1_000;
    const html = `${'<div>'.repeat(depth)}<p>deep text</p>${'</div>'.repeat(depth)}`;
    const r = extractHtml(html);
    expect(r.ok && r.value.blocks.flatMap((b) => b.lines)).toEqual(['deep text']);
  });

  it('refuses absurd nesting quickly instead of grinding through it', () => {
    const depth = 200_000;
    const started = performance.now();
    const r = extractHtml(`${'<div>'.repeat(depth)}<p>deep text</p>${'</div>'.repeat(depth)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/nested deeper/);
    // Not a speed assertion: a generous bound that only a quadratic walk would break.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses pages with absurdly many elements', () => {
    const r = extractHtml('<i>x</i>'.repeat(LIMITS.maxElements + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/too many elements/);
  });

  it('copes with truncated HTML', () => {
    expect(blocksOf('<div><p>Complete paragraph.</p><p>Cut in the mid').flatMap((b) => b.lines)).toEqual(['Complete paragraph.', 'Cut in the mid']);
  });
});

describe('foldBlock', () => {
  it.each([
    ['a  b\t c', ['a b c']],
    ['\u0001\u0001a\u0001\u0001\u0001b\u0001', ['a', '', 'b']],
    ['a \n b', ['a\rb']],
    ['\u3000\u3000全角空格缩进', ['全角空格缩进']],
    // Zero-width space and BOM vanish inside words; ZWJ (emoji sequences) stays.
    ['Rese\u200barchers and\ufeff data \u200b here', ['Researchers and data here']],
    ['👩\u200d👧 family', ['👩\u200d👧 family']],
    ['   ', []],
  ])('%j → %j', (raw, lines) => {
    expect(foldBlock(raw)).toEqual(lines);
  });
});

describe('plain text', () => {
  it('splits paragraphs at blank lines and keeps lines', () => {
    expect(extractText('Title\n\n来源：X\n2025-01-01\n\r\nBody').blocks.map((b) => b.lines)).toEqual([['Title'], ['来源：X', '2025-01-01'], ['Body']]);
  });

  it('treats lines as paragraphs when a file has no blank lines between them', () => {
    const text = 'The ship returned on Wednesday.\n医院船周三返航。\nDoctors performed 86 operations.\n医生完成了86台手术。';
    expect(extractText(text).blocks.map((b) => b.lines)).toEqual([['The ship returned on Wednesday.'], ['医院船周三返航。'], ['Doctors performed 86 operations.'], ['医生完成了86台手术。']]);
  });

  it('keeps hard-wrapped lines together', () => {
    expect(extractText('The ship returned to its home\nport on Wednesday after a long\nmission in the South Pacific.').blocks).toHaveLength(1);
  });

  it.each([
    ['<!DOCTYPE html><html>', true],
    ['<p>para</p>', true],
    ['Plain text with a < sign and a > sign', false],
    ['Title\n\nBody', false],
  ])('looksLikeHtml(%j) = %s', (text, yes) => {
    expect(looksLikeHtml(text)).toBe(yes);
  });
});
