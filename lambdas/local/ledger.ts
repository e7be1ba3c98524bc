/**
 * The local queue (fauxqs) lives in memory, so a kill -9 would lose enqueued parse jobs that
 * SQS would have kept. The ledger is the durable part: a job is written here before it is
 * sent and removed when the parse side has finished with it (deleted, or given up on and
 * moved to the DLQ). On start, every job still in the ledger is sent again. Because the
 * upsert is idempotent, a job that did complete just before the kill costs a no-op.
 */
import { mkdir, readFile, readdir, rm, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../core/ids.js';
import type { JobQueue, ParseJob } from '../core/ports.js';

export class JobLedger {
  constructor(private readonly dir: string) {}

  private fileFor(job: Pick<ParseJob, 'rawKey'>): string {
    return join(this.dir, `${sha256Hex(job.rawKey).slice(0, 32)}.json`);
  }

  async add(jobs: ParseJob[]): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const job of jobs) {
      const file = this.fileFor(job);
      await writeFile(`${file}.tmp`, JSON.stringify(job));
      await rename(`${file}.tmp`, file);
    }
  }

  async done(job: Pick<ParseJob, 'rawKey'>): Promise<void> {
    await rm(this.fileFor(job), { force: true });
  }

  async pending(): Promise<ParseJob[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.json')).sort();
    } catch {
      return [];
    }
    const jobs: ParseJob[] = [];
    for (const n of names) {
      try {
        jobs.push(JSON.parse(await readFile(join(this.dir, n), 'utf8')) as ParseJob);
      } catch {
        // A torn write cannot happen (tmp + rename); anything unreadable is not ours to replay.
      }
    }
    return jobs;
  }
}

/** JobQueue decorator: ledger first, then the real queue (SqsJobQueue on fauxqs). */
export class LedgeredJobQueue implements JobQueue {
  constructor(
    private readonly inner: JobQueue,
    readonly ledger: JobLedger,
  ) {}

  async send(jobs: ParseJob[]): Promise<void> {
    await this.ledger.add(jobs);
    await this.inner.send(jobs);
  }
}
