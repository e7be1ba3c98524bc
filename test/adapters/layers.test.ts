/**
 * Layer rules outside the pure core (the core's own are in test/core/purity.test.ts):
 * the fetch and parse logic that runs against ports imports no adapter; one system clock;
 * test code (the in-memory fakes among it) never reaches a Lambda bundle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { entryFor, esbuildOptions, FUNCTION_NAMES } from '../../lib/bundling.js';

const repo = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(repo, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(repo, join(e.parentPath, e.name)));
}

/** The code of a file without its comments (a comment may name anything). */
function code(file: string): string {
  return readFileSync(join(repo, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const importsOf = (src: string) => [...src.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');

/** Reads the time of day: `new Date()` with no argument, or `Date.now()`. */
const READS_CLOCK = /\bnew Date\(\s*\)|\bDate\.now\(\s*\)/;

describe('layers', () => {
  it.each(['lambdas/fetch/ingest.ts', 'lambdas/parse/process.ts', 'lambdas/parse/reprocess.ts'])('%s works against ports only: no adapter import, not even a type', (file) => {
    const adapters = importsOf(code(file)).filter((m) => m.includes('/adapters/'));
    expect(adapters).toEqual([]);
  });

  it('the checks above see an adapter import when there is one', () => {
    expect(importsOf("import type { X } from '../adapters/http-fetcher.js';\nconst m = await import('../adapters/y.js');")).toEqual(['../adapters/http-fetcher.js', '../adapters/y.js']);
    expect(READS_CLOCK.test('const t = Date.now();')).toBe(true);
    expect(READS_CLOCK.test("new Date('2026-01-01')")).toBe(false);
  });

  it('only adapters/clock.ts reads the time of day (outside the pure core, which never does)', () => {
    const readers = [...filesUnder('lambdas'), ...filesUnder('lib')].filter((f) => !f.startsWith('lambdas/core/') && READS_CLOCK.test(code(f)));
    expect(readers).toEqual(['lambdas/adapters/clock.ts']);
  });

  it('no production file imports test code', () => {
    const offenders = [...filesUnder('lambdas'), ...filesUnder('lib')].filter((f) => importsOf(code(f)).some((m) => /(^|\/)test\//.test(m)));
    expect(offenders).toEqual([]);
  });

  it.each(FUNCTION_NAMES)('the %s bundle holds no test code, local stand-ins or CLI', async (fn) => {
    const out = join(tmpdir(), `duofeed-layers-${process.pid}-${fn}`, 'index.mjs');
    const result = await build({ ...esbuildOptions(join(repo, entryFor(fn)), out, fn), absWorkingDir: repo, write: false });
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    expect(inputs).toContain(entryFor(fn));
    expect(inputs.filter((i) => /^(test|lambdas\/local|lambdas\/cli)\//.test(i) || /node_modules\/(vitest|fast-check|dynalite|fauxqs|aws-cdk-lib)\//.test(i))).toEqual([]);
  });
});
