/**
 * `duofeed parse` as users run it: the built CLI (dist/duofeed.mjs) in a child process.
 */
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const cli = join(repo, 'dist/duofeed.mjs');
const milDir = join(repo, 'samples/sample-mil/articles');

async function duofeed(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [cli, ...args], { cwd: repo, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The CLI with `input` on its standard input. */
function duofeedWithInput(args: string[], input: Uint8Array): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(input);
  return new Promise((ok) => child.on('close', (code) => ok({ code, stdout, stderr })));
}

const ATOM = '<feed xmlns="http://www.w3.org/2005/Atom"><title>News 新闻</title><id>urn:x</id><updated>2026-01-01T00:00:00Z</updated></feed>';

const lines = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

let tmp: string;

beforeAll(async () => {
  // Test what ships: rebuild the bundle from the current sources.
  await run('npm', ['run', 'build', '--silent'], { cwd: repo });
  tmp = mkdtempSync(join(tmpdir(), 'duofeed-parse-'));
}, 120_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('duofeed parse', () => {
  it('prints usage for --help', async () => {
    const r = await duofeed(['parse', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/usage: duofeed parse/);
  });

  it('exits 2 with usage when given nothing', async () => {
    const r = await duofeed(['parse']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no inputs/);
  });

  it('parses a directory into JSON Lines, one article per page, skipping expected files', async () => {
    const r = await duofeed(['parse', 'samples/sample-mil/articles']);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.input)).toEqual([
      'samples/sample-mil/articles/mil-br-split.html',
      'samples/sample-mil/articles/mil-gbk-block.html',
      'samples/sample-mil/articles/mil-interleaved-en-zh.html',
      'samples/sample-mil/articles/mil-zh-first.html',
    ]);
    for (const o of out) {
      const expected = JSON.parse(readFileSync(join(repo, `${String(o.input)}.expected.json`), 'utf8')) as Record<string, unknown>;
      expect(o.title).toEqual(expected.title);
      expect(o.id).toBe(expected.id);
      expect((o.segments as unknown[]).length).toBe((expected.segments as unknown[]).length);
    }
  });

  it('writes an error line for a bad input, still writes the good ones, and exits non-zero at the end', async () => {
    const good = join(tmp, 'b-good.html');
    copyFileSync(join(milDir, 'mil-interleaved-en-zh.html'), good);
    const binary = join(tmp, 'a-image.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const english = join(tmp, 'c-english.html');
    writeFileSync(english, '<p>Only English here, in a paragraph long enough to count as article text for sure.</p>');
    const missing = join(tmp, 'nope.html');
    const r = await duofeed(['parse', binary, missing, good, english]);
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out.map((o) => [o.input, 'error' in o])).toEqual([
      [binary, true],
      [missing, true],
      [good, false],
      [english, true],
    ]);
    expect(String(out[0]!.error)).toMatch(/binary/);
    expect(String(out[1]!.error)).toMatch(/no such file/);
    expect(String(out[3]!.error)).toMatch(/not a bilingual article/);
    expect(r.stderr).toMatch(/3 of 4 inputs failed/);
  });

  it.each([
    ['file:///etc/passwd', "file:///etc/passwd: unsupported scheme 'file:' (parse reads http and https URLs, file paths, and - for standard input; give the file's path instead)"],
    ['ftp://ftp.example.org/page.html', "ftp://ftp.example.org/page.html: unsupported scheme 'ftp:' (parse reads http and https URLs, file paths, and - for standard input)"],
    ['gopher://x.example/1', "gopher://x.example/1: unsupported scheme 'gopher:'"],
  ])('names an unsupported scheme: %s', async (input, message) => {
    const r = await duofeed(['parse', input]);
    expect(r.code).toBe(1);
    expect(String(lines(r.stdout)[0]!.error)).toContain(message);
    expect(r.stdout).not.toMatch(/no such file/);
  });

  it.each([
    ['RSS 2.0', 'feed.xml', () => readFileSync(join(repo, 'samples/sample-daily/feed.xml')), 'an RSS feed', '"kind": "rss"'],
    ['Atom, after a comment', 'news.html', () => `<?xml version="1.0"?>\n<!-- generated -->\n${ATOM}`, 'an Atom feed', '"kind": "atom"'],
    ['RSS 1.0 (RDF)', 'rdf.xml', () => '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', 'an RSS feed', '"kind": "rss"'],
    ['JSON Feed', 'feed.json', () => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'News 新闻', items: [{ id: '1', content_text: 'A story 一个故事' }] }), 'a JSON Feed', 'an HTML index page'],
  ])('recognises a feed handed over as an article (%s) and says to add it as a source', async (_kind, name, body, what, how) => {
    const file = join(tmp, name);
    writeFileSync(file, body());
    const r = await duofeed(['parse', file]);
    expect(r.code).toBe(1);
    const error = String(lines(r.stdout)[0]!.error);
    expect(error).toContain(`${file}: this is a feed (${what}), not an article page; add`);
    expect(error).toContain(how);
    expect(error).toContain('see README: Adding a site');
  });

  it('- reads one page from standard input (and only once)', async () => {
    const page = readFileSync(join(milDir, 'mil-interleaved-en-zh.html'));
    const r = await duofeedWithInput(['parse', '-', '-'], page);
    expect(r.code).toBe(1);
    const [a, again] = lines(r.stdout);
    expect(a!.input).toBe('-');
    const fromFile = lines((await duofeed(['parse', join(milDir, 'mil-interleaved-en-zh.html')])).stdout)[0]!;
    expect(a!.segments).toEqual(fromFile.segments);
    expect(a!.title).toEqual(fromFile.title);
    expect(again).toEqual({ input: '-', error: '-: standard input was already read (give - once)' });
  });

  it('names each sub-folder of an input folder it does not enter', async () => {
    const dir = join(tmp, 'with-sub');
    mkdirSync(join(dir, 'archive'), { recursive: true });
    copyFileSync(join(milDir, 'mil-br-split.html'), join(dir, 'page.html'));
    copyFileSync(join(milDir, 'mil-zh-first.html'), join(dir, 'archive', 'old.html'));
    const r = await duofeed(['parse', dir]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((o) => o.input)).toEqual([join(dir, 'page.html')]);
    expect(r.stderr).toContain(`duofeed parse: warning: ${dir}: skipping sub-folder archive/ (folders are not entered; name it to parse its files)`);
    expect((await duofeed(['parse', '--quiet', dir])).stderr).toBe('');
  });

  it('a reader that closes the pipe early ends it quietly: no stack trace, exit 0', async () => {
    // Enough output to outgrow the pipe's buffer, so later writes meet the closed end.
    // --quiet: the note on what was learnt from the pages is not what this test is about.
    const child = spawn(process.execPath, [cli, 'parse', '--quiet', ...Array<string>(40).fill('samples/sample-mil/articles')], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((ok) => child.on('exit', (c) => ok(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  describe('URL inputs', () => {
    let server: Server;
    let base: string;

    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url === '/gbk.html') {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(readFileSync(join(milDir, 'mil-gbk-block.html')));
        } else if (req.url === '/feed') {
          // A feed behind a URL that does not look like one: recognised by its media type.
          res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
          res.end(ATOM);
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

    it('fetches and parses a page from a loopback server with --allow-private', async () => {
      const r = await duofeed(['parse', '--allow-private', `${base}/gbk.html`]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const [a] = lines(r.stdout);
      expect(a!.input).toBe(`${base}/gbk.html`);
      expect(a!.url).toBe(`${base}/gbk.html`);
      expect(a!.title).toEqual({ en: 'Cadets build weather station on campus', zh: '军校学员在校园里建起气象站' });
    });

    it('refuses private addresses without --allow-private, and reports HTTP errors per input', async () => {
      const refused = await duofeed(['parse', `${base}/gbk.html`]);
      expect(refused.code).toBe(1);
      expect(String(lines(refused.stdout)[0]!.error)).toMatch(/127\.0\.0\.1 loopback.*; pass --allow-private to fetch from loopback or private addresses/);
      const feed = await duofeed(['parse', '--allow-private', `${base}/feed`]);
      expect(feed.code).toBe(1);
      expect(String(lines(feed.stdout)[0]!.error)).toBe(`${base}/feed: this is a feed (an Atom feed), not an article page; add it as a source instead ("kind": "atom"; see README: Adding a site)`);
      const missing = await duofeed(['parse', '--allow-private', `${base}/missing.html`]);
      expect(missing.code).toBe(1);
      expect(String(lines(missing.stdout)[0]!.error)).toMatch(/404/);
    });
  });
});

describe('the other commands refuse bad flags before doing anything', () => {
  it.each([
    [['start', '--bogus'], /^duofeed start: unknown option --bogus\nusage: duofeed start/],
    [['start', '--data'], /^duofeed start: --data needs a value\n/],
    [['start', '--pace', 'soon'], /^duofeed start: --pace needs a whole number of milliseconds\n/],
    [['start', '--once=yes'], /^duofeed start: --once takes no value\n/],
    [['reprocess', 'extra'], /^duofeed reprocess: unknown option extra\nusage: duofeed reprocess/],
    [['parse', '--bogus', 'x.html'], /^duofeed parse: unknown option --bogus\nusage: duofeed parse/],
  ])('%j exits 2 naming the mistake, then the usage', async (argv, message) => {
    const r = await duofeed(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('--version names the version', async () => {
    const r = await duofeed(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`duofeed ${(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version} (Node.js ${process.versions.node})\n`);
  });

  it('start --help names --pace in its usage line', async () => {
    const r = await duofeed(['start', '--help']);
    expect(r.stdout.split('\n')[0]).toContain('[--pace MS]');
  });

  it.each([['start'], ['reprocess']])('%s --help prints the usage with every flag', async (cmd) => {
    const r = await duofeed([cmd, '--bogus', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^usage: duofeed ${cmd}`));
    for (const flag of cmd === 'start' ? ['--fresh', '--once', '--json', '--data', '--sources', '--samples', '--pace'] : ['--source', '--data']) expect(r.stdout).toContain(flag);
  });
});

describe('duofeed parse --format: the sentence pairs as TMX or Anki TSV', () => {
  const dailyDir = join(repo, 'samples/sample-daily/articles');
  const pairsOf = (a: { segments: { sentences?: { en?: string[]; zh?: string[] }[] }[] }) =>
    a.segments.flatMap((s) => s.sentences ?? []).filter((b) => (b.en?.length ?? 0) > 0 && (b.zh?.length ?? 0) > 0).length;

  it('tmx: one TMX 1.4b document, valid against the DTD, one <tu> per complete sentence pair of every input', async () => {
    const jsonl = lines((await duofeed(['parse', milDir, dailyDir])).stdout) as unknown as Parameters<typeof pairsOf>[0][];
    const r = await duofeed(['parse', '--format', 'tmx', milDir, dailyDir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">')).toBe(true);
    expect(r.stdout.match(/<tu /g)).toHaveLength(jsonl.reduce((n, a) => n + pairsOf(a), 0));
    const file = join(tmp, 'samples.tmx');
    writeFileSync(file, r.stdout);
    const lint = await run('xmllint', ['--noout', '--dtdvalid', resolve(repo, '../shared/schemas/tmx14.dtd'), file]).then(
      (x) => ({ code: 0, out: x.stdout + x.stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
    );
    expect(lint).toEqual({ code: 0, out: '' });
  });

  it('a file or standard input over MAX_PAGE_BYTES is refused with one line naming its size and the limit; one at the limit is parsed', async () => {
    const { MAX_PAGE_BYTES } = await import('../../lambdas/core/limits.js');
    const page = readFileSync(join(milDir, 'mil-zh-first.html'));
    // The sample page, padded with an HTML comment to exactly the size wanted.
    const padded = (size: number) => Buffer.concat([page, Buffer.from('<!--'), Buffer.alloc(size - page.length - 7, 0x20), Buffer.from('-->')]);
    const over = join(tmp, 'over.html');
    const at = join(tmp, 'at.html');
    writeFileSync(over, padded(MAX_PAGE_BYTES + 1));
    writeFileSync(at, padded(MAX_PAGE_BYTES));
    const r = await duofeed(['parse', '--quiet', over]);
    expect(r.code).toBe(1);
    const said = (r.stdout + r.stderr).trim().split('\n');
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(`${MAX_PAGE_BYTES + 1} bytes`);
    expect(said[0]).toContain(`limit of ${MAX_PAGE_BYTES} bytes`);
    const s = await duofeedWithInput(['parse', '--quiet', '-'], padded(MAX_PAGE_BYTES + 1));
    expect(s.code).toBe(1);
    expect((s.stdout + s.stderr).trim().split('\n')).toHaveLength(1);
    expect(s.stdout + s.stderr).toContain('too large');
    const ok = await duofeed(['parse', '--quiet', at]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toContain('too large');
  });

  it('tsv: Anki headers, then English, Chinese, pinyin, link and an id per pair; a failed input is named and exits 1 after the rest is written', async () => {
    const r = await duofeed(['parse', '--format=tsv', join(milDir, 'mil-zh-first.html'), join(tmp, 'missing.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.html: cannot read: no such file/);
    const [sep, html, columns, guid, ...rows] = r.stdout.trimEnd().split('\n');
    expect([sep, html, columns, guid]).toEqual(['#separator:tab', '#html:false', '#columns:English\tChinese\tPinyin\tLink\tGUID', '#guid column:5']);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      const f = row.split('\t');
      expect(f).toHaveLength(5);
      expect(f[0]).toMatch(/[A-Za-z]/);
      expect(f[1]).toMatch(/[\u4e00-\u9fff]/);
      expect(f[2]).toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
      expect(f[4]).toMatch(/^duofeed-[0-9a-f]+-p\d+s\d+$/);
    }
  });

  it.each([
    [['--format', 'xml'], /--format must be jsonl, tmx or tsv \(got 'xml'\)/],
    [['--format', 'tsv', '--pretty'], /--pretty indents JSON; it does not apply to --format tsv/],
    [['--format='], /--format must be jsonl, tmx or tsv \(got ''\)/],
  ])('%j is a usage error (exit 2)', async (flags, message) => {
    const r = await duofeed(['parse', ...flags, milDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
