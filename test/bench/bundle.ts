/**
 * The parser bundled for a bench as the Lambdas bundle it (esbuild, ESM, dependencies left
 * external), so each bench times the same code: `exports` names what the bundle re-exports
 * from the repository's TypeScript; `plugins` may swap a module out (sentences.bench.ts).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function bundleParser(outfile: string, exports: string, plugins: Plugin[] = []): Promise<string> {
  await build({
    stdin: { contents: exports, resolveDir: repo, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
    plugins,
  });
  return outfile;
}
