/**
 * parse Lambda: an SQS batch of ParseJob messages. Each record is read, parsed and upserted
 * on its own; only the records that failed are reported back (ReportBatchItemFailures), so
 * SQS retries those alone and, after the queue's maxReceiveCount, moves them to the DLQ.
 * The raw page stays in S3 either way and can be replayed with `duofeed reprocess`.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { parseArticle } from '../core/parse/index.js';
import type { ArticleWriter, Clock, RawStore } from '../core/ports.js';
// Static imports, so esbuild can drop the SDK commands this function never sends.
import { makeDynamoClient, makeS3Client, requireEnv } from '../adapters/aws-clients.js';
import { DynamoStore } from '../adapters/dynamo-store.js';
import { S3RawStore } from '../adapters/s3-raw-store.js';
import { jsonLogger, parseJobFrom, processJob, type JobResult, type Logger, type ParseFn } from './process.js';

export interface ParseHandlerDeps {
  raw: RawStore;
  articles: ArticleWriter;
  clock: Clock;
  log: Logger;
  /** The parser; injectable so tests can drive every outcome. Defaults to parseArticle. */
  parse?: ParseFn;
  /**
   * Time to keep in hand (ms): a record is not started with less than this left before the
   * Lambda timeout. Default 5 s — a slow read or write can take that with SDK retries.
   */
  reserveMs?: number;
}

/** The part of the Lambda context the handler uses. */
export interface TimeBudget {
  getRemainingTimeInMillis(): number;
}

type ParseHandler = (event: SQSEvent, context?: TimeBudget) => Promise<SQSBatchResponse>;

export function makeParseHandler(deps: ParseHandlerDeps): ParseHandler {
  const proc = { raw: deps.raw, articles: deps.articles, clock: deps.clock, parse: deps.parse ?? parseArticle };
  const reserveMs = deps.reserveMs ?? 5_000;
  return async (event, context) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    const counts = { created: 0, updated: 0, unchanged: 0, failed: 0, returned: 0 };
    const records = event.Records ?? [];
    for (const [index, record] of records.entries()) {
      const messageId = record.messageId;
      // A timeout would fail the whole batch, finished records included: hand back only the
      // records not yet started, so SQS redelivers those alone.
      if (context && context.getRemainingTimeInMillis() < reserveMs) {
        const left = records.slice(index);
        for (const r of left) failures.push({ itemIdentifier: r.messageId });
        counts.returned = left.length;
        deps.log.warn('time budget spent; returning unstarted records to the queue', { returned: left.length, remainingMs: context.getRemainingTimeInMillis() });
        break;
      }
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
    deps.log.info('batch done', { records: records.length, ...counts });
    return { batchItemFailures: failures };
  };
}

const systemClock: Clock = { now: () => new Date() };

let cached: ParseHandler | undefined;

/** Config and SDK clients are built once per cold start; a missing variable names itself. */
function coldStart(env: NodeJS.ProcessEnv): ParseHandler {
  const tableName = requireEnv(env, 'DUOFEED_TABLE');
  const bucket = requireEnv(env, 'DUOFEED_BUCKET');
  return makeParseHandler({
    raw: new S3RawStore({ client: makeS3Client(), bucket }),
    articles: new DynamoStore({ client: makeDynamoClient(), tableName }),
    clock: systemClock,
    log: jsonLogger(),
  });
}

export async function handler(event: SQSEvent, context?: TimeBudget): Promise<SQSBatchResponse> {
  // A config error throws here on every invocation, naming the variable, until it is fixed.
  cached ??= coldStart(process.env);
  return cached(event, context);
}
