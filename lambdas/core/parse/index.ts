/**
 * The parser's entry point (pure): one page's bytes in, one article out.
 * OWNER: parser work (issue 2). This placeholder keeps the build green until it lands.
 */
import type { Article } from '../article.js';

export interface ParseInput {
  /** The page as fetched (bytes, any encoding) or already-decoded text. */
  bytes: Uint8Array | string;
  /** HTTP Content-Type, if known (its charset wins over <meta>). */
  contentType?: string;
  /** The URL the page came from, if any (used for the id when no canonical link). */
  url?: string;
  /** The local path the page came from, if any (id falls back to it). */
  path?: string;
}

export type ParseOutcome = { ok: true; article: Article; warnings: string[] } | { ok: false; reason: string };

export function parseArticle(_input: ParseInput): ParseOutcome {
  return { ok: false, reason: 'parser not implemented yet' };
}
