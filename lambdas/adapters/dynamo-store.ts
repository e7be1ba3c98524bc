/**
 * DynamoDB single-table store: articles (ArticleReader + ArticleWriter), fetch state
 * (FetchStateStore) and what sources' pages taught of their boilerplate (BoilerplateStore)
 * in one on-demand table. The table, its indexes and how each item is
 * keyed are described once, in table-schema.ts; items are read and written as plain objects
 * through the SDK's DynamoDBDocumentClient (no hand-marshalled attribute values).
 *
 * An article item: its keys, bookkeeping attributes and `doc` (JSON of the parsed Article)
 * or `docGz` (gzip of it, binary) when big. Both indexes project ALL, so a feed page is one
 * Query with no follow-up reads.
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
import { randomInt, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type AttributeValue,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { setTimeout as delay } from 'node:timers/promises';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Article, StoredArticle } from '../core/article.js';
import { backoffDelay } from '../core/backoff.js';
import {
  ConcurrentUpdateError,
  InvalidCursorError,
  ItemTooLargeError,
  StoreError,
  type ArticleReader,
  type ArticleWriter,
  type BoilerplateStore,
  type Clock,
  type FetchStateStore,
  type HttpValidators,
  type Neighbours,
  type Page,
  type PageLines,
  type SourceState,
  type UpsertOutcome,
} from '../core/ports.js';
import {
  PAGE_LINES_READ_MAX,
  PAGE_LINES_TTL_SECONDS,
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
import { INDEXES, KEYS, TABLE, keyAttributes, type IndexSchema } from './table-schema.js';

/** DynamoDB's limit is 400 KB; 1 KB of headroom covers rounding in our size estimate. */
export const MAX_ITEM_BYTES = 400 * 1024 - 1024;

/** CreateTable input for the table described in table-schema.ts (the local stand-ins and the tests create it). */
export function tableSchema(tableName: string): CreateTableCommandInput {
  const keys = (pk: string, sk: string) => [
    { AttributeName: pk, KeyType: 'HASH' as const },
    { AttributeName: sk, KeyType: 'RANGE' as const },
  ];
  return {
    TableName: tableName,
    BillingMode: TABLE.billingMode,
    AttributeDefinitions: keyAttributes().map((AttributeName) => ({ AttributeName, AttributeType: TABLE.keyType })),
    KeySchema: keys(TABLE.partitionKey, TABLE.sortKey),
    GlobalSecondaryIndexes: INDEXES.map((i) => ({
      IndexName: i.name,
      KeySchema: keys(i.partitionKey, i.sortKey),
      Projection: { ProjectionType: i.projection },
    })),
  };
}

/**
 * Creates the table, waits until it is ACTIVE and turns TTL on. Stand-ins that do not know
 * TTL (dynalite) are tolerated: TTL is housekeeping, and the store never relies on items
 * actually disappearing (it checks the TTL attribute itself).
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
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
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

/**
 * How items are written: plain JS values, absent optional fields left out. A function, not a
 * shared object: the document client adds its own flags to the options it is given.
 */
const marshallOptions = () => ({ removeUndefinedValues: true });

/** `#pk`-style placeholders for the key attributes, so expressions follow table-schema.ts. */
const PK = '#pk';
const SK = '#sk';

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

type Item = Record<string, unknown>;

/** BatchWriteItem takes at most this many requests. */
const BATCH_WRITE_MAX = 25;
/** Tries of a batch whose items DynamoDB leaves unprocessed (throttling), with full-jitter backoff between. */
const BATCH_WRITE_TRIES = 6;
const BATCH_BACKOFF = { baseMs: 50, capMs: 2_000 };

export class DynamoStore implements ArticleReader, ArticleWriter, FetchStateStore, BoilerplateStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly clock: Clock;
  /** Buckets this instance knows exist; the set only ever grows, so a cached hit is always true. */
  private readonly knownBuckets = new Set<string>();

  constructor(opts: DynamoStoreOptions) {
    this.db = DynamoDBDocumentClient.from(opts.client, { marshallOptions: marshallOptions() });
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
      const item = { ...this.articleItem(article, meta, sortTime, bucket), writeId };
      // Register the bucket before the article: a crash in between leaves an empty bucket
      // (harmless), never an article that the all-sources feed cannot reach.
      await this.ensureBucket(bucket);
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: item,
            ...(current
              ? {
                  ConditionExpression: '#v = :prev',
                  ExpressionAttributeNames: { '#v': 'version' },
                  ExpressionAttributeValues: { ':prev': current.version },
                }
              : { ConditionExpression: `attribute_not_exists(${PK})`, ExpressionAttributeNames: { [PK]: TABLE.partitionKey } }),
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
    const out = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: KEYS.article(id),
        ConsistentRead: true,
        ProjectionExpression: '#v, contentHash, firstSeen, writeId',
        ExpressionAttributeNames: { '#v': 'version' },
      }),
    );
    if (!out.Item) return undefined;
    const v = out.Item as Partial<CurrentVersion>;
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
  ): Item {
    const { bySource, byTime } = TABLE.indexes;
    const keyAndMeta: Item = {
      ...KEYS.article(article.id),
      type: 'article',
      id: article.id,
      ...meta,
      sortTime,
      [bySource.partitionKey]: KEYS.bySourcePk(meta.sourceId),
      [bySource.sortKey]: listKey(sortTime, article.id),
      [byTime.partitionKey]: KEYS.byTimePk(bucket),
      [byTime.sortKey]: listKey(sortTime, article.id),
    };
    const json = JSON.stringify(article);
    const plain = { ...keyAndMeta, doc: json };
    const plainSize = sizeOf(plain);
    if (plainSize <= MAX_ITEM_BYTES) return plain;
    const packed = { ...keyAndMeta, docGz: gzipSync(json) };
    const size = sizeOf(packed);
    if (size <= MAX_ITEM_BYTES) return packed;
    throw new ItemTooLargeError(
      `article ${article.id} (${meta.url}) is too large to store: ${plainSize} bytes, ${size} bytes gzip-compressed; DynamoDB's limit is 400 KB`,
    );
  }

  private async ensureBucket(bucket: string): Promise<void> {
    if (this.knownBuckets.has(bucket)) return;
    // ADD on a string set is idempotent, so racing writers need no condition.
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: KEYS.buckets,
        UpdateExpression: 'ADD buckets :b',
        ExpressionAttributeValues: { ':b': new Set([bucket]) },
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
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: KEYS.source(sourceId),
        UpdateExpression: 'ADD articles :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  }

  // ---- ArticleReader -------------------------------------------------------------------

  async get(id: string): Promise<StoredArticle | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: KEYS.article(id) }));
    return out.Item ? fromItem(out.Item) : undefined;
  }

  async list(sourceId: string | undefined, opts: { limit: number; cursor?: string }): Promise<Page<StoredArticle>> {
    const limit = Math.max(1, Math.floor(opts.limit));
    return sourceId === undefined ? this.listAll(limit, opts.cursor) : this.listSource(sourceId, limit, opts.cursor);
  }

  async neighbours(article: StoredArticle): Promise<Neighbours> {
    const index = TABLE.indexes.bySource;
    const key = listKey(sortTimeOf(article.published, article.firstSeen), article.id);
    // Newest first is descending key order: the newer neighbour is the next key up, the older the next key down.
    const one = async (newer: boolean) => {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: index.name,
          KeyConditionExpression: `${PK} = :pk AND ${SK} ${newer ? '>' : '<'} :sk`,
          ExpressionAttributeNames: { [PK]: index.partitionKey, [SK]: index.sortKey },
          ExpressionAttributeValues: { ':pk': KEYS.bySourcePk(article.sourceId), ':sk': key },
          ScanIndexForward: newer,
          Limit: 1,
        }),
      );
      const item = out.Items?.[0];
      return item ? fromItem(item) : undefined;
    };
    const [newer, older] = await Promise.all([one(true), one(false)]);
    return { ...(newer ? { newer } : {}), ...(older ? { older } : {}) };
  }

  private async listSource(sourceId: string, limit: number, cursor: string | undefined): Promise<Page<StoredArticle>> {
    const index = TABLE.indexes.bySource;
    const pk = KEYS.bySourcePk(sourceId);
    let start = cursor === undefined ? undefined : keyFromCursor(cursor, index.partitionKey, pk);
    const items: StoredArticle[] = [];
    // Loops only when DynamoDB stops a page early at its 1 MB response cap.
    for (;;) {
      const out = await this.queryNewestFirst(index, pk, limit - items.length, start);
      for (const it of out.Items ?? []) items.push(fromItem(it));
      start = out.LastEvaluatedKey;
      if (!start) return { items };
      if (items.length >= limit) return { items, next: cursorOf(start) };
    }
  }

  private async listAll(limit: number, cursor: string | undefined): Promise<Page<StoredArticle>> {
    const index = TABLE.indexes.byTime;
    const buckets = (await this.bucketsNewestFirst()).map(KEYS.byTimePk);
    let bucketIndex = 0;
    let start: Item | undefined;
    if (cursor !== undefined) {
      const key = keyFromCursor(cursor, index.partitionKey);
      bucketIndex = buckets.indexOf(String(key[index.partitionKey]));
      if (bucketIndex < 0) throw new InvalidCursorError(`cursor names an unknown time bucket`);
      // A cursor holding only the bucket means "start at the top of that bucket".
      start = key[index.sortKey] !== undefined ? key : undefined;
    }
    const items: StoredArticle[] = [];
    while (bucketIndex < buckets.length) {
      const pk = buckets[bucketIndex] as string;
      const out = await this.queryNewestFirst(index, pk, limit - items.length, start);
      for (const it of out.Items ?? []) items.push(fromItem(it));
      start = out.LastEvaluatedKey;
      if (!start) bucketIndex++;
      if (items.length >= limit) {
        if (start) return { items, next: cursorOf(start) };
        const nextBucket = buckets[bucketIndex];
        return nextBucket ? { items, next: cursorOf({ [index.partitionKey]: nextBucket }) } : { items };
      }
    }
    return { items };
  }

  /** One page of an index partition, newest first: the one Query shape both listings use. */
  private queryNewestFirst(index: IndexSchema, pk: string, limit: number, start: Item | undefined) {
    return this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: index.name,
        KeyConditionExpression: `${PK} = :pk`,
        ExpressionAttributeNames: { [PK]: index.partitionKey },
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
  }

  private async bucketsNewestFirst(): Promise<string[]> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: KEYS.buckets }));
    const set = out.Item?.buckets as Set<string> | undefined;
    return [...(set ?? [])].sort().reverse();
  }

  async sourceStates(): Promise<SourceState[]> {
    const states: SourceState[] = [];
    let start: Item | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: `${PK} = :pk`,
          ExpressionAttributeNames: { [PK]: TABLE.partitionKey },
          ExpressionAttributeValues: { ':pk': KEYS.sourcesPk },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const v of out.Items ?? []) {
        const state: SourceState = { sourceId: String(v[TABLE.sortKey]) };
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

  // ---- BoilerplateStore ----------------------------------------------------------------

  async pageLines(sourceId: string): Promise<PageLines[]> {
    const nowS = epochSeconds(this.clock.now());
    const out: PageLines[] = [];
    let start: Item | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: `${PK} = :pk AND begins_with(${SK}, :prefix)`,
          // LINES is a reserved word, so every attribute goes through a placeholder.
          ExpressionAttributeNames: { [PK]: TABLE.partitionKey, [SK]: TABLE.sortKey, '#exp': TABLE.ttlAttribute, '#page': 'pageId', '#lines': 'lines' },
          ExpressionAttributeValues: { ':pk': KEYS.sourceItemsPk(sourceId), ':prefix': KEYS.pageLinesPrefix },
          ProjectionExpression: '#page, #lines, #exp',
          Limit: PAGE_LINES_READ_MAX - out.length,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const it of page.Items ?? []) {
        // TTL deletes lazily (up to days late), so an expired record counts as absent.
        const exp = it[TABLE.ttlAttribute];
        if (typeof exp === 'number' && exp <= nowS) continue;
        out.push({ pageId: String(it.pageId), lines: Array.isArray(it.lines) ? it.lines.map(String) : [] });
      }
      start = page.LastEvaluatedKey;
    } while (start && out.length < PAGE_LINES_READ_MAX);
    return out;
  }

  async putPageLines(sourceId: string, pages: PageLines[], now: Date): Promise<void> {
    const expiresAt = epochSeconds(now) + PAGE_LINES_TTL_SECONDS;
    // A batch may not name one key twice: a page's last record wins.
    const byPage = new Map(pages.map((p) => [p.pageId, p]));
    const requests = [...byPage.values()].map((p) => ({
      PutRequest: {
        Item: { ...KEYS.pageLines(sourceId, p.pageId), type: 'pagelines', sourceId, pageId: p.pageId, lines: [...p.lines], at: now.toISOString(), [TABLE.ttlAttribute]: expiresAt },
      },
    }));
    for (let i = 0; i < requests.length; i += BATCH_WRITE_MAX) {
      let batch = requests.slice(i, i + BATCH_WRITE_MAX);
      for (let attempt = 0; batch.length > 0; attempt++) {
        if (attempt === BATCH_WRITE_TRIES) {
          throw new StoreError(`${batch.length} boilerplate page record(s) of source ${sourceId} not written: DynamoDB left them unprocessed ${attempt} times`);
        }
        if (attempt > 0) await delay(backoffDelay(attempt - 1, randomInt(1 << 30) / (1 << 30), BATCH_BACKOFF));
        const out = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: batch } }));
        batch = (out.UnprocessedItems?.[this.table] ?? []) as typeof batch;
      }
    }
  }

  // ---- FetchStateStore -----------------------------------------------------------------

  async isSeen(url: string): Promise<boolean> {
    const out = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: KEYS.seenUrl(url),
        ProjectionExpression: '#exp',
        ExpressionAttributeNames: { '#exp': TABLE.ttlAttribute },
      }),
    );
    // TTL deletes lazily (up to days late), so an expired record counts as absent.
    const exp = out.Item?.[TABLE.ttlAttribute];
    return typeof exp === 'number' && exp > epochSeconds(this.clock.now());
  }

  async markSeen(url: string, sourceId: string, now: Date): Promise<boolean> {
    const nowS = epochSeconds(now);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...KEYS.seenUrl(url), type: 'seen', url, sourceId, seenAt: now.toISOString(), [TABLE.ttlAttribute]: nowS + SEEN_TTL_SECONDS },
          ConditionExpression: `attribute_not_exists(${PK}) OR #exp <= :now`,
          ExpressionAttributeNames: { [PK]: TABLE.partitionKey, '#exp': TABLE.ttlAttribute },
          ExpressionAttributeValues: { ':now': nowS },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async getValidators(url: string): Promise<HttpValidators | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: KEYS.urlValidators(url) }));
    const v = out.Item;
    if (!v) return undefined;
    const exp = v[TABLE.ttlAttribute];
    if (typeof exp === 'number' && exp <= epochSeconds(this.clock.now())) return undefined;
    const validators: HttpValidators = {};
    if (typeof v.etag === 'string') validators.etag = v.etag;
    if (typeof v.lastModified === 'string') validators.lastModified = v.lastModified;
    return validators;
  }

  async putValidators(url: string, validators: HttpValidators, now: Date): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...KEYS.urlValidators(url), type: 'validators', url, ...validators, [TABLE.ttlAttribute]: epochSeconds(now) + VALIDATORS_TTL_SECONDS },
      }),
    );
  }

  async recordRun(sourceId: string, run: { at: string; fetched: number; skipped: number; failed: number; error?: string }): Promise<void> {
    const values: Item = { ':at': run.at, ':fetched': run.fetched, ':skipped': run.skipped, ':failed': run.failed };
    let expr = 'SET lastFetch = :at, lastFetched = :fetched, lastSkipped = :skipped, failures = :failed';
    if (run.error) {
      expr += ', lastError = :err';
      values[':err'] = run.error;
    } else {
      expr += ' REMOVE lastError';
    }
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: KEYS.source(sourceId),
        UpdateExpression: expr,
        ExpressionAttributeValues: values,
      }),
    );
  }
}

/** The item's size as DynamoDB will count it. */
function sizeOf(item: Item): number {
  return itemSize(marshall(item, marshallOptions()));
}

function fromItem(item: Item): StoredArticle {
  const { doc, docGz } = item;
  const json = typeof doc === 'string' ? doc : docGz instanceof Uint8Array ? gunzipSync(docGz).toString('utf8') : undefined;
  if (json === undefined) throw new Error(`item ${String(item[TABLE.partitionKey] ?? '?')} has neither doc nor docGz`);
  const article = JSON.parse(json) as Article;
  return toStored(article, {
    sourceId: String(item.sourceId),
    url: String(item.url),
    rawKey: String(item.rawKey),
    firstSeen: String(item.firstSeen),
    updated: String(item.updated),
    version: Number(item.version),
    contentHash: String(item.contentHash),
  });
}

/**
 * A paging cursor is the Query's LastEvaluatedKey in DynamoDB's attribute-value form
 * (`{"pk":{"S":…},…}`), base64url: the form cursors have always had, so links handed out
 * before stay valid.
 */
function cursorOf(key: Item): string {
  return encodeCursor(marshall(key, marshallOptions()));
}

const KEY_ATTRIBUTES = new Set(keyAttributes());

/** Decodes a cursor into an ExclusiveStartKey, checking it belongs to this listing. */
function keyFromCursor(cursor: string, pkName: string, expectedPk?: string): Item {
  const raw = decodeCursor(cursor);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InvalidCursorError('cursor is not a key object');
  const key: Item = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const s = (v as { S?: unknown } | null)?.S;
    if (typeof s !== 'string' || !KEY_ATTRIBUTES.has(k)) throw new InvalidCursorError(`cursor attribute '${k}' is not a key`);
    key[k] = s;
  }
  const pk = key[pkName];
  if (pk === undefined || (expectedPk !== undefined && pk !== expectedPk)) {
    throw new InvalidCursorError(`cursor does not belong to this listing`);
  }
  return key;
}
