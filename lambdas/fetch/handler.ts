/**
 * fetch Lambda: invoked by EventBridge Scheduler with `{ "sourceId": "…" }` (one schedule
 * per source) or `{}` (every source). Thin: validate the event, hand the ports to runFetch.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { fetchPage } from '../adapters/http-fetcher.js';
import type { Clock } from '../core/ports.js';
import { loadSources } from './config.js';
import { jsonLogger, runFetch, type FetchDeps, type FetchRunResult } from './ingest.js';

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

const systemClock: Clock = { now: () => new Date() };

let cached: Promise<(event: unknown, context?: FetchContext) => Promise<FetchRunResult>> | undefined;

/** Built once per cold start; a bad DUOFEED_SOURCES fails every invocation with the field and reason. */
async function coldStart(env: NodeJS.ProcessEnv): Promise<(event: unknown, context?: FetchContext) => Promise<FetchRunResult>> {
  const { requireEnv, makeDynamoClient, makeS3Client, makeSqsClient } = await import('../adapters/aws-clients.js');
  const sources = loadSources(requireEnv(env, 'DUOFEED_SOURCES'), 'the DUOFEED_SOURCES environment variable');
  const table = requireEnv(env, 'DUOFEED_TABLE');
  const bucket = requireEnv(env, 'DUOFEED_BUCKET');
  const queueUrl = requireEnv(env, 'DUOFEED_QUEUE_URL');
  const { DynamoStore } = await import('../adapters/dynamo-store.js');
  const { S3RawStore } = await import('../adapters/s3-raw-store.js');
  const { SqsJobQueue } = await import('../adapters/sqs-queue.js');
  return makeFetchHandler({
    sources,
    fetchPage,
    raw: new S3RawStore({ client: makeS3Client(), bucket }),
    queue: new SqsJobQueue(makeSqsClient(), queueUrl),
    state: new DynamoStore({ client: makeDynamoClient(), tableName: table }),
    clock: systemClock,
    log: jsonLogger(),
    sleep: (ms) => delay(ms),
  });
}

export async function handler(event: unknown, context?: FetchContext): Promise<FetchRunResult> {
  if (!cached) {
    const starting = coldStart(process.env);
    cached = starting;
    // A config error stays cached (it will not fix itself); anything else may be transient.
    starting.catch((err: unknown) => {
      if (!(err instanceof Error && (err.name === 'SourcesConfigError' || err.name === 'ConfigError'))) cached = undefined;
    });
  }
  return (await cached)(event, context);
}
