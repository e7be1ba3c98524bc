/**
 * SSRF guard for outbound fetches. duofeed fetches URLs that come from the open web (links
 * on index pages, redirects), so a hostile page could point it at the instance metadata
 * service or at something on the private network. Every hop is checked here: the host is
 * parsed (including odd IPv4 spellings) or resolved, every resulting address is classified,
 * and the connection is pinned to the checked address so a second DNS answer (rebinding)
 * cannot switch it.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: AddressVerdict = { allowed: true };

/**
 * Parses an IPv4 address the way inet_aton (and so getaddrinfo and the WHATWG URL parser)
 * does: 1 to 4 parts, each decimal, 0x-hex or 0-octal, the last part filling the remaining
 * bytes. `127.1`, `2130706433`, `0x7f000001` and `0177.0.0.1` all mean 127.0.0.1.
 * Returns the dotted-quad form, or undefined when the text is not such an address.
 */
export function parseIPv4Loose(text: string): string | undefined {
  const host = text.endsWith('.') ? text.slice(0, -1) : text;
  const parts = host.split('.');
  if (parts.length < 1 || parts.length > 4) return undefined;
  const nums: number[] = [];
  for (const part of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(part)) n = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) n = parseInt(part.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) n = Number(part);
    else return undefined;
    if (!Number.isFinite(n)) return undefined;
    nums.push(n);
  }
  const last = nums.pop() as number;
  if (nums.some((n) => n > 255)) return undefined;
  if (last >= 256 ** (4 - nums.length)) return undefined;
  let value = last;
  nums.forEach((n, i) => {
    value += n * 256 ** (3 - i);
  });
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);
}

// [network, prefix length, reason] — IANA special-purpose registry, plus CGNAT.
const V4_BLOCKED: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified/this-network (0.0.0.0/8)'],
  ['10.0.0.0', 8, 'private (10.0.0.0/8)'],
  ['100.64.0.0', 10, 'carrier-grade NAT (100.64.0.0/10)'],
  ['127.0.0.0', 8, 'loopback (127.0.0.0/8)'],
  ['169.254.0.0', 16, 'link-local / cloud metadata (169.254.0.0/16)'],
  ['172.16.0.0', 12, 'private (172.16.0.0/12)'],
  ['192.0.0.0', 24, 'IETF protocol assignments (192.0.0.0/24)'],
  ['192.0.2.0', 24, 'documentation (192.0.2.0/24)'],
  ['192.88.99.0', 24, '6to4 relay anycast (192.88.99.0/24)'],
  ['192.168.0.0', 16, 'private (192.168.0.0/16)'],
  ['198.18.0.0', 15, 'benchmarking (198.18.0.0/15)'],
  ['198.51.100.0', 24, 'documentation (198.51.100.0/24)'],
  ['203.0.113.0', 24, 'documentation (203.0.113.0/24)'],
  ['224.0.0.0', 4, 'multicast (224.0.0.0/4)'],
  ['240.0.0.0', 4, 'reserved (240.0.0.0/4, incl. broadcast)'],
];
const V4_TABLE = V4_BLOCKED.map(([net, bits, reason]) => ({ net: ipv4ToInt(net), bits, reason }));

/** Classifies a dotted-quad IPv4 address. */
export function classifyIPv4(ip: string): AddressVerdict {
  const n = ipv4ToInt(ip);
  for (const { net, bits, reason } of V4_TABLE) {
    const size = 2 ** (32 - bits);
    if (Math.floor(n / size) === Math.floor(net / size)) return { allowed: false, reason };
  }
  return ALLOWED;
}

/** Expands an IPv6 address (optionally with an embedded IPv4 tail or a zone) to 8 hextets. */
export function parseIPv6(text: string): number[] | undefined {
  let s = text.replace(/^\[|\]$/g, '');
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (isIP(s) !== 6) return undefined;
  const lastColon = s.lastIndexOf(':');
  const maybeV4 = s.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    // Rewrite the dotted tail as two hextets so one code path expands the rest.
    const n = ipv4ToInt(maybeV4);
    s = `${s.slice(0, lastColon + 1)}${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const [head = '', rest] = s.split('::') as [string, string | undefined];
  const toNums = (part: string) => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
  const a = toNums(head);
  let words: number[];
  if (rest === undefined) words = a;
  else {
    const b = toNums(rest);
    words = [...a, ...new Array<number>(Math.max(0, 8 - a.length - b.length)).fill(0), ...b];
  }
  if (words.length !== 8 || words.some((w) => !(w >= 0 && w <= 0xffff))) return undefined;
  return words;
}

function embeddedV4(hi: number, lo: number): string {
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** Classifies an IPv6 address given as 8 hextets. Only global unicast (2000::/3) passes. */
export function classifyIPv6Words(w: number[]): AddressVerdict {
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0] = w;
  const upperZero = w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0 && w4 === 0;
  if (upperZero && w5 === 0xffff) {
    const inner = classifyIPv4(embeddedV4(w6, w7));
    return inner.allowed ? inner : { allowed: false, reason: `IPv4-mapped IPv6 of ${inner.reason}` };
  }
  if (upperZero && w5 === 0 && w6 === 0 && w7 === 0) return { allowed: false, reason: 'unspecified (::)' };
  if (upperZero && w5 === 0 && w6 === 0 && w7 === 1) return { allowed: false, reason: 'loopback (::1)' };
  if (upperZero && w5 === 0) return { allowed: false, reason: 'IPv4-compatible IPv6 (::/96, deprecated)' };
  if (w0 === 0x64 && w1 === 0xff9b) {
    // NAT64 would forward to the embedded IPv4 address, so judge that address.
    const inner = classifyIPv4(embeddedV4(w6, w7));
    if (!inner.allowed) return { allowed: false, reason: `NAT64 of ${inner.reason}` };
    return w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0 ? inner : { allowed: false, reason: 'local-use NAT64 (64:ff9b:1::/48)' };
  }
  if ((w0 & 0xfe00) === 0xfc00) return { allowed: false, reason: 'unique local (fc00::/7)' };
  if ((w0 & 0xffc0) === 0xfe80) return { allowed: false, reason: 'link-local (fe80::/10)' };
  if ((w0 & 0xffc0) === 0xfec0) return { allowed: false, reason: 'site-local (fec0::/10, deprecated)' };
  if ((w0 & 0xff00) === 0xff00) return { allowed: false, reason: 'multicast (ff00::/8)' };
  if ((w0 & 0xe000) !== 0x2000) return { allowed: false, reason: 'reserved (outside global unicast 2000::/3)' };
  if (w0 === 0x2001 && w1 === 0x0db8) return { allowed: false, reason: 'documentation (2001:db8::/32)' };
  if (w0 === 0x2001 && w1 < 0x0200) return { allowed: false, reason: 'IETF protocol assignments incl. Teredo (2001::/23)' };
  if (w0 === 0x2002) {
    // 6to4 tunnels to the IPv4 address in bits 16..48.
    const inner = classifyIPv4(embeddedV4(w1, w2));
    return inner.allowed ? inner : { allowed: false, reason: `6to4 of ${inner.reason}` };
  }
  return ALLOWED;
}

/** Classifies an address literal (IPv4 in any inet_aton spelling, or IPv6 with or without brackets). */
export function classifyAddress(address: string): AddressVerdict {
  const v4 = parseIPv4Loose(address);
  if (v4) return classifyIPv4(v4);
  const v6 = parseIPv6(address);
  if (v6) return classifyIPv6Words(v6);
  return { allowed: false, reason: `not an IP address: ${JSON.stringify(address)}` };
}

/** True when the host is written as an IP address (any spelling), so no DNS is involved. */
export function literalAddress(host: string): { address: string; family: 4 | 6 } | undefined {
  const v4 = parseIPv4Loose(host);
  if (v4) return { address: v4, family: 4 };
  const bare = host.replace(/^\[|\]$/g, '');
  if (parseIPv6(bare)) return { address: bare, family: 6 };
  return undefined;
}

export class SsrfError extends Error {
  override name = 'SsrfError';
  constructor(
    readonly url: string,
    readonly reason: string,
    /** True when an address was refused for its range (private, loopback…), not when the host could not be resolved. */
    readonly addressRefused = false,
  ) {
    super(`refusing to fetch ${url}: ${reason}`);
  }
}

export type Resolver = (host: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Resolves the URL's host and checks every address. Returns the addresses the connection
 * may use; throws SsrfError naming the URL, the address and its range. A name with one bad
 * address among good ones is refused: the OS could pick any of them.
 */
export async function checkHost(
  url: URL,
  opts: { allowPrivateNetwork?: boolean; resolve?: Resolver; policy?: (address: string) => AddressVerdict } = {},
): Promise<LookupAddress[]> {
  const host = url.hostname;
  const literal = literalAddress(host);
  let addresses: LookupAddress[];
  if (literal) addresses = [literal];
  else {
    if (host === '') throw new SsrfError(url.href, 'no host');
    try {
      addresses = await (opts.resolve ?? systemResolver)(host);
    } catch (cause) {
      const err = new SsrfError(url.href, `cannot resolve ${host} (${(cause as Error).message})`);
      (err as Error).cause = cause;
      throw err;
    }
    if (addresses.length === 0) throw new SsrfError(url.href, `${host} has no addresses`);
  }
  if (!opts.allowPrivateNetwork) {
    for (const a of addresses) {
      const verdict = (opts.policy ?? classifyAddress)(a.address);
      if (!verdict.allowed) {
        const what = literal ? `address ${host}` : `${host} resolves to ${a.address},`;
        throw new SsrfError(url.href, `${what} ${verdict.reason}`, true);
      }
    }
  }
  return addresses;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that answers only with the addresses already checked, so
 * the socket connects to exactly what checkHost approved (no second DNS query to rebind).
 */
export function pinnedLookup(addresses: LookupAddress[]) {
  return (_hostname: string, options: { all?: boolean; family?: number } | number, callback: LookupCallback): void => {
    const all = typeof options === 'object' && options.all;
    const first = addresses[0] as LookupAddress;
    if (all) callback(null, addresses);
    else callback(null, first.address, first.family);
  };
}
