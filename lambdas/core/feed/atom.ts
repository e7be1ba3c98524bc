/** Atom 1.0 (RFC 4287) with RFC 5005 paging links, written by hand for speed. */
import { formatRfc3339 } from '../dates.js';
import { cdata, escapeXml as x } from './escape.js';
import type { FeedModel } from './model.js';

export const GENERATOR = { name: 'duofeed', uri: 'https://github.com/duofeed/duofeed', version: '0.1.0' };

export function renderAtom(f: FeedModel): string {
  let out =
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(f.lang)}">\n` +
    `<id>${x(f.id)}</id>\n<title type="text">${x(f.title)}</title>\n<subtitle type="text">${x(f.subtitle)}</subtitle>\n` +
    `<updated>${formatRfc3339(f.updated, { millis: true })}</updated>\n` +
    `<link rel="self" type="application/atom+xml" href="${x(f.selfUrl)}"/>\n` +
    `<link rel="first" type="application/atom+xml" href="${x(f.firstUrl)}"/>\n` +
    (f.nextUrl ? `<link rel="next" type="application/atom+xml" href="${x(f.nextUrl)}"/>\n` : '') +
    `<link rel="alternate" type="text/html" href="${x(f.homeUrl)}"/>\n` +
    `<author><name>${x(f.author)}</name></author>\n` +
    `<generator uri="${GENERATOR.uri}" version="${GENERATOR.version}">${GENERATOR.name}</generator>\n`;
  for (const i of f.items) {
    out +=
      `<entry xml:lang="${x(i.lang)}">\n<id>${x(i.id)}</id>\n<title type="text">${x(i.title)}</title>\n` +
      `<link rel="alternate" type="text/html" href="${x(i.link)}"/>\n` +
      (i.externalUrl ? `<link rel="related" type="text/html" href="${x(i.externalUrl)}"/>\n` : '') +
      `<published>${formatRfc3339(i.published)}</published>\n<updated>${formatRfc3339(i.updated, { millis: true })}</updated>\n` +
      (i.author ? `<author><name>${x(i.author)}</name></author>\n` : '') +
      (i.category ? `<category term="${x(i.category.term)}" label="${x(i.category.label)}"/>\n` : '') +
      (i.summary ? `<summary type="text">${x(i.summary)}</summary>\n` : '') +
      `<content type="html">${cdata(i.contentHtml)}</content>\n</entry>\n`;
  }
  return out + '</feed>\n';
}
