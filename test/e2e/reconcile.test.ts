/**
 * What `duofeed start` re-enqueues on start, from the data folder alone: raw pages whose
 * article never got stored (e.g. the queue died with the process), and nothing else — in
 * particular not an older raw version of an article that has a stored version.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleIdFor, sha256Hex } from '../../lambdas/core/ids.js';
import { startLocal } from '../../lambdas/local/run.js';
import { SAMPLES, SAMPLE_ARTICLES, SOURCES, tempDir } from './support.js';

const dataDir = tempDir('reconcile');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = async () => {
  const stack = await startLocal({ dataDir, samplesDir: SAMPLES, sourcesFile: SOURCES, fresh: false, out: () => undefined });
  await stack.close();
  return stack.summary;
};

function plantRaw(key: string, bytes: Buffer, url: string, mtime?: Date): void {
  const file = join(dataDir, 'raw', ...key.split('/'));
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(`${file}.meta.json`, JSON.stringify({ contentType: 'text/html', url }));
  writeFileSync(file, bytes);
  if (mtime) utimesSync(file, mtime, mtime);
}

describe('start-up reconcile', () => {
  it('re-enqueues an orphaned raw page and leaves older versions of stored articles alone', async () => {
    const first = await run();
    expect(first.articles).toHaveLength(SAMPLE_ARTICLES.length);
    const base = first.samplesUrl;

    // A page fetched and stored by a run that died before its job reached the parser.
    const page = readFileSync(join(SAMPLES, 'sample-mil/articles/mil-br-split.html'));
    const orphanUrl = `${base}/sample-mil/articles/mil-br-split-copy.html`;
    const orphanKey = `raw/sample-mil/${articleIdFor(orphanUrl)}/${sha256Hex(page)}.html`;
    plantRaw(orphanKey, page, orphanUrl);

    // An older raw version beside a stored article's current one.
    const stored = first.articles.find((a) => a.rawKey.startsWith('raw/sample-mil/'))!;
    const folder = stored.rawKey.slice(0, stored.rawKey.lastIndexOf('/') + 1);
    const older = Buffer.from('<html><body><p>an old version</p><p>旧版本</p></body></html>');
    plantRaw(`${folder}${sha256Hex(older)}.html`, older, stored.url, new Date('2020-01-01T00:00:00Z'));

    const second = await run();
    expect(second.requeued).toBe(1);
    expect(second.fetched).toBe(0);
    expect(second.parsed).toMatchObject({ created: 1, updated: 0, failed: 0 });
    expect(second.articles).toHaveLength(SAMPLE_ARTICLES.length + 1);
    expect(second.articles.filter((a) => a.rawKey === orphanKey)).toHaveLength(1);
    expect(second.articles.find((a) => a.id === stored.id)?.rawKey).toBe(stored.rawKey);

    const third = await run();
    expect([third.requeued, third.fetched, third.parsed.created + third.parsed.updated + third.parsed.unchanged]).toEqual([0, 0, 0]);
  }, 120_000);
});
