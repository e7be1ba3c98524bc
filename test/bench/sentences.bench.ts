/**
 * What the sentence step costs the parser: a same-run A/B on the shared dev corpus. The parser
 * is bundled twice with esbuild, as it ships (A) and with sentence-align.ts replaced by a stub
 * that gives no sentences (B); both are loaded in one process and timed in alternating rounds,
 * so that load from other processes falls on both alike. Times are CPU time per pass over all
 * pages (median and best of the rounds). The stub also leaves the sentences out of the content
 * hash, so B is the parser as it was before sentences.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { bundleParser, repo } from './bundle.js';
import type * as ParseModule from '../../lambdas/core/parse/index.js';

const pagesDir = resolve(repo, '../shared/corpus/dev/pages');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const PASSES = 10;
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);

type Parse = typeof ParseModule.parseArticle;

/** Replaces the parser's import of sentence-align.js with a module that aligns nothing. */
const noSentences: Plugin = {
  name: 'no-sentences',
  setup(b) {
    b.onResolve({ filter: /sentence-align\.js$/ }, (a) => (a.importer.endsWith('parse/index.ts') ? { path: 'stub', namespace: 'no-sentences' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'no-sentences' }, () => ({
      contents: 'export function alignSentences() { return undefined; }',
      loader: 'js',
    }));
  },
};

async function bundle(name: string, plugins: Plugin[]): Promise<Parse> {
  const outdir = join(repo, 'node_modules/.cache/duofeed-bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `${name}.mjs`);
  await bundleParser(outfile, "export { parseArticle } from './lambdas/core/parse/index.ts';", plugins);
  return ((await import(`${pathToFileURL(outfile).href}?${Date.now()}`)) as typeof ParseModule).parseArticle;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function run(): Promise<void> {
  let files: string[];
  try {
    files = readdirSync(pagesDir).filter((f) => !f.startsWith('.')).sort();
  } catch {
    console.log(`sentences bench: ${pagesDir} not found (the shared corpus sits beside the checkout); skipped`);
    return;
  }
  const pages = files.map((f) => ({ bytes: new Uint8Array(readFileSync(join(pagesDir, f))), path: f }));
  const withSentences = await bundle('parse-with-sentences', []);
  const without = await bundle('parse-without-sentences', [noSentences]);

  let sentences = 0;
  let beads = 0;
  for (const p of pages) {
    const r = withSentences(p);
    if (r.ok) for (const s of r.article.segments) for (const b of s.sentences ?? []) (beads++, (sentences += (b.en?.length ?? 0) + (b.zh?.length ?? 0)));
  }
  const pass = (parse: Parse) => {
    const t = cpuMs();
    for (let k = 0; k < PASSES; k++) for (const p of pages) parse(p);
    return (cpuMs() - t) / PASSES;
  };
  const warmUntil = Date.now() + WARMUP_SECONDS * 1000;
  while (Date.now() < warmUntil) {
    pass(withSentences);
    pass(without);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    a.push(pass(withSentences));
    b.push(pass(without));
  }
  const median = (x: number[]) => x.slice().sort((p, q) => p - q)[x.length >> 1]!;
  const best = (x: number[]) => Math.min(...x);
  console.log(`${pages.length} dev pages, ${beads} sentence beads (${sentences} sentences); ${ROUNDS} alternating rounds of ${PASSES} passes, CPU time\n`);
  console.log('| parser | ms/pass (median) | pages/s | ms/pass (best) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, x] of [['with the sentence step', a], ['without it', b]] as const) {
    console.log(`| ${name} | ${median(x).toFixed(2)} | ${((pages.length / median(x)) * 1000).toFixed(0)} | ${best(x).toFixed(2)} |`);
  }
  const m = median(a) / median(b);
  console.log(`\nsentences cost +${((m - 1) * 100).toFixed(1)}% time (median; best-of: +${((best(a) / best(b) - 1) * 100).toFixed(1)}%), throughput -${((1 - 1 / m) * 100).toFixed(1)}%`);
}
