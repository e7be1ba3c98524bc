/**
 * Link extraction edges from the second mutation run (lambdas/core/links.ts): an href of only
 * a fragment with space around it, an RSS item whose atom:link comes before its <link>, an
 * Atom entry with a text <link> before the real one, charsets declared with spaces, without
 * quotes or in an http-equiv <meta>, a feed media type with space before its parameters, and
 * documents that only mention a feed's root element or hold a brace.
 */
import { describe, expect, it } from 'vitest';
import { canonicalUrl, decodeBody, extractFeedHrefs, feedKindOf } from '../../lambdas/core/links.js';

const bytes = (s: string) => new TextEncoder().encode(s);
/** ASCII text with 中文 in GBK after it. */
const gbk = (head: string) => new Uint8Array([...bytes(head), 0xd6, 0xd0, 0xce, 0xc4]);

describe('canonicalUrl', () => {
  it('reads a fragment-only href with space around it as no link, and a blank one too', () => {
    expect(canonicalUrl('  #top ', 'http://x.example/a')).toBeUndefined();
    expect(canonicalUrl(' \n ', 'http://x.example/a')).toBeUndefined();
  });
});

describe('extractFeedHrefs', () => {
  it('takes an RSS item\'s <link> when an atom:link (no text) comes first', () => {
    const xml = '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><item><atom:link href="http://x.example/amp/1" rel="amphtml"/><link>http://x.example/1</link><guid>http://x.example/guid/1</guid></item></channel></rss>';
    expect(extractFeedHrefs(xml).hrefs).toEqual(['http://x.example/1']);
  });
  it('passes over an Atom entry\'s <link> written as text and takes the href of the one after it', () => {
    const xml = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link>http://x.example/text</link><link href="http://x.example/2"/></entry></feed>';
    expect(extractFeedHrefs(xml).hrefs).toEqual(['http://x.example/2']);
  });
});

describe('decodeBody charsets', () => {
  it.each([
    ['an http-equiv <meta>', '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body>'],
    ['<meta charset> without quotes', '<meta charset=gbk><p>'],
    ['<meta charset> with spaces round =', '<meta charset = "gbk"><p>'],
    ['an XML declaration with spaces round =', '<?xml version="1.0" encoding = "gbk"?><rss>'],
  ])('reads %s', (_why, head) => {
    expect(decodeBody(gbk(head))).toBe(head + '中文');
  });
  it('reads a Content-Type charset with spaces round =', () => {
    expect(decodeBody(gbk('<p>'), 'text/html; charset = gbk')).toBe('<p>中文');
  });
});

describe('feedKindOf edges', () => {
  it('reads a feed media type with space before its parameters', () => {
    expect(feedKindOf(bytes('<html>'), 'application/atom+xml ; charset=utf-8')).toBe('atom');
  });
  it('names an RSS document that holds a brace in its text, and no page that only mentions <rss>', () => {
    expect(feedKindOf(bytes('<rss version="2.0"><channel><title>{x}</title>'))).toBe('rss');
    expect(feedKindOf(bytes('How to read an <rss> feed'))).toBeUndefined();
  });
});
