/**
 * Retry timing edges (lambdas/core/backoff.ts) beyond test/fetch/backoff.test.ts: random draws
 * below 0 and attempts below 0 or past the exponent's clamp, and Retry-After values that are
 * neither delta-seconds nor an HTTP date.
 */
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter } from '../../lambdas/core/backoff.js';

describe('backoffDelay edges', () => {
  it('reads a negative random draw as 0 and a negative attempt as the first retry', () => {
    expect(backoffDelay(3, -0.5, { baseMs: 100, capMs: 10_000 })).toBe(0);
    expect(backoffDelay(-4, 0.5, { baseMs: 100, capMs: 10_000 })).toBe(50);
  });
  it('stops doubling after 30 attempts, so a huge cap still gives a finite delay', () => {
    const policy = { baseMs: 1, capMs: Number.MAX_SAFE_INTEGER };
    expect(backoffDelay(30, 0.5, policy)).toBe(2 ** 29);
    expect(backoffDelay(1000, 0.5, policy)).toBe(2 ** 29);
  });
  it('defaults to half a second doubling up to twenty', () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 500, capMs: 20_000 });
    expect(backoffDelay(0, 0.5)).toBe(250);
    expect(backoffDelay(10, 0.5)).toBe(10_000);
  });
});

describe('parseRetryAfter edges', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  it('takes a date only in a form with letters (an HTTP date), not a bare numeric one that Date.parse would read in local time', () => {
    expect(parseRetryAfter('2026-11-30 12:00:30', now)).toBeUndefined();
    expect(parseRetryAfter('2026/11/30', now)).toBeUndefined();
  });
  it('refuses text with letters that is no date', () => {
    expect(parseRetryAfter('in a minute', now)).toBeUndefined();
  });
});
