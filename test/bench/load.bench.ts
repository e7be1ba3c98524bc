/**
 * The feed handler under 1,000 concurrent connections on loopback (not a test: nothing is
 * asserted, the numbers are printed). The real handler is served through the local Function
 * URL adapter, over a store seeded with generated articles parsed by the real parser:
 *
 *   memory    (default) MemoryArticleStore — measures the handler, rendering and HTTP path.
 *   dynalite  the DynamoDB adapter on dynalite in this same process (LOAD_STORE=dynalite).
 *             One process then plays 1,000 Lambda instances AND the database on 2 cores, so
 *             it measures dynalite's saturation more than ours: in AWS each concurrent request
 *             gets its own Lambda instance and DynamoDB scales out. Printed for honesty.
 *
 *   npm run bench -- load            or   npx tsx test/bench/load.bench.ts
 *
 * Three runs of LOAD_SECONDS each: a plain GET, a GET that accepts gzip (what readers send),
 * and a conditional GET with the current ETag (what polite readers send; 304, no body).
 * autocannon runs in a worker thread so the load generator does not share the server's event
 * loop; on a 2-core machine the two still compete for CPU, so read the numbers as a floor.
 * For the two runs with a body the generator is the bottleneck, not the server: autocannon
 * decodes every response body into a JS string (≈200 KB each here), which costs it several
 * times what the server spends sending it — the `server busy` column shows the server's
 * event loop idle part of the time. The conditional-GET run is the one that loads the server.
 */
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { MemoryArticleStore } from '../support/memory.js';
import type { ArticleReader, ArticleWriter } from '../../lambdas/core/ports.js';
import { serveFunctionUrl } from '../../lambdas/adapters/function-url-server.js';
import { parseArticle } from '../../lambdas/core/parse/index.js';
import type { Source } from '../../lambdas/core/sources.js';
import { makeFeedHandler } from '../../lambdas/feed/handler.js';
import { startDynalite } from '../support/standins.js';
import { bilingualPage } from '../reliability/support.js';
import { TEST_CURSOR_KEY } from '../support/cursor-key.js';

/** The part of autocannon's result we print (the package ships no type declarations). */
interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  throughput: { average: number };
  statusCodeStats?: Record<string, { count: number }>;
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; headers: Record<string, string>; workers: number; timeout: number }) => Promise<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const ARTICLES = Number(process.env.LOAD_ARTICLES ?? 300);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 1000);
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const STORES = (process.env.LOAD_STORE ?? 'memory').split(',');

const SOURCE: Source = {
  id: 'load',
  name: 'Load test source',
  kind: 'html-index',
  startUrls: ['http://news.example/'],
  linkPattern: '/',
  languages: ['en', 'zh'],
  schedule: 'rate(1 hour)',
  minDelayMs: 0,
};

interface Row {
  run: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  status: string;
  errors: number;
  timeouts: number;
  non2xx: number;
  mbPerSec: number;
  /** Connections the server accepted during the run: fewer than CONNECTIONS means some never got in. */
  accepted: number;
  /** Share of the run the server's event loop was busy: well below 100 % means the load generator, not the server, set the pace. */
  serverBusy: number;
}

async function hit(name: string, url: string, headers: Record<string, string>, accepted: () => number): Promise<Row> {
  const before = accepted();
  const elu = performance.eventLoopUtilization();
  const r = await autocannon({ url, connections: CONNECTIONS, duration: LOAD_SECONDS, headers, workers: 1, timeout: 10 });
  const statuses = Object.entries(r.statusCodeStats ?? {})
    .map(([code, s]) => `${code}:${s.count}`)
    .join(' ');
  return {
    run: name,
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    status: statuses,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    mbPerSec: Math.round((r.throughput.average / 1e6) * 10) / 10,
    accepted: accepted() - before,
    serverBusy: Math.round(performance.eventLoopUtilization(elu).utilization * 100),
  };
}

/**
 * The handler alone, without HTTP or a load generator: µs of one warm invocation, median of
 * five rounds. Steadier than the load runs on a shared machine, and it is the part a Lambda
 * instance is billed for.
 */
async function handlerCost(feed: ReturnType<typeof makeFeedHandler>, etag: string, lastModified: string): Promise<string[]> {
  const event = (headers: Record<string, string>): LambdaFunctionURLEvent => ({
    version: '2.0',
    routeKey: '$default',
    rawPath: '/feeds/all.atom',
    rawQueryString: '',
    headers: { host: '127.0.0.1', 'x-forwarded-proto': 'http', ...headers },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'local',
      domainName: '127.0.0.1',
      domainPrefix: '127',
      http: { method: 'GET', path: '/feeds/all.atom', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: 'bench',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  });
  const rows: string[] = [];
  for (const [name, headers] of [
    ['GET', {}],
    ['GET, Accept-Encoding: gzip', { 'accept-encoding': 'gzip' }],
    ['GET, If-None-Match (304)', { 'if-none-match': etag }],
    ['GET, If-Modified-Since only (304)', { 'if-modified-since': lastModified }],
  ] as const) {
    const e = event(headers);
    for (let i = 0; i < 200; i++) await feed(e);
    const rounds: number[] = [];
    for (let r = 0; r < 5; r++) {
      const n = 1000;
      const t = performance.now();
      for (let i = 0; i < n; i++) await feed(e);
      rounds.push(((performance.now() - t) / n) * 1000);
    }
    rounds.sort((a, b) => a - b);
    rows.push(`| ${name} | ${Math.round(rounds[2]!)} |`);
  }
  return rows;
}

async function runOn(kind: string): Promise<void> {
  const ddb = kind === 'dynalite' ? await startDynalite() : undefined;
  let server: Awaited<ReturnType<typeof serveFunctionUrl>> | undefined;
  // The handler logs each failed request on stderr; count them instead of flooding the table.
  const realError = console.error;
  let logged = 0;
  console.error = () => void logged++;
  try {
    let store: ArticleReader & ArticleWriter;
    if (ddb) store = new DynamoStore({ client: ddb.client, tableName: await ddb.createTable() });
    else store = new MemoryArticleStore();
    const base = Date.parse('2026-11-01T00:00:00Z');
    for (let i = 0; i < ARTICLES; i++) {
      const page = bilingualPage(90_000 + i, { serial: `L${i}` });
      const url = `http://news.example/load/${i}.html`;
      const parsed = parseArticle({ bytes: new TextEncoder().encode(page.html), url });
      if (!parsed.ok) throw new Error(`generated page ${i} did not parse: ${parsed.reason}`);
      await store.upsert(parsed.article, { sourceId: SOURCE.id, url, rawKey: `raw/load/${parsed.article.id}/x.html`, now: new Date(base + i * 60_000) });
    }
    const feed = makeFeedHandler({ reader: store, sources: [SOURCE], clock: { now: () => new Date() }, cursorKey: TEST_CURSOR_KEY });
    server = await serveFunctionUrl(feed, { host: '127.0.0.1', port: 0 });
    const url = `${server.url}/feeds/all.atom`;
    const first = await fetch(url);
    const body = await first.text();
    const etag = first.headers.get('etag') ?? '';
    console.log(
      `store: ${ddb ? 'dynalite (in-process)' : 'memory'}, ${ARTICLES} generated articles; GET /feeds/all.atom → ${first.status}, ${Math.round(Buffer.byteLength(body) / 1024)} KB (default page of 50 items)`,
    );
    if (!ddb) {
      console.log('| handler alone, warm (no HTTP) | µs per request |\n| --- | ---: |');
      console.log((await handlerCost(feed, etag, first.headers.get('last-modified') ?? '')).join('\n') + '\n');
    }
    console.log(`load: ${CONNECTIONS} connections, ${LOAD_SECONDS} s per run, autocannon in a worker thread, request timeout 10 s\n`);

    const rows: Row[] = [];
    for (const [name, headers] of [
      ['GET', {}],
      ['GET, Accept-Encoding: gzip', { 'accept-encoding': 'gzip' }],
      ['GET, If-None-Match (304)', { 'if-none-match': etag }],
    ] as const) {
      rows.push(await hit(name, url, headers, () => server?.connectionsAccepted() ?? 0));
      // Let requests abandoned at the end of a run drain before the next one starts.
      await new Promise((r) => setTimeout(r, 3000));
    }

    console.log('| run | req/s | p50 ms | p99 ms | requests | status codes | errors | timeouts | non-2xx | MB/s | accepted | server busy |');
    console.log('| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      console.log(
        `| ${r.run} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.status} | ${r.errors} | ${r.timeouts} | ${r.non2xx} | ${r.mbPerSec} | ${r.accepted} | ${r.serverBusy} % |`,
      );
    }
    console.log(`\n(non-2xx in the If-None-Match run are the expected 304s; handler error log lines: ${logged})`);
    console.log('(accepted: connections the server accepted during the run; server busy: its event loop utilisation over the run)\n');
  } finally {
    console.error = realError;
    await server?.close();
    await ddb?.stop();
  }
}

export async function run(): Promise<void> {
  for (const kind of STORES) await runOn(kind);
}

// Run directly: `npx tsx test/bench/load.bench.ts`
if (import.meta.url === `file://${process.argv[1]}`) await run();
