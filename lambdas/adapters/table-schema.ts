/**
 * The DynamoDB table, described once: key names, the two indexes with their keys and
 * projections, the TTL attribute, and how each kind of item is keyed. The DynamoDB store
 * reads and writes by it, the local stand-ins create the table from it (tableSchema in
 * dynamo-store.ts), and the CDK stack declares the table from it; test/cdk/stack.test.ts
 * fails when the synthesized table and this description differ in either direction.
 *
 * Plain data, no SDK import: lib/ (the CDK app) imports it too.
 *
 * Items (pk / sk):
 *   A#<articleId>   / A              the article (see dynamo-store.ts)
 *   U#<sha256(url)> / SEEN           URL handed to the parse queue            (TTL expiresAt)
 *   U#<sha256(url)> / HTTP           ETag / Last-Modified for conditional GET (TTL expiresAt)
 *   SOURCES         / <sourceId>     per-source counters and last fetch run
 *   META            / BUCKETS        string set of the time buckets that hold articles
 *   S#<sourceId>    / BP#<pageId>    one page's boilerplate lines (fingerprints)  (TTL expiresAt)
 * Index keys of an article:
 *   bySource  gsi1pk = S#<sourceId>   gsi1sk = <sortTime>#<id>   one source, newest first
 *   byTime    gsi2pk = T#<YYYY-MM>    gsi2sk = <sortTime>#<id>   all sources, newest first
 */
import { sha256Hex } from '../core/ids.js';

export interface IndexSchema {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** ALL: a feed page is one Query with no follow-up reads (README, cost model). */
  readonly projection: 'ALL';
}

export const TABLE = {
  /** The table's name on the local stand-ins (in AWS, CloudFormation names it). */
  localName: 'duofeed',
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Every key attribute is a string. */
  keyType: 'S',
  billingMode: 'PAY_PER_REQUEST',
  /** Epoch seconds; DynamoDB deletes the item some time after. */
  ttlAttribute: 'expiresAt',
  indexes: {
    bySource: { name: 'bySource', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    byTime: { name: 'byTime', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'ALL' },
  },
} as const satisfies {
  localName: string;
  partitionKey: string;
  sortKey: string;
  keyType: 'S';
  billingMode: 'PAY_PER_REQUEST';
  ttlAttribute: string;
  indexes: Record<string, IndexSchema>;
};

/** The indexes in a fixed order (as declared). */
export const INDEXES: readonly IndexSchema[] = Object.values(TABLE.indexes);

/** Every attribute used in a key of the table or an index. */
export function keyAttributes(): string[] {
  return [TABLE.partitionKey, TABLE.sortKey, ...INDEXES.flatMap((i) => [i.partitionKey, i.sortKey])];
}

export interface ItemKey {
  pk: string;
  sk: string;
}

/** How each kind of item is keyed (the layout above). */
export const KEYS = {
  article: (id: string): ItemKey => ({ pk: `A#${id}`, sk: 'A' }),
  seenUrl: (url: string): ItemKey => ({ pk: `U#${sha256Hex(url)}`, sk: 'SEEN' }),
  urlValidators: (url: string): ItemKey => ({ pk: `U#${sha256Hex(url)}`, sk: 'HTTP' }),
  sourcesPk: 'SOURCES',
  source: (sourceId: string): ItemKey => ({ pk: 'SOURCES', sk: sourceId }),
  buckets: { pk: 'META', sk: 'BUCKETS' } as ItemKey,
  /** A source's own partition (its pages' boilerplate lines; no index key, so no feed sees them). */
  sourceItemsPk: (sourceId: string) => `S#${sourceId}`,
  pageLinesPrefix: 'BP#',
  pageLines: (sourceId: string, pageId: string): ItemKey => ({ pk: `S#${sourceId}`, sk: `BP#${pageId}` }),
  /** bySource partition of a source. */
  bySourcePk: (sourceId: string) => `S#${sourceId}`,
  /** byTime partition of a time bucket (YYYY-MM). */
  byTimePk: (bucket: string) => `T#${bucket}`,
} as const;
