/**
 * Strong validators. A feed's ETag is computed from what determines its bytes — render
 * version, URLs, title, and each item's id and version — not from the bytes, so a 304 costs
 * one Query and no rendering of content. Pages without item versions hash their body.
 */
import { createHash } from 'node:crypto';
import { RENDER_VERSION, type FeedModel } from './model.js';

export function strongEtag(parts: readonly (string | number)[]): string {
  const h = createHash('sha256');
  h.update(RENDER_VERSION);
  for (const p of parts) h.update('\u0000' + String(p));
  return `"${h.digest('base64url').slice(0, 32)}"`;
}

export function feedEtag(format: string, f: Pick<FeedModel, 'selfUrl' | 'nextUrl' | 'title' | 'updated' | 'items'>): string {
  const parts: (string | number)[] = [format, f.selfUrl, f.nextUrl ?? '', f.title, f.updated.epochMs];
  // The category label is the source's name, which can change without any article changing.
  for (const i of f.items) parts.push(i.id, i.version, i.category?.label ?? '');
  return strongEtag(parts);
}

export function bodyEtag(kind: string, body: string): string {
  return strongEtag([kind, body]);
}
