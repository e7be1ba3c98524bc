import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { fetchPage, FetchError, DEFAULT_USER_AGENT, type FetchPageOptions } from '../../lambdas/adapters/http-fetcher.js';

type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const routes = new Map<string, Route>();
const hits = new Map<string, number>();
const seenHeaders = new Map<string, http.IncomingHttpHeaders>();
let server: http.Server;
let base: string;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    seenHeaders.set(path, req.headers);
    const route = routes.get(path);
    if (route) route(req, res);
    else {
      res.writeHead(404);
      res.end('nope');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const local: FetchPageOptions = { allowPrivateNetwork: true, retries: 0 };
const sleeps: number[] = [];
const fakeSleep = async (ms: number) => void sleeps.push(ms);

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FetchError);
    return e as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

describe('fetchPage', () => {
  it('returns bytes, final URL and validators, and identifies itself', async () => {
    routes.set('/ok', (_q, s) => {
      s.writeHead(200, { 'content-type': 'text/html; charset=gbk', etag: '"v1"', 'last-modified': 'Mon, 30 Nov 2026 10:00:00 GMT' });
      s.end(Buffer.from([0xd6, 0xd0]));
    });
    const r = await fetchPage(`${base}/ok#frag`, local);
    expect(r).toEqual({ status: 200, url: `${base}/ok`, bytes: new Uint8Array([0xd6, 0xd0]), contentType: 'text/html; charset=gbk', etag: '"v1"', lastModified: 'Mon, 30 Nov 2026 10:00:00 GMT' });
    expect(seenHeaders.get('/ok')?.['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^duofeed\/0\.1 \(.+\)$/);
  });

  it('sends validators and answers 304 with empty bytes', async () => {
    routes.set('/cond', (q, s) => {
      if (q.headers['if-none-match'] === '"v1"' && q.headers['if-modified-since'] === 'Mon, 30 Nov 2026 10:00:00 GMT') {
        s.writeHead(304, { etag: '"v1"' });
        s.end();
      } else {
        s.writeHead(200, { etag: '"v1"' });
        s.end('full body');
      }
    });
    const full = await fetchPage(`${base}/cond`, local);
    expect(new TextDecoder().decode(full.bytes)).toBe('full body');
    const r = await fetchPage(`${base}/cond`, { ...local, validators: { etag: '"v1"', lastModified: 'Mon, 30 Nov 2026 10:00:00 GMT' } });
    expect(r.status).toBe(304);
    expect(r.bytes.length).toBe(0);
    expect(r.etag).toBe('"v1"');
  });

  it('refuses loopback without allowPrivateNetwork, before connecting', async () => {
    routes.set('/secret', (_q, s) => s.end('secret'));
    const before = hits.get('/secret') ?? 0;
    for (const url of [`${base}/secret`, `http://localhost:${port}/secret`, `http://2130706433:${port}/secret`, `http://0x7f.1:${port}/secret`, `http://[::ffff:127.0.0.1]:${port}/secret`]) {
      const e = await failure(fetchPage(url, { retries: 0 }));
      expect(e.code, url).toBe('ssrf');
      expect(e.message).toMatch(/^fetch http:\/\/.+\/secret: .*loopback/);
    }
    expect(hits.get('/secret') ?? 0).toBe(before);
  });

  it('re-checks every redirect hop against the address policy', async () => {
    routes.set('/to-other-loopback', (_q, s) => {
      s.writeHead(302, { location: `http://0x7f000002:${port}/secret` });
      s.end();
    });
    const onlyThisLoopback = (a: string) => (a === '127.0.0.1' ? { allowed: true as const } : { allowed: false as const, reason: 'not the test server' });
    const e = await failure(fetchPage(`${base}/to-other-loopback`, { retries: 0, addressPolicy: onlyThisLoopback }));
    expect(e.code).toBe('ssrf');
    expect(e.message).toContain('http://127.0.0.2:');
  });

  it('judges the address the socket actually reached, after connecting, and refuses it there', async () => {
    routes.set('/after-connect', (_q, s) => s.end('should not be read'));
    // The check before connecting passes; the policy refuses the second look, which only the
    // post-connect check makes (as it would when a proxy or a changed agent connected elsewhere).
    const asked: string[] = [];
    const policy = (a: string) => {
      asked.push(a);
      return asked.length === 1 ? { allowed: true as const } : { allowed: false as const, reason: 'refused after connecting' };
    };
    const e = await failure(fetchPage(`${base}/after-connect`, { retries: 0, addressPolicy: policy }));
    expect(e.code).toBe('ssrf');
    expect(e.message).toBe(`fetch ${base}/after-connect: connected to 127.0.0.1, refused after connecting`);
    expect(asked).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('with allowPrivateNetwork, neither check refuses loopback', async () => {
    routes.set('/private-ok', (_q, s) => s.end('ok'));
    const asked: string[] = [];
    const r = await fetchPage(`${base}/private-ok`, { ...local, addressPolicy: (a) => (asked.push(a), { allowed: false as const, reason: 'never' }) });
    expect(new TextDecoder().decode(r.bytes)).toBe('ok');
    expect(asked).toEqual([]);
  });

  it('connects to the address it checked, not a second DNS answer (rebinding)', async () => {
    routes.set('/pinned', (_q, s) => s.end('pinned'));
    const answers = ['127.0.0.1', '10.9.9.9'];
    let calls = 0;
    const resolve = async () => [{ address: answers[Math.min(calls++, 1)] as string, family: 4 }];
    const policy = (a: string) => (a === '127.0.0.1' ? { allowed: true as const } : { allowed: false as const, reason: 'private' });
    const r = await fetchPage(`http://rebind.test:${port}/pinned`, { retries: 0, resolve, addressPolicy: policy });
    expect(new TextDecoder().decode(r.bytes)).toBe('pinned');
    expect(calls).toBe(1);
  });

  it('follows up to 5 redirects, relative ones too', async () => {
    for (let i = 0; i < 7; i++) {
      routes.set(`/hop${i}`, (_q, s) => {
        s.writeHead(i % 2 ? 301 : 307, { location: i === 6 ? '/ok' : `hop${i + 1}` });
        s.end();
      });
    }
    const r = await fetchPage(`${base}/hop2`, local);
    expect(r.url).toBe(`${base}/ok`);
    const e = await failure(fetchPage(`${base}/hop0`, local));
    expect(e.code).toBe('too-many-redirects');
    expect(e.message).toBe(`fetch ${base}/hop0: more than 5 redirects (last to hop6)`);
  });

  it('refuses redirects to other schemes and credentials', async () => {
    routes.set('/to-file', (_q, s) => {
      s.writeHead(302, { location: 'file:///etc/passwd' });
      s.end();
    });
    expect((await failure(fetchPage(`${base}/to-file`, local))).code).toBe('bad-url');
    expect((await failure(fetchPage('gopher://x.example/', local))).message).toMatch(/scheme gopher: is not http or https/);
  });

  it('waits for Retry-After on 503, then succeeds', async () => {
    let n = 0;
    routes.set('/busy', (_q, s) => {
      if (n++ === 0) {
        s.writeHead(503, { 'retry-after': '2' });
        s.end();
      } else s.end('done');
    });
    sleeps.length = 0;
    const r = await fetchPage(`${base}/busy`, { allowPrivateNetwork: true, retries: 2, sleep: fakeSleep, random: () => 0.5 });
    expect(new TextDecoder().decode(r.bytes)).toBe('done');
    expect(sleeps).toEqual([2000]);
  });

  it('does not wait for an unreasonable Retry-After on 429', async () => {
    routes.set('/slow-down', (_q, s) => {
      s.writeHead(429, { 'retry-after': '3600' });
      s.end();
    });
    sleeps.length = 0;
    const e = await failure(fetchPage(`${base}/slow-down`, { allowPrivateNetwork: true, retries: 3, sleep: fakeSleep }));
    expect([e.code, e.status, e.retryAfterMs]).toEqual(['http-status', 429, 3_600_000]);
    expect(e.message).toBe(`fetch ${base}/slow-down: HTTP 429 (Retry-After 3600 s)`);
    expect(sleeps).toEqual([]);
  });

  it('retries 5xx with jittered exponential backoff, a bounded number of times', async () => {
    routes.set('/broken', (_q, s) => {
      s.writeHead(502);
      s.end();
    });
    sleeps.length = 0;
    hits.set('/broken', 0);
    const e = await failure(fetchPage(`${base}/broken`, { allowPrivateNetwork: true, retries: 3, sleep: fakeSleep, random: () => 0.5, backoff: { baseMs: 100, capMs: 1000 } }));
    expect(e.status).toBe(502);
    expect(hits.get('/broken')).toBe(4);
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it('does not retry a 404', async () => {
    hits.set('/missing', 0);
    const e = await failure(fetchPage(`${base}/missing`, { allowPrivateNetwork: true, retries: 3, sleep: fakeSleep }));
    expect([e.code, e.status]).toEqual(['http-status', 404]);
    expect(hits.get('/missing')).toBe(1);
  });

  it('caps the size by Content-Length and while streaming', async () => {
    routes.set('/big-declared', (_q, s) => {
      s.writeHead(200, { 'content-length': '2000000' });
      s.end(Buffer.alloc(2_000_000));
    });
    routes.set('/big-chunked', (_q, s) => {
      s.writeHead(200);
      for (let i = 0; i < 40; i++) s.write(Buffer.alloc(50_000, 65));
      s.end();
    });
    const a = await failure(fetchPage(`${base}/big-declared`, { ...local, maxBytes: 1_000_000 }));
    expect(a.code).toBe('too-large');
    expect(a.message).toMatch(/Content-Length 2000000 exceeds the 1000000-byte limit/);
    const b = await failure(fetchPage(`${base}/big-chunked`, { ...local, maxBytes: 1_000_000 }));
    expect(b.message).toMatch(/body exceeds the 1000000-byte limit/);
  });

  it.each([
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ] as const)('decompresses %s and stops a bomb of it', async (encoding, compress) => {
    const small = compress(Buffer.from('<p>hello 你好</p>'));
    const bomb = compress(Buffer.alloc(12_000_000));
    expect(bomb.length).toBeLessThan(50_000);
    routes.set(`/${encoding}`, (_q, s) => {
      s.writeHead(200, { 'content-encoding': encoding });
      s.end(small);
    });
    routes.set(`/${encoding}-bomb`, (_q, s) => {
      s.writeHead(200, { 'content-encoding': encoding });
      s.end(bomb);
    });
    const ok = await fetchPage(`${base}/${encoding}`, local);
    expect(new TextDecoder().decode(ok.bytes)).toBe('<p>hello 你好</p>');
    const e = await failure(fetchPage(`${base}/${encoding}-bomb`, { ...local, maxBytes: 1_000_000 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain(`decompresses to more than the 1000000-byte limit (${encoding})`);
  });

  it('reports a corrupt compressed body', async () => {
    routes.set('/bad-gzip', (_q, s) => {
      s.writeHead(200, { 'content-encoding': 'gzip' });
      s.end('not gzip at all');
    });
    expect((await failure(fetchPage(`${base}/bad-gzip`, local))).code).toBe('bad-encoding');
  });

  it('times out waiting for headers, and for a stalled body', async () => {
    routes.set('/hang', () => {
      // never answers
    });
    routes.set('/stall', (_q, s) => {
      s.writeHead(200);
      s.write('partial');
    });
    const a = await failure(fetchPage(`${base}/hang`, { ...local, timeoutMs: 300 }));
    expect([a.code, a.message]).toEqual(['timeout', `fetch ${base}/hang: no complete response headers within 300 ms`]);
    const b = await failure(fetchPage(`${base}/stall`, { ...local, timeoutMs: 300 }));
    expect(b.message).toBe(`fetch ${base}/stall: no complete body within 300 ms`);
  });

  it('names network errors', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const e = await failure(fetchPage(`http://127.0.0.1:${deadPort}/`, local));
    expect(e.code).toBe('network');
    expect(e.message).toMatch(/ECONNREFUSED/);
  });
});

describe('fetchPage mid-body failures', () => {
  it('names a connection cut mid-body, plain or compressed', async () => {
    routes.set('/cut', (_q, s) => {
      s.writeHead(200, { 'content-length': '1000' });
      s.write('only part');
      setTimeout(() => s.socket?.destroy(), 20);
    });
    routes.set('/cut-gzip', (_q, s) => {
      s.writeHead(200, { 'content-encoding': 'gzip', 'content-length': '5000' });
      s.write(zlib.gzipSync(Buffer.alloc(100_000, 66)).subarray(0, 50));
      setTimeout(() => s.socket?.destroy(), 20);
    });
    for (const path of ['/cut', '/cut-gzip']) {
      const e = await failure(fetchPage(`${base}${path}`, { ...local, timeoutMs: 3000 }));
      expect(e.code, path).toBe('network');
      expect(e.message).toMatch(/mid-body/);
    }
  });
});
