/**
 * Find the article in a page's units and sort its parts: titles, label lines, bylines,
 * notes and body paragraphs. The body is the densest contiguous run of text (maximum-sum
 * window over per-unit weights: long low-link text counts for, menus, link lists, share
 * bars and copyright lines count against), so chrome around it falls away without site rules.
 */
import { parsePageDate } from '../dates.js';
import {
  CHROME_LINE_MAX,
  CHROME_LINE_WORDS,
  COPYRIGHT_LINE,
  LINK_LIST_DENSITY,
  LONG_PARAGRAPH,
  META_LINE_IN_BODY_MAX,
  META_LOOK_AROUND,
  SHORT_LINE,
  SITE_NAME_SHARE,
  TITLE_GUESS_MAX,
  TITLE_GUESS_MAX_ENDED,
  TITLE_LINK_DENSITY_MAX,
  TITLE_LOOK_BACK,
  TITLE_MAX,
  TITLE_PART_MIN,
  TITLE_STEP_BACK,
  TOP_HEADING_LEVEL,
  WEIGHT,
} from './heuristics.js';
import type { PageMeta } from './html.js';
import { detectLang, englishEquivalent, type Lang } from './lang.js';
import {
  authorNoteOf,
  bylineOf,
  editorNoteOf,
  isChineseNameLine,
  isLatinNameLine,
  zhBylineOf,
  parseMetaLine,
  titleParts,
  type MetaLine,
} from './metadata.js';
import { withoutIgnoreCase } from './regex.js';
import type { Unit } from './split.js';

/** CHROME_LINE_WORDS, sticky: onlyChromeWords tries it one position at a time. */
const CHROME_AT = new RegExp(CHROME_LINE_WORDS.source, 'iy');
/** Whitespace and punctuation, ASCII and CJK (a \p{P} class was measurably slower here). */
export const PUNCT_AT = /[\s!-\/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/y;
/** COPYRIGHT_LINE without the i flag (its letters spelled in both cases): the same matches, faster. */
const COPYRIGHT = withoutIgnoreCase(COPYRIGHT_LINE);
/**
 * Every COPYRIGHT_LINE alternative holds one of these ("copyright" and "all rights" both hold
 * "gh"): a line without any cannot be a copyright line. test/core/parse/reference.test.ts
 * checks each alternative against it.
 */
export const MAYBE_COPYRIGHT = withoutIgnoreCase(/[©(版备證证備违]|gh/i);

/**
 * Is the text made only of chrome words and punctuation? The same verdict as deleting every
 * CHROME_AT match (global replace: leftmost match first, scanning on after it) and then
 * every punctuation run, and asking whether anything is left: walk the text the way the
 * replace would, and stop at the first character neither would delete. No chrome word starts
 * with punctuation, so a punctuation run can be skipped before trying the words.
 */
export function onlyChromeWords(text: string): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    PUNCT_AT.lastIndex = i;
    if (PUNCT_AT.test(text)) {
      i = PUNCT_AT.lastIndex;
      if (i >= n) break;
    }
    CHROME_AT.lastIndex = i;
    if (!CHROME_AT.test(text)) return false;
    i = CHROME_AT.lastIndex;
  }
  return true;
}

export function isChromeLine(text: string): boolean {
  if (text.length < CHROME_LINE_MAX && onlyChromeWords(text)) return true;
  return text.length < SHORT_LINE && MAYBE_COPYRIGHT.test(text) && COPYRIGHT.test(text);
}

/** Per-unit verdicts computed once and shared by the window and the parts pass. */
function chromeOf(u: Unit): boolean {
  if (u.chrome === undefined) u.chrome = isChromeLine(u.text);
  return u.chrome;
}
function metaOf(u: Unit): MetaLine | undefined {
  if (u.meta === undefined) u.meta = u.text.length < SHORT_LINE ? parseMetaLine(u.text) ?? null : null;
  return (u.meta as MetaLine | null) ?? undefined;
}

function weight(u: Unit): number {
  if (u.text.length < SHORT_LINE && chromeOf(u)) return WEIGHT.chrome;
  // Label lines often link their values (来源：<a>新华网</a>); they are not link lists.
  if (u.linkDensity > LINK_LIST_DENSITY) return u.text.length < SHORT_LINE && metaOf(u) ? WEIGHT.metaLine : -Math.min(WEIGHT.linkListCostMax, u.text.length * WEIGHT.linkCharCost) - WEIGHT.linkListCost;
  if (u.lang === 'other') return metaOf(u) ? WEIGHT.otherMeta : WEIGHT.other;
  if (u.heading > 0 && u.heading <= TOP_HEADING_LEVEL) return WEIGHT.topHeading;
  if (u.text.length < SHORT_LINE && metaOf(u)) return WEIGHT.metaLine;
  const eq = englishEquivalent(u.text, u.lang, u.counts);
  return Math.min(eq, WEIGHT.bodyCreditMax) * (1 - u.linkDensity) - WEIGHT.bodyCost;
}

/** Maximum-sum window over unit weights (Kadane). */
export function articleWindow(units: Unit[]): { start: number; end: number; score: number } {
  let bestStart = 0;
  let bestEnd = -1;
  let bestScore = 0;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < units.length; i++) {
    const w = weight(units[i]!);
    if (sum <= 0) {
      sum = w;
      start = i;
    } else sum += w;
    if (sum > bestScore) {
      bestStart = start;
      bestEnd = i;
      bestScore = sum;
    }
  }
  return { start: bestStart, end: bestEnd, score: bestScore };
}

export interface ArticleParts {
  title: Partial<Record<Lang, string>>;
  byline: Partial<Record<Lang, string>>;
  source?: string;
  editor?: string;
  published?: string;
  authorNote: Partial<Record<Lang, string>>;
  editorNote: Partial<Record<Lang, string>>;
  /** Body paragraphs in page order, each with the index of the block it came from (structure.ts reads the markup by it). */
  body: Array<{ text: string; lang: Lang; block: number }>;
}

/** Text without whitespace (most Chinese lines have none: then no new string is built). */
const squash = (s: string) => (HAS_SPACE.test(s) ? s.replace(SPACES, '') : s);
const HAS_SPACE = /\s/;
const SPACES = /\s+/g;

/** The page's <title> and og:title as the title tests use them, squashed once per page. */
class DocTitle {
  /** title + ogTitle */
  readonly #both: string;
  /** title ?? ogTitle ?? '' */
  readonly #main: string;
  #squashed: string | undefined;
  #mainLength: number | undefined;
  constructor(meta: PageMeta) {
    this.#both = `${meta.title ?? ''}${meta.ogTitle ?? ''}`;
    this.#main = `${meta.title ?? meta.ogTitle ?? ''}`;
  }
  get present(): boolean {
    return this.#both !== '';
  }
  /** Does squash(title + ogTitle) hold this squashed text? (Only when present.) */
  holds(squashed: string): boolean {
    this.#squashed ??= squash(this.#both);
    return this.#squashed.includes(squashed);
  }
  /** squash(title ?? ogTitle ?? '').length (often the same string as title + ogTitle). */
  get mainLength(): number {
    if (this.#mainLength === undefined) this.#mainLength = this.#main === this.#both ? (this.#squashed ??= squash(this.#both)).length : squash(this.#main).length;
    return this.#mainLength;
  }
}

/**
 * Without headings, a short line may be a title — but not a body sentence: headlines are
 * short and rarely end in a full stop, and on HTML pages they also appear in <title>.
 */
function looksLikeTitle(text: string, lang: Lang, doc: DocTitle): boolean {
  if (doc.present) return doc.holds(squash(text));
  const ended = lang === 'en' ? /[.!?]["'”’]?$/.test(text) : /[。！？]["'”’」]?$/.test(text);
  return text.length <= TITLE_GUESS_MAX[lang] && (!ended || text.length <= TITLE_GUESS_MAX_ENDED[lang]);
}

/** What a unit of the window is. Chrome and script-less units leave the previous kind standing. */
type Kind = 'chrome' | 'other' | 'note' | 'byline' | 'meta' | 'title' | 'titlecand' | 'deck' | 'body';

interface TitleCandidate {
  text: string;
  lang: Lang;
  i: number;
}

/** The state of the walk through the window: what is known so far. */
interface Walk {
  readonly units: Unit[];
  readonly parts: ArticleParts;
  readonly doc: DocTitle;
  /** Dates from label lines, in page order. */
  readonly dates: string[];
  /** Titles must be headings: some heading comes before the first long paragraph. */
  readonly headingTitles: boolean;
  /** Index of the first long paragraph (past the window when there is none). */
  readonly firstLong: number;
  /** Above the first body paragraph still. */
  inHead: boolean;
  /** The last unit's kind, skipping chrome and script-less units (undefined at the start). */
  prevKind: Kind | undefined;
  /** Headline guesses on pages whose titles are not headings. */
  readonly titleCands: TitleCandidate[];
  /** Per language: the title so far may be a logo or column name that a later heading should replace. */
  readonly weakTitle: Partial<Record<Lang, boolean>>;
}

/** A label line's fields into the parts (the first source/editor wins; every date is kept, in order). */
function takeMeta(w: Walk, m: MetaLine, lang: Lang | 'other'): void {
  const parts = w.parts;
  if (m.source && !parts.source) parts.source = m.source;
  if (m.editor && !parts.editor) parts.editor = m.editor;
  if (m.date) w.dates.push(m.date);
  for (const a of m.authors ?? []) {
    const l = detectLang(a) === 'zh' ? 'zh' : lang === 'zh' && detectLang(a) !== 'en' ? 'zh' : 'en';
    parts.byline[l] ??= a.replace(/^By\s+/i, '');
  }
}

/** One kind of unit: records what the unit holds and names the kind, or undefined when the unit is not of it. */
type Classifier = (u: Unit, lang: Lang, i: number, w: Walk) => Kind | undefined;

const editorNote: Classifier = (u, lang, _i, w) => {
  const note = editorNoteOf(u.text);
  if (!note) return undefined;
  w.parts.editorNote[lang] ??= note;
  return 'note';
};

const authorNote: Classifier = (u, lang, _i, w) => {
  const note = authorNoteOf(u.text, lang);
  if (!note) return undefined;
  w.parts.authorNote[lang] ??= note;
  return 'note';
};

/** Bylines come before the body (or while the body has not begun). */
const bylinePlace = (w: Walk) => w.inHead || w.parts.body.length === 0;

const englishByline: Classifier = (u, lang, _i, w) => {
  if (lang !== 'en' || !bylinePlace(w)) return undefined;
  const by = bylineOf(u.text);
  if (!by) return undefined;
  w.parts.byline.en ??= by;
  // "By X | China Daily | Updated: 2025-03-29 16:13" carries more than the name.
  const m = metaOf(u);
  if (m) takeMeta(w, m, lang);
  return 'byline';
};

const chineseByline: Classifier = (u, lang, _i, w) => {
  if (lang !== 'zh' || !bylinePlace(w)) return undefined;
  const by = zhBylineOf(u.text);
  if (!by) return undefined;
  w.parts.byline.zh ??= by;
  return 'byline';
};

/** A label line (来源：…, Editor: …); in the body only a short one (a longer one is a sentence). */
const labelLine: Classifier = (u, lang, _i, w) => {
  const m = metaOf(u);
  if (!m || !(w.inHead || u.text.length < META_LINE_IN_BODY_MAX)) return undefined;
  takeMeta(w, m, lang);
  return m.author && !m.source && !m.editor && !m.date ? 'byline' : 'meta';
};

/** A bare Chinese name right after a byline, or right before an English one. */
const chineseNameLine: Classifier = (u, lang, i, w) => {
  if (!w.inHead || lang !== 'zh' || !isChineseNameLine(u.text)) return undefined;
  const next = w.units[i + 1];
  if (w.prevKind !== 'byline' && !(next && bylineOf(next.text))) return undefined;
  w.parts.byline.zh ??= u.text;
  return 'byline';
};

/** A bare romanized name right after a Chinese byline. */
const latinNameLine: Classifier = (u, lang, _i, w) => {
  const byline = w.parts.byline;
  if (!w.inHead || lang !== 'en' || w.prevKind !== 'byline' || !byline.zh || byline.en || !isLatinNameLine(u.text)) return undefined;
  byline.en = u.text;
  return 'byline';
};

/** On pages whose titles are headings: a heading (or a line continuing one) before the body. */
const headingTitle: Classifier = (u, lang, _i, w) => {
  const { parts, weakTitle, doc } = w;
  const text = u.text;
  if (!w.headingTitles || !w.inHead || (parts.title[lang] && !weakTitle[lang]) || text.length > TITLE_MAX[lang] || !(u.heading > 0 || w.prevKind === 'title')) return undefined;
  // A heading the page's <title> does not contain (a logo, a column name) yields to a later
  // one it does contain. inDoc: is the heading part of <title>/og:title (undefined when the
  // page has neither)?
  const squashed = doc.present ? squash(text) : '';
  const inDoc = doc.present ? doc.holds(squashed) : undefined;
  const cur = parts.title[lang];
  if (!cur || (weakTitle[lang] && inDoc === true)) {
    parts.title[lang] = text;
    // Weak: not in <title>, or possibly just the site name that <title> also carries.
    weakTitle[lang] = inDoc !== undefined && (inDoc === false || squashed.length * SITE_NAME_SHARE < doc.mainLength);
  } else if (weakTitle[lang] && inDoc && squashed.length > squash(cur).length) parts.title[lang] = text;
  return 'title';
};

/** On pages without title headings: a headline-like line before the labels (or right after them when none came before). */
const guessedTitle: Classifier = (u, lang, i, w) => {
  const prev = w.prevKind;
  if (w.headingTitles || !w.inHead || u.text.length > TITLE_MAX[lang]) return undefined;
  if (!(prev === undefined || prev === 'titlecand' || (w.titleCands.length === 0 && prev === 'meta'))) return undefined;
  if (!looksLikeTitle(u.text, lang, w.doc)) return undefined;
  w.titleCands.push({ text: u.text, lang, i });
  return 'titlecand';
};

/** A heading between the title and the first long paragraph that is no title: a deck or standfirst, not body. */
const deck: Classifier = (u, _lang, i, w) => (w.inHead && u.heading > 0 && i < w.firstLong ? 'deck' : undefined);

/** Tried in this order; the first that recognises a unit decides (a unit none recognises is body). */
const CLASSIFIERS: readonly Classifier[] = [editorNote, authorNote, englishByline, chineseByline, labelLine, chineseNameLine, latinNameLine, headingTitle, guessedTitle, deck];
/** Once the body has begun only these can still recognise a unit (the others want the head). */
const IN_BODY: readonly Classifier[] = [editorNote, authorNote, labelLine];

function classify(u: Unit, i: number, w: Walk): Kind {
  if ((u.text.length < SHORT_LINE && chromeOf(u)) || (u.linkDensity > LINK_LIST_DENSITY && !metaOf(u))) return 'chrome';
  if (u.lang === 'other') {
    const m = metaOf(u);
    if (m) takeMeta(w, m, 'other');
    return 'other';
  }
  for (const c of w.inHead ? CLASSIFIERS : IN_BODY) {
    const kind = c(u, u.lang, i, w);
    if (kind) return kind;
  }
  return 'body';
}

/** A headline is short and weighs little, so the window may start just after it: step back over title-like lines. */
function headStart(units: Unit[], from: number, doc: DocTitle): number {
  let start = from;
  for (let k = 0; k < TITLE_STEP_BACK && start > 0; k++) {
    const p = units[start - 1]!;
    const titleLike = (p.lang === 'en' || p.lang === 'zh') && p.linkDensity < TITLE_LINK_DENSITY_MAX && !chromeOf(p) && p.text.length <= TITLE_MAX[p.lang] && (p.heading > 0 || looksLikeTitle(p.text, p.lang, doc));
    if (!titleLike) break;
    start--;
  }
  return start;
}

/** Index of the first long paragraph that is no heading in units[start..end] (end + 1 when none). */
function firstLongParagraph(units: Unit[], start: number, end: number): number {
  for (let i = start; i <= end; i++) {
    const u = units[i]!;
    if (u.lang !== 'other' && u.heading === 0 && englishEquivalent(u.text, u.lang, u.counts) > LONG_PARAGRAPH) return i;
  }
  return end + 1;
}

/**
 * Site names and menu words also look like headlines; the headline pair is the adjacent
 * English/Chinese pair whose lengths agree best (all candidates when no pair is adjacent).
 */
function headlinePair(cands: TitleCandidate[]): TitleCandidate[] {
  let best: [number, number] | undefined;
  let bestScore = Infinity;
  for (let k = 0; k + 1 < cands.length; k++) {
    const a = cands[k]!;
    const b = cands[k + 1]!;
    if (a.lang === b.lang || b.i !== a.i + 1) continue;
    const score = Math.abs(Math.log(englishEquivalent(a.text, a.lang) / englishEquivalent(b.text, b.lang)));
    if (score < bestScore) {
      bestScore = score;
      best = [k, k + 1];
    }
  }
  return best ? best.map((k) => cands[k]!) : cands;
}

/** A title the window missed: the nearest heading before it, then the longest fitting part of og:title or <title>. */
function titleOutside(units: Unit[], windowStart: number, meta: PageMeta, lang: Lang): string | undefined {
  for (let i = windowStart - 1; i >= 0 && i >= windowStart - TITLE_LOOK_BACK; i--) {
    const u = units[i]!;
    if (u.heading > 0 && u.lang === lang && u.text.length <= TITLE_MAX[lang] && u.linkDensity < LINK_LIST_DENSITY) return u.text;
  }
  for (const doc of [meta.ogTitle, meta.title]) {
    if (!doc) continue;
    const cands = titleParts(doc).filter((p) => detectLang(p) === lang);
    const bestPart = cands.sort((a, b) => b.length - a.length)[0];
    if (bestPart && bestPart.length > TITLE_PART_MIN[lang]) return bestPart;
  }
  return undefined;
}

/** Label lines outside the window (e.g. 责任编辑 under the article, outside its container); a date only from before it. */
function labelsAround(w: Walk, window: { start: number; end: number }): void {
  const { units, parts, dates } = w;
  const lo = Math.max(0, window.start - META_LOOK_AROUND);
  const hi = Math.min(units.length - 1, window.end + META_LOOK_AROUND);
  for (let i = lo; i <= hi; i++) {
    if (i >= window.start && i <= window.end) continue;
    const m = metaOf(units[i]!);
    if (!m) continue;
    if (m.source && !parts.source) parts.source = m.source;
    if (m.editor && !parts.editor) parts.editor = m.editor;
    if (m.date && dates.length === 0 && i < window.start) dates.push(m.date);
  }
}

/** Sort the window's units into article parts; look around it for what it lacks. */
export function articleParts(units: Unit[], meta: PageMeta, window: { start: number; end: number }): ArticleParts {
  const parts: ArticleParts = { title: {}, byline: {}, authorNote: {}, editorNote: {}, body: [] };
  const doc = new DocTitle(meta);
  const start = headStart(units, window.start, doc);
  const firstLong = firstLongParagraph(units, start, window.end);
  let headingTitles = false;
  for (let i = start; i < firstLong; i++) if (units[i]!.heading > 0 && units[i]!.lang !== 'other') headingTitles = true;
  const w: Walk = { units, parts, doc, dates: [], headingTitles, firstLong, inHead: true, prevKind: undefined, titleCands: [], weakTitle: {} };

  for (let i = start; i <= window.end; i++) {
    const u = units[i]!;
    const kind = classify(u, i, w);
    if (kind === 'body' && u.lang !== 'other') {
      w.inHead = false;
      parts.body.push({ text: u.text, lang: u.lang, block: u.block });
    }
    if (kind !== 'other' && kind !== 'chrome') w.prevKind = kind;
  }

  if (w.titleCands.length) for (const c of headlinePair(w.titleCands)) parts.title[c.lang] ??= c.text;
  for (const lang of ['en', 'zh'] as const) {
    if (parts.title[lang]) continue;
    const title = titleOutside(units, window.start, meta, lang);
    if (title) parts.title[lang] = title;
  }
  if (!parts.source || !parts.editor || w.dates.length === 0) labelsAround(w, window);
  parts.published = w.dates[0] ?? parsePageDate(meta.published);
  return parts;
}
