/**
 * Soak: N generated bilingual articles through the local pipeline, the same code as in AWS:
 *
 *   raw page → S3 (fauxqs) → parse job → SQS (fauxqs) → local event source mapping
 *   (lambdas/local/drain.ts) → parse handler → DynamoDB (dynalite, LevelDB on disk) →
 *   feed query (ArticleReader.list, the all-sources index) and one rendered feed page.
 *
 *   npx tsx test/soak/soak.ts [N=10000] [--batch 500] [--every 1000] [--standins child|in-process] [--snapshots DIR]
 *
 * Not a test (nothing asserted, exit code 1 if the final counts are wrong). Prints a memory
 * checkpoint every --every articles, throughput, and the final counts: stored, duplicates,
 * missing, plus how many articles came back with exactly the generated paragraphs and beads.
 *
 * Memory: by default the stand-ins run in a child process (test/soak/standins-process.ts),
 * as the AWS services run outside the Lambda: fauxqs keeps every raw page in memory (S3's
 * job, not ours) and would otherwise hide whether duofeed's own memory is bounded. This
 * process then holds only our code and the SDK; each checkpoint prints its RSS and its heap
 * after a full GC (a flat line = bounded), and the stand-ins' RSS beside it. The generator
 * keeps nothing per article (pages are regenerated from their seed to check them at the
 * end). `--standins in-process` reproduces the old one-process layout for comparison.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { localClientOptions, makeDynamoClient, makeS3Client, makeSqsClient } from '../../lambdas/adapters/aws-clients.js';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { S3RawStore } from '../../lambdas/adapters/s3-raw-store.js';
import { SqsDeadLetters } from '../../lambdas/adapters/sqs-dead-letters.js';
import { SqsJobQueue } from '../../lambdas/adapters/sqs-queue.js';
import { side } from '../../lambdas/core/article.js';
import { articleIdFor } from '../../lambdas/core/ids.js';
import type { ParseJob } from '../../lambdas/core/ports.js';
import type { Source } from '../../lambdas/core/sources.js';
import { makeFeedHandler } from '../../lambdas/feed/handler.js';
import { drainQueue } from '../../lambdas/local/drain.js';
import { makeParseHandler } from '../../lambdas/parse/handler.js';
import type { Logger } from '../../lambdas/core/ports.js';
import { bilingualPage, inspectFeed } from '../reliability/support.js';
import type { StandinsReady } from './standins-process.js';
import { TEST_CURSOR_KEY } from '../support/cursor-key.js';
import { quietSdkNodeNotice } from '../../lambdas/local/node-support.js';

quietSdkNodeNotice();

const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
// N is the bare number that is not a flag's value.
const N = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 10_000);
const BATCH = flag('--batch', 500);
const EVERY = flag('--every', 1000);
const IN_PROCESS = args.includes('in-process');
/** --snapshots DIR: a heap snapshot at the first and the last checkpoint, to diff what grew. */
const SNAPSHOTS = args.includes('--snapshots') ? args[args.indexOf('--snapshots') + 1] : undefined;
const MAX_RECEIVES = 3;
const SOURCES: Source[] = ['soak-a', 'soak-b', 'soak-c'].map((id) => ({
  id,
  name: `Soak ${id}`,
  kind: 'html-index',
  startUrls: [`http://${id}.example/`],
  linkPattern: '/',
  languages: ['en', 'zh'],
  schedule: 'rate(1 hour)',
  minDelayMs: 0,
}));

const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
const digest = (en: string[], zh: string[]) => createHash('sha256').update(JSON.stringify([en, zh])).digest('base64').slice(0, 16);

/** Article i, the same every time it is asked for (seeded): nothing per article is kept. */
function article(i: number) {
  const page = bilingualPage(1_000_000 + i, { serial: String(i) });
  const source = SOURCES[i % SOURCES.length] as Source;
  const url = `http://${source.id}.example/news/${i}.html`;
  return { page, source, url, id: articleIdFor(url) };
}

/** A full, synchronous GC: with --expose-gc its global, else the flag set at run time. */
function gcFunction(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Resident set of another process (Linux /proc), in bytes; 0 where it cannot be read. */
function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

interface Standins {
  ready: StandinsReady;
  pid?: number;
  stop(): Promise<void>;
}

async function startStandins(dataDir: string): Promise<Standins> {
  if (IN_PROCESS) {
    const { startDynalite, startFauxqs } = await import('../support/standins.js');
    const [ddb, aws] = await Promise.all([startDynalite({ path: join(dataDir, 'dynamo') }), startFauxqs({ maxReceiveCount: MAX_RECEIVES })]);
    const tableName = await ddb.createTable();
    return {
      ready: { dynamoEndpoint: ddb.endpoint, tableName, fauxqsEndpoint: aws.endpoint, bucket: aws.bucket, queueUrl: aws.queueUrl, dlqUrl: aws.dlqUrl },
      stop: async () => void (await Promise.all([ddb.stop(), aws.stop()])),
    };
  }
  const child: ChildProcess = fork(join(import.meta.dirname, 'standins-process.ts'), [join(dataDir, 'dynamo'), String(MAX_RECEIVES)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<StandinsReady>((resolve, reject) => {
    child.once('message', (m) => resolve(m as StandinsReady));
    child.once('exit', (code) => reject(new Error(`the stand-ins process exited (${code}) before it was ready`)));
  });
  return {
    ready,
    ...(child.pid ? { pid: child.pid } : {}),
    async stop() {
      child.disconnect();
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}

async function main(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'duofeed-soak-'));
  const gc = gcFunction();
  const standins = await startStandins(dataDir);
  const { ready } = standins;
  const dynamo = makeDynamoClient(localClientOptions(ready.dynamoEndpoint));
  const s3 = makeS3Client(localClientOptions(ready.fauxqsEndpoint));
  const sqs = makeSqsClient(localClientOptions(ready.fauxqsEndpoint));
  let peakRss = process.memoryUsage().rss;
  let peakStandins = rssOf(standins.pid);
  gc();
  const startMem = process.memoryUsage();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    peakStandins = Math.max(peakStandins, rssOf(standins.pid));
  }, 100);
  try {
    const store = new DynamoStore({ client: dynamo, tableName: ready.tableName });
    const raw = new S3RawStore({ client: s3, bucket: ready.bucket });
    const queue = new SqsJobQueue(sqs, ready.queueUrl);
    // Only failures are kept; the handler logs one line per record otherwise.
    const failures: Array<Record<string, unknown>> = [];
    const log: Logger = { info: () => undefined, warn: () => undefined, error: (msg, f = {}) => void failures.push({ msg, ...f }) };
    const handler = makeParseHandler({
      raw,
      articles: store,
      clock: { now: () => new Date() },
      log,
      deadLetter: { queue: new SqsDeadLetters(sqs, ready.dlqUrl), maxReceives: MAX_RECEIVES },
    });

    const layouts = new Map<string, number>();
    let rawBytes = 0;
    let redriven = 0;
    let retried = 0;
    const t0 = performance.now();
    console.log(
      `soak: N=${N}, batches of ${BATCH}, ${SOURCES.length} sources; stand-ins (fauxqs S3+SQS in memory, dynalite on disk in ${dataDir}) ${IN_PROCESS ? 'IN THIS PROCESS' : `in child process ${standins.pid}`}`,
    );
    console.log(`memory checkpoints (this process = duofeed's code + AWS SDK${IN_PROCESS ? ' + the stand-ins' : ''}; heap/external after a full GC):`);
    console.log('| articles | s | articles/s | RSS MB | heap used MB | external MB | stand-ins RSS MB | raw pages put MB |');
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const checkpoints: { done: number; rss: number; heap: number }[] = [];
    const checkpoint = (done: number) => {
      gc();
      const m = process.memoryUsage();
      const s = (performance.now() - t0) / 1000;
      checkpoints.push({ done, rss: m.rss, heap: m.heapUsed });
      if (SNAPSHOTS && done > 0 && (checkpoints.length === 2 || done === N)) writeHeapSnapshot(join(SNAPSHOTS, `soak-${done}.heapsnapshot`));
      console.log(
        `| ${done} | ${s.toFixed(0)} | ${done ? (done / s).toFixed(1) : '-'} | ${mb(m.rss)} | ${mb(m.heapUsed)} | ${mb(m.external)} | ${IN_PROCESS ? '(in process)' : mb(rssOf(standins.pid))} | ${mb(rawBytes)} |`,
      );
    };
    checkpoint(0);
    for (let done = 0; done < N; ) {
      const jobs: ParseJob[] = [];
      const upto = Math.min(N, done + BATCH);
      for (let i = done; i < upto; i++) {
        const { page, source, url, id } = article(i);
        const bytes = new TextEncoder().encode(page.html);
        rawBytes += bytes.byteLength;
        const job: ParseJob = { sourceId: source.id, url, rawKey: `raw/${source.id}/${id}/${createHash('sha256').update(bytes).digest('hex')}.html`, fetchedAt: new Date().toISOString() };
        await raw.put(job.rawKey, { bytes, url, contentType: 'text/html; charset=utf-8' });
        jobs.push(job);
        layouts.set(page.layout, (layouts.get(page.layout) ?? 0) + 1);
      }
      await queue.send(jobs);
      const r = await drainQueue({ sqs, queueUrl: ready.queueUrl, maxReceiveCount: MAX_RECEIVES, handler });
      redriven += r.redriven;
      retried += r.retried;
      const before = done;
      done = upto;
      if (Math.floor(done / EVERY) > Math.floor(before / EVERY) || done === N) checkpoint(done);
    }
    const ingestSeconds = (performance.now() - t0) / 1000;
    const ingestPeakRss = peakRss;

    // The feed side's view: the all-sources index, paged as a reader would, then each source.
    const t1 = performance.now();
    const seen = new Map<string, { count: number; body: string; beads: string }>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.list(undefined, { limit: 200, ...(cursor ? { cursor } : {}) });
      pages++;
      for (const a of page.items) {
        const prev = seen.get(a.id);
        if (prev) {
          prev.count++;
          continue;
        }
        const en = a.segments.flatMap((g) => side(g, 'en'));
        const zh = a.segments.flatMap((g) => side(g, 'zh'));
        seen.set(a.id, { count: 1, body: digest(en, zh), beads: a.segments.map((g) => `${side(g, 'en').length}-${side(g, 'zh').length}`).join(',') });
      }
      cursor = page.next;
    } while (cursor);
    let perSource = 0;
    for (const src of SOURCES) {
      let c: string | undefined;
      do {
        const page = await store.list(src.id, { limit: 200, ...(c ? { cursor: c } : {}) });
        perSource += page.items.length;
        c = page.next;
      } while (c);
    }
    const feed = makeFeedHandler({ reader: store, sources: SOURCES, clock: { now: () => new Date() }, cursorKey: TEST_CURSOR_KEY });
    const ev: LambdaFunctionURLEvent = {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/feeds/all.atom',
      rawQueryString: 'limit=200',
      headers: { host: 'soak.example' },
      requestContext: { accountId: 'a', apiId: 'l', domainName: 'soak.example', domainPrefix: 'soak', http: { method: 'GET', path: '/feeds/all.atom', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'soak' }, requestId: 'r', routeKey: '$default', stage: '$default', time: '', timeEpoch: 0 },
      isBase64Encoded: false,
    };
    const res = (await feed(ev)) as { statusCode: number; body: string };
    const inspected = inspectFeed(res.body, 'atom');
    const querySeconds = (performance.now() - t1) / 1000;

    // Each generated article, regenerated from its seed, against what the store holds.
    let missing = 0;
    let exactBody = 0;
    let exactBeads = 0;
    for (let i = 0; i < N; i++) {
      const { page, id } = article(i);
      const got = seen.get(id);
      if (!got) {
        missing++;
        continue;
      }
      if (got.body === digest(page.en, page.zh)) exactBody++;
      if (got.beads === page.beads.join(',')) exactBeads++;
    }
    const stored = seen.size;
    const duplicates = [...seen.values()].reduce((n, c) => n + (c.count - 1), 0);
    gc();
    const end = process.memoryUsage();
    const first = checkpoints.find((c) => c.done > 0) ?? checkpoints[0]!;
    const last = checkpoints.at(-1)!;
    console.log('\nsoak result');
    console.log(`| N | stored | duplicates | missing | per-source total | parse failures | redriven to the DLQ | retried receives |`);
    console.log(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
    console.log(`| ${N} | ${stored} | ${duplicates} | ${missing} | ${perSource} | ${failures.length} | ${redriven} | ${retried} |`);
    console.log(
      `ingest ${ingestSeconds.toFixed(1)} s = ${(N / ingestSeconds).toFixed(1)} articles/s (S3 put + SQS send/receive/delete + S3 get + parse + DynamoDB upsert; stand-ins ${IN_PROCESS ? 'in this process' : 'in a child process'}; 2 cores shared)`,
    );
    console.log(`feed query: ${pages} pages of 200 over all sources + 3 source listings + one 200-item Atom page (${res.statusCode}, ${inspected.items.length} items, ${inspected.problems.length} problems) in ${querySeconds.toFixed(1)} s`);
    console.log(`alignment: ${exactBody}/${N} articles with exactly the generated paragraphs, ${exactBeads}/${N} with exactly the generated beads (layouts ${[...layouts].map(([k, v]) => `${k} ${v}`).join(', ')})`);
    console.log(
      `memory, this process: peak RSS ${mb(ingestPeakRss)} MB during ingest (sampled every 100 ms; start ${mb(startMem.rss)} MB); ` +
        `heap after GC ${mb(first.heap)} MB at ${first.done} articles -> ${mb(last.heap)} MB at ${last.done} (${((last.heap - first.heap) / 1024).toFixed(0)} KB); ` +
        `RSS ${mb(first.rss)} -> ${mb(last.rss)} MB; after the verification pass (holds one entry per article) heap ${mb(end.heapUsed)} MB`,
    );
    console.log(`memory, stand-ins: ${IN_PROCESS ? 'counted above (same process)' : `peak RSS ${mb(peakStandins)} MB`}; raw pages put to S3 ${mb(rawBytes)} MB (fauxqs keeps them in memory)`);
    if (failures.length) console.log(`first failures: ${JSON.stringify(failures.slice(0, 3))}`);
    return stored === N && duplicates === 0 && missing === 0 && perSource === N ? 0 : 1;
  } finally {
    clearInterval(sampler);
    dynamo.destroy();
    s3.destroy();
    sqs.destroy();
    await standins.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
