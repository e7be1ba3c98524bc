/**
 * Faults across the parse pipeline on real stand-ins: S3 + SQS on fauxqs (with a DLQ
 * redrive), DynamoDB on dynalite, the real parse handler fed by the local event source
 * mapping (lambdas/local/drain.ts), and the replay path (reprocessAll) afterwards.
 *
 * Stand-ins cannot fail on demand, so throttling, 5xx, S3 errors and a cut-off process are
 * injected into the SDK middleware stack just below the retry layer (the SDK builds its real
 * exception from our HTTP response and its real retry strategy decides what to do). Every
 * scenario ends the same way: each article present exactly once, counts asserted.
 * Failed records reach the DLQ from the handler with their reason (message attributes), the
 * body unchanged; the redrive policy is the backstop when that send itself fails.
 */
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDynamoClient, makeS3Client, makeSqsClient } from '../../lambdas/adapters/aws-clients.js';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { S3RawStore } from '../../lambdas/adapters/s3-raw-store.js';
import { SqsJobQueue } from '../../lambdas/adapters/sqs-queue.js';
import { deadLetterFailureOf, SqsDeadLetters } from '../../lambdas/adapters/sqs-dead-letters.js';
import { parseArticle } from '../../lambdas/core/parse/index.js';
import type { DeadLetterFailure, ParseJob } from '../../lambdas/core/ports.js';
import { drainQueue } from '../../lambdas/local/drain.js';
import { makeParseHandler } from '../../lambdas/parse/handler.js';
import type { ParseFn } from '../../lambdas/parse/process.js';
import { reprocessAll } from '../../lambdas/parse/reprocess.js';
import { clientOptions, startDynalite, startFauxqs, type DynamoStandin, type FauxqsStandin } from '../support/standins.js';
import { bilingualPage } from './support.js';
import { memoryLog } from '../support/memory-log.js';

const MAX_RECEIVES = 3;
const N = 24;

let ddb: DynamoStandin;
let aws: FauxqsStandin;
beforeAll(async () => {
  [ddb, aws] = await Promise.all([startDynalite(), startFauxqs({ maxReceiveCount: MAX_RECEIVES })]);
}, 60_000);

const figures: string[] = [];
afterAll(async () => {
  if (figures.length) console.log(['fault scenarios (dynalite + fauxqs):', ...figures].join('\n  '));
  await Promise.all([ddb?.stop(), aws?.stop()]);
});

const NOW = new Date('2026-11-30T12:00:00.000Z');
const clock = { now: () => NOW };

// ---- fault injection -------------------------------------------------------------------------

type DynamoFault = 'throttle' | 'server-error';
type Decide = (command: string, input: Record<string, unknown>, attempt: number) => DynamoFault | undefined;

/** DynamoDB's JSON error shape; status and type are what the SDK's retry strategy reads. */
function dynamoError(fault: DynamoFault) {
  const [status, type] = fault === 'throttle' ? [400, 'ProvisionedThroughputExceededException'] : [500, 'InternalServerError'];
  const body = Buffer.from(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: `injected ${fault}` }));
  return { response: { statusCode: status, reason: type, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': type }, body } } as never;
}

function injectDynamo(client: DynamoDBClient, decide: Decide): { injected: number; calls: number } {
  const counts = { injected: 0, calls: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = (args as unknown as { input?: Record<string, unknown> }).input ?? {};
      const fault = decide(context.commandName ?? '', input, counts.calls++);
      if (!fault) return next(args);
      counts.injected++;
      return dynamoError(fault);
    },
    { step: 'deserialize', priority: 'low', name: 'inject-dynamo-fault' },
  );
  return counts;
}

type S3Fault = 'internal' | 'slow-down';
function injectS3(client: S3Client, decide: (command: string, key: string, attempt: number) => S3Fault | undefined): { injected: number } {
  const counts = { injected: 0, calls: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const key = String((args as unknown as { input?: { Key?: string } }).input?.Key ?? '');
      const fault = decide(context.commandName ?? '', key, counts.calls++);
      if (!fault) return next(args);
      counts.injected++;
      const [status, code] = fault === 'internal' ? [500, 'InternalError'] : [503, 'SlowDown'];
      const body = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>injected ${fault}</Message><RequestId>r</RequestId></Error>`);
      return { response: { statusCode: status, reason: code, headers: { 'content-type': 'application/xml' }, body } } as never;
    },
    { step: 'deserialize', priority: 'low', name: 'inject-s3-fault' },
  );
  return counts;
}

/** The article id a job's Put carries (PutItem's key is pk = A#<id>). */
const putArticleId = (input: Record<string, unknown>): string | undefined => {
  const pk = (input.Item as Record<string, { S?: string }> | undefined)?.pk?.S;
  return pk?.startsWith('A#') ? pk.slice(2) : undefined;
};

// ---- a source's worth of pages ----------------------------------------------------------------

interface Seeded {
  sourceId: string;
  jobs: ParseJob[];
  ids: string[];
  idOf: Map<string, string>;
}

/** Puts N generated pages into S3 (through a clean client) and their jobs onto the queue. */
async function seed(sourceId: string, n = N, enqueue = true): Promise<Seeded> {
  const raw = new S3RawStore({ client: aws.s3, bucket: aws.bucket });
  const jobs: ParseJob[] = [];
  const idOf = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const page = bilingualPage(5000 + i, { serial: `${sourceId}-${i}` });
    const url = `http://news.example/${sourceId}/${i}.html`;
    const bytes = new TextEncoder().encode(page.html);
    const parsed = parseArticle({ bytes, url, contentType: 'text/html; charset=utf-8' });
    if (!parsed.ok) throw new Error(`generated page ${i} does not parse: ${parsed.reason}`);
    const job: ParseJob = { sourceId, url, rawKey: `raw/${sourceId}/${parsed.article.id}/${i}.html`, fetchedAt: NOW.toISOString() };
    await raw.put(job.rawKey, { bytes, url, contentType: 'text/html; charset=utf-8' });
    jobs.push(job);
    idOf.set(url, parsed.article.id);
  }
  if (enqueue) await new SqsJobQueue(aws.sqs, aws.queueUrl).send(jobs);
  return { sourceId, jobs, ids: [...idOf.values()], idOf };
}

/** Every article of the source exactly once (paged listing + the all-sources index), version 1. */
async function assertExactlyOnce(store: DynamoStore, s: Seeded): Promise<{ stored: number; duplicates: number; missing: number }> {
  const listed: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(s.sourceId, { limit: 7, ...(cursor ? { cursor } : {}) });
    listed.push(...page.items.map((a) => a.id));
    cursor = page.next;
  } while (cursor);
  const all: string[] = [];
  cursor = undefined;
  do {
    const page = await store.list(undefined, { limit: 50, ...(cursor ? { cursor } : {}) });
    all.push(...page.items.filter((a) => a.sourceId === s.sourceId).map((a) => a.id));
    cursor = page.next;
  } while (cursor);
  const duplicates = listed.length - new Set(listed).size;
  const missing = s.ids.filter((id) => !listed.includes(id)).length;
  expect(duplicates, 'duplicates in the source listing').toBe(0);
  expect(all.length - new Set(all).size, 'duplicates in the all-sources listing').toBe(0);
  expect([...listed].sort()).toEqual([...s.ids].sort());
  expect([...all].sort()).toEqual([...s.ids].sort());
  for (const id of s.ids) expect((await store.get(id))?.version, id).toBe(1);
  return { stored: listed.length, duplicates, missing };
}

/** Takes everything off the DLQ; returns this source's messages with the failure they carry. */
async function takeDlq(sourceId: string): Promise<{ body: string; failure: DeadLetterFailure | undefined }[]> {
  const out: { body: string; failure: DeadLetterFailure | undefined }[] = [];
  for (let empty = 0; empty < 3; ) {
    const r = await aws.sqs.send(new ReceiveMessageCommand({ QueueUrl: aws.dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageAttributeNames: ['All'] }));
    const msgs = r.Messages ?? [];
    if (!msgs.length) {
      empty++;
      continue;
    }
    for (const m of msgs) if ((JSON.parse(m.Body ?? '{}') as ParseJob).sourceId === sourceId) out.push({ body: m.Body ?? '', failure: deadLetterFailureOf(m) });
    await aws.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: aws.dlqUrl, Entries: msgs.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle as string })) }));
  }
  return out;
}

/** Puts DLQ bodies back on the parse queue unchanged (what StartMessageMoveTask does; fauxqs lacks it). */
async function redrive(bodies: string[]): Promise<number> {
  for (const MessageBody of bodies) await aws.sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrl, MessageBody }));
  return bodies.length;
}

function sqsRecords(jobs: ParseJob[], prefix: string): SQSRecord[] {
  return jobs.map((job, i) => ({
    messageId: `${prefix}-${i}`,
    receiptHandle: `rh-${prefix}-${i}`,
    body: JSON.stringify(job),
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(NOW.getTime()), SenderId: 'test', ApproximateFirstReceiveTimestamp: String(NOW.getTime()) },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:parse',
    awsRegion: 'us-east-1',
  }));
}

// ---- scenarios ---------------------------------------------------------------------------------

describe('parse pipeline under injected faults', () => {
  it('transient DynamoDB throttling/5xx on every call type and S3 GetObject 500/503 are retried away: all created once, no batch failures', async () => {
    const s = await seed('faults-transient');
    const tableName = await ddb.createTable();
    // Production attempts (6) and retry rules; a 5 ms wait in place of the backoff keeps the
    // many injected retries from sleeping for seconds (test/storage/faults.test.ts runs the
    // production backoff itself).
    const dynamo = makeDynamoClient(clientOptions(ddb.endpoint, { retryDelayMs: 5 }));
    const s3 = makeS3Client(clientOptions(aws.endpoint, { retryDelayMs: 5 }));
    // Every third DynamoDB attempt and every fourth S3 read fails, alternating the kind of failure.
    const d = injectDynamo(dynamo, (_cmd, _in, n) => (n % 3 === 1 ? (n % 2 ? 'throttle' : 'server-error') : undefined));
    const g = injectS3(s3, (cmd, _key, n) => (cmd === 'GetObjectCommand' && n % 4 === 1 ? (n % 8 === 1 ? 'internal' : 'slow-down') : undefined));
    const store = new DynamoStore({ client: dynamo, tableName });
    const log = memoryLog();
    const handler = makeParseHandler({ raw: new S3RawStore({ client: s3, bucket: aws.bucket }), articles: store, clock, log });
    const drained = await drainQueue({ sqs: aws.sqs, queueUrl: aws.queueUrl, maxReceiveCount: MAX_RECEIVES, handler });

    expect(d.injected).toBeGreaterThan(10);
    expect(g.injected).toBeGreaterThan(3);
    expect(drained).toMatchObject({ succeeded: N, retried: 0, redriven: 0 });
    expect(log.lines.filter((l) => l.level === 'error')).toEqual([]);
    const r = await assertExactlyOnce(new DynamoStore({ client: ddb.client, tableName }), s);
    expect(await new DynamoStore({ client: ddb.client, tableName }).sourceStates()).toEqual([{ sourceId: s.sourceId, articles: N }]);
    figures.push(`transient faults: ${d.injected} DynamoDB + ${g.injected} S3 injected; batch failures 0; stored ${r.stored}/${N}, duplicates ${r.duplicates}, missing ${r.missing}`);
    dynamo.destroy();
    s3.destroy();
  }, 180_000);

  it('persistent faults (DynamoDB 5xx, S3 500, a throwing and a rejecting parser) fail only their records and reach the DLQ with their reason, body unchanged; a replay from the DLQ restores them', async () => {
    const s = await seed('faults-persistent');
    const tableName = await ddb.createTable();
    // Fewer attempts than production (6) only to keep the test short: the production policy
    // under the same faults is exercised by test/storage/faults.test.ts.
    const dynamo = makeDynamoClient(clientOptions(ddb.endpoint, { maxAttempts: 2, retryDelayMs: 5 }));
    const s3 = makeS3Client(clientOptions(aws.endpoint, { maxAttempts: 2, retryDelayMs: 5 }));
    const badStore = new Set(s.ids.slice(0, 3));
    const badRead = new Set(s.jobs.slice(3, 5).map((j) => j.rawKey));
    const badParse = new Set(s.jobs.slice(5, 6).map((j) => j.url));
    const badReject = new Set(s.jobs.slice(6, 7).map((j) => j.url));
    const d = injectDynamo(dynamo, (cmd, input) => (cmd === 'PutItemCommand' && badStore.has(putArticleId(input) ?? '') ? 'server-error' : undefined));
    const g = injectS3(s3, (cmd, key) => (cmd === 'GetObjectCommand' && badRead.has(key) ? 'internal' : undefined));
    // A parser bug of either kind (a throw, a wrong "cannot parse"), fixed before the replay.
    const parse: ParseFn = (input) => {
      if (input.url && badParse.has(input.url)) throw new RangeError('injected parser bug');
      if (input.url && badReject.has(input.url)) return { ok: false, reason: 'injected: no bilingual body found' };
      return parseArticle(input);
    };
    const log = memoryLog();
    const deadLetter = { queue: new SqsDeadLetters(aws.sqs, aws.dlqUrl), maxReceives: MAX_RECEIVES };
    const handler = makeParseHandler({ raw: new S3RawStore({ client: s3, bucket: aws.bucket }), articles: new DynamoStore({ client: dynamo, tableName }), clock, log, parse, deadLetter });
    const drained = await drainQueue({ sqs: aws.sqs, queueUrl: aws.queueUrl, maxReceiveCount: MAX_RECEIVES, handler });

    // Service faults get every receive; the parser's verdict on the same bytes goes at once.
    const transient = badStore.size + badRead.size;
    const permanent = badParse.size + badReject.size;
    const bad = transient + permanent;
    expect(drained).toMatchObject({ succeeded: N, redriven: 0, retried: transient * (MAX_RECEIVES - 1) });
    // One error line per failed receive, each naming the record and why.
    const errors = log.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(transient * MAX_RECEIVES + permanent);
    const reasons = errors.map((l) => String(l.reason));
    expect(reasons.filter((r) => /^cannot store article .*InternalServerError/.test(r))).toHaveLength(badStore.size * MAX_RECEIVES);
    expect(reasons.filter((r) => /^cannot read raw page raw\/.*InternalError/.test(r))).toHaveLength(badRead.size * MAX_RECEIVES);
    expect(reasons.filter((r) => /^parser threw on raw\/.*RangeError: injected parser bug/.test(r))).toHaveLength(badParse.size);
    expect(reasons.filter((r) => /^cannot parse raw\/.*: injected: no bilingual body found/.test(r))).toHaveLength(badReject.size);
    for (const l of errors) expect(l.messageId).toEqual(expect.any(String));
    expect(errors.filter((l) => l.action === 'dead-lettered')).toHaveLength(bad);

    // In the DLQ: exactly the failed jobs, each body as the fetch side sent it, each with its reason.
    const badJobs = s.jobs.filter((j) => badStore.has(s.idOf.get(j.url) ?? '') || badRead.has(j.rawKey) || badParse.has(j.url) || badReject.has(j.url));
    const dead = await takeDlq(s.sourceId);
    expect(dead.map((m) => m.body).sort()).toEqual(badJobs.map((j) => JSON.stringify(j)).sort());
    for (const m of dead) {
      const job = JSON.parse(m.body) as ParseJob;
      const [reason, receives] = badStore.has(s.idOf.get(job.url) ?? '')
        ? [/^cannot store article .*InternalServerError/, MAX_RECEIVES]
        : badRead.has(job.rawKey)
          ? [/^cannot read raw page raw\/.*InternalError/, MAX_RECEIVES]
          : badParse.has(job.url)
            ? [/^parser threw on raw\/.*RangeError: injected parser bug/, 1]
            : [/^cannot parse raw\/.*: injected: no bilingual body found/, 1];
      expect(m.failure, job.url).toEqual({ reason: expect.stringMatching(reason), receives, messageId: expect.any(String), failedAt: NOW.toISOString() });
    }
    const reader = new DynamoStore({ client: ddb.client, tableName });
    expect((await reader.list(s.sourceId, { limit: 200 })).items.length).toBe(N - bad);

    // The faults are gone (clean clients, the real parser): move the DLQ's messages back to
    // the parse queue unchanged, as a redrive does, and let the event source mapping run.
    const replayLog = memoryLog();
    const replayHandler = makeParseHandler({ raw: new S3RawStore({ client: aws.s3, bucket: aws.bucket }), articles: reader, clock, log: replayLog, deadLetter });
    const moved = await redrive(dead.map((m) => m.body));
    const replayed = await drainQueue({ sqs: aws.sqs, queueUrl: aws.queueUrl, maxReceiveCount: MAX_RECEIVES, handler: replayHandler });
    expect(replayed).toMatchObject({ succeeded: bad, redriven: 0, retried: 0 });
    expect(replayLog.lines.filter((l) => l.msg === 'record done').map((l) => l.outcome)).toEqual(Array(bad).fill('created'));
    expect(await takeDlq(s.sourceId)).toEqual([]);

    // The raw-archive replay (`duofeed reprocess`) on top finds nothing left to do.
    const summary = await reprocessAll({ raw: new S3RawStore({ client: aws.s3, bucket: aws.bucket }), articles: reader, prefix: `raw/${s.sourceId}/`, log: memoryLog(), clock });
    expect(summary).toMatchObject({ pages: N, created: 0, unchanged: N, updated: 0, failed: 0, olderVersions: 0 });
    const r = await assertExactlyOnce(reader, s);
    expect(await reader.sourceStates()).toEqual([{ sourceId: s.sourceId, articles: N }]);
    figures.push(
      `persistent faults: ${d.injected} DynamoDB 5xx + ${g.injected} S3 500 injected, 1 throwing and 1 rejecting parse; ${errors.length} per-record failures logged; DLQ ${dead.length}, each with its reason (${transient} after ${MAX_RECEIVES} receives, ${permanent} at once); redrive of the DLQ created ${moved}; reprocess unchanged ${summary.unchanged}, failed ${summary.failed}; stored ${r.stored}/${N}, duplicates ${r.duplicates}, missing ${r.missing}`,
    );
    dynamo.destroy();
    s3.destroy();
  }, 240_000);

  it('a DLQ that refuses the send (SQS 500 on SendMessage): the records stay failed, the redrive policy moves them without a reason, and a replay from the DLQ restores them', async () => {
    const s = await seed('faults-dlq-refused');
    const tableName = await ddb.createTable();
    const store = new DynamoStore({ client: ddb.client, tableName });
    const badParse = new Set(s.jobs.slice(0, 2).map((j) => j.url));
    const parse: ParseFn = (input) => {
      if (input.url && badParse.has(input.url)) throw new RangeError('injected parser bug');
      return parseArticle(input);
    };
    const refusing = makeSqsClient(clientOptions(aws.endpoint, { maxAttempts: 2, retryDelayMs: 5 }));
    let refused = 0;
    refusing.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'SendMessageCommand') return next(args);
        refused++;
        const body = Buffer.from(JSON.stringify({ __type: 'com.amazonaws.sqs#InternalError', message: 'injected DLQ outage' }));
        return { response: { statusCode: 500, reason: 'InternalError', headers: { 'content-type': 'application/x-amz-json-1.0' }, body } } as never;
      },
      { step: 'deserialize', priority: 'low', name: 'inject-sqs-fault' },
    );
    const log = memoryLog();
    const deadLetter = { queue: new SqsDeadLetters(refusing, aws.dlqUrl), maxReceives: MAX_RECEIVES };
    const handler = makeParseHandler({ raw: new S3RawStore({ client: aws.s3, bucket: aws.bucket }), articles: store, clock, log, parse, deadLetter });
    const drained = await drainQueue({ sqs: aws.sqs, queueUrl: aws.queueUrl, maxReceiveCount: MAX_RECEIVES, handler });

    // Permanent failures try the DLQ on every receive; each refusal keeps the record failed.
    expect(drained).toMatchObject({ succeeded: N - badParse.size, redriven: badParse.size, retried: badParse.size * (MAX_RECEIVES - 1) });
    const sendFailures = log.lines.filter((l) => String(l.msg).startsWith('dead-letter send failed'));
    expect(sendFailures).toHaveLength(badParse.size * MAX_RECEIVES);
    for (const l of sendFailures) expect(String(l.error)).toMatch(/^DeadLetterError: .*injected DLQ outage/);
    expect(refused).toBe(badParse.size * MAX_RECEIVES * 2);
    const dead = await takeDlq(s.sourceId);
    expect(dead.map((m) => m.body).sort()).toEqual(s.jobs.filter((j) => badParse.has(j.url)).map((j) => JSON.stringify(j)).sort());
    expect(dead.map((m) => m.failure)).toEqual(Array(badParse.size).fill(undefined));

    const replayed = await (async () => {
      await redrive(dead.map((m) => m.body));
      const h = makeParseHandler({ raw: new S3RawStore({ client: aws.s3, bucket: aws.bucket }), articles: store, clock, log: memoryLog(), deadLetter: { queue: new SqsDeadLetters(aws.sqs, aws.dlqUrl), maxReceives: MAX_RECEIVES } });
      return drainQueue({ sqs: aws.sqs, queueUrl: aws.queueUrl, maxReceiveCount: MAX_RECEIVES, handler: h });
    })();
    expect(replayed).toMatchObject({ succeeded: badParse.size, redriven: 0, retried: 0 });
    const r = await assertExactlyOnce(store, s);
    figures.push(
      `DLQ send refused: ${refused} SendMessage attempts failed (SQS 500); ${drained.redriven} records left to the redrive policy, in the DLQ without a reason; redrive of the DLQ restored them; stored ${r.stored}/${N}, duplicates ${r.duplicates}, missing ${r.missing}`,
    );
    refusing.destroy();
  }, 240_000);

  it('SQS redelivers the same messages (twice across batches, and twice inside one batch): each article once, version 1', async () => {
    const s = await seed('faults-redelivery', N, false);
    const tableName = await ddb.createTable();
    const store = new DynamoStore({ client: ddb.client, tableName });
    const log = memoryLog();
    const handler = makeParseHandler({ raw: new S3RawStore({ client: aws.s3, bucket: aws.bucket }), articles: store, clock, log });
    const event: SQSEvent = { Records: sqsRecords(s.jobs, 'r') };
    const first = await handler(event);
    const second = await handler(event);
    // At-least-once delivery can also put one message twice into a single batch.
    const doubled: SQSEvent = { Records: [...sqsRecords(s.jobs.slice(0, 5), 'd'), ...sqsRecords(s.jobs.slice(0, 5), 'd')] };
    const third = await handler(doubled);
    expect([first.batchItemFailures, second.batchItemFailures, third.batchItemFailures]).toEqual([[], [], []]);
    const batches = log.lines.filter((l) => l.msg === 'batch done');
    expect(batches).toEqual([
      expect.objectContaining({ records: N, created: N, unchanged: 0, updated: 0, failed: 0 }),
      expect.objectContaining({ records: N, created: 0, unchanged: N, updated: 0, failed: 0 }),
      expect.objectContaining({ records: 10, created: 0, unchanged: 10, updated: 0, failed: 0 }),
    ]);
    const r = await assertExactlyOnce(store, s);
    expect(await store.sourceStates()).toEqual([{ sourceId: s.sourceId, articles: N }]);
    figures.push(`redelivery: ${N} records delivered 2x + 5 records 2x within one batch; created ${N}, unchanged ${N + 10}; stored ${r.stored}/${N}, duplicates ${r.duplicates}, missing ${r.missing}`);
  }, 120_000);

  it('a Lambda timeout mid-batch (cut while the k-th write is in flight), then the whole batch redelivered: each article once', async () => {
    const s = await seed('faults-timeout', N, false);
    const tableName = await ddb.createTable();
    const K = 9;
    const dying = makeDynamoClient(clientOptions(ddb.endpoint));
    // The K-th Put lands in the table, then the process is frozen before its answer arrives;
    // after the cut the client is dead, as a killed sandbox's would be.
    let puts = 0;
    let dead = false;
    let cut!: () => void;
    const cutHappened = new Promise<void>((resolve) => (cut = resolve));
    let release!: () => void;
    const frozen = new Promise<void>((resolve) => (release = resolve));
    dying.middlewareStack.add(
      (next, context) => async (args) => {
        if (dead) throw Object.assign(new Error('sandbox was killed'), { name: 'SandboxKilled' });
        if (context.commandName !== 'PutItemCommand') return next(args);
        const out = await next(args);
        if (++puts === K) {
          dead = true;
          cut();
          await frozen;
          throw Object.assign(new Error('sandbox was killed'), { name: 'SandboxKilled' });
        }
        return out;
      },
      { step: 'deserialize', priority: 'low', name: 'timeout-cut' },
    );
    const event: SQSEvent = { Records: sqsRecords(s.jobs, 't') };
    const log1 = memoryLog();
    const first = makeParseHandler({ raw: new S3RawStore({ client: aws.s3, bucket: aws.bucket }), articles: new DynamoStore({ client: dying, tableName }), clock, log: log1 });
    const abandoned = first(event);
    await cutHappened;
    // Lambda reports the invocation as timed out: no batch response, so SQS redelivers every record.
    const store = new DynamoStore({ client: ddb.client, tableName });
    const landed = (await store.list(s.sourceId, { limit: 200 })).items.length;
    expect(landed).toBe(K);

    const log2 = memoryLog();
    const second = makeParseHandler({ raw: new S3RawStore({ client: aws.s3, bucket: aws.bucket }), articles: store, clock, log: log2 });
    const res = await second(event);
    expect(res.batchItemFailures).toEqual([]);
    expect(log2.lines.find((l) => l.msg === 'batch done')).toMatchObject({ records: N, created: N - K, unchanged: K, updated: 0, failed: 0 });
    const r = await assertExactlyOnce(store, s);
    // The article counter on the index page is bumped after the Put (no transactions on the
    // stand-in): the write cut between the two is the one it misses — a known, documented gap.
    const counted = (await store.sourceStates())[0]?.articles ?? 0;
    expect(counted).toBeGreaterThanOrEqual(N - 1);
    figures.push(`timeout mid-batch: cut at record ${K}/${N} with its write landed; redelivery created ${N - K}, unchanged ${K}; stored ${r.stored}/${N}, duplicates ${r.duplicates}, missing ${r.missing}; index-page counter ${counted}/${N}`);

    // Let the abandoned invocation finish against its dead client; it must not write anything more.
    release();
    await abandoned.catch(() => undefined);
    await assertExactlyOnce(store, s);
    dying.destroy();
  }, 120_000);
});
