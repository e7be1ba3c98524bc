/**
 * Longer fuzz run for the outbound-fetch guards, outside CI:
 *   npx tsx test/fetch/fuzz.ts [runs per property, default 200000]
 * Prints one row per property: inputs tried, failures (a failure prints its counterexample).
 */
import fc from 'fast-check';
import { BlockList } from 'node:net';
import { classifyAddress, classifyIPv4, parseIPv4Loose, parseIPv6 } from '../../lambdas/adapters/ssrf.js';
import { canonicalUrl, extractLinks } from '../../lambdas/core/links.js';
import { isAllowed, parseRobots } from '../../lambdas/core/robots.js';
import { parseSources } from '../../lambdas/core/sources.js';

const runs = Number(process.argv[2] ?? 200_000);
const dotted = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
const oracle = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const)
  oracle.addSubnet(net, bits, 'ipv4');

const ipv4ish = fc
  .array(fc.oneof(fc.nat(300).map(String), fc.nat().map((n) => '0x' + n.toString(16)), fc.nat().map((n) => '0' + n.toString(8)), fc.constantFrom('', '0x', '08', 'a', '00')), { minLength: 1, maxLength: 5 })
  .map((p) => p.join('.'));
const kinds = fc.constantFrom('rss', 'atom', 'html-index') as fc.Arbitrary<'rss' | 'atom' | 'html-index'>;
const xmlish = fc.array(fc.constantFrom('<rss>', '<channel>', '<item>', '<link>', '</link>', '</item>', '<feed>', '<entry>', '<link href="/a/1"/>', '<!DOCTYPE x [<!ENTITY a "&a;&a;">]>', '&a;', '&amp;', '&#x0;', 'http://x.example/a/', '<![CDATA[', ']]>', '<?xml version="1.0"?>', '<a href="', '">'), { maxLength: 60 }).map((a) => a.join(''));

const properties: Array<[string, fc.IRawProperty<never>]> = [
  ['IPv4 spellings read as the WHATWG URL parser reads them', fc.property(ipv4ish, (h) => {
    let u: string | undefined;
    try { u = new URL(`http://${h}/`).hostname; } catch { u = undefined; }
    const v4 = u !== undefined && /^\d+\.\d+\.\d+\.\d+$/.test(u);
    if (parseIPv4Loose(h) !== (v4 ? u : undefined)) throw new Error(`${h}: url=${u} ours=${parseIPv4Loose(h)}`);
  }) as never],
  ['IPv4 classifier agrees with node:net BlockList', fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => classifyIPv4(dotted(n)).allowed === !oracle.check(dotted(n), 'ipv4')) as never],
  ['IPv4-mapped IPv6 gets the IPv4 verdict', fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => classifyAddress(`::ffff:${dotted(n)}`).allowed === classifyIPv4(dotted(n)).allowed) as never],
  ['IPv6 text round-trips through the URL serialiser', fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }), (w) => JSON.stringify(parseIPv6(new URL(`http://[${w.map((x) => x.toString(16)).join(':')}]/`).hostname)) === JSON.stringify(w)) as never],
  ['classifyAddress never throws', fc.property(fc.string({ unit: 'binary' }), (s) => void classifyAddress(s)) as never],
  ['canonicalUrl never throws and is idempotent', fc.property(fc.string({ unit: 'binary' }), (s) => { const c = canonicalUrl(s, 'http://x.example/a/'); return c === undefined || canonicalUrl(c, 'http://y.example/') === c; }) as never],
  ['extractLinks never throws on XML-ish input', fc.property(xmlish, kinds, (body, kind) => Array.isArray(extractLinks(body, { kind, pageUrl: 'http://x.example/', linkPattern: '.' }).links)) as never],
  ['extractLinks never throws on arbitrary text', fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), kinds, (body, kind) => Array.isArray(extractLinks(body, { kind, pageUrl: 'http://x.example/', linkPattern: '.' }).links)) as never],
  ['robots.txt parsing never throws', fc.property(fc.string({ unit: 'binary' }), fc.string(), (txt, path) => typeof isAllowed(parseRobots(txt, 'duofeed'), `http://x.example/${encodeURI(path)}`) === 'boolean') as never],
  ['parseSources never throws', fc.property(fc.jsonValue(), (v) => typeof parseSources(v).ok === 'boolean') as never],
];

console.log(`| property | inputs | failures |\n| --- | ---: | ---: |`);
let failed = 0;
for (const [name, prop] of properties) {
  const n = name.startsWith('extractLinks') || name.startsWith('parseSources') ? Math.ceil(runs / 20) : runs;
  const r = await fc.check(prop, { numRuns: n });
  if (r.failed) failed++;
  console.log(`| ${name} | ${r.numRuns} | ${r.failed ? 1 : 0} |`);
  if (r.failed) console.log(`  counterexample: ${JSON.stringify(r.counterexample)} ${r.errorInstance ?? ''}`);
}
process.exitCode = failed ? 1 : 0;
