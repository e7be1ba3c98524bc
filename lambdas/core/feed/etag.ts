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

export function strongEtag(parts: readonly (string | number)[]): string {
  const h = createHash('sha256');
  // One update of one unambiguous string: a call per part into the hash costs more than hashing.
  h.update(JSON.stringify([RENDER_VERSION, ...parts]));
  return `"${h.digest('base64url').slice(0, 32)}"`;
}

const sourceMaps = new WeakMap<readonly Source[], ReadonlyMap<string, Source>>();

/** Sources by id, built once per configured list (the list is fixed for a warm instance). */
export function sourcesById(sources: readonly Source[]): ReadonlyMap<string, Source> {
  let m = sourceMaps.get(sources);
  if (!m) sourceMaps.set(sources, (m = new Map(sources.map((s) => [s.id, s]))));
  return m;
}

export interface FeedPageInput {
  query: FeedQuery;
  page: Page<StoredArticle>;
  baseUrl: string;
  sources: readonly Source[];
  /** Dates an empty feed (see feedUpdatedMs), so it is part of an empty feed's tag. */
  now: Date;
}

/**
 * The tag of the feed document buildFeedModel + a renderer would make from this input.
 * It names everything those bytes depend on: the render version, format, view, scope, the
 * asked limit and cursor (self/first/next links), the base URL, the next cursor, the scope's
 * source name and language (title, subtitle, author, feed language), and per item what the
 * store changes whenever the stored article changes — id, version, contentHash, updated —
 * plus the fields read around the content (firstSeen, published, url, sourceId and the
 * category label, which follows the configured source name).
 */
export function feedPageEtag({ query, page, baseUrl, sources, now }: FeedPageInput): string {
  const byId = sourcesById(sources);
  const scoped = query.scope === 'all' ? undefined : byId.get(query.scope);
  const parts: (string | number)[] = [
    'feed',
    query.format,
    query.lang,
    query.scope,
    query.limit,
    query.cursor ?? '',
    baseUrl,
    page.next ?? '',
    scoped?.name ?? '',
    scoped?.languages[0] ?? '',
  ];
  if (page.items.length === 0) parts.push(Math.floor(now.getTime() / 1000));
  for (const a of page.items) {
    parts.push(a.id, a.version, a.contentHash ?? '', a.updated, a.firstSeen, a.published ?? '', a.url, a.sourceId, byId.get(a.sourceId)?.name ?? a.source ?? '');
  }
  return strongEtag(parts);
}

export function bodyEtag(kind: string, body: string): string {
  return strongEtag([kind, body]);
}
