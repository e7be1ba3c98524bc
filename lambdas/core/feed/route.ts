/**
 * Request → what to render, as a value: the handler maps the failures to 400/404. Known
 * parameters are strict (a bad `lang` answers 400 rather than silently serving another view
 * that a reader would cache under the wrong URL).
 */
import { FEED_LANGS, type FeedLang } from './content.js';
import { EXPORT_FORMATS, type ExportFormat } from './exports.js';
import { DEFAULT_LIMIT, FEED_FORMATS, MAX_LIMIT, type FeedFormat, type FeedQuery } from './model.js';
import { LAYOUTS, type Layout, type ReaderView } from './reader.js';
import { ZH_SCRIPTS, type ZhScript } from './zh.js';

export type Route =
  | { kind: 'feed'; query: FeedQuery }
  | { kind: 'article'; id: string; view: ReaderView }
  /** One article's sentence pairs as a TMX or TSV file. */
  | { kind: 'article-export'; id: string; format: ExportFormat }
  /** The latest `limit` articles of a source (or all) as one TMX or TSV file. */
  | { kind: 'export'; scope: string; format: ExportFormat; limit: number }
  | { kind: 'index' }
  | { kind: 'opml' }
  | { kind: 'not-found'; message: string }
  | { kind: 'bad-request'; message: string };

const FEED_PATH = /^\/feeds\/([^/]+)\.([a-z]+)$/;
const ARTICLE_PATH = /^\/articles\/([^/.]+)(?:\.([a-z]+))?$/;
const ID = /^[A-Za-z0-9_-]{1,128}$/;
// Cursors are opaque to us, but they travel in URLs and XML: bound their alphabet and size.
const CURSOR = /^[A-Za-z0-9_\-.~:+/=]{1,2048}$/;
const KNOWN_PARAMS: Record<string, readonly string[]> = {
  feed: ['lang', 'limit', 'cursor'],
  article: ['lang', 'layout', 'pinyin', 'script'],
  'article-export': [],
  export: ['limit', 'cursor'],
  index: [],
  opml: [],
};

/**
 * Every query parameter any route reads: the CDN's cache key must hold exactly these (each
 * changes the response), so lib/duofeed-stack.ts takes this list.
 */
export const QUERY_PARAMS: readonly string[] = [...new Set(Object.values(KNOWN_PARAMS).flat())].sort();

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
    const ext = article[2];
    if (!ID.test(id)) return { kind: 'not-found', message: `no article '${id.slice(0, 80)}'` };
    if (ext !== undefined) {
      if (!EXPORT_FORMATS.includes(ext as ExportFormat)) return { kind: 'not-found', message: `unknown export '.${ext.slice(0, 20)}' (use .tmx or .tsv)` };
      const bad = checkParams('article-export', params);
      return bad ? { kind: 'bad-request', message: bad } : { kind: 'article-export', id, format: ext as ExportFormat };
    }
    const bad = checkParams('article', params) ?? readerView(params);
    return typeof bad === 'string' ? { kind: 'bad-request', message: bad } : { kind: 'article', id, view: bad };
  }
  const feed = FEED_PATH.exec(path);
  if (!feed) return { kind: 'not-found', message: `no such page: ${path.slice(0, 200)}` };
  const scope = feed[1] ?? '';
  const ext = feed[2] ?? '';
  const isExport = EXPORT_FORMATS.includes(ext as ExportFormat);
  if (!isExport && !FEED_FORMATS.includes(ext as FeedFormat)) return { kind: 'not-found', message: `unknown feed format '.${ext}' (use .rss, .atom or .json; .tmx or .tsv for the sentence pairs)` };
  const format = ext as FeedFormat;
  if (scope !== 'all' && !sourceIds.has(scope)) return { kind: 'not-found', message: `unknown source '${scope.slice(0, 80)}'` };
  if (isExport) {
    const bad = checkParams('export', params);
    if (bad) return { kind: 'bad-request', message: bad };
    if (params.has('cursor')) return { kind: 'bad-request', message: 'an export holds the latest articles (limit=1..200); it has no pages, so no cursor' };
    const limit = readLimit(params.get('limit'));
    return typeof limit === 'string' ? { kind: 'bad-request', message: limit } : { kind: 'export', scope, format: ext as ExportFormat, limit };
  }

  const bad = checkParams('feed', params);
  if (bad) return { kind: 'bad-request', message: bad };
  const lang = params.get('lang') ?? 'bi';
  if (!FEED_LANGS.includes(lang as FeedLang)) return { kind: 'bad-request', message: `lang must be bi, en or zh (got '${lang.slice(0, 20)}')` };
  const limit = readLimit(params.get('limit'));
  if (typeof limit === 'string') return { kind: 'bad-request', message: limit };
  const cursor = params.get('cursor') ?? undefined;
  if (cursor !== undefined && !CURSOR.test(cursor)) return { kind: 'bad-request', message: 'cursor is not one this server issued' };
  return { kind: 'feed', query: { scope, format, lang: lang as FeedLang, limit, ...(cursor ? { cursor } : {}) } };
}

/** `limit=1..MAX_LIMIT`, DEFAULT_LIMIT when absent; a sentence saying what is wrong otherwise. */
function readLimit(limitText: string | null): number | string {
  if (limitText === null) return DEFAULT_LIMIT;
  if (!/^\d{1,4}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > MAX_LIMIT) return `limit must be a whole number from 1 to ${MAX_LIMIT}`;
  return Number(limitText);
}

/**
 * The reading page's mode from its parameters, each strict as the feeds' `lang` is: a page a
 * browser or CDN caches under a URL must be the page that URL names.
 */
function readerView(params: URLSearchParams): ReaderView | string {
  const lang = params.get('lang') ?? 'bi';
  if (!FEED_LANGS.includes(lang as FeedLang)) return `lang must be bi, en or zh (got '${lang.slice(0, 20)}')`;
  const layout = params.get('layout');
  if (layout !== null && !LAYOUTS.includes(layout as Layout)) return `layout must be side or inter (got '${layout.slice(0, 20)}')`;
  if (layout !== null && lang !== 'bi') return `layout applies to lang=bi only (lang=${lang} shows one language, each sentence's translation on demand)`;
  const pinyin = params.get('pinyin');
  if (pinyin !== null && pinyin !== '0' && pinyin !== '1') return `pinyin must be 1 or 0 (got '${pinyin.slice(0, 20)}')`;
  const script = params.get('script');
  if (script !== null && !ZH_SCRIPTS.includes(script as ZhScript)) return `script must be hans (Simplified) or hant (Traditional) (got '${script.slice(0, 20)}')`;
  return { lang: lang as FeedLang, layout: (layout as Layout | null) ?? 'side', pinyin: pinyin === '1', ...(script ? { script: script as ZhScript } : {}) };
}
