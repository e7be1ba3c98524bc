/**
 * The parser's entry point (pure): one page's bytes in, one article out.
 *
 * decode (charset) → html/text blocks → split into one-language units → find the article
 * window → sort titles/labels/bylines/notes from body → align body paragraphs → Article.
 * Never throws: every failure becomes { ok: false, reason } naming what was wrong.
 */
import type { AlignedSegment, Article } from '../article.js';
import { articleIdFor, contentHashOf } from '../ids.js';
import { confidenceOf, featuresOf, type BeadEvidence } from './confidence.js';
import { CONFIDENCE_MIN, TRANSLATION_MARKS } from './heuristics.js';
import { withoutBoilerplate } from './boilerplate.js';
import { articleParts, articleWindow, tooShortReason, type ArticleParts } from './content.js';
import { decodeBytes } from './decode.js';
import { extractHtml, extractText, looksLikeHtml, type HtmlExtract } from './html.js';
import type { Lang } from './lang.js';
import { alignSentences } from './sentence-align.js';
import { splitBlocks } from './split.js';
import { alignByStructure } from './structure.js';

export interface ParseInput {
  /** The page as fetched (bytes, any encoding) or already-decoded text. */
  bytes: Uint8Array | string;
  /** HTTP Content-Type, if known (its charset wins over <meta>). */
  contentType?: string;
  /** The URL the page came from, if any (used for the id when no canonical link). */
  url?: string;
  /** The local path the page came from, if any (id falls back to it). */
  path?: string;
  /**
   * Lines learnt as the boilerplate of this page's source (fingerprints, boilerplate.ts): they
   * are taken out of the body. When given (even empty), the outcome carries the page's lines.
   */
  boilerplate?: ReadonlySet<string>;
  /** Also return each segment's confidence features (confidence.ts), for `npm run calibrate`. */
  explain?: boolean;
}

export type ParseOutcome =
  | { ok: true; article: Article; warnings: string[]; boilerplate?: { lines: string[]; removed: string[] }; features?: number[][] }
  | { ok: false; reason: string };

export function parseArticle(input: ParseInput): ParseOutcome {
  try {
    return parseUnsafe(input);
  } catch (err) {
    // A bug must not take down a batch; report it as this input's failure.
    return { ok: false, reason: `internal parser error: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = base ? new URL(href, base) : new URL(href);
    u.hash = ''; // a fragment names a place in the page, not another article
    return /^https?:$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The registrable part of a URL's host, approximately (no public-suffix list in the core):
 * the last two labels, or three when the second-to-last is a generic second level as in
 * example.com.cn or example.co.uk. IP literals stand for themselves.
 */
export function siteOf(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return url;
  }
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return host;
  const labels = host.split('.');
  const n = labels.length >= 3 && /^(?:com|net|org|gov|edu|ac|co|mil)$/.test(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-n).join('.');
}

const nonEmpty = (o: Partial<Record<Lang, string>>): boolean => Object.keys(o).length > 0;

function ordered(o: Partial<Record<Lang, string>>, langs: Lang[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of langs) if (o[l]) out[l] = o[l]!;
  return out;
}

/** Does any of the texts hold a match of re? */
const anyMatch = (texts: readonly string[] | undefined, re: RegExp) => (texts ?? []).some((t) => re.test(t));

/**
 * What a two-sided bead's text says of the pairing: of its sentence beads, the share without a
 * partner and the share that are not 1-1; and how many classes of TRANSLATION_MARKS one half
 * has and the other lacks.
 */
function sentenceEvidence(e: BeadEvidence, seg: AlignedSegment): void {
  const beads = seg.sentences ?? [];
  if (e.en === 0 || e.zh === 0 || beads.length === 0) return;
  let odd = 0;
  let uneven = 0;
  for (const b of beads) {
    const ne = b.en?.length ?? 0;
    const nz = b.zh?.length ?? 0;
    if (ne === 0 || nz === 0) odd++;
    if (ne !== 1 || nz !== 1) uneven++;
  }
  e.oddSentences = odd / beads.length;
  e.unevenSentences = uneven / beads.length;
  let marks = 0;
  for (const re of TRANSLATION_MARKS) if (anyMatch(seg.en, re) !== anyMatch(seg.zh, re)) marks++;
  e.marks = marks;
}

/** Marks each one-sided bead that has a one-sided bead of the other language within two beads (confidence.ts unpairedNear). */
function unpairedNearby(evidence: BeadEvidence[]): void {
  const lang = (e: BeadEvidence | undefined) => (e === undefined || (e.en > 0 && e.zh > 0) ? 0 : e.en > 0 ? 1 : 2);
  evidence.forEach((e, x) => {
    const own = lang(e);
    if (own === 0) return;
    let near = 0;
    for (let d = -2; d <= 2; d++) if (d !== 0 && lang(evidence[x + d]) === 3 - own) near = 1;
    e.unpairedNear = near;
  });
}

interface ReadArticle {
  ok: true;
  extracted: HtmlExtract;
  parts: ArticleParts;
  learning: ReturnType<typeof withoutBoilerplate> | undefined;
  /** Why this is no bilingual article (one language only), or undefined. */
  oneLanguage: string | undefined;
}

/** Extraction, units, window and article parts of one reading of the page. */
function readArticle(text: string, isHtml: boolean, boilerplate: ReadonlySet<string> | undefined, keepHidden: boolean): ReadArticle | { ok: false; reason: string } {
  let extracted: HtmlExtract;
  if (isHtml) {
    const r = extractHtml(text, { keepHidden });
    if (!r.ok) return r;
    extracted = r.value;
  } else extracted = extractText(text);
  const units = splitBlocks(extracted.blocks, !isHtml);
  const window = articleWindow(units);
  if (window.end < window.start) return { ok: false, reason: tooShortReason(units) ?? 'no article text found (the page holds only navigation, links or chrome)' };
  const parts = articleParts(units, extracted.meta, window);
  // What was learnt of this page's source leaves the body (boilerplate.ts); the page's own lines go back to the caller.
  const learning = boilerplate ? withoutBoilerplate(units, window, parts.body, boilerplate) : undefined;
  if (learning) parts.body = learning.body;
  const en = parts.body.filter((p) => p.lang === 'en').length;
  const zh = parts.body.filter((p) => p.lang === 'zh').length;
  const oneLanguage = en === 0 || zh === 0 ? `not a bilingual article: found ${en} English and ${zh} Chinese body paragraphs` : undefined;
  return { ok: true, extracted, parts, learning, oneLanguage };
}

function parseUnsafe(input: ParseInput): ParseOutcome {
  const decoded = decodeBytes(input.bytes, input.contentType);
  if (!decoded.ok) return decoded;
  const { text } = decoded.value;
  const warnings = [...decoded.value.warnings];
  if (text.trim().length === 0) return { ok: false, reason: 'empty page (no text after decoding)' };
  if (text.includes('\u0000')) return { ok: false, reason: 'binary data, not a text or HTML page (NUL characters)' };

  const isHtml = looksLikeHtml(text);
  let read = readArticle(text, isHtml, input.boilerplate, false);
  if (!read.ok) return read;
  // A translation a browser would not show until asked (display:none behind a "show
  // translation" button) is read when the shown text is in one language alone.
  const hidden = read.extracted.hiddenElements ?? 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with nothing hidden the second reading is the first again, and fails the same way
  if (read.oneLanguage && hidden > 0) {
    const withHidden = readArticle(text, isHtml, input.boilerplate, true);
    if (withHidden.ok && !withHidden.oneLanguage) {
      read = withHidden;
      warnings.push(`the shown text is in one language; its translation was read from ${hidden} hidden element(s) (display:none, hidden)`);
    }
  }
  if (read.oneLanguage) return { ok: false, reason: read.oneLanguage };
  const { extracted, parts, learning } = read;
  const { meta } = extracted;

  // Structure first (rows of pairs, parallel columns); the aligner takes what the markup does not pair.
  const blocks = extracted.blocks;
  const { beads, firstLang, evidence } = alignByStructure(
    parts.body.map((p) => ({ text: p.text, lang: p.lang, element: blocks[p.block]?.element })),
    extracted.tree,
  );
  const languages: Lang[] = firstLang === 'zh' ? ['zh', 'en'] : ['en', 'zh'];
  const segments: AlignedSegment[] = beads.map((b) => {
    const seg: AlignedSegment = {};
    for (const l of languages) seg[l] = b[l].map((i) => parts.body[i]!.text);
    seg.confidence = b.confidence;
    return seg;
  });

  const declared = resolveUrl(meta.canonical, input.url) ?? resolveUrl(meta.ogUrl, input.url);
  const fetched = resolveUrl(input.url, undefined);
  // A page may only name a canonical URL on its own site: the id comes from it, so a
  // cross-site canonical would let one source overwrite another source's article.
  let canonical = declared;
  if (declared && fetched && siteOf(declared) !== siteOf(fetched)) {
    warnings.push(`canonical link ${declared} is on another site than ${fetched}; ignored`);
    canonical = undefined;
  }
  const url = canonical ?? fetched;
  if (!parts.title.en || !parts.title.zh) warnings.push(`title missing in ${!parts.title.en ? 'English' : 'Chinese'}`);

  const content: Omit<Article, 'id'> = {
    ...(url ? { url } : {}),
    languages,
    title: ordered(parts.title, languages),
    ...(nonEmpty(parts.byline) ? { byline: ordered(parts.byline, languages) } : {}),
    ...(parts.source ? { source: parts.source } : {}),
    ...(parts.editor ? { editor: parts.editor } : {}),
    ...(parts.published ? { published: parts.published } : {}),
    ...(nonEmpty(parts.authorNote) ? { authorNote: ordered(parts.authorNote, languages) } : {}),
    ...(nonEmpty(parts.editorNote) ? { editorNote: ordered(parts.editorNote, languages) } : {}),
    segments,
  };
  // Sentence beads inside each paragraph bead; the content hash covers their shape (core/ids.ts).
  segments.forEach((seg) => (seg.sentences = alignSentences(seg.en!, seg.zh!, languages)));
  // What the sentences say of each pair goes into its confidence (confidence.ts), before the hash.
  segments.forEach((seg, x) => sentenceEvidence(evidence[x]!, seg));
  unpairedNearby(evidence);
  segments.forEach((seg, x) => (seg.confidence = confidenceOf(evidence[x]!, evidence[x - 1], evidence[x + 1], CONFIDENCE_MIN)));
  const contentHash = contentHashOf(content);
  const idSource = canonical ?? input.url ?? input.path ?? `content:${contentHash}`;
  const article: Article = { id: articleIdFor(idSource), ...content, contentHash };
  const features = input.explain ? evidence.map((e, x) => featuresOf(e, evidence[x - 1], evidence[x + 1])) : undefined;
  return { ok: true, article, warnings, ...(learning ? { boilerplate: { lines: learning.lines, removed: learning.removed } } : {}), ...(features ? { features } : {}) };
}
