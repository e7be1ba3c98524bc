/**
 * `duofeed parse` given several pages learns each site's boilerplate from them (the built CLI,
 * dist/duofeed.mjs, in a child process): a site is the page's canonical host, else the
 * fetched URL's host, else the input's folder; --no-learn and a single input parse as before.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { META, PROMO_EN, PROMO_ZH, sitePage, STORIES } from '../support/site-pages.js';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const cli = join(repo, 'dist/duofeed.mjs');

async function duofeed(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [cli, ...args], { cwd: repo, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

type Line = { input: string; segments: { en?: string[]; zh?: string[] }[]; source?: string; editor?: string; byline?: Record<string, string>; authorNote?: Record<string, string> };
const lines = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
const body = (l: Line) => l.segments.flatMap((s) => [...(s.en ?? []), ...(s.zh ?? [])]);
const hasPromo = (l: Line) => body(l).includes(PROMO_EN) || body(l).includes(PROMO_ZH);

let tmp: string;
let site: string;

beforeAll(async () => {
  await run('npm', ['run', 'build', '--silent'], { cwd: repo });
  tmp = mkdtempSync(join(tmpdir(), 'duofeed-parse-learn-'));
  site = join(tmp, 'harbour');
  mkdirSync(site);
  for (let n = 0; n < 4; n++) writeFileSync(join(site, `page-${n}.html`), sitePage(n));
}, 120_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('duofeed parse learns a site\'s boilerplate from the pages it is given', () => {
  it('drops the lines that stand on 3 or more of a folder\'s pages from every one of them, and says how many it learnt', async () => {
    const r = await duofeed(['parse', site]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`duofeed parse: ${site}/: learnt 2 boilerplate line(s) from 4 pages (--no-learn turns this off)\n`);
    const out = lines(r.stdout);
    expect(out.map((l) => l.input)).toEqual([0, 1, 2, 3].map((n) => join(site, `page-${n}.html`)));
    out.forEach((l, n) => expect(body(l)).toEqual(STORIES[n]!.body.flat()));
    // The label lines, bylines and notes every page carries are still read as metadata.
    for (const l of out) {
      expect(l).toMatchObject({ source: '中国军网', editor: 'Li Jiayao', byline: { en: 'Zhang Gaosheng', zh: '张高胜' }, authorNote: { en: META.noteEn, zh: META.noteZh } });
    }
  });

  it('learns nothing with --no-learn, from one page, or from pages of too few articles', async () => {
    const off = await duofeed(['parse', '--no-learn', site]);
    expect(off.stderr).toBe('');
    expect(lines(off.stdout).map(hasPromo)).toEqual([true, true, true, true]);
    const one = await duofeed(['parse', join(site, 'page-0.html')]);
    expect(one.stderr).toBe('');
    expect(lines(one.stdout).map(hasPromo)).toEqual([true]);
    // The same article three times is one article: nothing recurs across articles.
    const same = await duofeed(['parse', join(site, 'page-0.html'), join(site, 'page-0.html'), join(site, 'page-1.html')]);
    expect(same.stderr).toBe(`duofeed parse: ${site}/: learnt 0 boilerplate line(s) from 2 pages (--no-learn turns this off)\n`);
    expect(lines(same.stdout).map(hasPromo)).toEqual([true, true, true]);
    // The articles are the same as parsed one by one when nothing is learnt.
    expect(lines(same.stdout)[0]).toEqual(lines(one.stdout)[0]);
  });

  it('groups pages by their canonical host, not by folder', async () => {
    const mixed = join(tmp, 'mixed');
    mkdirSync(mixed);
    const host = (n: number) => (n < 3 ? 'www.harbour.example' : 'news.quay.example');
    for (let n = 0; n < 5; n++) writeFileSync(join(mixed, `page-${n}.html`), sitePage(n, { canonical: `https://${host(n)}/a/${n}.html` }));
    const r = await duofeed(['parse', mixed]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
      'duofeed parse: news.quay.example: learnt 0 boilerplate line(s) from 2 pages (--no-learn turns this off)',
      'duofeed parse: www.harbour.example: learnt 2 boilerplate line(s) from 3 pages (--no-learn turns this off)',
    ]);
    expect(lines(r.stdout).map(hasPromo)).toEqual([false, false, false, true, true]);
  });

  describe('URL inputs', () => {
    let server: Server;
    let base: string;
    const requests = new Map<string, number>();

    beforeAll(async () => {
      server = createServer((req, res) => {
        requests.set(req.url ?? '', (requests.get(req.url ?? '') ?? 0) + 1);
        const n = Number(/^\/news\/(\d)\.html$/.exec(req.url ?? '')?.[1] ?? NaN);
        if (n >= 0 && n < 4) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(sitePage(n));
        } else {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('not found');
        }
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await new Promise((ok) => server.close(ok));
    });

    it('groups pages by the host they were fetched from, fetching each URL once', async () => {
      const urls = [0, 1, 2, 3].map((n) => `${base}/news/${n}.html`);
      const r = await duofeed(['parse', '--allow-private', ...urls, `${base}/news/9.html`]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`duofeed parse: ${base.slice('http://'.length)}: learnt 2 boilerplate line(s) from 4 pages`);
      const out = lines(r.stdout);
      expect(out.slice(0, 4).map(hasPromo)).toEqual([false, false, false, false]);
      expect(String((out[4] as unknown as { error: string }).error)).toMatch(/404/);
      expect(Object.fromEntries(requests)).toEqual({ '/news/0.html': 1, '/news/1.html': 1, '/news/2.html': 1, '/news/3.html': 1, '/news/9.html': 1 });
    });
  });
});
