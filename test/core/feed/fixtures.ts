/** Shared fixtures of the feed's unit tests. */
import type { StoredArticle } from '../../../lambdas/core/article.js';
import type { Source } from '../../../lambdas/core/sources.js';

/** A feed source with the defaults these tests share (RSS, https://ID.example/, both languages, hourly); `over` sets what a test looks at. */
export function feedSource(id: string, name: string, over: Partial<Source> = {}): Source {
  return { id, name, kind: 'rss', startUrls: [`https://${id}.example/`], linkPattern: '/', languages: ['en', 'zh'], schedule: 'rate(1 hour)', minDelayMs: 0, ...over };
}

/** A stored article with the defaults these tests share (version 1 of a1 from 'daily', both languages, no segments, stored 2025-03-28T02:00Z); `over` sets what a test looks at. */
export function storedArticle(over: Partial<StoredArticle> = {}): StoredArticle {
  return {
    id: 'a1',
    sourceId: 'daily',
    url: 'https://d.example/a',
    languages: ['en', 'zh'],
    title: { en: 'T' },
    segments: [],
    firstSeen: '2025-03-28T02:00:00Z',
    updated: '2025-03-28T02:00:00Z',
    version: 1,
    rawKey: 'raw',
    ...over,
  };
}
