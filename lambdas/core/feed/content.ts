/**
 * The HTML that goes inside one feed item (Atom content, RSS content:encoded, JSON Feed
 * content_html) and the per-view titles. Built only from escaped article text: see escape.ts.
 */
import { side, type Article } from '../article.js';
import { escapeXml, safeLang } from './escape.js';

/** `bi` = aligned pairs in the article's reading order; `en`/`zh` = that language only. */
export type FeedLang = 'bi' | 'en' | 'zh';
export const FEED_LANGS: readonly FeedLang[] = ['bi', 'en', 'zh'];

/** The languages a view shows, in reading order. */
export function viewLanguages(article: Pick<Article, 'languages'>, view: FeedLang): string[] {
  if (view !== 'bi') return [view];
  return article.languages.length > 0 ? article.languages : ['en', 'zh'];
}

/** The language an item is tagged with: the view's language, or the article's first for `bi`. */
export function itemLanguage(article: Pick<Article, 'languages'>, view: FeedLang): string {
  return safeLang(viewLanguages(article, view)[0] ?? 'en');
}

function firstOf(map: Record<string, string> | undefined, langs: string[]): string | undefined {
  if (!map) return undefined;
  for (const l of langs) {
    const v = map[l]?.trim();
    if (v) return v;
  }
  return undefined;
}

/**
 * The item title for a view: both titles joined for `bi`, that language's title otherwise.
 * An article missing the view's language falls back to any title it has rather than none.
 */
export function viewTitle(article: Pick<Article, 'title' | 'languages' | 'id'>, view: FeedLang): string {
  const langs = viewLanguages(article, view);
  if (view === 'bi') {
    const parts = langs.map((l) => article.title[l]?.trim()).filter((t): t is string => !!t);
    const unique = [...new Set(parts)];
    if (unique.length > 0) return unique.join(' · ');
  }
  return firstOf(article.title, langs) ?? firstOf(article.title, Object.keys(article.title)) ?? article.id;
}

/** Byline names for a view; `bi` joins the two spellings when they differ ("Zhang Gaosheng / 张高胜"). */
export function viewAuthor(article: Pick<Article, 'byline' | 'languages'>, view: FeedLang): string | undefined {
  if (!article.byline) return undefined;
  const langs = viewLanguages(article, view);
  if (view === 'bi') {
    const names = [...new Set(langs.map((l) => article.byline?.[l]?.trim()).filter((t): t is string => !!t))];
    if (names.length > 0) return names.join(' / ');
  }
  return firstOf(article.byline, langs) ?? firstOf(article.byline, Object.keys(article.byline));
}

const LABELS: Record<FeedLang, { reader: string; original: string }> = {
  bi: { reader: 'Side by side · 双语对照', original: 'Original · 原文' },
  en: { reader: 'Read side by side', original: 'Original article' },
  zh: { reader: '双语对照阅读', original: '原文' },
};

/**
 * The item body. `bi`: each aligned segment is one unit — its paragraphs in reading order
 * (English then its translation, or as the page ran), every paragraph carrying its own `lang`
 * so readers pick the right font and screen readers the right voice — and units are parted by
 * `<hr>`, which survives readers that strip classes, styles and tables (newsboat draws it as
 * a rule, feedparser's sanitiser keeps it). `en`/`zh`: that language's paragraphs.
 */
export function buildContentHtml(
  article: Article,
  view: FeedLang,
  links: { reader: string; original?: string },
): string {
  const langs = viewLanguages(article, view).map((l) => ({ key: l, attr: escapeXml(safeLang(l)) }));
  let html = '';
  let units = 0;
  for (const seg of article.segments) {
    let unit = '';
    for (const l of langs) {
      for (const p of side(seg, l.key)) unit += `<p lang="${l.attr}">${escapeXml(p)}</p>`;
    }
    if (!unit) continue;
    html += view === 'bi' && units > 0 ? `<hr>${unit}` : unit;
    units++;
  }
  let notes = '';
  for (const note of [article.authorNote, article.editorNote]) {
    if (!note) continue;
    for (const l of langs) {
      const text = note[l.key];
      if (text) notes += `<p lang="${l.attr}"><em>${escapeXml(text)}</em></p>`;
    }
  }
  if (notes) html += view === 'bi' && units > 0 ? `<hr>${notes}` : notes;
  const label = LABELS[view];
  html += `${view === 'bi' ? '<hr>' : ''}<p><a href="${escapeXml(links.reader)}">${label.reader}</a>`;
  if (links.original) html += ` · <a href="${escapeXml(links.original)}">${label.original}</a>`;
  return html + '</p>';
}

/** A plain-text summary: the view's first paragraph, cut at a code point boundary. */
export function buildSummary(article: Article, view: FeedLang, max = 280): string {
  const langs = viewLanguages(article, view);
  for (const seg of article.segments) {
    for (const l of langs) {
      const p = side(seg, l)[0];
      if (p) {
        if (p.length <= max) return p;
        return Array.from(p).slice(0, max - 1).join('') + '…';
      }
    }
  }
  return '';
}
