/** The parse Lambda with real SQS event shapes, S3 on fauxqs and DynamoDB on dynalite. */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { DeleteMessageBatchCommand, PurgeQueueCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { Message } from '@aws-sdk/client-sqs';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { makeSqsClient } from '../../lambdas/adapters/aws-clients.js';
import { S3RawStore } from '../../lambdas/adapters/s3-raw-store.js';
import { DEAD_LETTER_ATTRIBUTES, deadLetterFailureOf, REASON_MAX_BYTES, reasonAttribute, SqsDeadLetters } from '../../lambdas/adapters/sqs-dead-letters.js';
import type { Article } from '../../lambdas/core/article.js';
import type { ParseJob } from '../../lambdas/core/ports.js';
import { makeParseHandler } from '../../lambdas/parse/handler.js';
import type { ParseFn } from '../../lambdas/parse/process.js';
import { clientOptions, startDynalite, startFauxqs, type DynamoStandin, type FauxqsStandin } from '../support/standins.js';
import { pollOnce, queueArn, sqsEvent } from './sqs-event.js';
import { memoryLog } from '../support/memory-log.js';

let ddb: DynamoStandin;
let aws: FauxqsStandin;
beforeAll(async () => {
  [ddb, aws] = await Promise.all([startDynalite(), startFauxqs({ maxReceiveCount: 2 })]);
});
afterAll(async () => {
  await Promise.all([ddb?.stop(), aws?.stop()]);
});

const NOW = new Date('2026-11-30T12:00:00.000Z');
const clock = { now: () => NOW };

/**
 * Stand-in parser for the outcome mapping: the raw page holds the article JSON itself, or
 * FAIL:<reason> / THROW:<message>. The real parser is exercised separately below.
 */
const jsonParse: ParseFn = ({ bytes }) => {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  if (text.startsWith('FAIL:')) return { ok: false, reason: text.slice(5) };
  if (text.startsWith('THROW:')) throw new TypeError(text.slice(6));
  return { ok: true, article: JSON.parse(text) as Article, warnings: [] };
};

const art = (id: string, title = 'Hello'): Article => ({
  id,
  url: `http://news.example/${id}.html`,
  languages: ['en', 'zh'],
  title: { en: title, zh: '你好' },
  published: '2026-11-29T08:00:00+08:00',
  segments: [{ en: ['One.'], zh: ['一。'] }],
});

describe('parse handler', () => {
  let tableName: string;
  let store: DynamoStore;
  let raw: S3RawStore;
  let arn: string;
  let n = 0;

  beforeEach(async () => {
    tableName = await ddb.createTable();
    store = new DynamoStore({ client: ddb.client, tableName });
    raw = new S3RawStore({ client: aws.s3, bucket: aws.bucket });
    arn = await queueArn(aws.sqs, aws.queueUrl);
  });

  /** Stores a raw page and returns the SQS message Lambda would hand us for it. */
  async function jobFor(content: string, sourceId = 'sample-daily'): Promise<{ job: ParseJob; body: string }> {
    const id = `p${++n}`;
    const job: ParseJob = { sourceId, url: `http://news.example/${id}.html`, rawKey: `raw/${sourceId}/${id}/h${n}.html`, fetchedAt: NOW.toISOString() };
    await raw.put(job.rawKey, { bytes: Buffer.from(content), contentType: 'text/html; charset=utf-8', url: job.url });
    return { job, body: JSON.stringify(job) };
  }

  function message(body: string, id: string): Message {
    return { MessageId: id, ReceiptHandle: `rh-${id}`, Body: body, MD5OfBody: 'x', Attributes: { ApproximateReceiveCount: '1' } };
  }

  /** Everything on the DLQ, with its attributes, taken off it. */
  async function takeDlq(): Promise<Message[]> {
    const out: Message[] = [];
    for (;;) {
      const r = await aws.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: aws.dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }),
      );
      const msgs = r.Messages ?? [];
      if (!msgs.length) return out;
      out.push(...msgs);
      await aws.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: aws.dlqUrl, Entries: msgs.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle as string })) }));
    }
  }

  it('maps every outcome of a mixed batch and reports only the failures', async () => {
    const log = memoryLog();
    const handle = makeParseHandler({ raw, articles: store, clock, log, parse: jsonParse });
    await store.upsert(art('known'), { sourceId: 'sample-daily', url: 'http://news.example/known.html', rawKey: 'raw/x', now: NOW });
    await store.upsert(art('changing'), { sourceId: 'sample-daily', url: 'http://news.example/changing.html', rawKey: 'raw/x', now: NOW });
    const created = await jobFor(JSON.stringify(art('fresh')));
    const unchanged = await jobFor(JSON.stringify(art('known')));
    const updated = await jobFor(JSON.stringify(art('changing', 'Hello again')));
    const unparsable = await jobFor('FAIL:no bilingual body found');
    const throwing = await jobFor('THROW:boom');
    const missingRaw: ParseJob = { sourceId: 's', url: 'http://news.example/gone.html', rawKey: 'raw/s/gone/x.html', fetchedAt: NOW.toISOString() };
    const batch = [
      message(created.body, 'm-created'),
      message('{not json', 'm-notjson'),
      message(unchanged.body, 'm-unchanged'),
      message(JSON.stringify({ sourceId: 's', url: 'http://x.example/a', fetchedAt: NOW.toISOString() }), 'm-norawkey'),
      message(updated.body, 'm-updated'),
      message(unparsable.body, 'm-unparsable'),
      message(throwing.body, 'm-throwing'),
      message(JSON.stringify(missingRaw), 'm-missing'),
      message(JSON.stringify({ ...created.job, url: 'javascript:alert(1)' }), 'm-badurl'),
    ];
    const res = await handle(sqsEvent(batch, arn));
    expect(res.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['m-badurl', 'm-missing', 'm-norawkey', 'm-notjson', 'm-throwing', 'm-unparsable']);

    const byMsg = Object.fromEntries(log.lines.filter((l) => l.messageId).map((l) => [l.messageId, l]));
    expect(Object.keys(byMsg)).toHaveLength(batch.length);
    expect(byMsg['m-created']).toMatchObject({ outcome: 'created', id: 'fresh', url: created.job.url });
    expect(byMsg['m-unchanged']).toMatchObject({ outcome: 'unchanged', id: 'known' });
    expect(byMsg['m-updated']).toMatchObject({ outcome: 'updated', id: 'changing' });
    expect(byMsg['m-notjson']).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/not JSON/) });
    expect(byMsg['m-norawkey']).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/rawKey/) });
    expect(byMsg['m-badurl']).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/url must be an absolute http/) });
    expect(byMsg['m-unparsable']).toMatchObject({ outcome: 'failed', url: unparsable.job.url, reason: expect.stringMatching(/no bilingual body found/) });
    expect(byMsg['m-throwing']).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/parser threw.*TypeError: boom/) });
    expect(byMsg['m-missing']).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/cannot read raw page raw\/s\/gone\/x\.html: NotFoundError/) });
    expect(log.lines.at(-1)).toMatchObject({ msg: 'batch done', records: 9, created: 1, updated: 1, unchanged: 1, failed: 6 });

    expect(await store.get('fresh')).toMatchObject({ version: 1, sourceId: 'sample-daily', rawKey: created.job.rawKey, firstSeen: NOW.toISOString() });
    expect(await store.get('changing')).toMatchObject({ version: 2, title: { en: 'Hello again', zh: '你好' }, rawKey: updated.job.rawKey });
    expect(await store.get('known')).toMatchObject({ version: 1, rawKey: 'raw/x' });
  });

  it('is idempotent when SQS delivers the same message twice', async () => {
    const handle = makeParseHandler({ raw, articles: store, clock, log: memoryLog(), parse: jsonParse });
    const { body } = await jobFor(JSON.stringify(art('twice')));
    const first = await handle(sqsEvent([message(body, 'a')], arn));
    const second = await handle(sqsEvent([message(body, 'b'), message(body, 'c')], arn));
    expect([first, second]).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    expect(await store.get('twice')).toMatchObject({ version: 1 });
    expect((await store.list(undefined, { limit: 10 })).items.map((a) => a.id)).toEqual(['twice']);
  });

  it('without a DeadLetters port, leaves a page that keeps failing to the redrive policy (DLQ without a reason) and keeps its raw copy, while the rest of the batch lands', async () => {
    const handle = makeParseHandler({ raw, articles: store, clock, log: memoryLog(), parse: jsonParse });
    const good = await jobFor(JSON.stringify(art('good')));
    const bad = await jobFor('FAIL:unsupported layout');
    await aws.sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrl, MessageBody: good.body }));
    await aws.sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrl, MessageBody: bad.body }));
    const polls = [];
    for (let i = 0; i < 5; i++) polls.push(await pollOnce(aws.sqs, aws.queueUrl, handle));
    expect(polls[0]).toMatchObject({ received: 2, failed: [expect.any(String)] });
    expect(polls.at(-1)).toEqual({ received: 0, failed: [] });
    const dlq = await takeDlq();
    expect(dlq.map((m) => m.Body)).toEqual([bad.body]);
    expect(dlq.map((m) => deadLetterFailureOf(m))).toEqual([undefined]);
    expect((await aws.s3.send(new HeadObjectCommand({ Bucket: aws.bucket, Key: bad.job.rawKey }))).ContentLength).toBeGreaterThan(0);
    expect(await store.get('good')).toMatchObject({ version: 1 });
  });

  describe('dead letters with their reason', () => {
    const MAX = 2; // the stand-in queue's maxReceiveCount
    // One queue pair for the file: start each case empty, so one failure does not cascade.
    beforeEach(async () => {
      for (const QueueUrl of [aws.queueUrl, aws.dlqUrl]) await aws.sqs.send(new PurgeQueueCommand({ QueueUrl }));
    });

    it('sends a page the parser rejects to the DLQ at once, body unchanged, reason and receive in the attributes, and reports it done', async () => {
      const log = memoryLog();
      const handle = makeParseHandler({ raw, articles: store, clock, log, parse: jsonParse, deadLetter: { queue: new SqsDeadLetters(aws.sqs, aws.dlqUrl), maxReceives: MAX } });
      const good = await jobFor(JSON.stringify(art('dl-good')));
      const bad = await jobFor('FAIL:no bilingual body found');
      // A body with odd spacing and key order: the DLQ must get these exact bytes back.
      const oddBody = `{ "url": ${JSON.stringify(bad.job.url)},  "sourceId": "sample-daily", "rawKey": ${JSON.stringify(bad.job.rawKey)}, "fetchedAt": "${NOW.toISOString()}" }`;
      await aws.sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrl, MessageBody: good.body }));
      const sent = await aws.sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrl, MessageBody: oddBody }));
      const first = await pollOnce(aws.sqs, aws.queueUrl, handle);
      expect(first).toEqual({ received: 2, failed: [] });
      expect(await pollOnce(aws.sqs, aws.queueUrl, handle)).toEqual({ received: 0, failed: [] });
      const dlq = await takeDlq();
      expect(dlq.map((m) => m.Body)).toEqual([oddBody]);
      expect(dlq[0]!.MessageAttributes?.[DEAD_LETTER_ATTRIBUTES.reason]).toEqual({ DataType: 'String', StringValue: `cannot parse ${bad.job.rawKey}: no bilingual body found` });
      expect(deadLetterFailureOf(dlq[0]!)).toEqual({ reason: `cannot parse ${bad.job.rawKey}: no bilingual body found`, receives: 1, messageId: sent.MessageId, failedAt: NOW.toISOString() });
      expect(log.lines.find((l) => l.messageId === sent.MessageId)).toMatchObject({ level: 'error', msg: 'record failed', action: 'dead-lettered', permanent: true, receives: 1 });
      expect(log.lines.at(-1)).toMatchObject({ msg: 'batch done', records: 2, created: 1, failed: 1, deadLettered: 1 });
      expect(await store.get('dl-good')).toMatchObject({ version: 1 });
    });

    it('retries a failed read until the last allowed receive, then dead-letters it with the reason and receive count', async () => {
      const log = memoryLog();
      const handle = makeParseHandler({ raw, articles: store, clock, log, parse: jsonParse, deadLetter: { queue: new SqsDeadLetters(aws.sqs, aws.dlqUrl), maxReceives: MAX } });
      // The raw page was never stored: a real NotFound from S3, which another receive might not give.
      const gone: ParseJob = { sourceId: 'sample-daily', url: 'http://news.example/gone-dl.html', rawKey: 'raw/sample-daily/gone-dl/x.html', fetchedAt: NOW.toISOString() };
      const body = JSON.stringify(gone);
      await aws.sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrl, MessageBody: body }));
      const polls = [];
      for (let i = 0; i < 4; i++) polls.push(await pollOnce(aws.sqs, aws.queueUrl, handle));
      expect(polls.map((p) => [p.received, p.failed.length])).toEqual([[1, 1], [1, 0], [0, 0], [0, 0]]);
      const dlq = await takeDlq();
      expect(dlq.map((m) => m.Body)).toEqual([body]);
      expect(deadLetterFailureOf(dlq[0]!)).toMatchObject({ reason: expect.stringMatching(/^cannot read raw page raw\/sample-daily\/gone-dl\/x\.html: NotFoundError/), receives: MAX });
      expect(log.lines.filter((l) => l.msg === 'record failed').map((l) => [l.receives, l.action, l.permanent])).toEqual([
        [1, 'retry', false],
        [2, 'dead-lettered', false],
      ]);
    });

    it('reports the record failed when the DLQ send fails, so the redrive policy still moves it (without a reason)', async () => {
      const log = memoryLog();
      const sqs = makeSqsClient(clientOptions(aws.endpoint, { maxAttempts: 2 }));
      let refused = 0;
      sqs.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName !== 'SendMessageCommand') return next(args);
          refused++;
          const body = Buffer.from(JSON.stringify({ __type: 'com.amazonaws.sqs#KmsThrottled', message: 'injected refusal' }));
          return { response: { statusCode: 400, reason: 'KmsThrottled', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': 'KMS.ThrottlingException;Sender' }, body } } as never;
        },
        { step: 'deserialize', priority: 'low', name: 'refuse-dlq-send' },
      );
      const handle = makeParseHandler({ raw, articles: store, clock, log, parse: jsonParse, deadLetter: { queue: new SqsDeadLetters(sqs, aws.dlqUrl), maxReceives: MAX } });
      const bad = await jobFor('FAIL:unsupported layout');
      await aws.sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrl, MessageBody: bad.body }));
      const polls = [];
      for (let i = 0; i < 4; i++) polls.push(await pollOnce(aws.sqs, aws.queueUrl, handle));
      // Failed on both receives (the send was refused each time), then the redrive policy moved it.
      expect(polls.map((p) => [p.received, p.failed.length])).toEqual([[1, 1], [1, 1], [0, 0], [0, 0]]);
      expect(refused).toBeGreaterThanOrEqual(2);
      const sendErrors = log.lines.filter((l) => String(l.msg).startsWith('dead-letter send failed'));
      expect(sendErrors).toHaveLength(2);
      expect(String(sendErrors[0]!.error)).toMatch(/^DeadLetterError: cannot send message .* to the dead-letter queue: .*injected refusal/);
      expect(log.lines.filter((l) => l.msg === 'record failed').map((l) => l.action)).toEqual(['left to the redrive policy', 'left to the redrive policy']);
      const dlq = await takeDlq();
      expect(dlq.map((m) => m.Body)).toEqual([bad.body]);
      expect(deadLetterFailureOf(dlq[0]!)).toBeUndefined();
      sqs.destroy();
    });

    it('dead-letters a bad message body at once, byte for byte', async () => {
      const handle = makeParseHandler({ raw, articles: store, clock, log: memoryLog(), deadLetter: { queue: new SqsDeadLetters(aws.sqs, aws.dlqUrl), maxReceives: MAX } });
      const body = '{"sourceId":"x","url":"javascript:alert(1)"} \u2028 尾';
      await aws.sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrl, MessageBody: body }));
      expect(await pollOnce(aws.sqs, aws.queueUrl, handle)).toEqual({ received: 1, failed: [] });
      const dlq = await takeDlq();
      expect(dlq.map((m) => m.Body)).toEqual([body]);
      expect(deadLetterFailureOf(dlq[0]!)?.reason).toMatch(/^bad parse job: message body is not JSON/);
    });

    it('cuts a huge reason with control characters to what SQS accepts, and it arrives intact', async () => {
      const huge = `cannot parse raw/x: \u0000\u0007 bad\uD800 bytes ${'长句子🙂 '.repeat(3000)}`;
      const cut = reasonAttribute(huge);
      expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(REASON_MAX_BYTES);
      expect(cut).toMatch(/^cannot parse raw\/x: \uFFFD\uFFFD bad\uFFFD bytes 长句子🙂/);
      expect(cut).toMatch(/… \[cut; \d+ bytes in all, see the log\]$/);
      expect(cut).not.toMatch(/[\u0000-\u0008\uD800-\uDFFF]/u);
      expect(reasonAttribute('short reason')).toBe('short reason');
      await new SqsDeadLetters(aws.sqs, aws.dlqUrl).send('{"b":1}', { reason: huge, receives: 5, messageId: 'm-huge', failedAt: NOW.toISOString() });
      const dlq = await takeDlq();
      expect(deadLetterFailureOf(dlq[0]!)).toEqual({ reason: cut, receives: 5, messageId: 'm-huge', failedAt: NOW.toISOString() });
    });
  });

  it('parses a small bilingual page with the real parser and stores it', async () => {
    const log = memoryLog();
    const handle = makeParseHandler({ raw, articles: store, clock, log });
    const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour reopens after storm 风暴过后港口重新开放</title>
<link rel="canonical" href="http://news.example/harbour.html">
<meta name="publishdate" content="2026-11-28 09:30:00"></head>
<body><article>
<h1>Harbour reopens after storm</h1><h1>风暴过后港口重新开放</h1>
<p>The harbour reopened on Friday after three days of closure caused by the storm.</p>
<p>风暴导致港口关闭三天后，于周五重新开放。</p>
<p>Fishing boats returned to sea the same afternoon, and ferries resumed their timetable.</p>
<p>当天下午渔船重新出海，渡轮也恢复了正常班次。</p>
<p>Officials said repairs to the breakwater would take another month to complete.</p>
<p>官员表示，防波堤的修复工作还需要一个月才能完成。</p>
</article></body></html>`;
    const { body, job } = await jobFor(page);
    const res = await handle(sqsEvent([message(body, 'real')], arn));
    const line = log.lines.find((l) => l.messageId === 'real');
    expect(res.batchItemFailures, JSON.stringify(line)).toEqual([]);
    const listed = (await store.list('sample-daily', { limit: 5 })).items;
    expect(listed).toHaveLength(1);
    const stored = listed[0];
    expect(stored).toMatchObject({ rawKey: job.rawKey, version: 1, languages: ['en', 'zh'] });
    const text = JSON.stringify(stored?.segments);
    expect(text).toContain('Fishing boats returned to sea');
    expect(text).toContain('渔船重新出海');
  });
});

describe('parse handler cold start', () => {
  it.each([
    [{ DUOFEED_BUCKET: 'b', DUOFEED_DLQ_URL: 'http://q', DUOFEED_MAX_RECEIVES: '5' }, /DUOFEED_TABLE is required/],
    [{ DUOFEED_TABLE: 't', DUOFEED_BUCKET: 'b', DUOFEED_MAX_RECEIVES: '5' }, /DUOFEED_DLQ_URL is required/],
    [{ DUOFEED_TABLE: 't', DUOFEED_BUCKET: 'b', DUOFEED_DLQ_URL: 'http://q' }, /DUOFEED_MAX_RECEIVES is required/],
    [{ DUOFEED_TABLE: 't', DUOFEED_BUCKET: 'b', DUOFEED_DLQ_URL: 'http://q', DUOFEED_MAX_RECEIVES: '0' }, /DUOFEED_MAX_RECEIVES must be .*1\.\.1000\), got "0"/],
    [{ DUOFEED_TABLE: 't', DUOFEED_BUCKET: 'b', DUOFEED_DLQ_URL: 'http://q', DUOFEED_MAX_RECEIVES: 'five' }, /DUOFEED_MAX_RECEIVES must be .* got "five"/],
  ])('names a missing or bad environment variable (%j)', async (env, message) => {
    const saved = { ...process.env };
    for (const k of ['DUOFEED_TABLE', 'DUOFEED_BUCKET', 'DUOFEED_DLQ_URL', 'DUOFEED_MAX_RECEIVES']) delete process.env[k];
    Object.assign(process.env, env);
    try {
      vi.resetModules();
      const { handler } = await import('../../lambdas/parse/handler.js');
      await expect(handler({ Records: [] })).rejects.toThrow(message);
    } finally {
      process.env = saved;
    }
  });
});
