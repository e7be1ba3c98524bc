/**
 * Retry timing, pure: the random number and the current time are passed in so tests (and
 * property checks) see exactly what production does.
 */

export interface BackoffPolicy {
  /** Delay cap for the first retry, in ms; doubles per attempt. */
  baseMs: number;
  /** No single delay exceeds this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 20_000 };

/**
 * "Full jitter" exponential backoff: uniform in [0, min(cap, base·2^attempt)), which spreads
 * retrying clients apart better than equal or decorrelated jitter for the same total wait.
 * `attempt` counts from 0 (the first retry); `random` is in [0, 1).
 */
export function backoffDelay(attempt: number, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const r = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1) : 0;
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.floor(r * ceiling);
}

/**
 * Reads a Retry-After header value (delta-seconds or an HTTP date) as milliseconds from
 * `now`. Returns undefined when absent or unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
