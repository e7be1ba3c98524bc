/**
 * HTML → text blocks in one streaming pass of our own tokenizer (no DOM). Each block is the text
 * between two block-level boundaries, with its lines (split at <br>), the heading level it
 * sits in, how much of it is link text, and the class/id words of its ancestors, which the
 * content stage uses to tell article text from page chrome.
 */
import { CHROME_CLASS_WORDS, HIDDEN_STYLE, HTML_SNIFF_CHARS, LINKED_DATA_MAX_CHARS, META_CLASS, SKIPPED_ELEMENTS, TEXT_LINE_ENDED_MIN, TEXT_LINE_ENDED_SHARE, TEXT_LINE_PARAGRAPHS_MIN, TITLE_CLASS } from './heuristics.js';
import { tokenize, type Attrs } from './tokenizer.js';
import { isLinkedDataType, readLinkedData } from './linked-data.js';

export interface Block {
  /** Lines of text (split at <br>), whitespace folded, never empty strings except blank-line markers. */
  lines: string[];
  /** Innermost block element, e.g. "p", "div", "h1", "li", "text" (plain text). */
  tag: string;
  /** 1..6 inside <h1>..<h6> (or an element whose class says title), else 0. */
  heading: number;
  /** Characters of link text in the block. */
  linkChars: number;
  /** Total characters of text in the block. */
  chars: number;
  /** True inside elements whose class/id name page chrome (share, related, breadcrumb…). */
  chrome: boolean;
  /** Index of the nearest enclosing container that holds several blocks (for grouping). */
  container: number;
  /** Id of the block element the text sits in (an index into ElementTree; absent in plain text). */
  element?: number;
}

/**
 * The nesting of the page's block elements, ids from 1 in document order (0 is the root):
 * enough for structure.ts to see rows of two cells and parallel columns, without a DOM.
 */
export interface ElementTree {
  /** parent[id]: the id of the block element enclosing element id. */
  parent: number[];
  /** kids[id]: how many block elements sit directly inside element id, empty ones included. */
  kids: number[];
}

export interface PageMeta {
  title?: string;
  ogTitle?: string;
  canonical?: string;
  ogUrl?: string;
  published?: string;
  /** The first <time datetime> outside skipped chrome: what the page declares a shown date to be. */
  timeDatetime?: string;
  author?: string;
  lang?: string;
  /** The headline of the article the page's JSON-LD declares (linked-data.ts). */
  headline?: string;
  /** Its datePublished, as written. */
  ldPublished?: string;
  /** The text of the first link the page marks as its author's (rel="author"), outside skipped chrome. */
  authorLink?: string;
}

export interface HtmlExtract {
  blocks: Block[];
  meta: PageMeta;
  /** Elements left out because a browser would not show them (hidden, display:none, visibility:hidden). */
  hiddenElements?: number;
  /** Block-element nesting (HTML only). */
  tree?: ElementTree;
}

export type HtmlResult = { ok: true; value: HtmlExtract } | { ok: false; reason: string };

export const LIMITS = {
  /** Elements beyond this many mean a generated or hostile page, not an article. */
  maxElements: 200_000,
  /** Structure deeper than this is ignored (its text is kept) so nesting cannot blow up. */
  maxDepth: 256,
  /** Nesting deeper than this is refused: the tokenizer's own stack work grows with depth. */
  maxNesting: 5_000,
  /** Characters of decoded text we accept. */
  maxChars: 20_000_000,
};

const SKIP = new Set<string>(SKIPPED_ELEMENTS);

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul', 'caption', 'title', 'legend', 'menu',
]);

const CHROME_WORDS = new Set<string>(CHROME_CLASS_WORDS);
/** The shortest and longest chrome word: the scan below looks up only words of these lengths. */
const CHROME_WORD_MIN = Math.min(...CHROME_CLASS_WORDS.map((w) => w.length));
const CHROME_WORD_MAX = Math.max(...CHROME_CLASS_WORDS.map((w) => w.length));

export function chromeClass(attr: string | undefined): boolean {
  if (!attr) return false;
  // ASCII (nearly every class list) is split by a char-code scan; anything else takes the
  // regex path, whose Unicode lower-casing and \s the scan does not reproduce.
  let ascii = true;
  for (let i = 0; i < attr.length; i++) {
    if (attr.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    const n = attr.length;
    let start = 0;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? attr.charCodeAt(i) : 32;
      const sep = c === 32 || (c >= 9 && c <= 13) || c === 0x5f || c === 0x2d;
      // A lower-case letter followed by an upper-case one is a camelCase word boundary.
      const camel = !sep && c >= 0x41 && c <= 0x5a && i > start && attr.charCodeAt(i - 1) >= 0x61 && attr.charCodeAt(i - 1) <= 0x7a;
      if (sep || camel) {
        if (i - start >= CHROME_WORD_MIN && i - start <= CHROME_WORD_MAX && CHROME_WORDS.has(attr.slice(start, i).toLowerCase())) return true;
        start = sep ? i + 1 : i;
      }
    }
    return false;
  }
  const words = attr.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_\-]+/);
  for (const w of words) if (CHROME_WORDS.has(w)) return true;
  return false;
}

interface ClassVerdict {
  chrome: boolean;
  title: boolean;
  sub: boolean;
}

/**
 * Verdicts on class/id strings, kept across pages: a site's template repeats the same few
 * dozen on every page it serves. A pure function memoized, bounded so that no run of odd
 * pages can grow it without limit.
 */
const classVerdicts = new Map<string, ClassVerdict>();
const MAX_CLASS_VERDICTS = 4096;

function classify(cls: string): ClassVerdict {
  let c = classVerdicts.get(cls);
  if (!c) {
    const title = TITLE_CLASS.test(cls);
    c = { chrome: !title && chromeClass(cls) && !META_CLASS.test(cls), title, sub: /sub/i.test(cls) };
    // Stryker disable next-line all: a memory bound on the cache of a pure function; clearing it more, less or never changes no verdict
    if (classVerdicts.size >= MAX_CLASS_VERDICTS) classVerdicts.clear();
    classVerdicts.set(cls, c);
  }
  return c;
}

interface Frame {
  name: string;
  skip: boolean;
  link: boolean;
  isBlock: boolean;
  /** Inherited context, computed once at push so a flush costs O(1). */
  heading: number;
  blockName: string;
  blockId: number;
  /** Id of the block enclosing this frame's innermost block (siblings share it). */
  container: number;
}

const ROOT: Frame = { name: '#root', skip: false, link: false, isBlock: true, heading: 0, blockName: 'body', blockId: 0, container: 0 };
const HEADINGS = new Map([['h1', 1], ['h2', 2], ['h3', 3], ['h4', 4], ['h5', 5], ['h6', 6]]);
const VOID_SKIPPED = new Set(['br', 'hr', 'img', 'meta', 'link']);

class Abort extends Error {}

/** A <br> inside the text buffer (raw line breaks in the source are soft breaks instead). */
const BR = '\u0001';

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0x85;
}

/** Printable ASCII, CJK and most other letters: neither space, break nor invisible (every one of those lies outside). */
const isPlain = (c: number) => (c > 32 && c < 0x7f) || (c > 0x3000 && c < 0xfeff) || (c > 0xa0 && c < 0x1680);

/** Zero-width space and BOM vanish without a trace (ZWJ/ZWNJ stay: emoji and scripts need them). */
const isInvisible = (c: number) => c === 0x200b || c === 0xfeff;

/**
 * Fold a block's raw text in one pass (a hand loop: a Unicode whitespace regex was the
 * parser's hottest spot). <br> ends a line (an empty line marks a blank line); a raw line
 * break in the source becomes the soft-break marker '\r'; other whitespace runs become one space.
 */
export function foldBlock(raw: string): string[] {
  // Most blocks are one clean line inside indentation: trim the edges and, when the inside
  // holds no whitespace but single spaces, no <br> marker and nothing invisible, that inside
  // is the whole answer (what the loop below returns for such text), found by a native scan.
  let a = 0;
  let b = raw.length;
  while (a < b && isSpace(raw.charCodeAt(a))) a++;
  while (b > a && isSpace(raw.charCodeAt(b - 1))) b--;
  if (a === b) return [];
  const inner = a === 0 && b === raw.length ? raw : raw.slice(a, b);
  // Stryker disable next-line StringLiteral: with includes('') every block takes foldSlow, which returns [inner] for such a line too (each single space between non-space characters keeps the run going)
  if (!NEEDS_FOLD.test(inner) && !inner.includes('  ')) return [inner];
  return foldSlow(inner);
}

/** What foldBlock's loop treats specially inside a line (with double spaces): isSpace but ' ', <br>, invisibles. */
const NEEDS_FOLD = /[\u0001\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function foldSlow(raw: string): string[] {
  const lines: string[] = [];
  let line = '';
  let segStart = -1;
  let sep = '';
  const n = raw.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? raw.charCodeAt(i) : 1;
    // The common case first.
    if (isPlain(c)) {
      if (segStart < 0) segStart = i;
      // Run through the rest of the word and single spaces before more plain text in a
      // tight loop: that is almost all of a block.
      let k = i + 1;
      for (;;) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end charCodeAt gives NaN, which is neither plain nor a space, so the loop breaks one step later anyway; breaking early only leaves the rest of the run to the outer loop, which keeps it the same way
        if (k >= n) break;
        const d = raw.charCodeAt(k);
        if (isPlain(d)) k++;
        else if (d === 32 && k + 1 < n && isPlain(raw.charCodeAt(k + 1))) k += 2;
        else break;
      }
      i = k - 1;
      continue;
    }
    const brk = c === 1;
    if (isInvisible(c)) {
      // Cut the run here and join the next one to it directly: "Rese\u200barchers" → "Researchers".
      if (segStart >= 0) {
        line += (line ? sep : '') + raw.slice(segStart, i);
        segStart = -1;
        sep = '';
      }
      continue;
    }
    if (!brk && !isSpace(c)) {
      if (segStart < 0) segStart = i;
      continue;
    }
    // A single plain space between words is already folded: keep the run going.
    if (c === 32 && segStart >= 0 && i + 1 < n) {
      const d = raw.charCodeAt(i + 1);
      if (d !== 1 && !isSpace(d) && !isInvisible(d)) continue;
    }
    if (segStart >= 0) {
      line += (line ? sep : '') + raw.slice(segStart, i);
      segStart = -1;
      sep = '';
    }
    if (brk) {
      if (line) lines.push(line);
      else if (lines.length && lines[lines.length - 1] !== '') lines.push('');
      line = '';
      sep = '';
    } else if (c === 10 || c === 13) {
      if (line) sep = '\r';
    } else if (sep !== '\r' && line) sep = ' ';
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** What \s matches (the ECMAScript set: no U+0085, unlike isSpace). */
function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when foldLine would return s unchanged: no ZWSP/BOM, no edge space, no space other than single ' '. */
function isFolded(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  let prevSpace = true; // a space at the start is an edge space
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // Stryker disable next-line BlockStatement: a fast path only; without it printable ASCII falls through to the same prevSpace = false below
    if (c > 32 && c < 0x7f) {
      prevSpace = false;
      continue;
    }
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    if (c === 0x200b || isJsSpace(c)) return false;
    prevSpace = false;
  }
  return !prevSpace;
}

const NON_SPACE = /[^\s\u200b\ufeff]/;

/** Fold whitespace inside a line; keep the line structure. */
export function foldLine(s: string): string {
  if (isFolded(s)) return s;
  return s.replace(/[\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * keepHidden: read elements a browser would not show as well (a page whose translation waits
 * behind a "show translation" toggle; parseArticle asks for it only when the shown text is in
 * one language alone).
 */
export function extractHtml(html: string, opts: { keepHidden?: boolean } = {}): HtmlResult {
  const keepHidden = opts.keepHidden === true;
  let hiddenElements = 0;
  if (html.length > LIMITS.maxChars) return { ok: false, reason: `page too large (${html.length} characters, limit ${LIMITS.maxChars})` };
  const blocks: Block[] = [];
  const meta: PageMeta = {};
  const stack: Frame[] = [];
  let overflow = 0; // open elements past maxDepth, not tracked
  let elements = 0;
  let skipDepth = 0;
  let linkDepth = 0;
  // The block's text pieces, joined once at flush: a string built by += is a rope that the
  // fold loop would have to flatten, which cost more than the join.
  let buf: string[] = [];
  let bufLink = 0;
  let bufHasText = false;
  let titleText = '';
  let inTitle = false;
  // Inside a <script type="application/ld+json">: its text is collected, up to the most read.
  let inLinkedData = false;
  let linkedDataText = '';
  // Inside the first <a rel="author"> outside chrome: its text is the author's name.
  let inAuthorLink = false;
  let authorLinkText = '';
  // Only block elements take an id (nothing else refers to one): parent/kids are indexed by it.
  let frameIds = 0;
  const treeParent: number[] = [0];
  const treeKids: number[] = [0];

  let articleDepth = 0;

  const flush = () => {
    if (!bufHasText) {
      // Whitespace between tags: nothing to fold or split. (A new array is cheaper than
      // setting length to 0, which V8 does in its runtime.)
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a buffer left uncleared holds only whitespace, zero-width space, BOM and <br> marks, which foldBlock drops at the start of the next block; clearing an empty one changes nothing
      if (buf.length > 0) buf = [];
      bufLink = 0;
      return;
    }
    bufHasText = false;
    const raw = buf.length === 1 ? buf[0]! : buf.join('');
    const linkChars = bufLink;
    buf = [];
    bufLink = 0;
    const lines = foldBlock(raw);
    let chars = 0;
    for (const l of lines) chars += l.length;
    // Stryker disable next-line StringLiteral: foldBlock never returns a trailing empty line (its loop pops them, its fast path returns one non-empty line), so this loop never pops and any other string compared here changes nothing
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    if (lines.length === 0) return;
    const top = stack[stack.length - 1] ?? ROOT;
    blocks.push({ lines, tag: top.blockName, heading: top.heading, linkChars: Math.min(linkChars, chars), chars, chrome: false, container: top.container, element: top.blockId });
  };

  const sink = {
    // Text nobody keeps (scripts, navigation, footers) is not even cut out of the page.
    wantsText: () => inTitle || inLinkedData || skipDepth === 0,
    open(name: string, attribs: Attrs) {
      if (++elements > LIMITS.maxElements) throw new Abort(`too many elements (more than ${LIMITS.maxElements})`);
      if (name === 'meta') return readMeta(attribs, meta);
      if (name === 'link') {
        if (/\bcanonical\b/i.test(attribs.rel ?? '') && attribs.href) meta.canonical ??= attribs.href.trim();
        return;
      }
      if (name === 'html' && attribs.lang) meta.lang = attribs.lang;
      if (name === 'time' && skipDepth === 0 && attribs.datetime) meta.timeDatetime ??= attribs.datetime.trim();
      if (name === 'script' && isLinkedDataType(attribs.type)) {
        inLinkedData = true;
        linkedDataText = '';
      }
      if (name === 'a' && skipDepth === 0 && meta.authorLink === undefined && attribs.rel !== undefined && /(?:^|\s)author(?:\s|$)/i.test(attribs.rel)) {
        inAuthorLink = true;
        authorLinkText = '';
      }
      if (name === 'title' && !meta.title) {
        inTitle = true;
        titleText = '';
      }
      if (name === 'br') {
        if (skipDepth === 0) buf.push(BR);
        return;
      }
      if (name === 'hr' || name === 'img') {
        if (skipDepth === 0 && name === 'hr') flush();
        return;
      }
      if (stack.length >= LIMITS.maxDepth) {
        if (++overflow + stack.length > LIMITS.maxNesting) throw new Abort(`HTML nested deeper than ${LIMITS.maxNesting} elements`);
        return;
      }
      const parent = stack[stack.length - 1] ?? ROOT;
      const isBlock = BLOCK.has(name);
      const clsAttr = attribs.class || attribs.id ? `${attribs.class ?? ''} ${attribs.id ?? ''}` : '';
      const cls = clsAttr ? classify(clsAttr) : undefined;
      // <header>/<footer> inside an article are its own parts (title, notes), not page chrome.
      const chrome =
        (SKIP.has(name) && name !== 'head' && !(name === 'footer' && articleDepth > 0)) ||
        name === 'head' ||
        (name === 'header' && articleDepth === 0) ||
        (cls !== undefined && cls.chrome && name !== 'body' && name !== 'html');
      // Left out only because a browser would not show it (counted: parseArticle may read it after all).
      const hidden = !chrome && !keepHidden && name !== 'body' && name !== 'html' && (attribs.hidden !== undefined || (attribs.style !== undefined && HIDDEN_STYLE.test(attribs.style)));
      if (hidden) hiddenElements++;
      const skip = chrome || hidden;
      let heading = name.length === 2 && name.charCodeAt(0) === 104 ? HEADINGS.get(name) ?? 0 : 0;
      if (!heading && isBlock && cls?.title) heading = cls.sub ? 2 : 1;
      if (isBlock && skipDepth === 0) flush();
      let id = 0;
      if (isBlock) {
        id = ++frameIds;
        treeParent.push(parent.blockId);
        treeKids.push(0);
        treeKids[parent.blockId]!++;
      }
      const frame: Frame = {
        name,
        skip,
        link: name === 'a',
        isBlock,
        heading: heading || parent.heading,
        blockName: isBlock ? name : parent.blockName,
        blockId: isBlock ? id : parent.blockId,
        container: isBlock ? parent.blockId : parent.container,
      };
      stack.push(frame);
      if (name === 'article' || name === 'main') articleDepth++;
      if (frame.skip) skipDepth++;
      if (frame.link) linkDepth++;
    },
    text(text: string) {
      if (inTitle) {
        titleText += text;
        return;
      }
      if (inLinkedData) {
        if (linkedDataText.length <= LINKED_DATA_MAX_CHARS) linkedDataText += text;
        return;
      }
      if (skipDepth > 0) return;
      if (inAuthorLink) authorLinkText += text;
      if (!bufHasText && (isPlain(text.charCodeAt(0)) || NON_SPACE.test(text))) bufHasText = true;
      buf.push(text);
      if (linkDepth > 0) bufLink += text.trim().length;
    },
    close(name: string) {
      if (name === 'title' && inTitle) {
        inTitle = false;
        const t = foldLine(titleText);
        if (t) meta.title = t;
      }
      if (name === 'a' && inAuthorLink) {
        inAuthorLink = false;
        meta.authorLink = foldLine(authorLinkText);
      }
      if (name === 'script' && inLinkedData) {
        inLinkedData = false;
        const ld = readLinkedData(linkedDataText);
        linkedDataText = '';
        if (ld.headline) meta.headline ??= foldLine(ld.headline);
        if (ld.datePublished) meta.ldPublished ??= ld.datePublished;
      }
      if (VOID_SKIPPED.has(name)) return;
      if (overflow > 0) {
        overflow--;
        return;
      }
      const frame = stack[stack.length - 1];
      if (!frame) return;
      if (frame.isBlock && skipDepth === 0) flush();
      stack.pop();
      if (frame.name === 'article' || frame.name === 'main') articleDepth--;
      if (frame.skip) skipDepth--;
      if (frame.link) linkDepth--;
    },
  };
  try {
    tokenize(html, sink);
  } catch (err) {
    if (err instanceof Abort) return { ok: false, reason: err.message };
    return { ok: false, reason: `HTML could not be read: ${err instanceof Error ? err.message : String(err)}` };
  }
  flush();
  return { ok: true, value: { blocks, meta, tree: { parent: treeParent, kids: treeKids }, ...(hiddenElements > 0 ? { hiddenElements } : {}) } };
}

function readMeta(a: Attrs, meta: PageMeta): void {
  // Stryker disable next-line StringLiteral: a meta with no property, name or itemprop has no key; any other fallback string matches no case of the switch below, so nothing is read either way
  const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase();
  const content = a.content?.trim();
  if (!key || !content) return;
  switch (key) {
    case 'og:title':
    case 'twitter:title':
      meta.ogTitle ??= foldLine(content);
      break;
    case 'og:url':
      meta.ogUrl ??= content;
      break;
    case 'article:published_time':
    case 'datepublished':
    case 'pubdate':
    case 'publishdate':
    case 'publish_date':
    case 'publishtime':
    case 'date':
    case 'dc.date':
    case 'dc.date.issued':
    case 'sailthru.date':
    case 'og:published_time':
      meta.published ??= content;
      break;
    case 'author':
    case 'article:author':
      meta.author ??= foldLine(content);
      break;
  }
}

/** Plain text → blocks: blank lines separate paragraphs; single newlines are kept as lines. */
export function extractText(text: string): HtmlExtract {
  const blocks: Block[] = [];
  const push = (lines: string[]) => {
    const chars = lines.reduce((n, l) => n + l.length, 0);
    blocks.push({ lines, tag: 'text', heading: 0, linkChars: 0, chars, chrome: false, container: 0 });
  };
  for (const para of text.replace(/\r\n?/g, '\n').split(/\n[ \t\u3000\u00a0]*\n/)) {
    const lines = para.split('\n').map(foldLine).filter(Boolean);
    if (lines.length === 0) continue;
    // Files that put one paragraph per line (no blank lines) look like this: most lines end a
    // sentence. Hard-wrapped text mostly does not.
    const ends = lines.filter((l) => SENTENCE_END.test(l)).length;
    if (lines.length >= TEXT_LINE_PARAGRAPHS_MIN && ends >= Math.max(TEXT_LINE_ENDED_MIN, lines.length * TEXT_LINE_ENDED_SHARE)) for (const l of lines) push([l]);
    else push(lines);
  }
  return { blocks, meta: {} };
}

const SENTENCE_END = /[.!?。！？"”」』)）]$/;

/** Does this text look like HTML (rather than a plain-text article)? */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, HTML_SNIFF_CHARS);
  return /<(!doctype|html|head|body|p|div|br|meta|title|article|section|span|table|h[1-6])\b/i.test(head);
}
