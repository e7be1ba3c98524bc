/**
 * Strong validators. A feed's ETag is computed from what determines its bytes, not from the
 * bytes: the listing the store returned (each item's id and stored version), the query, the
 * base URL and the source names that are printed. So a revalidation costs one Query and a
 * hash of a few hundred short strings — no model, no dates parsed, no content. Pages without
 * item versions hash their body.
 */
import { createHash } from 'node:crypto';
import type { StoredArticle } from '../article.js';
import type { Page } from '../ports.js';
import type { Source } from '../sources.js';
import { RENDER_VERSION, type FeedQuery } from './model.js';
import { DOUBTFUL_BELOW } from './pairs.js';

export function strongEtag(parts: readonly (string | number)[]): string {
  const h = createHash('sha256');
  // One update of one unambiguous string: a call per part into the hash costs more than hashing.
  h.update(JSON.stringify([RENDER_VERSION, ...parts]));
  return `"${h.digest('base64url').slice(0, 32)}"`;
}

const fingerprints = new WeakMap<readonly Source[], string>();

/** What a feed prints from the configuration: each source's id, name and first language. */
function sourcesFingerprint(sources: readonly Source[]): string {
  let f = fingerprints.get(sources);
  if (f === undefined) fingerprints.set(sources, (f = JSON.stringify(sources.map((s) => [s.id, s.name, s.languages[0] ?? '']))));
  return f;
}

export interface FeedPageInput {
  query: FeedQuery;
  page: Page<StoredArticle>;
  baseUrl: string;
  sources: readonly Source[];
  /** Dates an empty feed (see feedUpdatedMs), so it is part of an empty feed's tag. */
  now: Date;
  /** The doubtful threshold JSON Feed's `_duofeed` prints. */
  doubtfulBelow?: number;
}

/**
 * The tag of the feed document buildFeedModel + a renderer would make from this input. It
 * names everything those bytes depend on: the render version, format, view, scope, the asked
 * limit and cursor (self/first/next links), the base URL, the next cursor, the configured
 * source names and languages (title, subtitle, author, category labels), an empty feed's
 * date, and each listed row. A row is named by id, version, contentHash and updated: the
 * store writes a row only with new content, and every write sets a new version and a new
 * `updated` (ArticleWriter.upsert), so these four stand for all of its fields.
 */
export function feedPageEtag({ query, page, baseUrl, sources, now, doubtfulBelow }: FeedPageInput): string {
  const head = [RENDER_VERSION, 'feed', query.format, query.lang, query.scope, query.limit, query.cursor ?? '', baseUrl, page.next ?? '', sourcesFingerprint(sources), doubtfulBelow ?? DOUBTFUL_BELOW];
  if (page.items.length === 0) head.push(Math.floor(now.getTime() / 1000));
  // Free text (names, URLs) goes through JSON; the row fields are store-made ids, numbers,
  // hex and timestamps, none of which can hold a newline or NUL, so plain separators are
  // unambiguous — and three times cheaper than JSON for fifty rows.
  let s = JSON.stringify(head);
  for (const a of page.items) s += `\n${a.id}\u0000${a.version}\u0000${a.contentHash ?? ''}\u0000${a.updated}\u0000${a.sourceId}`;
  return `"${createHash('sha256').update(s).digest('base64url').slice(0, 32)}"`;
}

export function bodyEtag(kind: string, body: string): string {
  return strongEtag([kind, body]);
}
