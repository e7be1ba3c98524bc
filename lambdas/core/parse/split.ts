/**
 * Blocks → paragraph units of one language each. Bilingual sites often put a paragraph and
 * its translation in one <p>, separated by <br>, a raw line break or nothing at all; this
 * stage splits those where the script changes and joins hard-wrapped lines of one language.
 */
import {
  HAN_VOTE,
  HEADING_SPLIT_HAN_MIN,
  HEADING_SPLIT_LATIN_MIN,
  HEADING_SPLIT_WORDS_MIN,
  SPLIT_HAN_MIN,
  SPLIT_INTERLEAVED_MAX,
  SPLIT_LATIN_MIN,
  SPLIT_SENTENCE_LOOK_BACK,
  SPLIT_TAIL_ZH_MARGIN,
  SPLIT_UNENDED_HAN_MIN,
  SPLIT_UNENDED_TAIL_WORDS_MIN,
  SPLIT_UNENDED_WORDS_MIN,
  SPLIT_WORDS_MIN,
} from './heuristics.js';
import type { Block } from './html.js';
import { countScripts, detectLang, langOf, scanScripts, type LangOrOther, type ScriptCounts } from './lang.js';

export interface Unit {
  text: string;
  lang: LangOrOther;
  /** Index of the block the unit came from. */
  block: number;
  heading: number;
  tag: string;
  /** Link characters / characters of the whole block. */
  linkDensity: number;
  container: number;
  /** Script counts of text, computed once. */
  counts: ScriptCounts;
  /** Verdicts the content stage computes once and caches here (undefined until asked). */
  chrome: boolean | undefined;
  meta: MetaLineCache | undefined;
}

/** A parsed label line, or null for "not one" (kept opaque here to avoid a cycle). */
export type MetaLineCache = object | null;

/** Raw line breaks inside HTML text arrive as this marker (a <br> is '\n'). */
export const SOFT_BREAK = '\r';

/** Join two pieces of one paragraph: a space between Latin, nothing between Han. */
export function joinPieces(a: string, b: string, hardWrap = true): string {
  if (!a) return b;
  if (!b) return a;
  if (!hardWrap) return `${a} ${b}`;
  const last = a.charCodeAt(a.length - 1);
  const first = b.charCodeAt(0);
  return last >= 0x2e80 && first >= 0x2e80 ? a + b : `${a} ${b}`;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Split one line where English turns into Chinese (or back) with no break between them.
 * Conservative: both parts must be substantial and the cut must fall between sentences.
 */
export function splitByScript(line: string, heading = false, all: ScriptCounts = countScripts(line)): string[] {
  // headingCut wants that many on its two sides, so the whole line needs as many (one Latin
  // letter less: in the whole line's count a lone CJK-extension high surrogate right before
  // the Latin side swallows its first letter).
  if (heading && all.latin >= HEADING_SPLIT_LATIN_MIN - 1 && all.han >= HEADING_SPLIT_HAN_MIN) {
    // A headline in both languages ("Navy drill ends 海军演习结束"): cut where the script changes.
    const cut = headingCut(line);
    if (cut) return cut;
  }
  // Both halves need a dozen Latin letters and a few Han: most lines fail this at once.
  // Stryker disable next-line LogicalOperator: a fast path; each cut below counts its own parts again (Latin ≥ SPLIT_LATIN_MIN on one side, Han ≥ SPLIT_HAN_MIN on the other), and a part never counts more than the whole line
  if (all.latin < SPLIT_LATIN_MIN || all.han < SPLIT_HAN_MIN) return [line];
  const h = line.search(HAN);
  if (h < 0) return [line];
  // English first: a Latin prefix of at least three words, then Chinese to the end. (The
  // prefix is cut from the text before the first Han character: without a dozen Latin
  // letters there, it cannot have them.)
  // Stryker disable next-line LogicalOperator,MethodExpression: a fast path; the head cut below lies within line.slice(0, h) and must itself hold SPLIT_LATIN_MIN Latin letters
  if (h >= SPLIT_LATIN_MIN && countScripts(line.slice(0, h)).latin >= SPLIT_LATIN_MIN) {
    let cut = h;
    // Opening brackets, quotes and digits glued to the first Han character belong to it
    // ("“中国", "2025年"); a quote after a space closes the English sentence instead.
    while (cut > 0 && /[“‘（(《【「0-9]/.test(line[cut - 1]!)) cut--;
    if (cut > 1 && /["']/.test(line[cut - 1]!) && /\s/.test(line[cut - 2]!)) cut--;
    // Chinese often opens with a Latin name ("Sims 时年 20 岁"): cut at the last English
    // sentence end shortly before the first Han character instead.
    if (!/[.!?"'”’)\]:：;]\s*$/.test(line.slice(0, cut))) {
      const from = Math.max(0, cut - SPLIT_SENTENCE_LOOK_BACK);
      const ends = [...line.slice(from, cut).matchAll(/[.!?]["”’']?\s+|["”’]\s+/g)];
      const last = ends[ends.length - 1];
      if (last) cut = from + last.index + last[0].length;
    }
    const sep = /[\s|｜/／\-–—]+$/.exec(line.slice(0, cut));
    const ended = /[.!?"'”’)\]:：;]$/.test(line.slice(0, cut).trim()) || (sep !== null && /[|｜/／\-–—]/.test(sep[0]));
    const head = line.slice(0, cut).replace(/[\s|｜/／\-–—]+$/, '').trim();
    const tail = line.slice(cut).trim();
    const hs = countScripts(head);
    const ts = countScripts(tail);
    const words = head.split(/\s+/).length;
    if (
      hs.han === 0 &&
      hs.latin >= SPLIT_LATIN_MIN &&
      words >= SPLIT_WORDS_MIN &&
      (ended || (words >= SPLIT_UNENDED_WORDS_MIN && ts.han >= SPLIT_UNENDED_HAN_MIN)) &&
      ts.han >= SPLIT_HAN_MIN &&
      ts.han * HAN_VOTE >= ts.latin * SPLIT_TAIL_ZH_MARGIN
    ) {
      return [head, ...splitByScript(tail)];
    }
  }
  // Chinese first, then English, then Chinese again (sentence after sentence in one
  // paragraph): cut after the first Chinese sentence that a whole English sentence follows.
  const mid = line.length <= SPLIT_INTERLEAVED_MAX ? zhThenEnglish(line) : -1;
  // (What comes before the cut may itself be English then Chinese: the English-first cut above
  // refuses a tail that still holds much English.)
  if (mid >= 0) return [...splitByScript(line.slice(0, mid).trim()), ...splitByScript(line.slice(mid).trim())];
  // Chinese first: a Latin-only tail after the last Han character (and its closing punctuation).
  const at = afterLastHan(line);
  if (at >= 0) {
    const tail = line.slice(at).replace(/^[\s|｜/／\-–—]+/, '').trim();
    // A dozen Latin letters need a dozen characters.
    if (tail.length >= SPLIT_LATIN_MIN && /^[A-Z“"‘'(0-9]/.test(tail)) {
      const head = line.slice(0, at).trim();
      const sentenceEnd = /[。！？”」』）)]$/.test(head) || /^[\s]*[|｜/／\-–—]/.test(line.slice(at));
      const tailWords = tail.split(/\s+/).length;
      if (countScripts(tail).latin >= SPLIT_LATIN_MIN && countScripts(head).han >= SPLIT_HAN_MIN && tailWords >= (sentenceEnd ? SPLIT_WORDS_MIN : SPLIT_UNENDED_TAIL_WORDS_MIN)) return [head, tail];
    }
  }
  return [line];
}

/** A Chinese sentence's end, and the space after it. */
const ZH_SENTENCE_END = /[。！？][”」』）)]?\s*/g;

/**
 * Where a line of Chinese, English and Chinese again may be cut: after a Chinese sentence
 * (SPLIT_HAN_MIN Han or more before it) that an English sentence follows — SPLIT_LATIN_MIN
 * Latin letters, SPLIT_WORDS_MIN words, no Han, ending like a sentence — with Han after it,
 * or at the line's end when English came before as well. -1 where there is no such place (a
 * Latin-only tail after Chinese alone is afterLastHan's).
 */
function zhThenEnglish(line: string): number {
  ZH_SENTENCE_END.lastIndex = 0;
  for (let m = ZH_SENTENCE_END.exec(line); m; m = ZH_SENTENCE_END.exec(line)) {
    const cut = m.index + m[0].length;
    // Stryker disable next-line StringLiteral: at the line's end the English run is empty, and an empty run fails the sentence test below
    if (!/[A-Z"“‘']/.test(line[cut] ?? '')) continue;
    const rest = line.slice(cut);
    const h = rest.search(HAN);
    // English to the end: a cut only where Chinese and English came before it (else the
    // Latin tail is afterLastHan's).
    // Stryker disable next-line ConditionalExpression,EqualityOperator,MethodExpression: a shortcut; afterLastHan accepts every Chinese-then-English line this cut would, and cuts it in the same place
    if (h < 0 && countScripts(line.slice(0, cut)).latin < SPLIT_LATIN_MIN) return -1;
    // Stryker disable next-line EqualityOperator: rest starts with a Latin letter or quote, so h is never 0
    const en = (h < 0 ? rest : rest.slice(0, h)).trim();
    if (!/[.!?]["'”’]?$/.test(en) || en.split(/\s+/).length < SPLIT_WORDS_MIN || countScripts(en).latin < SPLIT_LATIN_MIN) continue;
    if (countScripts(line.slice(0, cut)).han < SPLIT_HAN_MIN) continue;
    return cut;
  }
  return -1;
}

const CLOSING = '。！？”」』）)》．.!?';

/**
 * Where the Chinese part of a line ends: after its last Han character (U+3400–U+9FFF) and the
 * closing punctuation right after it; -1 without one. (The leftmost Han character followed by
 * no other Han is the last one, and the punctuation holds none, so this is where the pattern
 * /[\u3400-\u9fff][。！？”」』）)》．.!?]*(?=[^\u3400-\u9fff]*$)/ ends its match.)
 */
export function afterLastHan(line: string): number {
  let p = line.length - 1;
  while (p >= 0) {
    const c = line.charCodeAt(p);
    if (c >= 0x3400 && c <= 0x9fff) break;
    p--;
  }
  if (p < 0) return -1;
  let at = p + 1;
  while (at < line.length && CLOSING.includes(line[at]!)) at++;
  return at;
}

/** Cut a two-language headline at the one place its script changes, if there is exactly one. */
function headingCut(line: string): string[] | undefined {
  const m = /^([^\u3400-\u9fff]*[A-Za-z][^\u3400-\u9fff]*?)[\s|｜/／\-–—:：]*([“"《「(（]?[\u3400-\u9fff][^A-Za-z]*)$/.exec(line) ?? /^([^A-Za-z]*[\u3400-\u9fff][^A-Za-z]*?)[\s|｜/／\-–—:：]*([A-Z"'“‘(][^\u3400-\u9fff]*)$/.exec(line);
  if (!m) return undefined;
  const a = m[1]!.trim();
  const b = m[2]!.trim();
  // Chinese headlines often open with a Latin name ("Wayde Sims 枪击案…"): the Latin side must
  // read like an English headline (three words or more) and the Chinese side like Chinese.
  const [latin, han] = /[\u3400-\u9fff]/.test(a) ? [b, a] : [a, b];
  if (latin.split(/\s+/).length < HEADING_SPLIT_WORDS_MIN || countScripts(latin).latin < HEADING_SPLIT_LATIN_MIN || countScripts(han).han < HEADING_SPLIT_HAN_MIN) return undefined;
  return [a, b];
}

/** Turn blocks into one-language units, in page order. */
export function splitBlocks(blocks: Block[], plainText: boolean): Unit[] {
  const units: Unit[] = [];
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    const linkDensity = b.chars ? b.linkChars / b.chars : 0;
    // A blank line (or a <br><br>) always ends a paragraph; so does a <br> in HTML. In plain
    // text single newlines are hard wraps unless the language changes across them.
    const lines = b.lines;
    if (plainText) {
      let from = -1;
      for (let k = 0; k <= lines.length; k++) {
        if (k === lines.length || lines[k] === '') {
          if (from >= 0) {
            // Stryker disable next-line ArithmeticOperator: k + from is 1 only for the same first one-line paragraph, and for a later one paragraph([line]) gives what oneLine gives in plain text (oneLine is its fast path)
            if (k - from === 1) oneLine(units, lines[from]!, b, bi, linkDensity, true);
            else paragraph(units, lines.slice(from, k), b, bi, linkDensity, true);
          }
          from = -1;
        } else if (from < 0) from = k;
      }
    } else {
      for (const line of lines) if (line !== '') oneLine(units, line, b, bi, linkDensity, false);
    }
  }
  return units;
}

function unit(text: string, lang: LangOrOther, b: Block, bi: number, linkDensity: number, counts: ScriptCounts): Unit {
  return { text, lang, block: bi, heading: b.heading, tag: b.tag, linkDensity, container: b.container, counts, chrome: undefined, meta: undefined };
}

/**
 * A paragraph of one non-empty line (the common case): counted once, usually kept whole. In
 * HTML a raw line break inside it cuts it into lines of one paragraph (counting tells when
 * the line may hold one).
 */
function oneLine(units: Unit[], line: string, b: Block, bi: number, linkDensity: number, plainText: boolean): void {
  const counts = scanScripts(line);
  if (!plainText && !counts.plain && line.includes(SOFT_BREAK)) return paragraph(units, line.split(SOFT_BREAK), b, bi, linkDensity, false);
  const pieces = splitByScript(line, b.heading > 0, counts);
  // Stryker disable next-line LogicalOperator: splitByScript returns [line] or two pieces or more, none of them the whole line, so either test alone decides
  if (pieces.length === 1 && pieces[0] === line) units.push(unit(line, langOf(counts, counts.punct), b, bi, linkDensity, counts));
  else paragraph(units, [line], b, bi, linkDensity, plainText);
}

/**
 * Split a paragraph's lines by script and join the pieces into units, cutting where the
 * language changes. Counts of a joined text are the sums of its pieces' counts (a joining
 * space counts nothing), unless a piece may hold a CJK-extension surrogate (not `plain`):
 * then the joined text is counted again.
 */
function paragraph(units: Unit[], raw: string[], b: Block, bi: number, linkDensity: number, plainText: boolean): void {
  const heading = b.heading > 0;
  let text = '';
  // The counts of text while it is a single piece.
  let counts: ScriptCounts | undefined;
  let lang: LangOrOther = 'other';
  let han = 0;
  let latin = 0;
  let digits = 0;
  let punct = 0;
  let additive = true;
  for (const x of raw) {
    const xc = scanScripts(x);
    const pieces = splitByScript(x, heading, xc);
    for (const piece of pieces) {
      const pc = piece === x ? xc : scanScripts(piece);
      const l = langOf(pc, pc.punct);
      if (text && l !== 'other' && lang !== 'other' && l !== lang) {
        units.push(joined(text, lang, counts, han, latin, digits, punct, additive, b, bi, linkDensity));
        text = '';
        lang = 'other';
        counts = undefined;
        han = latin = digits = punct = 0;
        // Stryker disable next-line BooleanLiteral: with false the next joined text is counted again (countScripts, detectLang) instead of summed; for pieces without a CJK-extension surrogate both give the same counts, punctuation and language
        additive = true;
      }
      counts = text ? undefined : pc;
      text = joinPieces(text, piece, plainText);
      han += pc.han;
      latin += pc.latin;
      digits += pc.digits;
      punct += pc.punct;
      if (!pc.plain) additive = false;
      if (lang === 'other') lang = l;
    }
  }
  if (text) units.push(joined(text, lang, counts, han, latin, digits, punct, additive, b, bi, linkDensity));
}

function joined(text: string, lang: LangOrOther, counts: ScriptCounts | undefined, han: number, latin: number, digits: number, punct: number, additive: boolean, b: Block, bi: number, linkDensity: number): Unit {
  if (counts) return unit(text, lang, b, bi, linkDensity, counts);
  if (additive) {
    const c = { han, latin, digits };
    return unit(text, langOf(c, punct), b, bi, linkDensity, c);
  }
  const c = countScripts(text);
  return unit(text, detectLang(text, c), b, bi, linkDensity, c);
}
