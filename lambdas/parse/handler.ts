/**
 * parse Lambda: an SQS batch of ParseJob messages. Each record is read, parsed and upserted
 * on its own; only the records that failed are reported back (ReportBatchItemFailures), so
 * SQS retries those alone.
 *
 * A record that fails for good goes to the DLQ from here, with its reason as message
 * attributes, and is then reported done: on its last allowed receive (the queue's
 * maxReceiveCount, passed in as DUOFEED_MAX_RECEIVES), or at once when another receive
 * cannot turn out differently (a bad message, a page the parser rejects or throws on; see
 * JobResult.permanent). If that send fails, the record is reported failed and the queue's
 * redrive policy stays the backstop; so does it when the invocation crashes or times out,
 * and those messages reach the DLQ without a reason (the log has it, by messageId).
 * The raw page stays in S3 either way and can be replayed with `duofeed reprocess`.
 */
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { parseArticle } from '../core/parse/index.js';
import type { ArticleWriter, BoilerplateStore, Clock, DeadLetters, Logger, PipelineEvents, RawStore } from '../core/ports.js';
// Static imports, so esbuild can drop the SDK commands this function never sends.
import { ConfigError } from '../core/errors.js';
import { makeDynamoClient, makeS3Client, makeSqsClient, requireEnv } from '../adapters/aws-clients.js';
import { DynamoStore } from '../adapters/dynamo-store.js';
import { S3RawStore } from '../adapters/s3-raw-store.js';
import { SqsDeadLetters } from '../adapters/sqs-dead-letters.js';
import { systemClock } from '../adapters/clock.js';
import { jsonLogger } from '../adapters/logger.js';
import { BoilerplateLearner } from './learning.js';
import { parseJobFrom, processJob, type JobResult, type ParseFn } from './process.js';

export interface ParseHandlerDeps {
  raw: RawStore;
  articles: ArticleWriter;
  clock: Clock;
  log: Logger;
  /** Typed progress (record done, record failed) for whoever runs the pipeline; optional. */
  events?: PipelineEvents;
  /** The parser; injectable so tests can drive every outcome. Defaults to parseArticle. */
  parse?: ParseFn;
  /**
   * Where the source's pages' boilerplate lines are kept (the table): with it, each page loses
   * the lines that stand on enough other pages of its source, and adds its own (learning.ts).
   */
  boilerplate?: BoilerplateStore;
  /**
   * Time to keep in hand (ms): a record is not started with less than this left before the
   * Lambda timeout. Default 5 s — a slow read or write can take that with SDK retries.
   */
  reserveMs?: number;
  /**
   * The DLQ and the parse queue's maxReceiveCount. Without it, failed records are only
   * reported back and reach the DLQ through the redrive policy, without a reason.
   */
  deadLetter?: { queue: DeadLetters; maxReceives: number };
}

/** The part of the Lambda context the handler uses. */
export interface TimeBudget {
  getRemainingTimeInMillis(): number;
}

type ParseHandler = (event: SQSEvent, context?: TimeBudget) => Promise<SQSBatchResponse>;

export function makeParseHandler(deps: ParseHandlerDeps): ParseHandler {
  // One learner per handler, so per warm instance: it caches each source's records.
  const learner = deps.boilerplate ? new BoilerplateLearner({ store: deps.boilerplate, clock: deps.clock }) : undefined;
  const proc = { raw: deps.raw, articles: deps.articles, clock: deps.clock, parse: deps.parse ?? parseArticle, ...(learner ? { boilerplate: learner } : {}) };
  const reserveMs = deps.reserveMs ?? 5_000;
  const dl = deps.deadLetter;
  /**
   * A record that did not finish: to the DLQ with its reason when this receive is its last
   * chance (or a retry cannot help), else back to SQS. A failed DLQ send leaves it to SQS too.
   */
  const settle = async (record: SQSRecord, reason: string, permanent: boolean): Promise<'dead-lettered' | 'retry' | 'left to the redrive policy'> => {
    const receives = receivesOf(record);
    if (!dl || (!permanent && receives < dl.maxReceives)) return 'retry';
    try {
      await dl.queue.send(record.body ?? '', { reason, receives, messageId: record.messageId, failedAt: deps.clock.now().toISOString() });
      return 'dead-lettered';
    } catch (err) {
      deps.log.error('dead-letter send failed; the record stays failed for the redrive policy', {
        messageId: record.messageId,
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      });
      return 'left to the redrive policy';
    }
  };
  return async (event, context) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    const counts = { created: 0, updated: 0, unchanged: 0, failed: 0, deadLettered: 0, returned: 0 };
    const records = event.Records ?? [];
    for (const [index, record] of records.entries()) {
      const messageId = record.messageId;
      // A timeout would fail the whole batch, finished records included: hand back only the
      // records not yet started, so SQS redelivers those alone (on its last receive, one goes
      // to the DLQ with this reason rather than by the redrive policy without one).
      if (context && context.getRemainingTimeInMillis() < reserveMs) {
        const remainingMs = context.getRemainingTimeInMillis();
        for (const r of records.slice(index)) {
          const reason = `not started: the invocation's time ran out before it (${remainingMs} ms left, ${reserveMs} ms kept in hand) on receive ${receivesOf(r)}`;
          if ((await settle(r, reason, false)) === 'dead-lettered') {
            counts.deadLettered++;
            deps.log.error('record dead-lettered', { messageId: r.messageId, reason, receives: receivesOf(r) });
          } else {
            failures.push({ itemIdentifier: r.messageId });
            counts.returned++;
          }
        }
        deps.log.warn('time budget spent; returning unstarted records to the queue', { returned: counts.returned, remainingMs });
        break;
      }
      const valid = parseJobFrom(record.body ?? '');
      const result: JobResult = valid.ok ? await processJob(valid.job, proc) : { outcome: 'failed', reason: `bad parse job: ${valid.reason}`, permanent: true };
      counts[result.outcome]++;
      if (result.outcome === 'failed') {
        const action = await settle(record, result.reason, result.permanent);
        if (action === 'dead-lettered') counts.deadLettered++;
        else failures.push({ itemIdentifier: messageId });
        deps.log.error('record failed', { messageId, outcome: 'failed', url: result.url, id: result.id, reason: result.reason, receives: receivesOf(record), permanent: result.permanent, action });
        deps.events?.({ type: 'record-failed', messageId, reason: result.reason, ...(result.url !== undefined ? { url: result.url } : {}), action });
      } else {
        deps.log.info('record done', {
          messageId,
          outcome: result.outcome,
          id: result.id,
          url: result.url,
          ...(result.warnings.length ? { warnings: result.warnings } : {}),
          ...(result.boilerplateRemoved ? { boilerplateRemoved: result.boilerplateRemoved } : {}),
        });
        deps.events?.({ type: 'record-done', messageId, outcome: result.outcome, id: result.id, url: result.url });
      }
    }
    if (learner && learner.pendingPages > 0) {
      const pages = learner.pendingPages;
      try {
        await learner.flush();
      } catch (err) {
        // The articles are stored; only the learning from these pages is lost.
        deps.log.warn('boilerplate lines of this batch not stored', { pages, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
      }
    }
    deps.log.info('batch done', { records: records.length, ...counts });
    return { batchItemFailures: failures };
  };
}

function receivesOf(record: SQSRecord): number {
  const n = Number(record.attributes?.ApproximateReceiveCount);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

let cached: ParseHandler | undefined;

/** SQS allows maxReceiveCount 1..1000; anything else means the stack and the function disagree. */
function maxReceivesFrom(env: NodeJS.ProcessEnv): number {
  const v = requireEnv(env, 'DUOFEED_MAX_RECEIVES');
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < 1 || n > 1000) {
    throw new ConfigError(`environment variable DUOFEED_MAX_RECEIVES must be the parse queue's maxReceiveCount (an integer 1..1000), got ${JSON.stringify(v)}`);
  }
  return n;
}

/** Config and SDK clients are built once per cold start; a missing variable names itself. */
function coldStart(env: NodeJS.ProcessEnv): ParseHandler {
  const tableName = requireEnv(env, 'DUOFEED_TABLE');
  const bucket = requireEnv(env, 'DUOFEED_BUCKET');
  const dlqUrl = requireEnv(env, 'DUOFEED_DLQ_URL');
  const maxReceives = maxReceivesFrom(env);
  const store = new DynamoStore({ client: makeDynamoClient(), tableName, clock: systemClock });
  return makeParseHandler({
    raw: new S3RawStore({ client: makeS3Client(), bucket }),
    articles: store,
    boilerplate: store,
    clock: systemClock,
    log: jsonLogger(),
    deadLetter: { queue: new SqsDeadLetters(makeSqsClient(), dlqUrl), maxReceives },
  });
}

export async function handler(event: SQSEvent, context?: TimeBudget): Promise<SQSBatchResponse> {
  // A config error throws here on every invocation, naming the variable, until it is fixed.
  cached ??= coldStart(process.env);
  return cached(event, context);
}
