/**
 * `/opml`: every feed as OPML 2.0, one folder per view (bilingual, English, 中文) so a reader
 * import does not subscribe to the same articles three times by accident. Atom only: every
 * reader that imports OPML reads Atom, and one format per feed avoids duplicates.
 * Subscription outlines are `type="rss"` (OPML 2.0's one type for feeds, Atom included) with
 * no `version`: the spec's values are RSS1, RSS and scriptingNews, none for Atom, and readers
 * tell the format from the document itself.
 */
import type { Source } from '../sources.js';
import { FEED_LANGS, type FeedLang } from './content.js';
import { escapeXml as x } from './escape.js';
import { feedTitle, feedUrl, trimBase } from './model.js';

const FOLDER: Record<FeedLang, string> = { bi: 'duofeed — English · 中文', en: 'duofeed — English', zh: 'duofeed — 中文' };

export function renderOpml(sources: readonly Source[], baseUrl: string): string {
  const base = trimBase(baseUrl);
  const scopes: { id: string; source?: Source }[] = [{ id: 'all' }, ...sources.map((s) => ({ id: s.id, source: s }))];
  let body = '';
  for (const lang of FEED_LANGS) {
    body += `<outline text="${x(FOLDER[lang])}" title="${x(FOLDER[lang])}">\n`;
    for (const s of scopes) {
      const title = x(feedTitle(s.id, s.source, lang));
      const html = s.id === 'all' ? `${base}/` : `${base}/#source-${s.id}`;
      body +=
        `  <outline type="rss" text="${title}" title="${title}" language="${lang === 'bi' ? 'en' : lang}" ` +
        `xmlUrl="${x(feedUrl(base, { scope: s.id, format: 'atom', lang }))}" htmlUrl="${x(html)}"/>\n`;
    }
    body += '</outline>\n';
  }
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n<head>\n<title>duofeed feeds</title>\n` +
    `<docs>http://opml.org/spec2.opml</docs>\n</head>\n<body>\n${body}</body>\n</opml>\n`
  );
}
