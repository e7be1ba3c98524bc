/**
 * kill -9 in the middle of an ingest, then run again: every sample article is stored exactly
 * once — none lost (raw-page mirror, parse-job ledger, markSeen last) and none duplicated
 * (ids from canonical URLs, idempotent upsert).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { expectedFolders, foldersOf, runOnce, SAMPLES, SAMPLE_ARTICLES, SOURCES, startCli, tempDir } from './support.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('kill -9 mid-ingest, then rerun', () => {
  it.each([
    ['after the first page is fetched', /^fetch +\S+ +\+ /, 1],
    ['after four pages are fetched', /^fetch +\S+ +\+ /, 4],
    ['after fetching, while parsing', /^parse +1\//, 1],
  ])('%s', async (_when, marker, nth) => {
    const data = tempDir('kill9');
    dirs.push(data);
    // Paced so that a kill lands mid-ingest rather than after it.
    const child = startCli(['start', '--once', '--pace', '150', '--data', data, '--samples', SAMPLES, '--sources', SOURCES]);
    let seen = 0;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        seen = child.lines.filter((l) => marker.test(l)).length;
        if (seen >= nth) {
          child.proc.kill('SIGKILL');
          resolve();
        } else setTimeout(check, 5);
      };
      check();
      void child.exited.then(() => reject(new Error(`exited before the kill point:\n${child.lines.join('\n')}`)));
    });
    expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(child.lines.some((l) => l.startsWith('ingest'))).toBe(false);

    const rerun = await runOnce(data);
    expect(rerun.code).toBe(0);
    const { articles } = rerun.summary;
    expect(foldersOf(articles)).toEqual(expectedFolders(rerun.summary.samplesUrl));
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);

    const third = await runOnce(data);
    expect(third.summary.fetched + third.summary.requeued).toBe(0);
    expect(third.summary.articles).toHaveLength(SAMPLE_ARTICLES.length);
  }, 180_000);
});
