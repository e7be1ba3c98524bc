/**
 * The feed function's HTTP, apart from its wiring: the public base URL, conditional requests
 * (RFC 9110 §13), content negotiation for gzip, the per-instance caches of rendered and
 * gzipped bodies, and turning the core's answer into a Function URL result.
 */
import { gzipSync } from 'node:zlib';
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import type { NotModified, Rendered } from '../core/feed/index.js';
import { formatHttpDate, parseHttpDate } from '../core/feed/dates.js';

// Readers poll; five minutes fresh, then served stale while CloudFront revalidates.
export const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=600, stale-if-error=86400';
// Below this, gzip's header overhead outweighs the saving.
export const GZIP_MIN_BYTES = 512;
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** A short plain-text answer (errors, 405): never cached. */
export function text(status: number, message: string, extra: Record<string, string> = {}, method = 'GET'): LambdaFunctionURLResult {
  return {
    statusCode: status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra },
    ...(method === 'HEAD' ? {} : { body: `${message}\n` }),
  };
}

/** The public base URL: configured, else the (validated) forwarded host of this request. */
export function baseUrlOf(event: LambdaFunctionURLEvent, publicUrl: string | undefined): string | undefined {
  if (publicUrl) return publicUrl;
  const h = event.headers ?? {};
  const host = h['x-forwarded-host'] ?? h['host'] ?? event.requestContext?.domainName;
  if (!host || !HOST.test(host)) return undefined;
  const proto = h['x-forwarded-proto'] === 'http' ? 'http' : 'https';
  return `${proto}://${host}`;
}

/** The tag of a representation's gzipped variant: a different representation gets its own strong tag. */
export const gzipTagOf = (etag: string) => etag.replace(/"$/, '-gzip"');

/** RFC 9110 §13.1.2: weak comparison, a list of tags or `*`. Our `-gzip` variant matches its identity tag. */
export function etagMatches(header: string, etag: string): boolean {
  const strip = (t: string) => t.trim().replace(/^W\//, '').replace(/-gzip"$/, '"');
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => strip(t) === strip(etag));
}

export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** A request's validators, and the freshness test the core asks before it renders anything. */
export interface Conditions {
  ifNoneMatch: string | undefined;
  isFresh(etag: string, lastModified: () => number | undefined): boolean;
}

export function conditionsOf(headers: Record<string, string | undefined>): Conditions {
  const inm = headers['if-none-match'];
  const ims = parseHttpDate(headers['if-modified-since']);
  return {
    ifNoneMatch: inm,
    // If-Modified-Since counts only without If-None-Match (RFC 9110 §13.1.3); dates are whole seconds.
    isFresh(etag, lastModified) {
      if (inm !== undefined) return etagMatches(inm, etag);
      if (ims === undefined) return false;
      const lm = lastModified();
      return lm !== undefined && Math.floor(lm / 1000) * 1000 <= ims;
    },
  };
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

/** UTF-8 length is at least the UTF-16 length: most bodies pass without being measured. */
function atLeastBytes(s: string, n: number): boolean {
  return s.length >= n || Buffer.byteLength(s) >= n;
}

/**
 * The result for a representation the core produced (or found current): validators and
 * caching headers always; 304 when the client's copy is current; otherwise the body, gzipped
 * (base64, from the per-instance cache by its gzip tag) when the client accepts it.
 */
export function representation(
  result: Rendered | NotModified,
  request: { method: string; conditions: Conditions; acceptEncoding: string | undefined; gzipped: Lru<string> },
): LambdaFunctionURLResult {
  const { method, conditions } = request;
  const inm = conditions.ifNoneMatch;
  // RFC 9110 §15.4.5: what a 200 would carry that a cache needs to update its stored copy.
  // The type rides along on a 304 too: a Function URL result without one is answered as
  // application/json (reported of the real front end), and caches update their stored headers
  // from a 304 (RFC 9111 §4.3.4) — the real type keeps a cached feed a feed.
  const out: Record<string, string> = {
    etag: result.etag,
    'content-type': result.contentType,
    'cache-control': CACHE_CONTROL,
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
  };
  if (result.lastModified !== undefined) out['last-modified'] = formatHttpDate(result.lastModified);
  if (result.status === 304) {
    // Echo the representation the client holds: its tag may be the gzip variant.
    if (inm !== undefined && inm.includes(gzipTagOf(result.etag))) out.etag = gzipTagOf(result.etag);
    return { statusCode: 304, headers: out };
  }

  const gzip = acceptsGzip(request.acceptEncoding) && atLeastBytes(result.body, GZIP_MIN_BYTES);
  const etag = gzip ? gzipTagOf(result.etag) : result.etag;
  out.etag = etag;
  if (conditions.isFresh(etag, () => result.lastModified)) return { statusCode: 304, headers: { ...out, ...result.headers } };
  if (result.headers) Object.assign(out, result.headers);
  if (gzip) out['content-encoding'] = 'gzip';
  if (method === 'HEAD') return { statusCode: 200, headers: out };
  if (gzip) {
    let body = request.gzipped.get(etag);
    if (body === undefined) request.gzipped.set(etag, (body = gzipSync(result.body).toString('base64')));
    return { statusCode: 200, headers: out, body, isBase64Encoded: true };
  }
  return { statusCode: 200, headers: out, body: result.body };
}
