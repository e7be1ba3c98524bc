/** S3 and SQS adapters against fauxqs (in-process S3 + SQS on loopback). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, DeleteMessageBatchCommand, type SendMessageBatchCommandInput, type SendMessageBatchCommandOutput, type SQSClient } from '@aws-sdk/client-sqs';
import { makeSqsClient } from '../../lambdas/adapters/aws-clients.js';
import { S3RawStore } from '../../lambdas/adapters/s3-raw-store.js';
import { EnqueueError, SqsJobQueue } from '../../lambdas/adapters/sqs-queue.js';
import { MemoryJobQueue, MemoryRawStore } from '../support/memory.js';
import { NotFoundError } from '../../lambdas/core/ports.js';
import type { ParseJob, RawStore } from '../../lambdas/core/ports.js';
import { clientOptions, startFauxqs, uniqueName, type FauxqsStandin } from '../support/standins.js';

let aws: FauxqsStandin;
beforeAll(async () => {
  aws = await startFauxqs();
});
afterAll(async () => {
  await aws?.stop();
});

// 你好 in GBK: the store must keep bytes untouched, whatever the encoding.
const GBK_HELLO = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]);

function rawStoreContract(name: string, make: () => Promise<RawStore>) {
  describe(`raw store: ${name}`, () => {
    it('round-trips bytes, content type and URL', async () => {
      const raw = await make();
      await raw.put('raw/s/a/1.html', { bytes: GBK_HELLO, contentType: 'text/html; charset=gbk', url: 'http://news.example/a.html?x=1' });
      const got = await raw.get('raw/s/a/1.html');
      expect([...got.bytes]).toEqual([...GBK_HELLO]);
      expect(got.contentType).toBe('text/html; charset=gbk');
      expect(got.url).toBe('http://news.example/a.html?x=1');
    });

    it('keeps a page with neither content type nor URL', async () => {
      const raw = await make();
      await raw.put('raw/s/b/2.html', { bytes: new Uint8Array([60, 112, 62]) });
      const got = await raw.get('raw/s/b/2.html');
      expect(Buffer.from(got.bytes).toString()).toBe('<p>');
      expect(got.url).toBeUndefined();
    });

    it('throws NotFoundError naming a missing key', async () => {
      const raw = await make();
      await expect(raw.get('raw/none/x.html')).rejects.toThrow(NotFoundError);
      await expect(raw.get('raw/none/x.html')).rejects.toThrow(/raw\/none\/x\.html/);
    });

    it('lists every key under a prefix in key order', async () => {
      const raw = await make();
      const keys = ['raw/a/3/z.html', 'raw/a/1/y.html', 'raw/b/1/x.html', 'raw/a/2/w.html', 'raw/a/10/v.html', 'raw/ab/1/u.html'];
      for (const k of keys) await raw.put(k, { bytes: new Uint8Array([1]) });
      const listed: string[] = [];
      for await (const k of raw.list('raw/a/')) listed.push(k);
      expect(listed).toEqual(['raw/a/1/y.html', 'raw/a/10/v.html', 'raw/a/2/w.html', 'raw/a/3/z.html']);
      const all: string[] = [];
      for await (const k of raw.list('raw/')) all.push(k);
      expect(all).toHaveLength(6);
    });
  });
}

rawStoreContract('in-memory', async () => new MemoryRawStore());
rawStoreContract('S3 on fauxqs (2 keys per page)', async () => {
  const bucket = uniqueName('raw');
  await aws.s3.send(new (await import('@aws-sdk/client-s3')).CreateBucketCommand({ Bucket: bucket }));
  return new S3RawStore({ client: aws.s3, bucket, pageSize: 2 });
});

describe('S3 raw store specifics', () => {
  it('percent-encodes a non-ASCII URL for the metadata header', async () => {
    const raw = new S3RawStore({ client: aws.s3, bucket: aws.bucket });
    await raw.put('raw/s/iri/1.html', { bytes: new Uint8Array([1]), url: 'http://news.example/新闻/一.html' });
    const got = await raw.get('raw/s/iri/1.html');
    expect(got.url).toBe('http://news.example/%E6%96%B0%E9%97%BB/%E4%B8%80.html');
  });

  it('reads an object that another writer stored', async () => {
    await aws.s3.send(new PutObjectCommand({ Bucket: aws.bucket, Key: 'raw/ext/1.html', Body: 'abc' }));
    const raw = new S3RawStore({ client: aws.s3, bucket: aws.bucket });
    expect(Buffer.from((await raw.get('raw/ext/1.html')).bytes).toString()).toBe('abc');
  });
});

const job = (n: number): ParseJob => ({ sourceId: 's', url: `http://news.example/${n}.html`, rawKey: `raw/s/${n}/h.html`, fetchedAt: '2026-11-30T10:00:00.000Z' });

async function drain(sqs: SQSClient, queueUrl: string): Promise<ParseJob[]> {
  const got: ParseJob[] = [];
  for (let empty = 0; empty < 2; ) {
    const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
    const msgs = r.Messages ?? [];
    if (!msgs.length) {
      empty++;
      continue;
    }
    got.push(...msgs.map((m) => JSON.parse(m.Body as string) as ParseJob));
    await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: msgs.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle as string })) }));
  }
  return got;
}

/** Makes SQS refuse the batch entries `refuse` picks (as a partial batch failure) — a fault fauxqs cannot produce. */
function refuseEntries(sqs: SQSClient, refuse: (body: ParseJob, call: number) => boolean): { calls: number } {
  const counter = { calls: 0 };
  sqs.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'SendMessageBatchCommand') return next(args);
      const call = counter.calls++;
      const input = args.input as SendMessageBatchCommandInput;
      const entries = input.Entries ?? [];
      const refused = entries.filter((e) => refuse(JSON.parse(e.MessageBody as string) as ParseJob, call));
      const kept = entries.filter((e) => !refused.includes(e));
      const result = kept.length
        ? await next({ ...args, input: { ...input, Entries: kept } })
        : { output: { Successful: [], Failed: [], $metadata: {} } as SendMessageBatchCommandOutput, response: {} };
      const output = result.output as SendMessageBatchCommandOutput;
      output.Failed = [...(output.Failed ?? []), ...refused.map((e) => ({ Id: e.Id as string, SenderFault: false, Code: 'InternalError', Message: 'injected outage' }))];
      return result;
    },
    { step: 'initialize', name: 'refuseEntries' },
  );
  return counter;
}

describe('SQS job queue', () => {
  it('sends 23 jobs in batches of 10 and each arrives once', async () => {
    const queue = new SqsJobQueue(aws.sqs, aws.queueUrl);
    const jobs = Array.from({ length: 23 }, (_, i) => job(i));
    await queue.send(jobs);
    const got = await drain(aws.sqs, aws.queueUrl);
    expect(got.sort((a, b) => a.url.localeCompare(b.url))).toEqual([...jobs].sort((a, b) => a.url.localeCompare(b.url)));
  });

  it('retries entries that failed once, without duplicates', async () => {
    const sqs = makeSqsClient(clientOptions(aws.endpoint));
    const counter = refuseEntries(sqs, (j, call) => call === 0 && /\/(1|4)\.html$/.test(j.url));
    await new SqsJobQueue(sqs, aws.queueUrl).send([job(1), job(2), job(3), job(4)]);
    expect(counter.calls).toBe(2);
    expect((await drain(aws.sqs, aws.queueUrl)).map((j) => j.url).sort()).toEqual([1, 2, 3, 4].map((n) => job(n).url));
    sqs.destroy();
  });

  it('throws an EnqueueError naming entries that keep failing, after sending the rest', async () => {
    const sqs = makeSqsClient(clientOptions(aws.endpoint));
    refuseEntries(sqs, (j) => j.url.endsWith('/12.html'));
    const err = await new SqsJobQueue(sqs, aws.queueUrl).send(Array.from({ length: 15 }, (_, i) => job(i))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnqueueError);
    expect((err as EnqueueError).message).toMatch(/1 of 15 .*12\.html.*injected outage/);
    expect((err as EnqueueError).failures.map((f) => f.job.url)).toEqual([job(12).url]);
    expect(await drain(aws.sqs, aws.queueUrl)).toHaveLength(14);
    sqs.destroy();
  });

  it('in-memory queue keeps jobs in order', async () => {
    const q = new MemoryJobQueue();
    await q.send([job(1), job(2)]);
    await q.send([job(3)]);
    expect(q.drain().map((j) => j.url)).toEqual([1, 2, 3].map((n) => job(n).url));
    expect(q.drain()).toEqual([]);
  });
});
