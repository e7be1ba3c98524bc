/**
 * The feed's one sanitiser against a plain reference (escapeXml is hand-optimised: a regex
 * fast path, then a loop over char codes copying untouched runs by slice), and the other
 * escaping helpers and cursor sealing at their edges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cursorSeal, CursorKeyError, MIN_CURSOR_KEY_LENGTH } from '../../../lambdas/core/feed/cursor.js';
import { cdata, escapeXml, safeHttpUrl, safeLang } from '../../../lambdas/core/feed/escape.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain escapeXml: per code point, the five entities; drop C0 controls but tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. */
function plainEscapeXml(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ENTITIES[ch]) out += ENTITIES[ch];
    else if (cp < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r') continue;
    else if (cp >= 0xd800 && cp <= 0xdfff) continue; // a lone surrogate (a pair came out as one code point)
    else if (cp === 0xfffe || cp === 0xffff) continue;
    else out += ch;
  }
  return out;
}

const unit = fc.oneof(
  fc.constantFrom('&', '<', '>', '"', "'", '\t', '\n', '\r', '\u0000', '\u0008', '\u000b', '\u000c', '\u001f', ' ', '=', '?', '@', 'a', '中', '\ud83d', '\ude00', '😀', '\ufffe', '\uffff', '\ufffd', '\u2028'),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);

describe('escapeXml', () => {
  it('does what the plain reference does on any text, lone surrogates and controls included', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 24 }).map((a) => a.join('')), (s) => {
        expect(escapeXml(s)).toBe(plainEscapeXml(s));
      }),
      { numRuns: 3000 },
    );
  });
  it('keeps a surrogate pair and drops the halves of a broken one', () => {
    expect(escapeXml('a😀b')).toBe('a😀b');
    expect(escapeXml('a\ud83db\ude00c&')).toBe('abc&amp;');
    expect(escapeXml('\ud83d')).toBe('');
    expect(escapeXml('x\ud83d')).toBe('x');
    expect(escapeXml("<a href='x'>\"&\"</a>")).toBe('&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;');
  });
});

describe('cdata', () => {
  it('splits ]]> across sections and leaves other text alone', () => {
    expect(cdata('<p>a</p>')).toBe('<![CDATA[<p>a</p>]]>');
    expect(cdata('a]]>b]]>')).toBe('<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>]]>');
  });
});

describe('safeHttpUrl and safeLang', () => {
  it('keeps absolute http(s) URLs (trimmed, normalised) and nothing else', () => {
    expect(safeHttpUrl(' https://x.example/a b ')).toBe('https://x.example/a%20b');
    expect(safeHttpUrl('HTTP://X.example')).toBe('http://x.example/');
    for (const bad of [undefined, '', 'javascript:alert(1)', 'data:text/html,x', '/relative', 'ftp://x.example/', 'https://u:p@x.example/', 'https://u@x.example/']) expect(safeHttpUrl(bad)).toBeUndefined();
  });
  it('passes BCP 47-shaped tags and answers und for anything else', () => {
    for (const ok of ['en', 'zh-Hant', 'zh-Hans-CN', 'yue']) expect(safeLang(ok)).toBe(ok);
    for (const bad of ['e', 'en-', 'en"', 'toolonglang', 'zh-Hant-toolongsub', '']) expect(safeLang(bad)).toBe('und');
  });
});

describe('cursor seals', () => {
  const key = 'k'.repeat(MIN_CURSOR_KEY_LENGTH);
  it('refuses a key shorter than the minimum and takes one of exactly the minimum', () => {
    expect(() => cursorSeal('k'.repeat(MIN_CURSOR_KEY_LENGTH - 1))).toThrow(CursorKeyError);
    expect(() => cursorSeal(key)).not.toThrow();
  });
  it('opens what it sealed for the same listing only', () => {
    const s = cursorSeal(key);
    const c = s.seal('feed:all', 'eyJwayI6MX0');
    expect(c).toMatch(/^eyJwayI6MX0\.[A-Za-z0-9_-]{22}$/);
    expect(s.open('feed:all', c)).toBe('eyJwayI6MX0');
    expect(s.open('feed:other', c)).toBeUndefined();
    expect(cursorSeal('j'.repeat(MIN_CURSOR_KEY_LENGTH)).open('feed:all', c)).toBeUndefined();
    // The store's cursor may itself hold dots: the tag is after the last one.
    expect(s.open('feed:all', s.seal('feed:all', 'a.b'))).toBe('a.b');
  });
  it('refuses a cursor with no inner part, a tag of another length, or another spelling of the tag', () => {
    const s = cursorSeal(key);
    const c = s.seal('feed:all', 'abc');
    const tag = c.slice(c.lastIndexOf('.') + 1);
    expect(s.open('feed:all', `.${tag}`)).toBeUndefined();
    expect(s.open('feed:all', 'abc')).toBeUndefined();
    expect(s.open('feed:all', `abc.${tag}A`)).toBeUndefined();
    expect(s.open('feed:all', `abc.${tag.slice(1)}`)).toBeUndefined();
    expect(s.open('feed:all', `abd.${tag}`)).toBeUndefined();
    // The last character carries 2 bits of tag and 4 spare ones: a character differing only in the spare bits decodes to the same bytes.
    const last = tag.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const i = alphabet.indexOf(last);
    const twin = alphabet[(i & ~3) | ((i + 1) & 3)]!;
    expect(s.open('feed:all', `abc.${tag.slice(0, -1)}${twin}`)).toBeUndefined();
  });
});
