/** The parse Lambda with real SQS event shapes, S3 on fauxqs and DynamoDB on dynalite. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { Message } from '@aws-sdk/client-sqs';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { S3RawStore } from '../../lambdas/adapters/s3-raw-store.js';
import type { Article } from '../../lambdas/core/article.js';
import type { ParseJob } from '../../lambdas/core/ports.js';
import { makeParseHandler } from '../../lambdas/parse/handler.js';
import type { ParseFn } from '../../lambdas/parse/process.js';
import { startDynalite, startFauxqs, type DynamoStandin, type FauxqsStandin } from '../support/standins.js';
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

  it('sends a page that keeps failing to the DLQ and keeps its raw copy, while the rest of the batch lands', async () => {
    const handle = makeParseHandler({ raw, articles: store, clock, log: memoryLog(), parse: jsonParse });
    const good = await jobFor(JSON.stringify(art('good')));
    const bad = await jobFor('FAIL:unsupported layout');
    await aws.sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrl, MessageBody: good.body }));
    await aws.sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrl, MessageBody: bad.body }));
    const polls = [];
    for (let i = 0; i < 5; i++) polls.push(await pollOnce(aws.sqs, aws.queueUrl, handle));
    expect(polls[0]).toMatchObject({ received: 2, failed: [expect.any(String)] });
    expect(polls.at(-1)).toEqual({ received: 0, failed: [] });
    const dlq = await aws.sqs.send(new ReceiveMessageCommand({ QueueUrl: aws.dlqUrl, MaxNumberOfMessages: 10 }));
    expect(dlq.Messages?.map((m) => m.Body)).toEqual([bad.body]);
    expect((await aws.s3.send(new HeadObjectCommand({ Bucket: aws.bucket, Key: bad.job.rawKey }))).ContentLength).toBeGreaterThan(0);
    expect(await store.get('good')).toMatchObject({ version: 1 });
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
  it('names a missing environment variable', async () => {
    const saved = { ...process.env };
    delete process.env.DUOFEED_TABLE;
    process.env.DUOFEED_BUCKET = 'b';
    try {
      const { handler } = await import('../../lambdas/parse/handler.js');
      await expect(handler({ Records: [] })).rejects.toThrow(/DUOFEED_TABLE/);
    } finally {
      process.env = saved;
    }
  });
});
