/**
 * fetch Lambda: invoked by EventBridge Scheduler with `{ "sourceId": "…" }` (one schedule
 * per source) or `{}` (every source). Thin: validate the event, hand the ports to runFetch.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { fetchPage } from '../adapters/http-fetcher.js';
// Static imports, so esbuild can drop the SDK commands this function never sends.
import { makeDynamoClient, makeS3Client, makeSqsClient, requireEnv } from '../adapters/aws-clients.js';
import { DynamoStore } from '../adapters/dynamo-store.js';
import { S3RawStore } from '../adapters/s3-raw-store.js';
import { SqsJobQueue } from '../adapters/sqs-queue.js';
import { systemClock } from '../adapters/clock.js';
import { jsonLogger } from '../adapters/logger.js';
import { loadSources } from './config.js';
import { runFetch, type FetchDeps, type FetchRunResult } from './ingest.js';

export type { FetchDeps, FetchRunResult } from './ingest.js';

export class BadEventError extends Error {
  override name = 'BadEventError';
}

/** Accepts `{}`, `{ sourceId }`, or an EventBridge envelope whose `detail` is one of those. */
export function parseFetchEvent(event: unknown): { sourceId?: string } {
  if (event === undefined || event === null) return {};
  if (typeof event !== 'object' || Array.isArray(event)) throw new BadEventError(`fetch event must be an object, got ${JSON.stringify(event)?.slice(0, 100)}`);
  const e = event as Record<string, unknown>;
  const body = e.detail && typeof e.detail === 'object' ? (e.detail as Record<string, unknown>) : e;
  if (body.sourceId === undefined) return {};
  if (typeof body.sourceId !== 'string' || body.sourceId === '') throw new BadEventError(`fetch event sourceId must be a non-empty string, got ${JSON.stringify(body.sourceId)}`);
  return { sourceId: body.sourceId };
}

/** The Lambda context's one member we use (typed loosely so callers may pass none). */
export interface FetchContext {
  getRemainingTimeInMillis?: () => number;
}

export function makeFetchHandler(deps: FetchDeps): (event: unknown, context?: FetchContext) => Promise<FetchRunResult> {
  return async (event, context) => {
    const remaining = context?.getRemainingTimeInMillis;
    return runFetch(deps, parseFetchEvent(event), remaining ? { timeLeftMs: () => remaining.call(context) } : {});
  };
}

type FetchHandler = (event: unknown, context?: FetchContext) => Promise<FetchRunResult>;
let cached: FetchHandler | undefined;

/** Built once per cold start; a bad DUOFEED_SOURCES fails every invocation with the field and reason. */
function coldStart(env: NodeJS.ProcessEnv): FetchHandler {
  const sources = loadSources(requireEnv(env, 'DUOFEED_SOURCES'), 'the DUOFEED_SOURCES environment variable');
  const table = requireEnv(env, 'DUOFEED_TABLE');
  const bucket = requireEnv(env, 'DUOFEED_BUCKET');
  const queueUrl = requireEnv(env, 'DUOFEED_QUEUE_URL');
  return makeFetchHandler({
    sources,
    fetchPage,
    raw: new S3RawStore({ client: makeS3Client(), bucket }),
    queue: new SqsJobQueue(makeSqsClient(), queueUrl),
    state: new DynamoStore({ client: makeDynamoClient(), tableName: table, clock: systemClock }),
    clock: systemClock,
    log: jsonLogger(),
    sleep: (ms) => delay(ms),
  });
}

export async function handler(event: unknown, context?: FetchContext): Promise<FetchRunResult> {
  // A config error throws on every invocation, naming the variable and the reason, until fixed.
  cached ??= coldStart(process.env);
  return cached(event, context);
}
