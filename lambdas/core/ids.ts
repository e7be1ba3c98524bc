import { createHash, hash } from 'node:crypto';
import type { Article } from './article.js';

/** sha256 of a string or bytes, lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
  // One-shot where Node has it (20.12+): no Hash object per call; the same digest.
  return typeof hash === 'function' ? hash('sha256', data, 'hex') : createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** An article's content: all of it but its id and the hash itself (either may be present; neither counts). */
export type ArticleContent = Omit<Article, 'id' | 'contentHash'> & { id?: string; contentHash?: string };

/** The contract's field order (../shared/DESIGN.md), which the parser builds its articles in. */
const CONTENT_ORDER = ['url', 'languages', 'title', 'byline', 'source', 'editor', 'published', 'authorNote', 'editorNote', 'segments'] as const;
const BY_LANGUAGE = new Set(['title', 'byline', 'authorNote', 'editorNote']);
const NOT_CONTENT = new Set(['id', 'contentHash']);

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** An object's JSON with the keys `first` leads with in that order, then the others sorted; values canonical. */
function orderedJson(o: Record<string, unknown>, first: readonly string[], skip?: ReadonlySet<string>, valueJson: (k: string, v: unknown) => string = (_k, v) => canonicalJson(v)): string {
  const parts: string[] = [];
  const lead = new Set(first);
  for (const k of first) if (o[k] !== undefined) parts.push(`${JSON.stringify(k)}:${valueJson(k, o[k])}`);
  for (const k of Object.keys(o).sort(byCodeUnit)) if (!lead.has(k) && !skip?.has(k) && o[k] !== undefined) parts.push(`${JSON.stringify(k)}:${valueJson(k, o[k])}`);
  return `{${parts.join(',')}}`;
}

/**
 * The JSON a content hash is taken of: the article minus id and contentHash, keys in the
 * contract's order — fields as listed, a language map's and a segment's languages in the
 * article's reading order (then confidence), anything else sorted. Key order in the object
 * given does not matter; for an article the parser built it is exactly JSON.stringify of it.
 */
export function contentJson(article: ArticleContent): string {
  const a = article as unknown as Record<string, unknown>;
  const langs = Array.isArray(a.languages) ? a.languages.filter((l): l is string => typeof l === 'string') : [];
  const segmentKeys = [...langs, 'confidence'];
  return orderedJson(a, CONTENT_ORDER, NOT_CONTENT, (k, v) => {
    if (BY_LANGUAGE.has(k) && isRecord(v)) return orderedJson(v, langs);
    if (k === 'segments' && Array.isArray(v)) return `[${v.map((s) => (isRecord(s) ? orderedJson(s, segmentKeys) : canonicalJson(s))).join(',')}]`;
    return canonicalJson(v);
  });
}

/**
 * The content hash: sha256 (hex) of contentJson. The parser sets it on every article; the
 * stores compute it the same way for an article that arrives without one. Equal content,
 * equal hash, whatever the id or the order the fields were built in.
 */
export function contentHashOf(article: ArticleContent): string {
  return sha256Hex(contentJson(article));
}

/**
 * Stable article id from the canonical URL (or, for local files, the path as given):
 * 20 hex characters of its sha256 — short enough for URLs, 80 bits against collisions.
 * Only the URL's fragment is dropped; everything else is significant.
 */
export function articleIdFor(canonical: string): string {
  return sha256Hex(canonical.replace(/#.*$/s, '')).slice(0, 20);
}
