import { createHash, hash } from 'node:crypto';

/** sha256 of a string or bytes, lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
  // One-shot where Node has it (20.12+): no Hash object per call; the same digest.
  return typeof hash === 'function' ? hash('sha256', data, 'hex') : createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Stable article id from the canonical URL (or, for local files, the path as given):
 * 20 hex characters of its sha256 — short enough for URLs, 80 bits against collisions.
 * Only the URL's fragment is dropped; everything else is significant.
 */
export function articleIdFor(canonical: string): string {
  return sha256Hex(canonical.replace(/#.*$/s, '')).slice(0, 20);
}
