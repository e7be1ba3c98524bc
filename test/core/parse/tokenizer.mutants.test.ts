/**
 * The HTML reader (lambdas/core/parse/tokenizer.ts) against htmlparser2, the reader it
 * replaced, on hand-picked markup for the seed-7 mutation sample's survivors, which random
 * markup rarely builds: foreignObject and image end tags, end tags of
 * unknown elements that are not the innermost, '<!-' openings, '</' shapes, CDATA inside and
 * outside SVG, and attribute edge cases at the end of the input.
 */
import { describe, expect, it } from 'vitest';
import { tokenize, type Attrs } from '../../../lambdas/core/parse/tokenizer.js';
import { ours, reference } from './tokenizer-harness.js';


describe('tokenize matches htmlparser2 on shapes random markup rarely builds', () => {
  it.each([
    ['foreignObject closed in HTML context', '<foreignobject><p>x</p></foreignobject>y'],
    ['foreignObject end tag inside svg', '<svg><foreignObject>a</FOREIGNOBJECT>b</svg>c'],
    ['an image end tag', '<p><image src=x>a</image>b</p>'],
    ['image inside svg', '<svg><image>a</image>b</svg>c'],
    ['an unknown element closed from inside', '<custom-box><b>x</custom-box>y'],
    ['an unknown element closed in upper case', '<Widget><i>x</WIDGET>y'],
    ['an unknown end tag with nothing open', '</mystery>text<p>a</p>'],
    ['end tag with spaces and attributes', '<div><p>a</p ><span>b</span foo="bar"></div>c'],
    ['the end tag of an element not open', '<div>a</span>b</div>'],
    ['<!-x> is a bogus comment', '<p><!-x>a</p>'],
    ['<!-> ends at once', '<p><!->a</p>'],
    ['<!-- ending at the end', '<p>a<!-- unterminated'],
    ['CDATA in HTML is a comment', '<p>a<![CDATA[b]]>c</p>'],
    ['CDATA in SVG is text', '<svg><text><![CDATA[x<y]]></text></svg>'],
    ['CDATA unterminated', '<svg><![CDATA[x'],
    ['processing instruction', '<p>a<?xml version="1.0"?>b</p>'],
    ['</> is nothing', '<p>a</>b</p>'],
    ['</ x> is a comment', '<p>a</ x>b</p>'],
    ['</ at the end is text', '<p>a</'],
    ['< before a digit is text', '<p>1 <2 and 3> 2</p>'],
    ['attributes with spaces around =', '<meta name = "author" content = \'A B\'><p>x</p>'],
    ['unquoted attribute values', '<meta name=author content=A&amp;B><p>x</p>'],
    ['a slash inside a tag before attributes', '<div / class="x">a</div>'],
    ['self-closing with space', '<br / ><p>a</p>'],
    ['upper-case tags', '<DIV CLASS="Share"><P>a</P></DIV>'],
    ['br end tag', '<p>a</br>b</p>'],
    ['p end tag alone', 'a</p>b'],
    ['void end tags', '<p>a</img></hr>b</p>'],
    ['nested same tags', '<div><div>a</div>b</div>c'],
    ['implied close of p by div', '<p>a<div>b</div>c'],
    ['raw text in svg is parsed', '<svg><script>a<b>c</b></script></svg>'],
    ['title raw text', '<title>a <b> c</title><p>d</p>'],
    ['textarea raw text', '<textarea>a <p> b</textarea>c'],
    ['tag name ending the input', '<p>a</p><div'],
    ['end tag name ending the input', '<p>a</p></div'],
    ['an attribute ending the input', '<p>a</p><div class'],
    ['an attribute value ending the input', '<p>a</p><div class="x'],
    ['whitespace ending the input inside a tag', '<p>a</p><div  '],
    ['time datetime', '<time datetime=" 2025-01-02 ">x</time>'],
    ['hidden and style read everywhere', '<span hidden style="display:none" class=a>x</span>'],
    ['entities in attribute values', '<a class="a&amp;b&lt;c" href="x">y</a>'],
    ["'&' after '</' and all but the last letter of the raw-text element's name", '<title>a</titl&amp; b</title><p>c</p>'],
    ["'&' after the whole name is decoded", '<title>a</title&amp; b</title><p>c</p>'],
    ["'&' after '<' alone in raw text", '<title>a <&amp; b</title>'],
    ['a control character matching a digit of the open name only by case folding', '<h1>a</h\u0011>b</h1>c'],
    ['an end tag in another case than the open element', '<section><P>a</p>b</SECTION>c'],
    ['a math island', '<math><mi>x</mi><annotation-xml><p>y</p></annotation-xml></math>z'],
  ])('%s', (_, s) => {
    expect(ours(s)).toEqual(reference(s));
  });
});

describe('attributes read only where the parser uses them', () => {
  const attrsOf = (html: string): Attrs[] => {
    const seen: Attrs[] = [];
    tokenize(html, { open: (_, a) => seen.push({ ...a }), text: () => {}, close: () => {} });
    return seen;
  };
  const ALL = 'rel="r" href="h" lang="l" property="p" name="n" itemprop="i" content="c" datetime="d" type="t" class="k" id="x" style="s" hidden';

  it('a <div> keeps class, id, style and hidden, and none of the rest', () => {
    const [a] = attrsOf(`<div ${ALL}>`);
    expect(Object.fromEntries(Object.entries(a!).filter(([, v]) => v !== undefined))).toEqual({ class: 'k', id: 'x', style: 's', hidden: '' });
  });

  it.each(['meta', 'link', 'html', 'time', 'script'])('<%s> keeps them all', (tag) => {
    const [a] = attrsOf(`<${tag} ${ALL}>`);
    expect(a).toEqual({ rel: 'r', href: 'h', lang: 'l', property: 'p', name: 'n', itemprop: 'i', content: 'c', datetime: 'd', type: 't', class: 'k', id: 'x', style: 's', hidden: '' });
  });
});
