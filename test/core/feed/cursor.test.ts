/**
 * Signed paging cursors: the key length floor, the shape of a sealed cursor, and every way a
 * cursor this server did not issue for this listing is refused (edited inner part or tag,
 * another scope, another key, a tag of the wrong length or in a second spelling).
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CursorKeyError, cursorSeal, MIN_CURSOR_KEY_LENGTH } from '../../../lambdas/core/feed/cursor.js';

const KEY = 'k'.repeat(32);

describe('cursorSeal', () => {
  it('refuses a key shorter than 32 characters, saying so; takes one of exactly 32', () => {
    expect(MIN_CURSOR_KEY_LENGTH).toBe(32);
    expect(() => cursorSeal('k'.repeat(31))).toThrow(CursorKeyError);
    expect(() => cursorSeal('k'.repeat(31))).toThrow('cursor key must be at least 32 characters, got 31');
    expect(() => cursorSeal(KEY)).not.toThrow();
    let err: unknown;
    try {
      cursorSeal('');
    } catch (e) {
      err = e;
    }
    expect((err as Error).name).toBe('CursorKeyError');
  });

  it('seals as inner "." a 22-character base64url HMAC-SHA256 tag over context, scope and inner, cut to 16 bytes', () => {
    const sealed = cursorSeal(KEY).seal('daily', 'eyJrIjoxfQ');
    const tag = createHmac('sha256', KEY).update('duofeed cursor v1\ndaily\neyJrIjoxfQ').digest().subarray(0, 16).toString('base64url');
    expect(sealed).toBe(`eyJrIjoxfQ.${tag}`);
    expect(tag).toHaveLength(22);
  });

  it('opens what it sealed for the same scope, an inner part with dots included', () => {
    const s = cursorSeal(KEY);
    expect(s.open('daily', s.seal('daily', 'abc'))).toBe('abc');
    expect(s.open('all', s.seal('all', 'a.b.c'))).toBe('a.b.c');
  });

  it('refuses an empty inner part even with its own valid tag', () => {
    const s = cursorSeal(KEY);
    const empty = s.seal('daily', '');
    expect(empty).toMatch(/^\.[A-Za-z0-9_-]{22}$/);
    expect(s.open('daily', empty)).toBeUndefined();
  });

  it('refuses a cursor for another scope, from another key, or edited', () => {
    const s = cursorSeal(KEY);
    const c = s.seal('daily', 'abc');
    expect(s.open('mil', c)).toBeUndefined();
    expect(cursorSeal('x'.repeat(32)).open('daily', c)).toBeUndefined();
    expect(s.open('daily', `abd${c.slice(3)}`)).toBeUndefined();
    const last = c.at(-1) === 'A' ? 'B' : 'A';
    expect(s.open('daily', c.slice(0, -1) + last)).toBeUndefined();
  });

  it('refuses cursors without a dot, with nothing before it, or with a tag of the wrong length or spelling', () => {
    const s = cursorSeal(KEY);
    const c = s.seal('daily', 'abc');
    const tag = c.slice(4);
    expect(s.open('daily', 'abc')).toBeUndefined();
    expect(s.open('daily', `.${tag}`)).toBeUndefined();
    expect(s.open('daily', `abc.${tag}A`)).toBeUndefined();
    expect(s.open('daily', `abc.${tag.slice(1)}`)).toBeUndefined();
    // 22 base64url characters carry 132 bits: a second spelling of the same 16 bytes differs in the spare bits.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const lastIndex = alphabet.indexOf(tag.at(-1)!);
    const twin = tag.slice(0, -1) + alphabet[lastIndex ^ 1];
    expect(Buffer.from(twin, 'base64url')).toEqual(Buffer.from(tag, 'base64url'));
    expect(s.open('daily', `abc.${twin}`)).toBeUndefined();
    // 22 characters that decode to fewer than 16 bytes
    expect(s.open('daily', `abc.${'!'.repeat(22)}`)).toBeUndefined();
    expect(s.open('daily', `abc.${tag.slice(0, 21)}=`)).toBeUndefined();
  });
});
