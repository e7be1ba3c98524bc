/**
 * AWS SDK client construction, in one place, so the Lambdas, the local run and the tests
 * all get the same retry and timeout policy. In AWS the region and credentials come from
 * the Lambda environment; locally an `endpoint` points the clients at a stand-in.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { ConfigError } from '../core/errors.js';

export interface ClientOptions {
  /** A stand-in's base URL (http://127.0.0.1:PORT); absent in AWS. */
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Total attempts per call, first try included. */
  maxAttempts?: number;
  /**
   * A fixed wait between attempts in place of the SDK's exponential backoff (100 ms base, 500 ms
   * for throttling, with jitter). Unset in AWS and in `duofeed start`; tests that inject many
   * faults set it so that they wait milliseconds, not seconds, for the same retries.
   */
  retryDelayMs?: number;
}

/** Stand-ins accept any signature; fixed fake keys keep DynamoDB Local's per-key databases stable. */
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_CREDENTIALS = Object.freeze({ accessKeyId: 'duofeedlocal', secretAccessKey: 'duofeedlocal' });

/** Options for a client talking to a local stand-in at `endpoint`. */
export function localClientOptions(endpoint: string): ClientOptions {
  return { endpoint, region: LOCAL_REGION, credentials: { ...LOCAL_CREDENTIALS } };
}

/**
 * Why these numbers: the parse Lambda writes in bursts as SQS scales it out, so DynamoDB
 * throttling (on-demand tables still throttle above twice the previous peak) is the fault we
 * expect most. 'standard' retry mode backs off exponentially with jitter and uses a longer
 * base delay for throttling errors; six attempts ride out a few seconds of throttling, which
 * fits well inside the parse Lambda's timeout. 'adaptive' would also rate-limit the client
 * itself, but its token bucket lives per process and a Lambda instance sees too little
 * traffic for it to learn anything, so it adds latency without protecting the table.
 */
const DEFAULT_MAX_ATTEMPTS = 6;

/** Short socket timeouts: a hung connection should fail and be retried, not eat the Lambda's budget. */
const REQUEST_HANDLER = { connectionTimeout: 2_000, requestTimeout: 10_000 } as const;

function base(opts: ClientOptions) {
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  return {
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.region ? { region: opts.region } : {}),
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
    maxAttempts,
    retryMode: 'standard',
    // The standard strategy (same retryable errors, same retry quota) with another wait.
    ...(opts.retryDelayMs !== undefined ? { retryStrategy: new ConfiguredRetryStrategy(maxAttempts, opts.retryDelayMs) } : {}),
    requestHandler: REQUEST_HANDLER,
  };
}

export function makeDynamoClient(opts: ClientOptions = {}): DynamoDBClient {
  return new DynamoDBClient(base(opts));
}

export function makeS3Client(opts: ClientOptions = {}): S3Client {
  return new S3Client({
    ...base(opts),
    // Stand-ins answer on one host:port, so the bucket must be in the path, not the host name.
    ...(opts.endpoint ? { forcePathStyle: true } : {}),
    // Checksums only where S3 requires them: stand-ins differ in how they treat the newer
    // default CRC32 trailers, and the raw page's sha256 is already in its key.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export function makeSqsClient(opts: ClientOptions = {}): SQSClient {
  return new SQSClient({
    ...base(opts),
    // Send to the client's endpoint, not to the host a queue URL names: the same host in AWS,
    // but a configured endpoint (AWS_ENDPOINT_URL_SQS: a VPC endpoint, a stand-in) must win.
    useQueueUrlAsEndpoint: false,
  });
}

/** Reads a required environment variable; a missing or empty one is a ConfigError naming it. */
export function requireEnv(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name];
  if (v === undefined || v.trim() === '') throw new ConfigError(`environment variable ${name} is required but not set`);
  return v;
}
