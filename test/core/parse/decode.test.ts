import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, charsetFromMeta, controlBytes, decodeBytes, normalizeCharset } from '../../../lambdas/core/parse/decode.js';
import { encodeLegacy } from './legacy-encode.js';

const enc = (s: string) => new TextEncoder().encode(s);
/** Encode as a real GBK/Big5 site would have. */
const legacy = (s: string, to: 'GBK' | 'BIG5') => encodeLegacy(s, to === 'GBK' ? 'gbk' : 'big5');

describe('normalizeCharset', () => {
  it.each([
    ['utf-8', 'utf-8'],
    ['UTF8', 'utf-8'],
    ['gb2312', 'gb18030'],
    ['GBK', 'gb18030'],
    ['x-gbk', 'gb18030'],
    ['GB18030', 'gb18030'],
    ['big5', 'big5'],
    ['Big5-HKSCS', 'big5'],
    ['"gbk"', 'gb18030'],
    ['klingon', undefined],
    [undefined, undefined],
  ])('%s → %s', (label, expected) => {
    expect(normalizeCharset(label)).toBe(expected);
  });
});

describe('charset declarations', () => {
  it.each([
    ['text/html; charset=GBK', 'GBK'],
    ['text/html;charset="big5"', 'big5'],
    ['text/html', undefined],
    [undefined, undefined],
  ])('Content-Type %s → %s', (ct, expected) => {
    expect(charsetFromContentType(ct)).toBe(expected);
  });

  it.each([
    ['<meta charset="gb2312">', 'gb2312'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=gbk" />', 'gbk'],
    ["<META HTTP-EQUIV='content-type' CONTENT='text/html; charset=Big5'>", 'Big5'],
    ['<p>charset=gbk is only text here</p>', undefined],
  ])('%s → %s', (html, expected) => {
    expect(charsetFromMeta(enc(`<html><head>${html}</head></html>`))).toBe(expected);
  });
});

describe('decodeBytes', () => {
  const zh = '国际禁雷努力遭遇地缘政治逆流，五国考虑退出公约。';
  const tw = '港口城市試行無人駕駛接駁巴士，每輛巴士設有十二個座位。';

  it('reads UTF-8 with and without a BOM', () => {
    const a = decodeBytes(enc(`<p>${zh}</p>`));
    const b = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(`<p>${zh}</p>`)]));
    expect(a.ok && a.value.text).toBe(`<p>${zh}</p>`);
    expect(b.ok && b.value.text).toBe(`<p>${zh}</p>`);
    expect(b.ok && b.value.how).toBe('bom');
  });

  it('reads GBK declared only in <meta>', () => {
    const r = decodeBytes(legacy(`<meta charset="gb2312"><p>${zh}</p>`, 'GBK'));
    expect(r.ok && r.value.text).toContain(zh);
    expect(r.ok && r.value.encoding).toBe('gb18030');
  });

  it('lets the HTTP charset win over a missing declaration', () => {
    const r = decodeBytes(legacy(`<p>${tw}</p>`, 'BIG5'), 'text/html; charset=big5');
    expect(r.ok && r.value.text).toContain(tw);
    expect(r.ok && r.value.how).toBe('http');
  });

  it.each([
    ['GBK', zh],
    ['BIG5', tw],
  ] as const)('sniffs undeclared %s', (charset, text) => {
    const r = decodeBytes(legacy(`<p>${text}${text}</p>`, charset));
    expect(r.ok && r.value.text).toContain(text);
  });

  it('detects a mislabelled page: UTF-8 bytes declared as gb2312', () => {
    const r = decodeBytes(enc(`<meta charset="gb2312"><p>${zh}</p>`));
    expect(r.ok && r.value.text).toContain(zh);
    expect(r.ok && r.value.warnings.join(' ')).toMatch(/UTF-8/);
  });

  it('detects GBK bytes declared as UTF-8', () => {
    const r = decodeBytes(legacy(`<meta charset="utf-8"><p>${zh}${zh}</p>`, 'GBK'));
    expect(r.ok && r.value.text).toContain(zh);
    expect(r.ok && r.value.warnings.join(' ')).toMatch(/does not fit/);
  });

  it.each([
    ['empty', new Uint8Array(0), /empty/],
    ['PNG header', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /binary/],
    ['NUL bytes', new Uint8Array([0x3c, 0x70, 0x3e, 0, 0x41, 0]), /binary/],
  ])('refuses %s input with a reason', (_name, bytes, reason) => {
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('accepts a page truncated in the middle of a character, with a warning', () => {
    const bytes = legacy(`<meta charset="gbk"><p>${zh}${zh}${zh}</p>`, 'GBK');
    const cut = bytes.subarray(0, bytes.length - 6 - 1);
    const r = decodeBytes(cut);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.text).toContain(zh);
  });
});

describe('decodeBytes on damaged UTF-8', () => {
  it('keeps UTF-8 when a few invalid bytes are sprinkled into a Chinese page', () => {
    const zh = '国际禁雷努力遭遇地缘政治逆流，五国考虑退出公约。'.repeat(20);
    const head = new TextEncoder().encode(`<meta charset="utf-8"><p>${'An English paragraph of the page. '.repeat(20)}</p>`);
    const body = new TextEncoder().encode(`<p>${zh}</p>`);
    const bytes = Uint8Array.from([...head, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff, ...body]);
    const r = decodeBytes(bytes, 'text/html; charset=utf-8');
    expect(r.ok && r.value.encoding).toBe('utf-8');
    expect(r.ok && r.value.text).toContain(zh);
  });
});

describe('controlBytes', () => {
  const byLoop = (h: Uint8Array) => h.filter((b) => b < 0x20 && (b < 0x09 || (b > 0x0d && b !== 0x1b))).length;
  it('counts the control bytes text does not use, at any alignment and length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.nat({ max: 7 }), fc.constantFrom(0xff, 0x3f, 0x20), (bytes, offset, mask) => {
        const buf = new Uint8Array(bytes.length + offset);
        buf.set(bytes.map((b) => b & mask), offset);
        const head = buf.subarray(offset);
        expect(controlBytes(head)).toBe(byLoop(head));
      }),
      { numRuns: 2000 },
    );
  });
});
