/**
 * The AWS stand-ins for `duofeed start`, in this process, on loopback only:
 * dynalite (DynamoDB, LevelDB files under the data folder so articles survive restarts) and
 * fauxqs (S3 + SQS, memory only — see raw-mirror.ts and ledger.ts for what we persist).
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DescribeTableCommand, ResourceNotFoundException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { localClientOptions, LOCAL_REGION, makeDynamoClient, makeS3Client, makeSqsClient } from '../adapters/aws-clients.js';
import { createTable } from '../adapters/dynamo-store.js';

export interface LocalDynamo {
  client: DynamoDBClient;
  endpoint: string;
  stop(): Promise<void>;
}

export async function startLocalDynamo(path: string | undefined): Promise<LocalDynamo> {
  const require = createRequire(import.meta.url);
  const dynalite = require('dynalite') as (o: Record<string, unknown>) => Server;
  const server = dynalite({ createTableMs: 10, deleteTableMs: 10, updateTableMs: 10, ...(path ? { path } : {}) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Few attempts: a local stand-in that fails once will fail again; say so quickly.
  const client = makeDynamoClient({ ...localClientOptions(endpoint), maxAttempts: 3 });
  return {
    client,
    endpoint,
    async stop() {
      client.destroy();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Creates the table unless a previous run already did (the data folder keeps it). */
export async function ensureTable(client: DynamoDBClient, table: string): Promise<'created' | 'existing'> {
  try {
    const d = await client.send(new DescribeTableCommand({ TableName: table }));
    if (d.Table) return 'existing';
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException || (err as Error).name === 'ResourceNotFoundException')) throw err;
  }
  await createTable(client, table);
  return 'created';
}

export interface LocalS3Sqs {
  endpoint: string;
  s3: S3Client;
  sqs: SQSClient;
  bucket: string;
  queueUrl: string;
  dlqUrl: string;
  maxReceiveCount: number;
  stop(): Promise<void>;
}

export async function startLocalS3Sqs(opts: { bucket: string; queue: string; maxReceiveCount: number }): Promise<LocalS3Sqs> {
  const { buildApp } = await import('fauxqs');
  // buildApp + our own listen: fauxqs's own start helper binds every interface.
  const app = buildApp({ logger: false, defaultRegion: LOCAL_REGION });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const endpoint = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const s3 = makeS3Client({ ...localClientOptions(endpoint), maxAttempts: 3 });
  const sqs = makeSqsClient({ ...localClientOptions(endpoint), maxAttempts: 3 });
  await s3.send(new CreateBucketCommand({ Bucket: opts.bucket }));
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${opts.queue}-dlq` }));
  const dlqUrl = dlq.QueueUrl as string;
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn;
  const q = await sqs.send(
    new CreateQueueCommand({
      QueueName: opts.queue,
      Attributes: {
        VisibilityTimeout: '30',
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: opts.maxReceiveCount }),
      },
    }),
  );
  return {
    endpoint,
    s3,
    sqs,
    bucket: opts.bucket,
    queueUrl: q.QueueUrl as string,
    dlqUrl,
    maxReceiveCount: opts.maxReceiveCount,
    async stop() {
      s3.destroy();
      sqs.destroy();
      await app.close();
    },
  };
}
