/**
 * The Atom document as a subscriber's reader sees it (RFC 4287, RFC 5005 paging), read back
 * with an XML parser from a hand-made model: every element and attribute, the escaping of
 * every text, the dates, the order of entries and what is left out when a field is absent.
 * (The schema check with jing and the real readers are in the integration tests.)
 */
import { describe, expect, it, vi } from 'vitest';
import { GENERATOR, renderAtom } from '../../../lambdas/core/feed/atom.js';
import { bareItem, feedModel, fullItem, readXml } from './xml.js';

const links = (node: any): Record<string, { type?: string; href: string }> =>
  Object.fromEntries((node.link as any[]).map((l) => [l['@rel'], { type: l['@type'], href: l['@href'] }]));

const rendered = () => {
  const body = renderAtom(feedModel());
  return { body, feed: readXml(body).feed };
};

describe('renderAtom', () => {

  it('starts with the XML declaration and the Atom namespace, in the feed language', () => {
    const { body, feed } = rendered();
    expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n')).toBe(true);
    expect(body.endsWith('</entry>\n</feed>\n')).toBe(true);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@xml:lang']).toBe('en');
  });

  it('writes the feed head: id, text title and subtitle (escaped), updated with milliseconds, author, generator', () => {
    const { feed } = rendered();
    expect(feed.id).toBe('tag:duofeed,2026:feed/all/bi');
    expect(feed.title).toEqual({ '#text': 'All & "everything" <here>', '@type': 'text' });
    expect(feed.subtitle).toEqual({ '#text': 'Aligned <pairs> & more', '@type': 'text' });
    expect(feed.updated).toBe('2025-04-01T00:00:00.250Z');
    expect(feed.author).toEqual([{ name: 'Sample & Co' }]);
    expect(feed.generator).toEqual({ '#text': 'duofeed', '@uri': GENERATOR.uri, '@version': GENERATOR.version });
    expect(GENERATOR).toEqual({ name: 'duofeed', uri: 'https://github.com/duofeed/duofeed', version: '0.1.0' });
  });

  it('links self, first, next (RFC 5005) as Atom and the home page as HTML, hrefs escaped in the markup', () => {
    const { body, feed } = rendered();
    expect(links(feed)).toEqual({
      self: { type: 'application/atom+xml', href: 'https://f.example/feeds/all.atom?limit=10&cursor=abc' },
      first: { type: 'application/atom+xml', href: 'https://f.example/feeds/all.atom?limit=10' },
      next: { type: 'application/atom+xml', href: 'https://f.example/feeds/all.atom?limit=10&cursor=def' },
      alternate: { type: 'text/html', href: 'https://f.example/' },
    });
    expect(body).toContain('href="https://f.example/feeds/all.atom?limit=10&amp;cursor=def"/>');
    expect(feed.link.map((l: any) => l['@rel'])).toEqual(['self', 'first', 'next', 'alternate']);
  });

  it('has no next link on the last page', () => {
    const { nextUrl: _n, ...last } = feedModel();
    const doc = renderAtom(last);
    expect(Object.keys(links(readXml(doc).feed))).toEqual(['self', 'first', 'alternate']);
    expect(doc).not.toContain('rel="next"');
    expect(doc).not.toContain('undefined');
    expect(doc.split('\n').slice(7, 9)).toEqual([
      '<link rel="first" type="application/atom+xml" href="https://f.example/feeds/all.atom?limit=10"/>',
      '<link rel="alternate" type="text/html" href="https://f.example/"/>',
    ]);
  });

  it('writes every field of an entry, escaped, in the item language', () => {
    const { feed } = rendered();
    const [e] = feed.entry as any[];
    expect(e['@xml:lang']).toBe('en');
    expect(e.id).toBe('tag:duofeed,2026:article/a1');
    expect(e.title).toEqual({ '#text': 'Tea & <b>"rest"</b> \'now\'', '@type': 'text' });
    expect(links(e)).toEqual({
      alternate: { type: 'text/html', href: 'https://f.example/articles/a1' },
      related: { type: 'text/html', href: 'https://news.example/a?x=1&y=2' },
    });
    // published in whole seconds, updated to the millisecond, both in the article's offset
    expect(e.published).toBe('2025-03-29T16:13:28+08:00');
    expect(e.updated).toBe('2025-03-30T10:00:00.123+08:00');
    expect(e.author).toEqual([{ name: 'Zhang & <Li>' }]);
    expect(e.category).toEqual([{ '@term': 'src-1&2', '@label': 'Daily & "Friends"' }]);
    expect(e.summary).toEqual({ '#text': 'First <p> & more', '@type': 'text' });
    expect(e.content).toEqual({ '#text': '<p lang="en">A ]]> B &amp; C</p>', '@type': 'html' });
  });

  it('carries content HTML in CDATA, splitting a "]]>" in the text', () => {
    const { body } = rendered();
    expect(body).toContain('<content type="html"><![CDATA[<p lang="en">A ]]]]><![CDATA[> B &amp; C</p>]]></content>\n</entry>\n');
  });

  it('leaves out the optional elements of an entry without them, and keeps the order of the items', () => {
    const { body, feed } = rendered();
    const entries = feed.entry as any[];
    expect(entries.map((e) => e.id)).toEqual(['tag:duofeed,2026:article/a1', 'tag:duofeed,2026:article/a2/zh']);
    const e = entries[1];
    expect(e['@xml:lang']).toBe('zh');
    expect(Object.keys(links(e))).toEqual(['alternate']);
    expect(e).not.toHaveProperty('author');
    expect(e).not.toHaveProperty('category');
    expect(e).not.toHaveProperty('summary');
    expect(e.published).toBe('2025-03-27T19:30:00-05:30');
    expect(e.updated).toBe('2025-03-27T19:30:00-05:30');
    expect(e.content['#text']).toBe('<p lang="zh">杭州</p>');
    const second = body.slice(body.lastIndexOf('<entry'));
    expect(second).not.toMatch(/<author>|<category|<summary|rel="related"|undefined/);
    expect(second.split('\n')).toEqual([
      '<entry xml:lang="zh">',
      '<id>tag:duofeed,2026:article/a2/zh</id>',
      '<title type="text">春茶开采</title>',
      '<link rel="alternate" type="text/html" href="https://f.example/articles/a2"/>',
      '<published>2025-03-27T19:30:00-05:30</published>',
      '<updated>2025-03-27T19:30:00-05:30</updated>',
      '<content type="html"><![CDATA[<p lang="zh">杭州</p>]]></content>',
      '</entry>',
      '</feed>',
      '',
    ]);
  });

  it('writes one line per element, as the hand-written template does', () => {
    const { body } = rendered();
    const [, ...lines] = body.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
      '<id>tag:duofeed,2026:feed/all/bi</id>',
      '<title type="text">All &amp; &quot;everything&quot; &lt;here&gt;</title>',
      '<subtitle type="text">Aligned &lt;pairs&gt; &amp; more</subtitle>',
      '<updated>2025-04-01T00:00:00.250Z</updated>',
      '<link rel="self" type="application/atom+xml" href="https://f.example/feeds/all.atom?limit=10&amp;cursor=abc"/>',
      '<link rel="first" type="application/atom+xml" href="https://f.example/feeds/all.atom?limit=10"/>',
      '<link rel="next" type="application/atom+xml" href="https://f.example/feeds/all.atom?limit=10&amp;cursor=def"/>',
      '<link rel="alternate" type="text/html" href="https://f.example/"/>',
      '<author><name>Sample &amp; Co</name></author>',
      '<generator uri="https://github.com/duofeed/duofeed" version="0.1.0">duofeed</generator>',
      '<entry xml:lang="en">',
    ]);
    const entry = body.slice(body.indexOf('<entry'), body.indexOf('</entry>') + 9).split('\n');
    expect(entry.slice(0, 11)).toEqual([
      '<entry xml:lang="en">',
      '<id>tag:duofeed,2026:article/a1</id>',
      '<title type="text">Tea &amp; &lt;b&gt;&quot;rest&quot;&lt;/b&gt; &#39;now&#39;</title>',
      '<link rel="alternate" type="text/html" href="https://f.example/articles/a1"/>',
      '<link rel="related" type="text/html" href="https://news.example/a?x=1&amp;y=2"/>',
      '<published>2025-03-29T16:13:28+08:00</published>',
      '<updated>2025-03-30T10:00:00.123+08:00</updated>',
      '<author><name>Zhang &amp; &lt;Li&gt;</name></author>',
      '<category term="src-1&amp;2" label="Daily &amp; &quot;Friends&quot;"/>',
      '<summary type="text">First &lt;p&gt; &amp; more</summary>',
      '<content type="html"><![CDATA[<p lang="en">A ]]]]><![CDATA[> B &amp; C</p>]]></content>',
    ]);
  });

  it('an empty feed is a head and no entries', () => {
    const doc = renderAtom(feedModel({ items: [] }));
    const f = readXml(doc).feed;
    expect(f).not.toHaveProperty('entry');
    expect(f.id).toBe('tag:duofeed,2026:feed/all/bi');
    expect(doc.endsWith('</generator>\n</feed>\n')).toBe(true);
  });

  it('an item with only a summary or only an author writes just that one', () => {
    const { author: _a, category: _c, ...noAuthor } = fullItem();
    const e = readXml(renderAtom(feedModel({ items: [noAuthor] }))).feed.entry[0];
    expect(e).not.toHaveProperty('author');
    expect(e).not.toHaveProperty('category');
    expect(e.summary['#text']).toBe('First <p> & more');
    const e2 = readXml(renderAtom(feedModel({ items: [bareItem({ author: 'Li' })] }))).feed.entry[0];
    expect(e2.author).toEqual([{ name: 'Li' }]);
    expect(e2).not.toHaveProperty('summary');
  });
});

describe('module constants', () => {
  // Imported afresh inside the test: module-level values are otherwise evaluated once per test
  // worker, before any test runs, so mutation testing could never check them.
  it('the generator every feed names is duofeed 0.1.0 at its repository', async () => {
    vi.resetModules();
    const fresh = await import('../../../lambdas/core/feed/atom.js');
    expect(fresh.GENERATOR).toEqual({ name: 'duofeed', uri: 'https://github.com/duofeed/duofeed', version: '0.1.0' });
    expect(fresh.renderAtom(feedModel({ items: [] }))).toContain('<generator uri="https://github.com/duofeed/duofeed" version="0.1.0">duofeed</generator>');
  });
});
