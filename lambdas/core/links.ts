/**
 * Article links from a source's start page: an HTML index, an RSS (2.0 or 1.0/RDF) feed or
 * an Atom feed. Pure: bytes or text in, canonical absolute URLs out. Hostile input gives
 * fewer links, never an exception and never unbounded work: XML is parsed with entity
 * processing off (no billion laughs, no external entities), and the output is capped.
 */
import { Parser } from 'htmlparser2';
import { XMLParser } from 'fast-xml-parser';
import type { SourceKind } from './sources.js';

/** Query parameters that only track where a click came from; they never select content. */
const TRACKING = /^(?:utm_[a-z_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|spm|ref_src|share_source|share_medium)$/i;

export const DEFAULT_MAX_LINKS = 200;

/**
 * Absolute, canonical form of a link: resolved against `base`, http(s) only, fragment and
 * tracking parameters dropped. Undefined for anything that is not a web page link.
 */
export function canonicalUrl(href: string, base: string): string | undefined {
  const text = href.trim();
  if (text === '' || text.startsWith('#')) return undefined;
  let u: URL;
  try {
    u = new URL(text, base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.username || u.password) return undefined;
  u.hash = '';
  const keep = [...u.searchParams].filter(([k]) => !TRACKING.test(k));
  if (keep.length !== [...u.searchParams].length) {
    u.search = '';
    for (const [k, v] of keep) u.searchParams.append(k, v);
  }
  return u.href;
}

/** Every href of <a>/<area> in document order, resolved against <base href> when present. */
export function extractHtmlHrefs(html: string, pageUrl: string, maxCandidates = 20_000): { hrefs: string[]; base: string } {
  const hrefs: string[] = [];
  let base = pageUrl;
  let sawBase = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && !sawBase && attrs.href) {
          sawBase = true;
          try {
            base = new URL(attrs.href, pageUrl).href;
          } catch {
            // An unusable <base> is ignored, as browsers do.
          }
        } else if ((name === 'a' || name === 'area') && attrs.href !== undefined && hrefs.length < maxCandidates) {
          hrefs.push(attrs.href);
        }
      },
    },
    // Stryker disable next-line ObjectLiteral: outside XML mode htmlparser2 lower-cases tag and attribute names by default, so {} and these agree.
    {
      decodeEntities: true,
      // Stryker disable next-line BooleanLiteral: the default outside XML mode, which the lower-casing below also falls back to.
      lowerCaseTags: true,
      // Stryker disable next-line BooleanLiteral: as lowerCaseTags.
      lowerCaseAttributeNames: true,
    },
  );
  parser.write(html);
  parser.end();
  return { hrefs, base };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes only XML's predefined and numeric character references: nothing a DTD declared. */
function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Entity expansion off: a DTD's <!ENTITY> declarations (billion laughs, SYSTEM/XXE) are
  // never expanded; the few references a feed legitimately uses are decoded by hand above.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  removeNSPrefix: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  // Stryker disable next-line ConditionalExpression,StringLiteral: parseTagValue and parseAttributeValue are off, so the XML parser gives no numbers.
  if (typeof v === 'number') return String(v);
  // Stryker disable next-line LogicalOperator,ConditionalExpression: the XML parser gives strings, objects and arrays, never null or another primitive.
  if (v && typeof v === 'object' && '#text' in v) return text((v as Record<string, unknown>)['#text']);
  return undefined;
}

function asArray(v: unknown): unknown[] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArrayDeclaration: isArray makes every item, entry and link a list, so only undefined (which the loops skip either way) or a list comes here.
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

/** Item links of an RSS 2.0, RSS 1.0 (RDF) or Atom document, in document order. */
export function extractFeedHrefs(xml: string): { hrefs: string[]; problem?: string } {
  let doc: Record<string, unknown>;
  try {
    doc = xmlParser.parse(xml) as Record<string, unknown>;
  } catch (e) {
    return { hrefs: [], problem: `unreadable XML feed (${(e as Error).message})` };
  }
  if (!doc.rss && !doc.RDF && !doc.feed) return { hrefs: [], problem: 'not an RSS or Atom document (no <rss>, <rdf:RDF> or <feed> root)' };
  const out: string[] = [];
  const rss = doc.rss as Record<string, unknown> | undefined;
  const channel = (Array.isArray(rss?.channel) ? rss?.channel[0] : rss?.channel) as Record<string, unknown> | undefined;
  const rdf = doc.RDF as Record<string, unknown> | undefined;
  for (const item of [...asArray(channel?.item), ...asArray(rdf?.item)]) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a text-only <item> has no link or guid property, so it gives nothing either way.
    if (!item || typeof item !== 'object') continue;
    const it = item as Record<string, unknown>;
    // Stryker disable next-line MethodExpression: trimValues is on, so a text is already trimmed.
    const link = asArray(it.link).map(text).find((l) => l && l.trim());
    if (link) out.push(link);
    else {
      // RSS 2.0: a guid is the item's URL unless isPermaLink="false".
      const guid = it.guid;
      // Stryker disable next-line LogicalOperator,ConditionalExpression: a text guid has no @_isPermaLink, which reads as a permalink either way.
      const permalink = guid && typeof guid === 'object' ? (guid as Record<string, unknown>)['@_isPermaLink'] !== 'false' : true;
      const g = text(guid);
      if (g && permalink) out.push(g);
    }
  }
  const feed = doc.feed as Record<string, unknown> | undefined;
  for (const entry of asArray(feed?.entry)) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a text-only <entry> has no link property, so it gives nothing either way.
    if (!entry || typeof entry !== 'object') continue;
    const links = asArray((entry as Record<string, unknown>).link).filter((l): l is Record<string, unknown> => !!l && typeof l === 'object');
    const alt = links.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate');
    const href = alt && text(alt['@_href']);
    if (href) out.push(href);
  }
  return { hrefs: out.map(decodeXmlText) };
}

export interface ExtractLinksOptions {
  kind: SourceKind;
  /** The start page's final URL (after redirects): relative links resolve against it. */
  pageUrl: string;
  linkPattern: string | RegExp;
  /**
   * Turns a listed link into the article page to fetch, before linkPattern is tried: for a
   * site whose listing links the one-language page while the bilingual one lives beside it
   * (`/story/<id>` → `/story/<id>/ce`). String.replace semantics ($1…); no match, no change.
   */
  rewrite?: { pattern: string | RegExp; replacement: string };
  max?: number;
}

/**
 * Distinct canonical article URLs that match the source's linkPattern, in page order,
 * at most `max` (default 200) so a hostile index cannot flood the queue.
 */
export interface LinkExtraction {
  links: string[];
  /** Why the page gave no links at all, when it was not a readable feed. */
  problem?: string;
}

export function extractLinks(body: string, opts: ExtractLinksOptions): LinkExtraction {
  // Stryker disable next-line ConditionalExpression: new RegExp of a RegExp is a copy with the same flags.
  const pattern = typeof opts.linkPattern === 'string' ? new RegExp(opts.linkPattern) : opts.linkPattern;
  const max = opts.max ?? DEFAULT_MAX_LINKS;
  let hrefs: string[];
  let base = opts.pageUrl;
  let problem: string | undefined;
  if (opts.kind === 'html-index') ({ hrefs, base } = extractHtmlHrefs(body, opts.pageUrl));
  else ({ hrefs, problem } = extractFeedHrefs(body));
  // Stryker disable next-line ConditionalExpression: new RegExp of a RegExp is a copy with the same flags.
  const rewrite = opts.rewrite && { pattern: typeof opts.rewrite.pattern === 'string' ? new RegExp(opts.rewrite.pattern) : opts.rewrite.pattern, replacement: opts.rewrite.replacement };
  const seen = new Set<string>();
  const out: string[] = [];
  for (const href of hrefs) {
    let url = canonicalUrl(href, base);
    // The rewritten link is canonicalised again: it must still be an http(s) URL.
    if (url && rewrite) url = canonicalUrl(url.replace(rewrite.pattern, rewrite.replacement), base);
    if (!url || seen.has(url) || !pattern.test(url)) continue;
    seen.add(url);
    out.push(url);
    if (out.length >= max) break;
  }
  return problem ? { links: out, problem } : { links: out };
}

/**
 * Text of a fetched start page: the charset from Content-Type, else a <meta charset> or XML
 * declaration in the first 1 KiB, else UTF-8. Unknown labels fall back to UTF-8.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string): string {
  // Stryker disable next-line StringLiteral: any text without "charset=" finds none, as '' does.
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const fromDoc =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  // Stryker disable next-line StringLiteral: without a label the loop ends in the UTF-8 decoder below.
  for (const label of [fromHeader, fromDoc, 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // Unknown label: try the next source of truth.
    }
  }
  return new TextDecoder().decode(bytes);
}

export type FeedKind = 'rss' | 'atom' | 'json-feed';

/**
 * What kind of feed a document is, or undefined for anything else (an article page):
 * from a feed media type, else from the document's first element (`<rss>`, `<rdf:RDF>`,
 * `<feed>`) or a JSON Feed `version`. Reads only the first 2 KiB, so it is cheap to ask of
 * every page; `duofeed parse` asks it so a feed handed over as an article is named a feed.
 */
export function feedKindOf(bytes: Uint8Array, contentType?: string): FeedKind | undefined {
  // Stryker disable next-line StringLiteral: any other text is no feed media type either.
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/rss+xml' || type === 'application/rdf+xml') return 'rss';
  if (type === 'application/atom+xml') return 'atom';
  if (type === 'application/feed+json') return 'json-feed';
  // latin1 keeps every byte one character: enough to read ASCII markup in any ASCII-compatible encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).replace(/^(?:\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '');
  if (/^\s*\{/.test(head)) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head) ? 'json-feed' : undefined;
  // Skip the XML declaration, processing instructions, comments and a doctype to the root element.
  const root = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z_][\w.:-]*)/i.exec(head)?.[1];
  if (root === undefined) return undefined;
  const name = root.toLowerCase();
  if (name === 'rss' || name === 'rdf:rdf') return 'rss';
  if (name === 'feed' || name.endsWith(':feed')) return 'atom';
  return undefined;
}
