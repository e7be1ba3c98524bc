/**
 * Linked data a page declares about itself: the schema.org JSON-LD of its
 * `<script type="application/ld+json">` blocks (as Readability and metascraper read it before
 * guessing from what the page shows). The parser takes an article's `headline` (evidence for
 * which heading is the title, and a title when the text has none) and `datePublished` (a
 * declared date, as `article:published_time` is).
 *
 * Pure and total: text that is not JSON, JSON of another shape, or values of the wrong type
 * give nothing, never an error.
 */
import { ARTICLE_TYPES, LINKED_DATA_MAX_CHARS, LINKED_DATA_MAX_NODES } from './heuristics.js';

export interface LinkedData {
  headline?: string;
  datePublished?: string;
}

/** Is a script's `type` attribute the JSON-LD media type? */
export function isLinkedDataType(type: string | undefined): boolean {
  return type !== undefined && type.trim().toLowerCase() === 'application/ld+json';
}

/**
 * The first article node of one JSON-LD block (the block itself, an array of nodes, or an
 * `@graph`, to any depth up to LINKED_DATA_MAX_NODES nodes looked at): its headline and
 * datePublished when they are non-empty strings.
 */
export function readLinkedData(text: string): LinkedData {
  if (text.length > LINKED_DATA_MAX_CHARS) return {};
  let value: unknown;
  try {
    value = JSON.parse(unwrap(text));
  } catch {
    return {};
  }
  const article = findArticle(value);
  if (!article) return {};
  const out: LinkedData = {};
  const headline = stringOf(article.headline);
  if (headline) out.headline = headline;
  const published = stringOf(article.datePublished);
  if (published) out.datePublished = published;
  return out;
}

/** Some sites wrap the JSON in an HTML comment or a CDATA section for old browsers. */
function unwrap(text: string): string {
  const t = text.trim();
  const m = /^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)([\s\S]*?)(?:-->|\/\/\s*\]\]>|\]\]>)$/.exec(t);
  return m ? m[1]! : t;
}

type Node = Record<string, unknown>;

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isArticle(node: Node): boolean {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  // Stryker disable next-line Regex: unanchored, the prefix cut can only yield a type name when what precedes schema.org/ is the optional scheme the anchored form cuts as well
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t.replace(/^(?:https?:\/\/)?schema\.org\//, '')));
}

/** Breadth first, so a page's own article wins over one it mentions deeper down. */
function findArticle(root: unknown): Node | undefined {
  const queue: unknown[] = [root];
  let seen = 0;
  // Stryker disable next-line EqualityOperator: i = queue.length reads undefined, which is neither array nor node and is skipped
  for (let i = 0; i < queue.length && seen < LINKED_DATA_MAX_NODES; i++) {
    const v = queue[i];
    if (Array.isArray(v)) {
      // One by one (a spread of a long array would overflow the stack), and no more than can be looked at.
      for (const x of v) if (queue.length < LINKED_DATA_MAX_NODES * 4) queue.push(x);
      continue;
    }
    if (!isNode(v)) continue;
    seen++;
    if (isArticle(v)) return v;
    // Stryker disable next-line ConditionalExpression: pushing an absent key queues undefined, which is skipped
    for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'item']) if (key in v) queue.push(v[key]);
  }
  return undefined;
}

/** A non-empty string with its whitespace folded, or undefined. */
function stringOf(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/\s+/g, ' ').trim();
  return s || undefined;
}
