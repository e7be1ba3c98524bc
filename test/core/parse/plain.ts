/**
 * Plain reference versions of the parser's hand-optimised rules: each written the obvious
 * way (a regex with its flags, a global replace, a loop over every character), slow and easy
 * to read. reference.test.ts checks that the fast forms in lambdas/core/parse agree with
 * these on generated input. When a rule changes, change it here first, then make the fast
 * form agree.
 */
import { CHROME_LINE_WORDS, MONTHS, NUMBER_SCALES, NUMBER_WORDS, WEEKDAYS, ZH_MEASURE_WORDS } from '../../../lambdas/core/parse/heuristics.js';

/** isChromeLine's word test: delete every chrome word (global replace), then every punctuation run; is anything left? */
export function onlyChromeWordsPlain(text: string, punctuation: RegExp): boolean {
  const words = new RegExp(CHROME_LINE_WORDS.source, 'gi');
  const punct = new RegExp(punctuation.source, 'g');
  return text.replace(words, '').replace(punct, '') === '';
}

/** split.ts afterLastHan: where /[\u3400-\u9fff][。！？”」』）)》．.!?]*(?=[^\u3400-\u9fff]*$)/ ends its match, or -1. */
export function afterLastHanPlain(line: string): number {
  const m = /[\u3400-\u9fff][。！？”」』）)》．.!?]*(?=[^\u3400-\u9fff]*$)/.exec(line);
  return m ? m.index + m[0].length : -1;
}

/** metadata.ts stripSep: the separators at both ends removed. */
export function stripSepPlain(s: string): string {
  return s.replace(/^[\s|｜/\\·•,，;；\-–—_[\]【】()（）]+|[\s|｜/\\·•,，;；\-–—_[\]【】()（）]+$/g, '');
}

/** metadata.ts unwrap: trimmed, and a text in brackets without them. */
export function unwrapPlain(text: string): string {
  const t = text.trim();
  if (/^[(（[【]\s*/.test(t) && /\s*[)）\]】]$/.test(t)) return t.replace(/^[(（[【]\s*/, '').replace(/\s*[)）\]】]$/, '').trim();
  return t;
}

/** html.ts chromeClass: the attribute's words (split at camelCase, whitespace, - and _), lower-cased, any a chrome word? */
export function chromeClassPlain(attr: string, words: ReadonlySet<string>): boolean {
  return attr
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .some((w) => words.has(w));
}

/** Whitespace as the HTML stage folds it (JavaScript's \s, but with U+0085 and without U+FEFF). */
const SPACE = '[ \\t\\n\\v\\f\\r\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

/**
 * html.ts foldBlock: the text between <br>s (U+0001 in the buffer) is a line; zero-width
 * spaces and BOMs vanish; a whitespace run inside a line becomes '\r' (a soft break) when it
 * holds a line break, else one space; runs at a line's ends go. Empty lines between lines
 * leave one '' (a blank-line marker); none at the start or end.
 */
export function foldBlockPlain(raw: string): string[] {
  const lines: string[] = [];
  for (const segment of raw.split('\u0001')) {
    const t = segment.replace(/[\u200b\ufeff]/g, '');
    const line = t
      .replace(new RegExp(`^${SPACE}+|${SPACE}+$`, 'g'), '')
      .replace(new RegExp(`${SPACE}+`, 'g'), (run) => (/[\n\r]/.test(run) ? '\r' : ' '));
    if (line) lines.push(line);
    else if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** html.ts foldLine: zero-width spaces and BOMs removed, whitespace runs folded to one space, trimmed. */
export function foldLinePlain(s: string): string {
  return s.replace(/[\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

export interface PlainScan {
  han: number;
  latin: number;
  digits: number;
  punct: number;
  plain: boolean;
}

/**
 * lang.ts scanScripts, one code unit at a time: Han (CJK unified, extension A, compatibility
 * ideographs; a high surrogate of the extension planes counts once with the unit after it),
 * Latin letters (ASCII, Latin-1 and Extended-A/B, fullwidth), ASCII digits, CJK punctuation
 * (every unit, pairs or not); `plain` when there is no such surrogate and no '\r'.
 */
export function scanScriptsPlain(text: string): PlainScan {
  let han = 0;
  let latin = 0;
  let digits = 0;
  let punct = 0;
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff1f)) punct++;
    if (c === 0x0d) plain = false;
    if (c >= 0xd840 && c <= 0xd87f) plain = false;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0xff21 && c <= 0xff5a)) latin++;
    else if (c >= 0x30 && c <= 0x39) digits++;
    else if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if (c >= 0xd840 && c <= 0xd87f) {
      han++;
      i++;
    }
  }
  return { han, latin, digits, punct, plain };
}

/** align.ts's WORD: a Latin word, with inner hyphens and dots ("x-ray", "u.s"). */
const WORD = /[A-Za-z]+(?:[-.][A-Za-z]+)*/g;

/** The Chinese side's Latin words: distinct WORD matches, each lower-cased, in first-found order. */
export function latinWordsPlain(text: string): string[] {
  return [...new Set((text.match(WORD) ?? []).map((w) => w.toLowerCase()))];
}

/** The English side's words: distinct WORD matches of the lower-cased text (İ and the Kelvin sign lower-case to ASCII and so move word edges). */
export function loweredWordsPlain(text: string): Set<string> {
  return new Set(text.toLowerCase().match(WORD) ?? []);
}

/** align.ts keptWordIds: for each text, the ids of the words that are WORD matches of its lower-cased form, ascending. */
export function keptWordIdsPlain(texts: string[], words: string[]): number[][] {
  return texts.map((t) => {
    const found = loweredWordsPlain(t);
    return words.flatMap((w, id) => (found.has(w) ? [id] : []));
  });
}

const ZH_DIGIT: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * align.ts numbers: the distinct numbers of a text as strings, first-found order. Chinese:
 * numerals before a measure word ("三个", "十二名"); English: number words. Then every
 * written number in both, thousands commas dropped, read as a JavaScript number, and again
 * times its scale word when one follows.
 */
export function numbersPlain(text: string, english: boolean): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    if (!out.includes(s)) out.push(s);
  };
  if (!english) {
    for (const m of text.matchAll(new RegExp(`([两二三四五六七八九]?十[一二三四五六七八九]?|[两二三四五六七八九])(?=[${ZH_MEASURE_WORDS}])`, 'g'))) {
      const s = m[1]!;
      const t = s.indexOf('十');
      // 十一 reads as 10, as in the parser: 一 has no value there (alone it is mostly an article).
      const v = t < 0 ? ZH_DIGIT[s]! : (t === 0 ? 1 : ZH_DIGIT[s[0]!]!) * 10 + (t === s.length - 1 ? 0 : (ZH_DIGIT[s[s.length - 1]!] ?? 0));
      if (v > 1) add(String(v));
    }
  } else {
    const words = NUMBER_WORDS as Record<string, number>;
    for (const m of text.matchAll(new RegExp(`\\b(${Object.keys(words).join('|')})\\b`, 'gi'))) add(String(words[m[1]!.toLowerCase()]));
    // Calendar words: every run of word characters that is a capitalised month name is its
    // number ("May" and "March" only with a day number just before or after, across spaces);
    // a capitalised weekday is dayN.
    for (const m of text.matchAll(/\w+/g)) {
      const word = m[0];
      const lower = word.toLowerCase();
      if (word !== lower[0]!.toUpperCase() + lower.slice(1)) continue;
      const month = (MONTHS as readonly string[]).indexOf(lower);
      const day = (WEEKDAYS as readonly string[]).indexOf(lower);
      if (month >= 0) {
        const ambiguous = lower === 'may' || lower === 'march';
        const before = /\d\s+$/.test(text.slice(0, m.index));
        const after = /^\s+\d/.test(text.slice(m.index + word.length));
        if (!ambiguous || before || after) add(String(month + 1));
      } else if (day >= 0) add(`day${day + 1}`);
    }
  }
  if (!english) {
    const days: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
    for (let i = 0; i < text.length; i++) {
      for (const prefix of ['周', '星期', '礼拜', '禮拜']) {
        if (text.startsWith(prefix, i) && days[text[i + prefix.length] ?? ''] !== undefined) {
          add(`day${days[text[i + prefix.length]!]}`);
          break;
        }
      }
    }
  }
  const scales = new Map(NUMBER_SCALES);
  const scaleWords = NUMBER_SCALES.map(([w]) => (/^[a-z]$/.test(w) ? `${w}\\b` : w)).join('|');
  for (const m of text.matchAll(new RegExp(`(\\d[\\d,]*(?:\\.\\d+)?)\\s*(${scaleWords})?`, 'gi'))) {
    const v = Number(m[1]!.replace(/,(?=\d{3}\b)/g, '').replace(/,$/, ''));
    if (!Number.isFinite(v)) continue;
    add(String(v));
    const scale = m[2] ? scales.get(m[2].toLowerCase()) : undefined;
    if (scale) add(String(Math.round(v * scale)));
  }
  return out;
}
