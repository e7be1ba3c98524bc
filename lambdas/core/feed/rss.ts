/**
 * RSS 2.0 with the content, Dublin Core and Atom namespaces: content:encoded for the full
 * text, dc:creator for names (RSS <author> wants an e-mail address), dc:language per item,
 * atom:link for self and paging (readers that know RFC 5005 follow rel="next").
 */
import { formatRfc822 } from './dates.js';
import { cdata, escapeXml as x } from './escape.js';
import { GENERATOR } from './atom.js';
import type { FeedModel } from './model.js';

export function renderRss(f: FeedModel): string {
  let out =
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" ` +
    `xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n` +
    `<title>${x(f.title)}</title>\n<link>${x(f.homeUrl)}</link>\n<description>${x(f.subtitle)}</description>\n` +
    `<language>${x(f.lang)}</language>\n<lastBuildDate>${formatRfc822(f.updated)}</lastBuildDate>\n` +
    `<generator>${GENERATOR.name} ${GENERATOR.version}</generator>\n<docs>https://www.rssboard.org/rss-specification</docs>\n` +
    `<atom:link rel="self" type="application/rss+xml" href="${x(f.selfUrl)}"/>\n` +
    `<atom:link rel="first" type="application/rss+xml" href="${x(f.firstUrl)}"/>\n` +
    (f.nextUrl ? `<atom:link rel="next" type="application/rss+xml" href="${x(f.nextUrl)}"/>\n` : '');
  for (const i of f.items) {
    out +=
      `<item>\n<title>${x(i.title)}</title>\n<link>${x(i.link)}</link>\n<guid isPermaLink="false">${x(i.id)}</guid>\n` +
      `<pubDate>${formatRfc822(i.published)}</pubDate>\n` +
      (i.author ? `<dc:creator>${x(i.author)}</dc:creator>\n` : '') +
      `<dc:language>${x(i.lang)}</dc:language>\n` +
      (i.category ? `<category domain="${x(f.homeUrl)}">${x(i.category.label)}</category>\n` : '') +
      // RSS readers take <description> as HTML: the plain-text summary is escaped as HTML, then as XML.
      `<description>${x(x(i.summary))}</description>\n<content:encoded>${cdata(i.contentHtml)}</content:encoded>\n</item>\n`;
  }
  return out + '</channel>\n</rss>\n';
}
