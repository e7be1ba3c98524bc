import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { canonicalUrl, decodeBody, extractLinks, feedKindOf } from '../../lambdas/core/links.js';

const BASE = 'http://127.0.0.1:4000';

describe('canonicalUrl', () => {
  it.each([
    ['a/b.html#frag', 'http://x.example/dir/', 'http://x.example/dir/a/b.html'],
    ['/p?id=3&utm_source=rss&utm_medium=x', 'http://x.example/', 'http://x.example/p?id=3'],
    ['/p?fbclid=1&gclid=2', 'http://x.example/', 'http://x.example/p'],
    ['HTTP://X.EXAMPLE:80/a', 'http://y.example/', 'http://x.example/a'],
    ['//cdn.example/a', 'https://x.example/', 'https://cdn.example/a'],
  ])('%s against %s', (href, base, want) => {
    expect(canonicalUrl(href, base)).toBe(want);
  });

  it.each(['#top', 'mailto:a@b.example', 'javascript:alert(1)', 'ftp://x.example/f', 'http://user:pw@x.example/', 'http://[bad/', ''])('drops %s', (href) => {
    expect(canonicalUrl(href, 'http://x.example/')).toBeUndefined();
  });

  it('never throws and is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (href) => {
        const once = canonicalUrl(href, 'http://x.example/a/');
        if (once !== undefined) expect(canonicalUrl(once, 'http://other.example/')).toBe(once);
      }),
    );
  });
});

describe('extractLinks', () => {
  it('takes the sample index articles once each, in page order, and no chrome', () => {
    const html = readFileSync('samples/sample-mil/index.html', 'utf8');
    const { links } = extractLinks(html, { kind: 'html-index', pageUrl: `${BASE}/sample-mil/index.html`, linkPattern: '^https?://[^/]+/sample-mil/articles/[a-z0-9-]+\\.html$' });
    expect(links).toEqual(['mil-interleaved-en-zh', 'mil-zh-first', 'mil-gbk-block', 'mil-br-split'].map((n) => `${BASE}/sample-mil/articles/${n}.html`));
  });

  it('takes the sample RSS items, resolving relative links against the feed', () => {
    const xml = readFileSync('samples/sample-daily/feed.xml', 'utf8');
    const { links } = extractLinks(xml, { kind: 'rss', pageUrl: `${BASE}/sample-daily/feed.xml`, linkPattern: '^https?://[^/]+/sample-daily/articles/[a-z0-9-]+\\.(?:html|txt)$' });
    expect(links).toEqual(['daily-block.html', 'daily-big5-traditional.html', 'daily-plain.txt'].map((n) => `${BASE}/sample-daily/articles/${n}`));
  });

  it('honours <base href> in HTML', () => {
    const { links } = extractLinks('<base href="http://b.example/x/"><a href="y/1.html">1</a>', { kind: 'html-index', pageUrl: 'http://a.example/', linkPattern: '/1\\.html$' });
    expect(links).toEqual(['http://b.example/x/y/1.html']);
  });

  it('reads Atom alternate links and skips self/edit links', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><link rel="edit" href="/edit/1"/><link href="/a/1"/></entry>
      <entry><link rel="alternate" type="text/html" href="https://x.example/a/2?utm_campaign=z#c"/></entry>
      <entry><link rel="enclosure" href="/a/3.mp3"/></entry></feed>`;
    expect(extractLinks(atom, { kind: 'atom', pageUrl: 'https://x.example/feed.atom', linkPattern: '/a/' }).links).toEqual(['https://x.example/a/1', 'https://x.example/a/2']);
  });

  it('reads RSS 1.0 (RDF) items and RSS guid permalinks', () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><link>http://x.example/a/1</link></item></rdf:RDF>`;
    expect(extractLinks(rdf, { kind: 'rss', pageUrl: 'http://x.example/', linkPattern: '/a/' }).links).toEqual(['http://x.example/a/1']);
    const guid = `<rss><channel><item><guid>http://x.example/a/2</guid></item><item><guid isPermaLink="false">http://x.example/a/3</guid></item></channel></rss>`;
    expect(extractLinks(guid, { kind: 'rss', pageUrl: 'http://x.example/', linkPattern: '/a/' }).links).toEqual(['http://x.example/a/2']);
  });

  it('decodes XML character references in links (&amp;)', () => {
    const rss = '<rss><channel><item><link>http://x.example/a?id=1&amp;p=2&#x26;q=3</link></item></channel></rss>';
    expect(extractLinks(rss, { kind: 'rss', pageUrl: 'http://x.example/', linkPattern: '.' }).links).toEqual(['http://x.example/a?id=1&p=2&q=3']);
  });

  it('does not expand entities (billion laughs) and stays fast', () => {
    const ents = ['<!ENTITY a0 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'];
    for (let i = 1; i <= 12; i++) ents.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
    const lol = `<?xml version="1.0"?><!DOCTYPE rss [${ents.join('')}]><rss><channel><item><title>&a12;</title><link>http://x.example/a/&a12;</link></item><item><link>http://x.example/a/ok</link></item></channel></rss>`;
    const t0 = performance.now();
    const { links } = extractLinks(lol, { kind: 'rss', pageUrl: 'http://x.example/', linkPattern: '^http://x\\.example/a/[a-z]+$' });
    expect(links).toEqual(['http://x.example/a/ok']);
    // Not a speed assertion: a 10^12-character expansion would never finish at all.
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('refuses external entities (XXE) with a reason and no links', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><item><link>http://x.example/&xxe;</link></item></channel></rss>`;
    const r = extractLinks(xxe, { kind: 'rss', pageUrl: 'http://x.example/', linkPattern: '.' });
    expect(r.links).toEqual([]);
    expect(r.problem).toMatch(/unreadable XML feed/);
    expect(JSON.stringify(r)).not.toContain('root:');
  });

  it.each([
    ['html served as rss', '<html><a href="/a/1">x</a></html>', /not an RSS or Atom document/],
    ['truncated xml', '<rss><channel><item><link>http://x.example/a/1', /./],
    ['binary', '\u0000\u0001\uffff', /./],
  ])('gives a problem for %s', (_n, body, problem) => {
    const r = extractLinks(body, { kind: 'rss', pageUrl: 'http://x.example/', linkPattern: '/a/' });
    expect(r.problem ?? 'no problem reported but ' + JSON.stringify(r.links)).toMatch(problem);
  });

  it('caps the number of links from one page', () => {
    const html = Array.from({ length: 5000 }, (_, i) => `<a href="/a/${i}">${i}</a>`).join('');
    expect(extractLinks(html, { kind: 'html-index', pageUrl: 'http://x.example/', linkPattern: '/a/', max: 50 }).links).toHaveLength(50);
    expect(extractLinks(html, { kind: 'html-index', pageUrl: 'http://x.example/', linkPattern: '/a/' }).links).toHaveLength(200);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('rss', 'atom', 'html-index') as fc.Arbitrary<'rss' | 'atom' | 'html-index'>, (body, kind) => {
        const r = extractLinks(body, { kind, pageUrl: 'http://x.example/', linkPattern: '.' });
        expect(Array.isArray(r.links)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeBody', () => {
  it('uses the Content-Type charset, then <meta>, then the XML declaration, then UTF-8', () => {
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]); // 中文 in GBK
    expect(decodeBody(gbk, 'text/html; charset=GBK')).toBe('中文');
    const meta = new Uint8Array([...new TextEncoder().encode('<meta charset="gbk">'), ...gbk]);
    expect(decodeBody(meta, 'text/html')).toBe('<meta charset="gbk">中文');
    const xml = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="gb2312"?>'), ...gbk]);
    expect(decodeBody(xml)).toContain('中文');
    expect(decodeBody(new TextEncoder().encode('中文'), 'text/html; charset=x-unknown')).toBe('中文');
  });
});

describe('feedKindOf', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['RSS 2.0', '<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', undefined, 'rss'],
    ['RSS 1.0', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', undefined, 'rss'],
    ['Atom after a BOM, a comment and a stylesheet PI', '\ufeff<?xml version="1.0"?><!-- x --><?xml-stylesheet href="a.xsl"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>', undefined, 'atom'],
    ['a prefixed Atom root', '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"/>', undefined, 'atom'],
    ['JSON Feed', '{ "version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [] }', undefined, 'json-feed'],
    ['a feed by media type alone', 'whatever', 'application/atom+xml; charset=utf-8', 'atom'],
    ['an HTML article', '<!DOCTYPE html><html><body><p>Hello 你好</p></body></html>', 'text/html', undefined],
    ['an HTML page that mentions <rss> in its text', '<html><body>&lt;rss&gt; <rss>', undefined, undefined],
    ['other JSON', '{"title":"x"}', 'application/json', undefined],
    ['plain text', 'English line.\n中文一行。', 'text/plain', undefined],
  ])('%s', (_name, body, type, kind) => {
    expect(feedKindOf(enc(body), type)).toBe(kind);
  });
  it('reads the sample RSS source as a feed and no sample article as one', () => {
    expect(feedKindOf(readFileSync('samples/sample-daily/feed.xml'))).toBe('rss');
    for (const f of ['samples/sample-mil/articles/mil-gbk-block.html', 'samples/sample-daily/articles/daily-plain.txt', 'samples/sample-mil/index.html']) {
      expect(feedKindOf(readFileSync(f)), f).toBeUndefined();
    }
  });
});

describe('extractLinks with a rewrite', () => {
  const html = '<a href="/story/1">one</a><a href="/story/2?x=1">two</a><a href="/about">about</a><a href="/story/3">three</a>';
  it('rewrites before matching, keeps page order and drops what is not http(s) after the rewrite', () => {
    const r = extractLinks(html, {
      kind: 'html-index',
      pageUrl: 'https://x.example/',
      linkPattern: '^https://x\\.example/story/\\d+/ce$',
      rewrite: { pattern: '^https://x\\.example/story/(\\d+)(?:\\?.*)?$', replacement: 'https://x.example/story/$1/ce' },
    });
    expect(r.links).toEqual(['https://x.example/story/1/ce', 'https://x.example/story/2/ce', 'https://x.example/story/3/ce']);
    const unsafe = extractLinks(html, { kind: 'html-index', pageUrl: 'https://x.example/', linkPattern: '.', rewrite: { pattern: '^.*$', replacement: 'javascript:alert(1)' } });
    expect(unsafe.links).toEqual([]);
  });
});
