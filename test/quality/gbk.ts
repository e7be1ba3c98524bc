/**
 * GBK encoding for generated pages. Node can decode GBK (TextDecoder, full ICU) but not
 * encode it, so the table is built once by decoding every two-byte code and inverting.
 * A character GBK cannot hold is handed to `onMissing` (pages write it as a numeric
 * character reference, as browsers and old CMSes do).
 */
let table: Map<number, number> | undefined;

function buildTable(): Map<number, number> {
  const dec = new TextDecoder('gbk');
  const map = new Map<number, number>();
  const euro = dec.decode(new Uint8Array([0x80]));
  if (euro.length === 1 && euro !== '\ufffd') map.set(euro.codePointAt(0)!, 0x80);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const s = dec.decode(new Uint8Array([lead, trail]));
      if (s.length !== 1 || s === '\ufffd') continue;
      const cp = s.codePointAt(0)!;
      if (!map.has(cp)) map.set(cp, (lead << 8) | trail);
    }
  }
  return map;
}

/** Whether every character of `text` has a GBK code. */
export function gbkCanEncode(text: string): boolean {
  table ??= buildTable();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x80 && !table.has(cp)) return false;
  }
  return true;
}

export function encodeGbk(text: string, onMissing: (ch: string) => string): Uint8Array {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const code = table.get(cp);
    if (code === undefined) {
      for (const c of onMissing(ch)) {
        const sub = c.codePointAt(0)!;
        if (sub >= 0x80) throw new Error(`encodeGbk: replacement for U+${cp.toString(16)} is not ASCII`);
        out.push(sub);
      }
    } else if (code <= 0xff) out.push(code);
    else out.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(out);
}
