/**
 * Faults dynalite cannot produce, injected into the SDK's middleware stack just below its
 * retry layer: throttling, 5xx, and a response lost after the write landed. The retry
 * policy is the production one from aws-clients.ts; the assertion is that each article
 * lands exactly once, with the right outcome, version and count.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { makeDynamoClient } from '../../lambdas/adapters/aws-clients.js';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { clientOptions, startDynalite, type DynamoStandin } from '../support/standins.js';
import { article } from './article-store.contract.js';

let ddb: DynamoStandin;
beforeAll(async () => {
  ddb = await startDynalite();
});
afterAll(async () => {
  await ddb?.stop();
});

const NOW = new Date('2026-11-30T12:00:00.000Z');
const ctx = { sourceId: 'src', url: 'http://news.example/a.html', rawKey: 'raw/src/a/1.html', now: NOW };

type Fault = 'throttle' | 'server-error' | 'lost-response';

/**
 * Makes the first `times` attempts of `command` fail with `fault`. Sits in the deserialize
 * step below the deserializer, so the SDK builds its real exception from our HTTP response
 * and its real retry strategy decides what to do. Returns the attempt counter.
 */
function inject(client: DynamoDBClient, command: string, fault: Fault, times: number): { attempts: number; at: number[] } {
  const seen = { attempts: 0, at: [] as number[] };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== command) return next(args);
      seen.at.push(performance.now());
      const attempt = seen.attempts++;
      if (attempt >= times) return next(args);
      if (fault === 'lost-response') await next(args); // the write lands, its answer does not
      const [status, type] = fault === 'throttle' ? [400, 'ProvisionedThroughputExceededException'] : [500, 'InternalServerError'];
      const body = Buffer.from(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: `injected ${fault}` }));
      return { response: { statusCode: status, reason: type, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': type }, body } } as never;
    },
    { step: 'deserialize', priority: 'low', name: `inject-${fault}` },
  );
  return seen;
}

describe('DynamoDB store under injected faults (production retry policy)', () => {
  let tableName: string;
  let client: DynamoDBClient;
  let store: DynamoStore;
  let reader: DynamoStore;

  beforeEach(async () => {
    tableName = await ddb.createTable();
    client = makeDynamoClient(clientOptions(ddb.endpoint));
    store = new DynamoStore({ client, tableName });
    reader = new DynamoStore({ client: ddb.client, tableName });
  });

  async function landedOnce(version: number) {
    expect(await reader.get('a')).toMatchObject({ version });
    expect((await reader.list(undefined, { limit: 10 })).items.map((i) => i.id)).toEqual(['a']);
    expect((await reader.list('src', { limit: 10 })).items.map((i) => i.id)).toEqual(['a']);
    expect(await reader.sourceStates()).toEqual([{ sourceId: 'src', articles: 1 }]);
  }

  it('rides out throttling of the write (ProvisionedThroughputExceededException x2)', async () => {
    const put = inject(client, 'PutItemCommand', 'throttle', 2);
    expect(await store.upsert(article('a'), ctx)).toBe('created');
    expect(put.attempts).toBe(3);
    await landedOnce(1);
  });

  it('rides out 5xx on the read before the write', async () => {
    const get = inject(client, 'GetItemCommand', 'server-error', 2);
    expect(await store.upsert(article('a'), ctx)).toBe('created');
    expect(get.attempts).toBeGreaterThanOrEqual(3);
    await landedOnce(1);
  });

  it('counts a create whose response was lost (SDK retry meets its own write) once, as created', async () => {
    const put = inject(client, 'PutItemCommand', 'lost-response', 1);
    expect(await store.upsert(article('a'), ctx)).toBe('created');
    expect(put.attempts).toBe(2);
    await landedOnce(1);
  });

  it('bumps the version once when an update response is lost', async () => {
    expect(await store.upsert(article('a'), ctx)).toBe('created');
    inject(client, 'PutItemCommand', 'lost-response', 1);
    expect(await store.upsert(article('a', { title: { en: 'New', zh: '新' } }), { ...ctx, now: new Date(NOW.getTime() + 1000) })).toBe('updated');
    await landedOnce(2);
  });

  /** Lets a rival writer change the article just before each of our first `times` Puts. */
  function rivalBefore(times: number): void {
    let n = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'PutItemCommand' && n < times) {
          n++;
          await reader.upsert(article('a', { title: { en: `rival ${n}`, zh: '对手' } }), { ...ctx, now: new Date(NOW.getTime() + n * 1000) });
        }
        return next(args);
      },
      { step: 'initialize', name: 'rival' },
    );
  }

  it('retries once when another writer wins the race, landing as the next version', async () => {
    await reader.upsert(article('a'), ctx);
    rivalBefore(1);
    expect(await store.upsert(article('a', { title: { en: 'ours', zh: '我们' } }), { ...ctx, now: new Date(NOW.getTime() + 9000) })).toBe('updated');
    expect(await reader.get('a')).toMatchObject({ version: 3, title: { en: 'ours' } });
  });

  it('gives up with ConcurrentUpdateError when it loses the race twice, leaving the rival content', async () => {
    await reader.upsert(article('a'), ctx);
    rivalBefore(2);
    await expect(store.upsert(article('a', { title: { en: 'ours', zh: '我们' } }), { ...ctx, now: new Date(NOW.getTime() + 9000) })).rejects.toMatchObject({
      name: 'ConcurrentUpdateError',
      message: expect.stringMatching(/article a: another writer/),
    });
    expect(await reader.get('a')).toMatchObject({ version: 3, title: { en: 'rival 2' } });
  });

  it('gives up after maxAttempts with the service error, storing nothing', async () => {
    const short = makeDynamoClient(clientOptions(ddb.endpoint, { maxAttempts: 2 }));
    const put = inject(short, 'PutItemCommand', 'throttle', 100);
    await expect(new DynamoStore({ client: short, tableName }).upsert(article('a'), ctx)).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
    expect(put.attempts).toBe(2);
    expect(await reader.get('a')).toBeUndefined();
    short.destroy();
  });

  it('retryDelayMs keeps the attempts and the retry rules, and waits that long between them', async () => {
    const quick = makeDynamoClient(clientOptions(ddb.endpoint, { maxAttempts: 4, retryDelayMs: 5 }));
    const put = inject(quick, 'PutItemCommand', 'throttle', 100);
    await expect(new DynamoStore({ client: quick, tableName }).upsert(article('a'), ctx)).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
    expect(put.attempts).toBe(4);
    // The default waits for throttling are drawn from 0–1, 0–2 and 0–4 s: all three under
    // 400 ms about once in 125 runs. These are 5 ms plus the client's own work.
    const gaps = put.at.slice(1).map((t, i) => t - put.at[i]!);
    expect(gaps.filter((g) => g >= 400)).toEqual([]);
    const recovering = makeDynamoClient(clientOptions(ddb.endpoint, { retryDelayMs: 5 }));
    const flaky = inject(recovering, 'PutItemCommand', 'server-error', 3);
    expect(await new DynamoStore({ client: recovering, tableName }).upsert(article('a'), ctx)).toBe('created');
    expect(flaky.attempts).toBe(4);
    quick.destroy();
    recovering.destroy();
  });
});
