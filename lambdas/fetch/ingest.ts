/**
 * One fetch run over the due sources, against ports only (no AWS, no env): the fetch
 * Lambda and the local runner both call this with their own adapters.
 *
 * Order per article matters for "nothing lost": store raw bytes → enqueue the parse job →
 * mark the URL seen → remember its validators. A crash anywhere before markSeen means the
 * next run refetches the page (at worst a duplicate job, which the idempotent upsert absorbs);
 * marking first would lose the article for good.
 */
import type { Clock, FetchStateStore, HttpValidators, JobQueue, Logger, PageFetcher, PageRequest, ParseJob, PipelineEvents, RawStore } from '../core/ports.js';
import type { Source } from '../core/sources.js';
import { articleIdFor, sha256Hex } from '../core/ids.js';
import { decodeBody, extractLinks } from '../core/links.js';
import { ALLOW_ALL, DISALLOW_ALL, isAllowed, parseRobots, type RobotsPolicy } from '../core/robots.js';

/** Our product token in robots.txt groups. */
export const ROBOTS_AGENT = 'duofeed';

export interface FetchDeps {
  sources: Source[];
  fetchPage: PageFetcher;
  raw: RawStore;
  queue: JobQueue;
  state: FetchStateStore;
  clock: Clock;
  log: Logger;
  /** Typed progress (article fetched, fetch failed) for whoever runs the pipeline; optional. */
  events?: PipelineEvents;
  sleep: (ms: number) => Promise<void>;
  /** Cap on new article pages fetched per source per run (the rest wait for the next run). */
  maxPagesPerSource?: number;
}

/** Per invocation: how long the Lambda has left, so a run ends cleanly instead of being cut off. */
export interface RunLimits {
  timeLeftMs?: () => number;
}

/** Below this much time left, no new page is started: a page fetch plus its writes fit in it. */
export const STOP_MARGIN_MS = 30_000;

export interface SourceRunResult {
  sourceId: string;
  /** Article pages fetched, stored and enqueued. */
  fetched: number;
  /** Links not fetched: already seen, unchanged (304), or disallowed by robots.txt. */
  skipped: number;
  failed: number;
  /** Start pages that answered 304 Not Modified. */
  notModified: number;
  error?: string;
}

export interface FetchRunResult {
  sources: SourceRunResult[];
}

export class UnknownSourceError extends Error {
  override name = 'UnknownSourceError';
}

/**
 * Spaces requests to one host. Slots are reserved synchronously, so sources running
 * concurrently against the same host (two columns of one site) still queue one behind the other.
 */
export class HostPacer {
  private readonly nextFree = new Map<string, number>();
  private readonly lastStart = new Map<string, number>();
  constructor(
    private readonly clock: Clock,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  async wait(host: string, gapMs: number): Promise<void> {
    const now = this.clock.now().getTime();
    const at = Math.max(now, this.nextFree.get(host) ?? 0);
    this.nextFree.set(host, at + gapMs);
    this.lastStart.set(host, at);
    if (at > now) await this.sleep(at - now);
  }

  /** Widens the gap after the host's latest request (robots.txt's Crawl-delay arrives with that request). */
  widen(host: string, gapMs: number): void {
    const last = this.lastStart.get(host);
    if (last !== undefined) this.nextFree.set(host, Math.max(this.nextFree.get(host) ?? 0, last + gapMs));
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The content type decides nothing here, but the parser wants the key to say HTML per the contract. */
export function rawKeyFor(sourceId: string, url: string, bytes: Uint8Array): string {
  return `raw/${sourceId}/${articleIdFor(url)}/${sha256Hex(bytes)}.html`;
}

export async function runFetch(deps: FetchDeps, event: { sourceId?: string }, limits: RunLimits = {}): Promise<FetchRunResult> {
  let due = deps.sources;
  if (event.sourceId !== undefined) {
    due = deps.sources.filter((s) => s.id === event.sourceId);
    if (due.length === 0) throw new UnknownSourceError(`fetch event names source '${event.sourceId}', which is not in the sources list (${deps.sources.map((s) => s.id).join(', ')})`);
  }
  const pacer = new HostPacer(deps.clock, deps.sleep);
  const robotsCache = new Map<string, Promise<RobotsPolicy>>();
  // Sources on different hosts run side by side; the pacer keeps each host polite.
  const results = await Promise.all(due.map((s) => runSource(deps, s, pacer, robotsCache, limits)));
  return { sources: results };
}

async function runSource(
  deps: FetchDeps,
  source: Source,
  pacer: HostPacer,
  robotsCache: Map<string, Promise<RobotsPolicy>>,
  limits: RunLimits,
): Promise<SourceRunResult> {
  const result: SourceRunResult = { sourceId: source.id, fetched: 0, skipped: 0, failed: 0, notModified: 0 };
  const log = deps.log;
  const opts: PageRequest = { allowPrivateNetwork: source.allowPrivateNetwork ?? false };
  const linkPattern = new RegExp(source.linkPattern);
  const maxPages = deps.maxPagesPerSource ?? 100;

  const robotsFor = (url: string): Promise<RobotsPolicy> => {
    const origin = new URL(url).origin;
    let p = robotsCache.get(origin);
    if (!p) {
      p = loadRobots(origin);
      robotsCache.set(origin, p);
    }
    return p;
  };
  const loadRobots = async (origin: string): Promise<RobotsPolicy> => {
    const url = `${origin}/robots.txt`;
    await pacer.wait(new URL(origin).host, source.minDelayMs);
    try {
      const res = await deps.fetchPage(url, { ...opts, validators: undefined, maxBytes: 512 * 1024 });
      const policy = parseRobots(decodeBody(res.bytes, res.contentType), ROBOTS_AGENT);
      if (policy.crawlDelayMs) pacer.widen(new URL(origin).host, policy.crawlDelayMs);
      return policy;
    } catch (err) {
      const status = (err as { status?: number }).status;
      // RFC 9309: 4xx means no rules; unreachable (5xx, network) means assume everything is disallowed.
      if (status !== undefined && status >= 400 && status < 500) return ALLOW_ALL;
      log.warn('robots.txt unreachable; not fetching from this host in this run', { sourceId: source.id, url, error: message(err) });
      return DISALLOW_ALL;
    }
  };
  const politeFetch = async (url: string, validators?: { etag?: string; lastModified?: string }) => {
    const robots = await robotsFor(url);
    const gap = Math.max(source.minDelayMs, robots.crawlDelayMs ?? 0);
    await pacer.wait(new URL(url).host, gap);
    return deps.fetchPage(url, { ...opts, validators });
  };

  const startedAt = deps.clock.now();
  let sourceError: string | undefined;
  let budget = maxPages;
  for (const startUrl of source.startUrls) {
    try {
      const robots = await robotsFor(startUrl);
      if (!isAllowed(robots, startUrl)) {
        sourceError = `robots.txt disallows ${startUrl}`;
        log.warn('start page disallowed by robots.txt', { sourceId: source.id, url: startUrl });
        continue;
      }
      const remembered = await deps.state.getValidators(startUrl);
      const index = await politeFetch(startUrl, remembered);
      if (index.status === 304) {
        result.notModified++;
        log.info('start page not modified', { sourceId: source.id, url: startUrl });
        continue;
      }
      const { links, problem } = extractLinks(decodeBody(index.bytes, index.contentType), { kind: source.kind, pageUrl: index.url, linkPattern, ...(source.linkRewrite ? { rewrite: source.linkRewrite } : {}) });
      if (problem) {
        sourceError = `${startUrl}: ${problem}`;
        log.warn('start page gave no links', { sourceId: source.id, url: startUrl, problem });
      }
      log.info('links found', { sourceId: source.id, url: startUrl, links: links.length });
      let allHandled = true;
      for (const link of links) {
        // Out of time: leave the rest (unseen, so fetched next run) rather than die mid-run unrecorded.
        const timeLeft = limits.timeLeftMs?.() ?? Infinity;
        const outcome = await handleLink(deps, source, link, robots, politeFetch, budget > 0 && timeLeft > STOP_MARGIN_MS);
        if (outcome === 'fetched') {
          result.fetched++;
          budget--;
        } else if (outcome === 'failed') {
          result.failed++;
          allHandled = false;
        } else if (outcome === 'deferred') allHandled = false;
        else result.skipped++;
      }
      // Remember the index's validators only once every link on it is handled; otherwise a
      // 304 next run would hide the pages that failed this time.
      if (allHandled && (index.etag || index.lastModified)) {
        await deps.state.putValidators(startUrl, { etag: index.etag, lastModified: index.lastModified }, deps.clock.now());
      }
    } catch (err) {
      result.failed++;
      sourceError = message(err);
      log.error('start page failed', { sourceId: source.id, url: startUrl, error: sourceError, code: (err as { code?: string }).code });
      deps.events?.({ type: 'fetch-failed', sourceId: source.id, url: startUrl, error: sourceError, startPage: true });
    }
  }
  if (result.failed > 0 && !sourceError) sourceError = `${result.failed} page(s) failed`;
  const run = { at: startedAt.toISOString(), fetched: result.fetched, skipped: result.skipped, failed: result.failed, ...(sourceError ? { error: sourceError } : {}) };
  if (sourceError) result.error = sourceError;
  try {
    await deps.state.recordRun(source.id, run);
  } catch (err) {
    log.error('could not record the run', { sourceId: source.id, error: message(err) });
  }
  log.info('source done', { sourceId: source.id, fetched: result.fetched, skipped: result.skipped, failed: result.failed, notModified: result.notModified, ...(sourceError ? { error: sourceError } : {}) });
  return result;
}

type LinkOutcome = 'fetched' | 'skipped' | 'failed' | 'deferred';

async function handleLink(
  deps: FetchDeps,
  source: Source,
  url: string,
  robots: RobotsPolicy,
  politeFetch: (url: string, v?: HttpValidators) => ReturnType<PageFetcher>,
  withinBudget: boolean,
): Promise<LinkOutcome> {
  const log = deps.log;
  try {
    if (await deps.state.isSeen(url)) return 'skipped';
    if (!isAllowed(robots, url)) {
      log.info('article disallowed by robots.txt', { sourceId: source.id, url });
      return 'skipped';
    }
    if (!withinBudget) return 'deferred';
    const page = await politeFetch(url, await deps.state.getValidators(url));
    const now = deps.clock.now();
    if (page.status === 304) {
      // Validators are stored only after markSeen, so 304 means an earlier run finished this page.
      await deps.state.markSeen(url, source.id, now);
      return 'skipped';
    }
    if (page.bytes.length === 0) throw new Error('empty body');
    const rawKey = rawKeyFor(source.id, url, page.bytes);
    await deps.raw.put(rawKey, { bytes: page.bytes, contentType: page.contentType, url });
    const job: ParseJob = { sourceId: source.id, url, rawKey, fetchedAt: now.toISOString() };
    await deps.queue.send([job]);
    await deps.state.markSeen(url, source.id, now);
    if (page.etag || page.lastModified) await deps.state.putValidators(url, { etag: page.etag, lastModified: page.lastModified }, now);
    log.info('article fetched', { sourceId: source.id, url, rawKey, bytes: page.bytes.length });
    deps.events?.({ type: 'article-fetched', sourceId: source.id, url, rawKey, bytes: page.bytes.length });
    return 'fetched';
  } catch (err) {
    log.error('article failed', { sourceId: source.id, url, error: message(err), code: (err as { code?: string }).code });
    deps.events?.({ type: 'fetch-failed', sourceId: source.id, url, error: message(err), startPage: false });
    return 'failed';
  }
}
