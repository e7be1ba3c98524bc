/**
 * A one-pass HTML event reader for the parser: start tags (with the few attributes the
 * parser reads), text and end tags, in the order and with the implied closes of
 * htmlparser2's HTML mode (the reader duofeed used before; test/core/parse/tokenizer.test.ts
 * compares the two on generated markup), written for this job alone. Text runs are found
 * with indexOf instead of a per-character state machine, no attribute object is built for
 * attributes nobody reads, and the open-element stack grows at its end (htmlparser2
 * unshifts, O(depth) per tag).
 *
 * What it follows: raw text inside script/style/iframe/noembed/noframes/xmp, escapable raw
 * text (entities decoded) inside title/textarea, everything after <plaintext> as text;
 * comments (`-->`, `--!>`, the abrupt `<!-->`), bogus comments (`<!x>`, `<?x>`, `</ x>`),
 * doctype; HTML entities in text (legacy forms without `;` too) and attributes (attribute
 * rules); void elements; the implied closes of p, li, dd/dt, td/th/tr, headings, options;
 * `</p>` and `</br>` without an open element; a second <form> ignored; SVG/MathML, where
 * `/>` closes an element, script/style are ordinary elements and CDATA is text.
 *
 * Where it differs from htmlparser2 on purpose: input that ends inside a self-closing tag or
 * after an end tag's name yields nothing (htmlparser2 emits the input's last character), and
 * text comes in longer pieces (htmlparser2 also cuts at entities and stray '<').
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';

/**
 * The attributes the parser reads: class and id of every element; the others of <meta>,
 * <link>, <html>, <time> and <script> only (a script's type says whether it is linked data),
 * and rel of <a> as well (rel="author"). The first occurrence of each wins, as in browsers.
 */
export interface Attrs {
  class?: string | undefined;
  id?: string | undefined;
  rel?: string | undefined;
  href?: string | undefined;
  lang?: string | undefined;
  property?: string | undefined;
  name?: string | undefined;
  itemprop?: string | undefined;
  content?: string | undefined;
  datetime?: string | undefined;
  type?: string | undefined;
  /** Read on every tag: an element a browser would not show is no text of the page. */
  style?: string | undefined;
  hidden?: string | undefined;
}

/** One shape for every tag's attributes, so reading them stays monomorphic. */
class TagAttrs implements Attrs {
  class: string | undefined = undefined;
  id: string | undefined = undefined;
  rel: string | undefined = undefined;
  href: string | undefined = undefined;
  lang: string | undefined = undefined;
  property: string | undefined = undefined;
  name: string | undefined = undefined;
  itemprop: string | undefined = undefined;
  content: string | undefined = undefined;
  datetime: string | undefined = undefined;
  type: string | undefined = undefined;
  style: string | undefined = undefined;
  hidden: string | undefined = undefined;
}

export interface TagSink {
  /** False while text would be thrown away: the reader then skips cutting and decoding it. */
  wantsText?(): boolean;
  open(name: string, attrs: Attrs): void;
  /** Decoded text, in pieces (a run between two tags may arrive in several). */
  text(text: string): void;
  close(name: string): void;
}

const EMPTY: Attrs = Object.freeze(new TagAttrs());

const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const P = new Set(['p']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const TABLE_SECTIONS = new Set(['thead', 'tbody']);
const DDT = new Set(['dd', 'dt']);
const RTP = new Set(['rt', 'rp']);
/** Opening the key closes open elements named in the value while they are the current one. */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['p', P],
  ['h1', HEADINGS],
  ['h2', HEADINGS],
  ['h3', HEADINGS],
  ['h4', HEADINGS],
  ['h5', HEADINGS],
  ['h6', HEADINGS],
  ['select', FORM],
  ['input', FORM],
  ['output', FORM],
  ['button', FORM],
  ['datalist', FORM],
  ['textarea', FORM],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DDT],
  ['dt', DDT],
  ['rt', RTP],
  ['rp', RTP],
  ['tbody', TABLE_SECTIONS],
  ['tfoot', TABLE_SECTIONS],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (n) => [n, P] as [string, Set<string>],
  ),
]);

/** Raw text: no tags and no entities inside until the matching end tag. */
const RAW = new Set(['script', 'style', 'iframe', 'noembed', 'noframes', 'xmp']);
/** Escapable raw text: no tags, but entities are decoded. */
const RCDATA = new Set(['title', 'textarea']);

const SPECIAL_NAMES = [...RAW, ...RCDATA, 'plaintext'];

/** Is `prefix` (any case) a prefix of the lower-case ASCII `s`? */
function startsWithAsciiCi(s: string, prefix: string): boolean {
  if (prefix.length > s.length) return false;
  for (let k = 0; k < prefix.length; k++) if ((prefix.charCodeAt(k) | 0x20) !== s.charCodeAt(k)) return false;
  return true;
}

const enum Ctx {
  Html = 0,
  Svg = 1,
  MathMl = 2,
}
/** Elements that hold HTML again inside SVG or MathML (foreignObject only inside SVG). */
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'desc', 'title']);

const isWs = (c: number) => c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
/** Where a tag name ends: whitespace, '/' or '>'. */
const endsName = (c: number) => c === 47 || c === 62 || isWs(c);
const isAlpha = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** Text between tags: entities decoded, legacy forms without ';' too. */
// Stryker disable next-line StringLiteral: includes('') is always true, and decoding text with no '&' returns it unchanged
const decodeText = (raw: string): string => (raw.includes('&') ? decodeHTML(raw) : raw);
const asIs = (raw: string): string => raw;

/**
 * Entities in a title or textarea, decoded the way the end-tag search reads them: an '&'
 * right after the start of a possible end tag ("<", "</", "</ti"…) is taken literally.
 */
function decodeRcdata(raw: string, name: string): string {
  // Stryker disable next-line StringLiteral: a fast path; with includes('') the text goes on to the paths below, which return a text with no '&' unchanged
  if (!raw.includes('&')) return raw;
  // Stryker disable next-line StringLiteral: a fast path; with includes('') the walk below finds no '<', takes every '&' as an entity and decodes the whole text, as here
  if (!raw.includes('<')) return decodeHTML(raw);
  let out = '';
  let from = 0;
  // The last '<' before each '&', found by one forward walk (a search back from every '&'
  // made a title full of '&' quadratic).
  let lastLt = -1;
  let nextLt = raw.indexOf('<');
  for (let a = raw.indexOf('&'); a >= 0; a = raw.indexOf('&', a + 1)) {
    while (nextLt >= 0 && nextLt < a) {
      lastLt = nextLt;
      nextLt = raw.indexOf('<', nextLt + 1);
    }
    // Only "<", "</" and "</" + a proper prefix of the name are partial end tags.
    if (lastLt < 0 || a - lastLt > name.length + 1) continue;
    const partial = raw.slice(lastLt, a);
    const literal = partial === '<' || (partial.length >= 2 && partial.charCodeAt(1) === 47 && partial.length - 2 < name.length && startsWithAsciiCi(name, partial.slice(2)));
    if (!literal) continue;
    out += decodeHTML(raw.slice(from, a)) + '&';
    from = a + 1;
  }
  return out + decodeHTML(raw.slice(from));
}

/**
 * Tag names pages use, by a hash of their lower-cased characters: a name found here and
 * equal to html[from, to) (sameName) needs no new string, and its Set lookups below hit a
 * constant. Anything else is cut out and lower-cased.
 */
const KNOWN_NAMES = new Map<number, string>();
for (const name of [
  ...'html head body title meta link base script style noscript template div p span a br hr img image picture source'.split(' '),
  ...'ul ol li dl dt dd table caption colgroup col thead tbody tfoot tr td th h1 h2 h3 h4 h5 h6'.split(' '),
  ...'article section main nav header footer aside address blockquote figure figcaption pre code'.split(' '),
  ...'form input button select option optgroup textarea label fieldset legend datalist output'.split(' '),
  ...'iframe embed object param video audio track canvas map area svg math path g use defs symbol'.split(' '),
  ...'em strong b i u s q small big font center sup sub time abbr cite mark ins del tt nobr strike'.split(' '),
  ...'details summary dialog menu hgroup wbr xmp plaintext noembed noframes frame frameset rt rp ruby'.split(' '),
  ...'foreignobject desc mi mo mn ms mtext var kbd samp bdi bdo data meter progress slot'.split(' '),
]) {
  let h = 0;
  for (let k = 0; k < name.length; k++) h = (Math.imul(h, 31) + name.charCodeAt(k)) | 0;
  if (!KNOWN_NAMES.has(h)) KNOWN_NAMES.set(h, name);
}

function knownName(html: string, from: number, to: number, h: number): string | undefined {
  const name = KNOWN_NAMES.get(h);
  return name !== undefined && sameName(html, from, to, name) ? name : undefined;
}

/**
 * Is html[from, to) the (lower-case) name, ignoring ASCII case? Letters compare without
 * case, anything else exactly, so a match is a match of the name lower-cased.
 */
function sameName(html: string, from: number, to: number, name: string): boolean {
  // Stryker disable next-line ArithmeticOperator: to + from almost never equals the length, which only answers false (the slow path then names the same element); where it does, the name is longer than html[from, to) and would have to match across html[to], a name-ending character no name holds
  if (to - from !== name.length) return false;
  for (let k = 0; k < name.length; k++) {
    const t = name.charCodeAt(k);
    // Stryker disable next-line ArithmeticOperator: from - k reads '<' or '/' before the name, which no stacked or known name holds past its first letter, so it only fails the in-place match and the slow path (slice, toLowerCase) names the same element
    const c = html.charCodeAt(from + k);
    if (c !== t && !(t >= 97 && t <= 122 && (c | 0x20) === t)) return false;
  }
  return true;
}

/** Index of the first end tag `</name` (ASCII case-insensitive) followed by a name end, or -1. */
function findEndTag(html: string, name: string, from: number): number {
  const n = html.length;
  const len = name.length;
  for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 1)) {
    let k = 0;
    while (k < len && at + 2 + k < n && (html.charCodeAt(at + 2 + k) | 0x20) === name.charCodeAt(k)) k++;
    if (k === len && at + 2 + len < n && endsName(html.charCodeAt(at + 2 + len))) return at;
  }
  return -1;
}

/**
 * Where a comment opened by `<!--` ends: the index just past its closing `>`, or -1 when it
 * runs to the end. `start` is the first character after `<!--`.
 */
function commentEnd(html: string, start: number): number {
  if (html.charCodeAt(start) === 62) return start + 1; // <!-->
  if (html.charCodeAt(start) === 45 && html.charCodeAt(start + 1) === 62) return start + 2; // <!--->
  for (let at = html.indexOf('--', start); at >= 0; at = html.indexOf('--', at + 1)) {
    let k = at + 2;
    while (html.charCodeAt(k) === 45) k++; // ---> and longer runs
    const c = html.charCodeAt(k);
    if (c === 62) return k + 1;
    if (c === 33 && html.charCodeAt(k + 1) === 62) return k + 2; // --!>
    // Every '--' inside this run of dashes ends where it did: go on after the run.
    at = k - 1;
  }
  return -1;
}

/** Index just past the next '>' at or after `from`, or the end of the input. */
function pastGt(html: string, from: number): number {
  const gt = html.indexOf('>', from);
  return gt < 0 ? html.length : gt + 1;
}

export function tokenize(html: string, sink: TagSink): void {
  const n = html.length;
  /** Open elements, innermost last. */
  const stack: string[] = [];
  /** How many of each name are open: an end tag for a name not open costs no stack search. */
  const openCount = new Map<string, number>();
  const ctx: Ctx[] = [Ctx.Html];
  let formOpen = 0;

  const pop = () => {
    const name = stack.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
    if (name === 'svg' || name === 'math' || name === 'foreignObject' || INTEGRATION.has(name)) ctx.pop();
    if (name === 'form') formOpen--;
    sink.close(name);
  };

  /**
   * The start of an element: implied closes, then onto the stack (void elements stay off).
   * Returns the name as stacked (SVG spells foreignObject in camel case, and only that one
   * holds HTML again), or undefined for a start tag that is ignored.
   */
  const begin = (lower: string): string | undefined => {
    if (lower === 'form' && formOpen > 0) return undefined;
    const name = lower === 'foreignobject' && ctx[ctx.length - 1] === Ctx.Svg ? 'foreignObject' : lower;
    const closes = IMPLIES_CLOSE.get(name);
    if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1]!)) pop();
    if (!VOID.has(name)) {
      stack.push(name);
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
      if (name === 'form') formOpen++;
      if (name === 'svg') ctx.push(Ctx.Svg);
      else if (name === 'math') ctx.push(Ctx.MathMl);
      else if (name === 'foreignObject' || INTEGRATION.has(name)) ctx.push(Ctx.Html);
    }
    return name;
  };

  /** html[from, to) as text, decoded as its context says (raw text stays as it is). */
  const textRun = (from: number, to: number, decode: (raw: string) => string = decodeText) => {
    if (to <= from || (sink.wantsText !== undefined && !sink.wantsText())) return;
    sink.text(decode(html.slice(from, to)));
  };

  let i = 0;
  let textStart = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    // Stryker disable next-line ArithmeticOperator: lt - 1 >= n never holds; a '<' as the last character then reads NaN after it, which no branch below takes, so the loop ends with the same text run and finish()
    if (lt < 0 || lt + 1 >= n) {
      // No more markup; a final lone '<' is text.
      textRun(textStart, n);
      return finish();
    }
    const c = html.charCodeAt(lt + 1);
    if (isAlpha(c)) {
      textRun(textStart, lt);
      i = startTag(lt + 1);
      textStart = i;
      continue;
    }
    if (c === 47) {
      // '</'
      const d = lt + 2 < n ? html.charCodeAt(lt + 2) : -1;
      if (d === -1) {
        // '</' at the very end is text.
        textRun(textStart, n);
        return finish();
      }
      textRun(textStart, lt);
      if (isAlpha(d)) {
        let k = lt + 2;
        let h = 0;
        // Stryker disable next-line ArithmeticOperator: the hash only finds a known name to reuse; another hash misses or hits a name sameName rejects, and the slice lower-cased names the same element
        for (let c: number; k < n && !endsName((c = html.charCodeAt(k))); k++) h = (Math.imul(h, 31) + (c | 0x20)) | 0;
        if (k >= n) return finish(); // an unfinished end tag is dropped
        // Most end tags close the current element: compare in place before making a string.
        // Stryker disable next-line StringLiteral: with nothing open any name that matches no element name works (sameName of a real end tag against it is false, as for '')
        const top = stack.length > 0 ? stack[stack.length - 1]! : '';
        if (top !== 'image' && top !== 'foreignobject' && sameName(html, lt + 2, k, top)) pop();
        else endTag(knownName(html, lt + 2, k, h) ?? html.slice(lt + 2, k).toLowerCase());
        i = pastGt(html, k);
      } else if (d === 62) i = lt + 3; // '</>' is nothing
      else i = pastGt(html, lt + 3); // '</ x>' and friends: a bogus comment
      textStart = i;
      continue;
    }
    if (c === 33) {
      // '<!': comment, doctype, CDATA (a comment in HTML) or a bogus comment.
      textRun(textStart, lt);
      const s = lt + 2;
      if (html.startsWith('--', s)) {
        const e = commentEnd(html, s + 2);
        i = e < 0 ? n : e;
      } else if (html.startsWith('[CDATA[', s)) {
        // A comment in HTML; text (not decoded) inside SVG/MathML once it is closed.
        const e = html.indexOf(']]>', s + 7);
        if (e >= 0 && ctx[ctx.length - 1] !== Ctx.Html) sink.text(html.slice(s + 7, e));
        i = e < 0 ? n : e + 3;
      } else if (html.charCodeAt(s) === 45 && html.charCodeAt(s + 1) === 62) i = s + 2; // '<!->'
      else i = pastGt(html, s);
      textStart = i;
      continue;
    }
    if (c === 63) {
      // '<?': a bogus comment up to the next '>'.
      textRun(textStart, lt);
      i = pastGt(html, lt + 2);
      textStart = i;
      continue;
    }
    // '<' followed by anything else is text; keep scanning after it.
    i = lt + 1;
  }
  textRun(textStart, n);
  finish();

  function finish(): void {
    while (stack.length > 0) {
      // htmlparser2 closes what is still open innermost first, without touching contexts.
      sink.close(stack.pop()!);
    }
  }

  function endTag(raw: string): void {
    let name = raw === 'image' && ctx[ctx.length - 1] === Ctx.Html ? 'img' : raw;
    if (name === 'foreignobject' && (ctx[ctx.length - 1] === Ctx.Svg || (ctx.length > 1 && (openCount.get('foreignObject') ?? 0) > 0))) name = 'foreignObject';
    if (VOID.has(name)) {
      if (name === 'br') {
        sink.open('br', EMPTY);
        sink.close('br');
      }
      return;
    }
    const at = openCount.get(name) ? stack.lastIndexOf(name) : -1;
    if (at >= 0) {
      while (stack.length > at) pop();
    } else if (name === 'p') {
      // An end tag with no open element: an empty paragraph, opened and closed.
      begin('p');
      sink.open('p', EMPTY);
      pop();
    }
  }

  /** A start tag from its name's first character; returns the index after it. */
  function startTag(from: number): number {
    let k = from;
    let h = 0;
    // Stryker disable next-line ArithmeticOperator: the hash only finds a known name to reuse; another hash misses or hits a name sameName rejects, and the slice lower-cased names the same element
    for (let c: number; k < n && !endsName((c = html.charCodeAt(k))); k++) h = (Math.imul(h, 31) + (c | 0x20)) | 0;
    if (k >= n) {
      // A name running to the end of the input is no tag. One that could still become a
      // raw-text tag's name ("<scri" in a truncated page) comes out as text, without its '<'.
      const partial = html.slice(from, n);
      if (ctx[ctx.length - 1] === Ctx.Html && SPECIAL_NAMES.some((s) => startsWithAsciiCi(s, partial))) sink.text(partial);
      return n;
    }
    // Raw text is recognized only outside SVG/MathML, as of the tag's start.
    const foreignAtStart = ctx[ctx.length - 1] !== Ctx.Html;
    // From here on the element counts as open (closed at the end of input at the latest),
    // even if its '>' never comes; only the start event waits for the '>'.
    const name = begin(lowerName(knownName(html, from, k, h) ?? html.slice(from, k).toLowerCase()));
    const kept = name !== undefined;
    // Every tag's class and id; the rest only where the parser reads them.
    const allAttrs = name === 'meta' || name === 'link' || name === 'html' || name === 'time' || name === 'script';
    // A link's rel (rel="author" names the article's author).
    const relToo = allAttrs || name === 'a';
    let attrs: Attrs = EMPTY;
    let selfClosing = false;
    // Attributes, up to the tag's '>'.
    let p = k;
    for (;;) {
      while (p < n && isWs(html.charCodeAt(p))) p++;
      if (p >= n) return n; // unfinished tag: dropped
      let c = html.charCodeAt(p);
      if (c === 62) {
        p++;
        break;
      }
      if (c === 47) {
        // '/' then '>' makes a self-closing tag; '/' before anything else is ignored.
        p++;
        while (p < n && isWs(html.charCodeAt(p))) p++;
        if (p < n && html.charCodeAt(p) === 62) {
          selfClosing = true;
          p++;
          break;
        }
        continue;
      }
      // An attribute name: up to '=', whitespace, '/' or '>' (its first character may be '=').
      const ns = p;
      p++;
      while (p < n && (c = html.charCodeAt(p)) !== 61 && !endsName(c)) p++;
      const ne = p;
      while (p < n && isWs(html.charCodeAt(p))) p++;
      if (p < n && html.charCodeAt(p) === 61) {
        p++;
        while (p < n && isWs(html.charCodeAt(p))) p++;
        if (p >= n) return n;
        const q = html.charCodeAt(p);
        let vs: number;
        let ve: number;
        if (q === 34 || q === 39) {
          vs = p + 1;
          ve = html.indexOf(q === 34 ? '"' : "'", vs);
          if (ve < 0) return n;
          p = ve + 1;
        } else {
          vs = p;
          while (p < n && (c = html.charCodeAt(p)) !== 62 && !isWs(c)) p++;
          ve = p;
        }
        if (kept && maybeKept(html, ns, ne, allAttrs, relToo)) {
          if (attrs === EMPTY) attrs = new TagAttrs();
          const raw = html.slice(vs, ve);
          // Stryker disable next-line StringLiteral: includes('') is always true, and decoding a value with no '&' returns it unchanged
          setAttr(attrs, html.slice(ns, ne).toLowerCase(), raw.includes('&') ? decodeHTMLAttribute(raw) : raw);
        }
        continue;
      }
      // A name without a value.
      if (kept && maybeKept(html, ns, ne, allAttrs, relToo)) {
        if (attrs === EMPTY) attrs = new TagAttrs();
        setAttr(attrs, html.slice(ns, ne).toLowerCase(), '');
      }
    }
    if (!kept) return p;
    sink.open(name, attrs);
    if (VOID.has(name)) {
      sink.close(name);
      return p;
    }
    // '/>' closes the element only inside SVG/MathML (as of the tag's end: <svg/> is one).
    if (selfClosing && ctx[ctx.length - 1] !== Ctx.Html) {
      if (stack[stack.length - 1] === name) pop();
      return p;
    }
    if (foreignAtStart) return p;
    if (RAW.has(name) || RCDATA.has(name)) {
      const end = findEndTag(html, name, p);
      const stop = end < 0 ? n : end;
      textRun(p, stop, RCDATA.has(name) ? (raw) => decodeRcdata(raw, name) : asIs);
      if (end < 0) return n;
      endTag(name);
      return pastGt(html, end + 2 + name.length);
    }
    if (name === 'plaintext') {
      textRun(p, n, asIs);
      return n;
    }
    return p;
  }

  function lowerName(name: string): string {
    return name === 'image' && ctx[ctx.length - 1] === Ctx.Html ? 'img' : name;
  }
}

/**
 * Could html[ns, ne) name an attribute the parser reads? By length and first letter, before
 * any string is made: class, id, style and hidden on every tag; rel, href, lang, type, property, name, itemprop,
 * content and datetime (read on <meta>, <link>, <html>, <time> and <script> only) when `all`; rel also on <a> (`rel`). (Lower-casing never makes
 * a name shorter, nor turns a non-ASCII first letter into one of these.)
 */
function maybeKept(html: string, ns: number, ne: number, all: boolean, rel: boolean): boolean {
  const c = html.charCodeAt(ns) | 0x20;
  switch (ne - ns) {
    case 2:
      return c === 0x69; // id
    case 3:
      return rel && c === 0x72; // rel (also on <a>)
    case 4:
      return all && (c === 0x68 || c === 0x6c || c === 0x6e || c === 0x74); // href, lang, name, type
    case 5:
      return c === 0x63 || c === 0x73; // class, style
    case 6:
      return c === 0x68; // hidden
    case 7:
      return all && c === 0x63; // content
    case 8:
      return all && (c === 0x70 || c === 0x69 || c === 0x64); // property, itemprop, datetime
    default:
      return false;
  }
}

/** Keep the first value of each attribute the parser reads. */
function setAttr(a: Attrs, name: string, value: string): void {
  switch (name) {
    case 'class':
      a.class ??= value;
      break;
    case 'id':
      a.id ??= value;
      break;
    case 'rel':
      a.rel ??= value;
      break;
    case 'href':
      a.href ??= value;
      break;
    case 'lang':
      a.lang ??= value;
      break;
    case 'property':
      a.property ??= value;
      break;
    case 'name':
      a.name ??= value;
      break;
    case 'itemprop':
      a.itemprop ??= value;
      break;
    case 'content':
      a.content ??= value;
      break;
    case 'datetime':
      a.datetime ??= value;
      break;
    case 'type':
      a.type ??= value;
      break;
    case 'style':
      a.style ??= value;
      break;
    case 'hidden':
      a.hidden ??= value;
      break;
  }
}
