/**
 * `npm start`'s progress lines come from the handlers' typed events, not from their log text:
 * here every log line is reworded (and kept only for inspection), and the run still reports
 * each page fetched and each record parsed, in the same words.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { Logger } from '../../lambdas/core/ports.js';
import { startLocal } from '../../lambdas/local/run.js';
import { SAMPLES, SAMPLE_ARTICLES, SOURCES, tempDir } from './support.js';

const dataDir = tempDir('progress');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A logger whose every message is renamed: what a reworded log line looks like to a reader of messages. */
function renamingLog(): Logger & { msgs: string[] } {
  const msgs: string[] = [];
  const emit = (msg: string) => void msgs.push(`renamed: ${msg}`);
  return { msgs, info: emit, warn: emit, error: emit };
}

describe('local run progress', () => {
  it('prints a line per fetched page and per parsed record whatever the log lines say', async () => {
    const out: string[] = [];
    const log = renamingLog();
    const stack = await startLocal({ dataDir, samplesDir: SAMPLES, sourcesFile: SOURCES, fresh: false, out: (l) => out.push(l), log });
    try {
      const n = SAMPLE_ARTICLES.length;
      const fetched = out.filter((l) => /^fetch {6}sample-(mil|daily) +\+ http:\/\/127\.0\.0\.1:\d+\//.test(l));
      expect(fetched).toHaveLength(n);
      const parsed = out.filter((l) => /^parse {6}\d+\/\d+ +created +http:\/\//.test(l));
      expect(parsed.map((l) => l.split(/\s+/)[1])).toEqual(Array.from({ length: n }, (_, i) => `${i + 1}/${n}`));
      expect(out.at(-1)).toMatch(new RegExp(`^ingest {5}${n} new article\\(s\\) .*parsed: ${n} created, 0 updated, 0 unchanged, 0 failed`));
      // The handlers did log, through the logger they were given (so the test logger was in use).
      expect(log.msgs).toContain('renamed: article fetched');
      expect(log.msgs).toContain('renamed: record done');
    } finally {
      await stack.close();
    }
  }, 120_000);
});
