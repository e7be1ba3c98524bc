/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
import { formatRfc3339 } from '../dates.js';
import type { FeedModel } from './model.js';

export function renderJsonFeed(f: FeedModel): string {
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: f.title,
    description: f.subtitle,
    home_page_url: f.homeUrl,
    feed_url: f.selfUrl,
    ...(f.nextUrl ? { next_url: f.nextUrl } : {}),
    language: f.lang,
    authors: [{ name: f.author }],
    items: f.items.map((i) => ({
      id: i.id,
      url: i.link,
      ...(i.externalUrl ? { external_url: i.externalUrl } : {}),
      title: i.title,
      content_html: i.contentHtml,
      ...(i.summary ? { summary: i.summary } : {}),
      date_published: formatRfc3339(i.published),
      date_modified: formatRfc3339(i.updated, { millis: true }),
      ...(i.author ? { authors: [{ name: i.author }] } : {}),
      ...(i.category ? { tags: [i.category.label] } : {}),
      language: i.lang,
    })),
  };
  // JSON.stringify escapes controls and lone surrogates itself (well-formed since ES2019).
  return JSON.stringify(doc) + '\n';
}
