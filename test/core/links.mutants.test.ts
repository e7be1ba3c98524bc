/**
 * Link extraction edges found by mutation testing (npm run mutate): tracking parameters go
 * whatever their case and the rest of the query is kept as written; only the first <base>
 * counts, and one that is no URL is ignored; <area> links count, the candidate cap holds;
 * character references in feed links are decoded unless they name no character; an RSS
 * guid is a link unless it says isPermaLink="false"; an Atom entry's alternate link wins
 * over its others; feed sniffing sees past a byte-order mark and a doctype.
 */
import { describe, expect, it } from 'vitest';
import { canonicalUrl, extractFeedHrefs, extractHtmlHrefs, extractLinks, feedKindOf } from '../../lambdas/core/links.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('canonicalUrl', () => {
  it('drops tracking parameters in any case and keeps the others in order', () => {
    expect(canonicalUrl('/a?UTM_Source=x&b=2&fbclid=y&a=1', 'https://x.example/')).toBe('https://x.example/a?b=2&a=1');
  });
  it('leaves a query with no tracking parameter exactly as written', () => {
    expect(canonicalUrl('/a?b&c=%7e', 'https://x.example/')).toBe('https://x.example/a?b&c=%7e');
  });
  it('drops the fragment, trims the href, and refuses a user name alone', () => {
    expect(canonicalUrl('  /a#p2  ', 'https://x.example/')).toBe('https://x.example/a');
    expect(canonicalUrl('http://user@x.example/a', 'https://x.example/')).toBeUndefined();
    expect(canonicalUrl('http://:pw@x.example/a', 'https://x.example/')).toBeUndefined();
  });
});

describe('extractHtmlHrefs', () => {
  it('takes the first <base> only, ignores one that is no URL, and reads <area> links', () => {
    const page = '<base href="/one/"><base href="/two/"><a href="a.html">A</a><map><area href="b.html"></map><a name="x">no href</a>';
    expect(extractHtmlHrefs(page, 'https://x.example/p')).toEqual({ hrefs: ['a.html', 'b.html'], base: 'https://x.example/one/' });
    expect(extractHtmlHrefs('<base href="http://[bad"><a href="a">A</a>', 'https://x.example/p').base).toBe('https://x.example/p');
  });
  it('stops collecting at the candidate cap', () => {
    const page = Array.from({ length: 10 }, (_, i) => `<a href="/${i}">${i}</a>`).join('');
    expect(extractHtmlHrefs(page, 'https://x.example/', 3).hrefs).toEqual(['/0', '/1', '/2']);
  });
});

describe('extractFeedHrefs', () => {
  it('decodes character references in links, keeping one that names no character', () => {
    const rss = '<rss><channel><item><link>https://x.example/a?b=1&amp;c=&#x41;&#66;&QUOT;&#0;&nope;</link></item></channel></rss>';
    expect(extractFeedHrefs(rss).hrefs).toEqual(['https://x.example/a?b=1&c=AB"&#0;&nope;']);
  });
  it('takes a guid as the link unless it is marked isPermaLink="false"; an empty link does not count', () => {
    const rss =
      '<rss><channel>' +
      '<item><link> </link><guid>https://x.example/g1</guid></item>' +
      '<item><guid isPermaLink="false">https://x.example/g2</guid></item>' +
      '<item><guid isPermaLink="true">https://x.example/g3</guid></item>' +
      '</channel></rss>';
    expect(extractFeedHrefs(rss).hrefs).toEqual(['https://x.example/g1', 'https://x.example/g3']);
  });
  it('takes an Atom entry\'s alternate link (or the one without rel), not self or edit links', () => {
    const atom =
      '<feed xmlns="http://www.w3.org/2005/Atom">' +
      '<entry><link rel="self" href="https://x.example/self"/><link rel="alternate" href="https://x.example/e1"/></entry>' +
      '<entry><link rel="edit" href="https://x.example/edit"/><link href="https://x.example/e2"/></entry>' +
      '<entry><link rel="edit" href="https://x.example/only-edit"/></entry>' +
      '</feed>';
    expect(extractFeedHrefs(atom).hrefs).toEqual(['https://x.example/e1', 'https://x.example/e2']);
  });
  it('names a document that is no feed', () => {
    const r = extractFeedHrefs('<html><body><a href="/a">A</a></body></html>');
    expect(r.hrefs).toEqual([]);
    expect(r.problem).toMatch(/not an RSS or Atom document/);
  });
});

describe('extractLinks', () => {
  it('keeps each link once, in page order, only those the pattern takes, up to max', () => {
    const page = '<a href="/n/1">1</a><a href="/x/2">2</a><a href="/n/1#c">1 again</a><a href="/n/3">3</a><a href="/n/4">4</a>';
    expect(extractLinks(page, { kind: 'html-index', pageUrl: 'https://x.example/', linkPattern: '/n/' }).links).toEqual(['https://x.example/n/1', 'https://x.example/n/3', 'https://x.example/n/4']);
    expect(extractLinks(page, { kind: 'html-index', pageUrl: 'https://x.example/', linkPattern: /\/n\//, max: 2 }).links).toEqual(['https://x.example/n/1', 'https://x.example/n/3']);
  });
});

describe('feedKindOf', () => {
  it('reads the media type first, whatever its case and parameters', () => {
    expect(feedKindOf(bytes('<html>'), 'Application/RSS+XML; charset=utf-8')).toBe('rss');
    expect(feedKindOf(bytes('<html>'), 'application/rdf+xml')).toBe('rss');
    expect(feedKindOf(bytes('<html>'), 'application/atom+xml')).toBe('atom');
    expect(feedKindOf(bytes('<html>'), 'application/feed+json')).toBe('json-feed');
  });
  it('sees past a byte-order mark, the XML declaration, comments and a doctype to the root', () => {
    expect(feedKindOf(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('<?xml version="1.0"?>\n<!-- c --><!DOCTYPE rss><rss version="2.0">')]))).toBe('rss');
    expect(feedKindOf(bytes('<rdf:RDF xmlns:rdf="x">'))).toBe('rss');
    expect(feedKindOf(bytes('<atom:feed xmlns:atom="x">'))).toBe('atom');
    expect(feedKindOf(bytes('<!DOCTYPE html><html><body>'))).toBeUndefined();
    expect(feedKindOf(bytes('{"version": "https://jsonfeed.org/version/1.1", "items": []}'))).toBe('json-feed');
    expect(feedKindOf(bytes('{"title": "no feed"}'))).toBeUndefined();
    expect(feedKindOf(bytes('plain text'))).toBeUndefined();
  });
});

describe('feed and page edges', () => {
  it('reads a feed of one item, one entry or one link (no array in the XML)', () => {
    expect(extractFeedHrefs('<rss><channel><item><link>https://x.example/1</link></item></channel></rss>').hrefs).toEqual(['https://x.example/1']);
    expect(extractFeedHrefs('<feed><entry><link href="https://x.example/e"/></entry></feed>').hrefs).toEqual(['https://x.example/e']);
    expect(extractFeedHrefs('<rdf:RDF xmlns:rdf="r"><item><link>https://x.example/r</link></item></rdf:RDF>').hrefs).toEqual(['https://x.example/r']);
  });
  it('decodes upper-case hex references and keeps ones beyond Unicode', () => {
    const rss = '<rss><channel><item><link>https://x.example/&#X41;&#x10FFFF;&#x110000;</link></item></channel></rss>';
    expect(extractFeedHrefs(rss).hrefs).toEqual(['https://x.example/A\u{10FFFF}&#x110000;']);
  });
  it('skips empty items and entries', () => {
    expect(extractFeedHrefs('<rss><channel><item></item><item><link>https://x.example/2</link></item></channel></rss>').hrefs).toEqual(['https://x.example/2']);
    expect(extractFeedHrefs('<feed><entry></entry><entry><link href="https://x.example/e"/></entry></feed>').hrefs).toEqual(['https://x.example/e']);
  });
  it('reads a JSON Feed with space before it and an http version URL', () => {
    expect(feedKindOf(bytes('\n  {"version":"http://jsonfeed.org/version/1"}'))).toBe('json-feed');
    expect(feedKindOf(bytes('{"version" : "https://jsonfeed.org/version/1.1"}'))).toBe('json-feed');
  });
  it('reads only the root element after leading space', () => {
    expect(feedKindOf(bytes('  \n<feed xmlns="http://www.w3.org/2005/Atom">'))).toBe('atom');
    expect(feedKindOf(bytes('<html><!-- <rss> --></html>'))).toBeUndefined();
  });
});
