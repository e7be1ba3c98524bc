/**
 * Blocks → paragraph units of one language each. Bilingual sites often put a paragraph and
 * its translation in one <p>, separated by <br>, a raw line break or nothing at all; this
 * stage splits those where the script changes and joins hard-wrapped lines of one language.
 */
import type { Block } from './html.js';
import { countScripts, detectLang, type LangOrOther, type ScriptCounts } from './lang.js';

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
  // Both halves need a dozen Latin letters and a few Han: most lines fail this at once.
  if (heading && all.latin >= 4 && all.han >= 2) {
    // A headline in both languages ("Navy drill ends 海军演习结束"): cut where the script changes.
    const cut = headingCut(line);
    if (cut) return cut;
  }
  if (all.latin < 12 || all.han < 4) return [line];
  const h = line.search(HAN);
  if (h < 0) return [line];
  // English first: a Latin prefix of at least three words, then Chinese to the end.
  if (h > 0) {
    let cut = h;
    // Opening brackets, quotes and digits glued to the first Han character belong to it
    // ("“中国", "2025年"); a quote after a space closes the English sentence instead.
    while (cut > 0 && /[“‘（(《【「0-9]/.test(line[cut - 1]!)) cut--;
    if (cut > 1 && /["']/.test(line[cut - 1]!) && /\s/.test(line[cut - 2]!)) cut--;
    // Chinese often opens with a Latin name ("Sims 时年 20 岁"): cut at the last English
    // sentence end shortly before the first Han character instead.
    if (!/[.!?"'”’)\]:：;]\s*$/.test(line.slice(0, cut))) {
      const window = line.slice(Math.max(0, cut - 60), cut);
      const ends = [...window.matchAll(/[.!?]["”’']?\s+|["”’]\s+/g)];
      const last = ends[ends.length - 1];
      if (last) cut = Math.max(0, cut - 60) + last.index + last[0].length;
    }
    const sep = /[\s|｜/／\-–—]+$/.exec(line.slice(0, cut));
    const ended = /[.!?"'”’)\]:：;]$/.test(line.slice(0, cut).trim()) || (sep !== null && /[|｜/／\-–—]/.test(sep[0]));
    const head = line.slice(0, cut).replace(/[\s|｜/／\-–—]+$/, '').trim();
    const tail = line.slice(cut).trim();
    const hs = countScripts(head);
    const ts = countScripts(tail);
    const words = head.split(/\s+/).length;
    if (hs.han === 0 && hs.latin >= 12 && words >= 3 && (ended || (words >= 6 && ts.han >= 10)) && ts.han >= 4 && ts.han * 2.9 >= ts.latin * 2) {
      return [head, ...splitByScript(tail)];
    }
  }
  // Chinese first: a Latin-only tail after the last Han character (and its closing punctuation).
  const m = /[\u3400-\u9fff][。！？”」』）)》．.!?]*(?=[^\u3400-\u9fff]*$)/.exec(line);
  if (m) {
    const at = m.index + m[0].length;
    const head = line.slice(0, at).trim();
    const tail = line.slice(at).replace(/^[\s|｜/／\-–—]+/, '').trim();
    const sentenceEnd = /[。！？”」』）)]$/.test(head) || /^[\s]*[|｜/／\-–—]/.test(line.slice(at));
    const tailWords = tail.split(/\s+/).length;
    const ts = countScripts(tail);
    const hs = countScripts(head);
    if (/^[A-Z“"‘'(0-9]/.test(tail) && ts.latin >= 12 && hs.han >= 4 && tailWords >= (sentenceEnd ? 3 : 5)) return [head, tail];
  }
  return [line];
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
  if (latin.split(/\s+/).length < 3 || countScripts(latin).latin < 10 || countScripts(han).han < 4) return undefined;
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
    const paragraphs: string[][] = [];
    let cur: string[] = [];
    for (const line of b.lines) {
      if (line === '') {
        if (cur.length) paragraphs.push(cur);
        cur = [];
      } else if (plainText) cur.push(line);
      else {
        if (cur.length) paragraphs.push(cur);
        cur = line.includes(SOFT_BREAK) ? line.split(SOFT_BREAK) : [line];
      }
    }
    if (cur.length) paragraphs.push(cur);
    for (const raw of paragraphs) {
      const heading = b.heading > 0;
      // The common case, one line that stays whole, counts its characters once.
      const firstCounts = raw.length === 1 ? countScripts(raw[0]!) : undefined;
      const pieces = raw.length === 1 ? splitByScript(raw[0]!, heading, firstCounts) : raw.flatMap((x) => splitByScript(x, heading));
      let text = '';
      let counts: ScriptCounts | undefined;
      let lang: LangOrOther = 'other';
      const flush = () => {
        const c = counts ?? countScripts(text);
        units.push({ text, lang: counts ? lang : detectLang(text, c), block: bi, heading: b.heading, tag: b.tag, linkDensity, container: b.container, counts: c, chrome: undefined, meta: undefined });
      };
      for (const piece of pieces) {
        const pc = piece === raw[0] && firstCounts ? firstCounts : countScripts(piece);
        const l = detectLang(piece, pc);
        if (text && l !== 'other' && lang !== 'other' && l !== lang) {
          flush();
          text = '';
          lang = 'other';
          counts = undefined;
        }
        // One piece keeps its counts; joined pieces are recounted once at the end.
        counts = text ? undefined : pc;
        text = joinPieces(text, piece, plainText);
        if (lang === 'other') lang = l;
      }
      if (text) flush();
    }
  }
  return units;
}
