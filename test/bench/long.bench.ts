/**
 * Memory and time against page size (issue 10, item 4): long pages of 1, 2, 4 and 8 MiB
 * (the quality articles' beads over and over, test/quality/generate.ts longPage), each parsed
 * in a fresh child process so its peak RSS is the page's alone. Two ways:
 *
 * - library: parseArticle from an esbuild bundle of the parser, so the 8 MiB page (over
 *   MAX_PAGE_BYTES) is measured too, with no limit in the way;
 * - CLI: `node dist/duofeed.mjs parse --quiet FILE` under /usr/bin/time (when there is one):
 *   pages up to the limit parse, the 8 MiB page is refused with one line.
 *
 * Then the slope (least squares over the library rows): MB of peak RSS and seconds per MiB.
 * Linear memory shows as a slope that stays flat from 1 to 8 MiB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_PAGE_BYTES } from '../../lambdas/core/limits.js';
import { loadArticles } from '../quality/articles.js';
import { longPage } from '../quality/generate.js';

import { bundleParser, repo } from './bundle.js';
const SIZES = (process.env.BENCH_LONG_MIB ?? '1,2,4,8').split(',').map(Number);
const FORMAT = (process.env.BENCH_LONG_FORMAT ?? 'html') as 'html' | 'txt';

/** Prints what one parse of the file took in this (fresh) process: peak RSS in KB, seconds, segments. */
const CHILD = `
import { readFileSync } from 'node:fs';
const { parseArticle } = await import(process.argv[2]);
const bytes = readFileSync(process.argv[3]);
const t = process.hrtime.bigint();
const r = parseArticle({ bytes, path: process.argv[3] });
const s = Number(process.hrtime.bigint() - t) / 1e9;
console.log(JSON.stringify({ rssKb: process.resourceUsage().maxRSS, seconds: s, ok: r.ok, segments: r.ok ? r.article.segments.length : 0, reason: r.ok ? undefined : r.reason }));
`;

async function bundle(dir: string): Promise<string> {
  const outfile = join(dir, 'parse-long.mjs');
  return bundleParser(outfile, "export { parseArticle } from './lambdas/core/parse/index.ts';");
}

/** Least-squares slope of y on x. */
function slope(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

export async function run(): Promise<void> {
  const dir = join(repo, 'node_modules/.cache/duofeed-bench/long');
  mkdirSync(dir, { recursive: true });
  const lib = await bundle(dir);
  const childFile = join(dir, 'child.mjs');
  writeFileSync(childFile, CHILD);
  const articles = loadArticles();
  const cli = join(repo, 'dist/duofeed.mjs');
  const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const rows: Array<{ mib: number; bytes: number; rssMb: number; seconds: number }> = [];
  console.log(`limit MAX_PAGE_BYTES = ${MAX_PAGE_BYTES} bytes; ${FORMAT} pages; each run in a fresh process`);
  console.log('page      bytes      | library: peak RSS   parse s  segments | CLI: peak RSS   wall s');
  for (const mib of SIZES) {
    const file = join(dir, `long-${mib}mib.${FORMAT}`);
    const text = longPage(articles, mib, FORMAT).text;
    writeFileSync(file, text);
    const bytes = Buffer.byteLength(text);
    const c = spawnSync(process.execPath, [childFile, lib, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    let libCell = `failed: ${(c.stderr || '').trim().split('\n').pop()}`;
    if (c.status === 0) {
      const r = JSON.parse(c.stdout.trim()) as { rssKb: number; seconds: number; ok: boolean; segments: number; reason?: string };
      const rssMb = r.rssKb / 1024;
      rows.push({ mib: bytes / (1024 * 1024), bytes, rssMb, seconds: r.seconds });
      libCell = `${rssMb.toFixed(0).padStart(7)} MB ${r.seconds.toFixed(2).padStart(9)} ${String(r.ok ? r.segments : r.reason).padStart(9)}`;
    }
    let cliCell = 'no /usr/bin/time';
    if (time) {
      const t = spawnSync(time, ['-f', '%M %e', process.execPath, cli, 'parse', '--quiet', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const last = t.stderr.trim().split('\n').pop() ?? '';
      const [kb, wall] = last.split(' ').map(Number);
      if (t.status === 0) cliCell = `${(kb! / 1024).toFixed(0).padStart(7)} MB ${wall!.toFixed(2).padStart(8)}`;
      else cliCell = `refused: ${JSON.parse(t.stdout.trim().split('\n')[0] ?? '{}').error ?? t.stdout.trim()}`;
    }
    console.log(`${String(mib).padStart(2)} MiB ${String(bytes).padStart(10)} | ${libCell} | ${cliCell}`);
  }
  if (rows.length >= 2) {
    const x = rows.map((r) => r.mib);
    console.log(`slope (library, least squares over ${rows.length} sizes): ${slope(x, rows.map((r) => r.rssMb)).toFixed(1)} MB peak RSS per MiB, ${slope(x, rows.map((r) => r.seconds)).toFixed(2)} s per MiB`);
  }
}
