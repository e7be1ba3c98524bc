/**
 * Feed Lambda behind a Function URL (payload v2): parse the event, let the core answer,
 * then do HTTP — methods, validators and 304s, caching, compression, HEAD.
 */
import { gzipSync } from 'node:zlib';
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { answer, routeRequest } from '../core/feed/index.js';
import { formatHttpDate, parseHttpDate } from '../core/feed/dates.js';
import type { ArticleReader, Clock } from '../core/ports.js';
import { parseSources, type Source } from '../core/sources.js';
import { ConfigError, makeDynamoClient, requireEnv } from '../adapters/aws-clients.js';
import { DynamoStore } from '../adapters/dynamo-store.js';

export interface FeedDeps {
  reader: ArticleReader;
  sources: Source[];
  /** Absolute base URL for links; else derived from the request's forwarded host. */
  publicUrl?: string;
  clock: Clock;
}

type Handler = (event: LambdaFunctionURLEvent) => Promise<LambdaFunctionURLResult>;

// Readers poll; five minutes fresh, then served stale while CloudFront revalidates.
const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=600, stale-if-error=86400';
// Below this, gzip's header overhead outweighs the saving.
const GZIP_MIN_BYTES = 512;
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function text(status: number, message: string, extra: Record<string, string> = {}, method = 'GET'): LambdaFunctionURLResult {
  return {
    statusCode: status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra },
    ...(method === 'HEAD' ? {} : { body: `${message}\n` }),
  };
}

/** The public base URL: configured, else the (validated) forwarded host of this request. */
function baseUrlOf(event: LambdaFunctionURLEvent, publicUrl: string | undefined): string | undefined {
  if (publicUrl) return publicUrl;
  const h = event.headers ?? {};
  const host = h['x-forwarded-host'] ?? h['host'] ?? event.requestContext?.domainName;
  if (!host || !HOST.test(host)) return undefined;
  const proto = h['x-forwarded-proto'] === 'http' ? 'http' : 'https';
  return `${proto}://${host}`;
}

/** RFC 9110 §13.1.2: weak comparison, a list of tags or `*`. Our `-gzip` variant matches its identity tag. */
function etagMatches(header: string, etag: string): boolean {
  const strip = (t: string) => t.trim().replace(/^W\//, '').replace(/-gzip"$/, '"');
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => strip(t) === strip(etag));
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export function makeFeedHandler(deps: FeedDeps): Handler {
  const sourceIds = new Set(deps.sources.map((s) => s.id));
  return async (event) => {
    const method = event.requestContext?.http?.method?.toUpperCase() ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return text(405, `method ${method} not allowed`, { allow: 'GET, HEAD' });
    const baseUrl = baseUrlOf(event, deps.publicUrl);
    if (!baseUrl) return text(400, 'host header missing or malformed', {}, method);

    const route = routeRequest(event.rawPath ?? '/', new URLSearchParams(event.rawQueryString ?? ''), sourceIds);
    let result;
    try {
      result = await answer(route, { reader: deps.reader, sources: deps.sources, baseUrl, now: deps.clock.now() });
    } catch (err) {
      // Details go to the log, never to the client.
      console.error(JSON.stringify({ msg: 'feed request failed', path: event.rawPath, error: String(err), cause: String((err as Error)?.cause ?? '') }));
      return text(500, 'internal error', {}, method);
    }
    if (result.status !== 200) return text(result.status, result.message, {}, method);

    const headers = event.headers ?? {};
    const gzip = acceptsGzip(headers['accept-encoding']) && Buffer.byteLength(result.body) >= GZIP_MIN_BYTES;
    // A gzipped body is a different representation: it gets its own strong tag.
    const etag = gzip ? result.etag.replace(/"$/, '-gzip"') : result.etag;
    const out: Record<string, string> = {
      'content-type': result.contentType,
      etag,
      'cache-control': CACHE_CONTROL,
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      ...(result.lastModified !== undefined ? { 'last-modified': formatHttpDate(result.lastModified) } : {}),
      ...result.headers,
    };

    const inm = headers['if-none-match'];
    const ims = parseHttpDate(headers['if-modified-since']);
    // If-Modified-Since counts only without If-None-Match (RFC 9110 §13.1.3); dates are whole seconds.
    const notModified =
      inm !== undefined ? etagMatches(inm, etag) : ims !== undefined && result.lastModified !== undefined && Math.floor(result.lastModified / 1000) * 1000 <= ims;
    if (notModified) {
      delete out['content-type'];
      return { statusCode: 304, headers: out };
    }
    if (gzip) out['content-encoding'] = 'gzip';
    if (method === 'HEAD') return { statusCode: 200, headers: out };
    if (gzip) return { statusCode: 200, headers: out, body: gzipSync(result.body).toString('base64'), isBase64Encoded: true };
    return { statusCode: 200, headers: out, body: result.body };
  };
}

/** Config from the Lambda environment, read and validated once per cold start. */
function depsFromEnv(env: NodeJS.ProcessEnv): FeedDeps {
  let parsed: unknown;
  try {
    parsed = JSON.parse(requireEnv(env, 'DUOFEED_SOURCES'));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`DUOFEED_SOURCES is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  const sources = parseSources(parsed);
  if (!sources.ok) throw new ConfigError(`DUOFEED_SOURCES is invalid: ${sources.errors.join('; ')}`);
  const publicUrl = env['DUOFEED_PUBLIC_URL']?.trim();
  if (publicUrl && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(publicUrl)) throw new ConfigError(`DUOFEED_PUBLIC_URL must be an absolute http(s) URL, got '${publicUrl}'`);
  return {
    reader: new DynamoStore({ client: makeDynamoClient(), tableName: requireEnv(env, 'DUOFEED_TABLE') }),
    sources: sources.sources,
    ...(publicUrl ? { publicUrl } : {}),
    clock: { now: () => new Date() },
  };
}

let cold: Handler | undefined;
export const handler: Handler = (event) => {
  cold ??= makeFeedHandler(depsFromEnv(process.env));
  return cold(event);
};
