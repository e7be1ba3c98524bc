/**
 * `/articles/<id>`: the article side by side. Each aligned segment is one grid row, so the
 * two languages of a pair always start at the same height however long either side is; on a
 * narrow screen the row collapses to one column and the translation follows its original.
 */
import { side, type StoredArticle } from '../article.js';
import { formatRfc3339, parseRfc3339 } from '../dates.js';
import type { Source } from '../sources.js';
import { viewLanguages, viewTitle } from './content.js';
import { escapeXml as x, safeHttpUrl, safeLang } from './escape.js';
import { strongEtag } from './etag.js';
import { feedUrl, trimBase } from './model.js';
import { PAGE_CSS } from './styles.js';

function readableDate(s: string | undefined): string | undefined {
  const t = parseRfc3339(s);
  if (!t) return undefined;
  return formatRfc3339(t).replace('T', ' ').replace(/:\d\d(Z|[+-])/, ' $1').replace(/ Z$/, ' UTC');
}

function pairRow(langs: { key: string; attr: string }[], cells: string[], cls = 'pair'): string {
  return `<div class="${cls} cols-${langs.length}">${cells.join('')}</div>\n`;
}

export function renderArticlePage(a: StoredArticle, baseUrl: string, source: Source | undefined): string {
  const langs = viewLanguages(a, 'bi')
    .slice(0, 3)
    .map((l) => ({ key: l, attr: x(safeLang(l)) }));
  const base = trimBase(baseUrl);
  const sourceName = source?.name ?? a.source ?? a.sourceId;
  const original = safeHttpUrl(a.url);
  const published = readableDate(a.published);

  let main = pairRow(
    langs,
    langs.map((l, n) => {
      const t = a.title[l.key];
      const tag = n === 0 ? 'h1' : 'h2';
      return `<div class="side" lang="${l.attr}">${t ? `<${tag}>${x(t)}</${tag}>` : ''}</div>`;
    }),
    'pair titles',
  );
  if (a.byline) {
    main += pairRow(
      langs,
      langs.map((l) => `<div class="side meta" lang="${l.attr}">${a.byline?.[l.key] ? `<p>${x(a.byline[l.key] ?? '')}</p>` : ''}</div>`),
    );
  }
  a.segments.forEach((seg, n) => {
    main += `<div class="pair cols-${langs.length}" id="s${n + 1}">`;
    for (const l of langs) {
      main += `<div class="side" lang="${l.attr}">${side(seg, l.key).map((p) => `<p>${x(p)}</p>`).join('')}</div>`;
    }
    main += '</div>\n';
  });
  for (const note of [a.authorNote, a.editorNote]) {
    if (note) main += pairRow(langs, langs.map((l) => `<div class="side note" lang="${l.attr}">${note[l.key] ? `<p>${x(note[l.key] ?? '')}</p>` : ''}</div>`));
  }

  const feed = (format: 'atom' | 'rss' | 'json') => feedUrl(base, { scope: a.sourceId, format, lang: 'bi' });
  const meta = [
    x(sourceName),
    published ? `<time datetime="${x(a.published ?? '')}">${x(published)}</time>` : undefined,
    a.editor ? `Editor: ${x(a.editor)}` : undefined,
    original ? `<a href="${x(original)}" rel="noopener noreferrer">Original · 原文</a>` : undefined,
  ].filter(Boolean);

  return (
    `<!doctype html>\n<html lang="${langs[0]?.attr ?? 'en'}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n` +
    `<title>${x(viewTitle(a, 'bi'))}</title>\n` +
    `<link rel="alternate" type="application/atom+xml" title="${x(sourceName)}" href="${x(feed('atom'))}">\n` +
    `<style>${PAGE_CSS}</style>\n</head>\n<body>\n<header>\n` +
    `<p class="crumbs"><a href="${x(base)}/">duofeed</a> › ${x(sourceName)}</p>\n` +
    `<p class="meta">${meta.join(' · ')}</p>\n</header>\n<main>\n${main}</main>\n` +
    `<footer><p>Feeds: <a href="${x(feed('atom'))}">Atom</a> · <a href="${x(feed('rss'))}">RSS</a> · <a href="${x(feed('json'))}">JSON Feed</a></p></footer>\n` +
    `</body>\n</html>\n`
  );
}

/** The article page changes only with the article's version, its source's name or the base URL. */
export function articleEtag(a: StoredArticle, baseUrl: string, source: Source | undefined): string {
  return strongEtag(['article', trimBase(baseUrl), a.id, a.version, source?.name ?? '']);
}
