import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFunctionUrl } from '../../lambdas/adapters/function-url-server.js';

let seen: LambdaFunctionURLEvent[] = [];
let reply: LambdaFunctionURLResult = { statusCode: 200, body: 'ok' };
let server: Awaited<ReturnType<typeof serveFunctionUrl>>;

beforeAll(async () => {
  server = await serveFunctionUrl(async (e) => {
    seen.push(e);
    if (e.rawPath === '/throw') throw new Error('boom');
    return reply;
  }, { port: 0 });
});
afterAll(() => server.close());

describe('serveFunctionUrl: the event is a payload-v2 Function URL event', () => {
  it('carries path, raw and parsed query, lower-cased joined headers, cookies apart', async () => {
    seen = [];
    await fetch(`${server.url}/feeds/all.atom?lang=zh&x=1&x=2&q=%E4%B8%AD`, { headers: { 'X-Custom': 'A', Cookie: 'a=1; b=2', 'If-None-Match': '"e"' } });
    const e = seen[0]!;
    expect(e.version).toBe('2.0');
    expect(e.routeKey).toBe('$default');
    expect(e.rawPath).toBe('/feeds/all.atom');
    expect(e.rawQueryString).toBe('lang=zh&x=1&x=2&q=%E4%B8%AD');
    expect(e.queryStringParameters).toEqual({ lang: 'zh', x: '1,2', q: '中' });
    expect(e.headers['x-custom']).toBe('A');
    expect(e.headers['if-none-match']).toBe('"e"');
    expect(e.headers.cookie).toBeUndefined();
    expect(e.cookies).toEqual(['a=1', 'b=2']);
    expect(e.requestContext.http.method).toBe('GET');
    expect(e.requestContext.http.sourceIp).toBe('127.0.0.1');
    expect(e.isBase64Encoded).toBe(false);
    expect(e.body).toBeUndefined();
  });

  it('base64-encodes a binary request body and passes text as is', async () => {
    seen = [];
    await fetch(`${server.url}/x`, { method: 'POST', body: new Uint8Array([0, 255, 1]), headers: { 'content-type': 'application/octet-stream' } });
    await fetch(`${server.url}/x`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect(seen[0]).toMatchObject({ isBase64Encoded: true, body: Buffer.from([0, 255, 1]).toString('base64') });
    expect(seen[1]).toMatchObject({ isBase64Encoded: false, body: '{"a":1}' });
  });
});

describe('serveFunctionUrl: the result is written back as the Function URL does', () => {
  it.each<[string, LambdaFunctionURLResult, number, string, string]>([
    ['a text body', { statusCode: 201, headers: { 'Content-Type': 'text/plain' }, body: 'hi' }, 201, 'text/plain', 'hi'],
    ['a base64 body', { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('bin').toString('base64'), isBase64Encoded: true }, 200, 'text/plain', 'bin'],
    ['a bare string', 'just a string', 200, 'application/json', 'just a string'],
    ['a bare object', { hello: 'world' } as unknown as LambdaFunctionURLResult, 200, 'application/json', '{"hello":"world"}'],
  ])('%s', async (_name, result, status, type, body) => {
    reply = result;
    const res = await fetch(`${server.url}/r`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe(type);
    expect(await res.text()).toBe(body);
  });

  it('sends cookies as Set-Cookie and nothing for HEAD', async () => {
    reply = { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'body', cookies: ['s=1; Path=/'] };
    const res = await fetch(`${server.url}/r`, { method: 'HEAD' });
    expect(res.headers.get('set-cookie')).toBe('s=1; Path=/');
    expect(await res.text()).toBe('');
  });

  it('a long body returned again (the same string) is written as text or base64 as each result says', async () => {
    // The adapter keeps the bytes of a repeated body; the flag must still decide what they are.
    const long = 'QUJD'.repeat(8_000);
    const bytes = async (isBase64Encoded: boolean) => {
      reply = { statusCode: 200, headers: { 'content-type': 'application/octet-stream' }, body: long, isBase64Encoded };
      const res = await fetch(`${server.url}/r`);
      expect(Number(res.headers.get('content-length'))).toBe(isBase64Encoded ? 24_000 : 32_000);
      return Buffer.from(await res.arrayBuffer());
    };
    expect((await bytes(false)).toString('latin1')).toBe(long);
    expect((await bytes(true)).toString('latin1')).toBe('ABC'.repeat(8_000));
    expect((await bytes(false)).toString('latin1')).toBe(long);
    expect((await bytes(true)).toString('latin1')).toBe('ABC'.repeat(8_000));
  });

  it('serves concurrent requests in full, each its own answer', async () => {
    const tagged = serveFunctionUrl(async (e) => ({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: `${e.rawQueryString}:${'x'.repeat(20_000)}` }), { port: 0 });
    const s = await tagged;
    try {
      const bodies = await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(`${s.url}/q?${i}`).then((r) => r.text())));
      bodies.forEach((b, i) => expect(b.startsWith(`${i}:`) && b.length === `${i}:`.length + 20_000).toBe(true));
      expect(s.connectionsAccepted()).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  });

  it('answers 502 when the handler throws, as AWS does', async () => {
    const orig = console.error;
    console.error = () => undefined;
    try {
      const res = await fetch(`${server.url}/throw`);
      expect(res.status).toBe(502);
      expect(await res.json()).toEqual({ message: 'Internal Server Error' });
    } finally {
      console.error = orig;
    }
  });
});

describe('import boundary', () => {
  it('the feed core imports only relative modules and node:crypto', () => {
    const dir = 'lambdas/core/feed';
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(`${dir}/${f}`, 'utf8');
      for (const m of src.matchAll(/from '([^']+)'/g)) expect(m[1], `${f}`).toMatch(/^(\.{1,2}\/|node:crypto$)/);
      expect(src, f).not.toMatch(/process\.env|Date\.now\(\)|new Date\(\)|fetch\(/);
    }
  });
});
