/**
 * The parse handler's time budget: a record is not started when the Lambda is about to time
 * out; it and the rest are handed back as batch item failures (SQS redelivers them alone),
 * while the finished records stay finished.
 */
import { describe, expect, it } from 'vitest';
import type { SQSEvent } from 'aws-lambda';
import { MemoryArticleStore, MemoryRawStore } from '../support/memory.js';
import type { Article } from '../../lambdas/core/article.js';
import type { DeadLetterFailure, DeadLetters, PipelineEvent } from '../../lambdas/core/ports.js';
import { makeParseHandler } from '../../lambdas/parse/handler.js';
import type { ParseFn } from '../../lambdas/parse/process.js';
import { memoryLog } from '../support/memory-log.js';

const NOW = new Date('2026-11-30T12:00:00.000Z');

function article(n: number): Article {
  return { id: `a${n}`, url: `https://example.org/${n}.html`, languages: ['en', 'zh'], title: { en: `T${n}`, zh: `标题${n}` }, segments: [{ en: [`p${n}`], zh: [`段${n}`] }] };
}
const parse: ParseFn = ({ bytes }) => ({ ok: true, article: JSON.parse(Buffer.from(bytes as Uint8Array).toString('utf8')) as Article, warnings: [] });

function eventOf(n: number): SQSEvent {
  return {
    Records: Array.from({ length: n }, (_, i) => ({
      messageId: `m${i}`,
      receiptHandle: `r${i}`,
      body: JSON.stringify({ sourceId: 'src', url: `https://example.org/${i}.html`, rawKey: `raw/src/a${i}/x.html`, fetchedAt: NOW.toISOString() }),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:parse',
      awsRegion: 'us-east-1',
    })),
  };
}

async function setup(n: number) {
  const raw = new MemoryRawStore();
  for (let i = 0; i < n; i++) await raw.put(`raw/src/a${i}/x.html`, { bytes: Buffer.from(JSON.stringify(article(i))) });
  const store = new MemoryArticleStore({ now: () => NOW });
  const log = memoryLog();
  return { raw, store, lines: log.lines, handler: makeParseHandler({ raw, articles: store, clock: { now: () => NOW }, log, parse, reserveMs: 1_000 }) };
}

describe('parse handler time budget', () => {
  it.each([
    // remaining time before each record → records finished, records handed back
    { name: 'plenty of time', remaining: [9000, 8000, 7000, 6000], done: 4 },
    { name: 'runs out before the third record', remaining: [3000, 2000, 900, 800], done: 2 },
    { name: 'no time from the start', remaining: [500, 400, 300, 200], done: 0 },
  ])('$name: finishes $done of 4 and returns the rest', async ({ remaining, done }) => {
    const { store, lines, handler } = await setup(4);
    let call = 0;
    const context = { getRemainingTimeInMillis: () => remaining[Math.min(call++, remaining.length - 1)] ?? 0 };
    const res = await handler(eventOf(4), context);
    // Each record asks once before it starts; the handback asks once more for the log line.
    expect(res.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['m0', 'm1', 'm2', 'm3'].slice(done));
    for (let i = 0; i < 4; i++) expect(Boolean(await store.get(`a${i}`)), `a${i}`).toBe(i < done);
    expect(lines.at(-1)).toMatchObject({ msg: 'batch done', records: 4, created: done, failed: 0, returned: 4 - done });
  });

  it('dead-letters, with the reason, an unstarted record on its last receive instead of handing it back to a reasonless redrive', async () => {
    const raw = new MemoryRawStore();
    for (let i = 0; i < 3; i++) await raw.put(`raw/src/a${i}/x.html`, { bytes: Buffer.from(JSON.stringify(article(i))) });
    const sent: { body: string; failure: DeadLetterFailure }[] = [];
    const deadLetters: DeadLetters = { send: async (body, failure) => void sent.push({ body, failure }) };
    const log = memoryLog();
    const handler = makeParseHandler({ raw, articles: new MemoryArticleStore({ now: () => NOW }), clock: { now: () => NOW }, log, parse, reserveMs: 1_000, deadLetter: { queue: deadLetters, maxReceives: 3 } });
    const event = eventOf(3);
    // Record m1 is on its third (last) receive; m2 on its second.
    event.Records[1]!.attributes.ApproximateReceiveCount = '3';
    event.Records[2]!.attributes.ApproximateReceiveCount = '2';
    const remaining = [5000, 900, 900, 900, 900];
    let call = 0;
    const res = await handler(event, { getRemainingTimeInMillis: () => remaining[Math.min(call++, remaining.length - 1)] ?? 0 });
    expect(res.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['m2']);
    expect(sent).toEqual([
      {
        body: event.Records[1]!.body,
        failure: { reason: expect.stringMatching(/^not started: the invocation's time ran out before it \(900 ms left, 1000 ms kept in hand\) on receive 3$/), receives: 3, messageId: 'm1', failedAt: NOW.toISOString() },
      },
    ]);
    expect(log.lines.at(-1)).toMatchObject({ msg: 'batch done', created: 1, deadLettered: 1, returned: 1 });
  });

  it('without a context (local drain, tests) processes every record', async () => {
    const { handler } = await setup(3);
    expect((await handler(eventOf(3))).batchItemFailures).toEqual([]);
  });
});

describe('parse handler events', () => {
  it('reports each record done and each record failed, typed', async () => {
    const raw = new MemoryRawStore();
    await raw.put('raw/src/a0/x.html', { bytes: Buffer.from(JSON.stringify(article(0))) });
    const events: PipelineEvent[] = [];
    const handler = makeParseHandler({ raw, articles: new MemoryArticleStore({ now: () => NOW }), clock: { now: () => NOW }, log: memoryLog(), parse, events: (e) => void events.push(e) });
    // The second record's raw page does not exist.
    await handler(eventOf(2));
    expect(events).toEqual([
      { type: 'record-done', messageId: 'm0', outcome: 'created', id: 'a0', url: 'https://example.org/0.html' },
      { type: 'record-failed', messageId: 'm1', reason: expect.stringContaining("cannot read raw page raw/src/a1/x.html"), url: 'https://example.org/1.html', action: 'retry' },
    ]);
  });
});
