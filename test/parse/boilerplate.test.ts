/**
 * Boilerplate learning in the pipeline: the parse handler learns a source's promo lines from
 * the pages it stores (kept in the store beside the articles), drops them from the third page
 * on, counts a redelivered page once, shares what it learnt with another instance through the
 * store, and `reprocess` cleans the first pages; metadata lines that recur stay metadata.
 * On the in-memory store and on DynamoDB (dynalite).
 */
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { articleIdFor, sha256Hex } from '../../lambdas/core/ids.js';
import { lineFingerprint } from '../../lambdas/core/parse/boilerplate.js';
import type { ArticleReader, ArticleWriter, BoilerplateStore, ParseJob, RawStore } from '../../lambdas/core/ports.js';
import { makeParseHandler } from '../../lambdas/parse/handler.js';
import { reprocessAll } from '../../lambdas/parse/reprocess.js';
import { MemoryArticleStore, MemoryRawStore } from '../support/memory.js';
import { memoryLog } from '../support/memory-log.js';
import { META, PROMO_EN, PROMO_ZH, sitePage, STORIES } from '../support/site-pages.js';
import { startDynalite, type DynamoStandin } from '../support/standins.js';

let ddb: DynamoStandin;
beforeAll(async () => {
  ddb = await startDynalite();
});
afterAll(async () => {
  await ddb?.stop();
});

const NOW = new Date('2026-11-30T12:00:00.000Z');
const clock = { now: () => NOW };

type Store = ArticleReader & ArticleWriter & BoilerplateStore;

const urlOf = (source: string, n: number) => `https://${source}.example/news/${n}.html`;

/** Stores page n of a source raw, as the fetch side does, and gives its parse job. */
async function fetched(raw: RawStore, source: string, n: number): Promise<ParseJob> {
  const url = urlOf(source, n);
  const bytes = Buffer.from(sitePage(n));
  const rawKey = `raw/${source}/${articleIdFor(url)}/${sha256Hex(bytes)}.html`;
  await raw.put(rawKey, { bytes, contentType: 'text/html; charset=utf-8', url });
  return { sourceId: source, url, rawKey, fetchedAt: NOW.toISOString() };
}

let messages = 0;
function sqs(jobs: ParseJob[]): SQSEvent {
  return {
    Records: jobs.map((job) => ({
      messageId: `m${++messages}`,
      receiptHandle: 'r',
      body: JSON.stringify(job),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:parse',
      awsRegion: 'us-east-1',
    })),
  };
}

async function bodyOf(store: Store, source: string, n: number): Promise<string[]> {
  const a = await store.get(articleIdFor(urlOf(source, n)));
  if (!a) throw new Error(`page ${n} of ${source} not stored`);
  return a.segments.flatMap((s) => [...(s.en ?? []), ...(s.zh ?? [])]);
}

const hasPromo = (body: string[]) => body.includes(PROMO_EN) || body.includes(PROMO_ZH);

const backends: [string, () => Promise<Store>][] = [
  ['in-memory', async () => new MemoryArticleStore(clock)],
  ['DynamoDB on dynalite', async () => new DynamoStore({ client: ddb.client, tableName: await ddb.createTable(), clock })],
];

describe.each(backends)('boilerplate learning in the pipeline (%s)', (_name, makeStore) => {
  it('drops a source\'s promo lines from its third page on, one page per invocation; reprocess then cleans the first two', async () => {
    const store = await makeStore();
    const raw = new MemoryRawStore();
    const log = memoryLog();
    const handler = makeParseHandler({ raw, articles: store, boilerplate: store, clock, log });
    for (let n = 0; n < 5; n++) expect(await handler(sqs([await fetched(raw, 'harbour', n)]))).toEqual({ batchItemFailures: [] });

    const withPromo = [];
    for (let n = 0; n < 5; n++) withPromo.push(hasPromo(await bodyOf(store, 'harbour', n)));
    expect(withPromo).toEqual([true, true, false, false, false]);
    expect(await bodyOf(store, 'harbour', 3)).toEqual(STORIES[3]!.body.flat());
    expect(log.lines.filter((l) => l.msg === 'record done').map((l) => l.boilerplateRemoved ?? 0)).toEqual([0, 0, 2, 2, 2]);
    // What was learnt is in the store: one record per page, holding the promo lines and no metadata line.
    const records = await store.pageLines('harbour');
    expect(records.map((r) => r.pageId).sort()).toEqual([0, 1, 2, 3, 4].map((n) => articleIdFor(urlOf('harbour', n))).sort());
    for (const r of records) {
      expect(r.lines).toContain(lineFingerprint(PROMO_EN));
      for (const text of Object.values(META)) expect(r.lines).not.toContain(lineFingerprint(text));
    }
    // Metadata that recurs on every page is still read as metadata.
    expect(await store.get(articleIdFor(urlOf('harbour', 4)))).toMatchObject({
      byline: { en: 'Zhang Gaosheng', zh: '张高胜' },
      source: '中国军网',
      editor: 'Li Jiayao',
      authorNote: { en: META.noteEn, zh: META.noteZh },
      title: { en: STORIES[4]!.title[0], zh: STORIES[4]!.title[1] },
    });

    // Replaying the stored raw pages applies what was learnt since: the first two pages lose the lines.
    const summary = await reprocessAll({ raw, articles: store, boilerplate: store, prefix: 'raw/harbour/', log: memoryLog(), clock });
    expect(summary).toMatchObject({ pages: 5, created: 0, updated: 2, unchanged: 3, failed: 0 });
    for (let n = 0; n < 5; n++) expect(hasPromo(await bodyOf(store, 'harbour', n))).toBe(false);
    expect(await store.get(articleIdFor(urlOf('harbour', 0)))).toMatchObject({ version: 2, source: '中国军网', editor: 'Li Jiayao' });
    expect(await bodyOf(store, 'harbour', 0)).toEqual(STORIES[0]!.body.flat());
  }, 30_000);

  it('reprocess learns from every page it replays, also where they were stored before anything was learnt', async () => {
    const store = await makeStore();
    const raw = new MemoryRawStore();
    // Parsed and stored without learning (as before this feature): no page records.
    const unlearnt = makeParseHandler({ raw, articles: store, clock, log: memoryLog() });
    await unlearnt(sqs(await Promise.all([0, 1, 2].map((n) => fetched(raw, 'dock', n)))));
    expect(await store.pageLines('dock')).toEqual([]);
    expect(hasPromo(await bodyOf(store, 'dock', 0))).toBe(true);
    const summary = await reprocessAll({ raw, articles: store, boilerplate: store, prefix: 'raw/dock/', log: memoryLog(), clock });
    expect(summary).toMatchObject({ pages: 3, updated: 3, failed: 0 });
    for (const n of [0, 1, 2]) expect(await bodyOf(store, 'dock', n)).toEqual(STORIES[n]!.body.flat());
    expect((await store.pageLines('dock')).length).toBe(3);
  }, 30_000);

  it('counts a redelivered page once, learns within one batch, and shares what it learnt with a cold instance', async () => {
    const store = await makeStore();
    const raw = new MemoryRawStore();
    const handler = makeParseHandler({ raw, articles: store, boilerplate: store, clock, log: memoryLog() });
    const first = await fetched(raw, 'quay', 0);
    // The same message three times (SQS delivers at least once): still one article's worth.
    for (let i = 0; i < 3; i++) await handler(sqs([first]));
    await handler(sqs([await fetched(raw, 'quay', 1)]));
    expect(hasPromo(await bodyOf(store, 'quay', 1))).toBe(true);
    // One batch of three pages: the third learns from the two before it in the same batch.
    await handler(sqs([await fetched(raw, 'quay', 2), await fetched(raw, 'quay', 3), await fetched(raw, 'quay', 4)]));
    for (const n of [2, 3, 4]) expect(hasPromo(await bodyOf(store, 'quay', n))).toBe(false);
    expect((await store.pageLines('quay')).length).toBe(5);
    // Another instance (cold, its own cache) reads what this one wrote.
    const cold = makeParseHandler({ raw, articles: store, boilerplate: store, clock, log: memoryLog() });
    await cold(sqs([await fetched(raw, 'quay', 5)]));
    expect(hasPromo(await bodyOf(store, 'quay', 5))).toBe(false);
    // Learnt per source: another source printing the same lines has learnt nothing yet.
    await cold(sqs([await fetched(raw, 'pier', 0)]));
    expect(hasPromo(await bodyOf(store, 'pier', 0))).toBe(true);
  }, 30_000);
});

describe('boilerplate learning when the store fails', () => {
  it('fails the record for a retry when what was learnt cannot be read', async () => {
    const store = new MemoryArticleStore(clock);
    const raw = new MemoryRawStore();
    const broken: BoilerplateStore = {
      pageLines: async () => {
        throw new Error('throttled');
      },
      putPageLines: async () => {},
    };
    const log = memoryLog();
    const handler = makeParseHandler({ raw, articles: store, boilerplate: broken, clock, log });
    const job = await fetched(raw, 'harbour', 0);
    expect((await handler(sqs([job]))).batchItemFailures).toHaveLength(1);
    expect(log.lines.find((l) => l.msg === 'record failed')).toMatchObject({
      reason: "cannot read what source harbour's pages taught of its boilerplate: Error: throttled",
      permanent: false,
      action: 'retry',
    });
    expect(await store.get(articleIdFor(job.url))).toBeUndefined();
  });

  it('stores the articles and says so when the learnt lines cannot be written', async () => {
    const store = new MemoryArticleStore(clock);
    const raw = new MemoryRawStore();
    const broken: BoilerplateStore = {
      pageLines: async () => [],
      putPageLines: async () => {
        throw new Error('table gone');
      },
    };
    const log = memoryLog();
    const handler = makeParseHandler({ raw, articles: store, boilerplate: broken, clock, log });
    expect(await handler(sqs([await fetched(raw, 'harbour', 0), await fetched(raw, 'harbour', 1)]))).toEqual({ batchItemFailures: [] });
    expect(await store.get(articleIdFor(urlOf('harbour', 1)))).toBeDefined();
    expect(log.lines.find((l) => l.msg === 'boilerplate lines of this batch not stored')).toMatchObject({ level: 'warn', pages: 2, error: 'Error: table gone' });
  });
});
