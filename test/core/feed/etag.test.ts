/**
 * Strong validators: their shape, what goes into them (checked against the same recipe
 * computed here by hand), and that each named input moves the feed tag. The feed-tag
 * promises against rendered bytes are in test/feed/etag.test.ts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../../lambdas/core/article.js';
import { bodyEtag, feedPageEtag, strongEtag, type FeedPageInput } from '../../../lambdas/core/feed/etag.js';
import type { Source } from '../../../lambdas/core/sources.js';
import { feedSource, storedArticle } from './fixtures.js';

const sha = (s: string) => `"${createHash('sha256').update(s).digest('base64url').slice(0, 32)}"`;
const SOURCES: Source[] = [
  feedSource('daily', 'Daily', { startUrls: ['https://d.example/'], languages: ['zh', 'en'] }),
  feedSource('none', 'No langs', { startUrls: ['https://n.example/'], languages: [] }),
];
const row = (over: Partial<StoredArticle> = {}): StoredArticle =>
  storedArticle({ firstSeen: '2025-01-01T00:00:00Z', updated: '2025-01-02T00:00:00Z', version: 3, contentHash: 'abc', ...over });
const input = (over: Partial<FeedPageInput> = {}): FeedPageInput => ({
  query: { scope: 'all', format: 'atom', lang: 'bi', limit: 50 },
  page: { items: [row()] },
  baseUrl: 'https://f.example',
  sources: SOURCES,
  now: new Date('2025-04-01T00:00:05.600Z'),
  ...over,
});

describe('strongEtag and bodyEtag', () => {
  it('hash the render version and the parts as one JSON array, 32 base64url characters in quotes', () => {
    expect(strongEtag(['a', 1])).toBe(sha(JSON.stringify(['2', 'a', 1])));
    expect(strongEtag(['a', 1])).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(strongEtag(['a,1'])).not.toBe(strongEtag(['a', 1]));
    expect(bodyEtag('opml', '<x/>')).toBe(sha(JSON.stringify(['2', 'opml', '<x/>'])));
  });
});

describe('feedPageEtag', () => {
  it('hashes the head as JSON and each row by id, version, hash, updated and source', () => {
    const head = ['2', 'feed', 'atom', 'bi', 'all', 50, '', 'https://f.example', '', JSON.stringify([['daily', 'Daily', 'zh'], ['none', 'No langs', '']]), 0.5];
    expect(feedPageEtag(input())).toBe(sha(`${JSON.stringify(head)}\na1\u00003\u0000abc\u00002025-01-02T00:00:00Z\u0000daily`));
    const { contentHash: _h, ...noHash } = row();
    const withCursor = input({ query: { scope: 'all', format: 'atom', lang: 'bi', limit: 50, cursor: 'c' }, page: { items: [noHash], next: 'n' }, doubtfulBelow: 0.2 });
    const head2 = ['2', 'feed', 'atom', 'bi', 'all', 50, 'c', 'https://f.example', 'n', JSON.stringify([['daily', 'Daily', 'zh'], ['none', 'No langs', '']]), 0.2];
    expect(feedPageEtag(withCursor)).toBe(sha(`${JSON.stringify(head2)}\na1\u00003\u0000\u00002025-01-02T00:00:00Z\u0000daily`));
  });
  it('an empty page adds the clock, to the whole second', () => {
    const head = ['2', 'feed', 'atom', 'bi', 'all', 50, '', 'https://f.example', '', JSON.stringify([['daily', 'Daily', 'zh'], ['none', 'No langs', '']]), 0.5, Date.parse('2025-04-01T00:00:05Z') / 1000];
    expect(feedPageEtag(input({ page: { items: [] } }))).toBe(sha(JSON.stringify(head)));
  });
  it('moves with a row\'s source and with the configured sources, and is the same for the same sources array twice', () => {
    const tag = feedPageEtag(input());
    expect(feedPageEtag(input())).toBe(tag);
    expect(feedPageEtag(input({ page: { items: [row({ sourceId: 'none' })] } }))).not.toBe(tag);
    expect(feedPageEtag(input({ sources: [{ ...SOURCES[0]!, name: 'Other' }, SOURCES[1]!] }))).not.toBe(tag);
    expect(feedPageEtag(input({ doubtfulBelow: 0.6 }))).not.toBe(tag);
  });
});
