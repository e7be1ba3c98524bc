/**
 * Per-text language by script: Han characters against Latin letters. Chinese paragraphs
 * quote Latin names and acronyms freely, and English ones now and then a Chinese term, so
 * the vote weighs one Han character like about three Latin letters (HAN_VOTE in heuristics.ts).
 */
import { HAN_RATIO, HAN_VOTE, LATIN_RATIO, MIN_LATIN_FOR_ENGLISH, ZH_LENGTH_BASE } from './heuristics.js';

export type Lang = 'en' | 'zh';
export type LangOrOther = Lang | 'other';

export interface ScriptCounts {
  han: number;
  latin: number;
  digits: number;
}

/*
 * Counting is the one pass over every character the parser makes after extraction, so it
 * is table driven: each UTF-16 code unit adds a packed increment to one double (Latin at
 * bit 0, digits at bit 13, Han at bit 26, CJK punctuation at bit 39). Chunks shorter than
 * 2^13 keep every field below its neighbour, and 4 x 13 bits stay within a double's 53-bit
 * exact integers. A high surrogate of the CJK extension planes steps by NaN, sending the
 * text to the character-by-character loop, which counts the pair once; so does a raw line
 * break ('\r', which split.ts cuts paragraphs at), so that scanScripts' `plain` tells of one too.
 */
const LATIN = 1;
const DIGIT = 2 ** 13;
const HAN = 2 ** 26;
const PUNCT = 2 ** 39;
const CHUNK = DIGIT - 1;
const STEP = new Float64Array(0x10000);
const fill = (from: number, to: number, step: number) => STEP.fill(step, from, to + 1);
fill(0x41, 0x5a, LATIN);
fill(0x61, 0x7a, LATIN);
fill(0x30, 0x39, DIGIT);
fill(0xc0, 0x24f, LATIN);
fill(0xff21, 0xff5a, LATIN);
fill(0x3400, 0x4dbf, HAN);
fill(0x4e00, 0x9fff, HAN);
fill(0xf900, 0xfaff, HAN);
fill(0x3000, 0x303f, PUNCT);
fill(0xff01, 0xff0f, PUNCT);
fill(0xff1a, 0xff1f, PUNCT);
fill(0xd840, 0xd87f, NaN);
STEP[0x0d] = NaN;

// What scan() found, read by its callers; the text is kept so detectLang need not pass over
// the same text again for punctuation.
let scanned: string | undefined;
let sPlain = true;
let sHan = 0;
let sLatin = 0;
let sDigits = 0;
let sPunct = 0;

function scan(text: string): void {
  let han = 0;
  let latin = 0;
  let digits = 0;
  let punct = 0;
  const n = text.length;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    let acc = 0;
    for (let i = from; i < to; i++) acc += STEP[text.charCodeAt(i)]!;
    if (acc !== acc) return scanByChar(text);
    const p = Math.floor(acc / PUNCT);
    acc -= p * PUNCT;
    const h = Math.floor(acc / HAN);
    acc -= h * HAN;
    const d = Math.floor(acc / DIGIT);
    punct += p;
    han += h;
    digits += d;
    latin += acc - d * DIGIT;
  }
  sPlain = true;
  scanned = text;
  sHan = han;
  sLatin = latin;
  sDigits = digits;
  sPunct = punct;
}

function scanByChar(text: string): void {
  let han = 0;
  let latin = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
      else if (c >= 0x30 && c <= 0x39) digits++;
    } else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if (c >= 0xd840 && c <= 0xd87f) {
      han++; // a surrogate pair in the CJK extension planes counts once
      i++;
    } else if ((c >= 0xc0 && c <= 0x24f) || (c >= 0xff21 && c <= 0xff5a)) latin++;
  }
  sPunct = countPunct(text);
  sPlain = false;
  scanned = text;
  sHan = han;
  sLatin = latin;
  sDigits = digits;
}

export function countScripts(text: string): ScriptCounts {
  scan(text);
  return { han: sHan, latin: sLatin, digits: sDigits };
}

/** Script counts plus what the same pass learnt on the way. */
export interface ScriptScan extends ScriptCounts {
  /** CJK punctuation (。，、；：？！“”（）《》「」…). */
  punct: number;
  /**
   * False when the text may hold a CJK-extension high surrogate or a raw line break ('\r');
   * true when it holds neither. Only such a surrogate keeps counts from adding up over
   * concatenation (its pair counts once, so it swallows whatever follows it).
   */
  plain: boolean;
}

/** countScripts and more, in one pass and one object. */
export function scanScripts(text: string): ScriptScan {
  scan(text);
  return { han: sHan, latin: sLatin, digits: sDigits, punct: sPunct, plain: sPlain };
}

/** detectLang from counts and CJK punctuation already known. */
export function langOf(counts: ScriptCounts, punct: number): LangOrOther {
  const latin = counts.latin;
  const han = counts.han > 0 ? counts.han + punct : 0;
  if (han === 0 && latin < MIN_LATIN_FOR_ENGLISH) return 'other';
  return han > 0 && han * HAN_VOTE >= latin ? 'zh' : 'en';
}

/** Chinese punctuation (。，、；：？！“”（）《》「」) votes for Chinese like a Han character. */
function cjkPunct(text: string): number {
  return text === scanned ? sPunct : countPunct(text);
}

function countPunct(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff1f)) n++;
  }
  return n;
}

export function detectLang(text: string, counts: ScriptCounts = countScripts(text)): LangOrOther {
  return langOf(counts, counts.han > 0 ? cjkPunct(text) : 0);
}

/** Length of a Chinese text in English-character equivalents (fitted on news translations). */
export function englishEquivalent(text: string, lang: Lang, counts?: ScriptCounts): number {
  if (lang === 'en') return text.length;
  const { han, latin, digits } = counts ?? countScripts(text);
  return HAN_RATIO * han + LATIN_RATIO * (latin + digits) + ZH_LENGTH_BASE;
}
