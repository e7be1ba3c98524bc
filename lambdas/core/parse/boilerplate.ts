/**
 * A source's boilerplate, learnt from its own pages (pure): a line that stands verbatim on
 * several articles of one source is that source's furniture — a promo line, a column's
 * standing notice, a credit — and not body text, whatever it says.
 *
 * A *line* is one of the parser's units (a paragraph or a short line of one language, see
 * split.ts), compared by its fingerprint: the text after NFKC and whitespace folding, hashed
 * (the first 64 bits of its sha256, 16 hex digits). Only *candidate* lines count: units in
 * the article window (computed without anything learnt) that the parser would read as body
 * text — English or Chinese, shorter than SHORT_LINE (a longer paragraph repeated verbatim is
 * a story's background, which readers want), not a top heading (headlines), not already
 * chrome (share bars, copyright, link lists), and nothing the parser reads as metadata: label
 * lines (来源：…, Editor: …), bylines, bare name lines, author and editor notes recur on every
 * page of a source too, and must still be read as metadata.
 *
 * What was learnt comes in as a value (a set of fingerprints). The parser reads the page as
 * it would without it — the same window, titles, labels, bylines and notes — and then leaves
 * the learnt lines out of the body it aligns (stripBoilerplate says when it keeps them all).
 * Who keeps the counts (the parse Lambda in the table, `duofeed parse` in memory) uses
 * LineCounts.
 */
import { sha256Hex } from '../ids.js';
import { isChromeLine } from './content.js';
import { BOILERPLATE_LINES_PER_PAGE, BOILERPLATE_MIN_ARTICLES, BOILERPLATE_SHARE_MAX, LINK_LIST_DENSITY, SHORT_LINE, TOP_HEADING_LEVEL } from './heuristics.js';
import { authorNoteOf, bylineOf, editorNoteOf, isChineseNameLine, isLatinNameLine, parseMetaLine, zhBylineOf } from './metadata.js';
import type { Unit } from './split.js';

/** A line's text as compared across pages: NFKC (full-width forms, compatibility characters), whitespace folded. */
export function normalizeLine(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** A line's fingerprint: 16 lower-case hex digits (64 bits of the sha256 of its normal form). */
export function lineFingerprint(text: string): string {
  return sha256Hex(normalizeLine(text)).slice(0, 16);
}

/**
 * Does the parser read this text as a label line, a byline, a name line or a note? (Never
 * learnt, never removed.) `labelLine`: the content stage's verdict on it as a label line, when
 * it has one (Unit.meta: null for none).
 */
export function isMetadataLine(text: string, lang: 'en' | 'zh', labelLine: object | null | undefined = undefined): boolean {
  return (
    (labelLine === undefined ? parseMetaLine(text) !== undefined : labelLine !== null) ||
    bylineOf(text) !== undefined ||
    zhBylineOf(text) !== undefined ||
    editorNoteOf(text) !== undefined ||
    authorNoteOf(text, lang) !== undefined ||
    isChineseNameLine(text) ||
    isLatinNameLine(text)
  );
}

/** Would the parser read this unit as body text (and so may it be learnt as boilerplate)? */
export function isCandidateLine(u: Unit): boolean {
  if (u.lang === 'other' || u.text.length >= SHORT_LINE) return false;
  if (u.heading > 0 && u.heading <= TOP_HEADING_LEVEL) return false;
  if (u.linkDensity > LINK_LIST_DENSITY) return false;
  if (u.chrome ?? isChromeLine(u.text)) return false;
  return !isMetadataLine(u.text, u.lang, u.meta);
}

/** At most BOILERPLATE_LINES_PER_PAGE fingerprints, each once: the first half and the last half. */
export function capLines(fingerprints: readonly string[]): string[] {
  const unique = [...new Set(fingerprints)];
  // Stryker disable next-line EqualityOperator: at exactly the cap, the two halves below are the whole list.
  if (unique.length <= BOILERPLATE_LINES_PER_PAGE) return unique;
  const half = Math.floor(BOILERPLATE_LINES_PER_PAGE / 2);
  return [...unique.slice(0, half), ...unique.slice(unique.length - (BOILERPLATE_LINES_PER_PAGE - half))];
}

export interface PageBoilerplate {
  /** This page's candidate lines (fingerprints, capped): what others learn from it. */
  lines: string[];
  /** The texts of its candidate lines that were learnt as its source's boilerplate. */
  learnt: ReadonlySet<string>;
}

/** A page's candidate lines in its article window, and which of them are learnt boilerplate. */
export function pageBoilerplate(units: readonly Unit[], window: { start: number; end: number }, learnt: ReadonlySet<string>): PageBoilerplate {
  const found: string[] = [];
  const texts = new Set<string>();
  for (let i = window.start; i <= window.end; i++) {
    const u = units[i]!;
    if (!isCandidateLine(u)) continue;
    const fp = lineFingerprint(u.text);
    found.push(fp);
    if (learnt.has(fp)) texts.add(u.text);
  }
  return { lines: capLines(found), learnt: texts };
}

/**
 * The body without the paragraphs learnt as boilerplate — unless they are more than
 * BOILERPLATE_SHARE_MAX of it, or all of one language's: then the page keeps every one.
 * Only body paragraphs go: what the parser read as a title, a label line, a byline or a note
 * stays what it was (the walk that sorted them is not changed, so neither is its reading).
 */
export function stripBoilerplate<P extends { text: string; lang: 'en' | 'zh' }>(body: P[], page: PageBoilerplate): { body: P[]; removed: string[] } {
  // Stryker disable next-line ConditionalExpression: a fast path; with nothing learnt the filter below removes nothing and returns the same.
  if (page.learnt.size === 0) return { body, removed: [] };
  const kept = body.filter((p) => !page.learnt.has(p.text));
  const removed = body.length - kept.length;
  const oneLanguageLeft = !kept.some((p) => p.lang === 'en') || !kept.some((p) => p.lang === 'zh');
  // Stryker disable next-line ConditionalExpression: with nothing removed, the kept lines are the body and the removed list is empty either way.
  if (removed === 0 || removed > body.length * BOILERPLATE_SHARE_MAX || oneLanguageLeft) return { body, removed: [] };
  return { body: kept, removed: body.filter((p) => page.learnt.has(p.text)).map((p) => p.text) };
}

/** Both steps for one page: its lines, and its body without the learnt ones. */
export function withoutBoilerplate<P extends { text: string; lang: 'en' | 'zh' }>(
  units: readonly Unit[],
  window: { start: number; end: number },
  body: P[],
  learnt: ReadonlySet<string>,
): { body: P[]; lines: string[]; removed: string[] } {
  const page = pageBoilerplate(units, window, learnt);
  return { ...stripBoilerplate(body, page), lines: page.lines };
}

/**
 * Per page, the lines it holds; per line, on how many pages. A page's lines are replaced when
 * it is counted again, so one article counts once however often it is parsed.
 */
export class LineCounts {
  readonly #pages = new Map<string, readonly string[]>();
  readonly #counts = new Map<string, number>();
  /** Lines on at least minArticles − 1 pages: the only ones any one page can bring to minArticles. */
  readonly #near = new Set<string>();

  constructor(readonly minArticles: number = BOILERPLATE_MIN_ARTICLES) {}

  /** Pages counted. */
  get size(): number {
    return this.#pages.size;
  }

  /** Records (or replaces) one page's lines. */
  set(pageId: string, lines: readonly string[]): void {
    const old = this.#pages.get(pageId);
    if (old) for (const l of old) this.#add(l, -1);
    const unique = [...new Set(lines)];
    this.#pages.set(pageId, unique);
    for (const l of unique) this.#add(l, 1);
  }

  #add(line: string, by: number): void {
    const n = (this.#counts.get(line) ?? 0) + by;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a count of 0 kept or deleted reads as 0 either way.
    if (n > 0) this.#counts.set(line, n);
    else this.#counts.delete(line);
    if (n > 0 && n >= this.minArticles - 1) this.#near.add(line);
    else this.#near.delete(line);
  }

  /** On how many pages the line stands. */
  count(line: string): number {
    return this.#counts.get(line) ?? 0;
  }

  /**
   * What a page learns from the others: the lines on at least minArticles − 1 *other* pages.
   * Any of them the page holds is then on minArticles pages with it; one it lacks does nothing.
   */
  learntFor(pageId: string): Set<string> {
    const own = new Set(this.#pages.get(pageId) ?? []);
    const out = new Set<string>();
    for (const l of this.#near) if (this.count(l) - (own.has(l) ? 1 : 0) >= this.minArticles - 1) out.add(l);
    return out;
  }

  /** The lines on at least minArticles pages (for a set of pages counted in full, as `duofeed parse` does). */
  learnt(): Set<string> {
    const out = new Set<string>();
    for (const l of this.#near) if (this.count(l) >= this.minArticles) out.add(l);
    return out;
  }
}
