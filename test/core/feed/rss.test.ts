/**
 * The RSS 2.0 document as a subscriber's reader sees it, read back with an XML parser from a
 * hand-made model: channel elements, the Atom paging links, each item's fields, dates in
 * RFC 822 with the article's offset, the double escaping of the HTML description, and what
 * is left out when a field is absent.
 */
import { describe, expect, it } from 'vitest';
import { renderRss } from '../../../lambdas/core/feed/rss.js';
import { bareItem, feedModel, fullItem, readXml } from './xml.js';

const rendered = () => {
  const body = renderRss(feedModel());
  const rss = readXml(body).rss;
  return { body, rss, channel: rss.channel };
};

describe('renderRss', () => {

  it('declares RSS 2.0 with the Atom, content and Dublin Core namespaces', () => {
    const { body, rss } = rendered();
    expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" ')).toBe(true);
    expect(rss['@version']).toBe('2.0');
    expect(rss['@xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(rss['@xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(rss['@xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(body.endsWith('</item>\n</channel>\n</rss>\n')).toBe(true);
  });

  it('writes the channel: title, link, description, language, build date in GMT offset form, generator, docs', () => {
    const { channel } = rendered();
    expect(channel.title).toBe('All & "everything" <here>');
    expect(channel.link).toEqual(['https://f.example/']);
    expect(channel.description).toBe('Aligned <pairs> & more');
    expect(channel.language).toBe('en');
    expect(channel.lastBuildDate).toBe('Tue, 01 Apr 2025 00:00:00 +0000');
    expect(channel.generator).toBe('duofeed 0.1.0');
    expect(channel.docs).toBe('https://www.rssboard.org/rss-specification');
  });

  it('links self, first and next as atom:link of the RSS type', () => {
    const { channel } = rendered();
    expect(channel['atom:link']).toEqual([
      { '@rel': 'self', '@type': 'application/rss+xml', '@href': 'https://f.example/feeds/all.atom?limit=10&cursor=abc' },
      { '@rel': 'first', '@type': 'application/rss+xml', '@href': 'https://f.example/feeds/all.atom?limit=10' },
      { '@rel': 'next', '@type': 'application/rss+xml', '@href': 'https://f.example/feeds/all.atom?limit=10&cursor=def' },
    ]);
  });

  it('has no next link on the last page', () => {
    const { nextUrl: _n, ...last } = feedModel();
    const doc = renderRss(last);
    expect(readXml(doc).rss.channel['atom:link'].map((l: any) => l['@rel'])).toEqual(['self', 'first']);
    expect(doc).not.toContain('rel="next"');
    expect(doc).not.toContain('undefined');
    expect(doc.split('\n').slice(11, 13)).toEqual(['<atom:link rel="first" type="application/rss+xml" href="https://f.example/feeds/all.atom?limit=10"/>', '<item>']);
  });

  it('writes every field of an item: guid not a permalink, dc:creator, dc:language, category in the home domain', () => {
    const { channel } = rendered();
    const [i] = channel.item as any[];
    expect(i.title).toBe('Tea & <b>"rest"</b> \'now\'');
    expect(i.link).toEqual(['https://f.example/articles/a1']);
    expect(i.guid).toEqual({ '#text': 'tag:duofeed,2026:article/a1', '@isPermaLink': 'false' });
    expect(i.pubDate).toBe('Sat, 29 Mar 2025 16:13:28 +0800');
    expect(i['dc:creator']).toBe('Zhang & <Li>');
    expect(i['dc:language']).toBe('en');
    expect(i.category).toEqual([{ '#text': 'Daily & "Friends"', '@domain': 'https://f.example/' }]);
    expect(i['content:encoded']).toBe('<p lang="en">A ]]> B &amp; C</p>');
  });

  it('escapes the plain-text summary as HTML, then as XML: a reader shows the text, not markup', () => {
    const { body, channel } = rendered();
    const [i] = channel.item as any[];
    expect(i.description).toBe('First &lt;p&gt; &amp; more');
    expect(body).toContain('<description>First &amp;lt;p&amp;gt; &amp;amp; more</description>\n');
  });

  it('leaves out creator and category when absent, keeps the item order and a negative offset', () => {
    const { body, channel } = rendered();
    const items = channel.item as any[];
    expect(items.map((i) => i.guid['#text'])).toEqual(['tag:duofeed,2026:article/a1', 'tag:duofeed,2026:article/a2/zh']);
    const i = items[1];
    expect(i).not.toHaveProperty('dc:creator');
    expect(i).not.toHaveProperty('category');
    expect(i['dc:language']).toBe('zh');
    expect(i.pubDate).toBe('Thu, 27 Mar 2025 19:30:00 -0530');
    expect(i.description).toBe('');
    expect(i['content:encoded']).toBe('<p lang="zh">杭州</p>');
    expect(body.slice(body.lastIndexOf('<item>')).split('\n')).toEqual([
      '<item>',
      '<title>春茶开采</title>',
      '<link>https://f.example/articles/a2</link>',
      '<guid isPermaLink="false">tag:duofeed,2026:article/a2/zh</guid>',
      '<pubDate>Thu, 27 Mar 2025 19:30:00 -0530</pubDate>',
      '<dc:language>zh</dc:language>',
      '<description></description>',
      '<content:encoded><![CDATA[<p lang="zh">杭州</p>]]></content:encoded>',
      '</item>',
      '</channel>',
      '</rss>',
      '',
    ]);
  });

  it('writes one line per element, as the hand-written template does', () => {
    const { body } = rendered();
    const lines = body.split('\n');
    expect(lines.slice(0, 14)).toEqual([
      '<?xml version="1.0" encoding="utf-8"?>',
      '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
      '<channel>',
      '<title>All &amp; &quot;everything&quot; &lt;here&gt;</title>',
      '<link>https://f.example/</link>',
      '<description>Aligned &lt;pairs&gt; &amp; more</description>',
      '<language>en</language>',
      '<lastBuildDate>Tue, 01 Apr 2025 00:00:00 +0000</lastBuildDate>',
      '<generator>duofeed 0.1.0</generator>',
      '<docs>https://www.rssboard.org/rss-specification</docs>',
      '<atom:link rel="self" type="application/rss+xml" href="https://f.example/feeds/all.atom?limit=10&amp;cursor=abc"/>',
      '<atom:link rel="first" type="application/rss+xml" href="https://f.example/feeds/all.atom?limit=10"/>',
      '<atom:link rel="next" type="application/rss+xml" href="https://f.example/feeds/all.atom?limit=10&amp;cursor=def"/>',
      '<item>',
    ]);
    expect(lines.slice(14, 24)).toEqual([
      '<title>Tea &amp; &lt;b&gt;&quot;rest&quot;&lt;/b&gt; &#39;now&#39;</title>',
      '<link>https://f.example/articles/a1</link>',
      '<guid isPermaLink="false">tag:duofeed,2026:article/a1</guid>',
      '<pubDate>Sat, 29 Mar 2025 16:13:28 +0800</pubDate>',
      '<dc:creator>Zhang &amp; &lt;Li&gt;</dc:creator>',
      '<dc:language>en</dc:language>',
      '<category domain="https://f.example/">Daily &amp; &quot;Friends&quot;</category>',
      '<description>First &amp;lt;p&amp;gt; &amp;amp; more</description>',
      '<content:encoded><![CDATA[<p lang="en">A ]]]]><![CDATA[> B &amp; C</p>]]></content:encoded>',
      '</item>',
    ]);
  });

  it('an empty feed is a channel with no items', () => {
    const doc = renderRss(feedModel({ items: [] }));
    expect(readXml(doc).rss.channel).not.toHaveProperty('item');
    expect(doc.endsWith('/>\n</channel>\n</rss>\n')).toBe(true);
  });

  it('an item with an author but no category writes the creator alone', () => {
    const { category: _c, ...item } = fullItem();
    const i = readXml(renderRss(feedModel({ items: [item, bareItem({ author: 'Li' })] }))).rss.channel.item;
    expect(i[0]['dc:creator']).toBe('Zhang & <Li>');
    expect(i[0]).not.toHaveProperty('category');
    expect(i[1]['dc:creator']).toBe('Li');
  });
});
