/**
 * Paging cursors as the feeds hand them out: the store's own cursor (its next key) plus an
 * HMAC-SHA256 tag over it and the listing it pages, under a key only this deployment holds
 * (in AWS a secret generated at deploy time; locally a key kept in the data folder). A cursor
 * someone wrote or edited, or one taken from another feed, fails the check and is answered
 * 400 before any query runs, so a crafted cursor cannot steer the Query.
 *
 * The tag authenticates, it does not hide: the store's part stays base64url JSON. Nothing in
 * it is secret (the table keys of a public article), and a reader has no use for it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Keys shorter than this are refused: a guessable key would let anyone sign a cursor. */
export const MIN_CURSOR_KEY_LENGTH = 32;
/** 128 bits of tag (RFC 2104 allows truncation to half the hash output). */
const TAG_BYTES = 16;
const TAG_CHARS = Math.ceil((TAG_BYTES * 4) / 3);
/** Domain separation: this key signs nothing else, but a version makes a future format safe. */
const CONTEXT = 'duofeed cursor v1';

export interface CursorSeal {
  /** The cursor a feed link carries for the store's `next`, bound to the listing `scope`. */
  seal(scope: string, storeCursor: string): string;
  /** The store's cursor back, or undefined when this server did not issue `cursor` for `scope`. */
  open(scope: string, cursor: string): string | undefined;
}

export class CursorKeyError extends Error {
  override name = 'CursorKeyError';
}

export function cursorSeal(key: string): CursorSeal {
  if (key.length < MIN_CURSOR_KEY_LENGTH) throw new CursorKeyError(`cursor key must be at least ${MIN_CURSOR_KEY_LENGTH} characters, got ${key.length}`);
  const tagOf = (scope: string, inner: string): Buffer =>
    createHmac('sha256', key).update(`${CONTEXT}\n${scope}\n${inner}`).digest().subarray(0, TAG_BYTES);
  return {
    seal: (scope, inner) => `${inner}.${tagOf(scope, inner).toString('base64url')}`,
    open(scope, cursor) {
      const dot = cursor.lastIndexOf('.');
      if (dot <= 0 || cursor.length - dot - 1 !== TAG_CHARS) return undefined;
      const inner = cursor.slice(0, dot);
      const text = cursor.slice(dot + 1);
      const given = Buffer.from(text, 'base64url');
      // Only the one spelling this server writes (base64 decoding ignores stray characters and spare bits).
      if (given.length !== TAG_BYTES || given.toString('base64url') !== text) return undefined;
      return timingSafeEqual(given, tagOf(scope, inner)) ? inner : undefined;
    },
  };
}
