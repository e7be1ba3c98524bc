/**
 * Request → what to render, as a value: the handler maps the failures to 400/404. Known
 * parameters are strict (a bad `lang` answers 400 rather than silently serving another view
 * that a reader would cache under the wrong URL).
 */
import { FEED_LANGS, type FeedLang } from './content.js';
import { DEFAULT_LIMIT, FEED_FORMATS, MAX_LIMIT, type FeedFormat, type FeedQuery } from './model.js';

export type Route =
  | { kind: 'feed'; query: FeedQuery }
  | { kind: 'article'; id: string }
  | { kind: 'index' }
  | { kind: 'opml' }
  | { kind: 'not-found'; message: string }
  | { kind: 'bad-request'; message: string };

const FEED_PATH = /^\/feeds\/([^/]+)\.([a-z]+)$/;
const ARTICLE_PATH = /^\/articles\/([^/]+)$/;
const ID = /^[A-Za-z0-9_-]{1,128}$/;
// Cursors are opaque to us, but they travel in URLs and XML: bound their alphabet and size.
const CURSOR = /^[A-Za-z0-9_\-.~:+/=]{1,2048}$/;
const KNOWN_PARAMS: Record<string, readonly string[]> = { feed: ['lang', 'limit', 'cursor'], article: [], index: [], opml: [] };

// Unknown parameters are ignored (cache-busters like `?_=123` are common in readers); a known
// one given twice is ambiguous and refused.
function checkParams(kind: string, params: URLSearchParams): string | undefined {
  for (const key of KNOWN_PARAMS[kind] ?? []) {
    if (params.getAll(key).length > 1) return `parameter '${key}' given more than once`;
  }
  return undefined;
}

export function routeRequest(rawPath: string, params: URLSearchParams, sourceIds: ReadonlySet<string>): Route {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad-request', message: 'path: malformed percent-encoding' };
  }
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);

  if (path === '/' || path === '' || path === '/index.html') {
    const bad = checkParams('index', params);
    return bad ? { kind: 'bad-request', message: bad } : { kind: 'index' };
  }
  if (path === '/opml' || path === '/feeds.opml') {
    const bad = checkParams('opml', params);
    return bad ? { kind: 'bad-request', message: bad } : { kind: 'opml' };
  }
  const article = ARTICLE_PATH.exec(path);
  if (article) {
    const id = article[1] ?? '';
    if (!ID.test(id)) return { kind: 'not-found', message: `no article '${id.slice(0, 80)}'` };
    const bad = checkParams('article', params);
    return bad ? { kind: 'bad-request', message: bad } : { kind: 'article', id };
  }
  const feed = FEED_PATH.exec(path);
  if (!feed) return { kind: 'not-found', message: `no such page: ${path.slice(0, 200)}` };
  const scope = feed[1] ?? '';
  const format = feed[2] as FeedFormat;
  if (!FEED_FORMATS.includes(format)) return { kind: 'not-found', message: `unknown feed format '.${format}' (use .rss, .atom or .json)` };
  if (scope !== 'all' && !sourceIds.has(scope)) return { kind: 'not-found', message: `unknown source '${scope.slice(0, 80)}'` };

  const bad = checkParams('feed', params);
  if (bad) return { kind: 'bad-request', message: bad };
  const lang = params.get('lang') ?? 'bi';
  if (!FEED_LANGS.includes(lang as FeedLang)) return { kind: 'bad-request', message: `lang must be bi, en or zh (got '${lang.slice(0, 20)}')` };
  const limitText = params.get('limit');
  let limit = DEFAULT_LIMIT;
  if (limitText !== null) {
    if (!/^\d{1,4}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > MAX_LIMIT) {
      return { kind: 'bad-request', message: `limit must be a whole number from 1 to ${MAX_LIMIT}` };
    }
    limit = Number(limitText);
  }
  const cursor = params.get('cursor') ?? undefined;
  if (cursor !== undefined && !CURSOR.test(cursor)) return { kind: 'bad-request', message: 'cursor is not one this server issued' };
  return { kind: 'feed', query: { scope, format, lang: lang as FeedLang, limit, ...(cursor ? { cursor } : {}) } };
}
