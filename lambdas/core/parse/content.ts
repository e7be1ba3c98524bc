/**
 * Find the article in a page's units and sort its parts: titles, label lines, bylines,
 * notes and body paragraphs. The body is the densest contiguous run of text (maximum-sum
 * window over per-unit weights: long low-link text counts for, menus, link lists, share
 * bars and copyright lines count against), so chrome around it falls away without site rules.
 */
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
import { englishEquivalent, type Lang } from './lang.js';
import {
  authorNoteOf,
  bylineOf,
  editorNoteOf,
  isChineseNameLine,
  isLatinNameLine,
  zhBylineOf,
  parseMetaDate,
  parseMetaLine,
  titleParts,
  type MetaLine,
} from './metadata.js';
import { withoutIgnoreCase } from './regex.js';
import type { Unit } from './split.js';
import { detectLang } from './lang.js';

/** CHROME_LINE_WORDS, sticky: onlyChromeWords tries it one position at a time. */
const CHROME_AT = new RegExp(CHROME_LINE_WORDS.source, 'iy');
/** Whitespace and punctuation, ASCII and CJK (a \p{P} class was measurably slower here). */
const PUNCT_AT = /[\s!-\/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/y;
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
function onlyChromeWords(text: string): boolean {
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
  body: Array<{ text: string; lang: Lang }>;
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

/** Sort the window's units into article parts; look around it for what it lacks. */
export function articleParts(units: Unit[], meta: PageMeta, window: { start: number; end: number }): ArticleParts {
  const parts: ArticleParts = { title: {}, byline: {}, authorNote: {}, editorNote: {}, body: [] };
  const doc = new DocTitle(meta);
  const dates: string[] = [];
  const metaFields = (m: MetaLine, lang: Lang | 'other') => {
    if (m.source && !parts.source) parts.source = m.source;
    if (m.editor && !parts.editor) parts.editor = m.editor;
    if (m.date) dates.push(m.date);
    for (const a of m.authors ?? []) {
      const l = detectLang(a) === 'zh' ? 'zh' : lang === 'zh' && detectLang(a) !== 'en' ? 'zh' : 'en';
      parts.byline[l] ??= a.replace(/^By\s+/i, '');
    }
  };

  // A headline is short and weighs little, so the window may start just after it: step back
  // over up to three title-like lines.
  let start = window.start;
  for (let k = 0; k < TITLE_STEP_BACK && start > 0; k++) {
    const p = units[start - 1]!;
    const titleLike = (p.lang === 'en' || p.lang === 'zh') && p.linkDensity < TITLE_LINK_DENSITY_MAX && !chromeOf(p) && p.text.length <= TITLE_MAX[p.lang] && (p.heading > 0 || looksLikeTitle(p.text, p.lang, doc));
    if (!titleLike) break;
    start--;
  }

  // Headings before the first long paragraph decide whether titles must be headings.
  let firstLong = window.end + 1;
  for (let i = start; i <= window.end; i++) {
    const u = units[i]!;
    if (u.lang !== 'other' && u.heading === 0 && englishEquivalent(u.text, u.lang, u.counts) > LONG_PARAGRAPH) {
      firstLong = i;
      break;
    }
  }
  let headingTitles = false;
  for (let i = start; i < firstLong; i++) if (units[i]!.heading > 0 && units[i]!.lang !== 'other') headingTitles = true;

  let inHead = true;
  let prevKind = '';
  const titleCands: Array<{ text: string; lang: Lang; i: number }> = [];
  const weakTitle: Partial<Record<Lang, boolean>> = {};
  const body = parts.body;
  for (let i = start; i <= window.end; i++) {
    const u = units[i]!;
    const text = u.text;
    let kind = 'body';
    const lang = u.lang;
    if ((text.length < SHORT_LINE && chromeOf(u)) || (u.linkDensity > LINK_LIST_DENSITY && !metaOf(u))) kind = 'chrome';
    else if (lang === 'other') {
      const m = metaOf(u);
      if (m) metaFields(m, 'other');
      kind = 'other';
    } else {
      const m = metaOf(u);
      // The readers are pure, so each runs only when the verdicts before it came out empty.
      let note: string | undefined;
      let an: string | undefined;
      let by: string | undefined;
      let zhBy: string | undefined;
      if ((note = editorNoteOf(text))) {
        parts.editorNote[lang] ??= note;
        kind = 'note';
      } else if ((an = authorNoteOf(text, lang))) {
        parts.authorNote[lang] ??= an;
        kind = 'note';
      } else if (lang === 'en' && (inHead || body.length === 0) && (by = bylineOf(text))) {
        parts.byline.en ??= by;
        // "By X | China Daily | Updated: 2025-03-29 16:13" carries more than the name.
        if (m) metaFields(m, lang);
        kind = 'byline';
      } else if (lang === 'zh' && (inHead || body.length === 0) && (zhBy = zhBylineOf(text))) {
        parts.byline.zh ??= zhBy;
        kind = 'byline';
      } else if (m && (inHead || text.length < META_LINE_IN_BODY_MAX)) {
        metaFields(m, lang);
        kind = m.author && !m.source && !m.editor && !m.date ? 'byline' : 'meta';
      } else if (inHead && lang === 'zh' && isChineseNameLine(text) && (prevKind === 'byline' || (units[i + 1] && bylineOf(units[i + 1]!.text)))) {
        parts.byline.zh ??= text;
        kind = 'byline';
      } else if (inHead && lang === 'en' && prevKind === 'byline' && parts.byline.zh && !parts.byline.en && isLatinNameLine(text)) {
        parts.byline.en = text;
        kind = 'byline';
      } else if (headingTitles && inHead && (!parts.title[lang] || weakTitle[lang]) && text.length <= TITLE_MAX[lang] && (u.heading > 0 || prevKind === 'title')) {
        // A heading the page's <title> does not contain (a logo, a column name) yields to a
        // later one it does contain.
        // Is the heading part of <title>/og:title? undefined when the page has neither.
        const squashed = doc.present ? squash(text) : '';
        const inDoc = doc.present ? doc.holds(squashed) : undefined;
        const cur = parts.title[lang];
        if (!cur || (weakTitle[lang] && inDoc === true)) {
          parts.title[lang] = text;
          // Weak: not in <title>, or possibly just the site name that <title> also carries.
          weakTitle[lang] = inDoc !== undefined && (inDoc === false || squashed.length * SITE_NAME_SHARE < doc.mainLength);
        } else if (weakTitle[lang] && inDoc && squashed.length > squash(cur).length) parts.title[lang] = text;
        kind = 'title';
      } else if (
        !headingTitles &&
        inHead &&
        text.length <= TITLE_MAX[lang] &&
        // Titles come before the label lines — or right after them when none came before.
        (prevKind === '' || prevKind === 'titlecand' || (titleCands.length === 0 && prevKind === 'meta')) &&
        looksLikeTitle(text, lang, doc)
      ) {
        titleCands.push({ text, lang, i });
        kind = 'titlecand';
      } else if (inHead && u.heading > 0 && i < firstLong) {
        kind = 'deck';
      }
    }
    if (kind === 'body' && (lang === 'en' || lang === 'zh')) {
      inHead = false;
      body.push({ text, lang });
    }
    if (kind !== 'other' && kind !== 'chrome') prevKind = kind;
  }

  if (titleCands.length) {
    // Site names and menu words also look like headlines; the headline pair is the adjacent
    // English/Chinese pair whose lengths agree best.
    let best: [number, number] | undefined;
    let bestScore = Infinity;
    for (let k = 0; k + 1 < titleCands.length; k++) {
      const a = titleCands[k]!;
      const b = titleCands[k + 1]!;
      if (a.lang === b.lang || b.i !== a.i + 1) continue;
      const score = Math.abs(Math.log(englishEquivalent(a.text, a.lang) / englishEquivalent(b.text, b.lang)));
      if (score < bestScore) {
        bestScore = score;
        best = [k, k + 1];
      }
    }
    const picked = best ? best.map((k) => titleCands[k]!) : titleCands;
    for (const c of picked) parts.title[c.lang] ??= c.text;
  }

  // Titles the window missed: the nearest heading before it, then <title>/og:title.
  for (const lang of ['en', 'zh'] as const) {
    if (parts.title[lang]) continue;
    for (let i = window.start - 1; i >= 0 && i >= window.start - TITLE_LOOK_BACK; i--) {
      const u = units[i]!;
      if (u.heading > 0 && u.lang === lang && u.text.length <= TITLE_MAX[lang] && u.linkDensity < LINK_LIST_DENSITY) {
        parts.title[lang] = u.text;
        break;
      }
    }
    if (parts.title[lang]) continue;
    for (const doc of [meta.ogTitle, meta.title]) {
      if (!doc) continue;
      const cands = titleParts(doc).filter((p) => detectLang(p) === lang);
      const bestPart = cands.sort((a, b) => b.length - a.length)[0];
      if (bestPart && bestPart.length > TITLE_PART_MIN[lang]) {
        parts.title[lang] = bestPart;
        break;
      }
    }
  }

  // Label lines outside the window (e.g. 责任编辑 under the article, outside its container).
  if (!parts.source || !parts.editor || dates.length === 0) {
    const lo = Math.max(0, window.start - META_LOOK_AROUND);
    const hi = Math.min(units.length - 1, window.end + META_LOOK_AROUND);
    for (let i = lo; i <= hi; i++) {
      if (i >= window.start && i <= window.end) continue;
      const u = units[i]!;
      if (u.text.length > SHORT_LINE) continue;
      const m = metaOf(u);
      if (!m) continue;
      if (m.source && !parts.source) parts.source = m.source;
      if (m.editor && !parts.editor) parts.editor = m.editor;
      if (m.date && dates.length === 0 && i < window.start) dates.push(m.date);
    }
  }
  parts.published = dates[0] ?? parseMetaDate(meta.published);
  return parts;
}
