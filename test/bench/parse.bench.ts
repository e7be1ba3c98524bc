/**
 * Parser throughput on the shared dev corpus, beside two peers measured in the same run on
 * the same pages: Mozilla Readability + linkedom (extraction only, no alignment) and bare
 * htmlparser2 tokenizing (no-op handlers), the floor of any HTML parse. One core, a few
 * seconds each.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import type * as ParseModule from '../../lambdas/core/parse/index.js';
import type * as DecodeModule from '../../lambdas/core/parse/decode.js';
import type * as TokenizerModule from '../../lambdas/core/parse/tokenizer.js';

import { bundleParser, repo } from './bundle.js';
const pagesDir = resolve(repo, '../shared/corpus/dev/pages');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);

interface Row {
  name: string;
  pages: number;
  seconds: number;
  bytes: number;
  failures: number;
}

function measure(name: string, pages: Array<{ bytes: Uint8Array; text: string; path: string }>, fn: (p: { bytes: Uint8Array; text: string; path: string }) => boolean): Row {
  // Warm up so the JIT has compiled the hot paths before the clock starts: at least three
  // passes and one second (a few passes left V8 still tiering up through the timed run;
  // a parse Lambda works at steady state). The same for every contender.
  const warmUntil = process.hrtime.bigint() + BigInt(WARMUP_SECONDS * 1e9);
  for (let i = 0; i < 3 || process.hrtime.bigint() < warmUntil; i++) for (const p of pages) fn(p);
  let n = 0;
  let bytes = 0;
  let failures = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(SECONDS * 1e9));
  while (process.hrtime.bigint() < deadline) {
    for (const p of pages) {
      if (!fn(p)) failures++;
      n++;
      bytes += p.bytes.length;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { name, pages: n, seconds, bytes, failures };
}

/**
 * Measure the parser as it ships (an esbuild bundle, as in dist/ and the Lambda), not through
 * tsx's on-the-fly transform, which wraps every closure in a naming helper and costs ~2x here.
 */
interface Bundled {
  parseArticle: typeof ParseModule.parseArticle;
  decodeBytes: typeof DecodeModule.decodeBytes;
  tokenize: typeof TokenizerModule.tokenize;
}

async function loadBundled(): Promise<Bundled> {
  const outdir = join(repo, 'node_modules/.cache/duofeed-bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'parse.mjs');
  await bundleParser(
    outfile,
    "export { parseArticle } from './lambdas/core/parse/index.ts'; export { decodeBytes } from './lambdas/core/parse/decode.ts'; export { tokenize } from './lambdas/core/parse/tokenizer.ts';",
  );
  return (await import(`${pathToFileURL(outfile).href}?${Date.now()}`)) as Bundled;
}

export async function run(): Promise<void> {
  const { parseArticle, decodeBytes, tokenize } = await loadBundled();
  let files: string[];
  try {
    files = readdirSync(pagesDir).filter((f) => !f.startsWith('.')).sort();
  } catch {
    console.log(`parse bench: ${pagesDir} not found (the shared corpus sits beside the checkout); skipped`);
    return;
  }
  const pages = files.map((f) => {
    const bytes = new Uint8Array(readFileSync(join(pagesDir, f)));
    const d = decodeBytes(bytes);
    return { bytes, text: d.ok ? d.value.text : '', path: f };
  });
  const totalBytes = pages.reduce((n, p) => n + p.bytes.length, 0);
  console.log(`${pages.length} dev pages, ${(totalBytes / 1024).toFixed(0)} KiB, ${WARMUP_SECONDS}s warm-up + ${SECONDS}s per contender, one core\n`);

  const rows: Row[] = [];
  rows.push(measure('duofeed parseArticle (decode+extract+align+metadata)', pages, (p) => parseArticle({ bytes: p.bytes, path: p.path }).ok));
  rows.push(
    measure('Readability + linkedom (decode+extract only)', pages, (p) => {
      const d = decodeBytes(p.bytes);
      if (!d.ok) return false;
      const { document } = parseHTML(d.value.text.includes('<') ? d.value.text : `<html><body><pre>${d.value.text}</pre></body></html>`);
      return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse() !== null;
    }),
  );
  rows.push(
    measure('htmlparser2 tokenize only (no-op handlers)', pages, (p) => {
      const parser = new Parser({ onopentag() {}, ontext() {}, onclosetag() {} });
      parser.write(p.text);
      parser.end();
      return true;
    }),
  );
  const noop = { open() {}, text() {}, close() {} };
  rows.push(
    measure("duofeed's tokenizer only (no-op sink)", pages, (p) => {
      tokenize(p.text, noop);
      return true;
    }),
  );

  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`| ${'contender'.padEnd(w)} | pages/s | MB/s  | failed |`);
  console.log(`| ${'-'.repeat(w)} | ------: | ----: | -----: |`);
  for (const r of rows) {
    const pps = r.pages / r.seconds;
    const mbs = r.bytes / r.seconds / 1e6;
    console.log(`| ${r.name.padEnd(w)} | ${pps.toFixed(0).padStart(7)} | ${mbs.toFixed(1).padStart(5)} | ${String(Math.round(r.failures / (r.pages / pages.length))).padStart(6)} |`);
  }
  console.log('\nfailed = pages per pass the contender returned nothing for (Readability refuses some plain-text pages).');
}
