/**
 * What the DynamoDB store and the in-memory store share, so both order, hash and page
 * articles the same way: sort time, time buckets, content hash, cursors. The errors they
 * throw belong to the ports (core/ports.ts).
 */
import type { Article, StoredArticle } from '../core/article.js';
import { contentHashOf as hashOfContent } from '../core/ids.js';
import { InvalidCursorError } from '../core/ports.js';

/** A seen-URL record lives this long; after that the URL is refetched and its parse comes out 'unchanged'. */
export const SEEN_TTL_SECONDS = 180 * 24 * 3600;
/** Validators (ETag/Last-Modified) are only an optimisation; a month keeps the table small. */
export const VALIDATORS_TTL_SECONDS = 30 * 24 * 3600;
/**
 * A page's boilerplate lines are kept two months: long enough that a source publishing weekly
 * still has its last few pages to learn from, short enough that furniture a site dropped is
 * forgotten (parsing a page again renews its record).
 */
export const PAGE_LINES_TTL_SECONDS = 60 * 24 * 3600;
/**
 * Page records read per source, at most (each ≤ 64 fingerprints, about 1.2 KB): one Query
 * page (DynamoDB stops at 1 MB) of about 75 read units. Records sort by page id, a hash, so
 * for a busy source these are a random sample of its two months, in which a line standing on
 * one page in a hundred still shows about five times.
 */
export const PAGE_LINES_READ_MAX = 500;

/** The parser sets contentHash; when it did not, hash the content the way the parser does (core/ids.ts). */
export function contentHashOf(article: Article): string {
  return article.contentHash || hashOfContent(article);
}

const ONE_DAY_MS = 24 * 3600 * 1000;

/**
 * The instant an article sorts by, as a UTC ISO string (lexical order = time order, whatever
 * offset the page used). `published` wins, except when it is unreadable or more than a day
 * after we first saw the article: a mis-parsed future date would otherwise pin it to the
 * top of every feed.
 */
export function sortTimeOf(published: string | undefined, firstSeen: string): string {
  if (published) {
    const t = Date.parse(published);
    if (Number.isFinite(t) && t <= Date.parse(firstSeen) + ONE_DAY_MS) return new Date(t).toISOString();
  }
  return new Date(Date.parse(firstSeen)).toISOString();
}

/** The time bucket (UTC month, YYYY-MM) of a sort time; see dynamo-store.ts for why a month. */
export function bucketOf(sortTime: string): string {
  return sortTime.slice(0, 7);
}

/** The order both stores list in: newest sort time first, ties broken by id (descending). */
export function listKey(sortTime: string, id: string): string {
  return `${sortTime}#${id}`;
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Decodes a cursor to a JSON value; a malformed one is an InvalidCursorError. */
export function decodeCursor(cursor: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError(`cursor '${cursor.slice(0, 40)}' is not base64url`);
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch (err) {
    throw new InvalidCursorError(`cursor '${cursor.slice(0, 40)}' does not decode to JSON`, { cause: err });
  }
}

export interface Bookkeeping {
  sourceId: string;
  url: string;
  rawKey: string;
  firstSeen: string;
  updated: string;
  version: number;
  contentHash: string;
}

export function toStored(article: Article, meta: Bookkeeping): StoredArticle {
  return { ...article, ...meta };
}

/** Epoch seconds for DynamoDB's TTL attribute. */
export function epochSeconds(d: Date): number {
  return Math.floor(d.getTime() / 1000);
}
