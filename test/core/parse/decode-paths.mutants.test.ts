/**
 * decodeBytes path by path (lambdas/core/parse/decode.ts), from its full mutation run of
 * 2026-12-07 (75.07%, 91 undetected): each result is checked whole — text, encoding, how it
 * was chosen and the exact warnings — because the older tests only looked for a substring, so a
 * wrong `how`, a missing warning or a BOM read from two bytes of three went unseen.
 */
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, charsetFromMeta, decodeBytes, normalizeCharset } from '../../../lambdas/core/parse/decode.js';
import { META_CHARSET_SNIFF_BYTES } from '../../../lambdas/core/parse/heuristics.js';
import { encodeLegacy } from './legacy-encode.js';

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)));
const zh = '市图书馆周末延长开放时间，读者可以在线预约座位。';
const ok = (text: string, encoding: string, how: string, warnings: string[] = []) => ({ ok: true, value: { text, encoding, how, warnings } });

describe('declarations', () => {
  it('reads a charset parameter with spaces around "="', () => {
    expect(charsetFromContentType('text/html; charset = gbk')).toBe('gbk');
  });
  it('looks for <meta> only in the first META_CHARSET_SNIFF_BYTES, in a string as in bytes', () => {
    const late = `${' '.repeat(META_CHARSET_SNIFF_BYTES)}<meta charset="gbk">`;
    expect(charsetFromMeta(late)).toBeUndefined();
    expect(charsetFromMeta(enc(late))).toBeUndefined();
    expect(charsetFromMeta(late.slice(40))).toBe('gbk');
  });
  it('reads the UTF-16BE label whole', () => {
    expect(normalizeCharset('xutf16be')).toBeUndefined();
    expect(normalizeCharset('utf16be')).toBe('utf-16be');
  });
});

describe('byte-order marks need every byte', () => {
  const tail = ' plain words of a page that follow';
  it.each([
    ['UTF-8, first byte wrong', [0x41, 0xbb, 0xbf]],
    ['UTF-8, second byte wrong', [0xef, 0x41, 0xbf]],
    ['UTF-8, third byte wrong', [0xef, 0xbb, 0x41]],
    ['UTF-16LE, first byte wrong', [0x41, 0xfe]],
    ['UTF-16LE, second byte wrong', [0xff, 0x41]],
    ['UTF-16BE, first byte wrong', [0x41, 0xff]],
    ['UTF-16BE, second byte wrong', [0xfe, 0x41]],
  ])('%s: not read as a BOM', (_name, head) => {
    const r = decodeBytes(bytes(head, tail));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.how).toBe('sniff');
  });
  it('a second UTF-8 BOM after the first is dropped too', () => {
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'hi'))).toEqual(ok('hi', 'utf-8', 'bom'));
  });
});

describe('valid UTF-8', () => {
  const ascii = '<p>An English line only.</p>';
  it('ASCII with no declaration is UTF-8, sniffed', () => {
    expect(decodeBytes(enc(ascii))).toEqual(ok(ascii, 'utf-8', 'sniff'));
  });
  it('ASCII declared UTF-8 says where the declaration was', () => {
    expect(decodeBytes(enc(ascii), 'text/html; charset=utf-8')).toEqual(ok(ascii, 'utf-8', 'http'));
    expect(decodeBytes(enc(`<meta charset="utf-8">${ascii}`))).toEqual(ok(`<meta charset="utf-8">${ascii}`, 'utf-8', 'meta'));
  });
  it('ASCII declared as another encoding is read in it (the bytes fit both)', () => {
    const page = `<meta charset="gbk">${ascii}`;
    expect(decodeBytes(enc(page))).toEqual(ok(page, 'gb18030', 'meta'));
    const latin = `<meta charset="iso-8859-1">${ascii}`;
    expect(decodeBytes(enc(latin))).toEqual(ok(latin, 'windows-1252', 'meta'));
  });
  it('Chinese UTF-8 under an old gb2312 <meta> is UTF-8, with one warning naming the label', () => {
    const page = `<meta charset="gb2312"><p>${zh}</p>`;
    expect(decodeBytes(enc(page))).toEqual(ok(page, 'utf-8', 'sniff', ['declared charset gb2312 but the bytes are UTF-8; read as UTF-8']));
  });
  it('Chinese UTF-8 under a Latin-1 <meta> (a common template default) is UTF-8 without a warning', () => {
    const page = `<meta charset="iso-8859-1"><p>${zh}</p>`;
    expect(decodeBytes(enc(page))).toEqual(ok(page, 'utf-8', 'sniff'));
  });
  it('Chinese UTF-8 declared UTF-8: the HTTP header is named before the <meta>', () => {
    const page = `<meta charset="gbk"><p>${zh}</p>`;
    expect(decodeBytes(enc(page), 'text/html; charset=UTF-8')).toEqual(ok(page, 'utf-8', 'http'));
    const meta = `<meta charset="utf-8"><p>${zh}</p>`;
    expect(decodeBytes(enc(meta), 'text/html')).toEqual(ok(meta, 'utf-8', 'meta'));
  });
  it('a <meta> saying UTF-16 on a page read as ASCII means UTF-8 (WHATWG prescan)', () => {
    const page = `<meta charset="utf-16"><p>Hello there</p>`;
    expect(decodeBytes(enc(page))).toEqual(ok(page, 'utf-8', 'meta'));
    const chinese = `<meta charset="utf-16le"><p>${zh}</p>`;
    expect(decodeBytes(enc(chinese))).toEqual(ok(chinese, 'utf-8', 'meta'));
  });
});

describe('declared legacy encodings', () => {
  const page = `<meta charset="gbk"><p>${zh}</p>`;
  const gbk = encodeLegacy(page, 'gbk');
  it('GBK declared in <meta>: read as GB18030, from the meta, no warning', () => {
    expect(decodeBytes(gbk)).toEqual(ok(page, 'gb18030', 'meta'));
  });
  it('GBK declared in HTTP', () => {
    expect(decodeBytes(gbk, 'text/html; charset=GB2312')).toEqual(ok(page, 'gb18030', 'http'));
  });
  it('an unknown HTTP label is named and skipped; the <meta> is used', () => {
    expect(decodeBytes(gbk, 'text/html; charset=klingon')).toEqual(ok(page, 'gb18030', 'meta', ['unknown charset "klingon" (http) ignored']));
  });
  it('a declaration the bytes do not fit is named, and the page is sniffed', () => {
    const wrong = encodeLegacy(`<meta charset="utf-8"><p>${zh}${zh}</p>`, 'gbk');
    expect(decodeBytes(wrong)).toEqual(ok(`<meta charset="utf-8"><p>${zh}${zh}</p>`, 'gb18030', 'sniff', ['declared charset utf-8 (meta) does not fit the bytes; sniffing instead']));
  });
  it('a bad byte at the very start counts against the declaration', () => {
    // 0x80 alone is not UTF-8; GB18030 reads it as the euro sign.
    const r = decodeBytes(bytes([0x80], 'abc'), 'text/html; charset=utf-8');
    expect(r).toEqual(ok('€abc', 'gb18030', 'sniff', ['declared charset utf-8 (http) does not fit the bytes; sniffing instead']));
  });
  it('an ASCII body declared UTF-16 by HTTP does not fit (odd length) and is read as UTF-8', () => {
    expect(decodeBytes(enc('plain'), 'text/html; charset=utf-16')).toEqual(ok('plain', 'utf-8', 'sniff', ['declared charset utf-16 (http) does not fit the bytes; sniffing instead']));
  });
});

describe('sniffing', () => {
  it('on a tie the first candidate wins (GB18030 before Big5)', () => {
    // 0x81 0x40 is a rare character in GB18030 and not Big5; neither reading has invalid sequences
    // or common Chinese, so both score 0: GB18030 is listed first.
    const r = decodeBytes(bytes('a', [0x81, 0x40], 'b'));
    expect(r).toEqual(ok('a丂b', 'gb18030', 'sniff'));
  });
  it('10% invalid is still read, with a warning giving the share; more is refused with it', () => {
    // 0x81 before '!' is invalid in all three readings (one U+FFFD each, so all score alike).
    expect(decodeBytes(bytes('abcdefgh', [0x81], '!'))).toEqual(ok('abcdefgh\uFFFD!', 'utf-8', 'sniff', ['decoded as utf-8 with 10.00% invalid sequences (truncated or corrupt page?)']));
    expect(decodeBytes(bytes('abcdefg', [0x81], '!'))).toEqual({ ok: false, reason: 'undecodable text: no encoding fits (best utf-8 with 11.1% invalid sequences)' });
  });
});

describe('binary input', () => {
  it('a NUL in the first byte is binary', () => {
    expect(decodeBytes(bytes([0], 'hello, a page'))).toEqual({ ok: false, reason: 'binary data, not a text or HTML page (NUL or control bytes)' });
  });
  it('control bytes: 1% of the head plus 2 are allowed, one more is binary', () => {
    const page = (controls: number) => bytes('x'.repeat(100 - controls), Array(controls).fill(0x01));
    expect(decodeBytes(page(3)).ok).toBe(true);
    expect(decodeBytes(page(4))).toEqual({ ok: false, reason: 'binary data, not a text or HTML page (NUL or control bytes)' });
  });
});
