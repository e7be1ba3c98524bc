/**
 * In-memory implementations of the storage ports, with the same observable semantics as
 * the AWS adapters (checked by the shared contract suite in test/storage): for unit tests
 * of other parts, benchmarks and the soak, anywhere a stand-in server would be overkill.
 * Test code only (it lives under test/, so no Lambda bundle can include it): nothing
 * persists, and one process sees one store.
 */
import { gzipSync } from 'node:zlib';
import type { Article, StoredArticle } from '../../lambdas/core/article.js';
import {
  InvalidCursorError,
  ItemTooLargeError,
  NotFoundError,
  type ArticleReader,
  type ArticleWriter,
  type BoilerplateStore,
  type Clock,
  type DatedRawStore,
  type FetchStateStore,
  type HttpValidators,
  type JobQueue,
  type Neighbours,
  type Page,
  type PageLines,
  type ParseJob,
  type RawEntry,
  type RawPage,
  type SourceState,
  type UpsertOutcome,
} from '../../lambdas/core/ports.js';
import {
  PAGE_LINES_READ_MAX,
  PAGE_LINES_TTL_SECONDS,
  SEEN_TTL_SECONDS,
  VALIDATORS_TTL_SECONDS,
  contentHashOf,
  decodeCursor,
  encodeCursor,
  epochSeconds,
  listKey,
  sortTimeOf,
  toStored,
} from '../../lambdas/adapters/store-model.js';
import { systemClock } from '../../lambdas/adapters/clock.js';

/** Same limit the DynamoDB store enforces (400 KB less headroom for the bookkeeping attributes). */
const MAX_ARTICLE_BYTES = 400 * 1024 - 2048;

interface Row {
  article: StoredArticle;
  key: string;
}

/**
 * Stored rows are frozen deep copies, handed out as they are: a caller cannot change the
 * store behind its back (a write to them throws), and reads cost no cloning — the load
 * benchmark measures the feed handler, not this fake.
 */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export class MemoryArticleStore implements ArticleReader, ArticleWriter, FetchStateStore, BoilerplateStore {
  private readonly rows = new Map<string, Row>();
  private sorted: Row[] | undefined;
  private readonly seen = new Map<string, number>();
  private readonly validators = new Map<string, { v: HttpValidators; exp: number }>();
  private readonly states = new Map<string, SourceState>();
  /** Per source, per page: its boilerplate lines and when the record expires (epoch seconds). */
  private readonly pageLineRecords = new Map<string, Map<string, { lines: string[]; exp: number }>>();

  constructor(private readonly clock: Clock = systemClock) {}

  async upsert(article: Article, ctx: { sourceId: string; url: string; rawKey: string; now: Date }): Promise<UpsertOutcome> {
    const hash = contentHashOf(article);
    const current = this.rows.get(article.id)?.article;
    if (current && current.contentHash === hash) return 'unchanged';
    const json = JSON.stringify(article);
    if (Buffer.byteLength(json) > MAX_ARTICLE_BYTES && gzipSync(json).byteLength > MAX_ARTICLE_BYTES) {
      throw new ItemTooLargeError(`article ${article.id} (${article.url ?? ctx.url}) is too large to store, even gzip-compressed; the limit is 400 KB`);
    }
    const now = ctx.now.toISOString();
    const stored = toStored(structuredClone(article), {
      sourceId: ctx.sourceId,
      url: article.url ?? ctx.url,
      rawKey: ctx.rawKey,
      firstSeen: current?.firstSeen ?? now,
      updated: now,
      version: (current?.version ?? 0) + 1,
      contentHash: hash,
    });
    this.rows.set(article.id, { article: deepFreeze(stored), key: listKey(sortTimeOf(article.published, stored.firstSeen), article.id) });
    this.sorted = undefined;
    if (!current) {
      const s = this.state(ctx.sourceId);
      s.articles = (s.articles ?? 0) + 1;
    }
    return current ? 'updated' : 'created';
  }

  /** The rows in listing order, sorted once per write rather than once per read. */
  private newestFirst(): readonly Row[] {
    return (this.sorted ??= [...this.rows.values()].sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0)));
  }

  async get(id: string): Promise<StoredArticle | undefined> {
    const row = this.rows.get(id);
    return row?.article;
  }

  async neighbours(article: StoredArticle): Promise<Neighbours> {
    const rows = this.newestFirst().filter((r) => r.article.sourceId === article.sourceId);
    const at = rows.findIndex((r) => r.article.id === article.id);
    // An article not (or no longer) in the store sits where its key would sort.
    const key = listKey(sortTimeOf(article.published, article.firstSeen), article.id);
    const newer = at >= 0 ? rows[at - 1] : [...rows].reverse().find((r) => r.key > key);
    const older = at >= 0 ? rows[at + 1] : rows.find((r) => r.key < key);
    return { ...(newer ? { newer: newer.article } : {}), ...(older ? { older: older.article } : {}) };
  }

  async list(sourceId: string | undefined, opts: { limit: number; cursor?: string }): Promise<Page<StoredArticle>> {
    const limit = Math.max(1, Math.floor(opts.limit));
    const scope = sourceId ?? '*';
    let after: string | undefined;
    if (opts.cursor !== undefined) {
      const c = decodeCursor(opts.cursor) as { s?: unknown; k?: unknown } | null;
      if (!c || c.s !== scope || typeof c.k !== 'string') throw new InvalidCursorError('cursor does not belong to this listing');
      after = c.k;
    }
    // Newest first, as the DynamoDB Query reads its index; one more row than asked tells
    // whether there is a next page.
    const items: Row[] = [];
    let more = false;
    for (const r of this.newestFirst()) {
      if (sourceId !== undefined && r.article.sourceId !== sourceId) continue;
      if (after !== undefined && r.key >= after) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(r);
    }
    const last = items[items.length - 1];
    const page: Page<StoredArticle> = { items: items.map((r) => r.article) };
    if (more && last) page.next = encodeCursor({ s: scope, k: last.key });
    return page;
  }

  async sourceStates(): Promise<SourceState[]> {
    return [...this.states.values()].map((s) => ({ ...s })).sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  }

  async isSeen(url: string): Promise<boolean> {
    return (this.seen.get(url) ?? 0) > epochSeconds(this.clock.now());
  }

  async markSeen(url: string, _sourceId: string, now: Date): Promise<boolean> {
    const nowS = epochSeconds(now);
    if ((this.seen.get(url) ?? 0) > nowS) return false;
    this.seen.set(url, nowS + SEEN_TTL_SECONDS);
    return true;
  }

  async getValidators(url: string): Promise<HttpValidators | undefined> {
    const v = this.validators.get(url);
    return v && v.exp > epochSeconds(this.clock.now()) ? { ...v.v } : undefined;
  }

  async putValidators(url: string, validators: HttpValidators, now: Date): Promise<void> {
    const v: HttpValidators = {};
    if (validators.etag !== undefined) v.etag = validators.etag;
    if (validators.lastModified !== undefined) v.lastModified = validators.lastModified;
    this.validators.set(url, { v, exp: epochSeconds(now) + VALIDATORS_TTL_SECONDS });
  }

  async recordRun(sourceId: string, run: { at: string; fetched: number; skipped: number; failed: number; error?: string }): Promise<void> {
    const s = this.state(sourceId);
    s.lastFetch = run.at;
    s.failures = run.failed;
    if (run.error) s.lastError = run.error;
    else delete s.lastError;
  }

  async pageLines(sourceId: string): Promise<PageLines[]> {
    const nowS = epochSeconds(this.clock.now());
    const records = this.pageLineRecords.get(sourceId);
    const out: PageLines[] = [];
    // In page-id order, as the table's sort key reads them; expired records count as absent.
    for (const pageId of [...(records?.keys() ?? [])].sort()) {
      const r = records!.get(pageId)!;
      if (r.exp > nowS) out.push({ pageId, lines: [...r.lines] });
      if (out.length === PAGE_LINES_READ_MAX) break;
    }
    return out;
  }

  async putPageLines(sourceId: string, pages: PageLines[], now: Date): Promise<void> {
    let records = this.pageLineRecords.get(sourceId);
    if (!records) this.pageLineRecords.set(sourceId, (records = new Map()));
    for (const p of pages) records.set(p.pageId, { lines: [...p.lines], exp: epochSeconds(now) + PAGE_LINES_TTL_SECONDS });
  }

  private state(sourceId: string): SourceState {
    let s = this.states.get(sourceId);
    if (!s) this.states.set(sourceId, (s = { sourceId }));
    return s;
  }
}

export class MemoryRawStore implements DatedRawStore {
  private readonly pages = new Map<string, RawPage>();
  /** Write order stands in for S3's LastModified (a clock here would add nothing but flakiness). */
  private readonly written = new Map<string, number>();
  private writes = 0;

  async put(key: string, page: RawPage): Promise<void> {
    this.pages.set(key, { ...page, bytes: new Uint8Array(page.bytes) });
    this.written.set(key, ++this.writes);
  }

  async get(key: string): Promise<RawPage> {
    const p = this.pages.get(key);
    if (!p) throw new NotFoundError(`raw page '${key}' does not exist`);
    return { ...p, bytes: new Uint8Array(p.bytes) };
  }

  async *list(prefix: string): AsyncIterable<string> {
    const keys = [...this.pages.keys()].filter((k) => k.startsWith(prefix)).sort();
    yield* keys;
  }

  async *listWithDates(prefix: string): AsyncIterable<RawEntry> {
    for await (const key of this.list(prefix)) yield { key, lastModified: new Date(this.written.get(key) ?? 0) };
  }
}

/** Collects sent jobs in order; `drain()` hands them over (like a receive + delete). */
export class MemoryJobQueue implements JobQueue {
  readonly sent: ParseJob[] = [];

  async send(jobs: ParseJob[]): Promise<void> {
    this.sent.push(...jobs.map((j) => ({ ...j })));
  }

  drain(): ParseJob[] {
    return this.sent.splice(0, this.sent.length);
  }
}
