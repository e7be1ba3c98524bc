/**
 * Real SQS event shapes for the parse handler: messages received from the fauxqs queue,
 * wrapped the way Lambda's SQS event source mapping wraps them.
 */
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { LOCAL_REGION } from '../support/standins.js';

export function sqsEvent(messages: Message[], queueArn: string): SQSEvent {
  return {
    Records: messages.map(
      (m): SQSRecord => ({
        messageId: m.MessageId as string,
        receiptHandle: m.ReceiptHandle as string,
        body: m.Body as string,
        attributes: {
          ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? '1',
          SentTimestamp: m.Attributes?.SentTimestamp ?? String(Date.now()),
          SenderId: m.Attributes?.SenderId ?? 'AIDAEXAMPLE',
          ApproximateFirstReceiveTimestamp: m.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: m.MD5OfBody as string,
        eventSource: 'aws:sqs',
        eventSourceARN: queueArn,
        awsRegion: LOCAL_REGION,
      }),
    ),
  };
}

export async function queueArn(sqs: SQSClient, queueUrl: string): Promise<string> {
  const a = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  return a.Attributes?.QueueArn as string;
}

/**
 * One poll of the event source mapping: receive up to 10 messages, invoke the handler,
 * delete the ones it did not report as failed. Failed ones become visible again at once
 * (visibility timeout 0) so a test can watch the redrive to the DLQ.
 */
export async function pollOnce(
  sqs: SQSClient,
  queueUrl: string,
  handler: (e: SQSEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>,
): Promise<{ received: number; failed: string[] }> {
  const r = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['All'] }),
  );
  const msgs = r.Messages ?? [];
  if (!msgs.length) return { received: 0, failed: [] };
  const res = await handler(sqsEvent(msgs, await queueArn(sqs, queueUrl)));
  const failed = new Set(res.batchItemFailures.map((f) => f.itemIdentifier));
  const done = msgs.filter((m) => !failed.has(m.MessageId as string));
  if (done.length) {
    await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle as string })) }));
  }
  return { received: msgs.length, failed: [...failed] };
}
