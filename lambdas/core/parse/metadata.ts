/**
 * Metadata in the forms bilingual news sites print: label lines (来源：/Source:, 责任编辑：/
 * Editor:, full- or half-width colons, several labels on one line), dates in numeric,
 * Chinese and English forms, bylines ("By …", 作者：…, a bare Chinese name under the English
 * one), author notes ("(The author is …)", "（作者系…）") and editor's notes ("Editor's Note:",
 * "编者按："). Every reader here is lenient: it returns undefined rather than throwing.
 */
import type { Lang } from './lang.js';

export interface FoundDate {
  /** RFC 3339, e.g. 2025-03-29T16:13:28+08:00. */
  iso: string;
  index: number;
  length: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_RE = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const TIME_RE = '(?:[T\\s,]*(?:at\\s+)?(\\d{1,2})\\s*[:：时時]\\s*(\\d{2})(?:\\s*[:：分]\\s*(\\d{2}))?\\s*[秒分]?(?:\\.\\d+)?\\s*([ap]\\.?m\\.?)?)?';
const ZONE_RE = '(?:\\s*(Z|[+-]\\d{2}:?\\d{2}|\\(?(?:GMT|UTC)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?\\)?|GMT|UTC|BJT|CST|Beijing\\s+Time|北京时间|北京時間))?';

const NUMERIC = new RegExp(`(?<!\\d)(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)\\s*日?${TIME_RE}${ZONE_RE}`, 'i');
const MDY = new RegExp(`\\b${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b${TIME_RE}${ZONE_RE}`, 'i');
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}\\.?,?\\s+(\\d{4})\\b${TIME_RE}${ZONE_RE}`, 'i');

const YEAR = /\d{4}/;

const pad = (n: number) => String(n).padStart(2, '0');

function zoneOffset(zone: string | undefined): string {
  if (!zone) return '+08:00';
  const z = zone.replace(/[()\s]/g, '').toUpperCase();
  if (z === 'Z' || z === 'GMT' || z === 'UTC') return '+00:00';
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (m) return `${m[1]}${pad(Number(m[2]))}:${m[3] ?? '00'}`;
  // BJT, CST (China Standard Time on Chinese sites), Beijing time.
  return '+08:00';
}

function build(y: number, mo: number, d: number, h: string | undefined, mi: string | undefined, s: string | undefined, ampm: string | undefined, zone: string | undefined): string | undefined {
  if (y < 1970 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  let hour = h === undefined ? 0 : Number(h);
  const min = mi === undefined ? 0 : Number(mi);
  const sec = s === undefined ? 0 : Number(s);
  if (ampm) {
    const pm = /^p/i.test(ampm);
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  if (hour > 23 || min > 59 || sec > 60) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(hour)}:${pad(min)}:${pad(sec)}${zoneOffset(zone)}`;
}

/**
 * The first date in a text. A time without a zone is read as Beijing time (+08:00): these
 * are Chinese sites, and their pages print local time.
 */
export function findDate(text: string): FoundDate | undefined {
  // Each of the three forms holds a four-digit year.
  if (!YEAR.test(text)) return undefined;
  const found: FoundDate[] = [];
  const n = NUMERIC.exec(text);
  if (n) {
    const iso = build(Number(n[1]), Number(n[2]), Number(n[3]), n[4], n[5], n[6], n[7], n[8]);
    if (iso) found.push({ iso, index: n.index, length: n[0].length });
  }
  const a = MDY.exec(text);
  if (a) {
    const iso = build(Number(a[3]), MONTHS[a[1]!.toLowerCase()] ?? 0, Number(a[2]), a[4], a[5], a[6], a[7], a[8]);
    if (iso) found.push({ iso, index: a.index, length: a[0].length });
  }
  const b = DMY.exec(text);
  if (b) {
    const iso = build(Number(b[3]), MONTHS[b[2]!.toLowerCase()] ?? 0, Number(b[1]), b[4], b[5], b[6], b[7], b[8]);
    if (iso) found.push({ iso, index: b.index, length: b[0].length });
  }
  found.sort((x, y) => x.index - y.index);
  const first = found[0];
  if (first) {
    // Trim trailing whitespace/comma the optional groups may have swallowed.
    const raw = text.slice(first.index, first.index + first.length);
    first.length = raw.replace(/[\s,]+$/, '').length;
  }
  return first;
}

/** An ISO-ish timestamp from a <meta> tag, normalized; bare local times become +08:00. */
export function parseMetaDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return findDate(value)?.iso;
}

type Field = 'source' | 'editor' | 'author' | 'date' | 'noise';

// Pattern sources: String.raw keeps \s a whitespace class (a plain string would make it 's').
const LABEL_WORDS: Array<[string, Field]> = [
  [String.raw`责任编辑|責任編輯|责编|責編|编辑|編輯|Editor[- ]in[- ]charge|Chief\s+Editor|Executive\s+Editor|Editors?`, 'editor'],
  ['来源|來源|稿源|出处|出處|Source|From', 'source'],
  ['作者|记者|記者|撰文|撰稿|供稿|Author|Writer|Reporter', 'author'],
  [String.raw`发布时间|發佈時間|發布時間|发表时间|發表時間|发布日期|發布日期|更新时间|更新時間|时间|時間|日期|Published(?:\s+(?:on|at|time))?|Publish(?:ed)?\s+time|Release\s+time|Posted(?:\s+on)?|Updated(?:\s+on)?|Date|Time`, 'date'],
  // Labels we do not keep, listed so that they end the value before them.
  [String.raw`点击数?|點擊數?|浏览(?:量|次数)?|瀏覽|阅读(?:量|数)?|閱讀|字号|字號|审核|審核|审校|審校|校对|校對|监制|監製|统筹|統籌|编审|編審|终审|終審|摄影|攝影|图片|圖片|翻译|翻譯|译者|譯者|Views?|Hits|Font\s+size|Clicks?|Photo(?:grapher)?|Translator|Proofreader|Reviewer`, 'noise'],
];
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
}

const SEP = /^[\s|｜/\\·•,，;；\-–—_\[\]【】()（）]+|[\s|｜/\\·•,，;；\-–—_\[\]【】()（）]+$/g;
const SEP_CHAR = /[\s|｜/\\·•,，;；\-–—_\[\]【】()（）]/;

/** s.replace(SEP, ''): SEP can only match where s starts or ends with one of its characters. */
function stripSep(s: string): string {
  if (s === '' || (!SEP_CHAR.test(s[0]!) && !SEP_CHAR.test(s[s.length - 1]!))) return s;
  return s.replace(SEP, '');
}
/**
 * Every meta line has a label colon, a "by", or a year; most body lines have none. (That is
 * /[:：]|\bby\s|\d{4}/i spelled without the i flag, which irregexp runs markedly faster:
 * without the u flag, i folds only ASCII letters.)
 */
const MAYBE_META = /[:：]|\d\d\d\d|\b[bB][yY]\s/;
const SENTENCE_END = '.!?。！？"”」';
/** Where a value ends: two spaces or a separator start the next, unlabelled, item. */
const VALUE_END = /\s{2,}|[|｜]/;

/** The segment with its first date cut out (out.date takes the date if it has none yet). */
function takeDates(segment: string, out: MetaLine): string {
  const d = findDate(segment);
  if (!d) return segment;
  out.date ??= d.iso;
  return `${segment.slice(0, d.index)} ${segment.slice(d.index + d.length)}`;
}

/**
 * Read a line made of labelled fields and/or a date ("来源：X 责任编辑：Y 2025-03-29 16:13").
 * Returns undefined when the line carries other text (a body paragraph that mentions a date).
 */
export function parseMetaLine(text: string): MetaLine | undefined {
  if (text.length > 240) return undefined;
  // A line ending like a sentence is a sentence (the cheaper test first).
  if (text.length > 60 && SENTENCE_END.includes(text[text.length - 1]!)) return undefined;
  if (!MAYBE_META.test(text)) return undefined;
  LABEL_SCAN.lastIndex = 0;
  let m = LABEL_SCAN.exec(text);
  const out: MetaLine = {};
  if (!m) {
    const rest = takeDates(text, out);
    if (!out.date || stripSep(rest).replace(/[\s()（）[\]【】]/g, '').length > 6) return undefined;
    return out;
  }
  const firstField = fieldOf(m);
  const firstStart = m.index;
  const firstEnd = m.index + m[0].length;
  // Text before the first label: allowed only if it is a date or a short site name (the
  // labels after it could not change that verdict, so it is given at once).
  if (stripSep(takeDates(text.slice(0, firstStart), out)).length > 12) return undefined;
  let field = firstField;
  let end = firstEnd;
  let count = 0;
  while (m) {
    count++;
    const next = LABEL_SCAN.exec(text);
    let value = text.slice(end, next ? next.index : text.length);
    value = takeDates(value, out);
    const cut = value.search(VALUE_END);
    value = stripSep(cut < 0 ? value : value.slice(0, cut)).trim();
    if (value && field !== 'date' && field !== 'noise') {
      if (field === 'source') out.source ??= value;
      else if (field === 'editor') out.editor ??= value;
      else if (field === 'author') {
        out.author ??= value;
        (out.authors ??= []).push(value);
      }
    }
    m = next;
    if (next) {
      field = fieldOf(next);
      end = next.index + next[0].length;
    }
  }
  if (!out.source && !out.editor && !out.author && !out.date) return undefined;
  // "By" alone is a byline, handled by bylineOf; here it must come with other fields.
  if (count === 1 && firstField === 'author' && !out.date && /^by$/i.test(text.slice(firstStart, firstEnd).trim())) return undefined;
  return out;
}

/**
 * A letter, digit or Han character: trimming and unwrapping keep it, so a text starting with
 * one starts with it for every anchored pattern below too (their quick first-character exits).
 */
function plainStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x3400 && c <= 0x9fff);
}

/** "By Zhang Gaosheng" → "Zhang Gaosheng". Names only: affiliation and place are cut. */
export function bylineOf(text: string): string | undefined {
  if (text.length > 120) return undefined;
  // Both patterns start with B, W, A or R (case-insensitive in ASCII only, without the u flag).
  const c = text.charCodeAt(0) | 0x20;
  if (c !== 0x62 && c !== 0x77 && c !== 0x61 && c !== 0x72) return undefined;
  const m = /^(?:By|Written by|Author|Reporter)\s*[:：]?\s+(.+)$/i.exec(text) ?? /^(?:By|Written by)\s*[:：]\s*(.+)$/i.exec(text);
  if (!m) return undefined;
  // "By Friday, the storm had passed." is a sentence, not a byline: what follows a name is an
  // affiliation or place (capitalized), never running lower-case prose.
  const words = m[1]!.split(/\s+/);
  const prose = words.filter((w) => /^[a-z]/.test(w) && !/^(?:and|in|for|from|at|of|the|de|van|von|bin|da|di|le|la|staff|reporter|correspondent|writer)$/.test(w)).length;
  if (prose > 0) return undefined;
  let name = m[1]!.split(/\s*[,，|｜(（/]|\s+(?:in|for|from|at|on)\s+(?=[A-Z0-9])|\s+\d/)[0]!.trim();
  name = name.replace(/[.;:]+$/, '');
  if (!/^[A-Z\u00c0-\u024f]/.test(name)) return undefined;
  if (name.split(/\s+/).length > 8) return undefined;
  return name;
}

/** "文/张三", "记者 张三 李四", "作者｜张三" → the names. */
export function zhBylineOf(text: string): string | undefined {
  const c = text.charCodeAt(0);
  // 本 特 作 文 记 記 撰
  if (plainStart(c) && c !== 0x672c && c !== 0x7279 && c !== 0x4f5c && c !== 0x6587 && c !== 0x8bb0 && c !== 0x8a18 && c !== 0x64b0) return undefined;
  const m = /^(?:本报|本報|本网|本網|本台|特约|特約)?(?:作者|文|记者|記者|撰文|撰稿)\s*[:：/／|｜\s]\s*([\u3400-\u9fff·]{2,6}(?:[ 、，,和與与][\u3400-\u9fff·]{2,6}){0,3})$/.exec(text.trim());
  return m?.[1];
}

/** A line holding only a Chinese personal name (or two), as printed under an English byline. */
export function isChineseNameLine(text: string): boolean {
  return /^[\u3400-\u9fff·•]{2,6}(?:[ 、，,和與与][\u3400-\u9fff·•]{2,6}){0,3}$/.test(text);
}

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

function unwrap(text: string): string {
  const t = text.trim();
  if (OPEN.test(t) && closes(t)) return t.replace(OPEN, '').slice(0, -1).trim();
  return t;
}

/** "(The author is …)" / "（作者系…）" → the sentence without parentheses. */
export function authorNoteOf(text: string, lang: Lang): string | undefined {
  if (text.length > 600) return undefined;
  const c = text.charCodeAt(0);
  // The patterns start with T or A (ASCII case-insensitive), or with 作 or 本.
  if (plainStart(c) && (lang === 'en' ? (c | 0x20) !== 0x74 && (c | 0x20) !== 0x61 : c !== 0x4f5c && c !== 0x672c)) return undefined;
  const t = unwrap(text);
  if (lang === 'en') {
    if (/^(?:The|This)\s+(?:author|writer|columnist|commentator)s?\s+(?:is|are|was|were|works|serves|has)\b/i.test(t)) return t;
    if (/^About the author\s*[:：]\s*(.+)$/i.test(t)) return t.replace(/^About the author\s*[:：]\s*/i, '');
    return undefined;
  }
  if (/^(?:作者|本文作者|作者简介|作者簡介)\s*(?:系|是|为|為|现为|現為|现任|現任|单位|單位|[:：]\s*\S+?[，,]\s*\S*(?:研究|教授|学者|學者|记者|記者|主任|专家|專家))/.test(t)) {
    return t.replace(/^(?:作者简介|作者簡介)\s*[:：]\s*/, '');
  }
  return undefined;
}

const EDITOR_NOTE = /^[(（[【]?\s*(?:Editor['’]?s['’]?\s+notes?|Editor\s+notes?|Editorial\s+note|Note\s+from\s+the\s+editor|Ed(?:itor)?\.?\s+note|编者按|編者按|编者注|編者註|編者注|编辑按|編輯按|编者的话|編者的話)\s*[)）\]】]?\s*[:：]?\s*/i;

/** "Editor's Note: …" / "编者按：…" → the note without its label and brackets. */
export function editorNoteOf(text: string): string | undefined {
  const c = text.charCodeAt(0);
  // The labels start with E or N (ASCII case-insensitive), 编 or 編.
  if (plainStart(c) && (c | 0x20) !== 0x65 && (c | 0x20) !== 0x6e && c !== 0x7f16 && c !== 0x7de8) return undefined;
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
