/**
 * DynamoDB single-table store: articles (ArticleReader + ArticleWriter) and fetch state
 * (FetchStateStore) in one on-demand table.
 *
 * Items (pk / sk):
 *   A#<articleId>   / A              the article: bookkeeping attributes + `doc` (JSON of the
 *                                    parsed Article) or `docGz` (gzip of it, binary) when big
 *   U#<sha256(url)> / SEEN           URL handed to the parse queue            (TTL expiresAt)
 *   U#<sha256(url)> / HTTP           ETag / Last-Modified for conditional GET (TTL expiresAt)
 *   SOURCES         / <sourceId>     per-source counters and last fetch run
 *   META            / BUCKETS        string set of the time buckets that hold articles
 *
 * Indexes (both project ALL, so a feed page is one Query with no follow-up reads):
 *   bySource  gsi1pk = S#<sourceId>   gsi1sk = <sortTime>#<id>   one source, newest first
 *   byTime    gsi2pk = T#<YYYY-MM>    gsi2sk = <sortTime>#<id>   all sources, newest first
 *
 * Why byTime is bucketed by month rather than one constant partition key: every article
 * written would land on the same GSI partition, capping the whole table's ingest at one
 * partition's write throughput (about 1,000 WCU/s) and throttling the base table's writes
 * with it (GSI back-pressure). With a month per partition, only the current month is
 * written, while older months serve reads. A feed page is one Query on the newest bucket; a
 * page that is not yet full continues into the previous non-empty bucket (a second Query
 * only at a month boundary or for a sparse feed). The set of non-empty buckets lives in one
 * small META item, so an empty month is never queried and an archive of old articles
 * (published years ago, stored today) is still reached directly.
 * Trade-off: a month is coarse. News volume (thousands a day) is far below one partition's
 * limit; should a single month ever run hot, the bucket can become a day (more Queries for
 * sparse feeds) or gain a shard suffix (scatter-gather reads). A bucket never has to be
 * rewritten: the format is in the key, and old buckets keep working.
 *
 * Size guard: DynamoDB refuses items over 400 KB (names + values, GSI copies are built from
 * the same item). The marshalled size is measured before writing; an oversized article is
 * stored with its JSON gzip-compressed in a binary attribute (bilingual prose compresses
 * 4-6x), and one that is still too big is refused with ItemTooLargeError naming the article.
 */
import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type AttributeValue,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Article, StoredArticle } from '../core/article.js';
import { sha256Hex } from '../core/ids.js';
import type {
  ArticleReader,
  ArticleWriter,
  Clock,
  FetchStateStore,
  HttpValidators,
  Page,
  SourceState,
  UpsertOutcome,
} from '../core/ports.js';
import {
  ConcurrentUpdateError,
  InvalidCursorError,
  ItemTooLargeError,
  SEEN_TTL_SECONDS,
  VALIDATORS_TTL_SECONDS,
  bucketOf,
  contentHashOf,
  decodeCursor,
  encodeCursor,
  epochSeconds,
  listKey,
  sortTimeOf,
  toStored,
} from './store-model.js';
import { systemClock } from './clock.js';

export const INDEX_BY_SOURCE = 'bySource';
export const INDEX_BY_TIME = 'byTime';
export const TTL_ATTRIBUTE = 'expiresAt';

/** DynamoDB's limit is 400 KB; 1 KB of headroom covers rounding in our size estimate. */
export const MAX_ITEM_BYTES = 400 * 1024 - 1024;

/** The table schema; the CDK stack must create exactly this (plus TTL on `expiresAt`). */
export function tableSchema(tableName: string): CreateTableCommandInput {
  const s = (AttributeName: string) => ({ AttributeName, AttributeType: 'S' as const });
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [s('pk'), s('sk'), s('gsi1pk'), s('gsi1sk'), s('gsi2pk'), s('gsi2sk')],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: INDEX_BY_SOURCE,
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: INDEX_BY_TIME,
        KeySchema: [
          { AttributeName: 'gsi2pk', KeyType: 'HASH' },
          { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

/**
 * Creates the table, waits until it is ACTIVE and turns TTL on. Stand-ins that do not know
 * TTL (dynalite) are tolerated: TTL is housekeeping, and the store never relies on items
 * actually disappearing (it checks `expiresAt` itself).
 */
export async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new CreateTableCommand(tableSchema(tableName)));
  // The waiter sleeps at least a second between checks; stand-ins are ACTIVE within
  // milliseconds, so look a few times first (it keeps test suites fast).
  for (let i = 0; i < 20; i++) {
    const d = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (d.Table?.TableStatus === 'ACTIVE') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    );
  } catch (err) {
    if (!(err instanceof Error && /UnknownOperation/i.test(err.name + err.message))) throw err;
  }
}

/** Size of an attribute value as DynamoDB counts it (close enough for a guard with headroom). */
function valueSize(v: AttributeValue): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S, 'utf8');
  if (v.N !== undefined) return Math.ceil(v.N.replace(/^-|\.|^0+/g, '').length / 2) + 1;
  if (v.B !== undefined) return v.B.byteLength;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
  if (v.L) return 3 + v.L.reduce((n, x) => n + 1 + valueSize(x), 0);
  if (v.M) return 3 + itemSize(v.M) + Object.keys(v.M).length;
  return 0;
}

/** Marshalled item size in bytes: attribute names plus values. */
export function itemSize(item: Record<string, AttributeValue>): number {
  let n = 0;
  for (const [name, v] of Object.entries(item)) n += Buffer.byteLength(name, 'utf8') + valueSize(v);
  return n;
}

const ARTICLE_SK = 'A';
const SOURCES_PK = 'SOURCES';
const META_KEY = { pk: { S: 'META' }, sk: { S: 'BUCKETS' } };

const articleKey = (id: string) => ({ pk: { S: `A#${id}` }, sk: { S: ARTICLE_SK } });
const urlKey = (url: string, sk: 'SEEN' | 'HTTP') => ({ pk: { S: `U#${sha256Hex(url)}` }, sk: { S: sk } });
const bucketPk = (bucket: string) => `T#${bucket}`;

export interface DynamoStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** For isSeen and getValidators' expiry checks (the port passes no time there); defaults to the system clock. */
  clock?: Clock;
}

interface CurrentVersion {
  version: number;
  contentHash: string;
  firstSeen: string;
  writeId: string;
}

export class DynamoStore implements ArticleReader, ArticleWriter, FetchStateStore {
  private readonly client: DynamoDBClient;
  private readonly table: string;
  private readonly clock: Clock;
  /** Buckets this instance knows exist; the set only ever grows, so a cached hit is always true. */
  private readonly knownBuckets = new Set<string>();

  constructor(opts: DynamoStoreOptions) {
    this.client = opts.client;
    this.table = opts.tableName;
    this.clock = opts.clock ?? systemClock;
  }

  // ---- ArticleWriter -------------------------------------------------------------------

  async upsert(article: Article, ctx: { sourceId: string; url: string; rawKey: string; now: Date }): Promise<UpsertOutcome> {
    const hash = contentHashOf(article);
    // Tags our Put, so that when a response is lost after the write landed (a 5xx or a
    // timeout, then the SDK's retry fails its condition) we recognise the item as ours.
    const writeId = randomUUID();
    let previous: CurrentVersion | undefined;
    let conflict: unknown;
    // Optimistic concurrency with one retry: on a lost race re-read (the winner's content
    // may be ours already) and write once more; a third read only looks, never writes.
    for (let attempt = 0; ; attempt++) {
      const current = await this.currentVersion(article.id);
      if (current && current.writeId === writeId) {
        if (!previous) await this.bumpArticleCount(ctx.sourceId);
        return previous ? 'updated' : 'created';
      }
      if (current && current.contentHash === hash) return 'unchanged';
      if (attempt >= 2) {
        throw new ConcurrentUpdateError(`article ${article.id}: another writer changed it concurrently, twice in a row`, { cause: conflict });
      }
      previous = current;

      const now = ctx.now.toISOString();
      const meta = {
        sourceId: ctx.sourceId,
        url: article.url ?? ctx.url,
        rawKey: ctx.rawKey,
        firstSeen: current?.firstSeen ?? now,
        updated: now,
        version: (current?.version ?? 0) + 1,
        contentHash: hash,
      };
      const sortTime = sortTimeOf(article.published, meta.firstSeen);
      const bucket = bucketOf(sortTime);
      const item = { ...this.articleItem(article, meta, sortTime, bucket), writeId: { S: writeId } };
      // Register the bucket before the article: a crash in between leaves an empty bucket
      // (harmless), never an article that the all-sources feed cannot reach.
      await this.ensureBucket(bucket);
      try {
        await this.client.send(
          new PutItemCommand({
            TableName: this.table,
            Item: item,
            ...(current
              ? {
                  ConditionExpression: '#v = :prev',
                  ExpressionAttributeNames: { '#v': 'version' },
                  ExpressionAttributeValues: { ':prev': { N: String(current.version) } },
                }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          }),
        );
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) {
          conflict = err;
          continue;
        }
        throw err;
      }
      if (!current) await this.bumpArticleCount(ctx.sourceId);
      return current ? 'updated' : 'created';
    }
  }

  private async currentVersion(id: string): Promise<CurrentVersion | undefined> {
    const out = await this.client.send(
      new GetItemCommand({
        TableName: this.table,
        Key: articleKey(id),
        ConsistentRead: true,
        ProjectionExpression: '#v, contentHash, firstSeen, writeId',
        ExpressionAttributeNames: { '#v': 'version' },
      }),
    );
    if (!out.Item) return undefined;
    const v = unmarshall(out.Item) as Partial<CurrentVersion>;
    return {
      version: Number(v.version ?? 0),
      contentHash: String(v.contentHash ?? ''),
      firstSeen: String(v.firstSeen ?? ''),
      writeId: String(v.writeId ?? ''),
    };
  }

  private articleItem(
    article: Article,
    meta: { sourceId: string; url: string; rawKey: string; firstSeen: string; updated: string; version: number; contentHash: string },
    sortTime: string,
    bucket: string,
  ): Record<string, AttributeValue> {
    const keyAndMeta: Record<string, AttributeValue> = {
      ...articleKey(article.id),
      ...marshall({ type: 'article', id: article.id, ...meta, sortTime }),
      gsi1pk: { S: `S#${meta.sourceId}` },
      gsi1sk: { S: listKey(sortTime, article.id) },
      gsi2pk: { S: bucketPk(bucket) },
      gsi2sk: { S: listKey(sortTime, article.id) },
    };
    const json = JSON.stringify(article);
    const plain = { ...keyAndMeta, doc: { S: json } };
    if (itemSize(plain) <= MAX_ITEM_BYTES) return plain;
    const packed = { ...keyAndMeta, docGz: { B: gzipSync(json) } };
    const size = itemSize(packed);
    if (size <= MAX_ITEM_BYTES) return packed;
    throw new ItemTooLargeError(
      `article ${article.id} (${meta.url}) is too large to store: ${itemSize(plain)} bytes, ${size} bytes gzip-compressed; DynamoDB's limit is 400 KB`,
    );
  }

  private async ensureBucket(bucket: string): Promise<void> {
    if (this.knownBuckets.has(bucket)) return;
    // ADD on a string set is idempotent, so racing writers need no condition.
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: META_KEY,
        UpdateExpression: 'ADD buckets :b',
        ExpressionAttributeValues: { ':b': { SS: [bucket] } },
      }),
    );
    this.knownBuckets.add(bucket);
  }

  /**
   * Counts created articles per source. Not in one transaction with the article's Put
   * (dynalite has no transactions): a crash between the two undercounts by one, which only
   * the index page's number shows.
   */
  private async bumpArticleCount(sourceId: string): Promise<void> {
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: { pk: { S: SOURCES_PK }, sk: { S: sourceId } },
        UpdateExpression: 'ADD articles :one',
        ExpressionAttributeValues: { ':one': { N: '1' } },
      }),
    );
  }

  // ---- ArticleReader -------------------------------------------------------------------

  async get(id: string): Promise<StoredArticle | undefined> {
    const out = await this.client.send(new GetItemCommand({ TableName: this.table, Key: articleKey(id) }));
    return out.Item ? fromItem(out.Item) : undefined;
  }

  async list(sourceId: string | undefined, opts: { limit: number; cursor?: string }): Promise<Page<StoredArticle>> {
    const limit = Math.max(1, Math.floor(opts.limit));
    return sourceId === undefined ? this.listAll(limit, opts.cursor) : this.listSource(sourceId, limit, opts.cursor);
  }

  private async listSource(sourceId: string, limit: number, cursor: string | undefined): Promise<Page<StoredArticle>> {
    const pk = `S#${sourceId}`;
    let start = cursor === undefined ? undefined : keyFromCursor(cursor, 'gsi1pk', pk);
    const items: StoredArticle[] = [];
    // Loops only when DynamoDB stops a page early at its 1 MB response cap.
    for (;;) {
      const out = await this.queryNewestFirst(INDEX_BY_SOURCE, 'gsi1pk', pk, limit - items.length, start);
      for (const it of out.Items ?? []) items.push(fromItem(it));
      start = out.LastEvaluatedKey;
      if (!start) return { items };
      if (items.length >= limit) return { items, next: encodeCursor(start) };
    }
  }

  private async listAll(limit: number, cursor: string | undefined): Promise<Page<StoredArticle>> {
    const buckets = (await this.bucketsNewestFirst()).map(bucketPk);
    let bucketIndex = 0;
    let start: Record<string, AttributeValue> | undefined;
    if (cursor !== undefined) {
      const key = keyFromCursor(cursor, 'gsi2pk');
      bucketIndex = buckets.indexOf(key.gsi2pk?.S ?? '');
      if (bucketIndex < 0) throw new InvalidCursorError(`cursor names an unknown time bucket`);
      // A cursor holding only the bucket means "start at the top of that bucket".
      start = key.gsi2sk ? key : undefined;
    }
    const items: StoredArticle[] = [];
    while (bucketIndex < buckets.length) {
      const pk = buckets[bucketIndex] as string;
      const out = await this.queryNewestFirst(INDEX_BY_TIME, 'gsi2pk', pk, limit - items.length, start);
      for (const it of out.Items ?? []) items.push(fromItem(it));
      start = out.LastEvaluatedKey;
      if (!start) bucketIndex++;
      if (items.length >= limit) {
        if (start) return { items, next: encodeCursor(start) };
        const nextBucket = buckets[bucketIndex];
        return nextBucket ? { items, next: encodeCursor({ gsi2pk: { S: nextBucket } }) } : { items };
      }
    }
    return { items };
  }

  /** One page of an index partition, newest first: the one Query shape both listings use. */
  private queryNewestFirst(index: string, pkAttr: 'gsi1pk' | 'gsi2pk', pk: string, limit: number, start: Record<string, AttributeValue> | undefined) {
    return this.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: index,
        KeyConditionExpression: `${pkAttr} = :pk`,
        ExpressionAttributeValues: { ':pk': { S: pk } },
        ScanIndexForward: false,
        Limit: limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
  }

  private async bucketsNewestFirst(): Promise<string[]> {
    const out = await this.client.send(new GetItemCommand({ TableName: this.table, Key: META_KEY }));
    const set = out.Item?.buckets?.SS ?? [];
    return [...set].sort().reverse();
  }

  async sourceStates(): Promise<SourceState[]> {
    const states: SourceState[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await this.client.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: SOURCES_PK } },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const it of out.Items ?? []) {
        const v = unmarshall(it) as Record<string, unknown>;
        const state: SourceState = { sourceId: String(v.sk) };
        if (typeof v.lastFetch === 'string') state.lastFetch = v.lastFetch;
        if (typeof v.lastError === 'string') state.lastError = v.lastError;
        if (typeof v.articles === 'number') state.articles = v.articles;
        if (typeof v.failures === 'number') state.failures = v.failures;
        states.push(state);
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return states;
  }

  // ---- FetchStateStore -----------------------------------------------------------------

  async isSeen(url: string): Promise<boolean> {
    const out = await this.client.send(
      new GetItemCommand({ TableName: this.table, Key: urlKey(url, 'SEEN'), ProjectionExpression: TTL_ATTRIBUTE }),
    );
    // TTL deletes lazily (up to days late), so an expired record counts as absent.
    const exp = out.Item?.[TTL_ATTRIBUTE]?.N;
    return exp !== undefined && Number(exp) > epochSeconds(this.clock.now());
  }

  async markSeen(url: string, sourceId: string, now: Date): Promise<boolean> {
    const nowS = epochSeconds(now);
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: {
            ...urlKey(url, 'SEEN'),
            ...marshall({ type: 'seen', url, sourceId, seenAt: now.toISOString(), [TTL_ATTRIBUTE]: nowS + SEEN_TTL_SECONDS }),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR #exp <= :now',
          ExpressionAttributeNames: { '#exp': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': { N: String(nowS) } },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async getValidators(url: string): Promise<HttpValidators | undefined> {
    const out = await this.client.send(new GetItemCommand({ TableName: this.table, Key: urlKey(url, 'HTTP') }));
    if (!out.Item) return undefined;
    const v = unmarshall(out.Item) as Record<string, unknown>;
    if (typeof v[TTL_ATTRIBUTE] === 'number' && (v[TTL_ATTRIBUTE] as number) <= epochSeconds(this.clock.now())) return undefined;
    const validators: HttpValidators = {};
    if (typeof v.etag === 'string') validators.etag = v.etag;
    if (typeof v.lastModified === 'string') validators.lastModified = v.lastModified;
    return validators;
  }

  async putValidators(url: string, validators: HttpValidators, now: Date): Promise<void> {
    await this.client.send(
      new PutItemCommand({
        TableName: this.table,
        Item: {
          ...urlKey(url, 'HTTP'),
          ...marshall(
            { type: 'validators', url, ...validators, [TTL_ATTRIBUTE]: epochSeconds(now) + VALIDATORS_TTL_SECONDS },
            { removeUndefinedValues: true },
          ),
        },
      }),
    );
  }

  async recordRun(sourceId: string, run: { at: string; fetched: number; skipped: number; failed: number; error?: string }): Promise<void> {
    const values: Record<string, AttributeValue> = {
      ':at': { S: run.at },
      ':fetched': { N: String(run.fetched) },
      ':skipped': { N: String(run.skipped) },
      ':failed': { N: String(run.failed) },
    };
    let expr = 'SET lastFetch = :at, lastFetched = :fetched, lastSkipped = :skipped, failures = :failed';
    if (run.error) {
      expr += ', lastError = :err';
      values[':err'] = { S: run.error };
    } else {
      expr += ' REMOVE lastError';
    }
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: { pk: { S: SOURCES_PK }, sk: { S: sourceId } },
        UpdateExpression: expr,
        ExpressionAttributeValues: values,
      }),
    );
  }
}

function fromItem(item: Record<string, AttributeValue>): StoredArticle {
  const { doc, docGz, writeId: _w, ...rest } = item;
  const json = doc?.S ?? (docGz?.B ? gunzipSync(docGz.B).toString('utf8') : undefined);
  if (json === undefined) throw new Error(`item ${item.pk?.S ?? '?'} has neither doc nor docGz`);
  const article = JSON.parse(json) as Article;
  const m = unmarshall(rest) as Record<string, unknown>;
  return toStored(article, {
    sourceId: String(m.sourceId),
    url: String(m.url),
    rawKey: String(m.rawKey),
    firstSeen: String(m.firstSeen),
    updated: String(m.updated),
    version: Number(m.version),
    contentHash: String(m.contentHash),
  });
}

/** Decodes a cursor into an ExclusiveStartKey, checking it belongs to this listing. */
function keyFromCursor(cursor: string, pkName: 'gsi1pk' | 'gsi2pk', expectedPk?: string): Record<string, AttributeValue> {
  const raw = decodeCursor(cursor);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InvalidCursorError('cursor is not a key object');
  const key: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const s = (v as { S?: unknown } | null)?.S;
    if (typeof s !== 'string' || !/^(pk|sk|gsi[12](pk|sk))$/.test(k)) throw new InvalidCursorError(`cursor attribute '${k}' is not a key`);
    key[k] = { S: s };
  }
  const pk = key[pkName]?.S;
  if (pk === undefined || (expectedPk !== undefined && pk !== expectedPk)) {
    throw new InvalidCursorError(`cursor does not belong to this listing`);
  }
  return key;
}
