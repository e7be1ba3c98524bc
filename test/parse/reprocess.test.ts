/** `duofeed reprocess` core: replay raw pages from S3 (fauxqs) into DynamoDB (dynalite), and in memory. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { MemoryArticleStore, MemoryRawStore } from '../support/memory.js';
import { S3RawStore } from '../../lambdas/adapters/s3-raw-store.js';
import type { Article } from '../../lambdas/core/article.js';
import type { ArticleReader, ArticleWriter, RawStore } from '../../lambdas/core/ports.js';
import type { Logger } from '../../lambdas/core/ports.js';
import type { ParseFn } from '../../lambdas/parse/process.js';
import { prefixFor, reprocessAll } from '../../lambdas/parse/reprocess.js';
import { startDynalite, startFauxqs, uniqueName, type DynamoStandin, type FauxqsStandin } from '../support/standins.js';

let ddb: DynamoStandin;
let aws: FauxqsStandin;
beforeAll(async () => {
  [ddb, aws] = await Promise.all([startDynalite(), startFauxqs()]);
});
afterAll(async () => {
  await Promise.all([ddb?.stop(), aws?.stop()]);
});

const silent: Logger = { info() {}, warn() {}, error() {} };
const clock = { now: () => new Date('2026-11-30T12:00:00.000Z') };

/** Raw pages hold "<id>|<body>"; `titleSuffix` plays the part of a parser upgrade. */
const parserV = (titleSuffix: string): ParseFn => ({ bytes, url }) => {
  const text = Buffer.from(bytes as Uint8Array).toString('utf8');
  if (text.startsWith('FAIL')) return { ok: false, reason: 'no bilingual body found' };
  const [id, body] = text.split('|') as [string, string];
  const article: Article = { id, ...(url ? { url } : {}), languages: ['en', 'zh'], title: { en: `T${titleSuffix}`, zh: '题' }, segments: [{ en: [body], zh: ['文'] }] };
  return { ok: true, article, warnings: [] };
};

type Backend = { raw: RawStore; articles: ArticleReader & ArticleWriter; pauseBetweenVersions: number };

async function seed(raw: RawStore, pause: number): Promise<void> {
  const put = (key: string, text: string) => raw.put(key, { bytes: Buffer.from(text), contentType: 'text/html', url: `http://news.example/${key.split('/')[2]}.html` });
  await put('raw/alpha/a1/ffff.html', 'a1|old text');
  await put('raw/alpha/a2/1111.html', 'a2|second');
  await put('raw/beta/b1/2222.html', 'b1|third');
  await put('raw/beta/b2/3333.html', 'FAIL');
  await put('raw/beta/stray.html', 'b3|not in the layout');
  // S3's LastModified has one-second resolution: make the newer version clearly newer.
  await sleep(pause);
  await put('raw/alpha/a1/0000.html', 'a1|new text'); // newer, but sorts first by key
}

const backends: [string, () => Promise<Backend>][] = [
  ['in-memory', async () => ({ raw: new MemoryRawStore(), articles: new MemoryArticleStore(clock), pauseBetweenVersions: 0 })],
  [
    'S3 on fauxqs + DynamoDB on dynalite',
    async () => {
      const bucket = uniqueName('raw');
      await aws.s3.send(new CreateBucketCommand({ Bucket: bucket }));
      return {
        raw: new S3RawStore({ client: aws.s3, bucket, pageSize: 2 }),
        articles: new DynamoStore({ client: ddb.client, tableName: await ddb.createTable() }),
        pauseBetweenVersions: 1100,
      };
    },
  ],
];

describe.each(backends)('reprocessAll (%s)', (_name, make) => {
  it('replays the newest raw version of each article, reports failures, and is idempotent', async () => {
    const { raw, articles, pauseBetweenVersions } = await make();
    await seed(raw, pauseBetweenVersions);
    const progress: string[] = [];
    const first = await reprocessAll({ raw, articles, prefix: 'raw/', log: silent, clock, parse: parserV('1'), onProgress: (d, t, k, o) => progress.push(`${d}/${t} ${k} ${o}`) });
    expect(first).toMatchObject({ pages: 4, created: 3, updated: 0, unchanged: 0, failed: 2, olderVersions: 1 });
    expect(first.failures.map((f) => f.key).sort()).toEqual(['raw/beta/b2/3333.html', 'raw/beta/stray.html']);
    expect(first.failures.find((f) => f.key === 'raw/beta/b2/3333.html')?.reason).toMatch(/no bilingual body found/);
    expect(progress).toHaveLength(4);
    expect(progress.at(-1)).toMatch(/^4\/4 /);
    const a1 = await articles.get('a1');
    expect(a1).toMatchObject({ rawKey: 'raw/alpha/a1/0000.html', sourceId: 'alpha', url: 'http://news.example/a1.html', version: 1 });
    expect(a1?.segments[0]?.en).toEqual(['new text']);

    const again = await reprocessAll({ raw, articles, prefix: 'raw/', log: silent, clock, parse: parserV('1') });
    expect(again).toMatchObject({ pages: 4, created: 0, updated: 0, unchanged: 3, failed: 2 });

    const upgraded = await reprocessAll({ raw, articles, prefix: prefixFor('alpha'), log: silent, clock, parse: parserV('2') });
    expect(upgraded).toMatchObject({ pages: 2, created: 0, updated: 2, unchanged: 0, failed: 0 });
    expect(await articles.get('a2')).toMatchObject({ version: 2, title: { en: 'T2' } });
    expect(await articles.get('b1')).toMatchObject({ version: 1, title: { en: 'T1' } });
  }, 30_000);
});

describe('prefixFor', () => {
  it.each([
    [undefined, 'raw/'],
    ['sample-mil', 'raw/sample-mil/'],
  ])('%s → %s', (id, prefix) => expect(prefixFor(id)).toBe(prefix));
  it.each(['../etc', 'A', '', 'a/b'])('refuses %j', (id) => expect(() => prefixFor(id)).toThrow(/not valid/));
});
