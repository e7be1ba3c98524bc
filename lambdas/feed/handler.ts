/**
 * Feed Lambda behind a Function URL (payload v2): check the method and host, let the core
 * answer the route, then hand its answer to the HTTP layer (./http.ts: validators and 304s,
 * caching, gzip, HEAD).
 */
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { answer, cursorSeal, MIN_CURSOR_KEY_LENGTH, routeRequest, type CachedBody } from '../core/feed/index.js';
import type { ArticleReader, Clock, Logger } from '../core/ports.js';
import { ConfigError } from '../core/errors.js';
import type { Source } from '../core/sources.js';
import { makeDynamoClient, requireEnv } from '../adapters/aws-clients.js';
import { DynamoStore } from '../adapters/dynamo-store.js';
import { systemClock } from '../adapters/clock.js';
import { jsonLogger } from '../adapters/logger.js';
import { loadSources } from '../fetch/config.js';
import { Lru, baseUrlOf, conditionsOf, representation, text } from './http.js';

export interface FeedDeps {
  reader: ArticleReader;
  sources: Source[];
  /** Absolute base URL for links; else derived from the request's forwarded host. */
  publicUrl?: string;
  clock: Clock;
  /**
   * Signs paging cursors (HMAC), so only cursors this deployment issued are followed. In AWS
   * a secret generated at deploy time (DUOFEED_CURSOR_KEY); locally a key in the data folder.
   */
  cursorKey: string;
  /** Where a failed request's details go (never to the client); default JSON lines on stdout. */
  log?: Logger;
  /**
   * Segment confidence below which a pair is marked doubtful on the page, in `_duofeed` and in
   * the exports; default DOUBTFUL_BELOW (core/feed/pairs.ts). Confidence is a calibrated
   * probability that the segment is right (core/parse/confidence.ts).
   */
  doubtfulBelow?: number;
}

type Handler = (event: LambdaFunctionURLEvent) => Promise<LambdaFunctionURLResult>;

export function makeFeedHandler(deps: FeedDeps): Handler {
  const sourceIds = new Set(deps.sources.map((s) => s.id));
  const bodies = new Lru<CachedBody>((c) => c.body.length);
  const gzipped = new Lru<string>((b) => b.length);
  const log = deps.log ?? jsonLogger();
  const cursors = cursorSeal(deps.cursorKey);
  return async (event) => {
    const method = event.requestContext?.http?.method?.toUpperCase() ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return text(405, `method ${method} not allowed`, { allow: 'GET, HEAD' });
    const baseUrl = baseUrlOf(event, deps.publicUrl);
    if (!baseUrl) return text(400, 'host header missing or malformed', {}, method);
    const headers = event.headers ?? {};
    const conditions = conditionsOf(headers);

    const route = routeRequest(event.rawPath ?? '/', new URLSearchParams(event.rawQueryString ?? ''), sourceIds);
    let answered;
    try {
      answered = await answer(route, {
        reader: deps.reader,
        sources: deps.sources,
        baseUrl,
        now: deps.clock.now(),
        isFresh: conditions.isFresh,
        bodies,
        cursors,
        ...(deps.doubtfulBelow !== undefined ? { doubtfulBelow: deps.doubtfulBelow } : {}),
      });
    } catch (err) {
      // Details go to the log, never to the client.
      log.error('feed request failed', { path: event.rawPath, error: String(err), cause: String((err as Error)?.cause ?? '') });
      return text(500, 'internal error', {}, method);
    }
    if ('message' in answered) return text(answered.status, answered.message, {}, method);
    return representation(answered, { method, conditions, acceptEncoding: headers['accept-encoding'], gzipped });
  };
}

/** Config from the Lambda environment, read and validated once per cold start. */
function depsFromEnv(env: NodeJS.ProcessEnv): FeedDeps {
  // The same reading (and the same error) as the fetch function's.
  const sources = loadSources(requireEnv(env, 'DUOFEED_SOURCES'), 'the DUOFEED_SOURCES environment variable');
  const publicUrl = env['DUOFEED_PUBLIC_URL']?.trim();
  if (publicUrl && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(publicUrl)) throw new ConfigError(`DUOFEED_PUBLIC_URL must be an absolute http(s) URL, got '${publicUrl}'`);
  const cursorKey = requireEnv(env, 'DUOFEED_CURSOR_KEY');
  if (cursorKey.length < MIN_CURSOR_KEY_LENGTH) throw new ConfigError(`DUOFEED_CURSOR_KEY must be at least ${MIN_CURSOR_KEY_LENGTH} characters (a secret; the stack generates one), got ${cursorKey.length}`);
  return {
    cursorKey,
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
