/**
 * Test helper for the feed renderer tests: reads a rendered XML document as a feed reader
 * would (fast-xml-parser, attributes kept, entities decoded, values as written), so the
 * assertions are about elements and attributes rather than about the renderer's spelling.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { FeedItem, FeedModel } from '../../../lambdas/core/feed/model.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ['entry', 'item', 'link', 'atom:link', 'outline', 'category', 'author'].includes(name),
});

/** The parsed document; fails the test when it is not well-formed XML. */
export function readXml(body: string): Record<string, any> {
  expect(XMLValidator.validate(body)).toBe(true);
  return parser.parse(body) as Record<string, any>;
}

const ms = (iso: string) => Date.parse(iso);

/** A hand-made item with every optional field set and text that needs escaping everywhere. */
export function fullItem(over: Partial<FeedItem> = {}): FeedItem {
  return {
    articleId: 'a1',
    version: 2,
    id: 'tag:duofeed,2026:article/a1',
    title: 'Tea & <b>"rest"</b> \'now\'',
    lang: 'en',
    link: 'https://f.example/articles/a1',
    externalUrl: 'https://news.example/a?x=1&y=2',
    // 16:13:28.456 in Beijing: published is written in whole seconds, updated keeps the millis.
    published: { epochMs: ms('2025-03-29T08:13:28.456Z'), offsetMinutes: 480 },
    updated: { epochMs: ms('2025-03-30T02:00:00.123Z'), offsetMinutes: 480 },
    author: 'Zhang & <Li>',
    category: { term: 'src-1&2', label: 'Daily & "Friends"' },
    summary: 'First <p> & more',
    contentHtml: '<p lang="en">A ]]> B &amp; C</p>',
    pairs: [],
    languages: ['en', 'zh'],
    doubtfulBelow: 0.5,
    ...over,
  };
}

/** A hand-made item with none of the optional fields. */
export function bareItem(over: Partial<FeedItem> = {}): FeedItem {
  const { externalUrl: _e, author: _a, category: _c, ...rest } = fullItem({
    articleId: 'a2',
    version: 1,
    id: 'tag:duofeed,2026:article/a2/zh',
    title: '春茶开采',
    lang: 'zh',
    link: 'https://f.example/articles/a2',
    published: { epochMs: ms('2025-03-28T01:00:00Z'), offsetMinutes: -330 },
    updated: { epochMs: ms('2025-03-28T01:00:00Z'), offsetMinutes: -330 },
    summary: '',
    contentHtml: '<p lang="zh">杭州</p>',
  });
  return { ...rest, ...over };
}

export function feedModel(over: Partial<FeedModel> = {}): FeedModel {
  return {
    id: 'tag:duofeed,2026:feed/all/bi',
    title: 'All & "everything" <here>',
    subtitle: 'Aligned <pairs> & more',
    lang: 'en',
    updated: { epochMs: ms('2025-04-01T00:00:00.250Z'), offsetMinutes: 0 },
    selfUrl: 'https://f.example/feeds/all.atom?limit=10&cursor=abc',
    firstUrl: 'https://f.example/feeds/all.atom?limit=10',
    nextUrl: 'https://f.example/feeds/all.atom?limit=10&cursor=def',
    homeUrl: 'https://f.example/',
    author: 'Sample & Co',
    items: [fullItem(), bareItem()],
    ...over,
  };
}
