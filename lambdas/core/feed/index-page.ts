/** `/`: every source, its state and its feeds, with subscribe links and autodiscovery. */
import type { SourceState } from '../ports.js';
import type { Source } from '../sources.js';
import type { StoredArticle } from '../article.js';
import { FEED_LANGS, viewLanguages, type FeedLang } from './content.js';
import { escapeXml as x, safeLang } from './escape.js';
import { articleViewUrl } from './reader.js';
import { FEED_FORMATS, MEDIA_TYPES, feedTitle, feedUrl, trimBase } from './model.js';
import { createHash } from 'node:crypto';
import { PAGE_CSP, PAGE_CSS } from './styles.js';

/**
 * The index page's own rules, beside the shared stylesheet: on a phone (the same 40rem break
 * the reading page uses) the sources table becomes one block per source with each value
 * labelled, since five columns cannot fit 375 px; long words (an error naming a URL) wrap
 * anywhere rather than widen the page.
 */
export const INDEX_CSS = `
.latest{padding-left:1.5rem}
.latest li{margin:0 0 .6rem;overflow-wrap:anywhere}
.sources small,.sources code{overflow-wrap:anywhere}
.sources .feeds div{white-space:nowrap}
@media (max-width:40rem){
.sources,.sources tbody,.sources tr,.sources td{display:block}
.sources thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.sources tr{padding:.6rem 0;border-bottom:1px solid var(--rule)}
.sources td{border:0;padding:.1rem 0}
.sources td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}
}
`;

/** The shared policy, with this page's stylesheet allowed by its hash too. */
export const INDEX_CSP = PAGE_CSP.replace('style-src ', `style-src 'sha256-${createHash('sha256').update(INDEX_CSS).digest('base64')}' `);

const LANG_LABEL: Record<FeedLang, string> = { bi: 'Bilingual', en: 'English', zh: '中文' };
const FORMAT_LABEL = { atom: 'Atom', rss: 'RSS', json: 'JSON' } as const;

function feedLinks(base: string, scope: string): string {
  return FEED_LANGS.map(
    (lang) =>
      `<div>${LANG_LABEL[lang]}: ` +
      FEED_FORMATS.map((format) => `<a href="${x(feedUrl(base, { scope, format, lang }))}" type="${MEDIA_TYPES[format]}">${FORMAT_LABEL[format]}</a>`).join(' · ') +
      '</div>',
  ).join('');
}

/** The newest articles, each with both titles, its source and its date, linking to its reading page. */
function latestList(latest: readonly StoredArticle[], sources: readonly Source[], base: string): string {
  if (latest.length === 0) return '<p>No articles yet.</p>';
  const names = new Map(sources.map((s) => [s.id, s.name]));
  const items = latest.map((a) => {
    const titles = viewLanguages(a, 'bi')
      .filter((l) => a.title[l]?.trim())
      .map((l, n) => (n === 0 ? `<a href="${x(articleViewUrl(base, a.id))}" lang="${x(safeLang(l))}">${x(a.title[l] ?? '')}</a>` : `<br><span lang="${x(safeLang(l))}">${x(a.title[l] ?? '')}</span>`));
    const linked = titles.length > 0 ? titles.join('') : `<a href="${x(articleViewUrl(base, a.id))}">${x(a.id)}</a>`;
    const date = a.published ?? a.firstSeen;
    return `<li>${linked}<br><small>${x(names.get(a.sourceId) ?? a.source ?? a.sourceId)} · <time datetime="${x(date)}">${x(date.slice(0, 10))}</time></small></li>`;
  });
  return `<ol class="latest">${items.join('')}</ol>`;
}

export function renderIndexPage(sources: readonly Source[], states: readonly SourceState[], baseUrl: string, latest: readonly StoredArticle[] = []): string {
  const base = trimBase(baseUrl);
  const byId = new Map(states.map((s) => [s.sourceId, s]));
  const rows = sources
    .map((s) => {
      const st = byId.get(s.id);
      const home = s.homepage ?? s.startUrls[0];
      const name = home && /^https?:\/\//i.test(home) ? `<a href="${x(home)}" rel="noopener noreferrer">${x(s.name)}</a>` : x(s.name);
      return (
        `<tr id="source-${x(s.id)}"><td>${name}<br><code>${x(s.id)}</code></td>` +
        `<td data-label="Last fetch">${st?.lastFetch ? `<time datetime="${x(st.lastFetch)}">${x(shortUtc(st.lastFetch))}</time>` : 'never'}` +
        `${st?.lastError ? `<br><small>${x(st.lastError)}</small>` : ''}</td>` +
        `<td data-label="Articles">${st?.articles ?? 0}</td><td data-label="Failures">${st?.failures ?? 0}</td><td class="feeds">${feedLinks(base, s.id)}</td></tr>\n`
      );
    })
    .join('');
  const allAtom = feedUrl(base, { scope: 'all', format: 'atom', lang: 'bi' });
  return (
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>duofeed — bilingual feeds</title>\n` +
    `<link rel="alternate" type="application/atom+xml" title="${x(feedTitle('all', undefined, 'bi'))}" href="${x(allAtom)}">\n` +
    `<link rel="alternate" type="application/rss+xml" title="${x(feedTitle('all', undefined, 'bi'))}" href="${x(feedUrl(base, { scope: 'all', format: 'rss', lang: 'bi' }))}">\n` +
    `<style>${PAGE_CSS}</style>\n<style>${INDEX_CSS}</style>\n</head>\n<body>\n<header><h1>duofeed</h1>\n` +
    `<p>Aligned English–Chinese news feeds. Paste a feed link into any feed reader, or import <a href="${x(base)}/opml">the OPML list</a>.</p></header>\n<main>\n` +
    `<h2>Latest articles</h2>\n${latestList(latest, sources, base)}\n` +
    `<h2>All sources</h2>\n${feedLinks(base, 'all')}\n<h2>Sources</h2>\n` +
    `<table class="sources">\n<thead><tr><th>Source</th><th>Last fetch</th><th>Articles</th><th>Failures</th><th>Feeds</th></tr></thead>\n<tbody>\n${rows}</tbody>\n</table>\n` +
    `</main>\n</body>\n</html>\n`
  );
}

/** `2026-11-30T14:57:21.364Z` → `2026-11-30 14:57 UTC`, for people; the attribute keeps the exact time. */
export function shortUtc(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}
