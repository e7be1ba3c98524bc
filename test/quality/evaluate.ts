/**
 * The quality harness (`npm run quality`): generates the damaged page set into a temporary
 * directory, runs the parser on it and on the hand-made samples (samples/sites), scores with
 * ../shared/corpus/score.mjs --json (used from ../shared, never copied) and measures segment
 * confidence: expected calibration error (10 equal-width bins) and AUROC of right vs wrong
 * segments, a segment being right when it equals a gold bead exactly.
 *
 *   tsx test/quality/evaluate.ts [--seed N] [--parser cli|inproc] [--dump DIR] [--json FILE]
 *                                [--keep DIR] [--score PATH]
 *
 * --parser cli (default) runs dist/duofeed.mjs parse on each site's folder at once (so a
 *   parser that learns a site's boilerplate from several pages can); inproc calls
 *   parseArticle page by page. `npm run quality` builds dist first.
 * --dump DIR writes one diff per page with problems (missed/spurious paragraphs, wrong and
 *   missed beads, wrong metadata) under DIR/<site>/, and DIR/index.tsv.
 * --json FILE writes every table as JSON; --keep DIR keeps the generated set there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArticle } from '../../lambdas/core/parse/index.js';
import { DEFAULT_SEED, generateSet } from './generate.js';
import { calibration, diffPage, formatDiff, issues, judgeSegments, type Calibration, type SegmentJudgement } from './metrics.js';
import { DAMAGE_KINDS } from './plan.js';

const REPO = resolve(import.meta.dirname, '../..');
const SAMPLES = join(REPO, 'samples', 'sites');

interface Options {
  seed: number;
  parser: 'cli' | 'inproc';
  dump?: string;
  json?: string;
  keep?: string;
  score: string;
}

type Obj = Record<string, unknown>;

interface PageRef {
  /** Path of the page. */
  page: string;
  /** Path of its gold file. */
  goldPath: string;
  gold: Obj;
  group: string;
}

const USAGE = 'usage: tsx test/quality/evaluate.ts [--seed N] [--parser cli|inproc] [--dump DIR] [--json FILE] [--keep DIR] [--score PATH]';

function parseArgs(argv: string[]): Options | string {
  const o: Options = { seed: DEFAULT_SEED, parser: 'cli', score: resolve(REPO, '..', 'shared', 'corpus', 'score.mjs') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--seed') {
        o.seed = Number(val());
        if (!Number.isInteger(o.seed)) return `--seed needs an integer`;
      } else if (a === '--parser') {
        const v = val();
        if (v !== 'cli' && v !== 'inproc') return `--parser is cli or inproc, not ${v}`;
        o.parser = v;
      } else if (a === '--dump') o.dump = resolve(val());
      else if (a === '--json') o.json = resolve(val());
      else if (a === '--keep') o.keep = resolve(val());
      else if (a === '--score') o.score = resolve(val());
      else return `unknown option ${a}`;
    } catch (err) {
      return (err as Error).message;
    }
  }
  return o;
}

/** Parser output lines ({input, …article} or {input, error}) for the given page files. */
function runParser(o: Options, files: string[]): Obj[] {
  if (files.length === 0) return [];
  if (o.parser === 'inproc') {
    return files.map((f) => {
      const r = parseArticle({ bytes: new Uint8Array(readFileSync(f)), path: f });
      return r.ok ? { input: f, ...r.article } : { input: f, error: `${f}: ${r.reason}` };
    });
  }
  const cli = join(REPO, 'dist', 'duofeed.mjs');
  if (!existsSync(cli)) throw new Error(`${cli} not found: run npm run build first (npm run quality does)`);
  const r = spawnSync(process.execPath, [cli, 'parse', '--quiet', ...files], { maxBuffer: 1 << 30, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`duofeed parse exited with ${r.status}: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Obj);
}

/** score.mjs --json over the gold files of one group (a folder of links to them). */
function scoreGroup(o: Options, work: string, name: string, refs: PageRef[], predFile: string): Obj {
  const dir = join(work, 'groups', name.replace(/[^a-z0-9-]+/gi, '_'));
  mkdirSync(dir, { recursive: true });
  for (const r of refs) symlinkSync(r.goldPath, join(dir, basename(r.goldPath)));
  const s = spawnSync(process.execPath, [o.score, '--gold', dir, '--pred', predFile, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (s.status !== 0) throw new Error(`${o.score} failed for ${name}: ${s.stderr || s.stdout}`);
  return JSON.parse(s.stdout) as Obj;
}

const pct = (x: unknown) => (typeof x === 'number' ? (100 * x).toFixed(1) : '-').padStart(6);
const num = (x: unknown, d = 3) => (typeof x === 'number' ? x.toFixed(d) : 'n/a').padStart(6);

interface Row {
  name: string;
  score: Obj;
  cal: Calibration;
}

function header(): string {
  return `${'group'.padEnd(22)} ${'pages'.padStart(5)} ${'unpars'.padStart(6)} ${'strP'.padStart(6)} ${'strR'.padStart(6)} ${'strF1'.padStart(6)} ${'laxF1'.padStart(6)} ${'paraP'.padStart(6)} ${'paraR'.padStart(6)} ${'meta'.padStart(6)} ${'sentF1'.padStart(6)} ${'segs'.padStart(6)} ${'right%'.padStart(6)} ${'mConf'.padStart(6)} ${'ECE'.padStart(6)} ${'AUROC'.padStart(6)}`;
}

function line(r: Row): string {
  const s = r.score as { pages: number; refused: number; missing: number; strict: Obj; lax: Obj; paragraphs: Obj; metadata: number; sentences: Obj | null };
  const c = r.cal;
  return `${r.name.padEnd(22)} ${String(s.pages).padStart(5)} ${String(s.refused + s.missing).padStart(6)} ${pct(s.strict.p)} ${pct(s.strict.r)} ${pct(s.strict.f1)} ${pct(s.lax.f1)} ${pct(s.paragraphs.precision)} ${pct(s.paragraphs.recall)} ${pct(s.metadata)} ${pct(s.sentences?.strict)} ${String(c.segments).padStart(6)} ${pct(c.segments ? c.right / c.segments : undefined)} ${num(c.meanConfidence, 2)} ${num(c.ece)} ${num(c.auroc)}`;
}

function main(argv: string[]): number {
  const o = parseArgs(argv);
  if (typeof o === 'string') {
    process.stderr.write(`evaluate: ${o}\n${USAGE}\n`);
    return 2;
  }
  if (!existsSync(o.score)) {
    process.stderr.write(`evaluate: ${o.score}: scorer not found (it lives in ../shared/corpus beside the checkout; --score PATH to point elsewhere)\n`);
    return 2;
  }
  const work = o.keep ?? mkdtempSync(join(tmpdir(), 'duofeed-quality-'));
  try {
    const setDir = join(work, 'set');
    if (o.keep) rmSync(setDir, { recursive: true, force: true });
    rmSync(join(work, 'groups'), { recursive: true, force: true });
    const gen = generateSet(setDir, { seed: o.seed });

    const refs: PageRef[] = gen.pages.map((p) => {
      const goldPath = join(setDir, 'gold', `${p.file}.json`);
      return { page: join(setDir, p.path), goldPath, gold: JSON.parse(readFileSync(goldPath, 'utf8')) as Obj, group: p.site };
    });
    const samples: PageRef[] = [];
    if (existsSync(SAMPLES)) {
      for (const site of readdirSync(SAMPLES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
        for (const f of readdirSync(join(SAMPLES, site)).filter((n) => n.endsWith('.gold.json')).sort()) {
          const goldPath = join(SAMPLES, site, f);
          samples.push({ page: goldPath.slice(0, -'.gold.json'.length), goldPath, gold: JSON.parse(readFileSync(goldPath, 'utf8')) as Obj, group: `samples/${site}` });
        }
      }
    }

    // One parser run per site folder (and per sample folder): pages of one site arrive together.
    const preds = new Map<string, Obj>();
    const groups = new Map<string, PageRef[]>();
    for (const r of [...refs, ...samples]) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
    for (const [, rs] of groups) for (const line of runParser(o, rs.map((r) => r.page))) preds.set(basename(String(line.input)), line);
    const predFile = join(work, 'pred.jsonl');
    writeFileSync(predFile, [...preds.values()].map((l) => JSON.stringify(l)).join('\n') + '\n');

    const judge = (r: PageRef): SegmentJudgement => {
      const p = preds.get(basename(r.page));
      if (!p || p.error) return { scored: [], total: 0, right: 0, noConfidence: 0 };
      return judgeSegments((r.gold.segments as unknown[]) ?? [], Array.isArray(p.segments) ? p.segments : []);
    };
    const row = (name: string, rs: PageRef[], score: Obj): Row => ({ name, score, cal: calibration(rs.map(judge)) });

    const all = scoreGroup(o, work, 'all', refs, predFile);
    const byLayout = all.byLayout as Record<string, Obj>;
    const layoutRows = Object.keys(byLayout).sort().map((l) => row(l, refs.filter((r) => r.gold.layout === l), byLayout[l]!));
    const damageRows = DAMAGE_KINDS.map((k) => [k, refs.filter((r) => r.gold.damage === k)] as const)
      .filter(([, rs]) => rs.length > 0)
      .map(([k, rs]) => row(k, rs, (scoreGroup(o, work, `damage-${k}`, rs, predFile).total as Obj)));
    const setRows = (['fit', 'heldout'] as const).map((s) => {
      const rs = refs.filter((r) => r.gold.set === s);
      return row(s === 'fit' ? 'fit articles' : 'held-out articles', rs, scoreGroup(o, work, `set-${s}`, rs, predFile).total as Obj);
    });
    // Each layout's fit and held-out articles apart: a rule fitted to one layout's fit pages shows here first.
    const layoutSetRows = Object.keys(byLayout).sort().flatMap((l) =>
      (['fit', 'heldout'] as const).map((s) => {
        const rs = refs.filter((r) => r.gold.layout === l && r.gold.set === s);
        return row(`${l} ${s === 'fit' ? 'fit' : 'held-out'}`, rs, scoreGroup(o, work, `layout-${l}-${s}`, rs, predFile).total as Obj);
      }),
    );
    const sampleRows: Row[] = [];
    if (samples.length) {
      const sc = scoreGroup(o, work, 'samples', samples, predFile);
      const bl = sc.byLayout as Record<string, Obj>;
      for (const l of Object.keys(bl).sort()) sampleRows.push(row(l, samples.filter((r) => r.gold.layout === l), bl[l]!));
      sampleRows.push(row('ALL samples', samples, sc.total as Obj));
    }
    const total = row('ALL generated', refs, all.total as Obj);

    const out: string[] = [];
    const table = (title: string, rows: Row[]) => out.push('', title, header(), ...rows.map(line));
    out.push(`quality set: ${refs.length} generated pages (seed ${o.seed}), ${samples.length} hand-made samples; parser: ${o.parser === 'cli' ? 'dist/duofeed.mjs parse, one run per site' : 'parseArticle in process'}`);
    out.push('right% = predicted segments equal to a gold bead; mConf = their mean confidence; ECE = expected calibration error, 10 equal-width bins; AUROC = confidence of right vs wrong segments');
    table('generated set, by layout', [...layoutRows, total]);
    table('generated set, by damage kind', damageRows);
    table('fit vs held-out (held-out articles are never looked at while fitting)', setRows);
    table('by layout, fit vs held-out', layoutSetRows);
    if (sampleRows.length) table('hand-made samples (samples/sites), by layout', sampleRows);
    const fields = (all.total as Obj).fields as Record<string, number>;
    out.push('', 'generated set, metadata fields (share correct): ' + Object.entries(fields).map(([k, v]) => `${k} ${(100 * v).toFixed(1)}`).join(', '));
    process.stdout.write(`${out.join('\n')}\n`);

    if (o.json) {
      const j = (rows: Row[]) => rows.map((r) => ({ name: r.name, score: r.score, calibration: r.cal }));
      writeFileSync(o.json, `${JSON.stringify({ seed: o.seed, parser: o.parser, pages: refs.length, samples: samples.length, total: j([total])[0], byLayout: j(layoutRows), byDamage: j(damageRows), bySet: j(setRows), byLayoutSet: j(layoutSetRows), samplesByLayout: j(sampleRows) }, null, 1)}\n`);
    }
    if (o.dump) writeDump(o.dump, [...refs, ...samples], preds, setDir);
    return 0;
  } finally {
    if (!o.keep) rmSync(work, { recursive: true, force: true });
  }
}

function writeDump(dir: string, refs: PageRef[], preds: Map<string, Obj>, setDir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(join(dir, 'index.tsv'))) {
    throw new Error(`${dir}: not empty and not an earlier dump (no index.tsv); give an empty or new directory`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rows: string[] = [];
  for (const r of refs) {
    const d = diffPage(r.gold, preds.get(basename(r.page)));
    const n = issues(d);
    if (n === 0) continue;
    const where = r.page.startsWith(setDir) ? relative(setDir, r.page) : relative(REPO, r.page);
    const head = `page: ${where}\nlayout: ${String(r.gold.layout)}  damage: ${String(r.gold.damage ?? 'none')}  set: ${String(r.gold.set ?? 'sample')}  encoding: ${String(r.gold.encoding)}`;
    const file = join(dir, r.group, `${basename(r.page)}.txt`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, formatDiff(d, head));
    rows.push([n, d.missed.length, d.spurious.length, d.wrongBeads.length, d.missedBeads.length, d.meta.length, d.refused ? 1 : 0, r.gold.layout, r.gold.damage ?? 'none', relative(dir, file)].join('\t'));
  }
  rows.sort((a, b) => Number(b.split('\t')[0]) - Number(a.split('\t')[0]));
  writeFileSync(join(dir, 'index.tsv'), ['issues\tmissed\tspurious\twrongBeads\tmissedBeads\twrongMeta\trefused\tlayout\tdamage\tdiff', ...rows].join('\n') + '\n');
  process.stdout.write(`\n${rows.length} page diffs in ${dir} (index.tsv lists them, most issues first)\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`evaluate: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
