/**
 * The local run dead-letters a page that cannot be parsed with its reason: the progress line
 * says why, the data folder's record keeps it, a restart does not retry it, and
 * `duofeed reprocess` lists it with the reason.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleIdFor, sha256Hex } from '../../lambdas/core/ids.js';
import { run as reprocess } from '../../lambdas/cli/reprocess-command.js';
import { readDeadLetters, startLocal } from '../../lambdas/local/run.js';
import { SAMPLES, SOURCES, tempDir } from './support.js';

const dataDir = tempDir('dead-letters');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = async (out: string[]) => {
  const stack = await startLocal({ dataDir, samplesDir: SAMPLES, sourcesFile: SOURCES, fresh: false, out: (l) => out.push(l) });
  await stack.close();
  return stack.summary;
};

describe('local dead letters', () => {
  it('says why a page went to the dead-letter queue, keeps the reason, and reprocess shows it', async () => {
    const first = await run([]);
    // A page whose job never reached the parser (an orphaned raw page); it has no Chinese side.
    const url = `${first.samplesUrl}/sample-daily/articles/english-only.html`;
    const bytes = Buffer.from('<!DOCTYPE html><html><head><title>English only</title></head><body><article><p>Only one language is on this page, so there is nothing to align.</p></article></body></html>');
    const key = `raw/sample-daily/${articleIdFor(url)}/${sha256Hex(bytes)}.html`;
    const file = join(dataDir, 'raw', ...key.split('/'));
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(`${file}.meta.json`, JSON.stringify({ contentType: 'text/html; charset=utf-8', url }));
    writeFileSync(file, bytes);

    const out: string[] = [];
    const second = await run(out);
    expect(second.requeued).toBe(1);
    expect(second.parsed).toMatchObject({ created: 0, failed: 1 });
    const line = out.find((l) => l.includes('dead-letter queue'));
    // The parser's verdict on these bytes cannot change on a retry: it goes at once, with its reason.
    expect(line).toMatch(new RegExp(`^parse +failed +${url.replace(/[.?]/g, '\\$&')}: moved to the dead-letter queue on receive 1 of 3: cannot parse ${key.replace(/\./g, '\\.')}: \\S.*\\(raw page kept; see `));
    const recorded = readDeadLetters(join(dataDir, 'dead-letters.jsonl'));
    expect(recorded).toEqual([{ rawKey: key, url, reason: expect.stringMatching(/^cannot parse /), receives: 1, messageId: expect.any(String), at: expect.any(String) }]);

    // A restart does not retry what went to the dead-letter queue.
    const third = await run([]);
    expect([third.requeued, third.parsed.failed]).toEqual([0, 0]);

    let err = '';
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    const o = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await reprocess(['--data', dataDir, '--source', 'sample-daily'])).toBe(1);
    } finally {
      e.mockRestore();
      o.mockRestore();
    }
    expect(err).toContain(`${key}: ${recorded[0]!.reason}`);
    expect(readFileSync(join(dataDir, 'dead-letters.jsonl'), 'utf8')).toContain(key);
  }, 180_000);
});
