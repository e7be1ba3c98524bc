/** The Lambda entry point's cold-start wiring: config is read once and a bad value names itself. */
import { afterEach, describe, expect, it, vi } from 'vitest';

const ENV = ['DUOFEED_SOURCES', 'DUOFEED_TABLE', 'DUOFEED_BUCKET', 'DUOFEED_QUEUE_URL', 'DUOFEED_PUBLIC_URL', 'DUOFEED_CURSOR_KEY'] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));

afterEach(() => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  vi.resetModules();
});

async function freshHandler() {
  vi.resetModules();
  return (await import('../../lambdas/fetch/handler.js')).handler;
}

const okEnv = { DUOFEED_TABLE: 't', DUOFEED_BUCKET: 'b', DUOFEED_QUEUE_URL: 'http://127.0.0.1:9/q' };

describe('fetch Lambda handler (env)', () => {
  it('refuses a bad DUOFEED_SOURCES with the field and the reason, on every invocation', async () => {
    Object.assign(process.env, okEnv, { DUOFEED_SOURCES: JSON.stringify([{ id: 'a', name: 'A', kind: 'html-index', startUrls: ['http://x.example/'], linkPattern: '[', languages: ['en', 'zh'], schedule: 'rate(1 hour)', minDelayMs: 0 }]) });
    const handler = await freshHandler();
    for (let i = 0; i < 2; i++) {
      await expect(handler({})).rejects.toThrow(/invalid sources in the DUOFEED_SOURCES environment variable:\n {2}sources\[0\]\.linkPattern: not a valid regular expression/);
    }
  });

  it('refuses DUOFEED_SOURCES that is not JSON', async () => {
    Object.assign(process.env, okEnv, { DUOFEED_SOURCES: 'chinamil' });
    await expect((await freshHandler())({})).rejects.toThrow(/DUOFEED_SOURCES.*\n {2}not valid JSON/);
  });

  it('names a missing variable', async () => {
    Object.assign(process.env, okEnv, { DUOFEED_SOURCES: '[]' });
    delete process.env.DUOFEED_TABLE;
    // The sources are checked first; an empty list is itself an error.
    await expect((await freshHandler())({})).rejects.toThrow(/sources: must list at least one source/);
    process.env.DUOFEED_SOURCES = JSON.stringify([{ id: 'a', name: 'A', kind: 'rss', startUrls: ['http://x.example/'], linkPattern: '.', languages: ['en', 'zh'], schedule: 'rate(1 hour)', minDelayMs: 0 }]);
    await expect((await freshHandler())({})).rejects.toThrow(/DUOFEED_TABLE/);
  });
});

describe('one ConfigError for every configuration mistake', () => {
  const source = { id: 'a', name: 'A', kind: 'rss', startUrls: ['http://x.example/'], linkPattern: '.', languages: ['en', 'zh'], schedule: 'rate(1 hour)', minDelayMs: 0 };
  const request = { version: '2.0', rawPath: '/', rawQueryString: '', headers: { host: 'x.example' }, requestContext: { http: { method: 'GET', path: '/' } } };

  /** After resetModules, the class must come from the same module graph as the handler. */
  async function fresh(fn: 'fetch' | 'feed') {
    vi.resetModules();
    const { handler } = fn === 'fetch' ? await import('../../lambdas/fetch/handler.js') : await import('../../lambdas/feed/handler.js');
    const { ConfigError } = await import('../../lib/config.js');
    return { handler: handler as (e: unknown) => Promise<unknown>, ConfigError };
  }

  it('the fetch function throws the class the CDK app throws, for a bad sources list and for a missing variable', async () => {
    Object.assign(process.env, okEnv, { DUOFEED_SOURCES: 'chinamil' });
    let f = await fresh('fetch');
    await expect(f.handler({})).rejects.toBeInstanceOf(f.ConfigError);
    process.env.DUOFEED_SOURCES = JSON.stringify([source]);
    delete process.env.DUOFEED_QUEUE_URL;
    f = await fresh('fetch');
    await expect(f.handler({})).rejects.toSatisfy((e) => e instanceof f.ConfigError && /DUOFEED_QUEUE_URL/.test(e.message));
  });

  it('the feed function reads DUOFEED_SOURCES as the fetch function does', async () => {
    Object.assign(process.env, { DUOFEED_TABLE: 't', DUOFEED_SOURCES: JSON.stringify([{ ...source, linkPattern: '(' }]) });
    let f = await fresh('feed');
    await expect(f.handler(request)).rejects.toSatisfy(
      (e) => e instanceof f.ConfigError && /invalid sources in the DUOFEED_SOURCES environment variable:\n {2}sources\[0\]\.linkPattern/.test(e.message),
    );
    process.env.DUOFEED_SOURCES = JSON.stringify([source]);
    process.env.DUOFEED_PUBLIC_URL = 'feeds.example.org';
    f = await fresh('feed');
    await expect(f.handler(request)).rejects.toSatisfy((e) => e instanceof f.ConfigError && /DUOFEED_PUBLIC_URL/.test(e.message));
  });

  it('the feed function needs its cursor-signing key, and a long one', async () => {
    Object.assign(process.env, { DUOFEED_TABLE: 't', DUOFEED_SOURCES: JSON.stringify([source]) });
    delete process.env.DUOFEED_PUBLIC_URL;
    delete process.env.DUOFEED_CURSOR_KEY;
    let f = await fresh('feed');
    await expect(f.handler(request)).rejects.toSatisfy((e) => e instanceof f.ConfigError && e.message === 'environment variable DUOFEED_CURSOR_KEY is required but not set');
    process.env.DUOFEED_CURSOR_KEY = 'short';
    f = await fresh('feed');
    await expect(f.handler(request)).rejects.toSatisfy((e) => e instanceof f.ConfigError && /DUOFEED_CURSOR_KEY must be at least 32 characters/.test(e.message));
  });
});
