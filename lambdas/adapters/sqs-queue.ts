/**
 * JobQueue on SQS: ParseJob JSON bodies, SendMessageBatch in chunks of 10 (the API's
 * maximum). SendMessageBatch succeeds as a call even when some entries fail, so failed
 * entries are retried once and, if they fail again, reported together in one error.
 */
import { SendMessageBatchCommand, type SQSClient, type BatchResultErrorEntry } from '@aws-sdk/client-sqs';
import type { JobQueue, ParseJob } from '../core/ports.js';

export class EnqueueError extends Error {
  override name = 'EnqueueError';
  constructor(
    message: string,
    /** The jobs that were not enqueued, with SQS's reason for each. */
    readonly failures: { job: ParseJob; reason: string }[],
  ) {
    super(message);
  }
}

const BATCH = 10;

export class SqsJobQueue implements JobQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(jobs: ParseJob[]): Promise<void> {
    const failures: { job: ParseJob; reason: string }[] = [];
    for (let i = 0; i < jobs.length; i += BATCH) {
      const chunk = jobs.slice(i, i + BATCH);
      let failed = await this.sendChunk(chunk);
      // A sender fault (bad message) fails the same way again; retry only the others.
      const retry = failed.filter((f) => !f.error.SenderFault).map((f) => f.job);
      const final = failed.filter((f) => f.error.SenderFault);
      if (retry.length) final.push(...(await this.sendChunk(retry)));
      failed = final;
      for (const f of failed) failures.push({ job: f.job, reason: `${f.error.Code ?? 'error'}: ${f.error.Message ?? 'no message'}` });
    }
    if (failures.length) {
      const detail = failures.map((f) => `${f.job.url} (${f.reason})`).join('; ');
      throw new EnqueueError(`${failures.length} of ${jobs.length} parse jobs were not enqueued: ${detail}`, failures);
    }
  }

  private async sendChunk(chunk: ParseJob[]): Promise<{ job: ParseJob; error: BatchResultErrorEntry }[]> {
    const out = await this.client.send(
      new SendMessageBatchCommand({
        QueueUrl: this.queueUrl,
        Entries: chunk.map((job, n) => ({ Id: String(n), MessageBody: JSON.stringify(job) })),
      }),
    );
    return (out.Failed ?? []).map((error) => ({ job: chunk[Number(error.Id)] as ParseJob, error }));
  }
}
