/**
 * Replays stored raw pages through the current parser into the article table, without
 * refetching (after a parser upgrade, or to recover pages that went to the DLQ).
 *
 * Only the newest raw version of each article is replayed: the raw archive keeps every
 * version the site served (raw/<sourceId>/<articleId>/<sha256>.html), and replaying an
 * older one after the newer would roll the article back and bump its version for nothing.
 * "Newest" is the store's write time (S3 LastModified, one-second resolution); stores that
 * cannot tell fall back to the last key.
 *
 * With a BoilerplateStore, each page is read with what its source's pages taught about its
 * boilerplate (learning.ts), older pages included: a first pass takes every replayed page's
 * lines (keeping only their fingerprints), so each page learns from all the others, those
 * the table already holds among them; the records are written back at the end.
 */
import { articleIdFor } from '../core/ids.js';
import { parseArticle } from '../core/parse/index.js';
import type { ArticleWriter, BoilerplateStore, Clock, DatedRawStore, Logger, RawEntry, RawStore, UpsertOutcome } from '../core/ports.js';
import { BoilerplateLearner } from './learning.js';
import { processPage, type ParseFn } from './process.js';

export interface ReprocessOptions {
  /** With dates when the store has them (DatedRawStore); else the last key of a folder counts as newest. */
  raw: RawStore | DatedRawStore;
  articles: ArticleWriter;
  /** Where sources' boilerplate lines are kept: with it, pages lose the lines learnt as their source's boilerplate. */
  boilerplate?: BoilerplateStore;
  /** Key prefix to replay: `raw/` for everything, `raw/<sourceId>/` for one source. */
  prefix: string;
  log: Logger;
  clock: Clock;
  parse?: ParseFn;
  /** Called after each page (the CLI prints progress on stderr). */
  onProgress?(done: number, total: number, key: string, outcome: UpsertOutcome | 'failed'): void;
}

export interface ReprocessSummary {
  /** Raw pages replayed (one per article). */
  pages: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Older raw versions not replayed because a newer one exists. */
  olderVersions: number;
  failures: { key: string; reason: string }[];
}

const NOTHING_LEARNT: ReadonlySet<string> = new Set();

const RAW_KEY = /^raw\/([a-z0-9][a-z0-9-]*)\/([^/]+)\/[^/]+$/;

/** Source id for a reprocess prefix, validated the way sources are: `--source ../x` is refused. */
export function prefixFor(sourceId?: string): string {
  if (sourceId === undefined) return 'raw/';
  if (!/^[a-z0-9][a-z0-9-]*$/.test(sourceId)) throw new Error(`source id '${sourceId}' is not valid (expected [a-z0-9-]+)`);
  return `raw/${sourceId}/`;
}

export async function reprocessAll(opts: ReprocessOptions): Promise<ReprocessSummary> {
  const clock = opts.clock;
  const parse = opts.parse ?? parseArticle;
  const summary: ReprocessSummary = { pages: 0, created: 0, updated: 0, unchanged: 0, failed: 0, olderVersions: 0, failures: [] };

  const entries: RawEntry[] = [];
  if ('listWithDates' in opts.raw) for await (const e of opts.raw.listWithDates(opts.prefix)) entries.push(e);
  else for await (const key of opts.raw.list(opts.prefix)) entries.push({ key });

  // Newest raw version per article directory; keys outside the layout are reported, not guessed at.
  const newest = new Map<string, RawEntry>();
  const stray: string[] = [];
  for (const e of entries) {
    const m = RAW_KEY.exec(e.key);
    if (!m) {
      stray.push(e.key);
      continue;
    }
    const dir = `${m[1]}/${m[2]}`;
    const seen = newest.get(dir);
    if (seen) summary.olderVersions++;
    if (!seen || (e.lastModified?.getTime() ?? 0) >= (seen.lastModified?.getTime() ?? 0)) newest.set(dir, e);
  }
  const fail = (key: string, reason: string) => {
    summary.failed++;
    summary.failures.push({ key, reason });
    opts.log.error('reprocess failed', { rawKey: key, outcome: 'failed', reason });
  };
  for (const key of stray) fail(key, `not a raw page key (expected raw/<sourceId>/<articleId>/<sha256>.html)`);

  const work = [...newest.values()];
  const total = work.length;
  const sourceOf = (key: string) => (RAW_KEY.exec(key) as RegExpExecArray)[1] as string;
  const learner = opts.boilerplate ? new BoilerplateLearner({ store: opts.boilerplate, clock, cacheMs: Infinity }) : undefined;
  if (learner) {
    for (const { key } of work) {
      try {
        const page = await opts.raw.get(key);
        if (!page.url) continue;
        const r = parse({ bytes: page.bytes, url: page.url, ...(page.contentType ? { contentType: page.contentType } : {}), boilerplate: NOTHING_LEARNT });
        if (r.ok && r.boilerplate) learner.record(sourceOf(key), articleIdFor(page.url), r.boilerplate.lines);
      } catch {
        // The replay below meets the same page again and reports what is wrong with it.
      }
    }
  }
  for (const [i, { key }] of work.entries()) {
    const sourceId = sourceOf(key);
    let outcome: UpsertOutcome | 'failed';
    try {
      const page = await opts.raw.get(key);
      if (!page.url) throw new Error('the raw page carries no URL');
      const result = await processPage({ sourceId, url: page.url, rawKey: key, fetchedAt: clock.now().toISOString() }, page, {
        articles: opts.articles,
        clock,
        parse,
        ...(learner ? { boilerplate: learner } : {}),
      });
      outcome = result.outcome;
      if (result.outcome === 'failed') fail(key, result.reason);
      else {
        summary[result.outcome]++;
        opts.log.info('reprocessed', { rawKey: key, outcome: result.outcome, id: result.id, url: result.url });
      }
    } catch (err) {
      outcome = 'failed';
      fail(key, err instanceof Error ? `${err.name}: ${err.message}` : String(err));
    }
    summary.pages++;
    opts.onProgress?.(i + 1, total, key, outcome);
  }
  if (learner) {
    try {
      await learner.flush();
    } catch (err) {
      opts.log.warn('boilerplate lines not stored', { error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    }
  }
  opts.log.info('reprocess done', { prefix: opts.prefix, ...summary, failures: summary.failures.length });
  return summary;
}
