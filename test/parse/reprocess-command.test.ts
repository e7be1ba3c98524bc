/** `duofeed reprocess` end to end over a data folder laid out the way `duofeed start` leaves it. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { MemoryRawStore } from '../support/memory.js';
import { run } from '../../lambdas/cli/reprocess-command.js';
import { MirroredRawStore } from '../../lambdas/local/raw-mirror.js';
import { TABLE } from '../../lambdas/local/run.js';
import { ensureTable, startLocalDynamo } from '../../lambdas/local/standins.js';

function page(en: string[], zh: string[], title: [string, string]): string {
  const paras = en.map((p, i) => `<p>${p}</p>\n<p>${zh[i] ?? ''}</p>`).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title[0]} ${title[1]}</title></head>
<body><article><h1>${title[0]}</h1><h1>${title[1]}</h1>
${paras}
</article></body></html>`;
}

const harbour = page(
  ['The harbour reopened on Friday after three days of closure caused by the storm.', 'Fishing boats returned to sea the same afternoon, and ferries resumed their timetable.'],
  ['风暴导致港口关闭三天后，于周五重新开放。', '当天下午渔船重新出海，渡轮也恢复了正常班次。'],
  ['Harbour reopens after storm', '风暴过后港口重新开放'],
);
const library = page(
  ['The city library will extend its opening hours during the examination season.', 'Students can reserve study rooms online up to a week in advance.'],
  ['考试期间，市图书馆将延长开放时间。', '学生最多可以提前一周在网上预约自习室。'],
  ['Library extends opening hours', '图书馆延长开放时间'],
);

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await run(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('duofeed reprocess', () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duofeed-reprocess-'));
    const ddb = await startLocalDynamo(join(dir, 'dynamo'));
    await ensureTable(ddb.client, TABLE);
    await ddb.stop();
    const mirror = new MirroredRawStore(new MemoryRawStore(), join(dir, 'raw'));
    await mirror.put('raw/sample-daily/d1/aaaa.html', { bytes: Buffer.from(harbour), contentType: 'text/html; charset=utf-8', url: 'http://127.0.0.1:9/daily/harbour.html' });
    await mirror.put('raw/sample-mil/m1/bbbb.html', { bytes: Buffer.from(library), contentType: 'text/html; charset=utf-8', url: 'http://127.0.0.1:9/mil/library.html' });
    await mirror.put('raw/sample-mil/m2/cccc.html', { bytes: Buffer.from('<html><body><p>only one language here</p></body></html>'), url: 'http://127.0.0.1:9/mil/empty.html' });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function storedTitles(): Promise<string[]> {
    const ddb = await startLocalDynamo(join(dir, 'dynamo'));
    try {
      const page = await new DynamoStore({ client: ddb.client, tableName: TABLE }).list(undefined, { limit: 10 });
      return page.items.map((a) => `${a.sourceId}:${a.title.en}:v${a.version}`).sort();
    } finally {
      await ddb.stop();
    }
  }

  it('replays every stored page, reports the failure, and is idempotent on a rerun', async () => {
    const first = await capture(['--data', dir]);
    expect(first.out).toBe('reprocessed 3 page(s): 2 created, 0 updated, 0 unchanged, 1 failed\n');
    expect(first.code).toBe(1);
    expect(first.err).toMatch(/3 raw page\(s\) loaded/);
    expect(first.err).toMatch(/failed +raw\/sample-mil\/m2\/cccc\.html: cannot parse/);
    expect(first.err).toMatch(/\d\/3 +created +raw\/sample-daily\/d1\/aaaa\.html/);
    expect(await storedTitles()).toEqual(['sample-daily:Harbour reopens after storm:v1', 'sample-mil:Library extends opening hours:v1']);

    const second = await capture(['--data', dir]);
    expect(second.out).toBe('reprocessed 3 page(s): 0 created, 0 updated, 2 unchanged, 1 failed\n');

    const one = await capture(['--data', dir, '--source', 'sample-daily']);
    expect(one).toMatchObject({ code: 0, out: 'reprocessed 1 page(s) of sample-daily: 0 created, 0 updated, 1 unchanged, 0 failed\n' });
  }, 60_000);

  it('lists the pages that went to the dead-letter queue with their reason, and takes the recovered ones off the record', async () => {
    const deadFile = join(dir, 'dead-letters.jsonl');
    const rec = (rawKey: string, reason: string) => JSON.stringify({ rawKey, url: 'http://127.0.0.1:9/x', reason, receives: 3, messageId: `m-${rawKey.length}`, at: '2026-11-30T11:00:00.000Z' });
    writeFileSync(
      deadFile,
      [
        rec('raw/sample-daily/d1/aaaa.html', 'cannot store article d1: InternalServerError: storage was down'),
        rec('raw/sample-mil/m2/cccc.html', 'cannot parse raw/sample-mil/m2/cccc.html: no Chinese text'),
        '{"rawKey": "raw/sample-mil/torn', // a line cut by a kill -9 mid-append
      ].join('\n'),
    );
    const r = await capture(['--data', dir]);
    expect(r.out).toBe('reprocessed 3 page(s): 2 created, 0 updated, 0 unchanged, 1 failed; dead-lettered pages: 1 of 2 recovered\n');
    expect(r.err).toMatch(/2 page\(s\) went to the dead-letter queue/);
    expect(r.err).toMatch(/dead-lettered 2026-11-30T11:00:00\.000Z after 3 receive\(s\) raw\/sample-daily\/d1\/aaaa\.html: cannot store article d1: InternalServerError: storage was down/);
    expect(r.err).toMatch(/dead-lettered .* raw\/sample-mil\/m2\/cccc\.html: cannot parse .*no Chinese text/);
    expect(r.err).toMatch(/created +raw\/sample-daily\/d1\/aaaa\.html \(was dead-lettered\)/);
    // Only the page that still fails stays on the record.
    expect(readFileSync(deadFile, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { rawKey: string }).rawKey)).toEqual(['raw/sample-mil/m2/cccc.html']);
    const again = await capture(['--data', dir, '--source', 'sample-daily']);
    expect(again.out).toBe('reprocessed 1 page(s) of sample-daily: 0 created, 0 updated, 1 unchanged, 0 failed\n');
  }, 60_000);

  it('refuses a data folder another command holds, naming it; takes over a lock whose process is gone', async () => {
    // A live process that is not this one holds the folder.
    writeFileSync(join(dir, 'lock'), JSON.stringify({ pid: process.ppid, command: 'start', since: '2026-11-30T12:00:00Z' }));
    const busy = await capture(['--data', dir]);
    expect(busy).toEqual({ code: 1, out: '', err: `duofeed reprocess: the data folder ${dir} is in use by \`duofeed start\` (pid ${process.ppid}, since 2026-11-30T12:00:00Z); stop it first, or pass --data DIR (if no duofeed runs as pid ${process.ppid}, delete ${join(dir, 'lock')})\n` });
    // A process that has exited (kill -9 leaves its lock behind).
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dir, 'lock'), JSON.stringify({ pid: gone, command: 'start', since: '2026-11-30T12:00:00Z' }));
    const r = await capture(['--data', dir]);
    expect(r.out).toMatch(/^reprocessed 3 page\(s\)/);
    expect(existsSync(join(dir, 'lock'))).toBe(false);
  }, 60_000);

  it.each([
    [['--data', '/nonexistent/duofeed'], /no stored pages in \/nonexistent\/duofeed/],
    [['--source', '../x'], /--source: source id '\.\.\/x' is not valid/],
    [['--source'], /--source needs a value/],
    [['--source', 'nope'], /^duofeed reprocess: --source: no source 'nope' in \S+ \(it holds pages of: sample-daily, sample-mil\)\n$/],
    [['--bogus'], /unknown option --bogus/],
  ])('refuses %j with a clear message', async (argv, msg) => {
    const r = await capture(argv.includes('--data') ? argv : [...argv, '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
  });
});
