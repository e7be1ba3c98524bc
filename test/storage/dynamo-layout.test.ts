/**
 * DynamoDB-specific promises the contract suite cannot see: the item layout and index keys,
 * how many requests a feed page costs, no write for unchanged content, the size guard's
 * compressed form, TTL on seen/validator records. On DynamoDB Local (Amazon's own engine).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DescribeTimeToLiveCommand, GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { makeDynamoClient } from '../../lambdas/adapters/aws-clients.js';
import { DynamoStore, MAX_ITEM_BYTES, itemSize } from '../../lambdas/adapters/dynamo-store.js';
import { sha256Hex } from '../../lambdas/core/ids.js';
import { clientOptions, startDynamoDbLocal, type DynamoStandin } from '../support/standins.js';
import { article } from './article-store.contract.js';

let ddb: DynamoStandin;
beforeAll(async () => {
  ddb = await startDynamoDbLocal();
});
afterAll(async () => {
  await ddb?.stop();
});

const NOW = new Date('2026-11-30T12:00:00.000Z');
const ctx = (sourceId = 'src') => ({ sourceId, url: 'http://news.example/x.html', rawKey: 'raw/src/x/1.html', now: NOW });

/** Counts commands by name as they leave the client. */
function countCommands(client: DynamoDBClient): Map<string, number> {
  const counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? '?';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  return counts;
}

describe('DynamoDB store layout (DynamoDB Local)', () => {
  let tableName: string;
  let client: DynamoDBClient;
  let counts: Map<string, number>;
  let store: DynamoStore;

  beforeEach(async () => {
    tableName = await ddb.createTable();
    client = makeDynamoClient(clientOptions(ddb.endpoint));
    counts = countCommands(client);
    store = new DynamoStore({ client, tableName });
  });

  const rawItem = async (pk: string, sk: string) => {
    const out = await ddb.client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: pk }, sk: { S: sk } } }));
    return out.Item;
  };

  it('turns TTL on for expiresAt', async () => {
    const ttl = await ddb.client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'expiresAt', TimeToLiveStatus: 'ENABLED' });
  });

  it('keys an article for both indexes: per source, and per UTC month of its sort time', async () => {
    await store.upsert(article('a1', { published: '2026-10-01T07:30:00+08:00' }), ctx('alpha'));
    const item = unmarshall((await rawItem('A#a1', 'A')) ?? {});
    expect(item).toMatchObject({
      gsi1pk: 'S#alpha',
      gsi1sk: '2026-09-30T23:30:00.000Z#a1',
      gsi2pk: 'T#2026-09',
      gsi2sk: '2026-09-30T23:30:00.000Z#a1',
      version: 1,
      sortTime: '2026-09-30T23:30:00.000Z',
    });
    expect(JSON.parse(item.doc as string)).toMatchObject({ id: 'a1', title: { en: 'Title a1' } });
    expect(unmarshall((await rawItem('META', 'BUCKETS')) ?? {}).buckets).toEqual(new Set(['2026-09']));
  });

  it('does not write at all for unchanged content', async () => {
    await store.upsert(article('a1'), ctx());
    counts.clear();
    expect(await store.upsert(article('a1'), ctx())).toBe('unchanged');
    expect(Object.fromEntries(counts)).toEqual({ GetItemCommand: 1 });
  });

  it('serves an all-sources page with one Query (plus the bucket list), and a second only across a month boundary', async () => {
    for (const [id, published] of [['n1', '2026-11-03T00:00:00Z'], ['n2', '2026-11-02T00:00:00Z'], ['n3', '2026-11-01T00:00:00Z'], ['o1', '2026-10-20T00:00:00Z']] as const) {
      await store.upsert(article(id, { published }), ctx());
    }
    counts.clear();
    const first = await store.list(undefined, { limit: 2 });
    expect(first.items.map((a) => a.id)).toEqual(['n1', 'n2']);
    expect(Object.fromEntries(counts)).toEqual({ GetItemCommand: 1, QueryCommand: 1 });
    counts.clear();
    const second = await store.list(undefined, { limit: 2, cursor: first.next as string });
    expect(second.items.map((a) => a.id)).toEqual(['n3', 'o1']);
    expect(Object.fromEntries(counts)).toEqual({ GetItemCommand: 1, QueryCommand: 2 });
    counts.clear();
    await store.list('src', { limit: 3 });
    expect(Object.fromEntries(counts)).toEqual({ QueryCommand: 1 });
  });

  it('stores an oversized article gzip-compressed under the limit', async () => {
    const para = 'Maritime cooperation and joint exercises were discussed. 讨论了海上合作与联合演习。';
    const big = article('big', { segments: Array.from({ length: 4000 }, (_, i) => ({ en: [`${i} ${para}`], zh: [`${i} ${para}`] })) });
    await store.upsert(big, ctx());
    const item = (await rawItem('A#big', 'A')) ?? {};
    expect(item.doc).toBeUndefined();
    expect(item.docGz?.B?.byteLength).toBeGreaterThan(0);
    expect(itemSize(item)).toBeLessThanOrEqual(MAX_ITEM_BYTES);
    expect((await store.get('big'))?.segments).toEqual(big.segments);
  });

  it('keys seen and validator records by the URL hash, with expiry times', async () => {
    const url = 'http://news.example/a.html';
    await store.markSeen(url, 'src', NOW);
    await store.putValidators(url, { etag: '"e"' }, NOW);
    const seen = unmarshall((await rawItem(`U#${sha256Hex(url)}`, 'SEEN')) ?? {});
    const http = unmarshall((await rawItem(`U#${sha256Hex(url)}`, 'HTTP')) ?? {});
    const nowS = NOW.getTime() / 1000;
    expect(seen).toMatchObject({ url, sourceId: 'src', expiresAt: nowS + 180 * 86400 });
    expect(http).toMatchObject({ url, etag: '"e"', expiresAt: nowS + 30 * 86400 });
  });

  it('keeps a page\'s boilerplate lines in its source\'s partition (no index keys), written in batches of 25 and read with one Query', async () => {
    const lines = Array.from({ length: 64 }, (_, i) => i.toString(16).padStart(16, '0'));
    const pages = Array.from({ length: 30 }, (_, i) => ({ pageId: `p${String(i).padStart(2, '0')}`, lines }));
    await store.putPageLines('alpha', pages, NOW);
    expect(Object.fromEntries(counts)).toEqual({ BatchWriteItemCommand: 2 });
    const item = unmarshall((await rawItem('S#alpha', 'BP#p07')) ?? {});
    expect(item).toEqual({ pk: 'S#alpha', sk: 'BP#p07', type: 'pagelines', sourceId: 'alpha', pageId: 'p07', lines, at: NOW.toISOString(), expiresAt: NOW.getTime() / 1000 + 60 * 86400 });
    counts.clear();
    expect(await store.pageLines('alpha')).toHaveLength(30);
    expect(Object.fromEntries(counts)).toEqual({ QueryCommand: 1 });
  });
});
