/**
 * Bytes → text. Chinese news sites still serve GBK/GB2312 and Big5, often declared only in a
 * <meta> tag and sometimes declared wrongly, so the order is: BOM, HTTP charset, <meta>
 * charset, then sniffing. A declared charset that decodes into many U+FFFD is treated as
 * mislabelled and the other candidates are tried.
 */
import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import { BINARY_CONTROL_SHARE, BINARY_CONTROL_SLACK, BINARY_SNIFF_BYTES, DECLARED_CHARSET_MAX_BAD, META_CHARSET_SNIFF_BYTES, SNIFF_BAD_PENALTY, SNIFF_MAX_BAD, SNIFF_SAMPLE_CHARS } from './heuristics.js';

export interface Decoded {
  text: string;
  /** WHATWG encoding name actually used. */
  encoding: string;
  /** How the encoding was chosen (bom, http, meta, sniff). */
  how: 'bom' | 'http' | 'meta' | 'sniff' | 'string';
  warnings: string[];
}

export type DecodeResult = { ok: true; value: Decoded } | { ok: false; reason: string };

/** Label → the decoder we use. GB2312 and GBK are subsets of GB18030, so one decoder serves all three. */
export function normalizeCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(l)) return 'utf-8';
  if (/^(gb2312|gbk|x-gbk|gb18030|cp936|ms936|windows-936|euc-cn|csgb2312|chinese|iso-ir-58|gb_2312-80)$/.test(l)) return 'gb18030';
  if (/^(big5|big5-hkscs|cn-big5|x-x-big5|csbig5|cp950)$/.test(l)) return 'big5';
  if (/^utf-?16(le)?$/.test(l)) return 'utf-16le';
  if (/^utf-?16be$/.test(l)) return 'utf-16be';
  if (/^(iso-8859-1|latin1|us-ascii|ascii|windows-1252|cp1252)$/.test(l)) return 'windows-1252';
  return undefined;
}

/**
 * The encoding a <meta> declaration names. A page whose bytes were read as ASCII to find its
 * <meta> cannot be UTF-16, so a UTF-16 label there means UTF-8 (WHATWG HTML, the encoding
 * prescan); without this an ASCII page saying utf-16 was read as UTF-16, pairs of letters as Han.
 */
function metaEncoding(label: string | undefined): string | undefined {
  const enc = normalizeCharset(label);
  return enc === 'utf-16le' || enc === 'utf-16be' ? 'utf-8' : enc;
}

/** The charset parameter of an HTTP Content-Type header, if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  // Stryker disable next-line ConditionalExpression: without the guard the pattern runs on "undefined", which holds no charset: same answer.
  if (!contentType) return undefined;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1];
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv), read as ASCII. */
export function charsetFromMeta(bytes: Uint8Array | string): string | undefined {
  // Bytes are read as Latin-1, not windows-1252: the pattern only matches ASCII, and both
  // agree on what the other bytes are not (letters, spaces, '<' or '>'), at a fraction of the cost.
  const head = typeof bytes === 'string' ? bytes.slice(0, META_CHARSET_SNIFF_BYTES) : Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_CHARSET_SNIFF_BYTES)).toString('latin1');
  const m = META_CHARSET.exec(head);
  return m?.[1];
}

const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

type Decoder = InstanceType<typeof TextDecoder>;
const decoders = new Map<string, Decoder>();
function decoder(enc: string): Decoder {
  let d = decoders.get(enc);
  // Stryker disable next-line ConditionalExpression: always making a new decoder only loses the cache.
  if (!d) {
    d = new TextDecoder(enc, { fatal: false, ignoreBOM: false });
    decoders.set(enc, d);
  }
  return d;
}

function replacementRate(text: string): number {
  // Stryker disable next-line ConditionalExpression: never called with '' (non-empty bytes decode to non-empty text).
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) bad++;
  return bad / text.length;
}

/** Characters frequent in both Simplified and Traditional news text; mojibake rarely hits them. */
const COMMON_HAN = new Set(
  Array.from('的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家事成方多经經去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西斯月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活尔爾更别別打女变變四神总總何电電数數安少报報才结結反受目太量再感建务務做接必场場件计計管期市直德资資命山金指克许許统統区區保至队隊形社便空决決治展马馬科司五基'),
);

function commonHanScore(text: string): number {
  let n = 0;
  // Stryker disable next-line MethodExpression: Math.max only walks past the end, where text[i] is undefined and not in COMMON_HAN.
  const limit = Math.min(text.length, SNIFF_SAMPLE_CHARS);
  for (let i = 0; i < limit; i++) if (COMMON_HAN.has(text[i]!)) n++;
  return n;
}

function tryDecode(bytes: Uint8Array, enc: string): string | undefined {
  try {
    return decoder(enc).decode(bytes);
  } catch {
    // Unreachable (a non-fatal decoder of an encoding we name never throws): its mutants show as
    // NoCoverage. A Stryker mark placed before `} catch` would not take effect.
    return undefined;
  }
}

/** Decode a page. Never throws; refuses binary input (NUL bytes, unreadable in every candidate). */
export function decodeBytes(input: Uint8Array | string, contentType?: string): DecodeResult {
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return { ok: true, value: { text, encoding: 'utf-16', how: 'string', warnings: [] } };
  }
  const bytes = input;
  if (bytes.length === 0) return { ok: false, reason: 'empty input (0 bytes)' };
  const warnings: string[] = [];

  // BOM first: it is unambiguous and overrides any declaration (WHATWG encoding sniffing).
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return finish(bytes, 'utf-8', 'bom', warnings);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(bytes, 'utf-16le', 'bom', warnings);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(bytes, 'utf-16be', 'bom', warnings);

  if (looksBinary(bytes)) return { ok: false, reason: 'binary data, not a text or HTML page (NUL or control bytes)' };

  const http = charsetFromContentType(contentType);
  // Valid UTF-8 with non-ASCII bytes is almost never an accident, whatever the page declares:
  // sites that switched to UTF-8 often keep an old gb2312 <meta>.
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) {
    const label = http ?? charsetFromMeta(utf8);
    const enc = http ? normalizeCharset(http) : metaEncoding(label);
    if (enc === undefined || enc === 'utf-8' || !isAscii(bytes)) {
      if (enc && enc !== 'utf-8' && enc !== 'windows-1252') warnings.push(`declared charset ${label} but the bytes are UTF-8; read as UTF-8`);
      return { ok: true, value: { text: stripBom(utf8), encoding: 'utf-8', how: enc === 'utf-8' ? (http ? 'http' : 'meta') : 'sniff', warnings } };
    }
  }

  const meta = charsetFromMeta(bytes);
  const declared: Array<[string | undefined, string | undefined, 'http' | 'meta']> = [
    [http, normalizeCharset(http), 'http'],
    [meta, metaEncoding(meta), 'meta'],
  ];
  for (const [label, enc, how] of declared) {
    if (label && !enc) warnings.push(`unknown charset "${label}" (${how}) ignored`);
    if (!enc) continue;
    const text = tryDecode(bytes, enc);
    if (text !== undefined && replacementRate(text) < DECLARED_CHARSET_MAX_BAD) return { ok: true, value: { text: stripBom(text), encoding: enc, how, warnings } };
    warnings.push(`declared charset ${label} (${how}) does not fit the bytes; sniffing instead`);
    break;
  }
  return sniff(bytes, warnings);
}

/** The text when the bytes are valid UTF-8 (checked natively first: a throwing fatal decoder cost more on every GBK page). */
function strictUtf8(bytes: Uint8Array): string | undefined {
  return isUtf8(bytes) ? decoder('utf-8').decode(bytes) : undefined;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function finish(bytes: Uint8Array, enc: string, how: Decoded['how'], warnings: string[]): DecodeResult {
  const text = tryDecode(bytes, enc);
  // Stryker disable next-line ConditionalExpression,ObjectLiteral,BooleanLiteral,StringLiteral: unreachable: tryDecode of a supported encoding never gives undefined.
  if (text === undefined) return { ok: false, reason: `cannot decode as ${enc}` };
  return { ok: true, value: { text: stripBom(text), encoding: enc, how, warnings } };
}

/** NUL bytes or many C0 controls mean an image, archive or other binary, not a page. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, BINARY_SNIFF_BYTES);
  // UTF-16 without BOM has NULs every other byte; we do not accept it unlabelled.
  if (head.indexOf(0) >= 0) return true;
  return controlBytes(head) > head.length * BINARY_CONTROL_SHARE + BINARY_CONTROL_SLACK;
}

/** A C0 control that text does not use (tab, line breaks, form feed and ESC are fine): 1, else 0. */
const isControl = (b: number): number => (b < 0x20 && (b < 0x09 || (b > 0x0d && b !== 0x1b)) ? 1 : 0);

/**
 * The count of such bytes, four at a time: (x - 0x20202020) & ~x & 0x80808080 is non-zero
 * exactly when some byte of x is below 0x20, so the words of plain text (most of them) are
 * passed over whole and only words holding a line break or a tab are looked at byte by byte.
 */
export function controlBytes(head: Uint8Array): number {
  const n = head.length;
  let i = 0;
  let ctrl = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: the byte-wise lead-in only aligns the word loop; reading past the end counts undefined as 0, and any alignment gives the same count (decode.test.ts checks against a byte loop).
  while (i < n && (head.byteOffset + i) % 4 !== 0) ctrl += isControl(head[i++]!);
  if (i >= n) return ctrl;
  const words = new Uint32Array(head.buffer, head.byteOffset + i, (n - i) >>> 2);
  // Stryker disable next-line EqualityOperator: words[length] is undefined, which the skip test passes over.
  for (let w = 0; w < words.length; w++) {
    const x = words[w]!;
  // Stryker disable next-line ConditionalExpression: a fast path: a word it skips holds no control byte, so looking at it byte by byte adds 0.
    if (((x - 0x20202020) & ~x & 0x80808080) === 0) continue;
    const at = i + 4 * w;
    ctrl += isControl(head[at]!) + isControl(head[at + 1]!) + isControl(head[at + 2]!) + isControl(head[at + 3]!);
  }
  // Stryker disable next-line EqualityOperator: head[n] is undefined, counted as 0.
  for (i += 4 * words.length; i < n; i++) ctrl += isControl(head[i]!);
  return ctrl;
}

function sniff(bytes: Uint8Array, warnings: string[]): DecodeResult {
  // Stryker disable next-line StringLiteral: tryDecode never gives undefined for utf-8.
  const utf8 = tryDecode(bytes, 'utf-8') ?? '';
  const u8rate = replacementRate(utf8);
  // Valid UTF-8 with multi-byte sequences is almost never an accident.
  if (u8rate === 0) return { ok: true, value: { text: stripBom(utf8), encoding: 'utf-8', how: 'sniff', warnings } };
  // GB18030 and Big5 decode almost any byte pair, so "fewest invalid sequences" alone picks
  // them for a UTF-8 page with a few bad bytes. Score each reading by how much of it is
  // common Chinese, minus its invalid sequences: mojibake is made of rare characters.
  const cands = ['utf-8', 'gb18030', 'big5'].map((enc) => {
    // Stryker disable next-line ConditionalExpression,StringLiteral: decoding as utf-8 again gives the text already decoded; tryDecode never gives undefined here.
    const text = enc === 'utf-8' ? utf8 : tryDecode(bytes, enc) ?? '';
    const rate = replacementRate(text);
    return { enc, text, rate, score: commonHanScore(text) - SNIFF_BAD_PENALTY * Math.round(rate * text.length) };
  });
  let best = cands[0]!;
  for (const c of cands) if (c.score > best.score) best = c;
  if (best.rate > SNIFF_MAX_BAD) return { ok: false, reason: `undecodable text: no encoding fits (best ${best.enc} with ${(best.rate * 100).toFixed(1)}% invalid sequences)` };
  if (best.rate > 0) warnings.push(`decoded as ${best.enc} with ${(best.rate * 100).toFixed(2)}% invalid sequences (truncated or corrupt page?)`);
  return { ok: true, value: { text: stripBom(best.text), encoding: best.enc, how: 'sniff', warnings } };
}
