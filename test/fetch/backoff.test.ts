import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, parseRetryAfter } from '../../lambdas/core/backoff.js';

describe('backoffDelay (full jitter)', () => {
  it('stays within [0, min(cap, base·2^attempt))', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const d = backoffDelay(attempt, r, { baseMs: 100, capMs: 10_000 });
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(Math.min(10_000, 100 * 2 ** attempt));
      }),
    );
  });

  it('grows with the attempt for the same random draw, up to the cap', () => {
    expect([0, 1, 2, 3, 10].map((a) => backoffDelay(a, 0.5, { baseMs: 100, capMs: 1000 }))).toEqual([50, 100, 200, 400, 500]);
  });

  it('clamps nonsense random values', () => {
    expect(backoffDelay(1, Number.NaN)).toBe(0);
    expect(backoffDelay(0, 7, { baseMs: 100, capMs: 1000 })).toBe(100);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Mon, 30 Nov 2026 12:00:30 GMT', 30_000],
    ['Mon, 30 Nov 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
    ['1.5', undefined],
    [undefined, undefined],
  ])('%s → %s ms', (v, ms) => {
    expect(parseRetryAfter(v, now)).toBe(ms);
  });
});
