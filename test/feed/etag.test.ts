/**
 * The feed ETag is decided from the listing, without building the model or rendering: these
 * tests hold it to its promise — the same tag means the same bytes, and each input the bytes
 * depend on moves the tag.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../lambdas/core/article.js';
import { renderAtom } from '../../lambdas/core/feed/atom.js';
import type { FeedLang } from '../../lambdas/core/feed/content.js';
import { feedPageEtag, type FeedPageInput } from '../../lambdas/core/feed/etag.js';
import { renderJsonFeed } from '../../lambdas/core/feed/jsonfeed.js';
import { buildFeedModel, feedUpdatedMs, type FeedFormat, type FeedModel } from '../../lambdas/core/feed/model.js';
import { renderRss } from '../../lambdas/core/feed/rss.js';
import type { Source } from '../../lambdas/core/sources.js';
import { DAILY, HOSTILE, SOURCES, UNDATED, filler } from './fixtures.js';

const RENDER: Record<FeedFormat, (m: FeedModel) => string> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };
const NOW = new Date('2025-04-01T00:00:00.250Z');
const BASE = 'https://feeds.example.org';

function input(items: StoredArticle[], over: Partial<Omit<FeedPageInput, 'query'>> & { query?: Partial<FeedPageInput['query']>; next?: string } = {}): FeedPageInput {
  const { query, next, ...rest } = over;
  return {
    query: { scope: 'all', format: 'atom', lang: 'bi', limit: 50, ...query },
    page: next ? { items, next } : { items },
    baseUrl: BASE,
    sources: SOURCES,
    now: NOW,
    ...rest,
  };
}

const body = (i: FeedPageInput) => RENDER[i.query.format](buildFeedModel(i));

/** A new stored version, as the store writes it: content changed, version and updated moved. */
function revise(a: StoredArticle, text: string, updated: string): StoredArticle {
  return { ...a, segments: [{ en: [text], zh: ['新'] }], version: a.version + 1, updated, contentHash: `${a.contentHash ?? 'h'}+` };
}

describe('feed ETag from the listing', () => {
  const items = [HOSTILE, DAILY, UNDATED];
  const tag = feedPageEtag(input(items));

  it('is a quoted strong tag, the same for equal input (fresh copies) and for a repeat call', () => {
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(feedPageEtag(input(structuredClone(items)))).toBe(tag);
    expect(feedPageEtag(input(items, { sources: structuredClone(SOURCES) }))).toBe(tag);
  });

  it.each<[string, FeedPageInput]>([
    ['a listed article gets a new version', input([revise(HOSTILE, 'changed', '2025-03-31T00:00:00Z'), DAILY, UNDATED])],
    ['a listed article only changes contentHash', input([{ ...HOSTILE, contentHash: 'other' }, DAILY, UNDATED])],
    ['a new article is listed first', input([filler(1), HOSTILE, DAILY])],
    ['the order changes', input([DAILY, HOSTILE, UNDATED])],
    ['one fewer item', input([HOSTILE, DAILY])],
    ['the base URL changes', input(items, { baseUrl: 'https://mirror.example.org' })],
    ['the scheme of the base URL changes', input(items, { baseUrl: 'http://feeds.example.org' })],
    ['the format changes to rss', input(items, { query: { format: 'rss' } })],
    ['the format changes to json', input(items, { query: { format: 'json' } })],
    ['the view changes', input(items, { query: { lang: 'zh' } })],
    ['the asked limit changes (links carry it)', input(items, { query: { limit: 3 } })],
    ['the asked cursor changes', input(items, { query: { cursor: 'abc' } })],
    ['there is a next page', input(items, { next: 'Mg' })],
    ['the scope changes', input(items, { query: { scope: 'sample-mil' } })],
    ['a source is renamed in the configuration', input(items, { sources: SOURCES.map((s) => (s.id === 'sample-mil' ? { ...s, name: 'Renamed' } : s)) })],
    ["a source's first language changes", input(items, { sources: SOURCES.map((s): Source => ({ ...s, languages: ['zh', 'en'] })) })],
  ])('changes when %s', (_what, changed) => {
    expect(feedPageEtag(changed)).not.toBe(tag);
  });

  it('an empty feed is dated by the clock, to the second: its tag follows', () => {
    const empty = feedPageEtag(input([]));
    expect(feedPageEtag(input([], { now: new Date('2025-04-01T00:00:00.900Z') }))).toBe(empty);
    expect(feedPageEtag(input([], { now: new Date('2025-04-01T00:00:01Z') }))).not.toBe(empty);
    // A non-empty feed is dated by its items, not the clock.
    expect(feedPageEtag(input(items, { now: new Date('2030-01-01T00:00:00Z') }))).toBe(tag);
  });

  it('Last-Modified from the listing equals the model\'s updated', () => {
    for (const list of [[HOSTILE], [DAILY, UNDATED], [filler(3), filler(7), HOSTILE], items]) {
      expect(feedUpdatedMs(list, NOW)).toBe(buildFeedModel(input(list)).updated.epochMs);
    }
    expect(feedUpdatedMs([], NOW)).toBe(buildFeedModel(input([])).updated.epochMs);
  });

  it('property: equal tags mean equal bytes, and equal inputs mean equal tags', () => {
    // A small universe so that collisions of inputs are frequent: every pair with the same
    // tag must render the same document; every change of the rendered bytes must move the tag.
    const pool = [HOSTILE, DAILY, UNDATED, filler(1), filler(2, 'sample-mil')];
    const article = fc.record({
      i: fc.integer({ min: 0, max: pool.length - 1 }),
      revised: fc.boolean(),
    });
    interface Shape {
      arts: { i: number; revised: boolean }[];
      format: FeedFormat;
      lang: FeedLang;
      base: string;
      limit: number;
      next: string | undefined;
      renamed: boolean;
      seconds: number;
    }
    const arb: fc.Arbitrary<Shape> = fc.record({
      arts: fc.uniqueArray(article, { maxLength: 4, selector: (a) => a.i }),
      format: fc.constantFrom<FeedFormat>('rss', 'atom', 'json'),
      lang: fc.constantFrom<FeedLang>('bi', 'en', 'zh'),
      base: fc.constantFrom(BASE, 'http://127.0.0.1:8080'),
      limit: fc.constantFrom(50, 2),
      next: fc.constantFrom(undefined, 'Mg'),
      renamed: fc.boolean(),
      seconds: fc.integer({ min: 0, max: 1 }),
    });
    const make = (x: Shape): FeedPageInput =>
      input(
        x.arts.map(({ i, revised }) => (revised ? revise(pool[i]!, 'revised text', '2025-03-31T00:00:00Z') : pool[i]!)),
        {
          query: { format: x.format, lang: x.lang, limit: x.limit },
          baseUrl: x.base,
          ...(x.next ? { next: x.next } : {}),
          sources: x.renamed ? SOURCES.map((s) => ({ ...s, name: `${s.name} (new)` })) : SOURCES,
          now: new Date(NOW.getTime() + x.seconds * 1000),
        },
      );
    // The second input differs from the first in one field at most (often not at all, or not
    // in a way that shows), so equal tags come up often enough to mean something.
    const keys = ['arts', 'format', 'lang', 'base', 'limit', 'next', 'renamed', 'seconds'] as const;
    let equalTags = 0;
    fc.assert(
      fc.property(arb, arb, fc.constantFrom(...keys), (x, other, key) => {
        const y = { ...x, [key]: other[key] };
        const a = make(x);
        const b = make(y);
        const sameTag = feedPageEtag(a) === feedPageEtag(b);
        if (sameTag) equalTags++;
        // Same tag ⇒ same bytes (the converse need not hold: renaming a source no listed item
        // comes from moves the tag without moving a byte — a wasted 200, never a wrong 304).
        if (sameTag) expect(body(b)).toBe(body(a));
        else expect(body(b) === body(a) && key !== 'renamed' && key !== 'seconds').toBe(false);
        expect(feedPageEtag(make(x))).toBe(feedPageEtag(a));
      }),
      { numRuns: 400 },
    );
    expect(equalTags).toBeGreaterThan(20);
  });
});
