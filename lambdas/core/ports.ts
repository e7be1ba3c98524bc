/**
 * Ports: the small interfaces the core and the handlers receive as arguments, with the
 * errors they promise to throw. Implementations live in lambdas/adapters (DynamoDB, S3, SQS,
 * HTTP); in-memory ones for tests live in test/support/memory.ts. Nothing here imports the
 * AWS SDK.
 */
import type { Article, StoredArticle } from './article.js';

/** What a storage port throws when it refuses; the subclasses say why. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** RawStore.get on a key that does not exist. */
export class NotFoundError extends StoreError {
  override name = 'NotFoundError';
}

/** ArticleWriter.upsert: the article cannot be stored even compressed (DynamoDB's 400 KB item limit). */
export class ItemTooLargeError extends StoreError {
  override name = 'ItemTooLargeError';
}

/** ArticleWriter.upsert: two writers changed the same article at once and the retry lost again. */
export class ConcurrentUpdateError extends StoreError {
  override name = 'ConcurrentUpdateError';
}

/** ArticleReader.list: a paging cursor that this store did not issue (or that belongs to another listing). */
export class InvalidCursorError extends StoreError {
  override name = 'InvalidCursorError';
}

/** Structured log sink: one record per event, with fields (CloudWatch Logs Insights reads them). */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * What the fetch and parse sides report as they go, as typed values: the local run prints its
 * progress from these, never from log text, so rewording a log line cannot silence it.
 * In AWS nobody listens (the log lines carry the same facts for CloudWatch).
 */
export type PipelineEvent =
  /** An article page was stored raw and its parse job enqueued. */
  | { type: 'article-fetched'; sourceId: string; url: string; rawKey: string; bytes: number }
  /** A start page or an article page could not be fetched or handed on. */
  | { type: 'fetch-failed'; sourceId: string; url: string; error: string; startPage: boolean }
  /** A parse job finished: its article created, updated or unchanged. */
  | { type: 'record-done'; messageId: string; outcome: UpsertOutcome; id: string; url: string }
  /** A parse job failed on this receive (it is retried, or dead-lettered: `action` says which). */
  | { type: 'record-failed'; messageId: string; reason: string; url?: string; action: 'dead-lettered' | 'retry' | 'left to the redrive policy' };

export type PipelineEvents = (event: PipelineEvent) => void;

/** The only way code outside adapters learns the time. */
export interface Clock {
  now(): Date;
}

/** A raw page as fetched: bytes untouched, with what HTTP said about them. */
export interface RawPage {
  bytes: Uint8Array;
  /** The Content-Type header, if any (may carry the charset). */
  contentType?: string;
  url?: string;
}

/** Raw page archive (S3 in AWS): raw/<sourceId>/<articleId>/<sha256>.html */
export interface RawStore {
  put(key: string, page: RawPage): Promise<void>;
  /** Throws NotFoundError when the key does not exist. */
  get(key: string): Promise<RawPage>;
  /** Every key under the prefix, in key order (for `duofeed reprocess`). */
  list(prefix: string): AsyncIterable<string>;
}

/** A raw page's key and, where the store knows it, when it was written. */
export interface RawEntry {
  key: string;
  lastModified?: Date;
}

/** A RawStore that can also say when each page was written (S3's LastModified), so a replay takes the newest. */
export interface DatedRawStore extends RawStore {
  listWithDates(prefix: string): AsyncIterable<RawEntry>;
}

/** The message the fetch side sends the parse side (SQS body, JSON). */
export interface ParseJob {
  sourceId: string;
  url: string;
  rawKey: string;
  /** RFC 3339 UTC. */
  fetchedAt: string;
}

export interface JobQueue {
  send(jobs: ParseJob[]): Promise<void>;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next (older) page; absent on the last page. */
  next?: string;
}

/** The read side the feed handler needs: one Query per call. */
export interface ArticleReader {
  /**
   * Newest first (by published, else firstSeen). sourceId undefined = all sources.
   * A cursor this reader did not issue for this listing is refused with InvalidCursorError.
   */
  list(sourceId: string | undefined, opts: { limit: number; cursor?: string }): Promise<Page<StoredArticle>>;
  get(id: string): Promise<StoredArticle | undefined>;
  /**
   * The articles beside `article` in its source's listing (the order of `list`): `newer` comes
   * just before it, `older` just after; absent at either end. One Query each way.
   */
  neighbours(article: StoredArticle): Promise<Neighbours>;
  /** Per-source state for the index page. */
  sourceStates(): Promise<SourceState[]>;
}

export interface Neighbours {
  newer?: StoredArticle;
  older?: StoredArticle;
}

/** The write side the parse handler needs. */
export interface ArticleWriter {
  /**
   * Idempotent upsert keyed by article.id: same contentHash → 'unchanged' (no write);
   * new content → same id, version + 1, new `updated`. Refuses with ItemTooLargeError or
   * ConcurrentUpdateError (both StoreErrors).
   */
  upsert(article: Article, ctx: { sourceId: string; url: string; rawKey: string; now: Date }): Promise<UpsertOutcome>;
}

export interface SourceState {
  sourceId: string;
  /** RFC 3339 UTC of the last fetch run that reached this source. */
  lastFetch?: string;
  lastError?: string;
  articles?: number;
  failures?: number;
}

/** HTTP validators remembered per URL for conditional GET. */
export interface HttpValidators {
  etag?: string;
  lastModified?: string;
}

/** One GET as the fetch side asks for it; the HTTP adapter adds its own policy (timeouts, retries, SSRF guard, user agent). */
export interface PageRequest {
  /** Only for local sample sources: the SSRF guard lets private and loopback addresses through. */
  allowPrivateNetwork?: boolean;
  /** Sent as If-None-Match / If-Modified-Since; a 304 answer comes back with empty bytes. */
  validators?: HttpValidators;
  /** Cap on the body, compressed and decompressed alike (the adapter's default otherwise). */
  maxBytes?: number;
}

export interface FetchedPage {
  status: number;
  /** The final URL, after redirects. */
  url: string;
  bytes: Uint8Array;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

/**
 * Outbound HTTP (node:http in AWS and locally). Resolves for 2xx and 304; anything else
 * rejects with an error naming the URL and the reason, with `status` for an HTTP status.
 */
export type PageFetcher = (url: string, request?: PageRequest) => Promise<FetchedPage>;

/** What the fetch side remembers between runs (DynamoDB items with TTL in AWS). */
export interface FetchStateStore {
  /** True when the URL has already been handed to the parse queue. */
  isSeen(url: string): Promise<boolean>;
  /**
   * Records the URL as handed to the parse queue: a conditional write on the URL's hash.
   * Returns false when another run recorded it first. Call it only after the raw page is
   * stored and the job enqueued, so a crash in between refetches rather than loses it.
   */
  markSeen(url: string, sourceId: string, now: Date): Promise<boolean>;
  getValidators(url: string): Promise<HttpValidators | undefined>;
  putValidators(url: string, validators: HttpValidators, now: Date): Promise<void>;
  /** Records one fetch run's outcome for a source (shown on the feeds index page). */
  recordRun(sourceId: string, run: { at: string; fetched: number; skipped: number; failed: number; error?: string }): Promise<void>;
}

/**
 * One page's lines as boilerplate learning keeps them (core/parse/boilerplate.ts): the
 * fingerprints of the lines the parser would read as body text.
 */
export interface PageLines {
  /** The page's article folder id (articleIdFor of its fetched URL, as in its raw key): one record per article. */
  pageId: string;
  lines: string[];
}

/**
 * What a source's pages taught about its boilerplate, kept beside its articles (the table in
 * AWS). The parse side counts lines across these records itself; the store only keeps them.
 */
export interface BoilerplateStore {
  /**
   * The source's page records still kept (not expired), in no particular order, at most
   * PAGE_LINES_READ_MAX of them (store-model.ts): one Query.
   */
  pageLines(sourceId: string): Promise<PageLines[]>;
  /**
   * Stores page records, each replacing that page's earlier one (so a page parsed again,
   * redelivered or revised, still counts once); each expires PAGE_LINES_TTL_SECONDS after
   * `now`. Written in batches; throws a StoreError when some could not be written.
   */
  putPageLines(sourceId: string, pages: PageLines[], now: Date): Promise<void>;
}

/** Why a parse message was given up on; travels with the message to the dead-letter queue. */
export interface DeadLetterFailure {
  /** What went wrong, for a person (the same text as the log line). */
  reason: string;
  /** Receives of the message so far, this one included. */
  receives: number;
  /** The message's id on the parse queue (to find its log lines). */
  messageId: string;
  /** RFC 3339 UTC. */
  failedAt: string;
}

/** The parse queue's dead-letter queue, written to by the parse handler itself. */
export interface DeadLetters {
  /** Sends `body` unchanged (so a redrive replays it) with the failure alongside. */
  send(body: string, failure: DeadLetterFailure): Promise<void>;
}
