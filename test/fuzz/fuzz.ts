/**
 * A long fuzz run outside CI: arbitrary bytes, HTML-ish soup, Unicode and mutated real-looking
 * pages through decode + parse, and what parses (plus arbitrary Article objects) through the
 * feed renderers (Atom, RSS, JSON Feed, reader page). Counts inputs tried and:
 *
 *   crashes      an exception escaping decodeBytes / parseArticle / a renderer
 *   internal     parseArticle's own "internal parser error" (a caught bug)
 *   slow         one input took more than 1 s (synchronous; measured, then reported)
 *   hangs        no progress for 20 s: the worker is killed and restarted past the input
 *   unsafe       executable markup or a non-http(s) link in parsed output, or XML that does
 *                not parse (inspectFeed / inspectHtml from test/reliability/support.ts)
 *   nondeterministic  the same input parsed twice gave different results (checked 1 in 8)
 *
 *   npx tsx test/fuzz/fuzz.ts --seconds 60 [--seed 1]
 *
 * Every input comes from fast-check with its own seed (base seed + index), so any finding is
 * reproduced with `--replay <kind>:<seed>`. Findings are written to $TMPDIR/duofeed-fuzz/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import type { StoredArticle } from '../../lambdas/core/article.js';
import { decodeBytes } from '../../lambdas/core/parse/decode.js';
import { parseArticle, type ParseInput } from '../../lambdas/core/parse/index.js';
import { KINDS, articleArb, asStored, inputArb, renderChecks, type Kind } from './generators.js';

// ---- one input ---------------------------------------------------------------------------------

type Finding = 'crash' | 'internal' | 'slow' | 'unsafe' | 'nondeterministic' | 'rssDescription';

async function tryOne(kind: Kind, seed: number): Promise<{ findings: Array<{ kind: Finding; detail: string }>; parsed: boolean }> {
  const findings: Array<{ kind: Finding; detail: string }> = [];
  let parsed = false;
  const t = performance.now();
  try {
    if (kind === 'article') {
      const [a] = fc.sample(articleArb, { seed, numRuns: 1 });
      const r = await renderChecks(a as StoredArticle);
      for (const u of r.unsafe) findings.push({ kind: 'unsafe', detail: u });
      for (const d of r.rssDescription) findings.push({ kind: 'rssDescription', detail: d });
    } else {
      const [input] = fc.sample(inputArb[kind], { seed, numRuns: 1 }) as [ParseInput];
      decodeBytes(input.bytes, input.contentType);
      const out = parseArticle(input);
      if (!out.ok && out.reason.startsWith('internal parser error')) findings.push({ kind: 'internal', detail: out.reason });
      if (seed % 8 === 0 && JSON.stringify(parseArticle(input)) !== JSON.stringify(out)) findings.push({ kind: 'nondeterministic', detail: 'two parses differ' });
      if (out.ok) {
        parsed = true;
        const r = await renderChecks(asStored(out.article));
        for (const u of r.unsafe) findings.push({ kind: 'unsafe', detail: u });
        for (const d of r.rssDescription) findings.push({ kind: 'rssDescription', detail: d });
      }
    }
  } catch (err) {
    findings.push({ kind: 'crash', detail: err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err) });
  }
  const ms = performance.now() - t;
  if (ms > 1000) findings.push({ kind: 'slow', detail: `${Math.round(ms)} ms` });
  return { findings, parsed };
}

// ---- worker: the loop; main: the clock, the watchdog and the tally ------------------------------

interface Progress {
  tried: Record<Kind, number>;
  parsed: number;
  findings: Array<{ kind: Finding; input: string; detail: string }>;
  counts: Record<Finding, number>;
}

if (!isMainThread) {
  const { start, stride, stopAt, beat } = workerData as { start: number; stride: number; stopAt: number; beat: Int32Array };
  const p: Progress = { tried: { bytes: 0, unicode: 0, soup: 0, page: 0, article: 0 }, parsed: 0, findings: [], counts: { crash: 0, internal: 0, slow: 0, unsafe: 0, nondeterministic: 0, rssDescription: 0 } };
  for (let i = start; Date.now() < stopAt; i += stride) {
    Atomics.store(beat, 0, i);
    const kind = KINDS[i % KINDS.length] as Kind;
    const r = await tryOne(kind, i);
    p.tried[kind]++;
    if (r.parsed) p.parsed++;
    const kindsHere = new Set(r.findings.map((f) => f.kind));
    for (const k of kindsHere) p.counts[k]++;
    for (const f of r.findings) if (p.findings.filter((x) => x.kind === f.kind).length < 5) p.findings.push({ kind: f.kind, input: `${kind}:${i}`, detail: f.detail.slice(0, 2000) });
    if (i % 50 === 0) parentPort?.postMessage({ type: 'progress', p });
  }
  parentPort?.postMessage({ type: 'done', p });
} else {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const replay = opt('--replay');
  if (replay) {
    const [kind, seed] = replay.split(':') as [Kind, string];
    const r = await tryOne(kind, Number(seed));
    if (kind !== 'article') console.log(JSON.stringify(fc.sample(inputArb[kind as Exclude<Kind, 'article'>], { seed: Number(seed), numRuns: 1 })[0], (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v)).slice(0, 4000));
    console.log(JSON.stringify(r, null, 2));
    process.exit(0);
  }
  const seconds = Number(opt('--seconds') ?? 60);
  const baseSeed = Number(opt('--seed') ?? 1) * 1_000_000_000;
  const stopAt = Date.now() + seconds * 1000;
  const outDir = join(tmpdir(), 'duofeed-fuzz');
  mkdirSync(outDir, { recursive: true });
  const total: Progress = { tried: { bytes: 0, unicode: 0, soup: 0, page: 0, article: 0 }, parsed: 0, findings: [], counts: { crash: 0, internal: 0, slow: 0, unsafe: 0, nondeterministic: 0, rssDescription: 0 } };
  let hangs = 0;
  const hangInputs: string[] = [];
  const merge = (p: Progress) => {
    for (const k of Object.keys(total.tried) as Kind[]) total.tried[k] += p.tried[k];
    total.parsed += p.parsed;
    for (const k of Object.keys(total.counts) as Finding[]) total.counts[k] += p.counts[k];
    for (const f of p.findings) if (total.findings.filter((x) => x.kind === f.kind).length < 5) total.findings.push(f);
  };

  // One worker at a time (the machine is shared); a hung worker is replaced, skipping its input.
  let next = baseSeed;
  while (Date.now() < stopAt) {
    const beat = new Int32Array(new SharedArrayBuffer(4));
    // The worker runs this same TypeScript file: register tsx's loader in it first (Node 20
    // does not carry the main thread's loader hooks into workers).
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { start: next, stride: 1, stopAt, beat } });
    let last: Progress | undefined;
    const finished = new Promise<'done' | 'hang' | 'error'>((resolve) => {
      let lastBeat = -1;
      let lastChange = Date.now();
      const watch = setInterval(() => {
        const b = Atomics.load(beat, 0);
        if (b !== lastBeat) {
          lastBeat = b;
          lastChange = Date.now();
        } else if (Date.now() - lastChange > 20_000) {
          clearInterval(watch);
          resolve('hang');
        }
      }, 500);
      worker.on('message', (m: { type: string; p: Progress }) => {
        last = m.p;
        if (m.type === 'done') {
          clearInterval(watch);
          resolve('done');
        }
      });
      worker.on('error', (err) => {
        console.error('fuzz worker error:', err);
        clearInterval(watch);
        resolve('error');
      });
    });
    const how = await finished;
    const stuckAt = Atomics.load(beat, 0);
    await worker.terminate();
    if (last) merge(last);
    if (how === 'done') break;
    if (how === 'error') {
      process.exitCode = 2;
      break;
    }
    if (how === 'hang') {
      hangs++;
      hangInputs.push(`${KINDS[stuckAt % KINDS.length]}:${stuckAt}`);
    }
    // The worker's tally since its last report is lost with it; resume after the stuck input.
    next = stuckAt + 1;
  }

  const tried = Object.values(total.tried).reduce((a, b) => a + b, 0);
  writeFileSync(join(outDir, 'findings.json'), JSON.stringify({ total, hangs, hangInputs }, null, 2));
  console.log(`fuzz: ${seconds} s, base seed ${baseSeed}; inputs tried ${tried} (${Object.entries(total.tried).map(([k, v]) => `${k} ${v}`).join(', ')}); parsed into articles ${total.parsed}`);
  console.log('| finding | inputs |');
  console.log('| --- | ---: |');
  console.log(`| crashes (exception escaped) | ${total.counts.crash} |`);
  console.log(`| internal parser errors (caught) | ${total.counts.internal} |`);
  console.log(`| slow (> 1 s per input) | ${total.counts.slow} |`);
  console.log(`| hangs (> 20 s, worker killed) | ${hangs} |`);
  console.log(`| unsafe or malformed output | ${total.counts.unsafe} |`);
  console.log(`| nondeterministic parse (checked 1 in 8) | ${total.counts.nondeterministic} |`);
  console.log(`| RSS <description> read as HTML would run markup | ${total.counts.rssDescription} |`);
  for (const f of total.findings) console.log(`  e.g. ${f.kind} ${f.input}: ${f.detail.split('\n')[0]?.slice(0, 200)}`);
  for (const h of hangInputs) console.log(`  hang at ${h}`);
  console.log(`findings: ${join(outDir, 'findings.json')} (replay one with --replay <kind>:<seed>)`);
}
