/**
 * JSON Feed 1.1 as a reader parses it, from a hand-made model: top-level fields, paging,
 * every item field and which are left out, dates, and the `_duofeed` extension's pairs.
 */
import { describe, expect, it, vi } from 'vitest';
import { DUOFEED_EXTENSION_ABOUT, duofeedExtension, renderJsonFeed } from '../../../lambdas/core/feed/jsonfeed.js';
import type { SentencePair } from '../../../lambdas/core/feed/pairs.js';
import { bareItem, feedModel, fullItem } from './xml.js';

const PAIRS: SentencePair[] = [
  { segment: 1, sentence: 1, id: 'p1s1', text: { en: 'One.', zh: '一。' }, confidence: 0.9, doubtful: false },
  { segment: 2, sentence: 1, id: 'p2s1', text: { en: 'Two.' }, doubtful: true },
];

describe('renderJsonFeed', () => {
  it('writes the top level: version, title, description, home and feed URLs, next URL, language, authors', () => {
    const body = renderJsonFeed(feedModel());
    expect(body.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(body);
    expect(Object.keys(doc)).toEqual(['version', 'title', 'description', 'home_page_url', 'feed_url', 'next_url', 'language', 'authors', 'items']);
    expect(doc.version).toBe('https://jsonfeed.org/version/1.1');
    expect(doc.title).toBe('All & "everything" <here>');
    expect(doc.description).toBe('Aligned <pairs> & more');
    expect(doc.home_page_url).toBe('https://f.example/');
    expect(doc.feed_url).toBe('https://f.example/feeds/all.atom?limit=10&cursor=abc');
    expect(doc.next_url).toBe('https://f.example/feeds/all.atom?limit=10&cursor=def');
    expect(doc.language).toBe('en');
    expect(doc.authors).toEqual([{ name: 'Sample & Co' }]);
  });

  it('has no next_url on the last page, and an empty item list for an empty feed', () => {
    const { nextUrl: _n, ...last } = feedModel({ items: [] });
    const doc = JSON.parse(renderJsonFeed(last));
    expect(doc).not.toHaveProperty('next_url');
    expect(doc.items).toEqual([]);
  });

  it('writes every field of an item, dates in the article offset (modified to the millisecond)', () => {
    const doc = JSON.parse(renderJsonFeed(feedModel({ items: [fullItem({ pairs: PAIRS })] })));
    const [i] = doc.items;
    expect(Object.keys(i)).toEqual(['id', 'url', 'external_url', 'title', 'content_html', 'summary', 'date_published', 'date_modified', 'authors', 'tags', 'language', '_duofeed']);
    expect(i.id).toBe('tag:duofeed,2026:article/a1');
    expect(i.url).toBe('https://f.example/articles/a1');
    expect(i.external_url).toBe('https://news.example/a?x=1&y=2');
    expect(i.title).toBe('Tea & <b>"rest"</b> \'now\'');
    expect(i.content_html).toBe('<p lang="en">A ]]> B &amp; C</p>');
    expect(i.summary).toBe('First <p> & more');
    expect(i.date_published).toBe('2025-03-29T16:13:28+08:00');
    expect(i.date_modified).toBe('2025-03-30T10:00:00.123+08:00');
    expect(i.authors).toEqual([{ name: 'Zhang & <Li>' }]);
    expect(i.tags).toEqual(['Daily & "Friends"']);
    expect(i.language).toBe('en');
  });

  it('leaves out external_url, summary, authors and tags when absent; keeps the item order', () => {
    const doc = JSON.parse(renderJsonFeed(feedModel()));
    expect(doc.items.map((i: any) => i.id)).toEqual(['tag:duofeed,2026:article/a1', 'tag:duofeed,2026:article/a2/zh']);
    const i = doc.items[1];
    expect(Object.keys(i)).toEqual(['id', 'url', 'title', 'content_html', 'date_published', 'date_modified', 'language', '_duofeed']);
    expect(i.date_published).toBe('2025-03-27T19:30:00-05:30');
    expect(i.language).toBe('zh');
  });

  it('carries the sentence pairs in _duofeed: permalink, each language text, confidence only when known', () => {
    const doc = JSON.parse(renderJsonFeed(feedModel({ items: [fullItem({ pairs: PAIRS, doubtfulBelow: 0.7, languages: ['zh', 'en'] })] })));
    expect(doc.items[0]._duofeed).toEqual({
      about: DUOFEED_EXTENSION_ABOUT,
      version: 1,
      languages: ['zh', 'en'],
      doubtful_below: 0.7,
      pairs: [
        { id: 'p1s1', paragraph: 1, url: 'https://f.example/articles/a1#p1s1', zh: '一。', en: 'One.', confidence: 0.9, doubtful: false },
        { id: 'p2s1', paragraph: 2, url: 'https://f.example/articles/a1#p2s1', zh: '', en: 'Two.', doubtful: true },
      ],
    });
    expect(DUOFEED_EXTENSION_ABOUT).toBe('https://github.com/duofeed/duofeed/blob/main/README.md#json-feed-extension-_duofeed');
  });

  it('duofeedExtension keeps the language order of the article in each pair', () => {
    const ext = duofeedExtension({ pairs: PAIRS, languages: ['en', 'zh'], link: 'https://f.example/articles/x', doubtfulBelow: 0.5 }) as any;
    expect(Object.keys(ext.pairs[0])).toEqual(['id', 'paragraph', 'url', 'en', 'zh', 'confidence', 'doubtful']);
    expect(Object.keys(ext.pairs[1])).toEqual(['id', 'paragraph', 'url', 'en', 'zh', 'doubtful']);
    expect(ext.pairs[0].confidence).toBe(0.9);
  });

  it('keeps a confidence of 0 (a number, not absent)', () => {
    const ext = duofeedExtension({ pairs: [{ ...PAIRS[0]!, confidence: 0, doubtful: true }], languages: ['en'], link: 'https://f.example/a', doubtfulBelow: 0.5 }) as any;
    expect(ext.pairs[0]).toEqual({ id: 'p1s1', paragraph: 1, url: 'https://f.example/a#p1s1', en: 'One.', confidence: 0, doubtful: true });
  });

  it('an item with only an author or only a category writes only that', () => {
    const { category: _c, ...withAuthor } = fullItem();
    const doc = JSON.parse(renderJsonFeed(feedModel({ items: [withAuthor, bareItem({ category: { term: 't', label: 'L' } })] })));
    expect(doc.items[0].authors).toEqual([{ name: 'Zhang & <Li>' }]);
    expect(doc.items[0]).not.toHaveProperty('tags');
    expect(doc.items[1].tags).toEqual(['L']);
    expect(doc.items[1]).not.toHaveProperty('authors');
  });
});

describe('module constants', () => {
  // Imported afresh inside the test: module-level values are otherwise evaluated once per test
  // worker, before any test runs, so mutation testing could never check them.
  it('the extension points at the README section that describes it', async () => {
    vi.resetModules();
    const fresh = await import('../../../lambdas/core/feed/jsonfeed.js');
    expect(fresh.DUOFEED_EXTENSION_ABOUT).toBe('https://github.com/duofeed/duofeed/blob/main/README.md#json-feed-extension-_duofeed');
  });
});
