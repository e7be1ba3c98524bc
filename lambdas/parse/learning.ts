/**
 * The parse side's memory of what each source's pages taught about its boilerplate
 * (core/parse/boilerplate.ts), shared by the parse Lambda and `duofeed reprocess`.
 *
 * Per source, the page records kept in the table are read once (one Query) and held for
 * `cacheMs` in this warm instance. Each page parsed adds its own record here at once, so the
 * next page of the batch already learns from it, and to the table at the end of the batch
 * (flush, batched writes). A page's record is keyed by its article folder id, so a page parsed
 * again — an SQS redelivery, a revision, a replay — replaces its record and counts once.
 */
import { LineCounts } from '../core/parse/boilerplate.js';
import type { BoilerplateStore, Clock, PageLines } from '../core/ports.js';

/**
 * How long a source's records read from the table are trusted: other instances' pages reach
 * this one within that time. Five minutes keeps it to about one Query per source per
 * instance for a steady feed, while a new site's boilerplate spreads across instances in
 * minutes (within one instance, at once).
 */
export const LEARNT_CACHE_MS = 5 * 60 * 1000;

interface Cached {
  counts: LineCounts;
  loadedAt: number;
}

export interface BoilerplateLearnerOptions {
  store: BoilerplateStore;
  clock: Clock;
  /** LEARNT_CACHE_MS by default; Infinity for a run that alone writes (reprocess). */
  cacheMs?: number;
}

export class BoilerplateLearner {
  readonly #store: BoilerplateStore;
  readonly #clock: Clock;
  readonly #cacheMs: number;
  readonly #cache = new Map<string, Cached>();
  /** Records not yet written, per source, by page id. */
  readonly #pending = new Map<string, Map<string, string[]>>();

  constructor(opts: BoilerplateLearnerOptions) {
    this.#store = opts.store;
    this.#clock = opts.clock;
    this.#cacheMs = opts.cacheMs ?? LEARNT_CACHE_MS;
  }

  /** The lines a page of this source is to lose: those standing on enough other pages of it. */
  async learntFor(sourceId: string, pageId: string): Promise<ReadonlySet<string>> {
    return (await this.#counts(sourceId)).learntFor(pageId);
  }

  /** Takes in one page's lines (fingerprints), here at once and in the table at the next flush. */
  record(sourceId: string, pageId: string, lines: readonly string[]): void {
    let pending = this.#pending.get(sourceId);
    if (!pending) this.#pending.set(sourceId, (pending = new Map()));
    pending.set(pageId, [...lines]);
    this.#cache.get(sourceId)?.counts.set(pageId, lines);
  }

  /** Pages recorded since the last flush. */
  get pendingPages(): number {
    let n = 0;
    for (const p of this.#pending.values()) n += p.size;
    return n;
  }

  /**
   * Writes the recorded pages to the table. What fails to be written is dropped (and the
   * error thrown): learning is slower for it, nothing else is lost, and memory stays bounded.
   */
  async flush(): Promise<void> {
    const pending = [...this.#pending];
    this.#pending.clear();
    const now = this.#clock.now();
    const errors: unknown[] = [];
    for (const [sourceId, pages] of pending) {
      const records: PageLines[] = [...pages].map(([pageId, lines]) => ({ pageId, lines }));
      try {
        await this.#store.putPageLines(sourceId, records, now);
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `boilerplate lines of ${errors.length} sources not stored`);
  }

  async #counts(sourceId: string): Promise<LineCounts> {
    const now = this.#clock.now().getTime();
    const cached = this.#cache.get(sourceId);
    if (cached && now - cached.loadedAt < this.#cacheMs) return cached.counts;
    const counts = new LineCounts();
    for (const r of await this.#store.pageLines(sourceId)) counts.set(r.pageId, r.lines);
    // Pages recorded here but not yet written count too (a reload must not forget them).
    for (const [pageId, lines] of this.#pending.get(sourceId) ?? []) counts.set(pageId, lines);
    this.#cache.set(sourceId, { counts, loadedAt: now });
    return counts;
  }
}
