/**
 * The one outbound HTTP client (fetch Lambda and `duofeed parse URL`). Built on node:http(s)
 * rather than global fetch so that we control what fetch hides: the address actually
 * connected (SSRF guard, DNS pinning), each redirect hop, connect/header/body timeouts, and
 * the byte count before and after decompression (gzip bombs).
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { setTimeout as delay } from 'node:timers/promises';
import { checkHost, classifyAddress, pinnedLookup, SsrfError, type AddressVerdict, type Resolver } from './ssrf.js';
import { backoffDelay, parseRetryAfter, type BackoffPolicy, DEFAULT_BACKOFF } from '../core/backoff.js';
import type { Clock, FetchedPage, PageRequest } from '../core/ports.js';
import { systemClock } from './clock.js';
import { MAX_PAGE_BYTES } from '../core/limits.js';

export const DEFAULT_USER_AGENT =
  'duofeed/0.1 (bilingual news feed aggregator; polite crawler: honours robots.txt, conditional GET, one request per host every few seconds)';

export type FetchErrorCode =
  | 'bad-url'
  | 'ssrf'
  | 'timeout'
  | 'too-large'
  | 'http-status'
  | 'too-many-redirects'
  | 'bad-encoding'
  | 'network';

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly code: FetchErrorCode,
    readonly url: string,
    reason: string,
    extra: { status?: number; retryAfterMs?: number; cause?: unknown; addressRefused?: boolean } = {},
  ) {
    super(`fetch ${url}: ${reason}`, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.status = extra.status;
    this.retryAfterMs = extra.retryAfterMs;
    this.addressRefused = extra.addressRefused === true;
  }
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** An 'ssrf' refusal of the address itself (private, loopback…), which allowPrivateNetwork would lift. */
  readonly addressRefused: boolean;
}

/** The port's request (private network, validators, size cap) plus this client's own policy. */
export interface FetchPageOptions extends PageRequest {
  userAgent?: string;
  /** Whole-attempt deadline (connect + headers + body), ms. Default 20 s. */
  timeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Retries after the first attempt for 429/5xx/network/timeout. Default 2. */
  retries?: number;
  /** A Retry-After longer than this is not waited for (the error says so). Default 30 s. */
  maxRetryAfterMs?: number;
  backoff?: BackoffPolicy;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  resolve?: Resolver;
  /** Which addresses may be connected to; default classifyAddress (public unicast only). */
  addressPolicy?: (address: string) => AddressVerdict;
  /** For Retry-After given as a date. */
  clock?: Clock;
}

export type FetchPage = (url: string, opts?: FetchPageOptions) => Promise<FetchedPage>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
/** The page-size limit shared with the CLI (core/limits.ts). */
const DEFAULT_MAX_BYTES = MAX_PAGE_BYTES;
const DEFAULT_TIMEOUT_MS = 20_000;
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * GET one page politely and safely. Throws FetchError (code + message naming the URL and
 * the reason) for everything but 2xx and 304.
 */
export async function fetchPage(url: string, opts: FetchPageOptions = {}): Promise<FetchedPage> {
  const retries = opts.retries ?? 2;
  const sleep = opts.sleep ?? ((ms: number) => delay(ms));
  const random = opts.random ?? Math.random;
  const maxRetryAfter = opts.maxRetryAfterMs ?? 30_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchFollowingRedirects(url, opts);
    } catch (err) {
      if (!(err instanceof FetchError) || attempt >= retries || !isRetryable(err)) throw err;
      let wait = backoffDelay(attempt, random(), opts.backoff ?? DEFAULT_BACKOFF);
      if (err.retryAfterMs !== undefined) {
        if (err.retryAfterMs > maxRetryAfter) throw err;
        wait = Math.max(wait, err.retryAfterMs);
      }
      await sleep(wait);
    }
  }
}

function isRetryable(err: FetchError): boolean {
  if (err.code === 'network' || err.code === 'timeout') return true;
  return err.code === 'http-status' && err.status !== undefined && RETRYABLE_STATUS.has(err.status);
}

async function fetchFollowingRedirects(startUrl: string, opts: FetchPageOptions): Promise<FetchedPage> {
  const maxRedirects = opts.maxRedirects ?? 5;
  let current = parseHttpUrl(startUrl);
  let validators = opts.validators;
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(current, { ...opts, validators });
    if (REDIRECTS.has(res.status)) {
      const location = res.headers.location;
      if (!location) throw new FetchError('http-status', current.href, `HTTP ${res.status} without a Location header`, { status: res.status });
      if (hop >= maxRedirects) throw new FetchError('too-many-redirects', startUrl, `more than ${maxRedirects} redirects (last to ${location})`);
      let next: URL;
      try {
        next = parseHttpUrl(new URL(location, current).href);
      } catch (cause) {
        throw new FetchError('bad-url', current.href, `redirect to an unusable Location ${JSON.stringify(location)}`, { cause });
      }
      current = next;
      // Validators belong to the URL they were remembered for.
      validators = undefined;
      continue;
    }
    const header = (name: string) => {
      const v = res.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    if (res.status === 304) {
      return { status: 304, url: current.href, bytes: new Uint8Array(0), contentType: header('content-type'), etag: header('etag') ?? opts.validators?.etag, lastModified: header('last-modified') ?? opts.validators?.lastModified };
    }
    if (res.status < 200 || res.status > 299) {
      const retryAfterMs = parseRetryAfter(header('retry-after'), (opts.clock ?? systemClock).now());
      throw new FetchError('http-status', current.href, `HTTP ${res.status}${retryAfterMs !== undefined ? ` (Retry-After ${Math.round(retryAfterMs / 1000)} s)` : ''}`, { status: res.status, retryAfterMs });
    }
    return { status: res.status, url: current.href, bytes: res.body, contentType: header('content-type'), etag: header('etag'), lastModified: header('last-modified') };
  }
}

function parseHttpUrl(text: string): URL {
  let u: URL;
  try {
    u = new URL(text);
  } catch (cause) {
    throw new FetchError('bad-url', text, 'not an absolute URL', { cause });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError('bad-url', text, `scheme ${u.protocol} is not http or https`);
  if (u.username || u.password) throw new FetchError('bad-url', text, 'URLs with credentials are not fetched');
  u.hash = '';
  return u;
}

interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: Uint8Array;
}

async function requestOnce(url: URL, opts: FetchPageOptions): Promise<RawResponse> {
  let addresses;
  try {
    addresses = await checkHost(url, { allowPrivateNetwork: opts.allowPrivateNetwork, resolve: opts.resolve, policy: opts.addressPolicy });
  } catch (err) {
    if (err instanceof SsrfError) throw new FetchError('ssrf', url.href, err.reason, { cause: err, addressRefused: err.addressRefused });
    throw err;
  }
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT,
    accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (opts.validators?.etag) headers['if-none-match'] = opts.validators.etag;
  if (opts.validators?.lastModified) headers['if-modified-since'] = opts.validators.lastModified;
  const lib = url.protocol === 'https:' ? https : http;

  return new Promise<RawResponse>((resolve, reject) => {
    let phase = 'connect';
    let settled = false;
    const fail = (err: FetchError) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(connectTimer);
      req.destroy();
      reject(err);
    };
    const req = lib.request(url, {
      method: 'GET',
      headers,
      // Connect only to the addresses checkHost approved: no second DNS answer can rebind.
      lookup: pinnedLookup(addresses) as never,
      agent: false,
    });
    const deadline = setTimeout(
      () => fail(new FetchError('timeout', url.href, `no complete ${phase === 'body' ? 'body' : phase === 'headers' ? 'response headers' : 'connection'} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const connectTimer = setTimeout(() => {
      if (phase === 'connect') fail(new FetchError('timeout', url.href, `no connection within ${Math.min(CONNECT_TIMEOUT_MS, timeoutMs)} ms`));
    }, Math.min(CONNECT_TIMEOUT_MS, timeoutMs));
    req.on('socket', (socket) => {
      const onConnect = () => {
        phase = 'headers';
        // Belt and braces: judge the address the socket really reached.
        const remote = socket.remoteAddress;
        if (!opts.allowPrivateNetwork && remote) {
          const verdict = (opts.addressPolicy ?? classifyAddress)(remote);
          if (!verdict.allowed) fail(new FetchError('ssrf', url.href, `connected to ${remote}, ${verdict.reason}`, { addressRefused: true }));
        }
      };
      if (socket.connecting) socket.once('connect', onConnect);
      else onConnect();
    });
    req.on('error', (cause) => fail(new FetchError('network', url.href, cause.message, { cause })));
    req.on('response', (res) => {
      phase = 'body';
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) || status === 304 || status < 200 || status > 299) {
        // The body of a redirect or an error is not needed; do not spend bytes on it.
        res.resume();
        settled = true;
        clearTimeout(deadline);
        clearTimeout(connectTimer);
        req.destroy();
        resolve({ status, headers: res.headers, body: new Uint8Array(0) });
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        fail(new FetchError('too-large', url.href, `Content-Length ${declared} exceeds the ${maxBytes}-byte limit`));
        return;
      }
      let wire = 0;
      res.on('data', (chunk: Buffer) => {
        wire += chunk.length;
        if (wire > maxBytes) fail(new FetchError('too-large', url.href, `body exceeds the ${maxBytes}-byte limit`));
      });
      const encoding = String(res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
      let stream: Readable;
      if (encoding === 'identity' || encoding === '') stream = res;
      else if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(zlib.createGunzip());
      else if (encoding === 'deflate') stream = res.pipe(zlib.createInflate());
      else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
      else {
        fail(new FetchError('bad-encoding', url.href, `unsupported Content-Encoding ${JSON.stringify(encoding)}`));
        return;
      }
      const chunks: Buffer[] = [];
      let decoded = 0;
      stream.on('data', (chunk: Buffer) => {
        decoded += chunk.length;
        if (decoded > maxBytes) {
          fail(new FetchError('too-large', url.href, `body decompresses to more than the ${maxBytes}-byte limit (${encoding})`));
          stream.destroy();
          return;
        }
        chunks.push(chunk);
      });
      // pipe() does not forward the source's errors, so the response and the decoder are watched apart.
      res.on('error', (cause) => fail(new FetchError('network', url.href, `connection failed mid-body (${cause.message})`, { cause })));
      if (stream !== res) stream.on('error', (cause) => fail(new FetchError('bad-encoding', url.href, `${encoding} body: ${cause.message}`, { cause })));
      res.on('aborted', () => fail(new FetchError('network', url.href, 'connection closed mid-body')));
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        clearTimeout(connectTimer);
        resolve({ status, headers: res.headers, body: new Uint8Array(Buffer.concat(chunks)) });
      });
    });
    req.end();
  });
}
