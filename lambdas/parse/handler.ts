/**
 * parse Lambda: an SQS batch of ParseJob messages. Each record is read, parsed and upserted
 * on its own; only the records that failed are reported back (ReportBatchItemFailures), so
 * SQS retries those alone and, after the queue's maxReceiveCount, moves them to the DLQ.
 * The raw page stays in S3 either way and can be replayed with `duofeed reprocess`.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { parseArticle } from '../core/parse/index.js';
import type { ArticleWriter, Clock, RawStore } from '../core/ports.js';
import { jsonLogger, parseJobFrom, processJob, type JobResult, type Logger, type ParseFn } from './process.js';

export interface ParseHandlerDeps {
  raw: RawStore;
  articles: ArticleWriter;
  clock: Clock;
  log: Logger;
  /** The parser; injectable so tests can drive every outcome. Defaults to parseArticle. */
  parse?: ParseFn;
}

export function makeParseHandler(deps: ParseHandlerDeps): (event: SQSEvent) => Promise<SQSBatchResponse> {
  const proc = { raw: deps.raw, articles: deps.articles, clock: deps.clock, parse: deps.parse ?? parseArticle };
  return async (event) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
    for (const record of event.Records ?? []) {
      const messageId = record.messageId;
      const valid = parseJobFrom(record.body ?? '');
      const result: JobResult = valid.ok ? await processJob(valid.job, proc) : { outcome: 'failed', reason: `bad parse job: ${valid.reason}` };
      counts[result.outcome]++;
      const receives = Number(record.attributes?.ApproximateReceiveCount ?? 1);
      if (result.outcome === 'failed') {
        failures.push({ itemIdentifier: messageId });
        deps.log.error('record failed', { messageId, outcome: 'failed', url: result.url, id: result.id, reason: result.reason, receives });
      } else {
        deps.log.info('record done', { messageId, outcome: result.outcome, id: result.id, url: result.url, ...(result.warnings.length ? { warnings: result.warnings } : {}) });
      }
    }
    deps.log.info('batch done', { records: event.Records?.length ?? 0, ...counts });
    return { batchItemFailures: failures };
  };
}

const systemClock: Clock = { now: () => new Date() };

let cached: Promise<(event: SQSEvent) => Promise<SQSBatchResponse>> | undefined;

/** Config and SDK clients are built once per cold start; a missing variable names itself. */
async function coldStart(env: NodeJS.ProcessEnv): Promise<(event: SQSEvent) => Promise<SQSBatchResponse>> {
  const { requireEnv, makeDynamoClient, makeS3Client } = await import('../adapters/aws-clients.js');
  const tableName = requireEnv(env, 'DUOFEED_TABLE');
  const bucket = requireEnv(env, 'DUOFEED_BUCKET');
  const { DynamoStore } = await import('../adapters/dynamo-store.js');
  const { S3RawStore } = await import('../adapters/s3-raw-store.js');
  return makeParseHandler({
    raw: new S3RawStore({ client: makeS3Client(), bucket }),
    articles: new DynamoStore({ client: makeDynamoClient(), tableName }),
    clock: systemClock,
    log: jsonLogger(),
  });
}

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  if (!cached) {
    const starting = coldStart(process.env);
    cached = starting;
    // A config error will not fix itself; anything else (a transient import problem) may.
    starting.catch((err: unknown) => {
      if (!(err instanceof Error && err.name === 'ConfigError')) cached = undefined;
    });
  }
  return (await cached)(event);
}
