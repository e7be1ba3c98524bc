/**
 * Find the article in a page's units and sort its parts: titles, label lines, bylines,
 * notes and body paragraphs. The body is the densest contiguous run of text (maximum-sum
 * window over per-unit weights: long low-link text counts for, menus, link lists, share
 * bars and copyright lines count against), so chrome around it falls away without site rules.
 */
import { parsePageDate } from '../dates.js';
import {
  BLOCK_TITLE_AFTER_MIN,
  CHROME_LINE_MAX,
  HAN_RATIO,
  CHROME_LINE_WORDS,
  COPYRIGHT_LINE,
  LINK_LIST_DENSITY,
  LONG_PARAGRAPH,
  META_LINE_IN_BODY_MAX,
  META_LOOK_AROUND,
  PHOTO_CREDIT_LINE,
  PHOTO_CREDIT_MAX,
  PROMO_LINE,
  PROMO_MAX,
  REPRINT_LINE,
  SHORT_LINE,
  TERM_PAIR,
  TERM_PAIR_MAX,
  SITE_NAME_SHARE,
  TITLE_GUESS_MAX,
  TITLE_GUESS_MAX_ENDED,
  TITLE_LINK_DENSITY_MAX,
  TITLE_LOOK_BACK,
  TITLE_MAX,
  TITLE_PART_MIN,
  TITLE_REPEAT_LOOK,
  TITLE_STEP_BACK,
  TOP_HEADING_LEVEL,
  WEIGHT,
  ZH_LENGTH_BASE,
} from './heuristics.js';
import type { PageMeta } from './html.js';
import { detectLang, englishEquivalent, type Lang } from './lang.js';
import {
  authorNoteOf,
  bylineOf,
  dateAndNameOf,
  editorNoteOf,
  isChineseNameLine,
  isLatinNameLine,
  isTranslatorLine,
  namePairOf,
  zhBylineOf,
  zhDatedBylineOf,
  parseMetaLine,
  titleParts,
  type MetaLine,
} from './metadata.js';
import { startChars, withoutIgnoreCase } from './regex.js';
import type { Unit } from './split.js';

/** CHROME_LINE_WORDS, sticky: onlyChromeWords tries it one position at a time. */
const CHROME_AT = new RegExp(CHROME_LINE_WORDS.source, 'iy');
/** The characters a chrome word starts with (read off the pattern): at any other, no word can match. */
const CHROME_START = startChars(new RegExp(`^(?:${CHROME_LINE_WORDS.source})`, 'i'));
/** Whitespace and punctuation, ASCII and CJK, with arrows and geometric shapes (↓ ▶ ■) (a \p{P} class was measurably slower here). */
export const PUNCT_AT = /[\s!-\/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u2190-\u21ff\u25a0-\u25ff\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/y;
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
    if (!CHROME_START.has(text.charCodeAt(i))) return false;
    CHROME_AT.lastIndex = i;
    if (!CHROME_AT.test(text)) return false;
    i = CHROME_AT.lastIndex;
  }
  return true;
}

/**
 * Is the line page furniture by what it says, whatever the site: a bar of chrome words (share,
 * print, font size, language switch, related, ad label), a copyright or reprint statement, a
 * photo caption or credit, or a promotion of the site's app or account.
 */
export function isChromeLine(text: string): boolean {
  const n = text.length;
  if (n < CHROME_LINE_MAX && onlyChromeWords(text)) return true;
  if (n >= SHORT_LINE) return false;
  if (MAYBE_COPYRIGHT.test(text) && COPYRIGHT.test(text)) return true;
  if (MAYBE_REPRINT.test(text) && REPRINT.test(text)) return true;
  return (n < PHOTO_CREDIT_MAX && maybePhotoCredit(text) && PHOTO_CREDIT.test(text)) || (n < PROMO_MAX && MAYBE_PROMO.test(text) && PROMO.test(text));
}

/** The patterns hold negated classes, which withoutIgnoreCase does not rewrite: they run as written, behind their prefilters. */
const REPRINT = REPRINT_LINE;
const PROMO = PROMO_LINE;
const PHOTO_CREDIT = PHOTO_CREDIT_LINE;
/**
 * Every REPRINT_LINE alternative holds one of these (转/复/摘 of the reprint verbs, 版 of 版权,
 * 仅 of 仅供, "not be", "no part", "none of", "e only" or "s only"), every PROMO_LINE alternative one of
 * those (a character of the channel it names, "app", "qr code", "us on", "download", "sign up",
 * "subscribe"): a line without any matches neither, and body text rarely holds them.
 * test/core/parse/reference.test.ts checks each alternative against them.
 */
export const MAYBE_REPRINT = withoutIgnoreCase(/[转轉复複摘版仅]|not be|no part|none of|[es] only/i);
export const MAYBE_PROMO = withoutIgnoreCase(/[码碼端应應号號程]|app|qr code|us on|download|sign up|subscribe/i);
/**
 * Can PHOTO_CREDIT_LINE match? Its alternatives anchored at the start begin with a bracket,
 * whitespace, f/p/i/g (file, photo, image, picture, graphic) or 资資图圖供摄攝; the others end
 * the line with ], 摄, ) or ）. A line doing neither is no caption (checked against the pattern
 * in reference.test.ts).
 */
export function maybePhotoCredit(text: string): boolean {
  const last = text[text.length - 1];
  if (last === ']' || last === '摄' || last === ')' || last === '）') return true;
  // Stryker disable next-line StringLiteral: for an empty text any fallback not starting with whitespace gives the same false
  return PHOTO_FIRST.has(text.charCodeAt(0)) || /\s/.test(text[0] ?? '');
}
const PHOTO_FIRST = new Set([...'[(（【fFpPiIgG资資图圖供摄攝'].map((c) => c.charCodeAt(0)));

/**
 * The text of the line a unit was split from when it shares its block with one neighbour
 * ("core body temperature: 核心体温" arrives as two units), else the unit's own text.
 */
function lineAt(units: Unit[], i: number): string {
  const u = units[i]!;
  const prev = units[i - 1];
  const next = units[i + 1];
  if (prev && prev.block === u.block) return units[i - 2]?.block === u.block ? u.text : `${prev.text} ${u.text}`;
  if (next && next.block === u.block) return units[i + 2]?.block === u.block ? u.text : `${u.text} ${next.text}`;
  return u.text;
}

/** A glossary line: a term and its translation, no sentence (a name pair is a byline, not a term). */
export function isTermPairAt(units: Unit[], i: number): boolean {
  const u = units[i]!;
  if (u.heading > 0 || u.text.length > TERM_PAIR_MAX) return false;
  const line = lineAt(units, i);
  return line.length <= TERM_PAIR_MAX && TERM_PAIR.test(line) && !namePairOf(line);
}

/** Per-unit verdicts computed once and shared by the window and the parts pass. */
function chromeOf(u: Unit): boolean {
  if (u.chrome === undefined) u.chrome = isChromeLine(u.text);
  return u.chrome;
}
/** chromeOf, with a glossary line counted as chrome too (it needs the unit's neighbours). */
function chromeAt(units: Unit[], i: number): boolean {
  const u = units[i]!;
  // A label line ("编辑:Wang Ying") has the shape of a term pair but is metadata.
  if (u.chrome === undefined) u.chrome = isChromeLine(u.text) || (isTermPairAt(units, i) && !metaOf(u) && !isTranslatorLine(u.text));
  return u.chrome;
}
function metaOf(u: Unit): MetaLine | undefined {
  if (u.meta === undefined) u.meta = u.text.length < SHORT_LINE ? parseMetaLine(u.text) ?? null : null;
  return (u.meta as MetaLine | null) ?? undefined;
}

function weight(units: Unit[], i: number): number {
  const u = units[i]!;
  if (u.text.length < SHORT_LINE && chromeAt(units, i)) return WEIGHT.chrome;
  // Label lines often link their values (来源：<a>新华网</a>); they are not link lists.
  if (u.linkDensity > LINK_LIST_DENSITY) return u.text.length < SHORT_LINE && metaOf(u) ? WEIGHT.metaLine : -Math.min(WEIGHT.linkListCostMax, u.text.length * WEIGHT.linkCharCost) - WEIGHT.linkListCost;
  if (u.lang === 'other') return metaOf(u) ? WEIGHT.otherMeta : WEIGHT.other;
  if (u.heading > 0 && u.heading <= TOP_HEADING_LEVEL) return WEIGHT.topHeading;
  if (u.text.length < SHORT_LINE && metaOf(u)) return WEIGHT.metaLine;
  const eq = englishEquivalent(u.text, u.lang, u.counts);
  return Math.min(eq, WEIGHT.bodyCreditMax) * (1 - u.linkDensity) - WEIGHT.bodyCost;
}

/**
 * Why a page has no article window when the reason is length: every paragraph of either
 * language (not a heading, link list or chrome) is too short to count as body text, which
 * needs an English-equivalent length above WEIGHT.bodyCost. Undefined when some paragraph is
 * long enough (then the page is navigation, links or chrome, not short text).
 */
export function tooShortReason(units: Unit[]): string | undefined {
  const longest = { en: -1, zh: -1 };
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if ((u.lang !== 'en' && u.lang !== 'zh') || u.heading > 0 || u.linkDensity > LINK_LIST_DENSITY || chromeAt(units, i)) continue;
    if (englishEquivalent(u.text, u.lang, u.counts) > WEIGHT.bodyCost) return undefined;
    longest[u.lang] = Math.max(longest[u.lang], u.text.length);
  }
  if (longest.en < 0 && longest.zh < 0) return undefined;
  const enMin = WEIGHT.bodyCost + 1;
  const zhMin = Math.ceil((WEIGHT.bodyCost - ZH_LENGTH_BASE) / HAN_RATIO + 1e-9);
  const found = [longest.en >= 0 ? `${longest.en} characters in English` : '', longest.zh >= 0 ? `${longest.zh} in Chinese` : ''].filter(Boolean).join(' and ');
  const needed = [longest.en >= 0 ? `${enMin}` : '', longest.zh >= 0 ? `${zhMin}` : ''].filter(Boolean).join(' and ');
  return `paragraphs too short to count as article text (the longest is ${found.replace(/^(\d+) in/, '$1 characters in')}; at least ${needed} needed)`;
}

/** Maximum-sum window over unit weights (Kadane). */
export function articleWindow(units: Unit[]): { start: number; end: number; score: number } {
  let bestStart = 0;
  let bestEnd = -1;
  let bestScore = 0;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < units.length; i++) {
    const w = weight(units, i);
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
// Stryker disable next-line Regex: /\S/ picks the same branch for any text with a non-space character (replacing in a text without spaces changes nothing); squash only sees trimmed non-empty unit texts and <title> parts, and a whitespace-only title+og:title only ever answers includes() of a non-empty text, false either way
const HAS_SPACE = /\s/;
const SPACES = /\s+/g;

/** The page's <title>, og:title and JSON-LD headline as the title tests use them, squashed once per page. */
class DocTitle {
  /** title + ogTitle + headline */
  readonly #both: string;
  /** title ?? ogTitle ?? headline ?? '' */
  readonly #main: string;
  #squashed: string | undefined;
  #mainLength: number | undefined;
  #siteName: string | null | undefined;
  readonly #title: string | undefined;
  readonly #declared: readonly (string | undefined)[];
  #langs: ReadonlySet<Lang> | undefined;
  constructor(meta: PageMeta) {
    this.#declared = [meta.title, meta.ogTitle, meta.headline];
    this.#both = `${meta.title ?? ''}${meta.ogTitle ?? ''}${meta.headline ?? ''}`;
    this.#main = `${meta.title ?? meta.ogTitle ?? meta.headline ?? ''}`;
    this.#title = meta.title;
  }
  /**
   * Is the text the site's name as <title> ends with it ("Headline - Site")? A line that says
   * only that, under an article, is the site signing off, not body text.
   */
  isSiteName(text: string): boolean {
    if (this.#siteName === undefined) {
      const parts = this.#title ? titleParts(this.#title) : [];
      this.#siteName = parts.length >= 2 ? squash(parts[parts.length - 1]!).toLowerCase() : null;
    }
    return this.#siteName !== null && text.length <= this.#siteName.length + 8 && squash(text).toLowerCase() === this.#siteName;
  }
  get present(): boolean {
    return this.#both !== '';
  }
  /** Does squash(title + ogTitle) hold this squashed text? (Only when present.) */
  holds(squashed: string): boolean {
    this.#squashed ??= squash(this.#both);
    return this.#squashed.includes(squashed);
  }
  /** Does <title>, og:title or the JSON-LD headline carry a headline (a part longer than TITLE_PART_MIN) in this language? */
  declares(lang: Lang): boolean {
    if (!this.#langs) {
      const langs = new Set<Lang>();
      for (const doc of this.#declared) {
        if (!doc) continue;
        for (const part of titleParts(doc)) {
          const l = detectLang(part);
          if (l !== 'other' && part.length > TITLE_PART_MIN[l]) langs.add(l);
        }
      }
      this.#langs = langs;
    }
    return this.#langs.has(lang);
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
  /** Body paragraphs so far, per language (kept as they are pushed: blockTitle asks at every heading). */
  readonly bodyCount: Record<Lang, number>;
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
// Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: only head classifiers call it (classify runs them while inHead), and inHead is true exactly while the body is empty (both change at the first body paragraph), so every form of the test gives true there
const bylinePlace = (w: Walk) => w.inHead || w.parts.body.length === 0;

/** A translator's credit (译者：X, Translated by X): metadata the article does not keep, never the author, never body. */
const translatorCredit: Classifier = (u) => (isTranslatorLine(u.text) ? 'meta' : undefined);

/** Kinds after which a byline block may follow in the head. */
const BEFORE_BYLINE: ReadonlySet<Kind | undefined> = new Set<Kind | undefined>(['title', 'titlecand', 'deck', 'meta', 'byline']);
/** Does a label line with a date stand at i (a byline block often holds the date)? */
const dateLineAt = (w: Walk, i: number) => {
  const n = w.units[i];
  return n !== undefined && n.text.length < SHORT_LINE && metaOf(n)?.date !== undefined;
};

/** Both names on one line ("By Sun Yue (孙悦)", "孙悦 Sun Yue") where a byline stands: after the titles or by a date line. */
const namePairLine: Classifier = (u, _lang, i, w) => {
  if (!bylinePlace(w) || u.heading > 0) return undefined;
  const pair = namePairOf(u.text);
  if (!pair) return undefined;
  if (!/^By\s/i.test(u.text) && !BEFORE_BYLINE.has(w.prevKind) && !dateLineAt(w, i + 1)) return undefined;
  w.parts.byline.en ??= pair.en;
  w.parts.byline.zh ??= pair.zh;
  return 'byline';
};

/** A byline block's romanized name on its own line, the Chinese name on the next ("Sun Yue" / "孙悦"), after the titles. */
const latinNameBlock: Classifier = (u, lang, i, w) => {
  if (!w.inHead || lang !== 'en' || u.heading > 0 || !BEFORE_BYLINE.has(w.prevKind) || w.parts.byline.en || !isLatinNameLine(u.text)) return undefined;
  const next = w.units[i + 1];
  if (!next || next.lang !== 'zh' || !isChineseNameLine(next.text)) return undefined;
  w.parts.byline.en = u.text;
  return 'byline';
};

const englishByline: Classifier = (u, lang, _i, w) => {
  if (lang !== 'en' || !bylinePlace(w)) return undefined;
  const by = bylineOf(u.text);
  if (!by) return undefined;
  // "By Zhang Wei 张伟 | …": the name in both languages.
  const pair = namePairOf(by);
  w.parts.byline.en ??= pair ? pair.en : by;
  if (pair) w.parts.byline.zh ??= pair.zh;
  // "By X | China Daily | Updated: 2025-03-29 16:13" carries more than the name.
  const m = metaOf(u);
  if (m) takeMeta(w, m, lang);
  return 'byline';
};

const chineseByline: Classifier = (u, lang, _i, w) => {
  if (lang !== 'zh' || !bylinePlace(w)) return undefined;
  const by = zhBylineOf(u.text);
  if (by) {
    w.parts.byline.zh ??= by;
    return 'byline';
  }
  const dated = zhDatedBylineOf(u.text);
  if (!dated) return undefined;
  w.parts.byline.zh ??= dated.names;
  if (dated.date) w.dates.push(dated.date);
  // A line that holds more than the author is a label line, as labelLine names it: no byline block follows it.
  return 'meta';
};

/** A label line (来源：…, Editor: …); in the body only a short one (a longer one is a sentence). */
const labelLine: Classifier = (u, lang, _i, w) => {
  const m = metaOf(u);
  if (!m || !(w.inHead || u.text.length < META_LINE_IN_BODY_MAX)) return undefined;
  takeMeta(w, m, lang);
  return m.author && !m.source && !m.editor && !m.date ? 'byline' : 'meta';
};

/** A date and a romanized name with a separator between ("September 1, 2024 · Chen Jing"), before the body. */
const datedNameLine: Classifier = (u, lang, _i, w) => {
  if (lang !== 'en' || !bylinePlace(w)) return undefined;
  const m = dateAndNameOf(u.text);
  if (!m) return undefined;
  if (m.date) w.dates.push(m.date);
  w.parts.byline.en ??= m.name;
  return 'byline';
};

/** A bare Chinese name right after a byline, or right before an English one. */
const chineseNameLine: Classifier = (u, lang, i, w) => {
  // A heading is a title, never a name line (大桥合龙 over "By …" is the Chinese headline).
  if (!w.inHead || lang !== 'zh' || u.heading > 0 || !isChineseNameLine(u.text)) return undefined;
  const next = w.units[i + 1];
  // Before an English byline, or first in a byline block whose romanized name follows.
  const before = next !== undefined && (bylineOf(next.text) !== undefined || (BEFORE_BYLINE.has(w.prevKind) && next.lang === 'en' && isLatinNameLine(next.text)));
  if (w.prevKind !== 'byline' && !before) return undefined;
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
  // Stryker disable next-line StringLiteral: without <title>/og:title squashed is never read (holds is not called, inDoc is undefined and every later use sits behind it)
  const squashed = doc.present ? squash(text) : '';
  const inDoc = doc.present ? doc.holds(squashed) : undefined;
  const cur = parts.title[lang];
  // A line that is no heading and only follows a title continues it where its language has no
  // title yet; after a weak title in its language it is taken only where <title> holds it.
  // Otherwise it is body: on a page whose <title> names neither heading (a site or section
  // name), the short paragraphs after the headings used to be read as more title, one by one.
  if (u.heading === 0 && cur && inDoc !== true) return undefined;
  // Nor where the page declares a headline in its language that does not hold it: the first
  // paragraph after a Chinese heading is no English title when <title> or the JSON-LD names one.
  if (u.heading === 0 && !cur && inDoc === false && doc.declares(lang)) return undefined;
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
const CLASSIFIERS: readonly Classifier[] = [editorNote, authorNote, translatorCredit, namePairLine, englishByline, chineseByline, labelLine, datedNameLine, chineseNameLine, latinNameBlock, latinNameLine, headingTitle, guessedTitle, deck];
/**
 * Pages of blocks (the whole English text, then the whole Chinese one): the second language's
 * headline heads its block, after the body has begun. A heading in a language that has no
 * title yet and no body paragraph yet is its title when <title>, og:title or the JSON-LD
 * headline holds it, or, where they name no headline in that language, when the other
 * language's block came before it.
 */
const blockTitle: Classifier = (u, lang, _i, w) => {
  const { parts, doc } = w;
  if (u.heading === 0 || parts.title[lang] || u.text.length > TITLE_MAX[lang]) return undefined;
  if (w.bodyCount[lang] > 0) return undefined;
  const held = doc.present && doc.holds(squash(u.text));
  if (!held && (doc.declares(lang) || w.bodyCount[lang === 'en' ? 'zh' : 'en'] < BLOCK_TITLE_AFTER_MIN)) return undefined;
  parts.title[lang] = u.text;
  return 'title';
};

/** Once the body has begun only these can still recognise a unit (the others want the head). */
const IN_BODY: readonly Classifier[] = [editorNote, authorNote, translatorCredit, labelLine, blockTitle];

function classify(u: Unit, i: number, w: Walk): Kind {
  if ((u.text.length < SHORT_LINE && chromeAt(w.units, i)) || (u.linkDensity > LINK_LIST_DENSITY && !metaOf(u))) return 'chrome';
  // The site signing off under the article with its name alone (as <title> ends with it).
  // Stryker disable next-line StringLiteral: this line fires only once the body has begun (!inHead, never true again), and then the kind matters only as prevKind, which only head classifiers read; not 'body', it is dropped either way
  if (u.heading === 0 && !w.inHead && w.doc.isSiteName(u.text)) return 'chrome';
  if (u.lang === 'other') {
    const m = metaOf(u);
    // Stryker disable next-line StringLiteral: takeMeta only asks whether the language is 'zh'; any other string files authors the same way
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

/** A title the window missed: the nearest heading before it, then the longest fitting part of the JSON-LD headline, og:title or <title>. */
function titleOutside(units: Unit[], windowStart: number, meta: PageMeta, lang: Lang): string | undefined {
  for (let i = windowStart - 1; i >= 0 && i >= windowStart - TITLE_LOOK_BACK; i--) {
    const u = units[i]!;
    if (u.heading > 0 && u.lang === lang && u.text.length <= TITLE_MAX[lang] && u.linkDensity < LINK_LIST_DENSITY) return u.text;
  }
  for (const doc of [meta.headline, meta.ogTitle, meta.title]) {
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
    // A caption's credit (图片来源：X) names no source of the article.
    if (chromeAt(units, i)) continue;
    const m = metaOf(units[i]!);
    if (!m) continue;
    if (m.source && !parts.source) parts.source = m.source;
    if (m.editor && !parts.editor) parts.editor = m.editor;
    if (m.date && dates.length === 0 && i < window.start) dates.push(m.date);
  }
}

/**
 * Bylines outside the window, just above it (a byline block the language switch or the share
 * bar cut off from the body): "By X", 文/X, a name pair on one line, or a romanized name and a
 * Chinese name on adjacent lines. Headings and link lists are not bylines.
 */
function bylinesAbove(w: Walk, window: { start: number }): void {
  const { units, parts } = w;
  const byline = parts.byline;
  const lo = Math.max(0, window.start - META_LOOK_AROUND);
  const ok = (u: Unit | undefined): u is Unit => u !== undefined && u.heading === 0 && u.linkDensity <= LINK_LIST_DENSITY && u.text.length < SHORT_LINE;
  for (let i = window.start - 1; i >= lo && !(byline.en && byline.zh); i--) {
    const u = units[i]!;
    if (!ok(u) || chromeAt(units, i)) continue;
    const pair = namePairOf(u.text);
    if (pair) {
      byline.en ??= pair.en;
      byline.zh ??= pair.zh;
      continue;
    }
    if (u.lang === 'en') {
      const by = bylineOf(u.text);
      if (by) byline.en ??= by;
    } else if (u.lang === 'zh') {
      const by = zhBylineOf(u.text);
      if (by) byline.zh ??= by;
    }
    for (const m of [metaOf(u)]) for (const a of m?.authors ?? []) byline[detectLang(a) === 'zh' ? 'zh' : 'en'] ??= a.replace(/^By\s+/i, '');
    const next = units[i + 1];
    if (ok(next) && i + 1 < window.start) {
      const [latin, han] = u.lang === 'en' ? [u, next] : [next, u];
      if (latin.lang === 'en' && han.lang === 'zh' && isLatinNameLine(latin.text) && isChineseNameLine(han.text)) {
        byline.en ??= latin.text;
        byline.zh ??= han.text;
      }
    }
  }
}

/**
 * Some sites print the headline pair again as the body's first paragraphs. A paragraph there
 * equal to a title is that title, not body; its neighbour in the other language is that
 * language's title when the page gave none (it reads as a headline: short, no full stop).
 */
function repeatedTitles(parts: ArticleParts): void {
  const body = parts.body;
  const n = Math.min(body.length, TITLE_REPEAT_LOOK);
  for (let k = 0; k < n; k++) {
    const p = body[k]!;
    const title = parts.title[p.lang];
    // Equal but for whitespace: the lengths are close (checked first, squashing costs a pass).
    if (!title || p.text.length > 2 * title.length || title.length > 2 * p.text.length || squash(title) !== squash(p.text)) continue;
    const drop = [k];
    for (const j of [k - 1, k + 1]) {
      const q = body[j];
      if (!q || j >= n || q.lang === p.lang || parts.title[q.lang] || q.text.length > TITLE_GUESS_MAX[q.lang] || /[.!?。！？]["'”’」]?$/.test(q.text)) continue;
      parts.title[q.lang] = q.text;
      drop.push(j);
      break;
    }
    // Titles only: the rest of the body stays as it was.
    if (drop.length < body.length) parts.body = body.filter((_, j) => !drop.includes(j));
    return;
  }
}

/** Sort the window's units into article parts; look around it for what it lacks. */
/**
 * The date shown on the page wins (it is what readers see), except where it is a bare day
 * (read as midnight) and the page declares the same day with its time (article:published_time,
 * JSON-LD datePublished, <time datetime>): then the declared instant is the one meant.
 */
function publishedOf(shown: string | undefined, declared: string | undefined): string | undefined {
  if (!shown) return declared;
  if (declared && /T00:00:00(?:\.000)?(?:Z|[+-]\d\d:\d\d)$/.test(shown) && declared.slice(0, 10) === shown.slice(0, 10) && !/T00:00:00/.test(declared)) return declared;
  return shown;
}

export function articleParts(units: Unit[], meta: PageMeta, window: { start: number; end: number }): ArticleParts {
  const parts: ArticleParts = { title: {}, byline: {}, authorNote: {}, editorNote: {}, body: [] };
  const doc = new DocTitle(meta);
  const start = headStart(units, window.start, doc);
  const firstLong = firstLongParagraph(units, start, window.end);
  let headingTitles = false;
  for (let i = start; i < firstLong; i++) if (units[i]!.heading > 0 && units[i]!.lang !== 'other') headingTitles = true;
  const w: Walk = { units, parts, doc, dates: [], headingTitles, firstLong, inHead: true, prevKind: undefined, titleCands: [], weakTitle: {}, bodyCount: { en: 0, zh: 0 } };

  for (let i = start; i <= window.end; i++) {
    const u = units[i]!;
    const kind = classify(u, i, w);
    if (kind === 'body' && u.lang !== 'other') {
      w.inHead = false;
      parts.body.push({ text: u.text, lang: u.lang, block: u.block });
      w.bodyCount[u.lang]++;
    }
    if (kind !== 'other' && kind !== 'chrome') w.prevKind = kind;
  }

  if (w.titleCands.length) for (const c of headlinePair(w.titleCands)) parts.title[c.lang] ??= c.text;
  for (const lang of ['en', 'zh'] as const) {
    if (parts.title[lang]) continue;
    const title = titleOutside(units, window.start, meta, lang);
    if (title) parts.title[lang] = title;
  }
  repeatedTitles(parts);
  if (!parts.source || !parts.editor || w.dates.length === 0) labelsAround(w, window);
  if (!parts.byline.en || !parts.byline.zh) bylinesAbove(w, window);
  // The name the page links as its author's (rel="author") when no byline named one in that language.
  const linked = meta.authorLink;
  if (linked && !parts.byline.en && isLatinNameLine(linked)) parts.byline.en = linked;
  else if (linked && !parts.byline.zh && isChineseNameLine(linked)) parts.byline.zh = linked;
  parts.published = publishedOf(w.dates[0], parsePageDate(meta.published) ?? parsePageDate(meta.ldPublished) ?? parsePageDate(meta.timeDatetime));
  return parts;
}
