// A uniform random sample of the mutants StrykerJS would make in some files, printed as the
// `--mutate` ranges that select exactly those mutants, for an estimate of a folder's mutation
// score when the full run is too long for the machine (the parser's ~9,000 mutants, each judged
// by the parser's property tests, take many hours on two cores).
//
// Usage: node test/mutation/sample.mjs [--size 500] [--seed 1] FILE...
//   npx stryker run --concurrency 2 --mutate "$(node test/mutation/sample.mjs --size 500 lambdas/core/parse/align.ts)"
//
// The unit sampled is a source location (an operator, a condition, a literal): Stryker selects
// by location, so every mutant at a drawn location is run (cluster sampling; the estimate is
// the ratio detected / total over the drawn mutants). The same seed draws the same sample.
// Mutants switched off in the source (`// Stryker disable`) are not drawn; module-level
// (static) mutants drawn are left out by the run's ignoreStatic, as in a full run.
import fs from 'node:fs';
import { Instrumenter } from '@stryker-mutator/instrumenter';

const args = process.argv.slice(2);
const take = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return Number(value);
};
const size = take('--size', 500);
const seed = take('--seed', 1);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args.splice(outAt, 2)[1] : undefined;
if (!args.length) {
  console.error('usage: node test/mutation/sample.mjs [--size N] [--seed S] FILE...');
  process.exit(2);
}

const quiet = { isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => false, isErrorEnabled: () => false, isFatalEnabled: () => false, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };
const files = args.map((name) => ({ name, content: fs.readFileSync(name, 'utf8'), mutate: true }));
const { mutants } = await new Instrumenter(quiet).instrument(files, { plugins: null, excludedMutations: [], ignorers: [] });

// One entry per file and location; the mutants at it are drawn together.
const locations = new Map();
for (const m of mutants) {
  if (m.status === 'Ignored') continue;
  const { start, end } = m.location;
  const key = `${m.fileName}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`;
  locations.set(key, (locations.get(key) ?? 0) + 1);
}

// mulberry32: small, seeded, good enough to shuffle.
let state = seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const keys = [...locations.keys()];
for (let i = keys.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [keys[i], keys[j]] = [keys[j], keys[i]];
}
const drawn = [];
let count = 0;
for (const k of keys) {
  if (count >= size) break;
  drawn.push(k);
  count += locations.get(k);
}
const total = [...locations.values()].reduce((a, b) => a + b, 0);
console.error(`${count} of ${total} mutants (${drawn.length} of ${locations.size} locations) in ${files.length} file(s), seed ${seed}`);
drawn.sort();
if (out) fs.writeFileSync(out, JSON.stringify({ seed, size, files: args, mutants: count, locations: drawn }, null, 1) + '\n');
console.log(drawn.join(','));
