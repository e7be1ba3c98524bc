/**
 * The one description of how a Lambda bundle is built. The stack turns it into NodejsFunction
 * bundling options and the cold-start benchmark into esbuild options, so what we measure is
 * what we deploy (they cannot drift apart).
 */
import type { BuildOptions } from 'esbuild';
import { OutputFormat, SourceMapMode, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

export type FunctionName = 'fetch' | 'parse' | 'feed';
export const FUNCTION_NAMES: readonly FunctionName[] = ['fetch', 'parse', 'feed'];

/** Entry of each function, relative to the project root (each exports `handler`). */
export function entryFor(fn: FunctionName): string {
  return `lambdas/${fn}/handler.ts`;
}

/** Lambda runtime major version; the esbuild target follows it. */
export const NODE_MAJOR = 24;

/**
 * Bundled CommonJS dependencies may call `require` for Node built-ins; an ESM bundle has no
 * `require`, and esbuild's shim would throw "Dynamic require of … is not supported".
 * The alias keeps the banner's import from clashing with a bundled `createRequire`.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __duofeedCreateRequire } from 'node:module'; const require = __duofeedCreateRequire(import.meta.url);";

export const BUNDLE = {
  target: `node${NODE_MAJOR}`,
  format: 'esm' as const,
  minify: true,
  sourcemap: true,
  // The .map is shipped for --enable-source-maps stack traces; embedding every source file
  // in it would only grow the zip Lambda has to download on a cold start.
  sourcesContent: false,
  // Prefer the SDK's ES module builds: smaller, and esbuild can tree-shake them.
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  // Bundle everything, the AWS SDK included: the runtime's own SDK copy is a different version
  // from the one we test against, and loading it from /var/runtime is not faster than a
  // tree-shaken bundle that holds only the clients a function uses.
  external: [] as string[],
} as const;

/**
 * Code a function needs only on some requests, built as separate files beside index.mjs so
 * a cold start never reads it: the feed function's pinyin and OpenCC tables (≈ 2.5 MB of
 * the 2.9 MB bundle they would otherwise make). The main bundle keeps `./<dir>/*` imports
 * external; the entries are bundled (ESM, code split, so shared tables are one file) into
 * `<dir>/` beside it, with a package.json that makes its .js files ES modules.
 */
export const LAZY_BUNDLES: Partial<Record<FunctionName, { dir: string; entries: readonly string[] }>> = {
  feed: {
    dir: 'zh-libs',
    entries: ['pinyin', 'chars', 't2s', 's2t'].map((e) => `lambdas/core/feed/zh-libs/${e}.ts`),
  },
};

const externalFor = (fn: FunctionName | undefined): string[] => {
  const lazy = fn && LAZY_BUNDLES[fn];
  return [...BUNDLE.external, ...(lazy ? [`./${lazy.dir}/*`] : [])];
};

/** esbuild options for a function's side bundles (its LAZY_BUNDLES), written into `outDir`/<dir>. */
export function lazyBundleOptions(fn: FunctionName, projectRoot: string, outDir: string): BuildOptions | undefined {
  const lazy = LAZY_BUNDLES[fn];
  if (!lazy) return undefined;
  return {
    entryPoints: lazy.entries.map((e) => `${projectRoot}/${e}`),
    outdir: `${outDir}/${lazy.dir}`,
    bundle: true,
    splitting: true,
    platform: 'node',
    target: BUNDLE.target,
    format: BUNDLE.format,
    minify: BUNDLE.minify,
    mainFields: [...BUNDLE.mainFields],
    logLevel: 'silent',
  };
}

/** The package.json written into a side-bundle folder: its .js files are ES modules. */
export const LAZY_PACKAGE_JSON = '{"type":"module"}';

/** Shell commands that build a function's side bundles next to its index.mjs (CDK's afterBundling hook). */
function lazyBundleCommands(fn: FunctionName, inputDir: string, outputDir: string): string[] {
  const o = lazyBundleOptions(fn, inputDir, outputDir);
  if (!o) return [];
  const q = (x: string) => `"${x.replace(/(["\\$`])/g, '\\$1')}"`;
  const esbuild = [
    q(`${inputDir}/node_modules/.bin/esbuild`),
    ...(o.entryPoints as string[]).map(q),
    '--bundle',
    '--splitting',
    `--platform=${o.platform}`,
    `--format=${o.format}`,
    `--target=${o.target}`,
    ...(o.minify ? ['--minify'] : []),
    `--main-fields=${(o.mainFields ?? []).join(',')}`,
    '--log-level=warning',
    `--outdir=${q(o.outdir!)}`,
  ].join(' ');
  return [esbuild, `printf '%s' '${LAZY_PACKAGE_JSON}' > ${q(`${o.outdir}/package.json`)}`];
}

/** NodejsFunction options for the stack (local esbuild, never Docker). */
export function cdkBundling(fn: FunctionName): BundlingOptions {
  return {
    target: BUNDLE.target,
    format: OutputFormat.ESM,
    minify: BUNDLE.minify,
    sourceMap: BUNDLE.sourcemap,
    sourceMapMode: SourceMapMode.DEFAULT, // = esbuild "linked": index.mjs.map + a sourceMappingURL comment
    sourcesContent: BUNDLE.sourcesContent,
    mainFields: [...BUNDLE.mainFields],
    banner: BUNDLE.banner,
    externalModules: externalFor(fn),
    forceDockerBundling: false,
    ...(LAZY_BUNDLES[fn] && {
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (inputDir: string, outputDir: string) => lazyBundleCommands(fn, inputDir, outputDir),
      },
    }),
  };
}

/**
 * The same build for esbuild's JS API (the benchmark), writing `outfile` (+ `.map`); with
 * `fn`, that function's side bundles stay external (build them with lazyBundleOptions).
 */
export function esbuildOptions(entryPoint: string, outfile: string, fn?: FunctionName): BuildOptions {
  return {
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    platform: 'node',
    target: BUNDLE.target,
    format: BUNDLE.format,
    minify: BUNDLE.minify,
    sourcemap: BUNDLE.sourcemap,
    sourcesContent: BUNDLE.sourcesContent,
    mainFields: [...BUNDLE.mainFields],
    banner: { js: BUNDLE.banner },
    external: externalFor(fn),
    metafile: true,
    logLevel: 'silent',
  };
}

/**
 * The stack sets NODE_OPTIONS to this so stack traces point into our TypeScript; the
 * benchmark passes the same flags, since Node then reads the map at load time.
 */
export const RUNTIME_NODE_OPTIONS = BUNDLE.sourcemap ? ['--enable-source-maps'] : [];
