/**
 * Soak: N generated bilingual articles through the local pipeline, the same code as in AWS:
 *
 *   raw page → S3 (fauxqs) → parse job → SQS (fauxqs) → local event source mapping
 *   (lambdas/local/drain.ts) → parse handler → DynamoDB (dynalite, LevelDB on disk) →
 *   feed query (ArticleReader.list, the all-sources index) and one rendered feed page.
 *
 *   npx tsx test/soak/soak.ts [N=10000] [--batch 500]
 *
 * Not a test (nothing asserted, exit code 1 if the final counts are wrong). Prints progress,
 * peak RSS (sampled every 100 ms), throughput, and the final counts: stored, duplicates,
 * missing, plus how many articles came back with exactly the generated paragraphs and beads.
 * dynalite writes to a temporary folder so the article table's contents are not counted as
 * pipeline memory; fauxqs keeps S3 and SQS in memory (≈ the raw pages' size, reported).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { S3RawStore } from '../../lambdas/adapters/s3-raw-store.js';
import { SqsJobQueue } from '../../lambdas/adapters/sqs-queue.js';
import { side } from '../../lambdas/core/article.js';
import { articleIdFor } from '../../lambdas/core/ids.js';
import type { ParseJob } from '../../lambdas/core/ports.js';
import type { Source } from '../../lambdas/core/sources.js';
import { makeFeedHandler } from '../../lambdas/feed/handler.js';
import { drainQueue } from '../../lambdas/local/drain.js';
import { makeParseHandler } from '../../lambdas/parse/handler.js';
import type { Logger } from '../../lambdas/parse/process.js';
import { startDynalite, startFauxqs } from '../support/standins.js';
import { bilingualPage, inspectFeed } from '../reliability/support.js';

const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const BATCH = flag('--batch', 500);
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

const mb = (b: number) => Math.round(b / 1024 / 1024);
const digest = (en: string[], zh: string[]) => createHash('sha256').update(JSON.stringify([en, zh])).digest('base64').slice(0, 16);

async function main(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'duofeed-soak-'));
  const [ddb, aws] = await Promise.all([startDynalite({ path: join(dataDir, 'dynamo') }), startFauxqs({ maxReceiveCount: 3 })]);
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const startRss = peakRss;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 100);
  try {
    const tableName = await ddb.createTable();
    const store = new DynamoStore({ client: ddb.client, tableName });
    const raw = new S3RawStore({ client: aws.s3, bucket: aws.bucket });
    const queue = new SqsJobQueue(aws.sqs, aws.queueUrl);
    // Only failures are kept; the handler logs one line per record otherwise.
    const failures: Array<Record<string, unknown>> = [];
    const log: Logger = { info: () => undefined, warn: () => undefined, error: (msg, f = {}) => void failures.push({ msg, ...f }) };
    const handler = makeParseHandler({ raw, articles: store, clock: { now: () => new Date() }, log });

    // What each article should come back as: a digest of its paragraphs and its bead shape.
    const expected = new Map<string, { body: string; beads: string }>();
    const layouts = new Map<string, number>();
    let rawBytes = 0;
    let deadLettered = 0;
    let retried = 0;
    const t0 = performance.now();
    console.log(`soak: N=${N}, batches of ${BATCH}, ${SOURCES.length} sources; dynalite on disk (${dataDir}), fauxqs in memory; start RSS ${mb(startRss)} MB`);
    for (let done = 0; done < N; ) {
      const jobs: ParseJob[] = [];
      const upto = Math.min(N, done + BATCH);
      for (let i = done; i < upto; i++) {
        const page = bilingualPage(1_000_000 + i, { serial: String(i) });
        const source = SOURCES[i % SOURCES.length] as Source;
        const url = `http://${source.id}.example/news/${i}.html`;
        const id = articleIdFor(url);
        const bytes = new TextEncoder().encode(page.html);
        rawBytes += bytes.byteLength;
        const job: ParseJob = { sourceId: source.id, url, rawKey: `raw/${source.id}/${id}/${createHash('sha256').update(bytes).digest('hex')}.html`, fetchedAt: new Date().toISOString() };
        await raw.put(job.rawKey, { bytes, url, contentType: 'text/html; charset=utf-8' });
        jobs.push(job);
        expected.set(id, { body: digest(page.en, page.zh), beads: page.beads.join(',') });
        layouts.set(page.layout, (layouts.get(page.layout) ?? 0) + 1);
      }
      await queue.send(jobs);
      const r = await drainQueue({ sqs: aws.sqs, queueUrl: aws.queueUrl, maxReceiveCount: 3, handler });
      deadLettered += r.redriven;
      retried += r.retried;
      done = upto;
      const s = (performance.now() - t0) / 1000;
      console.log(`  ${String(done).padStart(6)}/${N}  ${s.toFixed(0).padStart(5)} s  ${(done / s).toFixed(1)} articles/s  RSS ${mb(process.memoryUsage().rss)} MB (peak ${mb(peakRss)} MB)  failed ${failures.length}`);
    }
    const ingestSeconds = (performance.now() - t0) / 1000;

    // The feed side's view: the all-sources index, paged as a reader would, then each source.
    const t1 = performance.now();
    const seen = new Map<string, number>();
    let exactBody = 0;
    let exactBeads = 0;
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.list(undefined, { limit: 200, ...(cursor ? { cursor } : {}) });
      pages++;
      for (const a of page.items) {
        seen.set(a.id, (seen.get(a.id) ?? 0) + 1);
        const want = expected.get(a.id);
        if (!want) continue;
        const en = a.segments.flatMap((g) => side(g, 'en'));
        const zh = a.segments.flatMap((g) => side(g, 'zh'));
        if (digest(en, zh) === want.body) exactBody++;
        const shape = a.segments.map((g) => `${side(g, 'en').length}-${side(g, 'zh').length}`).join(',');
        if (shape === want.beads) exactBeads++;
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
    const feed = makeFeedHandler({ reader: store, sources: SOURCES, clock: { now: () => new Date() } });
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

    const stored = seen.size;
    const duplicates = [...seen.values()].reduce((n, c) => n + (c - 1), 0);
    const missing = [...expected.keys()].filter((id) => !seen.has(id)).length;
    const m = process.memoryUsage();
    console.log('\nsoak result');
    console.log(`| N | stored | duplicates | missing | per-source total | parse failures | dead-lettered | retried receives |`);
    console.log(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
    console.log(`| ${N} | ${stored} | ${duplicates} | ${missing} | ${perSource} | ${failures.length} | ${deadLettered} | ${retried} |`);
    console.log(
      `ingest ${ingestSeconds.toFixed(1)} s = ${(N / ingestSeconds).toFixed(1)} articles/s (S3 put + SQS send/receive/delete + S3 get + parse + DynamoDB upsert, one process, 2 cores shared)`,
    );
    console.log(`feed query: ${pages} pages of 200 over all sources + 3 source listings + one 200-item Atom page (${res.statusCode}, ${inspected.items.length} items, ${inspected.problems.length} problems) in ${querySeconds.toFixed(1)} s`);
    console.log(`alignment: ${exactBody}/${N} articles with exactly the generated paragraphs, ${exactBeads}/${N} with exactly the generated beads (layouts ${[...layouts].map(([k, v]) => `${k} ${v}`).join(', ')})`);
    console.log(`memory: start RSS ${mb(startRss)} MB, peak RSS ${mb(peakRss)} MB, end RSS ${mb(m.rss)} MB, peak heap ${mb(peakHeap)} MB; raw pages held by fauxqs in memory ${mb(rawBytes)} MB`);
    if (failures.length) console.log(`first failures: ${JSON.stringify(failures.slice(0, 3))}`);
    return stored === N && duplicates === 0 && missing === 0 && perSource === N ? 0 : 1;
  } finally {
    clearInterval(sampler);
    await Promise.all([ddb.stop(), aws.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
