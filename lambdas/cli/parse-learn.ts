/**
 * `duofeed parse` with several inputs learns each site's boilerplate from the pages it was
 * given, as the parse Lambda learns a source's from the pages it has stored
 * (core/parse/boilerplate.ts): a first pass parses every input and keeps only its lines'
 * fingerprints, counted per site; the second pass parses each input again with what its site
 * taught. A site is the host of the page's URL — its canonical or og:url link, else the URL it
 * was fetched from — else the input's folder.
 *
 * Memory stays bounded by the fingerprints (at most BOILERPLATE_LINES_PER_PAGE a page). Files
 * are read again in the second pass; pages that cannot be read again — a URL (fetched once,
 * politely) or standard input — wait in a temporary folder, removed by close().
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LineCounts } from '../core/parse/boilerplate.js';

export interface PageBytes {
  bytes: Uint8Array;
  contentType?: string;
  url?: string;
  path?: string;
}

export type Loaded = { ok: true; page: PageBytes } | { ok: false; error: string };

/** What the first pass needs to know of a parsed page; undefined when the input is no article. */
export type FirstPass = (input: string, page: PageBytes) => { id: string; url?: string; lines: string[] } | undefined;

export interface SiteLearningDeps {
  load(input: string): Promise<Loaded>;
  /** False for inputs that must not be read twice (URLs, standard input). */
  reloadable(input: string): boolean;
  firstPass: FirstPass;
}

export interface SiteNote {
  site: string;
  pages: number;
  /** Lines learnt as the site's boilerplate. */
  lines: number;
}

const NOTHING: ReadonlySet<string> = new Set();

/** The site a page belongs to, for learning: its URL's host, else its folder (the input's, as given). */
export function siteKey(input: string, url: string | undefined): string {
  if (url) {
    try {
      const host = new URL(url).host.toLowerCase();
      if (host) return host;
    } catch {
      // not a URL: fall through to the folder
    }
  }
  return input === '-' ? 'standard input' : `${dirname(input)}/`;
}

export class SiteLearning {
  readonly #deps: SiteLearningDeps;
  readonly #inputs: readonly string[];
  /** By position in the inputs (an input may be given twice, - among them). */
  readonly #siteOf = new Map<number, string>();
  readonly #learnt = new Map<string, ReadonlySet<string>>();
  /** Pages kept for the second pass (inputs that cannot be read twice). */
  readonly #kept = new Map<number, { file: string; contentType?: string; url?: string }>();
  /** Inputs that cannot be read twice and failed to load: their error, given again. */
  readonly #failed = new Map<number, string>();
  #spool: string | undefined;
  readonly notes: SiteNote[] = [];

  private constructor(inputs: readonly string[], deps: SiteLearningDeps) {
    this.#inputs = inputs;
    this.#deps = deps;
  }

  /** The first pass over every input. */
  static async learn(inputs: readonly string[], deps: SiteLearningDeps): Promise<SiteLearning> {
    const l = new SiteLearning(inputs, deps);
    const counts = new Map<string, LineCounts>();
    for (const [i, input] of inputs.entries()) {
      const loaded = await deps.load(input);
      const again = deps.reloadable(input);
      if (!loaded.ok) {
        if (!again) l.#failed.set(i, loaded.error);
        continue;
      }
      if (!again) l.#keep(i, loaded.page);
      const seen = deps.firstPass(input, loaded.page);
      if (!seen) continue;
      const site = siteKey(input, seen.url);
      l.#siteOf.set(i, site);
      let c = counts.get(site);
      if (!c) counts.set(site, (c = new LineCounts()));
      // Keyed by article id: the same article given twice counts once.
      c.set(seen.id, seen.lines);
    }
    for (const [site, c] of counts) {
      const learnt = c.learnt();
      l.#learnt.set(site, learnt);
      l.notes.push({ site, pages: c.size, lines: learnt.size });
    }
    return l;
  }

  #keep(i: number, page: PageBytes): void {
    this.#spool ??= mkdtempSync(join(tmpdir(), 'duofeed-parse-'));
    const file = join(this.#spool, String(i));
    writeFileSync(file, page.bytes);
    this.#kept.set(i, { file, ...(page.contentType ? { contentType: page.contentType } : {}), ...(page.url ? { url: page.url } : {}) });
  }

  /** What the site of the i-th input taught (an empty set for an input the first pass could not parse). */
  learntFor(i: number): ReadonlySet<string> {
    const site = this.#siteOf.get(i);
    return (site !== undefined && this.#learnt.get(site)) || NOTHING;
  }

  /** The i-th input's page for the second pass: kept from the first, or loaded again. */
  async load(i: number): Promise<Loaded> {
    const failed = this.#failed.get(i);
    if (failed !== undefined) return { ok: false, error: failed };
    const kept = this.#kept.get(i);
    if (!kept) return this.#deps.load(this.#inputs[i]!);
    const bytes = new Uint8Array(readFileSync(kept.file));
    rmSync(kept.file, { force: true });
    return { ok: true, page: { bytes, ...(kept.contentType ? { contentType: kept.contentType } : {}), ...(kept.url ? { url: kept.url } : {}) } };
  }

  close(): void {
    if (this.#spool) rmSync(this.#spool, { recursive: true, force: true });
    this.#spool = undefined;
  }
}
