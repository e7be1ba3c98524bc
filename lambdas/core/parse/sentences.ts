/**
 * Sentence splitting for English and Chinese news paragraphs (pure, never throws, linear).
 *
 * A paragraph is cut after a sentence stop and whatever closes with it (quotes, brackets,
 * further stops); each sentence is a trimmed slice of the paragraph, so the sentences,
 * concatenated, give the paragraph back with only the whitespace between them missing.
 *
 * Rules, in the order they are asked:
 * - Chinese stops 。！？｡ end a sentence wherever they stand, with the closing quotes and
 *   brackets after them (。” 。） ！”) and any further stops (？！). No space is needed.
 * - Half-width ! ? . right after a Han character (or after a closing quote that follows one)
 *   end a sentence like their full-width forms: Chinese pages mix the two widths.
 * - The Chinese ellipsis …… (and ⋯⋯) marks a pause or an omission inside a sentence: it ends
 *   one only with a stop after it (……。) or at the paragraph's end.
 * - ；and ；'s half-width form do not end a sentence: a semicolon joins clauses of one
 *   sentence (in the dev corpus's gold units it never ends one). The aligner may still cut a
 *   Chinese sentence there, or at a comma, when the English gives two sentences for it
 *   (clauseCuts below).
 * - English . ! ? and ... / … end a sentence when whitespace follows (after any closing quotes
 *   or brackets) and the next text does not start in lower case or with , ; : — so 3.5,
 *   U.S.-led, example.com and "Why?" he asked stay whole.
 * - A period after an abbreviation (Mr., Gen., Jan., No., Inc., etc.), an initial (J. K.) or
 *   a dotted acronym (U.S., U.N., a.m., Ph.D.) ends a sentence only when the next word is one
 *   that opens sentences (The, He, But, In …): "the U.S. The move" is two, "U.S. President"
 *   and "Mr. Smith" are one.
 * - A number and a period opening a sentence ("1. ") is a list number, not a sentence.
 */

/** Whitespace as the page's text may hold it (the parser folds runs, but keeps odd spaces). */
export function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

/** Han characters of the BMP; a CJK extension character is a surrogate pair, checked in afterHan. */
const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
const isLower = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
const isUpper = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const isLetter = (c: number) => isLower(c) || isUpper(c);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Chinese sentence stops: 。！？ and the half-width ideographic full stop ｡. */
const isZhStop = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff61;
/** English sentence stops. */
const isEnStop = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f;
/** The ellipsis characters: … and the midline ⋯ some Chinese pages use. */
const isEllipsis = (c: number) => c === 0x2026 || c === 0x22ef;
const isStop = (c: number) => isZhStop(c) || isEnStop(c) || isEllipsis(c);
/** Every character isStop accepts. */
const STOP_CHARS = '.!?\u3002\uff01\uff1f\uff61\u2026\u22ef';
/** Per stop character, where it next occurs (-1: not looked for yet; text.length: nowhere). */
const NEXT_STOP = new Int32Array(STOP_CHARS.length);
const STOPS = new RegExp(`[${STOP_CHARS.replace('.', '\\.').replace('?', '\\?')}]`, 'g');
/** How many of STOP_CHARS the current text can hold. */
let stopKinds = STOP_CHARS.length;
const WIDE = /[^\u0000-\u00ff]/;

/**
 * The first stop at or after from, or -1. In Latin-1 text each of . ! ? is looked for with
 * indexOf (native, and most characters are not stops) and looked for again only once passed,
 * so a paragraph costs three fast passes in all; wide text takes one regex pass.
 */
function nextStop(text: string, from: number): number {
  // Stryker disable next-line all: speed only; both paths find the same next stop (the regex looks for every stop character, the indexOf loop for the first stopKinds of them, and Latin-1 text holds no stop beyond . ! ?)
  if (stopKinds > 3) {
    // Wide text (Chinese, or curly quotes): one regex pass beats one indexOf per stop character.
    STOPS.lastIndex = from;
    return STOPS.test(text) ? STOPS.lastIndex - 1 : -1;
  }
  const n = text.length;
  let best = n;
  for (let k = 0; k < stopKinds; k++) {
    let at = NEXT_STOP[k]!;
    if (at < from) {
      at = text.indexOf(STOP_CHARS[k]!, from);
      if (at < 0) at = n;
      NEXT_STOP[k] = at;
    }
    if (at < best) best = at;
  }
  return best < n ? best : -1;
}

/** What may close with a stop: quotes and brackets of both widths ( " ' ” ’ 」 』 ） ) ] 】 》 〉 » ›, ＂ ＇). */
function isCloser(c: number): boolean {
  switch (c) {
    case 0x22: case 0x27: case 0x29: case 0x5d: case 0x7d: case 0xbb: case 0x2019: case 0x201d: case 0x203a:
    case 0x300b: case 0x3009: case 0x300d: case 0x300f: case 0x3011: case 0x3015: case 0x3017:
    case 0xff02: case 0xff07: case 0xff09: case 0xff3d: case 0xff5d:
      return true;
    default:
      return false;
  }
}

/** After an English stop, a next text starting with these continues the sentence. */
const continues = (c: number) => isLower(c) || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2e || c === 0x29 || c === 0xff0c || c === 0x3001;

/**
 * Abbreviations whose period is not a sentence end by itself: titles and ranks before a name,
 * month and day names before a date, words before a number, company suffixes and Latin
 * shorthands. Case matters: "No." before a number, "no." is a word.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Mme', 'Mlle', 'Dr', 'Prof', 'Sr', 'Jr', 'St', 'Ste', 'Mt', 'Ft', 'Rev', 'Hon', 'Pres', 'Gov', 'Govs', 'Sen', 'Sens', 'Rep', 'Reps', 'Atty', 'Amb', 'Supt', 'Insp', 'Det',
  'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cpt', 'Cmdr', 'Cdr', 'Adm', 'Brig', 'Sgt', 'Cpl', 'Pvt', 'Gens',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat',
  'No', 'Nos', 'Vol', 'Vols', 'Fig', 'Figs', 'Art', 'Ch', 'Sec', 'Para', 'Ed', 'Eds', 'Op', 'Tel',
  'Inc', 'Ltd', 'Co', 'Corp', 'Bros', 'Plc', 'Dept', 'Univ', 'Assn', 'Ave', 'Blvd', 'Rd', 'Sq', 'Cal', 'Calif', 'Mass', 'Penn', 'Wash',
  'etc', 'vs', 'v', 'approx', 'est', 'cf', 'al', 'ca', 'pp', 'p', 'no', 'nos', 'vol', 'fig', 'ed', 'eds',
]);

/**
 * Words that open English sentences (my own list of function words and sentence adverbs). After
 * an abbreviation, a capitalized word from this list is taken as the start of a new sentence.
 */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'There', 'Here', 'It', 'Its', "It's", 'He', 'She', 'His', 'Her', 'They', 'Their', 'Them',
  'We', 'Our', 'I', 'You', 'Your', 'One', 'But', 'And', 'Or', 'So', 'Yet', 'Nor', 'In', 'On', 'At', 'For', 'From', 'With', 'Without', 'By', 'As',
  'After', 'Before', 'When', 'While', 'Where', 'If', 'Although', 'Though', 'Because', 'Since', 'Meanwhile', 'However', 'Moreover', 'Also',
  'Still', 'Then', 'Now', 'Today', 'Yesterday', 'Tomorrow', 'Last', 'Next', 'Some', 'Many', 'Most', 'All', 'Both', 'Each', 'Every', 'No',
  'Not', 'Other', 'Such', 'What', 'Who', 'Why', 'How', 'Which', 'According', 'Despite', 'During', 'Under', 'Over', 'Among', 'Between',
  'Into', 'Through', 'Once', 'Until', 'Unless', 'Whether', 'Instead', 'Earlier', 'Later', 'Officials', 'Asked', 'Experts',
]);

/** A token before a period that may be an abbreviation is at most this long (a longer one is a word). */
const ABBREVIATION_MAX = 12;
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** Single letters and dotted acronyms: U.S, a.m, Ph.D, e.g (the token before the last period). Exported for tests. */
export function isInitialOrAcronym(tok: string): boolean {
  if (tok.length === 1) return isUpper(tok.charCodeAt(0));
  let sawDot = false;
  let run = 0;
  for (let i = 0; i < tok.length; i++) {
    const c = tok.charCodeAt(i);
    if (c === 0x2e) {
      if (run === 0) return false;
      sawDot = true;
      run = 0;
    } else if (isLetter(c)) {
      if (++run > 2) return false;
    } else return false;
  }
  return sawDot && run > 0;
}

/** The letters-and-dots token that ends right before position end (no further back than ABBREVIATION_MAX + 1). */
function tokenBefore(text: string, end: number, floor: number): string | undefined {
  let i = end;
  let dotted = false;
  while (i > floor && end - i <= ABBREVIATION_MAX) {
    const c = text.charCodeAt(i - 1);
    if (isLetter(c)) i--;
    else if (c === 0x2e) {
      dotted = true;
      i--;
    } else break;
  }
  // No listed abbreviation is longer than LONGEST_ABBREVIATION; a longer token needs dots to be an acronym.
  if (i === end || end - i > ABBREVIATION_MAX || (!dotted && end - i > LONGEST_ABBREVIATION)) return undefined;
  // "U.S.-led": a token glued to more than an opening bracket or quote is not an abbreviation.
  if (i > floor) {
    const b = text.charCodeAt(i - 1);
    if (!isSpace(b) && b !== 0x28 && b !== 0x22 && b !== 0x27 && b !== 0x201c && b !== 0x2018 && b !== 0x5b) return undefined;
  }
  return text.slice(i, end);
}

/** The word (letters and apostrophes) starting at position at, at most 16 characters (no opener is longer). Exported for tests. */
export function wordAt(text: string, at: number): string {
  let i = at;
  while (i < text.length && i - at < 16) {
    const c = text.charCodeAt(i);
    if (isLetter(c) || c === 0x27 || c === 0x2019) i++;
    else break;
  }
  return text.slice(at, i).replace('\u2019', "'");
}

/** Is the run ending right before i (back over closers) preceded by a Han character? */
function afterHan(text: string, i: number, floor: number): boolean {
  let k = i - 1;
  while (k >= floor && i - k < 4 && isCloser(text.charCodeAt(k))) k--;
  if (k < floor) return false;
  const c = text.charCodeAt(k);
  // A low surrogate after a high one of the CJK extension planes (U+20000–U+3FFFF) is Han too.
  return isHan(c) || (c >= 0xdc00 && c <= 0xdfff && k > floor && text.charCodeAt(k - 1) >= 0xd840 && text.charCodeAt(k - 1) <= 0xd8bf);
}

/** Only digits between from and to: a list number ("1." at a sentence's start). */
function onlyDigits(text: string, from: number, to: number): boolean {
  if (to <= from || to - from > 3) return false;
  for (let i = from; i < to; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Where the sentences of a paragraph end: offsets into text, each one past a sentence's last
 * character (stops and closers included), in order; the last is text.length unless the text
 * ends in whitespace. Linear: every look back or ahead is bounded.
 */
export function sentenceEnds(text: string): number[] {
  const n = text.length;
  const ends: number[] = [];
  let start = 0; // where the current sentence begins (first non-space)
  while (start < n && isSpace(text.charCodeAt(start))) start++;
  let i = start;
  NEXT_STOP.fill(-1);
  // A text of Latin-1 characters only (most English) has no stop beyond . ! ?: skip looking.
  stopKinds = WIDE.test(text) ? STOP_CHARS.length : 3;
  while (i < n) {
    i = nextStop(text, i);
    if (i < 0) break;
    // The run of stops (?!, 。”, ……, ...), then what closes with it.
    let j = i;
    let zh = false;
    let dots = 0;
    let ellipsis = false;
    let others = 0;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isZhStop(d)) zh = true;
      else if (isEllipsis(d)) ellipsis = true;
      else if (d === 0x2e) dots++;
      else if (isEnStop(d)) others++;
      else break;
      j++;
    }
    let k = j;
    while (k < n && isCloser(text.charCodeAt(k))) k++;
    if (k >= n) break; // the paragraph's end closes the last sentence anyway
    let cut = false;
    const han = !zh && afterHan(text, i, start);
    if (zh) cut = true;
    else if (han) {
      // Half-width stops in Chinese text; the ellipsis only with a stop after it.
      const next = text.charCodeAt(k);
      cut = (others > 0 || dots > 0) && !isDigit(next) && !isLower(next);
    } else if (isSpace(text.charCodeAt(k))) {
      let p = k;
      while (p < n && isSpace(text.charCodeAt(p))) p++;
      if (p < n) {
        const next = text.charCodeAt(p);
        if (!continues(next)) {
          cut = true;
          if (dots === 1 && others === 0 && !ellipsis) {
            // A single period: abbreviation, initial, acronym or list number?
            const tok = tokenBefore(text, i, start);
            if (tok !== undefined && (ABBREVIATIONS.has(tok) || isInitialOrAcronym(tok))) cut = SENTENCE_OPENERS.has(wordAt(text, p));
            else if (tok === undefined && onlyDigits(text, start, i)) cut = false;
          }
        }
      }
    }
    if (cut) {
      ends.push(k);
      start = k;
      while (start < n && isSpace(text.charCodeAt(start))) start++;
      i = start;
    } else i = k > i ? k : i + 1;
  }
  // The last sentence ends at the last non-space character.
  let end = n;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) ends.push(end);
  return mergeStrayMarks(text, ends);
}

/** A letter or digit of any script: what makes a piece of text a sentence rather than stray marks. */
const WORDY = /[\p{L}\p{N}]/u;

/** Is there a letter or digit in text[from, end)? Most sentences answer at their first characters. */
function hasWord(text: string, from: number, end: number): boolean {
  for (let i = from; i < end && i < from + 4; i++) {
    const c = text.charCodeAt(i);
    if (isLetter(c) || isDigit(c) || isHan(c)) return true;
  }
  // On the piece alone: searching the text from `from` would scan past `end`, quadratic over many stray pieces.
  return WORDY.test(text.slice(from, end));
}

/**
 * Marks left alone between two cuts ("。 。", a quote opened at a paragraph's end, "……")
 * are no sentence: they join the sentence before them (or, at the start, the one after).
 */
function mergeStrayMarks(text: string, ends: number[]): number[] {
  if (ends.length < 2) return ends;
  let out: number[] | undefined;
  let from = 0;
  for (let k = 0; k < ends.length; k++) {
    const end = ends[k]!;
    const wordy = hasWord(text, from, end);
    if (!wordy && !out) out = ends.slice(0, k);
    if (out) {
      if (wordy) out.push(end);
      else if (out.length > 0) out[out.length - 1] = end;
      // else: leading marks join the first real sentence (its end is pushed when found)
    }
    from = end;
  }
  if (!out) return ends;
  if (out.length === 0) out.push(ends[ends.length - 1]!);
  return out;
}

/** The sentences of a paragraph, each a trimmed slice of it, in order; none empty. */
export function splitSentences(text: string): string[] {
  const ends = sentenceEnds(text);
  const out: string[] = [];
  let from = 0;
  for (const end of ends) {
    const s = text.slice(from, end).trim();
    if (s) out.push(s);
    from = end;
  }
  return out;
}

/** Chinese clause marks the aligner may cut a sentence at: ，；： and their half-width forms. */
const isClauseMark = (c: number) => c === 0xff0c || c === 0xff1b || c === 0xff1a || c === 0x2c || c === 0x3b || c === 0x3a;
/** Closing quotes that end a quotation in Chinese text: ” 」 』. */
const isQuoteClose = (c: number) => c === 0x201d || c === 0x300d || c === 0x300f;

/**
 * Offsets inside a Chinese sentence (0 < cut < length) where the English may have ended a
 * sentence: just past a clause mark and the closing quotes after it ("，" "；" "，”"), or
 * past a closing quote that text follows directly (“……”他说). A Chinese sentence often
 * chains with commas what English writes as two sentences. A comma or colon between digits
 * (20,000; 15:16) is not a clause mark.
 */
export function clauseCuts(sentence: string): number[] {
  const cuts: number[] = [];
  const n = sentence.length;
  for (let i = 0; i < n; i++) {
    const c = sentence.charCodeAt(i);
    const mark = isClauseMark(c);
    if (!mark && !isQuoteClose(c)) continue;
    if (mark && c < 0x80 && i > 0 && i + 1 < n && isDigit(sentence.charCodeAt(i - 1)) && isDigit(sentence.charCodeAt(i + 1))) continue;
    let k = i + 1;
    while (k < n && isCloser(sentence.charCodeAt(k))) k++;
    while (k < n && isSpace(sentence.charCodeAt(k))) k++;
    if (k >= n) break;
    // A quote followed by more punctuation: the cut comes after that punctuation, if anywhere.
    const next = sentence.charCodeAt(k);
    if (mark || !(isClauseMark(next) || isStop(next))) cuts.push(k);
    i = k - 1;
  }
  return cuts;
}
