/**
 * One format-neutral model per feed request; rss.ts, atom.ts and jsonfeed.ts only serialise
 * it. Everything that decides what a reader sees (ids, titles, dates, links, paging) is here,
 * so the three formats cannot drift apart.
 */
import type { StoredArticle } from '../article.js';
import { parseRfc3339, type ZonedTime } from '../dates.js';
import type { Page } from '../ports.js';
import type { Source } from '../sources.js';
import { buildContentHtml, buildSummary, itemLanguage, viewAuthor, viewTitle, type FeedLang } from './content.js';
import { safeHttpUrl } from './escape.js';
import { DOUBTFUL_BELOW, sentencePairs, type SentencePair } from './pairs.js';

export type FeedFormat = 'rss' | 'atom' | 'json';
export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** Bump when the rendered bytes change for the same data, so caches drop old ETags. */
export const RENDER_VERSION = '2';
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
/** RFC 4151 tag URIs: stable whatever the host, scheme or article revision. */
export const TAG_PREFIX = 'tag:duofeed,2026:';

export interface FeedQuery {
  /** 'all' or a source id. */
  scope: string;
  format: FeedFormat;
  lang: FeedLang;
  limit: number;
  cursor?: string;
}

export interface FeedItem {
  articleId: string;
  version: number;
  id: string;
  title: string;
  lang: string;
  /** duofeed's side-by-side reader page. */
  link: string;
  /** The source's own page. */
  externalUrl?: string;
  published: ZonedTime;
  updated: ZonedTime;
  author?: string;
  category?: { term: string; label: string };
  summary: string;
  contentHtml: string;
  /** The article's sentence pairs (JSON Feed's `_duofeed` extension). */
  pairs: SentencePair[];
  /** The article's languages, in reading order. */
  languages: string[];
  /** The threshold `pairs` were marked doubtful by. */
  doubtfulBelow: number;
}

export interface FeedModel {
  id: string;
  title: string;
  subtitle: string;
  lang: string;
  updated: ZonedTime;
  /** This document's own URL (format, lang, limit and cursor as asked). */
  selfUrl: string;
  /** The first page of this feed (RFC 5005 `first`). */
  firstUrl: string;
  nextUrl?: string;
  /** The HTML index page. */
  homeUrl: string;
  author: string;
  items: FeedItem[];
}

export const MEDIA_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

const LANG_TITLE: Record<FeedLang, string> = { bi: 'English · 中文', en: 'English', zh: '中文' };

/** Base URL without trailing slash, e.g. `https://feeds.example.org`. */
export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** The canonical URL of a feed: default parameters omitted so one feed has one URL. */
export function feedUrl(baseUrl: string, q: Pick<FeedQuery, 'scope' | 'format' | 'lang'> & { limit?: number; cursor?: string }): string {
  const params = new URLSearchParams();
  if (q.lang !== 'bi') params.set('lang', q.lang);
  if (q.limit !== undefined && q.limit !== DEFAULT_LIMIT) params.set('limit', String(q.limit));
  if (q.cursor) params.set('cursor', q.cursor);
  const qs = params.toString();
  return `${trimBase(baseUrl)}/feeds/${encodeURIComponent(q.scope)}.${q.format}${qs ? `?${qs}` : ''}`;
}

export function articleUrl(baseUrl: string, id: string): string {
  return `${trimBase(baseUrl)}/articles/${encodeURIComponent(id)}`;
}

export function feedTitle(scope: string, source: Source | undefined, lang: FeedLang): string {
  const name = scope === 'all' ? 'duofeed — all sources' : source?.name ?? scope;
  return `${name} (${LANG_TITLE[lang]})`;
}

/** Published date: the article's own (with its offset), else when duofeed first saw it. */
function publishedOf(a: StoredArticle): ZonedTime {
  return parseRfc3339(a.published) ?? parseRfc3339(a.firstSeen) ?? { epochMs: 0, offsetMinutes: 0 };
}

/**
 * The entry's `updated` (Atom; JSON Feed's date_modified): when the article's content last
 * changed. The first stored version is the page as published, so it is dated `published`
 * where the page gives one (else when duofeed first saw it); a later version is dated when
 * duofeed stored that change. Never earlier than `published` (a site's clock may run ahead),
 * and shown in the article's own offset so a Beijing article reads in Beijing time.
 */
export function entryUpdated(a: StoredArticle, published: ZonedTime = publishedOf(a)): ZonedTime {
  const changed = a.version > 1 ? (parseRfc3339(a.updated) ?? parseRfc3339(a.firstSeen)) : parseRfc3339(a.published) ? published : parseRfc3339(a.firstSeen);
  return { epochMs: Math.max(changed?.epochMs ?? 0, published.epochMs), offsetMinutes: published.offsetMinutes };
}

/** When duofeed last wrote the article (its store `updated`): what changes the listing. */
function storedAtMs(a: StoredArticle): number {
  return (parseRfc3339(a.updated) ?? parseRfc3339(a.firstSeen))?.epochMs ?? 0;
}

export function buildItem(a: StoredArticle, lang: FeedLang, baseUrl: string, sourcesById: ReadonlyMap<string, Source>, doubtfulBelow: number = DOUBTFUL_BELOW): FeedItem {
  const link = articleUrl(baseUrl, a.id);
  const externalUrl = safeHttpUrl(a.url);
  const published = publishedOf(a);
  const source = sourcesById.get(a.sourceId);
  const author = viewAuthor(a, lang);
  let summary: string | undefined;
  let contentHtml: string | undefined;
  let pairs: SentencePair[] | undefined;
  return {
    articleId: a.id,
    version: a.version,
    // One id per article and view: revisions keep it, the en/zh/bi feeds don't collide in
    // readers that merge subscriptions.
    id: `${TAG_PREFIX}article/${a.id}${lang === 'bi' ? '' : `/${lang}`}`,
    title: viewTitle(a, lang),
    lang: itemLanguage(a, lang),
    link,
    ...(externalUrl ? { externalUrl } : {}),
    published,
    updated: entryUpdated(a, published),
    ...(author ? { author } : {}),
    category: { term: a.sourceId, label: source?.name ?? a.source ?? a.sourceId },
    // Content is most of a feed's cost and a 304 or a cached body needs none of it: built on
    // first read, once.
    get summary() {
      return (summary ??= buildSummary(a, lang));
    },
    get contentHtml() {
      return (contentHtml ??= buildContentHtml(a, lang, { reader: link, ...(externalUrl ? { original: externalUrl } : {}) }));
    },
    get pairs() {
      return (pairs ??= sentencePairs(a, doubtfulBelow));
    },
    languages: a.languages.length > 0 ? a.languages : ['en', 'zh'],
    doubtfulBelow,
  };
}

export interface BuildFeedInput {
  query: FeedQuery;
  page: Page<StoredArticle>;
  baseUrl: string;
  sources: readonly Source[];
  /** Used only for an empty feed's `updated`; a non-empty feed is dated by its items. */
  now: Date;
  /** Segment confidence below which a pair is doubtful (JSON Feed's `_duofeed`); default DOUBTFUL_BELOW. */
  doubtfulBelow?: number;
}

/**
 * The feed's `updated` (and the HTTP Last-Modified): the last time duofeed wrote any listed
 * item, or for an empty feed the current whole second. Store times, not the entries'
 * `updated`: an article published last month but stored today changes the feed today, and a
 * client revalidating with If-Modified-Since must see that. Computed from the listing alone,
 * so a conditional request can be decided without building the model.
 */
export function feedUpdatedMs(items: readonly StoredArticle[], now: Date): number {
  if (items.length === 0) return Math.floor(now.getTime() / 1000) * 1000;
  let newest = -Infinity;
  for (const a of items) newest = Math.max(newest, storedAtMs(a));
  return newest;
}

export function buildFeedModel({ query, page, baseUrl, sources, now, doubtfulBelow }: BuildFeedInput): FeedModel {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const source = query.scope === 'all' ? undefined : byId.get(query.scope);
  const items = page.items.map((a) => buildItem(a, query.lang, baseUrl, byId, doubtfulBelow));
  const updated: ZonedTime = { epochMs: feedUpdatedMs(page.items, now), offsetMinutes: 0 };
  const langForFeed = query.lang === 'bi' ? (source?.languages[0] ?? 'en') : query.lang;
  const base = { scope: query.scope, format: query.format, lang: query.lang };
  return {
    id: `${TAG_PREFIX}feed/${query.scope}/${query.lang}`,
    title: feedTitle(query.scope, source, query.lang),
    subtitle:
      query.scope === 'all'
        ? 'Aligned English–Chinese articles from every duofeed source'
        : `Aligned English–Chinese articles from ${source?.name ?? query.scope}`,
    lang: langForFeed,
    updated,
    selfUrl: feedUrl(baseUrl, { ...base, limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) }),
    firstUrl: feedUrl(baseUrl, { ...base, limit: query.limit }),
    ...(page.next ? { nextUrl: feedUrl(baseUrl, { ...base, limit: query.limit, cursor: page.next }) } : {}),
    homeUrl: `${trimBase(baseUrl)}/`,
    author: source?.name ?? 'duofeed',
    items,
  };
}
