/**
 * One parse job, start to finish: read the raw page, run the pure parser, upsert the
 * article. Shared by the SQS handler and `duofeed reprocess`. Never throws: every problem
 * becomes a `failed` result with a reason a person can act on.
 */
import { articleIdFor } from '../core/ids.js';
import type { ParseInput, ParseOutcome } from '../core/parse/index.js';
import type { ArticleWriter, Clock, ParseJob, RawPage, RawStore, UpsertOutcome } from '../core/ports.js';
import type { BoilerplateLearner } from './learning.js';

export type ParseFn = (input: ParseInput) => ParseOutcome;

export interface ProcessDeps {
  raw: RawStore;
  articles: ArticleWriter;
  clock: Clock;
  parse: ParseFn;
  /** What the source's pages taught of its boilerplate (learning.ts): in before the parse, this page's lines out after. Off when absent. */
  boilerplate?: BoilerplateLearner;
}

export type JobResult =
  | {
      outcome: UpsertOutcome;
      id: string;
      url: string;
      warnings: string[];
      /** Body lines left out as the source's learnt boilerplate. */
      boilerplateRemoved?: number;
    }
  | {
      outcome: 'failed';
      url?: string;
      id?: string;
      reason: string;
      /**
       * True when another receive cannot turn out differently: the verdict depends only on the
       * message and the raw page, whose key carries the sha256 of its bytes (a bad job, a page
       * the parser rejects or throws on). False when a service call failed (S3 read, DynamoDB
       * write): those are worth the queue's remaining receives.
       */
      permanent: boolean;
    };

const SOURCE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Validates an SQS body as a ParseJob; the reason names the field that is wrong. */
export function parseJobFrom(body: string): { ok: true; job: ParseJob } | { ok: false; reason: string } {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return { ok: false, reason: `message body is not JSON: ${JSON.stringify(body.slice(0, 80))}` };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, reason: 'message body is not a JSON object' };
  const o = v as Record<string, unknown>;
  if (typeof o.sourceId !== 'string' || !SOURCE_ID.test(o.sourceId)) return { ok: false, reason: `sourceId must match ${SOURCE_ID.source}, got ${JSON.stringify(o.sourceId)}` };
  if (typeof o.url !== 'string' || !/^https?:\/\/[^\s]+$/i.test(o.url) || !URL.canParse(o.url)) return { ok: false, reason: `url must be an absolute http(s) URL, got ${JSON.stringify(o.url)}` };
  if (typeof o.rawKey !== 'string' || !o.rawKey.startsWith('raw/')) return { ok: false, reason: `rawKey must be an S3 key under raw/, got ${JSON.stringify(o.rawKey)}` };
  if (typeof o.fetchedAt !== 'string' || Number.isNaN(Date.parse(o.fetchedAt))) return { ok: false, reason: `fetchedAt must be an RFC 3339 time, got ${JSON.stringify(o.fetchedAt)}` };
  return { ok: true, job: { sourceId: o.sourceId, url: o.url, rawKey: o.rawKey, fetchedAt: o.fetchedAt } };
}

function message(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

export async function processJob(job: ParseJob, deps: ProcessDeps): Promise<JobResult> {
  let page: RawPage;
  try {
    page = await deps.raw.get(job.rawKey);
  } catch (err) {
    return { outcome: 'failed', url: job.url, reason: `cannot read raw page ${job.rawKey}: ${message(err)}`, permanent: false };
  }
  return processPage(job, page, deps);
}

/** The part after the read, for callers that already hold the page (reprocess). */
export async function processPage(job: ParseJob, page: RawPage, deps: Omit<ProcessDeps, 'raw'>): Promise<JobResult> {
  // The page's record in boilerplate learning: its article folder, as in its raw key.
  const pageId = articleIdFor(job.url);
  let learnt: ReadonlySet<string> | undefined;
  try {
    learnt = await deps.boilerplate?.learntFor(job.sourceId, pageId);
  } catch (err) {
    return { outcome: 'failed', url: job.url, reason: `cannot read what source ${job.sourceId}'s pages taught of its boilerplate: ${message(err)}`, permanent: false };
  }
  let parsed: ParseOutcome;
  try {
    parsed = deps.parse({ bytes: page.bytes, url: job.url, ...(page.contentType ? { contentType: page.contentType } : {}), ...(learnt ? { boilerplate: learnt } : {}) });
  } catch (err) {
    // The parser promises not to throw; if it does, it is a bug to see in the DLQ, not a crash of the batch.
    return { outcome: 'failed', url: job.url, reason: `parser threw on ${job.rawKey}: ${message(err)}`, permanent: true };
  }
  if (!parsed.ok) return { outcome: 'failed', url: job.url, reason: `cannot parse ${job.rawKey}: ${parsed.reason}`, permanent: true };
  const { article } = parsed;
  if (parsed.boilerplate) deps.boilerplate?.record(job.sourceId, pageId, parsed.boilerplate.lines);
  try {
    const outcome = await deps.articles.upsert(article, { sourceId: job.sourceId, url: job.url, rawKey: job.rawKey, now: deps.clock.now() });
    const removed = parsed.boilerplate?.removed.length ?? 0;
    return { outcome, id: article.id, url: job.url, warnings: parsed.warnings, ...(removed ? { boilerplateRemoved: removed } : {}) };
  } catch (err) {
    return { outcome: 'failed', id: article.id, url: job.url, reason: `cannot store article ${article.id}: ${message(err)}`, permanent: false };
  }
}
