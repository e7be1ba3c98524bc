/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Each item carries its sentence pairs in
 * the `_duofeed` extension object (JSON Feed 1.1: keys starting with an underscore are
 * extensions, with an `about` URL describing them; readers that do not know it ignore it).
 */
import { formatRfc3339 } from '../dates.js';
import type { SentencePair } from './pairs.js';
import type { FeedItem, FeedModel } from './model.js';

/** Where the `_duofeed` extension is described: the README's section. */
export const DUOFEED_EXTENSION_ABOUT = 'https://github.com/duofeed/duofeed/blob/main/README.md#json-feed-extension-_duofeed';

/** The `_duofeed` object of an item: the article's languages and its sentence pairs, in reading order. */
export function duofeedExtension(i: Pick<FeedItem, 'pairs' | 'languages' | 'link' | 'doubtfulBelow'>): Record<string, unknown> {
  return {
    about: DUOFEED_EXTENSION_ABOUT,
    version: 1,
    languages: i.languages,
    doubtful_below: i.doubtfulBelow,
    pairs: i.pairs.map((p: SentencePair) => ({
      id: p.id,
      paragraph: p.segment,
      url: `${i.link}#${p.id}`,
      ...Object.fromEntries(i.languages.map((l) => [l, p.text[l] ?? ''])),
      ...(p.confidence !== undefined ? { confidence: p.confidence } : {}),
      doubtful: p.doubtful,
    })),
  };
}

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
      _duofeed: duofeedExtension(i),
    })),
  };
  // JSON.stringify escapes controls and lone surrogates itself (well-formed since ES2019).
  return JSON.stringify(doc) + '\n';
}
