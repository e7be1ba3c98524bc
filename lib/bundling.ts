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

/** NodejsFunction options for the stack (local esbuild, never Docker). */
export function cdkBundling(): BundlingOptions {
  return {
    target: BUNDLE.target,
    format: OutputFormat.ESM,
    minify: BUNDLE.minify,
    sourceMap: BUNDLE.sourcemap,
    sourceMapMode: SourceMapMode.DEFAULT, // = esbuild "linked": index.mjs.map + a sourceMappingURL comment
    sourcesContent: BUNDLE.sourcesContent,
    mainFields: [...BUNDLE.mainFields],
    banner: BUNDLE.banner,
    externalModules: [...BUNDLE.external],
    forceDockerBundling: false,
  };
}

/** The same build for esbuild's JS API (the benchmark), writing `outfile` (+ `.map`). */
export function esbuildOptions(entryPoint: string, outfile: string): BuildOptions {
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
    external: [...BUNDLE.external],
    metafile: true,
    logLevel: 'silent',
  };
}

/**
 * The stack sets NODE_OPTIONS to this so stack traces point into our TypeScript; the
 * benchmark passes the same flags, since Node then reads the map at load time.
 */
export const RUNTIME_NODE_OPTIONS = BUNDLE.sourcemap ? ['--enable-source-maps'] : [];
