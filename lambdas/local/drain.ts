/**
 * Plays the Lambda event source mapping for the parse queue, in-process: receive up to 10
 * messages, hand them to the parse handler as a real SQSEvent, delete the ones it did not
 * report as failed (ReportBatchItemFailures), and make failed ones visible again at once so
 * the queue's redrive policy moves them to the DLQ after maxReceiveCount receives.
 *
 * The handler sends a message that failed for good to the DLQ itself (with its reason) and
 * reports it done, so here it counts as succeeded; only what the handler left failed on its
 * last receive is "redriven" (moved by the redrive policy, without a reason).
 */
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { LOCAL_REGION } from '../adapters/aws-clients.js';
import { systemClock } from '../adapters/clock.js';

export interface DrainOptions {
  sqs: SQSClient;
  queueUrl: string;
  maxReceiveCount: number;
  handler: (event: SQSEvent) => Promise<SQSBatchResponse | void>;
  /** Messages per invocation, as the event source mapping's BatchSize (1..10); default 10. */
  batchSize?: number;
  /** After each batch: messages finished (deleted), and those left failed on their last receive (bound for the DLQ by the redrive policy). */
  onSettled?: (done: { body: string; ok: boolean; messageId: string }[]) => Promise<void> | void;
}

export interface DrainResult {
  batches: number;
  /** Messages the handler reported done (deleted), including those it dead-lettered itself. */
  succeeded: number;
  /** Messages left failed on their last allowed receive: the redrive policy moves them to the DLQ, without a reason. */
  redriven: number;
  /** Failed receives that were retried. */
  retried: number;
}

/** One received message as the record Lambda's SQS event source hands a function. */
export function toSqsRecord(m: Message, queueArn: string): SQSRecord {
  const a = m.Attributes ?? {};
  const messageAttributes: SQSRecord['messageAttributes'] = {};
  for (const [name, v] of Object.entries(m.MessageAttributes ?? {})) {
    messageAttributes[name] = { dataType: v.DataType ?? 'String', ...(v.StringValue !== undefined ? { stringValue: v.StringValue } : {}) };
  }
  return {
    messageId: m.MessageId ?? '',
    receiptHandle: m.ReceiptHandle ?? '',
    body: m.Body ?? '',
    attributes: {
      ApproximateReceiveCount: a.ApproximateReceiveCount ?? '1',
      SentTimestamp: a.SentTimestamp ?? String(systemClock.now().getTime()),
      SenderId: a.SenderId ?? 'duofeed-local',
      ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? String(systemClock.now().getTime()),
    },
    messageAttributes,
    md5OfBody: m.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: LOCAL_REGION,
  };
}

export async function drainQueue(opts: DrainOptions): Promise<DrainResult> {
  const { sqs, queueUrl } = opts;
  const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  const queueArn = attrs.Attributes?.QueueArn ?? `arn:aws:sqs:${LOCAL_REGION}:000000000000:local`;
  const result: DrainResult = { batches: 0, succeeded: 0, redriven: 0, retried: 0 };
  for (let idle = 0; idle < 50; ) {
    const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: opts.batchSize ?? 10, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['All'] }));
    const messages = r.Messages ?? [];
    if (messages.length === 0) {
      const q = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
      );
      const waiting = Number(q.Attributes?.ApproximateNumberOfMessages ?? 0) + Number(q.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
      if (waiting === 0) break;
      idle++;
      await new Promise((res) => setTimeout(res, 50));
      continue;
    }
    idle = 0;
    result.batches++;
    const event: SQSEvent = { Records: messages.map((m) => toSqsRecord(m, queueArn)) };
    let failedIds: Set<string>;
    try {
      const resp = await opts.handler(event);
      failedIds = new Set((resp?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch {
      // A thrown handler fails the whole batch, as Lambda does.
      failedIds = new Set(messages.map((m) => m.MessageId ?? ''));
    }
    const ok = messages.filter((m) => !failedIds.has(m.MessageId ?? ''));
    const failed = messages.filter((m) => failedIds.has(m.MessageId ?? ''));
    if (ok.length) {
      await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: ok.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle as string })) }));
    }
    const settled: { body: string; ok: boolean; messageId: string }[] = ok.map((m) => ({ body: m.Body ?? '', ok: true, messageId: m.MessageId ?? '' }));
    result.succeeded += ok.length;
    for (const m of failed) {
      const receives = Number(m.Attributes?.ApproximateReceiveCount ?? 1);
      if (receives >= opts.maxReceiveCount) {
        result.redriven++;
        settled.push({ body: m.Body ?? '', ok: false, messageId: m.MessageId ?? '' });
      } else result.retried++;
      // Visible again now: locally there is no reason to wait out the visibility timeout.
      await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle as string, VisibilityTimeout: 0 }));
    }
    await opts.onSettled?.(settled);
  }
  return result;
}
