/**
 * Charset labels and byte-order marks (lambdas/core/parse/decode.ts), from its first mutation
 * run (63.84%, survivors not yet re-measured): every label form is read whole, with space and
 * quotes around it, and each BOM picks its encoding by itself.
 */
import { describe, expect, it } from 'vitest';
import { decodeBytes, normalizeCharset } from '../../../lambdas/core/parse/decode.js';

describe('normalizeCharset', () => {
  it.each([
    [' "UTF8" ', 'utf-8'],
    ["'gbk'", 'gb18030'],
    ['Big5-HKSCS', 'big5'],
    ['utf16', 'utf-16le'],
    ['UTF-16LE', 'utf-16le'],
    ['utf16be', 'utf-16be'],
    ['US-ASCII', 'windows-1252'],
    ['latin1', 'windows-1252'],
  ])('%s → %s', (label, enc) => {
    expect(normalizeCharset(label)).toBe(enc);
  });
  it.each(['xutf-8', 'utf-8x', 'xgbk', 'gbkx', 'xbig5', 'big5x', 'xutf-16', 'utf-16x', 'utf-16bex', 'xlatin1', 'latin1x', 'u"tf-8', ''])('reads %j whole: no encoding', (label) => {
    expect(normalizeCharset(label)).toBeUndefined();
  });
});

describe('byte-order marks', () => {
  const le = new Uint8Array([0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65]); // 中文
  const be = new Uint8Array([0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87]);
  it('reads UTF-16 in either byte order from its BOM alone', () => {
    expect(decodeBytes(le)).toEqual({ ok: true, value: { text: '中文', encoding: 'utf-16le', how: 'bom', warnings: [] } });
    expect(decodeBytes(be)).toEqual({ ok: true, value: { text: '中文', encoding: 'utf-16be', how: 'bom', warnings: [] } });
  });
  it('needs all three bytes of the UTF-8 BOM', () => {
    const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0x41, 0x42]));
    expect(r.ok && r.value.how).not.toBe('bom');
  });
  it('drops a BOM at the start of a string, and says the text came as one', () => {
    expect(decodeBytes('\ufeffhi')).toEqual({ ok: true, value: { text: 'hi', encoding: 'utf-16', how: 'string', warnings: [] } });
  });
});
