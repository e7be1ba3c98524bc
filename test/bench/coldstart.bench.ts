/**
 * Cold start, the part we control: each function's bundle, built exactly as the stack builds
 * it (lib/bundling.ts), against a "floor" bundle that only imports the SDK clients the function
 * needs (client classes only).
 * Size (raw, gzip) and module-load time: a fresh `node` process per run imports the bundle
 * and reports how long the import took (median; ours and the floor alternate because the
 * machine is shared). Lambda's own init (runtime boot, code download) is not included.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { entryFor, esbuildOptions, FUNCTION_NAMES, LAZY_PACKAGE_JSON, lazyBundleOptions, NODE_MAJOR, RUNTIME_NODE_OPTIONS, type FunctionName } from '../../lib/bundling.js';
import { PROJECT_ROOT } from '../../lib/duofeed-stack.js';

const RUNS = Number(process.env.COLDSTART_RUNS ?? 15);

// The handlers read their configuration lazily, but give them a plausible environment anyway.
const CHILD_ENV = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'us-east-1',
  // Belt and braces: should a probe below ever reach the SDK, it hits a closed loopback port.
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  AWS_ACCESS_KEY_ID: 'coldstart',
  AWS_SECRET_ACCESS_KEY: 'coldstart',
  DUOFEED_TABLE: 'bench-table',
  DUOFEED_BUCKET: 'bench-bucket',
  DUOFEED_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/bench',
  DUOFEED_SOURCES: readFileSync(join(PROJECT_ROOT, 'lambdas/fetch/sources.default.json'), 'utf8'),
};

/**
 * A first invocation that does no IO, so "first call" adds the handler's lazy cold-start work
 * (config, SDK clients, modules it imports on demand) without touching the network:
 * fetch names an unknown source (rejected after cold start), parse gets an empty batch,
 * feed gets a POST (405 after its dependencies are built).
 */
const PROBE_EVENTS: Record<FunctionName, unknown> = {
  fetch: { sourceId: 'coldstart-probe-unknown-source' },
  parse: { Records: [] },
  feed: { version: '2.0', rawPath: '/', rawQueryString: '', headers: { host: 'bench.example' }, requestContext: { http: { method: 'POST', path: '/' } } },
};

interface Bundle {
  file: string;
  bytes: number;
  gzipBytes: number;
}

interface SdkUse {
  /** package → the command classes whose code ended up in the bundle */
  clients: Map<string, Set<string>>;
}

/** Which @aws-sdk/client-* packages and commands made it into the output (after tree-shaking). */
function sdkUse(meta: Metafile): SdkUse {
  const clients = new Map<string, Set<string>>();
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0) continue;
      const m = /node_modules\/(@aws-sdk\/client-[a-z0-9-]+)\/(?:dist-es\/commands\/([A-Za-z0-9]+Command)\.js)?/.exec(input);
      if (!m) continue;
      const commands = clients.get(m[1]!) ?? new Set<string>();
      if (m[2]) commands.add(m[2]);
      clients.set(m[1]!, commands);
    }
  }
  return { clients };
}

function measure(file: string): Bundle {
  const code = readFileSync(file);
  return { file, bytes: statSync(file).size, gzipBytes: gzipSync(code).length };
}

async function buildFunction(fn: FunctionName, outDir: string): Promise<{ bundle: Bundle; sdk: SdkUse }> {
  const outfile = join(outDir, fn, 'index.mjs');
  const result = await build({ ...esbuildOptions(join(PROJECT_ROOT, entryFor(fn)), outfile, fn), absWorkingDir: PROJECT_ROOT });
  // Side bundles (code loaded only by some requests) go beside index.mjs, as the stack ships them.
  const lazy = lazyBundleOptions(fn, PROJECT_ROOT, join(outDir, fn));
  if (lazy) {
    await build({ ...lazy, absWorkingDir: PROJECT_ROOT });
    writeFileSync(join(lazy.outdir!, 'package.json'), LAZY_PACKAGE_JSON);
  }
  return { bundle: measure(outfile), sdk: sdkUse(result.metafile!) };
}

/**
 * The SDK clients each function needs (its grants in lib/duofeed-stack.ts). The floor imports
 * exactly these client classes and nothing else, so everything above it counts as ours:
 * our code, our other dependencies, the commands we use, and any SDK code we drag in
 * without needing it.
 */
const NEEDED_CLIENTS: Record<FunctionName, string[]> = {
  fetch: ['@aws-sdk/client-dynamodb', '@aws-sdk/client-s3', '@aws-sdk/client-sqs'],
  parse: ['@aws-sdk/client-dynamodb', '@aws-sdk/client-s3'],
  feed: ['@aws-sdk/client-dynamodb'],
};

async function buildFloor(fn: FunctionName, outDir: string): Promise<Bundle> {
  const outfile = join(outDir, `${fn}-floor`, 'index.mjs');
  const lines: string[] = [];
  const classes: string[] = [];
  for (const pkg of NEEDED_CLIENTS[fn]) {
    const mod = (await import(pkg)) as Record<string, unknown>;
    const client = Object.keys(mod).find((k) => /^[A-Za-z0-9]+Client$/.test(k));
    if (!client) throw new Error(`${pkg}: no *Client export`);
    lines.push(`import { ${client} } from '${pkg}';`);
    classes.push(client);
  }
  // Its first call builds each client once, as a handler's cold start would.
  lines.push('let built;');
  lines.push(`export const handler = async () => { built ??= [${classes.map((c) => `new ${c}({})`).join(', ')}]; return built.length; };`);
  const { entryPoints: _unused, ...options } = esbuildOptions('floor.mjs', outfile);
  await build({
    ...options,
    absWorkingDir: PROJECT_ROOT,
    stdin: { contents: lines.join('\n'), resolveDir: PROJECT_ROOT, sourcefile: `${fn}-floor.mjs`, loader: 'js' },
  });
  return measure(outfile);
}

interface Timing {
  /** ms from just before `import()` until it resolved */
  importMs: number;
  /** ms from just before `import()` until the first (probe) call settled */
  firstCallMs: number;
}

/** One fresh process: import the bundle, then make the first call with `event`. */
function coldOnce(file: string, event: unknown): Timing {
  const script = [
    `const t0 = performance.now();`,
    `const m = await import(${JSON.stringify(pathToFileURL(file).href)});`,
    `const t1 = performance.now();`,
    `try { await m.handler(JSON.parse(process.env.COLDSTART_EVENT)); } catch {}`,
    `const t2 = performance.now();`,
    // Handlers log to stdout too; the marker keeps our numbers apart from their lines.
    `process.stdout.write('\\nCOLDSTART ' + JSON.stringify([t1 - t0, t2 - t0]) + '\\n');`,
  ].join('\n');
  const run = spawnSync(process.execPath, [...RUNTIME_NODE_OPTIONS, '--input-type=module', '-e', script], {
    env: { ...CHILD_ENV, COLDSTART_EVENT: JSON.stringify(event) },
    encoding: 'utf8',
  });
  const line = /^COLDSTART (\[.*\])$/m.exec(run.stdout)?.[1];
  if (run.status !== 0 || !line) throw new Error(`cold start of ${file} failed (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
  const [importMs, firstCallMs] = JSON.parse(line) as [number, number];
  return { importMs, firstCallMs };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const pct = (ours: number, floor: number) => `${ours >= floor ? '+' : ''}${(((ours - floor) / floor) * 100).toFixed(0)}%`;

export async function run(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'duofeed-coldstart-'));
  try {
    const rows: string[] = [];
    for (const fn of FUNCTION_NAMES) {
      const { bundle, sdk } = await buildFunction(fn, outDir);
      const floor = await buildFloor(fn, outDir);
      const ours: Timing[] = [];
      const base: Timing[] = [];
      const event = PROBE_EVENTS[fn];
      coldOnce(bundle.file, event); // warm the OS file cache for both, so neither pays for the disk
      coldOnce(floor.file, event);
      for (let i = 0; i < RUNS; i++) {
        if (i % 2) {
          base.push(coldOnce(floor.file, event));
          ours.push(coldOnce(bundle.file, event));
        } else {
          ours.push(coldOnce(bundle.file, event));
          base.push(coldOnce(floor.file, event));
        }
      }
      const oi = median(ours.map((r) => r.importMs));
      const bi = median(base.map((r) => r.importMs));
      const of = median(ours.map((r) => r.firstCallMs));
      const bf = median(base.map((r) => r.firstCallMs));
      // Clients in our bundle, with how many of their commands survived tree-shaking; "!" marks
      // a client the function does not need.
      const clients = [...sdk.clients]
        .map(([c, cmds]) => `${c.replace('@aws-sdk/client-', '')}${NEEDED_CLIENTS[fn].includes(c) ? '' : '!'} (${cmds.size})`)
        .join(', ');
      rows.push(
        `| ${fn} | ${clients || '—'} | ${kb(bundle.bytes)} / ${kb(bundle.gzipBytes)} | ${kb(floor.bytes)} / ${kb(floor.gzipBytes)} | ` +
          `${pct(bundle.gzipBytes, floor.gzipBytes)} | ${oi.toFixed(1)} / ${bi.toFixed(1)} | ${pct(oi, bi)} | ` +
          `${of.toFixed(1)} / ${bf.toFixed(1)} | ${pct(of, bf)} |`,
      );
    }
    console.log(
      '| function | SDK clients in bundle (commands kept) | bundle raw / gzip | floor raw / gzip | size overhead (gzip) | ' +
        'import ms: ours / floor | import overhead | import + first call ms: ours / floor | first-call overhead |',
    );
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) console.log(r);
    console.log(
      `\nBundles built with lib/bundling.ts (esbuild, ${esbuildOptions('x', 'y').target}, ESM, minified, linked source map, SDK bundled); ` +
        `each run is a fresh \`node ${RUNTIME_NODE_OPTIONS.join(' ')}\` process (as NODE_OPTIONS on Lambda); median of ${RUNS} alternating runs; ` +
        `local Node ${process.version} (Lambda runs Node ${NODE_MAJOR}).`,
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
