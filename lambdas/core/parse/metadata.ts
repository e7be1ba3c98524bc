/**
 * Metadata in the forms bilingual news sites print: label lines (来源：/Source:, 责任编辑：/
 * Editor:, full- or half-width colons, several labels on one line) with their dates (read by
 * ../dates.ts), bylines ("By …", 作者：…, a bare Chinese name under the English
 * one), author notes ("(The author is …)", "（作者系…）") and editor's notes ("Editor's Note:",
 * "编者按："). Every reader here is lenient: it returns undefined rather than throwing.
 */
import {
  AUTHOR_NOTE_EN,
  AUTHOR_NOTE_EN_LABEL,
  AUTHOR_NOTE_MAX,
  AUTHOR_NOTE_ZH,
  AUTHOR_NOTE_ZH_LABEL,
  BYLINE,
  BYLINE_LOWER_WORDS,
  BYLINE_MAX,
  BYLINE_NAME_END,
  BYLINE_NAME_WORDS_MAX,
  BYLINE_TIGHT,
  DATE_LINE_PREFIX,
  DATE_LINE_PREFIX_MAX,
  DATE_LINE_REST_MAX,
  DATE_LINE_SOURCE_MAX,
  DATE_NAME_SEPARATOR,
  EDITOR_NOTE,
  META_DATE_REST_MAX,
  META_LABELS,
  META_PREFIX_MAX,
  META_SENTENCE_MIN,
  NAME_PAIR,
  NOT_A_PERSON_WORDS,
  SHORT_LINE,
  SOURCE_ROLE_TAIL,
  TRAILING_NAMES,
  TRANSLATOR_LINE,
  VALUE_PROMO_TAIL,
  ZH_BYLINE,
} from './heuristics.js';
import { findPageDate } from '../dates.js';
import type { Lang } from './lang.js';
import { alternation, startChars } from './regex.js';

type Field = 'source' | 'editor' | 'author' | 'date' | 'noise';

const LABEL_WORDS: Array<[string, Field]> = (['editor', 'source', 'author', 'date', 'noise'] as const).map((f) => [META_LABELS[f], f]);
/**
 * One pass finds every label: colon-labels, plus "By"/"Edited by"/"Written by" which take none.
 * Group k+1 holds LABEL_WORDS[k]; the last group the label that takes no colon.
 */
const LABEL_SCAN = new RegExp(
  `(?<![A-Za-z])(?:${LABEL_WORDS.map(([w]) => `(${w})`).join('|')})(?![A-Za-z'’])\\s*[:：]\\s*|(?<![A-Za-z])(Edited\\s+by|Written\\s+by|Translated\\s+by|Photo\\s+by|By)\\s+(?=\\S)`,
  'gi',
);
const BY_GROUP = LABEL_WORDS.length + 1;

function fieldOf(m: RegExpExecArray): Field {
  for (let i = 0; i < LABEL_WORDS.length; i++) if (m[i + 1] !== undefined) return LABEL_WORDS[i]![1];
  const by = m[BY_GROUP] ?? '';
  return /edited/i.test(by) ? 'editor' : /translated|photo/i.test(by) ? 'noise' : 'author';
}

export interface MetaLine {
  source?: string;
  editor?: string;
  /** The first author named; all of them (one per language, e.g. "By X | 作者：Y") in authors. */
  author?: string;
  authors?: string[];
  date?: string;
  /** The line credits someone the article does not keep (translator, photographer, proofreader): not body text. */
  credit?: boolean;
}

/** Separators around label values: spaces, bars, slashes, dots, commas, dashes, brackets. */
const SEP_CHAR = /[\s|｜/\\·•,，;；\-–—_\[\]【】()（）]/;
const SEP = new RegExp(`^${SEP_CHAR.source}+|${SEP_CHAR.source}+$`, 'g');

const LEADING_SEP = new RegExp(`^${SEP_CHAR.source}+`);

/** s.replace(SEP, ''): SEP can only match where s starts or ends with one of its characters. */
export function stripSep(s: string): string {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path; s.replace(SEP, '') returns s unchanged whenever it is taken (reference.test.ts checks stripSep against the plain replace), so a narrower one is equivalent.
  if (s === '' || (!SEP_CHAR.test(s[0]!) && !SEP_CHAR.test(s[s.length - 1]!))) return s;
  return s.replace(SEP, '');
}
/**
 * Every meta line has a label colon, a "by", or a year; most body lines have none. (A year is
 * \d\d\d\d, not \d{4}: irregexp runs the spelled-out form about twice as fast here.) "by"
 * counts where LABELS reads it: after anything but a Latin letter ("0By X" too).
 */
export const MAYBE_META = /[:：]|\d\d\d\d|(?<![A-Za-z])[Bb][Yy]\s/;
const SENTENCE_END = '.!?。！？"”」';
/** Where a value ends: two spaces or a separator start the next, unlabelled, item. */
const VALUE_END = /\s{2,}|[|｜]/;

/**
 * Read a line made of labelled fields and/or a date ("来源：X 责任编辑：Y 2025-03-29 16:13").
 * Returns undefined when the line carries other text (a body paragraph that mentions a date).
 */
export function parseMetaLine(text: string): MetaLine | undefined {
  if (text.length >= SHORT_LINE) return undefined;
  // A line ending like a sentence is a sentence (the cheaper test first).
  if (text.length > META_SENTENCE_MIN && SENTENCE_END.includes(text[text.length - 1]!)) return undefined;
  // Stryker disable next-line ConditionalExpression: a fast path; readMetaLine reads nothing in a line MAYBE_META refuses (reference.test.ts checks the two agree).
  if (!MAYBE_META.test(text)) return undefined;
  return readMetaLine(text);
}

/** parseMetaLine after its cheap refusals (exported for the test that checks MAYBE_META never refuses a meta line). */
export function readMetaLine(text: string): MetaLine | undefined {
  const out: MetaLine = {};
  // A date stamp that is no date (2025-02-31) is cut like one and still marks a label line;
  // it just gives no date.
  let stamped = false;
  /** The segment with its first date cut out (out.date takes the date if it has none yet). */
  const takeDates = (segment: string): string => {
    const d = findPageDate(segment);
    if (!d) return segment;
    stamped = true;
    out.date ??= d.iso;
    return `${segment.slice(0, d.index)} ${segment.slice(d.index + d.length)}`;
  };
  LABEL_SCAN.lastIndex = 0;
  let m = LABEL_SCAN.exec(text);
  if (!m) {
    const d = findPageDate(text);
    if (!d) return undefined;
    const rest = `${text.slice(0, d.index)} ${text.slice(d.index + d.length)}`;
    if (stripSep(rest).replace(/[\s()（）[\]【】]/g, '').length > META_DATE_REST_MAX) return datedByline(text, d);
    return d.iso ? { date: d.iso } : {};
  }
  const firstField = fieldOf(m);
  const firstStart = m.index;
  const firstEnd = m.index + m[0].length;
  // Text before the first label: allowed only if it is a date or a short site name (the
  // labels after it could not change that verdict, so it is given at once).
  if (stripSep(takeDates(text.slice(0, firstStart))).length > META_PREFIX_MAX) return undefined;
  let field = firstField;
  let end = firstEnd;
  let count = 0;
  let credited = false;
  while (m) {
    count++;
    const next = LABEL_SCAN.exec(text);
    let value = text.slice(end, next ? next.index : text.length);
    value = takeDates(value);
    const cut = value.search(VALUE_END);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: after only feeds the Chinese-name check below: with no value end (cut < 0) a stand-in is one character or Latin, never a Chinese name, and cut = 0 leaves value empty so after is not read.
    const after = cut < 0 ? '' : value.slice(cut);
    value = stripSep(cut < 0 ? value : value.slice(0, cut)).trim();
    if (VALUE_PROMO_TAIL.test(value)) value = value.replace(VALUE_PROMO_TAIL, '');
    if (value && field === 'noise') credited = true;
    if (value && field !== 'date' && field !== 'noise') {
      if (field === 'source') out.source ??= value;
      else if (field === 'editor') out.editor ??= value;
      else if (field === 'author') {
        out.author ??= value;
        (out.authors ??= []).push(value);
        // "By Sun Yue | 孙悦 | date": the unlabelled item right after a romanized name is its Chinese form.
        // Stryker disable next-line StringLiteral: any stand-in for '' is Latin, never a Chinese name line.
        const item = after ? stripSep(after).split(VALUE_END)[0]!.trim() : '';
        if (item && isChineseNameLine(item) && !isChineseNameLine(value)) out.authors.push(item);
      }
    }
    m = next;
    if (next) {
      field = fieldOf(next);
      end = next.index + next[0].length;
    }
  }
  // A line of credits only (翻译：X, Photo: Y) is still a label line, one the article does not keep.
  if (!out.source && !out.editor && !out.author && !stamped) return credited ? { credit: true } : undefined;
  // "By" alone is a byline, handled by bylineOf; here it must come with other fields.
  if (count === 1 && firstField === 'author' && !stamped && /^by$/i.test(text.slice(firstStart, firstEnd).trim())) return undefined;
  return out;
}

/**
 * A letter, digit or Han character: trimming and unwrapping keep it, so a text starting with
 * one starts with it for every anchored pattern below too — and a text whose first such
 * character no pattern starts with (startChars: read off the patterns when this module loads)
 * matches none of them.
 */
// Stryker disable next-line BlockStatement: an empty body returns undefined, i.e. never plain: only the shortcut is lost (see the return below).
function plainStart(c: number): boolean {
  // Mutants that make this false more often only lose the shortcut (equivalent, left counted as
  // survivors); those that make it true more often (a bracket, space or full-width character
  // read as plain) fail metadata(.mutants).test.ts.
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x3400 && c <= 0x9fff);
}
const union = (...sets: Set<number>[]) => new Set(sets.flatMap((x) => [...x]));
const BYLINE_START = union(startChars(BYLINE), startChars(BYLINE_TIGHT));
const ZH_BYLINE_START = startChars(ZH_BYLINE);
const AUTHOR_NOTE_START = { en: union(startChars(AUTHOR_NOTE_EN), startChars(AUTHOR_NOTE_EN_LABEL)), zh: union(startChars(AUTHOR_NOTE_ZH), startChars(AUTHOR_NOTE_ZH_LABEL)) };
const EDITOR_NOTE_START = startChars(EDITOR_NOTE);
const TRANSLATOR_START = startChars(TRANSLATOR_LINE);
const BYLINE_LOWER_WORD = new RegExp(`^(?:${alternation(BYLINE_LOWER_WORDS)})$`);
/** The labelled author note with the note after its label. */
const AUTHOR_NOTE_EN_LABELLED = new RegExp(`${AUTHOR_NOTE_EN_LABEL.source}(.+)$`, AUTHOR_NOTE_EN_LABEL.flags);

/**
 * A date line that also names the source and the author, as a byline block prints them
 * ("Updated 22 July 2025, 14:05 GMT+1 China Daily 孙悦(Sun Yue)", "发布于2025年7月22日 21:05
 * 中国日报 孙悦"): a word saying which date it is, the date, then the source, then the names.
 */
function datedByline(text: string, d: { index: number; length: number; iso?: string }): MetaLine | undefined {
  // The date comes first (after a word saying which date it is); what follows is short.
  if (d.index > DATE_LINE_PREFIX_MAX || text.length - d.index - d.length > DATE_LINE_REST_MAX || !DATE_LINE_PREFIX.test(text.slice(0, d.index))) return undefined;
  // A date line goes on after a space or a bar; a sentence after a comma (2026年5月5日，…).
  const after = text[d.index + d.length];
  if (after !== undefined && !/[\s|｜/·•]/.test(after)) return undefined;
  const date = d.iso;
  // Only the separators before the source go: the names may end in a bracket.
  const rest = text.slice(d.index + d.length).replace(LEADING_SEP, '').trim();
  const m = TRAILING_NAMES.exec(rest);
  if (!m) return undefined;
  const names = [m[1], m[2], m[3], m[4], m[5]].filter((n): n is string => n !== undefined);
  const source = stripSep(rest.slice(0, m.index).trim().replace(SOURCE_ROLE_TAIL, ''));
  // A lone Chinese name needs a source before it (alone it may be the site's name).
  if (m[5] !== undefined && !source) return undefined;
  if (source.length > DATE_LINE_SOURCE_MAX) return undefined;
  return { ...(date ? { date } : {}), ...(source ? { source } : {}), author: names[0], authors: names };
}

/** Both bylines on one line ("Sun Yue 孙悦", "By Sun Yue (孙悦)", "孙悦（Sun Yue）") → { en, zh }. */
export function namePairOf(text: string): { en: string; zh: string } | undefined {
  if (text.length > BYLINE_MAX) return undefined;
  const m = NAME_PAIR.exec(text.trim());
  if (!m) return undefined;
  return m[1] !== undefined ? { en: m[1], zh: m[2]! } : { en: m[4]!, zh: m[3]! };
}

/** A translator's credit line (译者：X, 翻译 X, Translated by X)? The translator is never the author. */
export function isTranslatorLine(text: string): boolean {
  if (text.length > BYLINE_MAX) return false;
  const c = text.charCodeAt(0);
  // Stryker disable next-line ConditionalExpression: a fast path; the pattern(s) it guards are anchored at the (trimmed) text's start and cannot match a text whose first letter, digit or Han character none of them starts with.
  if (plainStart(c) && !TRANSLATOR_START.has(c)) return false;
  return TRANSLATOR_LINE.test(text.trim());
}

/** "By Zhang Gaosheng" → "Zhang Gaosheng". Names only: affiliation and place are cut. */
export function bylineOf(text: string): string | undefined {
  if (text.length > BYLINE_MAX) return undefined;
  // Stryker disable next-line ConditionalExpression: a fast path; the pattern(s) it guards are anchored at the (trimmed) text's start and cannot match a text whose first letter, digit or Han character none of them starts with (BYLINE and BYLINE_TIGHT run on the untrimmed text).
  if (!BYLINE_START.has(text.charCodeAt(0))) return undefined;
  const m = BYLINE.exec(text) ?? BYLINE_TIGHT.exec(text);
  if (!m) return undefined;
  // "By Friday, the storm had passed." is a sentence, not a byline: what follows a name is an
  // affiliation or place (capitalized), never running lower-case prose.
  const words = m[1]!.split(/\s+/);
  const prose = words.filter((w) => /^[a-z]/.test(w) && !BYLINE_LOWER_WORD.test(w)).length;
  if (prose > 0) return undefined;
  let name = m[1]!.split(BYLINE_NAME_END)[0]!.trim();
  name = name.replace(/[.;:]+$/, '');
  if (!/^[A-Z\u00c0-\u024f]/.test(name)) return undefined;
  if (name.split(/\s+/).length > BYLINE_NAME_WORDS_MAX) return undefined;
  return name;
}

const NOT_A_PERSON = new RegExp(`\\b(?:${alternation(NOT_A_PERSON_WORDS)})\\b`);

/**
 * A line of a date and one romanized name with a separator between, either first and nothing
 * else ("September 1, 2024 · Chen Jing", "Chen Jing | 2024-09-01 10:30"), as sites print a
 * byline without "By". Two to four capitalized words, none of them a publication's or an
 * office's word (NOT_A_PERSON_WORDS: "China Daily | 2024-09-01" names a source, not a person).
 */
export function dateAndNameOf(text: string): { date?: string; name: string } | undefined {
  if (text.length > BYLINE_MAX) return undefined;
  const d = findPageDate(text);
  if (!d) return undefined;
  const before = text.slice(0, d.index);
  const after = text.slice(d.index + d.length);
  // Stryker disable next-line ArrayDeclaration,StringLiteral: without a name nothing is read, whatever stands beside it
  const [name, between] = stripSep(after) === '' ? [stripSep(before), before] : stripSep(before) === '' ? [stripSep(after), after] : [undefined, ''];
  // Stryker disable next-line StringLiteral: a name line holds no separator, so what replaces it cannot add one
  if (!name || !DATE_NAME_SEPARATOR.test(between.replace(name, '')) || !isLatinNameLine(name) || NOT_A_PERSON.test(name)) return undefined;
  return d.iso ? { date: d.iso, name } : { name };
}

/** "文/张三", "记者 张三 李四", "作者｜张三" → the names. */
export function zhBylineOf(text: string): string | undefined {
  const c = text.charCodeAt(0);
  // Stryker disable next-line ConditionalExpression: a fast path; the pattern(s) it guards are anchored at the (trimmed) text's start and cannot match a text whose first letter, digit or Han character none of them starts with.
  if (plainStart(c) && !ZH_BYLINE_START.has(c)) return undefined;
  return ZH_BYLINE.exec(text.trim())?.[1];
}

/**
 * A Chinese byline with the date on the same line, before or after it and set apart by a
 * separator or space ("記者 陳嘉欣 | 2024年3月2日", "2024年3月2日 记者 陈嘉欣") → the names and the date.
 */
export function zhDatedBylineOf(text: string): { names: string; date?: string } | undefined {
  if (text.length > BYLINE_MAX) return undefined;
  const d = findPageDate(text);
  if (!d) return undefined;
  // Stryker disable next-line MethodExpression: stripSep takes whitespace at both ends as well
  const before = stripSep(text.slice(0, d.index).trim());
  // Stryker disable next-line MethodExpression: stripSep takes whitespace at both ends as well
  const after = stripSep(text.slice(d.index + d.length).trim());
  if (before && after) return undefined;
  const names = zhBylineOf(before || after);
  if (!names) return undefined;
  return d.iso ? { names, date: d.iso } : { names };
}

/** A line holding only a Chinese personal name (or two), as printed under an English byline. */
export function isChineseNameLine(text: string): boolean {
  return ZH_NAMES_LINE.test(text);
}
/** Two to six Han, or a transliterated name of up to three parts joined by · (玛丽亚·桑托斯); up to four names. */
const ZH_ONE_NAME = '(?:[\\u3400-\\u9fff·•]{2,6}|[\\u3400-\\u9fff]{1,6}(?:[·•][\\u3400-\\u9fff]{1,6}){1,2})';
const ZH_NAMES_LINE = new RegExp(`^${ZH_ONE_NAME}(?:[ 、，,和與与]${ZH_ONE_NAME}){0,3}$`);

/** A line holding only a romanized name, as printed under a Chinese byline. */
export function isLatinNameLine(text: string): boolean {
  return /^[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,3}(?:(?:,| and) [A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,3}){0,2}$/.test(text);
}

const OPEN = /^[(（[【]\s*/;
/**
 * Does t end with a closing bracket (/\s*[)）\]】]$/, which needs no pass over t: only its last
 * character counts)? Cutting that match and trimming is cutting the bracket and trimming:
 * the whitespace before it is what trim() removes anyway (\s and trim() share one set).
 */
const closes = (t: string) => t.length > 0 && ')）]】'.includes(t[t.length - 1]!);

export function unwrap(text: string): string {
  const t = text.trim();
  if (OPEN.test(t) && closes(t)) return t.replace(OPEN, '').slice(0, -1).trim();
  return t;
}

/** "(The author is …)" / "（作者系…）" → the sentence without parentheses. */
export function authorNoteOf(text: string, lang: Lang): string | undefined {
  if (text.length > AUTHOR_NOTE_MAX) return undefined;
  const c = text.charCodeAt(0);
  // Stryker disable next-line ConditionalExpression: a fast path; the pattern(s) it guards are anchored at the (trimmed) text's start and cannot match a text whose first letter, digit or Han character none of them starts with (unwrap keeps a plain first character).
  if (plainStart(c) && !AUTHOR_NOTE_START[lang].has(c)) return undefined;
  const t = unwrap(text);
  if (lang === 'en') {
    if (AUTHOR_NOTE_EN.test(t)) return t;
    if (AUTHOR_NOTE_EN_LABELLED.test(t)) return t.replace(AUTHOR_NOTE_EN_LABEL, '');
    return undefined;
  }
  if (AUTHOR_NOTE_ZH.test(t)) return t.replace(AUTHOR_NOTE_ZH_LABEL, '');
  return undefined;
}

/** "Editor's Note: …" / "编者按：…" → the note without its label and brackets. */
export function editorNoteOf(text: string): string | undefined {
  const c = text.charCodeAt(0);
  // Stryker disable next-line ConditionalExpression: a fast path; the pattern(s) it guards are anchored at the (trimmed) text's start and cannot match a text whose first letter, digit or Han character none of them starts with.
  if (plainStart(c) && !EDITOR_NOTE_START.has(c)) return undefined;
  const m = EDITOR_NOTE.exec(text);
  if (!m) return undefined;
  let rest = text.slice(m[0].length).trim();
  // "(Editor's note: …)" wraps the whole note; "【编者按】…" closes right after the label.
  if (OPEN.test(text.trim()) && !/[)）\]】]\s*[:：]?\s*$/.test(m[0])) rest = (closes(rest) ? rest.slice(0, -1) : rest).trim();
  return rest || undefined;
}

/** Page-title suffixes like " - China Daily" or "_中国军网": keep the part that is the headline. */
export function titleParts(docTitle: string): string[] {
  return docTitle
    .split(/\s+[-|–—_｜:]\s+|\s*[|｜_]\s*|\s+-\s*|--/)
    .map((s) => s.trim())
    .filter(Boolean);
}
