/**
 * Helpers for the end-to-end tests: the CLI built the way `npm start` builds it (esbuild, to
 * a private file so parallel test runs never race on dist/), and child processes with their
 * output captured line by line.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { articleIdFor } from '../../lambdas/core/ids.js';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Overridable so the suite can be pointed at another sample set; defaults to the repo's samples/. */
export const SAMPLES = resolve(ROOT, process.env.DUOFEED_E2E_SAMPLES ?? 'samples');
export const SOURCES = join(SAMPLES, 'sources.json');

/** Every sample article the sample sources link to (the contract of samples/). */
export const SAMPLE_ARTICLES = [
  'sample-mil/articles/mil-interleaved-en-zh.html',
  'sample-mil/articles/mil-zh-first.html',
  'sample-mil/articles/mil-gbk-block.html',
  'sample-mil/articles/mil-br-split.html',
  'sample-daily/articles/daily-block.html',
  'sample-daily/articles/daily-big5-traditional.html',
  'sample-daily/articles/daily-plain.txt',
];

/**
 * The raw-page folder each sample article must end up in: raw/<sourceId>/<id of the fetched
 * URL>/. Stored ids and URLs may instead come from a page's <link rel="canonical">, so this
 * folder (in the stored article's rawKey) is what ties an article to the page it came from.
 */
export function expectedFolders(samplesUrl: string): string[] {
  return SAMPLE_ARTICLES.map((p) => `raw/${p.split('/')[0]}/${articleIdFor(`${samplesUrl}/${p}`)}/`).sort();
}

export function foldersOf(articles: { rawKey: string }[]): string[] {
  return articles.map((a) => a.rawKey.slice(0, a.rawKey.lastIndexOf('/') + 1)).sort();
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `duofeed-${prefix}-`));
}

let built: string | undefined;

/** Bundles lambdas/cli/main.ts with the flags of `npm run build`, under node_modules so bare imports resolve. */
export function buildCli(): string {
  if (built) return built;
  const dir = join(ROOT, 'node_modules', '.cache', 'duofeed-e2e');
  mkdirSync(dir, { recursive: true });
  // Split like `npm run build`: each command's modules are a chunk loaded when it runs.
  const outdir = join(dir, String(process.pid));
  const out = join(outdir, 'duofeed.mjs');
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'esbuild'),
    ['lambdas/cli/main.ts', '--bundle', '--platform=node', '--format=esm', '--target=node20', '--packages=external', '--splitting', `--outdir=${outdir}`, '--entry-names=duofeed', '--chunk-names=chunks/[name]-[hash]', '--out-extension:.js=.mjs', '--log-level=warning'],
    { cwd: ROOT, stdio: 'pipe' },
  );
  built = out;
  return out;
}

export interface Child {
  proc: ChildProcess;
  /** stdout, line by line. */
  lines: string[];
  /** stderr, line by line. */
  errLines: string[];
  /** Resolves with the first stdout line matching, or rejects when the process exits first. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startCli(args: string[], env: Record<string, string> = {}): Child {
  // Any free port for the sample site unless a test says otherwise: runs in parallel must not share 8081.
  const proc = spawn(process.execPath, [buildCli(), ...args], { cwd: ROOT, env: { ...process.env, SAMPLES_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<{ re: RegExp; resolve: (l: string) => void }> = [];
  let buf = '';
  proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.re.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  let stderr = '';
  const errLines: string[] = [];
  proc.stderr?.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
    errLines.splice(0, errLines.length, ...stderr.split('\n').filter((l, i, all) => i < all.length - 1 || l !== ''));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => proc.on('exit', (code, signal) => r({ code, signal })));
  return {
    proc,
    lines,
    errLines,
    exited,
    waitFor(re, timeoutMs = 60_000) {
      const hit = lines.find((l) => re.test(l));
      if (hit) return Promise.resolve(hit);
      return new Promise<string>((resolveLine, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line matching ${re} within ${timeoutMs} ms; output:\n${lines.join('\n')}\n${stderr}`)), timeoutMs);
        waiters.push({
          re,
          resolve: (l) => {
            clearTimeout(timer);
            resolveLine(l);
          },
        });
        void exited.then(({ code, signal }) => {
          clearTimeout(timer);
          reject(new Error(`exited (${code ?? signal}) before a line matching ${re}; output:\n${lines.join('\n')}\n${stderr}`));
        });
      });
    },
  };
}

export interface OnceResult {
  code: number | null;
  /** The progress lines (stderr: with --json, stdout holds the summary alone). */
  lines: string[];
  summary: {
    fetched: number;
    requeued: number;
    parsed: { created: number; updated: number; unchanged: number; failed: number };
    articles: { id: string; url: string; sourceId: string; rawKey: string }[];
    samplesUrl: string;
    samplesServedAt: string;
    durations: { startMs: number; fetchMs: number; parseMs: number; totalMs: number };
  };
}

/** `duofeed start --once --json` over the sample sources in `dataDir`. */
export async function runOnce(dataDir: string, extra: string[] = [], env: Record<string, string> = {}): Promise<OnceResult> {
  const child = startCli(['start', '--once', '--json', '--data', dataDir, '--samples', SAMPLES, '--sources', SOURCES, ...extra], env);
  const { code } = await child.exited;
  // stdout is the summary and nothing else, so `| jq .` works.
  if (child.lines.length !== 1 || !child.lines[0]!.startsWith('{')) {
    throw new Error(`stdout is not one JSON line; exit ${code}; stdout:\n${child.lines.join('\n')}\nstderr:\n${child.errLines.join('\n')}`);
  }
  return { code, lines: child.errLines, summary: JSON.parse(child.lines[0]!) as OnceResult['summary'] };
}
