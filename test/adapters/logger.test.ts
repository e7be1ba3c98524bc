/** The one JSON logger the Lambdas, the local run and `duofeed reprocess` write through. */
import { describe, expect, it } from 'vitest';
import { jsonLogger } from '../../lambdas/adapters/logger.js';

function capture(opts: Parameters<typeof jsonLogger>[0] = {}) {
  const lines: string[] = [];
  return { lines, log: jsonLogger({ ...opts, write: (l) => void lines.push(l) }) };
}

describe('jsonLogger', () => {
  it.each(['info', 'warn', 'error'] as const)('%s writes one JSON line: level, msg, then the fields', (level) => {
    const { lines, log } = capture();
    log[level]('article fetched', { sourceId: 's', bytes: 3 });
    expect(lines).toEqual([JSON.stringify({ level, msg: 'article fetched', sourceId: 's', bytes: 3 })]);
  });

  it('puts the base fields on every line; a line’s own field wins', () => {
    const { lines, log } = capture({ base: { cmd: 'reprocess', sourceId: 'base' } });
    log.info('a');
    log.error('b', { sourceId: 'own' });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { level: 'info', msg: 'a', cmd: 'reprocess', sourceId: 'base' },
      { level: 'error', msg: 'b', cmd: 'reprocess', sourceId: 'own' },
    ]);
  });

  it('stamps `time` first only when given a clock', () => {
    const { lines, log } = capture({ clock: { now: () => new Date('2026-01-02T03:04:05.678Z') } });
    log.warn('w');
    expect(lines).toEqual(['{"time":"2026-01-02T03:04:05.678Z","level":"warn","msg":"w"}']);
    const plain = capture();
    plain.log.warn('w');
    expect(JSON.parse(plain.lines[0]!)).not.toHaveProperty('time');
  });
});
