/**
 * The feed side's use case: a routed request in, a rendered document (or a short client
 * error) out. Reads go through the ArticleReader port only; HTTP details (methods,
 * validators, compression) stay in the handler.
 */
import { parseRfc3339 } from '../dates.js';
import type { ArticleReader } from '../ports.js';
import type { Source } from '../sources.js';
import { renderAtom } from './atom.js';
import type { CursorSeal } from './cursor.js';
import { bodyEtag, feedPageEtag } from './etag.js';
import { INDEX_CSP, renderIndexPage } from './index-page.js';
import { renderJsonFeed } from './jsonfeed.js';
import { MEDIA_TYPES, buildFeedModel, feedUpdatedMs, trimBase, type FeedFormat, type FeedModel } from './model.js';
import { renderOpml } from './opml.js';
import { EXPORT_MEDIA_TYPES, renderTmx, renderTsv, type ExportFormat, type ExportItem } from './exports.js';
import { DOUBTFUL_BELOW } from './pairs.js';
import { articleEtag, articleViewUrl, renderArticlePage, type ReaderView, type ZhRender } from './reader.js';
import { READER_CSP } from './reader-assets.js';
import { renderRss } from './rss.js';
import type { Route } from './route.js';
import { strongEtag } from './etag.js';
import { loadConverter, loadPinyin, loadScriptOf } from './zh.js';
import type { StoredArticle } from '../article.js';
import { side } from '../article.js';

export { routeRequest, type Route } from './route.js';
export { cursorSeal, CursorKeyError, MIN_CURSOR_KEY_LENGTH, type CursorSeal } from './cursor.js';
export { buildFeedModel, type FeedModel, type FeedQuery, type FeedFormat } from './model.js';
export { renderAtom, renderRss, renderJsonFeed, renderArticlePage, renderIndexPage, renderOpml };

export interface Rendered {
  status: 200;
  body: string;
  contentType: string;
  etag: string;
  /** Epoch ms, for Last-Modified / If-Modified-Since. */
  lastModified?: number;
  headers?: Record<string, string>;
}
/** The client's copy is current: validators only, nothing rendered. */
export interface NotModified {
  status: 304;
  contentType: string;
  etag: string;
  lastModified?: number;
}
export type Answer = Rendered | NotModified | { status: 400 | 404; message: string };

/** A rendered feed body and its Last-Modified, as cached. */
export interface CachedBody {
  body: string;
  lastModified?: number;
}

/** Rendered bodies by strong ETag (the tag names everything the bytes depend on). */
export interface BodyCache {
  get(etag: string): CachedBody | undefined;
  set(etag: string, value: CachedBody): void;
}

export interface AnswerDeps {
  reader: ArticleReader;
  sources: readonly Source[];
  /** Absolute base URL every link is built from. */
  baseUrl: string;
  now: Date;
  /** Largest body to return; a bigger page is re-read with half the limit. */
  maxBodyBytes?: number;
  /**
   * True when the client already holds this representation (its If-None-Match /
   * If-Modified-Since). `lastModified` is a thunk: with If-None-Match it is never needed, and
   * for a feed it costs parsing every listed item's dates.
   */
  isFresh?: (etag: string, lastModified: () => number | undefined) => boolean;
  bodies?: BodyCache;
  /** Signs the paging cursors the feeds hand out and checks the ones readers bring back. */
  cursors: CursorSeal;
  /** Segment confidence below which a pair is marked doubtful (page, `_duofeed`, exports); default DOUBTFUL_BELOW. */
  doubtfulBelow?: number;
}

/** How many of the newest articles the index page lists. */
export const INDEX_LATEST = 20;

/**
 * Lambda answers at most 6 MB (before any compression): 200 long bilingual articles can pass
 * that, so an oversized page is served smaller, its next link continuing where it stopped.
 */
export const MAX_BODY_BYTES = 5_000_000;

const RENDERERS: Record<FeedFormat, (f: FeedModel) => string> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };
const HTML = 'text/html; charset=utf-8';
const BAD_CURSOR = 'cursor is not one this server issued';

/**
 * The reader refuses a cursor it cannot decode with an `InvalidCursorError` (the DynamoDB
 * store's name, matched by name so the core needs no adapter import): the client's error.
 */
function isBadCursor(err: unknown): boolean {
  return err instanceof Error && err.name === 'InvalidCursorError';
}

export async function answer(route: Route, deps: AnswerDeps): Promise<Answer> {
  switch (route.kind) {
    case 'not-found':
      return { status: 404, message: route.message };
    case 'bad-request':
      return { status: 400, message: route.message };
    case 'feed': {
      const q = route.query;
      const max = deps.maxBodyBytes ?? MAX_BODY_BYTES;
      // The store's cursor inside the link's, if this server signed it for this listing.
      const storeCursor = q.cursor === undefined ? undefined : deps.cursors.open(q.scope, q.cursor);
      if (q.cursor !== undefined && storeCursor === undefined) return { status: 400, message: BAD_CURSOR };
      for (let limit = q.limit; ; limit = Math.max(1, Math.floor(limit / 2))) {
        let listed;
        try {
          listed = await deps.reader.list(q.scope === 'all' ? undefined : q.scope, { limit, ...(storeCursor ? { cursor: storeCursor } : {}) });
        } catch (err) {
          if (isBadCursor(err)) return { status: 400, message: BAD_CURSOR };
          throw err;
        }
        const page = listed.next === undefined ? listed : { ...listed, next: deps.cursors.seal(q.scope, listed.next) };
        // Links keep the limit the reader asked for, so its next page asks for the full size again.
        const input = { query: q, page, baseUrl: deps.baseUrl, sources: deps.sources, now: deps.now, doubtfulBelow: deps.doubtfulBelow ?? DOUBTFUL_BELOW };
        // The tag comes from the listing: a revalidation or a warm body never builds the model.
        const etag = feedPageEtag(input);
        const contentType = `${MEDIA_TYPES[q.format]}; charset=utf-8`;
        const lm: { known: boolean; value?: number } = { known: false };
        const lastModifiedOf = (): number | undefined => {
          if (!lm.known) {
            lm.known = true;
            // A cached body under this tag already knows it (same tag, same listing).
            const cached = deps.bodies?.get(etag);
            if (cached) {
              if (cached.lastModified !== undefined) lm.value = cached.lastModified;
            } else if (page.items.length > 0) lm.value = feedUpdatedMs(page.items, deps.now);
          }
          return lm.value;
        };
        // RFC 9110 §15.4.5: a 304 must carry the tag; Last-Modified only if it was worked out anyway.
        if (deps.isFresh?.(etag, lastModifiedOf)) return { status: 304, contentType, etag, ...(lm.value !== undefined ? { lastModified: lm.value } : {}) };
        const cached = deps.bodies?.get(etag);
        if (cached !== undefined) return { status: 200, contentType, etag, ...cached };
        const model = buildFeedModel(input);
        const body = RENDERERS[q.format](model);
        if (limit > 1 && Buffer.byteLength(body) > max) continue;
        const rendered: CachedBody = model.items.length > 0 ? { body, lastModified: model.updated.epochMs } : { body };
        deps.bodies?.set(etag, rendered);
        return { status: 200, contentType, etag, ...rendered };
      }
    }
    case 'article': {
      const a = await deps.reader.get(route.id);
      if (!a) return { status: 404, message: `no article '${route.id}'` };
      const source = deps.sources.find((s) => s.id === a.sourceId);
      const neighbours = await deps.reader.neighbours(a);
      const opts = { view: route.view, neighbours, doubtfulBelow: deps.doubtfulBelow ?? DOUBTFUL_BELOW };
      const etag = articleEtag(a, deps.baseUrl, source, opts);
      const lastModified = newestWrite([a, neighbours.newer, neighbours.older]);
      const head = { contentType: HTML, etag, ...(lastModified === undefined ? {} : { lastModified }) };
      if (deps.isFresh?.(etag, () => lastModified)) return { status: 304, ...head };
      const cached = deps.bodies?.get(etag);
      const body = cached?.body ?? renderArticlePage(a, deps.baseUrl, source, { ...opts, zh: await zhFor(a, route.view) });
      if (!cached) deps.bodies?.set(etag, { body });
      return { status: 200, body, ...head, headers: { 'content-security-policy': READER_CSP } };
    }
    case 'article-export': {
      const a = await deps.reader.get(route.id);
      if (!a) return { status: 404, message: `no article '${route.id}'` };
      const etag = strongEtag(['article-export', route.format, trimBase(deps.baseUrl), a.id, a.version, deps.doubtfulBelow ?? DOUBTFUL_BELOW]);
      const lastModified = newestWrite([a]);
      return exportAnswer(route.format, [a], `${a.id}.${route.format}`, etag, lastModified, deps);
    }
    case 'export': {
      const listed = await deps.reader.list(route.scope === 'all' ? undefined : route.scope, { limit: route.limit });
      const rows = listed.items.map((a) => `${a.id}@${a.version}`).join(' ');
      const etag = strongEtag(['export', route.format, route.scope, route.limit, trimBase(deps.baseUrl), deps.doubtfulBelow ?? DOUBTFUL_BELOW, rows]);
      return exportAnswer(route.format, listed.items, `duofeed-${route.scope}.${route.format}`, etag, newestWrite(listed.items), deps);
    }
    case 'index': {
      const latest = (await deps.reader.list(undefined, { limit: INDEX_LATEST })).items;
      const body = renderIndexPage(deps.sources, await deps.reader.sourceStates(), deps.baseUrl, latest);
      return { status: 200, body, contentType: HTML, etag: bodyEtag('index', body), headers: { 'content-security-policy': INDEX_CSP } };
    }
    case 'opml': {
      const body = renderOpml(deps.sources, deps.baseUrl);
      return { status: 200, body, contentType: 'text/x-opml; charset=utf-8', etag: bodyEtag('opml', body) };
    }
  }
}

/** The newest store write among these articles (epoch ms): the Last-Modified of a page made from them. */
function newestWrite(articles: readonly (StoredArticle | undefined)[]): number | undefined {
  let newest: number | undefined;
  for (const a of articles) {
    const t = a && parseRfc3339(a.updated)?.epochMs;
    if (t !== undefined && (newest === undefined || t > newest)) newest = t;
  }
  return newest;
}

/**
 * The Chinese helpers a view needs, imported on first use: the script detector for any page
 * with Chinese (it tags the text zh-Hans or zh-Hant), a converter only when another script is
 * asked for, pinyin only with pinyin=1.
 */
async function zhFor(a: StoredArticle, view: ReaderView): Promise<ZhRender> {
  const chinese = a.segments.flatMap((s) => side(s, 'zh')).join('') + (a.title['zh'] ?? '');
  if (!chinese) return {};
  const original = (await loadScriptOf())(chinese);
  const zh: ZhRender = original ? { original } : {};
  if (view.script && view.script !== original) zh.convert = await loadConverter(view.script);
  if (view.pinyin) zh.pinyin = await loadPinyin();
  return zh;
}

async function exportAnswer(
  format: ExportFormat,
  articles: readonly StoredArticle[],
  filename: string,
  etag: string,
  lastModified: number | undefined,
  deps: AnswerDeps,
): Promise<Answer> {
  const head = {
    contentType: `${EXPORT_MEDIA_TYPES[format]}; charset=utf-8`,
    etag,
    ...(lastModified === undefined ? {} : { lastModified }),
  };
  if (deps.isFresh?.(etag, () => lastModified)) return { status: 304, ...head };
  let body = deps.bodies?.get(etag)?.body;
  if (body === undefined) {
    const items: ExportItem[] = articles.map((a) => ({
      article: a,
      updated: a.updated,
      linkFor: (pair) => `${articleViewUrl(deps.baseUrl, a.id)}#${pair.id}`,
    }));
    const opts = { doubtfulBelow: deps.doubtfulBelow ?? DOUBTFUL_BELOW };
    body = format === 'tmx' ? renderTmx(items, opts) : renderTsv(items, await loadPinyin(), opts);
    deps.bodies?.set(etag, { body });
  }
  return { status: 200, body, ...head, headers: { 'content-disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9_.-]/g, '_')}"` } };
}
