import { createHash, hash } from 'node:crypto';
import type { Article, SegmentLang, SentenceBead } from './article.js';

/** sha256 of a string or bytes, lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
  // One-shot where Node has it (20.12+): no Hash object per call; the same digest.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: either branch gives the same digest.
  return typeof hash === 'function'
    ? hash('sha256', data, 'hex')
    : // Stryker disable next-line StringLiteral: older Node only; Node 20.12+ (here and on Lambda) takes the branch above.
      createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => byCodeUnit(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** An article's content: all of it but its id and the hash itself (either may be present; neither counts). */
export type ArticleContent = Omit<Article, 'id' | 'contentHash'> & { id?: string; contentHash?: string };

/** The contract's field order (../shared/DESIGN.md), which the parser builds its articles in. */
const CONTENT_ORDER = ['url', 'languages', 'title', 'byline', 'source', 'editor', 'published', 'authorNote', 'editorNote', 'segments'] as const;
const BY_LANGUAGE = new Set(['title', 'byline', 'authorNote', 'editorNote']);
const NOT_CONTENT = new Set(['id', 'contentHash']);

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Compares strings by UTF-16 code unit (the default sort order); canonicalJson and orderedJson sort keys with it. */
const byCodeUnit = (a: string, b: string) =>
  // Stryker disable next-line EqualityOperator: the keys of one object are distinct.
  a < b
    ? -1
    : // Stryker disable next-line ConditionalExpression,EqualityOperator: keys are distinct, and V8's sort only asks whether the result is below 0.
      a > b
      ? 1
      : 0;

/** An object's JSON with the keys `first` leads with in that order, then the others sorted; values canonical. */
function orderedJson(o: Record<string, unknown>, first: readonly string[], skip?: ReadonlySet<string>, valueJson: (k: string, v: unknown) => string = (_k, v) => canonicalJson(v)): string {
  const parts: string[] = [];
  const lead = new Set(first);
  for (const k of first) if (o[k] !== undefined) parts.push(`${JSON.stringify(k)}:${valueJson(k, o[k])}`);
  for (const k of Object.keys(o).sort(byCodeUnit)) if (!lead.has(k) && !skip?.has(k) && o[k] !== undefined) parts.push(`${JSON.stringify(k)}:${valueJson(k, o[k])}`);
  return `{${parts.join(',')}}`;
}

/** Are the object's own keys, in their order, a subsequence of `order`? */
function keysFollow(o: Record<string, unknown>, order: readonly string[]): boolean {
  let at = 0;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) return false;
    // Stryker disable next-line EqualityOperator: one step past the end, order[at] is undefined, never a key, and the check below still fails.
    while (at < order.length && order[at] !== k) at++;
    if (at++ >= order.length) return false;
  }
  return true;
}

/** An array index as a key: JSON.stringify writes those first, whatever the insertion order. */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

/**
 * Is this content already as contentJson writes it, so that JSON.stringify writes the same
 * (the parser's articles, every time)? Contract fields only, in order; language maps of
 * strings and segments of string lists in reading order, confidence last; no language code
 * that reads as an array index. Exported for its property test against a plain version
 * (test/core/ids-fast-path.mutants.test.ts); contentJson is the API.
 */
export function inContractOrder(a: Record<string, unknown>): boolean {
  const langs = a.languages;
  if (!Array.isArray(langs)) return false;
  for (const l of langs) if (typeof l !== 'string' || INDEX_KEY.test(l)) return false;
  if (!keysFollow(a, CONTENT_ORDER)) return false;
  for (const k of BY_LANGUAGE) {
    const v = a[k];
    if (v === undefined) continue;
    if (!isRecord(v) || !keysFollow(v, langs)) return false;
    for (const l in v) if (typeof v[l] !== 'string') return false;
  }
  const segments = a.segments;
  if (segments === undefined) return true;
  if (!Array.isArray(segments)) return false;
  const segmentKeys = [...langs, 'confidence'];
  for (const seg of segments) {
    if (!isRecord(seg) || !keysFollow(seg, segmentKeys)) return false;
    for (const k in seg) {
      const v = seg[k];
      if (k === 'confidence' ? typeof v !== 'number' : !Array.isArray(v) || !v.every((x) => typeof x === 'string')) return false;
    }
  }
  return true;
}

/**
 * The JSON a content hash is taken of: the article minus id and contentHash, keys in the
 * contract's order — fields as listed, a language map's and a segment's languages in the
 * article's reading order (then confidence), anything else sorted. Key order in the object
 * given does not matter; for an article the parser built it is exactly JSON.stringify of it.
 */
export function contentJson(article: ArticleContent): string {
  const a = article as unknown as Record<string, unknown>;
  // Stryker disable next-line ConditionalExpression: the fast path; the general writer below writes the same (inContractOrder itself is tested directly).
  if (inContractOrder(a)) return JSON.stringify(a);
  const langs = Array.isArray(a.languages) ? a.languages.filter((l): l is string => typeof l === 'string') : [];
  const segmentKeys = [...langs, 'confidence'];
  return orderedJson(a, CONTENT_ORDER, NOT_CONTENT, (k, v) => {
    if (BY_LANGUAGE.has(k) && isRecord(v)) return orderedJson(v, langs);
    if (k === 'segments' && Array.isArray(v)) return `[${v.map((s) => (isRecord(s) ? orderedJson(s, segmentKeys) : canonicalJson(s))).join(',')}]`;
    return canonicalJson(v);
  });
}

/**
 * The content hash: sha256 (hex) of contentJson, followed by the segments' sentence shape
 * when they carry sentence beads (the sentences are slices of the paragraphs, so their
 * lengths name them and their text is not hashed twice). The parser sets it on every
 * article; the stores compute it the same way for an article that arrives without one.
 * Equal content, equal hash, whatever the id or the order the fields were built in.
 */
export function contentHashOf(article: ArticleContent): string {
  const segments = article.segments;
  if (!Array.isArray(segments) || !segments.some((s) => s?.sentences !== undefined)) return sha256Hex(contentJson(article));
  // Stryker disable next-line ArrayDeclaration: whatever stands in for no languages is filtered out as neither en nor zh.
  const order = (article.languages ?? []).filter((l): l is SegmentLang => l === 'en' || l === 'zh');
  const bare = { ...article, segments: segments.map(({ sentences: _sentences, ...rest }) => rest) };
  return sha256Hex(contentJson(bare) + sentenceShape(segments.map((s) => s.sentences ?? []), order));
}

/**
 * The sentence beads of a segment list, named by their shape: per bead and language, the
 * lengths of its sentences. Each sentence is a trimmed slice of its paragraph, taken in order
 * with only whitespace between, so the paragraphs and these lengths determine the sentences:
 * a content hash can read this instead of the sentences' text.
 */
export function sentenceShape(segments: readonly SentenceBead[][], order: readonly SegmentLang[]): string {
  let out = '';
  for (const beads of segments) {
    for (const b of beads) {
      for (const l of order) {
        out += '|';
        for (const s of b[l] ?? []) out += `${s.length},`;
      }
      out += ';';
    }
    out += '/';
  }
  return out;
}

/**
 * Stable article id from the canonical URL (or, for local files, the path as given):
 * 20 hex characters of its sha256 — short enough for URLs, 80 bits against collisions.
 * Only the URL's fragment is dropped; everything else is significant.
 */
export function articleIdFor(canonical: string): string {
  // Stryker disable next-line Regex: with the s flag, .* runs to the end anyway.
  return sha256Hex(canonical.replace(/#.*$/s, '')).slice(0, 20);
}
