/** `duofeed start` as a user runs it: the built CLI in a child process. */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SAMPLE_SITE } from '../../lambdas/local/sample-site.js';
import { runOnce, SAMPLES, SAMPLE_ARTICLES, SOURCES, startCli, tempDir } from './support.js';

/** A free loopback port that is not `not` (the OS may hand the same one out twice). */
async function freePortOtherThan(not: number): Promise<number> {
  for (;;) {
    const srv = createServer();
    await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
    const port = (srv.address() as AddressInfo).port;
    await new Promise((ok) => srv.close(ok));
    if (port !== not) return port;
  }
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function dir(name: string): string {
  const d = tempDir(name);
  dirs.push(d);
  return d;
}

describe('duofeed start', () => {
  it('--once twice: the second run says 0 new', async () => {
    const data = dir('once');
    const first = await runOnce(data);
    expect(first.code).toBe(0);
    expect(first.summary.fetched).toBe(SAMPLE_ARTICLES.length);
    expect(first.summary.articles).toHaveLength(SAMPLE_ARTICLES.length);
    expect(first.lines.filter((l) => /^parse +\d+\/\d+ +created/.test(l))).toHaveLength(SAMPLE_ARTICLES.length);

    // stdout was the summary alone (runOnce checks); durations are numbers in ms, not rounded text.
    const d = first.summary.durations;
    for (const v of Object.values(d)) expect(typeof v).toBe('number');
    expect(d.totalMs).toBeGreaterThanOrEqual(d.startMs + d.fetchMs + d.parseMs);
    expect([d.startMs, d.fetchMs, d.parseMs, d.totalMs].some((v) => !Number.isInteger(v))).toBe(true);
    expect(first.lines[0]).toMatch(/^duofeed start — local data in /);

    const second = await runOnce(data);
    expect(second.code).toBe(0);
    expect(second.lines.find((l) => l.startsWith('ingest'))).toMatch(/^ingest +0 new: nothing fetched or parsed/);
    expect(second.lines.filter((l) => l.startsWith('fetch')).every((l) => /0 new, 0 skipped, 0 failed — 1 start page\(s\) not modified \(304\)/.test(l))).toBe(true);
    expect(second.summary.articles.map((a) => a.id).sort()).toEqual(first.summary.articles.map((a) => a.id).sort());
  }, 120_000);

  it('--fresh starts over on another port, and every article keeps its id and URL; refuses to delete a folder it did not create', async () => {
    const data = dir('fresh');
    const first = await runOnce(data);
    const otherPort = await freePortOtherThan(Number(new URL(first.summary.samplesServedAt).port));
    const again = await runOnce(data, ['--fresh'], { SAMPLES_PORT: String(otherPort) });
    expect(again.summary.fetched).toBe(SAMPLE_ARTICLES.length);
    expect(again.summary.samplesServedAt).toBe(`http://127.0.0.1:${otherPort}`);
    expect(again.summary.samplesServedAt).not.toBe(first.summary.samplesServedAt);
    const byId = (r: typeof first) => r.summary.articles.map((a) => `${a.id} ${a.url}`).sort();
    expect(byId(again)).toEqual(byId(first));
    for (const a of again.summary.articles) expect(a.url.startsWith(`${SAMPLE_SITE}/`), a.url).toBe(true);

    const foreign = dir('foreign');
    mkdirSync(join(foreign, 'keep'));
    writeFileSync(join(foreign, 'keep', 'me.txt'), 'precious');
    const child = startCli(['start', '--once', '--fresh', '--data', foreign, '--samples', SAMPLES, '--sources', SOURCES]);
    let stderr = '';
    child.proc.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const { code } = await child.exited;
    expect(code).toBe(1);
    expect(stderr).toContain(`--fresh: refusing to delete ${foreign}`);
    expect(existsSync(join(foreign, 'keep', 'me.txt'))).toBe(true);
  }, 120_000);

  it('serves the feeds on PORT and stops cleanly on Ctrl-C', async () => {
    const data = dir('serve');
    const child = startCli(['start', '--data', data, '--samples', SAMPLES, '--sources', SOURCES], { PORT: '0' });
    const line = await child.waitFor(/^ {2}all sources +http:\/\/127\.0\.0\.1:\d+\/feeds\/all\.atom/);
    const url = /(http:\/\/\S+)/.exec(line)![1]!;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect((await res.text()).match(/<entry[\s>]/g)).toHaveLength(SAMPLE_ARTICLES.length);
    expect(child.lines.some((l) => /^ {2}an article +http:\/\/127\.0\.0\.1:\d+\/articles\/[0-9a-f]{20}$/.test(l))).toBe(true);
    child.proc.kill('SIGINT');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.lines).toContain('stopping…');
  }, 120_000);

  it('one command per data folder: reprocess while start serves is refused naming start and its pid, then works once it stops', async () => {
    const data = dir('busy');
    const server = startCli(['start', '--data', data, '--samples', SAMPLES, '--sources', SOURCES], { PORT: '0' });
    await server.waitFor(/^ {2}all sources +http/);
    for (const argv of [['reprocess', '--data', data], ['start', '--once', '--data', data, '--samples', SAMPLES, '--sources', SOURCES], ['start', '--once', '--fresh', '--data', data, '--samples', SAMPLES, '--sources', SOURCES]]) {
      const second = startCli(argv);
      const { code } = await second.exited;
      expect(code, argv.join(' ')).toBe(1);
      const cmd = argv[0];
      expect(second.errLines.at(-1)).toMatch(
        new RegExp(`^duofeed ${cmd}: the data folder ${data.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by \`duofeed start\` \\(pid ${server.proc.pid}, since \\S+\\); stop it first, or pass --data DIR \\(if no duofeed runs as pid ${server.proc.pid}, delete \\S+/lock\\)$`),
      );
      expect(second.errLines.join('\n')).not.toMatch(/^\s+at /m);
    }
    // --fresh did not wipe the folder in use.
    expect(existsSync(join(data, 'dynamo'))).toBe(true);
    server.proc.kill('SIGINT');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const after = startCli(['reprocess', '--data', data]);
    expect((await after.exited).code).toBe(0);
    expect(after.lines.at(-1)).toMatch(/^reprocessed 7 page\(s\): 0 created, 0 updated, 7 unchanged, 0 failed$/);
    const unknown = startCli(['reprocess', '--data', data, '--source', 'nope']);
    expect((await unknown.exited).code).toBe(2);
    expect(unknown.errLines).toEqual([`duofeed reprocess: --source: no source 'nope' in ${data} (it holds pages of: sample-daily, sample-mil)`]);
  }, 120_000);

  it('names a bad sources file and exits non-zero', async () => {
    const bad = join(dir('bad'), 'sources.json');
    writeFileSync(bad, JSON.stringify([{ id: 'x', name: 'X', kind: 'html-index', startUrls: ['{{base}}/'], linkPattern: '(', languages: ['en', 'zh'], schedule: 'rate(1 hour)', minDelayMs: 0 }]));
    const child = startCli(['start', '--once', '--data', dir('bad-data'), '--samples', SAMPLES, '--sources', bad]);
    let stderr = '';
    child.proc.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const { code } = await child.exited;
    expect(code).toBe(1);
    expect(stderr).toContain('sources[0].linkPattern: not a valid regular expression');
  }, 60_000);
});
