/**
 * The deployed artifact, rehearsed. `cdk synth` (the real app, bundling on) writes the three
 * function assets to cdk.out; each asset's index.mjs is loaded, as staged, in a fresh Node
 * process (test/rehearsal/lambda-runtime.mjs plays the runtime's invoke loop) with the
 * environment the template gives that function, its references resolved to the local
 * stand-ins (dynalite for DynamoDB, fauxqs for S3 and SQS) and the SDK pointed at them
 * through AWS_ENDPOINT_URL_*. Then the functions get real event shapes:
 *
 * - fetch: the EventBridge Scheduler input of each schedule in the template, against the
 *   samples' static server;
 * - parse: SQS batches of the template's BatchSize, as the event source mapping builds them,
 *   with two poisoned records — a body that is no parse job (dead-lettered at once, with its
 *   reason) and a job whose raw page is missing (reported in batchItemFailures until its last
 *   receive, then dead-lettered by the handler);
 * - feed: Function URL payload v2.0 events (GET, HEAD, conditional GET, gzip, paging).
 *
 * The stored articles must equal what `npm start` stores from the same pages (everything
 * but the store's write times).
 *
 * One deliberate difference from a deployment: DUOFEED_SOURCES. The template's list is
 * synthesized from the sample sources with a public base URL (synth refuses loopback
 * sources); the functions run with the same list pointed at the loopback sample server.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../lambdas/core/article.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lambdas/adapters/aws-clients.js';
import { createTable, DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { serveFunctionUrl, type FunctionUrlServer } from '../../lambdas/adapters/function-url-server.js';
import { loadSources, withBaseUrl } from '../../lambdas/fetch/config.js';
import { drainQueue } from '../../lambdas/local/drain.js';
import { SDK_NODE_NOTICE_OFF } from '../../lambdas/local/node-support.js';
import { startLocal } from '../../lambdas/local/run.js';
import { startLocalDynamo, startLocalS3Sqs, type LocalDynamo, type LocalS3Sqs } from '../../lambdas/local/standins.js';
import { serveStatic, type StaticServer } from '../../lambdas/local/static-server.js';
import { FUNCTION_NAMES, type FunctionName } from '../../lib/bundling.js';
import { logicalId, synth, type Synthesized } from '../cdk/helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLES = join(ROOT, 'samples');
const SAMPLE_SOURCES = join(SAMPLES, 'sources.json');
const RUNTIME = join(ROOT, 'test/rehearsal/lambda-runtime.mjs');
/** Where the synthesized sources pretend the samples live (a public name; never fetched). */
const PUBLIC_BASE = 'https://samples.duofeed.example';
const TABLE_NAME = 'duofeed-rehearsal';
const BUCKET = 'duofeed-rehearsal-raw';
const QUEUE = 'duofeed-rehearsal-parse';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- CloudFormation JSON

interface LambdaProcess {
  name: FunctionName;
  invoke<T = unknown>(event: unknown): Promise<T>;
  stdout: string[];
  stderr: string[];
  close(): void;
}

let work: string;
let samples: StaticServer;
let synthesized: Synthesized;
let resources: Record<string, Json>;
let dynamo: LocalDynamo;
let aws: LocalS3Sqs;
const cursorKey = randomBytes(32).toString('hex');
const fns = {} as Record<FunctionName, LambdaProcess>;
let feedServer: FunctionUrlServer;

const fnId = (name: FunctionName) => logicalId(synthesized.template, 'AWS::Lambda::Function', `${name[0]!.toUpperCase()}${name.slice(1)}Function`);
const propsOf = (id: string): Json => (resources[id] as Json).Properties as Json;
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

/** A template value the function's environment holds, as it resolves against the stand-ins. */
function resolveValue(key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Json;
  if (v.Ref !== undefined) {
    const type = resources[v.Ref as string]?.Type;
    if (type === 'AWS::DynamoDB::Table') return TABLE_NAME;
    if (type === 'AWS::S3::Bucket') return BUCKET;
    // Ref of a queue is its URL (fauxqs names its queues on sqs.<region>.localhost, which the
    // functions never resolve: their SQS client sends to the configured endpoint).
    if (type === 'AWS::SQS::Queue' && (v.Ref as string).startsWith('ParseQueue')) return aws.queueUrl;
    if (type === 'AWS::SQS::Queue' && (v.Ref as string).startsWith('ParseDeadLetters')) return aws.dlqUrl;
  }
  // A dynamic reference CloudFormation resolves at deploy: the generated cursor key.
  const join = v['Fn::Join'] as [string, unknown[]] | undefined;
  if (join && join[0] === '' && join[1][0] === '{{resolve:secretsmanager:' && join[1][2] === ':SecretString:::}}') {
    const secret = (join[1][1] as Json).Ref as string;
    if (resources[secret]?.Type === 'AWS::SecretsManager::Secret') return cursorKey;
  }
  throw new Error(`environment variable ${key}: no stand-in for ${JSON.stringify(value)} — teach the rehearsal about it`);
}

/** One deployed function in its own Node process, loaded from its staged asset. */
async function startFunction(name: FunctionName, sourcesJson: string): Promise<LambdaProcess> {
  const props = propsOf(fnId(name));
  expect(props.Runtime).toBe('nodejs24.x');
  const asset = join(synthesized.outdir, `asset.${String(props.Code.S3Key).replace(/\.zip$/, '')}`);
  // What Lambda unpacks into /var/task: the staged folder as it is, and nothing else (no node_modules).
  const taskRoot = mkdtempSync(join(work, `${name}-task-`));
  cpSync(asset, taskRoot, { recursive: true });
  const [file, exported] = String(props.Handler).split('.') as [string, string];
  const entry = join(taskRoot, `${file}.mjs`);
  expect(existsSync(entry), `${name}: ${props.Handler} → ${file}.mjs`).toBe(true);

  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(props.Environment.Variables as Json)) env[key] = resolveValue(key, value);
  // The list the template carries is the samples' list on their public name (checked below).
  if (env.DUOFEED_SOURCES !== undefined) env.DUOFEED_SOURCES = sourcesJson;
  const child = fork(RUNTIME, [entry, exported], {
    cwd: taskRoot,
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...env,
      // What the Lambda runtime itself provides…
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      TZ: ':UTC',
      LANG: 'en_US.UTF-8',
      AWS_REGION: LOCAL_REGION,
      AWS_DEFAULT_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_SESSION_TOKEN: 'rehearsal',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      AWS_LAMBDA_FUNCTION_NAME: `Duofeed-${name}`,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(props.MemorySize),
      AWS_LAMBDA_FUNCTION_TIMEOUT_MS: String(Number(props.Timeout) * 1000),
      // …and the stand-ins in place of the AWS endpoints (the SDK reads these itself).
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_S3: aws.endpoint,
      AWS_ENDPOINT_URL_SQS: aws.endpoint,
      // This machine runs Node 20, the functions Node 24: the SDK's Node 20 notice, handled as locally.
      ...SDK_NODE_NOTICE_OFF,
    },
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.setEncoding('utf8').on('data', (c: string) => stdout.push(...c.split('\n').filter(Boolean)));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => stderr.push(...c.split('\n').filter(Boolean)));
  const pending = new Map<string, { resolve(v: unknown): void; reject(e: Error): void }>();
  await new Promise<void>((ok, fail) => {
    child.once('message', (m: { ready: boolean; error?: string }) => (m.ready ? ok() : fail(new Error(m.error))));
    child.once('exit', (code) => fail(new Error(`${name} exited (${code}) before it was ready:\n${stderr.join('\n')}`)));
  });
  child.on('message', (m: { id: string; ok: boolean; result?: unknown; error?: { name: string; message: string } }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.ok) p?.resolve(m.result);
    else p?.reject(new Error(`${name} threw ${m.error?.name}: ${m.error?.message}`));
  });
  let n = 0;
  return {
    name,
    stdout,
    stderr,
    invoke: <T>(event: unknown) =>
      new Promise<T>((ok, fail) => {
        const id = `${name}-${++n}`;
        pending.set(id, { resolve: (v) => ok(v as T), reject: fail });
        child.send({ id, event });
      }),
    close: () => void (child as ChildProcess).kill(),
  };
}

async function allArticles(store: DynamoStore): Promise<StoredArticle[]> {
  const out: StoredArticle[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(undefined, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const a of page.items) out.push((await store.get(a.id)) as StoredArticle);
    cursor = page.next;
  } while (cursor);
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** An article without the store's write times (when it was first seen and last changed). */
const content = ({ firstSeen: _f, updated: _u, ...rest }: StoredArticle) => rest;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'duofeed-rehearsal-'));
  samples = await serveStatic(SAMPLES, 0);
  // The sample sources as a deployment would list them: a public base URL, no loopback flag.
  const publicSources = loadSources(withBaseUrl(readFileSync(SAMPLE_SOURCES, 'utf8'), PUBLIC_BASE), SAMPLE_SOURCES).map(({ allowPrivateNetwork: _p, ...s }) => s);
  const sourcesFile = join(work, 'sources.json');
  writeFileSync(sourcesFile, JSON.stringify(publicSources));
  synthesized = synth({ sourcesFile });
  resources = (synthesized.template.toJSON() as { Resources: Record<string, Json> }).Resources;

  dynamo = await startLocalDynamo(undefined);
  await createTable(dynamo.client, TABLE_NAME);
  const [, queue] = ofType('AWS::SQS::Queue').find(([id]) => id.startsWith('ParseQueue'))!;
  aws = await startLocalS3Sqs({ bucket: BUCKET, queue: QUEUE, maxReceiveCount: Number(queue.Properties.RedrivePolicy.maxReceiveCount) });

  const loopbackSources = JSON.stringify(loadSources(withBaseUrl(readFileSync(SAMPLE_SOURCES, 'utf8'), samples.url), SAMPLE_SOURCES));
  for (const name of FUNCTION_NAMES) fns[name] = await startFunction(name, loopbackSources);
  feedServer = await serveFunctionUrl((event) => fns.feed.invoke(event), { host: '127.0.0.1', port: 0 });
}, 240_000);

afterAll(async () => {
  for (const f of Object.values(fns)) f.close();
  await feedServer?.close();
  await aws?.stop();
  await dynamo?.stop();
  await samples?.close();
  synthesized?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the deployed artifact, rehearsed', () => {
  it('the template lists the sample sources the functions are run with (on their public name)', () => {
    const listed = JSON.parse(propsOf(fnId('fetch')).Environment.Variables.DUOFEED_SOURCES as string) as { id: string; startUrls: string[] }[];
    expect(listed.map((s) => s.id)).toEqual(['sample-mil', 'sample-daily']);
    expect(listed.every((s) => s.startUrls.every((u) => u.startsWith(`${PUBLIC_BASE}/`)))).toBe(true);
  });

  it('fetch: each schedule\'s Scheduler input fetches its source into S3 and the parse queue', async () => {
    const schedules = ofType('AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(2);
    const results: Record<string, unknown> = {};
    for (const [, schedule] of schedules) {
      const target = schedule.Properties.Target as Json;
      expect(target.Arn).toEqual({ 'Fn::GetAtt': [fnId('fetch'), 'Arn'] });
      // Scheduler invokes the function with the target's Input as the event, as is.
      const event = JSON.parse(target.Input as string) as { sourceId: string };
      const run = await fns.fetch.invoke<{ sources: { sourceId: string; fetched: number; failed: number; error?: string }[] }>(event);
      for (const s of run.sources) results[s.sourceId] = { fetched: s.fetched, failed: s.failed, error: s.error };
    }
    expect(results, fns.fetch.stdout.filter((l) => l.includes('"error"')).join('\n')).toEqual({ 'sample-mil': { fetched: 4, failed: 0 }, 'sample-daily': { fetched: 3, failed: 0 } });
  }, 60_000);

  it('parse: batches of the mapping\'s size; a poisoned record is reported or dead-lettered per the contract, the rest stored', async () => {
    const mapping = ofType('AWS::Lambda::EventSourceMapping')[0]![1].Properties as Json;
    expect(mapping.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    const batchSize = Number(mapping.BatchSize);
    const maxReceives = Number(propsOf(fnId('parse')).Environment.Variables.DUOFEED_MAX_RECEIVES);
    const notAJob = await aws.sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrl, MessageBody: 'not a parse job' }));
    const missing = await aws.sqs.send(
      new SendMessageCommand({
        QueueUrl: aws.queueUrl,
        MessageBody: JSON.stringify({ sourceId: 'sample-mil', url: `${samples.url}/sample-mil/articles/gone.html`, rawKey: 'raw/sample-mil/0000000000000000dead/gone.html', fetchedAt: '2026-11-30T12:00:00.000Z' }),
      }),
    );
    const sizes: number[] = [];
    const reported: string[][] = [];
    const drained = await drainQueue({
      sqs: aws.sqs,
      queueUrl: aws.queueUrl,
      maxReceiveCount: maxReceives,
      batchSize,
      handler: async (event: SQSEvent) => {
        sizes.push(event.Records.length);
        const response = await fns.parse.invoke<SQSBatchResponse>(event);
        reported.push(response.batchItemFailures.map((f) => f.itemIdentifier));
        return response;
      },
    });
    expect(Math.max(...sizes)).toBeLessThanOrEqual(batchSize);
    // The missing page is handed back on every receive but its last, when the handler dead-letters it.
    expect(reported.flat()).toEqual(Array<string>(maxReceives - 1).fill(missing.MessageId!));
    expect(drained).toMatchObject({ redriven: 0, retried: maxReceives - 1 });

    const dlq = await aws.sqs.send(new ReceiveMessageCommand({ QueueUrl: aws.dlqUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'] }));
    const dead = Object.fromEntries((dlq.Messages ?? []).map((m) => [m.MessageAttributes?.['duofeed.messageId']?.StringValue, { body: m.Body, receives: m.MessageAttributes?.['duofeed.receives']?.StringValue, reason: m.MessageAttributes?.['duofeed.reason']?.StringValue }]));
    expect(dead).toEqual({
      [notAJob.MessageId!]: { body: 'not a parse job', receives: '1', reason: expect.stringMatching(/^bad parse job: message body is not JSON/) },
      [missing.MessageId!]: { body: expect.stringContaining('gone.html'), receives: String(maxReceives), reason: expect.stringMatching(/^cannot read raw page raw\/sample-mil\/0000000000000000dead\/gone\.html: /) },
    });
    expect(await allArticles(new DynamoStore({ client: dynamo.client, tableName: TABLE_NAME }))).toHaveLength(7);
  }, 60_000);

  it('the stored articles equal what npm start stores from the same pages', async () => {
    const data = mkdtempSync(join(work, 'npm-start-'));
    // npm start's own code, naming the sample site by the address the functions fetched it from.
    const local = await startLocal({ dataDir: data, samplesDir: SAMPLES, sourcesFile: SAMPLE_SOURCES, fresh: false, out: () => undefined, sampleSite: samples.url });
    let expected: StoredArticle[];
    try {
      expected = await allArticles(local.store);
    } finally {
      await local.close();
    }
    const rehearsed = await allArticles(new DynamoStore({ client: dynamo.client, tableName: TABLE_NAME }));
    expect(rehearsed).toHaveLength(7);
    expect(rehearsed.map(content)).toEqual(expected.map(content));
  }, 60_000);

  describe('feed: Function URL events', () => {
    let atom: Response;
    let atomBody: string;
    beforeAll(async () => {
      atom = await fetch(`${feedServer.url}/feeds/all.atom`);
      atomBody = await atom.text();
    });

    it('GET', async () => {
      expect(atom.status).toBe(200);
      expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      expect(atomBody.match(/<entry[\s>]/g)).toHaveLength(7);
      const page = await fetch(`${feedServer.url}/`);
      expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      const id = /tag:duofeed,2026:article\/([0-9a-f]{20})</.exec(atomBody)?.[1];
      const article = await fetch(`${feedServer.url}/articles/${id}`);
      expect(article.status).toBe(200);
      expect(await article.text()).toContain('<html');
    });

    it('pinyin and script views: the side bundles staged beside index.mjs load (lib/bundling.ts LAZY_BUNDLES)', async () => {
      const id = /tag:duofeed,2026:article\/([0-9a-f]{20})</.exec(atomBody)?.[1];
      const pinyin = await fetch(`${feedServer.url}/articles/${id}?pinyin=1`);
      expect(pinyin.status).toBe(200);
      expect(await pinyin.text()).toMatch(/<ruby>[^<]+<rt>[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+<\/rt>/);
      const hant = await fetch(`${feedServer.url}/articles/${id}?script=hant`);
      expect(hant.status).toBe(200);
      expect(await hant.text()).toContain('zh-Hant');
    });

    it('HEAD: the same headers, no body', async () => {
      const head = await fetch(`${feedServer.url}/feeds/all.atom`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('etag')).toBe(atom.headers.get('etag'));
      expect(head.headers.get('content-type')).toBe(atom.headers.get('content-type'));
      expect((await head.arrayBuffer()).byteLength).toBe(0);
    });

    it('conditional GET: 304 with the tag and the type, no body', async () => {
      const again = await fetch(`${feedServer.url}/feeds/all.atom`, { headers: { 'if-none-match': atom.headers.get('etag')! } });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(atom.headers.get('etag'));
      expect(again.headers.get('content-type')).toBe(atom.headers.get('content-type'));
      expect((await again.arrayBuffer()).byteLength).toBe(0);
      const since = await fetch(`${feedServer.url}/feeds/all.atom`, { headers: { 'if-modified-since': atom.headers.get('last-modified')! } });
      expect(since.status).toBe(304);
    });

    it('gzip: a base64 body through the Function URL, the same document unzipped', async () => {
      const raw = await fns.feed.invoke<{ statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded: boolean }>({
        version: '2.0',
        routeKey: '$default',
        rawPath: '/feeds/all.atom',
        rawQueryString: '',
        headers: { host: 'abc123.lambda-url.us-east-1.on.aws', 'x-forwarded-host': 'feeds.example.org', 'x-forwarded-proto': 'https', 'accept-encoding': 'gzip, br' },
        requestContext: { http: { method: 'GET', path: '/feeds/all.atom', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'rehearsal' }, domainName: 'abc123.lambda-url.us-east-1.on.aws', requestId: 'r-1', routeKey: '$default', stage: '$default', time: '30/Nov/2026:12:00:00 +0000', timeEpoch: 1796040000000, accountId: 'anonymous', apiId: 'abc123', domainPrefix: 'abc123' },
        isBase64Encoded: false,
      });
      expect(raw.statusCode).toBe(200);
      expect(raw.isBase64Encoded).toBe(true);
      expect(raw.headers['content-encoding']).toBe('gzip');
      const unzipped = gunzipSync(Buffer.from(raw.body, 'base64')).toString('utf8');
      // The same document, its links built on the host CloudFront forwarded.
      expect(unzipped.replaceAll('https://feeds.example.org', feedServer.url)).toBe(atomBody);
      const viaHttp = await fetch(`${feedServer.url}/feeds/all.atom`, { headers: { 'accept-encoding': 'gzip' } });
      expect(viaHttp.headers.get('content-encoding')).toBe('gzip');
      expect(await viaHttp.text()).toBe(atomBody);
    });

    it('paging: a signed next cursor is followed; an edited one is refused', async () => {
      const first = (await (await fetch(`${feedServer.url}/feeds/all.json?limit=3`)).json()) as { items: { id: string }[]; next_url: string };
      expect(first.items).toHaveLength(3);
      const next = new URL(first.next_url);
      const second = (await (await fetch(`${feedServer.url}${next.pathname}${next.search}`)).json()) as { items: { id: string }[] };
      expect(second.items).toHaveLength(3);
      expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
      const cursor = next.searchParams.get('cursor')!;
      const edited = await fetch(`${feedServer.url}/feeds/all.json?limit=3&cursor=${encodeURIComponent(`${cursor.slice(0, -1)}${cursor.endsWith('A') ? 'B' : 'A'}`)}`);
      expect(edited.status).toBe(400);
      expect(await edited.text()).toBe('cursor is not one this server issued\n');
    });
  });

  it('no function wrote to stderr (no crash, no warning)', () => {
    for (const f of Object.values(fns)) expect(f.stderr, f.name + '\n' + f.stderr.join('\n') + '\n' + f.stdout.slice(0, 20).join('\n')).toEqual([]);
  });
});
