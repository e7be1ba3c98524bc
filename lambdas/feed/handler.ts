/**
 * Feed Lambda behind a Function URL (payload v2): parse the event, let the core answer,
 * then do HTTP — methods, validators and 304s, caching, compression, HEAD.
 */
import { gzipSync } from 'node:zlib';
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { answer, routeRequest, type CachedBody } from '../core/feed/index.js';
import { formatHttpDate, parseHttpDate } from '../core/feed/dates.js';
import type { ArticleReader, Clock, Logger } from '../core/ports.js';
import { ConfigError } from '../core/errors.js';
import type { Source } from '../core/sources.js';
import { makeDynamoClient, requireEnv } from '../adapters/aws-clients.js';
import { DynamoStore } from '../adapters/dynamo-store.js';
import { systemClock } from '../adapters/clock.js';
import { jsonLogger } from '../adapters/logger.js';
import { loadSources } from '../fetch/config.js';

export interface FeedDeps {
  reader: ArticleReader;
  sources: Source[];
  /** Absolute base URL for links; else derived from the request's forwarded host. */
  publicUrl?: string;
  clock: Clock;
  /** Where a failed request's details go (never to the client); default JSON lines on stdout. */
  log?: Logger;
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

/**
 * A small LRU by strong ETag, per warm instance: readers poll the same few feeds, so most
 * requests between two ingests can skip rendering (and gzip) entirely. Bounded by entries
 * and by characters so a warm Lambda's memory stays flat.
 */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;
  constructor(
    private readonly sizeOf: (v: V) => number,
    private readonly maxEntries = 64,
    private readonly maxChars = 32_000_000,
  ) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }
  set(key: string, value: V): void {
    const size = this.sizeOf(value);
    if (size > this.maxChars / 4) return;
    const old = this.map.get(key);
    if (old !== undefined) {
      this.chars -= this.sizeOf(old);
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.chars += size;
    for (const [k, v] of this.map) {
      if (this.map.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.map.delete(k);
      this.chars -= this.sizeOf(v);
    }
  }
}

const gzipTagOf = (etag: string) => etag.replace(/"$/, '-gzip"');

/** UTF-8 length is at least the UTF-16 length: most bodies pass without being measured. */
function atLeastBytes(s: string, n: number): boolean {
  return s.length >= n || Buffer.byteLength(s) >= n;
}

export function makeFeedHandler(deps: FeedDeps): Handler {
  const sourceIds = new Set(deps.sources.map((s) => s.id));
  const bodies = new Lru<CachedBody>((c) => c.body.length);
  const gzipped = new Lru<string>((b) => b.length);
  const log = deps.log ?? jsonLogger();
  return async (event) => {
    const method = event.requestContext?.http?.method?.toUpperCase() ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return text(405, `method ${method} not allowed`, { allow: 'GET, HEAD' });
    const baseUrl = baseUrlOf(event, deps.publicUrl);
    if (!baseUrl) return text(400, 'host header missing or malformed', {}, method);

    const headers = event.headers ?? {};
    const inm = headers['if-none-match'];
    const ims = parseHttpDate(headers['if-modified-since']);
    // If-Modified-Since counts only without If-None-Match (RFC 9110 §13.1.3); dates are whole seconds.
    const isFresh = (etag: string, lastModified: () => number | undefined): boolean => {
      if (inm !== undefined) return etagMatches(inm, etag);
      if (ims === undefined) return false;
      const lm = lastModified();
      return lm !== undefined && Math.floor(lm / 1000) * 1000 <= ims;
    };

    const route = routeRequest(event.rawPath ?? '/', new URLSearchParams(event.rawQueryString ?? ''), sourceIds);
    let answered;
    try {
      answered = await answer(route, { reader: deps.reader, sources: deps.sources, baseUrl, now: deps.clock.now(), isFresh, bodies });
    } catch (err) {
      // Details go to the log, never to the client.
      log.error('feed request failed', { path: event.rawPath, error: String(err), cause: String((err as Error)?.cause ?? '') });
      return text(500, 'internal error', {}, method);
    }
    if ('message' in answered) return text(answered.status, answered.message, {}, method);
    const result = answered;
    const lastModified = () => result.lastModified;

    // RFC 9110 §15.4.5: what a 200 would carry that a cache needs to update its stored copy.
    const out: Record<string, string> = { etag: result.etag, 'cache-control': CACHE_CONTROL, vary: 'Accept-Encoding', 'x-content-type-options': 'nosniff' };
    if (result.lastModified !== undefined) out['last-modified'] = formatHttpDate(result.lastModified);
    if (result.status === 304) {
      // Echo the representation the client holds: its tag may be the gzip variant.
      if (inm !== undefined && inm.includes(gzipTagOf(result.etag))) out.etag = gzipTagOf(result.etag);
      return { statusCode: 304, headers: out };
    }

    const gzip = acceptsGzip(headers['accept-encoding']) && atLeastBytes(result.body, GZIP_MIN_BYTES);
    // A gzipped body is a different representation: it gets its own strong tag.
    const etag = gzip ? gzipTagOf(result.etag) : result.etag;
    out.etag = etag;
    if (isFresh(etag, lastModified)) return { statusCode: 304, headers: { ...out, ...result.headers } };
    out['content-type'] = result.contentType;
    if (result.headers) Object.assign(out, result.headers);
    if (gzip) out['content-encoding'] = 'gzip';
    if (method === 'HEAD') return { statusCode: 200, headers: out };
    if (gzip) {
      let body = gzipped.get(etag);
      if (body === undefined) gzipped.set(etag, (body = gzipSync(result.body).toString('base64')));
      return { statusCode: 200, headers: out, body, isBase64Encoded: true };
    }
    return { statusCode: 200, headers: out, body: result.body };
  };
}

/** Config from the Lambda environment, read and validated once per cold start. */
function depsFromEnv(env: NodeJS.ProcessEnv): FeedDeps {
  // The same reading (and the same error) as the fetch function's.
  const sources = loadSources(requireEnv(env, 'DUOFEED_SOURCES'), 'the DUOFEED_SOURCES environment variable');
  const publicUrl = env['DUOFEED_PUBLIC_URL']?.trim();
  if (publicUrl && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(publicUrl)) throw new ConfigError(`DUOFEED_PUBLIC_URL must be an absolute http(s) URL, got '${publicUrl}'`);
  return {
    reader: new DynamoStore({ client: makeDynamoClient(), tableName: requireEnv(env, 'DUOFEED_TABLE'), clock: systemClock }),
    sources,
    ...(publicUrl ? { publicUrl } : {}),
    clock: systemClock,
  };
}

let cold: Handler | undefined;
export const handler: Handler = async (event) => {
  // A config error rejects every invocation, naming the variable, until it is fixed.
  cold ??= makeFeedHandler(depsFromEnv(process.env));
  return cold(event);
};
