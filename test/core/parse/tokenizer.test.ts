/**
 * The parser's own HTML reader against htmlparser2 (HTML mode, entities decoded), the
 * reader it replaced: for any input, the same start tags with the same attributes, the same
 * end tags in the same order, and the same text between them. Text may arrive in other
 * pieces (htmlparser2 also cuts at entities and stray '<'), so consecutive text is joined
 * before comparing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, type Attrs } from '../../../lambdas/core/parse/tokenizer.js';
import { ours, reference, keptAttrs } from './tokenizer-harness.js';


const TAGS = ['p', 'div', 'span', 'a', 'br', 'hr', 'img', 'image', 'li', 'ul', 'td', 'tr', 'table', 'tbody', 'h1', 'h2', 'script', 'style', 'title', 'textarea', 'form', 'svg', 'math', 'foreignObject', 'desc', 'mi', 'nav', 'footer', 'article', 'iframe', 'noscript', 'xmp', 'plaintext', 'option', 'select', 'dd', 'dt', 'pre', 'b', 'meta', 'link', 'head', 'body', 'html', 'input', 'button', 'time'];
const ATTRS = ['name="x" content="y"', 'class="share-bar"', 'CLASS="Nav"', 'class', 'id=\'x>y\'', 'id=main', 'rel="canonical"', 'href="/a?b=1&amp;c=2"', 'href=&quot;q', 'lang="zh-CN"', 'property="og:title"', 'content="T &amp; U"', 'content=&notit;', 'name="author"', 'itemprop="datePublished"', 'data-x="1"', 'class="a" class="b"', '/', '=x', 'a=', 'title="t"', 'datetime="2025-03-04T10:20+08:00"', 'DateTime=x', 'style="display:none"', 'STYLE="color: red"', 'hidden', 'hidden="hidden"', 'stylex=1', 'hiddenx', 'type="application/ld+json"', 'TYPE=text/javascript', 'typo=1', 'tabs=1'];
const TEXTS = ['Hello world. ', '中文段落，测试。', ' &amp; ', '&lt;b&gt;', '&copy2025', '&nbsp;', '\n', 'A < B', '<!-- c -->', '<!-->', '<!--->', '<!-- a --!> b', '<!-- a -- > b -->', '<!doctype html>', '<![CDATA[ x ]]>', '<!x>', '<!->', '<?php x ?>', '</ x>', '</>', '<', '&#x4e2d;', '&#0;', '&#128;', 'x&y', '</p>', '</br>', '</BR>', '<br/>', '<p/>', '<svg/>', '</script>', '</SCRIPT >', '</div>', '</li>', '&amp', '"q"', '<sCrIpT>', '<titl'];

const tag = fc
  .tuple(fc.constantFrom(...TAGS), fc.boolean(), fc.array(fc.constantFrom(...ATTRS), { maxLength: 3 }), fc.boolean())
  .map(([t, upper, attrs, self]) => `<${upper ? t.toUpperCase() : t}${attrs.map((a) => ` ${a}`).join('')}${self ? '/' : ''}>`);
const endTag = fc.constantFrom(...TAGS).map((t) => `</${t}>`);
const html = fc
  .tuple(fc.array(fc.oneof(tag, endTag, fc.constantFrom(...TEXTS), fc.string({ maxLength: 6 })), { maxLength: 40 }), fc.nat())
  // Cut anywhere: truncated pages end inside tags, comments and attribute values.
  .map(([parts, cut]) => {
    const s = parts.join('');
    return cut % 4 === 0 && s.length > 0 ? s.slice(0, cut % s.length) : s;
  });

describe('tokenize', () => {
  it('reports what htmlparser2 reports, on generated markup (also truncated)', () => {
    fc.assert(
      fc.property(html, (s) => {
        // Input ending inside a self-closing tag ('<img a="1"/') or after an end tag's name
        // ('</p ') makes htmlparser2 emit the input's last character as text (its section
        // start is -1 there); we emit nothing. See the test below.
        fc.pre(!/\/\s*$/.test(s) && !/<\/[A-Za-z][^\s/>]*[\s/][^>]*$/.test(s));
        expect(ours(s)).toEqual(reference(s));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['raw text', '<script>if (a < b) { x = "</p>"; }</script><p>after</p>'],
    ['escapable raw text', '<title>A &amp; B <b>not a tag</b></title>'],
    ["'&' just after a possible end tag in escapable raw text", '<title>a<&amp; b</&amp; c</ti&amp; d</title&amp;</title>'],
    ['implied closes', '<ul><li>one<li>two</ul><p>a<p>b<div>c</div><table><tr><td>1<td>2<tr><td>3</table>'],
    ['stray end tags', '</p></br></div>text'],
    ['foreign content', '<svg><title>t</title><style>a<b</style><foreignObject><p>x</p></foreignObject><g/></svg>'],
    ['second form ignored', '<form id=a><form id=b><input></form></form>'],
    ['comments', '<!-- a --><!-->b<!--->c<!-- d --!>e<!-- f -- >g-->h'],
    ['attribute entities', '<a href="?a=1&amp;b=2&copy=3" title=x>link</a>'],
    ['legacy entities in text', 'caf&eacute &copy2025 &notit; &#x4e2d;&#25991;'],
    ['truncated tag name', '<p>text</p><scri'],
    ['truncated attribute', '<p class="open'],
  ])('matches htmlparser2: %s', (_, s) => {
    expect(ours(s)).toEqual(reference(s));
  });

  it('drops a start tag cut off after its "/" (htmlparser2 emits the last character instead)', () => {
    expect(ours('<p>a</p><img src="x"/')).toEqual([['open', 'p', {}], ['text', 'a'], ['close', 'p']]);
    expect(reference('<p>a</p><img src="x"/')).toEqual([['open', 'p', {}], ['text', 'a'], ['close', 'p'], ['text', '/']]);
    expect(ours('<p>a</p </p')).toEqual([['open', 'p', {}], ['text', 'a'], ['close', 'p']]);
  });

  it('reads only the attributes the parser uses, first one winning', () => {
    const seen: Attrs[] = [];
    tokenize('<div class="a" CLASS="b" data-x="1" id=main href="/x"><meta name=author content="A" class=c>', { open: (_, a) => seen.push(a), text: () => {}, close: () => {} });
    expect(keptAttrs(seen[0]!, 'meta')).toEqual({ class: 'a', id: 'main' });
    expect(keptAttrs(seen[1]!, 'meta')).toEqual({ name: 'author', content: 'A', class: 'c' });
  });

  // Shapes that made a search per '&', per end tag or per dash quadratic: each must finish (a
  // quadratic reader would hang here for minutes; linear takes milliseconds).
  it.each([
    ['a title full of "&" after a "<"', '<title><' + '&a'.repeat(300_000) + '</title>', 2],
    ['a textarea of partial end tags and "&"', '<textarea>' + '</&a'.repeat(200_000), 2],
    ['end tags for elements never opened, under deep nesting', '<div>'.repeat(4_000) + '</span>'.repeat(100_000), 8_000],
    ['a comment of dashes that never ends', '<p>a</p><!--' + '-'.repeat(1_000_000), 2],
    ['a comment of "--!x" that never ends', '<!--' + '--!x'.repeat(300_000), 0],
  ])('stays linear: %s', (_, s, events) => {
    let n = 0;
    tokenize(s, { open: () => n++, text: () => {}, close: () => n++ });
    expect(n).toBe(events);
  });

  it('handles deep nesting without quadratic work per tag', () => {
    const depth = 50_000;
    let closes = 0;
    tokenize('<div>'.repeat(depth), { open: () => {}, text: () => {}, close: () => closes++ });
    expect(closes).toBe(depth);
  });
});
