import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BlockList } from 'node:net';
import { checkHost, classifyAddress, classifyIPv4, parseIPv4Loose, parseIPv6, pinnedLookup } from '../../lambdas/adapters/ssrf.js';

const dotted = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
const u32 = fc.integer({ min: 0, max: 2 ** 32 - 1 });
/** Host strings built from IPv4-ish parts in every radix, plus near misses ("08", "0x", "a", ""). */
const ipv4ishHost = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 300 }).map(String),
      fc.integer({ min: 0, max: 2 ** 32 }).map((n) => '0x' + n.toString(16)),
      fc.integer({ min: 0, max: 2 ** 32 }).map((n) => '0' + n.toString(8)),
      fc.constantFrom('', '0x', '08', '0X1F', 'a', '00', '4294967296'),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join('.'));

/** An oracle written independently of the classifier: node's own BlockList over the same registry. */
const oracle = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const)
  oracle.addSubnet(net, bits, 'ipv4');

describe('IPv4 spellings', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0X7F.1', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0177.0000.0000.0001', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'],
    ['10.1', '10.0.0.1'],
    ['0', '0.0.0.0'],
    ['169.254.43518', '169.254.169.254'],
    ['0xa9fea9fe', '169.254.169.254'],
    ['127.0.0.1.', '127.0.0.1'],
  ])('%s means %s', (text, ip) => {
    expect(parseIPv4Loose(text)).toBe(ip);
    expect(classifyAddress(text).allowed).toBe(false);
  });

  it.each(['256.0.0.1', '1.2.3.4.5', '08.0.0.1', '1.16777216', 'example.com', '1..2', '0x1g'])('%s is not an IPv4 address', (text) => {
    expect(parseIPv4Loose(text)).toBeUndefined();
  });

  it('decimal, hex and octal spellings of any address mean that address', () => {
    fc.assert(
      fc.property(u32, (n) => {
        const ip = dotted(n);
        expect(parseIPv4Loose(String(n))).toBe(ip);
        expect(parseIPv4Loose('0x' + n.toString(16))).toBe(ip);
        const octal = ip.split('.').map((p) => '0' + Number(p).toString(8)).join('.');
        expect(parseIPv4Loose(octal)).toBe(ip);
        const [a, b] = ip.split('.');
        expect(parseIPv4Loose(`${a}.${b}.${(n & 0xffff) >>> 0}`)).toBe(ip);
      }),
    );
  });

  it('reads IPv4 hosts exactly as the WHATWG URL parser does (an independent implementation)', () => {
    fc.assert(
      fc.property(ipv4ishHost, (h) => {
        let fromUrl: string | undefined;
        try {
          fromUrl = new URL(`http://${h}/`).hostname;
        } catch {
          fromUrl = undefined;
        }
        const urlSaysIPv4 = fromUrl !== undefined && /^\d+\.\d+\.\d+\.\d+$/.test(fromUrl);
        expect(parseIPv4Loose(h)).toBe(urlSaysIPv4 ? fromUrl : undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with an independent BlockList on every address', () => {
    fc.assert(
      fc.property(u32, (n) => {
        const ip = dotted(n);
        expect(classifyIPv4(ip).allowed).toBe(!oracle.check(ip, 'ipv4'));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the oracle at both edges of every range', () => {
    const toInt = (ip: string) => ip.split('.').reduce((a, p) => a * 256 + Number(p), 0);
    const ranges: Array<[string, number]> = [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4]];
    for (const [net, bits] of ranges) {
      const start = toInt(net);
      const end = start + 2 ** (32 - bits) - 1;
      for (const n of [start - 1, start, start + 1, end - 1, end, end + 1].filter((x) => x >= 0 && x < 2 ** 32)) {
        expect(classifyIPv4(dotted(n)).allowed, dotted(n)).toBe(!oracle.check(dotted(n), 'ipv4'));
      }
      expect(classifyIPv4(net).allowed).toBe(false);
    }
  });

  it.each([
    ['8.8.8.8', true], ['1.1.1.1', true], ['100.63.255.255', true], ['100.128.0.0', true], ['172.32.0.1', true],
    ['127.255.255.255', false], ['10.0.0.1', false], ['100.64.0.1', false], ['100.127.255.255', false], ['172.16.0.1', false],
    ['172.31.255.255', false], ['192.168.1.1', false], ['169.254.169.254', false], ['224.0.0.1', false], ['239.1.1.1', false],
    ['255.255.255.255', false], ['0.0.0.0', false], ['198.18.0.1', false], ['192.0.2.1', false],
  ])('%s allowed=%s', (ip, allowed) => {
    expect(classifyAddress(ip).allowed).toBe(allowed);
  });
});

describe('IPv6', () => {
  it.each([
    ['::1', 'loopback'], ['::', 'unspecified'], ['[::1]', 'loopback'], ['fe80::1%eth0', 'link-local'], ['fd12:3456::1', 'unique local'],
    ['fc00::1', 'unique local'], ['ff02::1', 'multicast'], ['::ffff:127.0.0.1', 'IPv4-mapped'], ['::ffff:7f00:1', 'IPv4-mapped'],
    ['::ffff:169.254.169.254', 'metadata'], ['::ffff:10.0.0.1', 'private'], ['::127.0.0.1', 'IPv4-compatible'], ['64:ff9b::127.0.0.1', 'NAT64'],
    ['2002:7f00:1::', '6to4'], ['2001:db8::1', 'documentation'], ['2001::1', 'Teredo'], ['fec0::1', 'site-local'], ['100::1', 'reserved'],
  ])('%s is refused (%s)', (ip, reason) => {
    const v = classifyAddress(ip);
    expect(v.allowed).toBe(false);
    if (!v.allowed) expect(v.reason).toContain(reason);
  });

  it.each(['2606:4700:4700::1111', '2a00:1450:4001:800::200e', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8'])('%s is allowed', (ip) => {
    expect(classifyAddress(ip)).toEqual({ allowed: true });
  });

  it('IPv4-mapped addresses get the verdict of the IPv4 address inside', () => {
    fc.assert(
      fc.property(u32, (n) => {
        const ip = dotted(n);
        expect(classifyAddress(`::ffff:${ip}`).allowed).toBe(classifyIPv4(ip).allowed);
        const hex = `::ffff:${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
        expect(classifyAddress(hex).allowed).toBe(classifyIPv4(ip).allowed);
      }),
      { numRuns: 2000 },
    );
  });

  const hextets = (len: number) => fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: len, maxLength: len });
  const text = (w: number[]) => w.map((x) => x.toString(16)).join(':');

  it('ULA, link-local and multicast ranges are always refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(0xfc00, 0xfd00, 0xfe80, 0xfebf, 0xff00, 0xff0e), hextets(7), (first, rest) => {
        const ip = text([first | (first === 0xfe80 || first === 0xfebf ? 0 : rest[0]! & 0xff), ...rest]);
        expect(classifyAddress(ip).allowed).toBe(false);
      }),
    );
  });

  it('expands every textual form to the same 8 hextets', () => {
    fc.assert(
      fc.property(hextets(8), (w) => {
        expect(parseIPv6(text(w))).toEqual(w);
        // Compress the longest zero run the way inet_ntop does via URL's serialiser.
        const canonical = new URL(`http://[${text(w)}]/`).hostname;
        expect(parseIPv6(canonical)).toEqual(w);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => void classifyAddress(s)));
  });
});

describe('checkHost', () => {
  const resolveTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('refuses a name with any private address among public ones', async () => {
    await expect(checkHost(new URL('http://mixed.example/'), { resolve: resolveTo('8.8.8.8', '10.0.0.5') })).rejects.toThrow(
      /refusing to fetch http:\/\/mixed\.example\/: mixed\.example resolves to 10\.0\.0\.5, private/,
    );
  });

  it('refuses odd spellings in URLs (which the URL parser normalises)', async () => {
    for (const host of ['2130706433', '0x7f000001', '0177.0.0.1', '127.1', '[::ffff:127.0.0.1]', '[::1]']) {
      await expect(checkHost(new URL(`http://${host}:8080/`)), host).rejects.toThrow(/refusing to fetch/);
    }
  });

  it('passes public addresses and, with allowPrivateNetwork, loopback', async () => {
    expect(await checkHost(new URL('http://pub.example/'), { resolve: resolveTo('93.184.216.34') })).toEqual([{ address: '93.184.216.34', family: 4 }]);
    expect(await checkHost(new URL('http://127.0.0.1/'), { allowPrivateNetwork: true })).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });

  it('names unresolvable hosts', async () => {
    await expect(checkHost(new URL('http://nx.example/'), { resolve: async () => { throw new Error('ENOTFOUND nx.example'); } })).rejects.toThrow(/cannot resolve nx\.example/);
  });

  it('pins lookups to the checked addresses, whatever name is asked', () => {
    const lookup = pinnedLookup([{ address: '93.184.216.34', family: 4 }]);
    lookup('rebind.example', { all: true }, (_e, addrs) => expect(addrs).toEqual([{ address: '93.184.216.34', family: 4 }]));
    lookup('rebind.example', {}, (_e, addr, fam) => expect([addr, fam]).toEqual(['93.184.216.34', 4]));
  });
});
