/**
 * `duofeed reprocess`: replay the raw pages that `duofeed start` stored (its data folder)
 * through the current parser into the local table, without refetching: after a parser
 * upgrade, or to recover pages that once failed. Uses the same stand-ins and adapters as
 * `duofeed start` (lambdas/local), so it sees exactly the table and raw pages the feeds use.
 */
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DatedRawStore, Logger } from '../core/ports.js';
import { readArgs } from './args.js';
import type { DeadLetterRecord } from '../local/run.js';

const HELP = `usage: duofeed reprocess [--source ID] [--data DIR]

Re-parses the raw pages stored by \`duofeed start\` with the current parser and upserts the
articles into the local table (same content: unchanged; new content: a new version).
Nothing is fetched. Pages that went to the dead-letter queue are listed first with the
reason they failed; those that now parse are taken off that list. Progress goes to stderr,
the summary to stdout; the exit code is 1 when any page failed.

  --source ID   only this source's pages (default: every source)
  --data DIR    the local data folder of \`duofeed start\` (default .duofeed)

Stop \`duofeed start\` first: one command at a time uses a data folder (a second is
refused, naming the first and its pid).
`;

const FLAGS = {
  source: { type: 'string' },
  data: { type: 'string', default: '.duofeed' },
} as const;

/** Failures on stderr as well as in the file (the JSON log lines go to the data folder's log). */
function withFailuresOnStderr(file: Logger): Logger {
  return {
    info: file.info,
    warn: file.warn,
    error(msg, fields = {}) {
      file.error(msg, fields);
      process.stderr.write(`reprocess  failed     ${String(fields.rawKey)}: ${String(fields.reason)}\n`);
    },
  };
}

export async function run(argv: string[]): Promise<number> {
  const read = readArgs(argv, FLAGS, { positionals: false });
  if (read.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if ('error' in read) {
    process.stderr.write(`duofeed reprocess: ${read.error}\n${HELP}`);
    return 2;
  }
  const args = read.values;
  const { prefixFor, reprocessAll } = await import('../parse/reprocess.js');
  let prefix: string;
  try {
    prefix = prefixFor(args.source);
  } catch (err) {
    process.stderr.write(`duofeed reprocess: --source: ${(err as Error).message}\n`);
    return 2;
  }
  const dataDir = resolve(args.data);
  const logPath = join(dataDir, 'duofeed.log');
  const rawDir = join(dataDir, 'raw');
  if (!existsSync(join(dataDir, 'dynamo')) || !existsSync(rawDir)) {
    process.stderr.write(`duofeed reprocess: no stored pages in ${args.data} (expected ${join(args.data, 'raw')} and ${join(args.data, 'dynamo')}); run \`npm start\` first, or pass --data DIR\n`);
    return 2;
  }

  // Only sources this data folder holds pages of: a typo must not silently replay nothing.
  // The mirror keeps S3 keys as paths: <data>/raw/raw/<sourceId>/<articleId>/<sha256>.html.
  const sourcesDir = join(rawDir, 'raw');
  const known = existsSync(sourcesDir) ? readdirSync(sourcesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
  if (args.source !== undefined && !known.includes(args.source)) {
    process.stderr.write(
      `duofeed reprocess: --source: no source '${args.source}' in ${args.data} (${known.length ? `it holds pages of: ${known.join(', ')}` : 'it holds no pages yet'})\n`,
    );
    return 2;
  }

  let local;
  try {
    local = {
      standins: await import('../local/standins.js'),
      mirror: await import('../local/raw-mirror.js'),
      names: await import('../local/run.js'),
      s3: await import('../adapters/s3-raw-store.js'),
      dynamo: await import('../adapters/dynamo-store.js'),
      clock: await import('../adapters/clock.js'),
      logger: await import('../adapters/logger.js'),
      lock: await import('../local/lock.js'),
    };
  } catch (err) {
    process.stderr.write(`duofeed reprocess: the local stand-ins (lambdas/local) are not available in this build: ${(err as Error).message}\n`);
    return 1;
  }

  // One command per data folder: refused here, with the holder named, if `duofeed start` has it.
  let lock;
  try {
    lock = local.lock.lockDataFolder(dataDir, 'reprocess', args.data);
  } catch (err) {
    if (!(err instanceof local.lock.DataFolderInUseError)) throw err;
    process.stderr.write(`duofeed reprocess: ${err.message}\n`);
    return 1;
  }
  const closers: Array<() => Promise<void>> = [async () => lock.release()];
  try {
    let dynamo;
    try {
      dynamo = await local.standins.startLocalDynamo(join(dataDir, 'dynamo'));
    } catch (err) {
      process.stderr.write(`duofeed reprocess: cannot open the database in ${join(args.data, 'dynamo')} (is \`duofeed start\` still running?): ${(err as Error).message}\n`);
      return 1;
    }
    closers.push(() => dynamo.stop());
    await local.standins.ensureTable(dynamo.client, local.names.TABLE);
    const aws = await local.standins.startLocalS3Sqs({ bucket: local.names.BUCKET, queue: local.names.QUEUE, maxReceiveCount: 3 });
    closers.push(() => aws.stop());
    const s3raw = new local.s3.S3RawStore({ client: aws.s3, bucket: aws.bucket });
    // fauxqs keeps S3 in memory: load the data folder's mirror of the bucket into it first.
    const restored = await new local.mirror.MirroredRawStore(s3raw, rawDir).restore();
    process.stderr.write(`reprocess  ${restored} raw page(s) loaded from ${join(args.data, 'raw')}\n`);

    // The restore just rewrote every object, so S3's LastModified says nothing; the mirror
    // files' modification times are when the pages were fetched.
    const raw: DatedRawStore = {
      put: (k, p) => s3raw.put(k, p),
      get: (k) => s3raw.get(k),
      list: (p) => s3raw.list(p),
      async *listWithDates(p: string) {
        for await (const key of s3raw.list(p)) {
          const st = await stat(join(rawDir, ...key.split('/'))).catch(() => undefined);
          yield st ? { key, lastModified: st.mtime } : { key };
        }
      },
    };
    // What went to the dead-letter queue, and why (fauxqs's DLQ ends with its process; the
    // data folder keeps the record).
    const deadFile = join(dataDir, 'dead-letters.jsonl');
    const dead = new Map<string, DeadLetterRecord>();
    for (const d of local.names.readDeadLetters(deadFile)) if (d.rawKey?.startsWith(prefix)) dead.set(d.rawKey, d);
    if (dead.size) process.stderr.write(`reprocess  ${dead.size} page(s) went to the dead-letter queue:\n`);
    for (const d of dead.values()) process.stderr.write(`reprocess  dead-lettered ${d.at || 'at an unknown time'} after ${d.receives || '?'} receive(s) ${d.rawKey}: ${d.reason}\n`);
    const folderOf = (key: string) => key.slice(0, key.lastIndexOf('/') + 1);
    const recoveredFolders = new Set<string>();

    const store = new local.dynamo.DynamoStore({ client: dynamo.client, tableName: local.names.TABLE, clock: local.clock.systemClock });
    const summary = await reprocessAll({
      raw,
      articles: store,
      boilerplate: store,
      prefix,
      clock: local.clock.systemClock,
      log: withFailuresOnStderr(
        local.logger.jsonLogger({
          write: (line) => void appendFile(logPath, line + '\n').catch(() => undefined),
          base: { cmd: 'reprocess' },
          clock: local.clock.systemClock,
        }),
      ),
      onProgress: (done, total, key, outcome) => {
        if (outcome === 'failed') return;
        // The newest page of an article folder stands for the older ones too (reprocess replays only it).
        const wasDead = [...dead.keys()].some((k) => folderOf(k) === folderOf(key));
        if (wasDead) recoveredFolders.add(folderOf(key));
        process.stderr.write(`reprocess  ${`${done}/${total}`.padEnd(7)} ${outcome.padEnd(9)} ${key}${wasDead ? ' (was dead-lettered)' : ''}\n`);
      },
    });
    const recovered = [...dead.keys()].filter((k) => recoveredFolders.has(folderOf(k))).length;
    if (recovered) local.names.dropDeadLetters(deadFile, (d) => d.rawKey !== undefined && recoveredFolders.has(folderOf(d.rawKey)));
    process.stdout.write(
      `reprocessed ${summary.pages} page(s)${args.source ? ` of ${args.source}` : ''}: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed} failed` +
        (summary.olderVersions ? ` (${summary.olderVersions} older raw version(s) not replayed)` : '') +
        (dead.size ? `; dead-lettered pages: ${recovered} of ${dead.size} recovered` : '') +
        '\n',
    );
    return summary.failed ? 1 : 0;
  } finally {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  }
}
