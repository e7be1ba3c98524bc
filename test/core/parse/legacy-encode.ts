/**
 * GBK and Big5 encoding for tests, with Node alone (TextEncoder writes only UTF-8): the
 * inverse of the WHATWG decoders, built by decoding every two-byte sequence once, choosing
 * among duplicates as the WHATWG encoders do (the first sequence; for Big5 none with a
 * Hong Kong extension lead byte, and the last for six characters the standard names).
 */
const BIG5_LAST = new Set(['\u2550', '\u255e', '\u2561', '\u256a', '\u5341', '\u5345']);
const tables = new Map<string, Map<string, number[]>>();

function table(encoding: 'gbk' | 'big5'): Map<string, number[]> {
  let t = tables.get(encoding);
  if (t) return t;
  t = new Map();
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let lead = encoding === 'big5' ? 0xa1 : 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let c: string;
      try {
        c = decoder.decode(Uint8Array.of(lead, trail));
      } catch {
        continue;
      }
      if (c.length === 1 && (!t.has(c) || (encoding === 'big5' && BIG5_LAST.has(c)))) t.set(c, [lead, trail]);
    }
  }
  tables.set(encoding, t);
  return t;
}

/** The text's bytes in GBK or Big5; throws on a character the encoding lacks. */
export function encodeLegacy(text: string, encoding: 'gbk' | 'big5'): Uint8Array {
  const t = table(encoding);
  const out: number[] = [];
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = t.get(c);
      if (!bytes) throw new Error(`encodeLegacy: ${encoding} has no ${c} (U+${code.toString(16)})`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
