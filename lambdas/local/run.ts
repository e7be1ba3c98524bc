/**
 * The main job on embedded stand-ins: the same handlers as in AWS (fetch → S3 + SQS →
 * parse → DynamoDB → feed), wired to dynalite and fauxqs in this process, over the sample
 * sources served from samples/ on loopback.
 *
 * What persists in the data folder, and why that is enough for "kill -9 loses nothing":
 *   dynamo/   dynalite's LevelDB: articles, seen URLs, HTTP validators, run records
 *   raw/      a mirror of every raw page put to S3 (fauxqs keeps S3 in memory only)
 *   pending/  parse jobs sent but not yet finished (fauxqs keeps SQS in memory only)
 *   cursor-key the feed's key for signing paging cursors (next links stay valid across runs)
 *   lock      the pid and command using the folder now (lock.ts: one command at a time)
 * On start, raw pages go back into the bucket and pending jobs back onto the queue, plus any
 * raw page whose article is missing; the idempotent upsert absorbs the overlap.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { DeadLetters, Logger, ParseJob } from '../core/ports.js';
import type { Source } from '../core/sources.js';
import { MIN_CURSOR_KEY_LENGTH } from '../core/feed/cursor.js';
import { fetchPage } from '../adapters/http-fetcher.js';
import { systemClock } from '../adapters/clock.js';
import { jsonLogger } from '../adapters/logger.js';
import { DynamoStore } from '../adapters/dynamo-store.js';
import { TABLE as TABLE_SCHEMA } from '../adapters/table-schema.js';
import { S3RawStore } from '../adapters/s3-raw-store.js';
import { SqsJobQueue } from '../adapters/sqs-queue.js';
import { SqsDeadLetters } from '../adapters/sqs-dead-letters.js';
import { loadSources, withBaseUrl } from '../fetch/config.js';
import { makeFetchHandler } from '../fetch/handler.js';
import type { SourceRunResult } from '../fetch/ingest.js';
import { makeParseHandler } from '../parse/handler.js';
import { drainQueue } from './drain.js';
import { JobLedger, LedgeredJobQueue } from './ledger.js';
import { MirroredRawStore } from './raw-mirror.js';
import { ensureTable, startLocalDynamo, startLocalS3Sqs, type LocalDynamo, type LocalS3Sqs } from './standins.js';
import { serveStatic, type StaticServer } from './static-server.js';
import { routeSampleSite, SAMPLE_SITE } from './sample-site.js';

export { routeSampleSite, SAMPLE_SITE };
import { DataFolderInUseError, lockDataFolder, lockHolder, type DataFolderLock } from './lock.js';

/** The table's local name comes with its schema (adapters/table-schema.ts). */
export const TABLE = TABLE_SCHEMA.localName;
export const BUCKET = 'duofeed-raw';
export const QUEUE = 'duofeed-parse';
const MARKER = '.duofeed-data';

export interface LocalOptions {
  dataDir: string;
  samplesDir: string;
  sourcesFile: string;
  fresh: boolean;
  /** Human progress lines. */
  out: (line: string) => void;
  /** Pacing override for the sample sources (ms between requests); lets tests slow a run down. */
  paceMs?: number;
  /**
   * Port the sample site is served on (127.0.0.1); default 0, any free port. Whatever it is,
   * the pipeline names the site SAMPLE_SITE, so sample URLs and article ids never depend on it.
   */
  samplesPort?: number;
  /** The address the sample site goes by in URLs and ids; default SAMPLE_SITE. */
  sampleSite?: string;
  /** Where the handlers' structured log goes; default the data folder's duofeed.log. */
  log?: Logger;
}

export interface IngestSummary {
  sources: SourceRunResult[];
  restoredRaw: number;
  requeued: number;
  fetched: number;
  parsed: { created: number; updated: number; unchanged: number; failed: number };
  /** Stored articles; rawKey's folder names the fetched URL's id, whatever id the parser chose. */
  articles: { id: string; url: string; sourceId: string; rawKey: string }[];
  /** The sample site's address in URLs and ids (SAMPLE_SITE unless told), whatever port served it. */
  samplesUrl: string;
  /** Where the samples were served in this run. */
  samplesServedAt: string;
  /**
   * Wall-clock milliseconds, unrounded (fractions of a millisecond kept): `startMs` from the
   * call to the stand-ins being up and reconciled, `fetchMs` the fetch handler's run,
   * `parseMs` draining the queue through the parse handler, `totalMs` the whole ingest.
   */
  durations: { startMs: number; fetchMs: number; parseMs: number; totalMs: number };
}

export interface LocalStack {
  store: DynamoStore;
  sources: Source[];
  /** The feed function's cursor-signing key (kept in the data folder). */
  cursorKey: string;
  samples: StaticServer;
  summary: IngestSummary;
  close(): Promise<void>;
}

class LocalStateError extends Error {
  override name = 'LocalStateError';
}

/** Takes the data folder for this run (wiping it first with --fresh), holding its lock. */
function prepareDataDir(dir: string, fresh: boolean, shownAs: string): DataFolderLock {
  // Never wipe (or open) a folder another command is using.
  const holder = existsSync(dir) ? lockHolder(dir) : undefined;
  if (holder) throw new DataFolderInUseError(shownAs, holder);
  if (fresh && existsSync(dir)) {
    // Only ever wipe a folder this command created: --data could point anywhere.
    if (!existsSync(join(dir, MARKER))) throw new LocalStateError(`--fresh: refusing to delete ${dir}, which has no ${MARKER} marker (not a duofeed data folder)`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'duofeed local data; safe to delete (same as npm start -- --fresh)\n');
  return lockDataFolder(dir, 'start', shownAs);
}


/** This data folder's cursor-signing key for the feed: made on first use, then kept (owner-only). */
function cursorKeyOf(dir: string): string {
  const file = join(dir, 'cursor-key');
  const kept = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (kept.length >= MIN_CURSOR_KEY_LENGTH) return kept;
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

async function startSamples(opts: LocalOptions): Promise<StaticServer> {
  const port = opts.samplesPort ?? 0;
  try {
    return await serveStatic(opts.samplesDir, port);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new LocalStateError(`port ${port} for the sample site is in use (is another duofeed start running?); set SAMPLES_PORT=0 to serve the samples on any free port (article ids do not change)`);
    }
    throw err;
  }
}

async function countArticles(store: DynamoStore): Promise<IngestSummary['articles']> {
  const out: IngestSummary['articles'] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(undefined, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const a of page.items) out.push({ id: a.id, url: a.url, sourceId: a.sourceId, rawKey: a.rawKey });
    cursor = page.next;
  } while (cursor);
  return out;
}

export async function startLocal(opts: LocalOptions): Promise<LocalStack> {
  const t0 = performance.now();
  const out = opts.out;
  const dataDir = resolve(opts.dataDir);
  const lock = prepareDataDir(dataDir, opts.fresh, opts.dataDir);
  // Released last, after the stand-ins have closed the database.
  const closers: Array<() => Promise<void>> = [async () => lock.release()];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    closers.length = 0;
  };
  try {
    const sourcesText = readFileSync(opts.sourcesFile, 'utf8');
    const samples = await startSamples({ ...opts, dataDir });
    closers.push(() => samples.close());
    const site = opts.sampleSite ?? SAMPLE_SITE;
    let sources = loadSources(withBaseUrl(sourcesText, site), opts.sourcesFile);
    if (opts.paceMs !== undefined) sources = sources.map((s) => ({ ...s, minDelayMs: opts.paceMs as number }));

    const dynamo: LocalDynamo = await startLocalDynamo(join(dataDir, 'dynamo'));
    closers.push(() => dynamo.stop());
    await ensureTable(dynamo.client, TABLE);
    const aws: LocalS3Sqs = await startLocalS3Sqs({ bucket: BUCKET, queue: QUEUE, maxReceiveCount: 3 });
    closers.push(() => aws.stop());
    out(`stand-ins  DynamoDB: dynalite ${dynamo.endpoint} (data in ${join(opts.dataDir, 'dynamo')}) · S3+SQS: fauxqs ${aws.endpoint}`);
    const named = samples.url === site ? '' : ` (named ${site} in URLs and ids)`;
    out(`samples    ${samples.url}/ serving ${opts.samplesDir}${named} · sources: ${sources.map((s) => s.id).join(', ')}`);

    const store = new DynamoStore({ client: dynamo.client, tableName: TABLE, clock: systemClock });
    const raw = new MirroredRawStore(new S3RawStore({ client: aws.s3, bucket: aws.bucket }), join(dataDir, 'raw'));
    const ledger = new JobLedger(join(dataDir, 'pending'));
    const sqsQueue = new SqsJobQueue(aws.sqs, aws.queueUrl);
    const queue = new LedgeredJobQueue(sqsQueue, ledger);
    // The handlers' JSON log lines go to a file; the progress above comes from their events.
    const log = opts.log ?? jsonLogger({ write: (line) => appendFileSync(join(dataDir, 'duofeed.log'), line + '\n'), clock: systemClock });

    // Reconcile what a killed run left behind, before fetching anything.
    const restoredRaw = await raw.restore();
    const failedFile = join(dataDir, 'dead-letters.jsonl');
    const deadKeys = new Set(readDeadLetters(failedFile).map((d) => d.rawKey));
    const requeue = new Map<string, ParseJob>();
    for (const job of await ledger.pending()) requeue.set(job.rawKey, job);
    const now = systemClock.now().toISOString();
    // A raw page's folder (raw/<sourceId>/<id of the fetched URL>/) is done when a stored
    // article was parsed from any page in it. Compare folders, not ids or URLs: the parser may
    // take the id and URL from a <link rel="canonical">, and an older raw version of a changed
    // article must not be replayed over the newer one.
    const folderOf = (key: string) => key.slice(0, key.lastIndexOf('/') + 1);
    const doneFolders = new Set((await countArticles(store)).map((a) => folderOf(a.rawKey)));
    const newestPerFolder = new Map<string, { key: string; mtime: number }>();
    for await (const key of raw.list('raw/')) {
      const [, sourceId, articleId] = key.split('/');
      if (!sourceId || !articleId || requeue.has(key) || deadKeys.has(key) || doneFolders.has(folderOf(key))) continue;
      const mtime = statSync(join(dataDir, 'raw', ...key.split('/')), { throwIfNoEntry: false })?.mtimeMs ?? 0;
      const best = newestPerFolder.get(folderOf(key));
      if (!best || mtime >= best.mtime) newestPerFolder.set(folderOf(key), { key, mtime });
    }
    for (const { key } of newestPerFolder.values()) {
      const page = await raw.get(key);
      const sourceId = key.split('/')[1] as string;
      if (page.url) requeue.set(key, { sourceId, url: page.url, rawKey: key, fetchedAt: now });
    }
    if (requeue.size) await queue.send([...requeue.values()]);
    if (restoredRaw || requeue.size) out(`reconcile  ${restoredRaw} raw page(s) restored to S3 · ${requeue.size} unfinished parse job(s) re-enqueued`);

    // fetch: the real handler, invoked with the Scheduler's input for "all sources".
    const fetchHandler = makeFetchHandler({
      sources,
      fetchPage: routeSampleSite(fetchPage, site, samples.url),
      raw,
      queue,
      state: store,
      clock: systemClock,
      sleep: (ms) => delay(ms),
      log,
      events(e) {
        if (e.type === 'article-fetched') out(`fetch      ${e.sourceId.padEnd(14)} + ${e.url}`);
        if (e.type === 'fetch-failed') out(`fetch      ${e.sourceId.padEnd(14)} ! ${e.error}`);
      },
    });
    const tFetch = performance.now();
    const fetched = await fetchHandler({});
    const tParse = performance.now();
    for (const s of fetched.sources) {
      const notes = [s.notModified ? `${s.notModified} start page(s) not modified (304)` : '', s.error ? `error: ${s.error}` : ''].filter(Boolean).join('; ');
      out(`fetch      ${s.sourceId.padEnd(14)} ${s.fetched} new, ${s.skipped} skipped, ${s.failed} failed${notes ? ` — ${notes}` : ''}`);
    }
    const newPages = fetched.sources.reduce((n, s) => n + s.fetched, 0);

    // parse: the real SQS handler, fed real SQS events from the fauxqs queue.
    const total = newPages + requeue.size;
    const parsed = { created: 0, updated: 0, unchanged: 0, failed: 0 };
    let doneCount = 0;
    const logRel = join(opts.dataDir, 'duofeed.log');
    /** The data folder's record of dead letters (fauxqs's DLQ is gone when the process ends). */
    const recordDeadLetter = (body: string, d: Omit<DeadLetterRecord, 'rawKey' | 'url'>, how: string) => {
      const job = jobOf(body);
      parsed.failed++;
      appendFileSync(failedFile, JSON.stringify({ rawKey: job?.rawKey, url: job?.url, ...d }) + '\n');
      out(`parse      failed  ${job?.url ?? `message ${d.messageId}`}: ${how}: ${d.reason} (raw page kept; see ${logRel})`);
    };
    // The handler's own route to the DLQ, observed so the run can say what went there and why.
    const sqsDeadLetters = new SqsDeadLetters(aws.sqs, aws.dlqUrl);
    const deadLetters: DeadLetters = {
      async send(body, failure) {
        await sqsDeadLetters.send(body, failure);
        recordDeadLetter(body, { reason: failure.reason, receives: failure.receives, messageId: failure.messageId, at: failure.failedAt }, `moved to the dead-letter queue on receive ${failure.receives} of ${aws.maxReceiveCount}`);
      },
    };
    // The last reason per message, for one the handler could not dead-letter itself.
    const lastReason = new Map<string, string>();
    const parseHandler = makeParseHandler({
      raw,
      articles: store,
      boilerplate: store,
      clock: systemClock,
      deadLetter: { queue: deadLetters, maxReceives: aws.maxReceiveCount },
      log,
      events(e) {
        if (e.type === 'record-done') {
          doneCount++;
          parsed[e.outcome]++;
          out(`parse      ${`${doneCount}/${total}`.padEnd(7)} ${e.outcome.padEnd(9)} ${e.url}`);
        }
        if (e.type === 'record-failed') lastReason.set(e.messageId, e.reason);
      },
    });
    const tDrain = performance.now();
    await drainQueue({
      sqs: aws.sqs,
      queueUrl: aws.queueUrl,
      maxReceiveCount: aws.maxReceiveCount,
      handler: parseHandler,
      async onSettled(settled) {
        for (const s of settled) {
          if (!s.ok) {
            const reason = lastReason.get(s.messageId) ?? 'no reason recorded';
            recordDeadLetter(s.body, { reason, receives: aws.maxReceiveCount, messageId: s.messageId, at: systemClock.now().toISOString() }, `moved to the dead-letter queue by its redrive policy after ${aws.maxReceiveCount} tries`);
          }
          lastReason.delete(s.messageId);
          const job = jobOf(s.body);
          if (job) await ledger.done(job);
        }
      },
    });

    const tDone = performance.now();
    const articles = await countArticles(store);
    const ms = (from: number, to: number) => Math.round((to - from) * 1000) / 1000;
    const durations = { startMs: ms(t0, tFetch), fetchMs: ms(tFetch, tParse), parseMs: ms(tDrain, tDone), totalMs: ms(t0, performance.now()) };
    const seconds = durations.totalMs / 1000;
    const newArticles = parsed.created;
    out(
      newPages === 0 && requeue.size === 0
        ? `ingest     0 new: nothing fetched or parsed (conditional GET and seen-URL dedup at work) · ${articles.length} articles in store · ${seconds.toFixed(1)} s`
        : `ingest     ${newArticles} new article(s) (${newPages} page(s) fetched, ${requeue.size} re-enqueued; parsed: ${parsed.created} created, ${parsed.updated} updated, ${parsed.unchanged} unchanged, ${parsed.failed} failed) · ${articles.length} articles in store · ${seconds.toFixed(1)} s`,
    );
    return {
      store,
      sources,
      cursorKey: cursorKeyOf(dataDir),
      samples,
      summary: { samplesUrl: site, samplesServedAt: samples.url, sources: fetched.sources, restoredRaw, requeued: requeue.size, fetched: newPages, parsed, articles, durations },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** One line of the data folder's dead-letters.jsonl. */
export interface DeadLetterRecord {
  rawKey?: string;
  url?: string;
  reason: string;
  receives: number;
  messageId: string;
  /** RFC 3339 UTC. */
  at: string;
}

/** The dead letters a data folder recorded; a torn last line (kill -9 mid-append) is skipped. */
export function readDeadLetters(file: string): DeadLetterRecord[] {
  if (!existsSync(file)) return [];
  const out: DeadLetterRecord[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const d = JSON.parse(line) as Partial<DeadLetterRecord>;
      out.push({ reason: 'no reason recorded', receives: 0, messageId: '', at: '', ...d });
    } catch {
      // Only a line cut short by a kill can be unreadable; the page is replayable anyway.
    }
  }
  return out;
}

/** Rewrites the record without the given entries (tmp + rename: a kill leaves the old file whole). */
export function dropDeadLetters(file: string, drop: (d: DeadLetterRecord) => boolean): number {
  const all = readDeadLetters(file);
  const kept = all.filter((d) => !drop(d));
  if (kept.length === all.length) return 0;
  writeFileSync(`${file}.tmp`, kept.map((d) => JSON.stringify(d) + '\n').join(''));
  renameSync(`${file}.tmp`, file);
  return all.length - kept.length;
}

function jobOf(body: string): ParseJob | undefined {
  try {
    const v = JSON.parse(body) as ParseJob | null;
    return v && typeof v === 'object' && typeof v.rawKey === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}
