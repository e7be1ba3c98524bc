// `npm test`: the type check and the whole vitest suite, side by side. tsc is one process on
// one core for ~15 s; the suite leaves a core idle for about a fifth of its run (children,
// Chromium, sleeps), so running both at once costs less than tsc first. tsc's findings are
// printed after the suite's own output; the exit code is the first failure's (vitest, then tsc).
// Arguments go to vitest: `npm test -- test/cdk` runs that folder, still type-checked.
import { spawn } from 'node:child_process';

const bin = (name) => new URL(`../../node_modules/.bin/${name}`, import.meta.url).pathname;
const run = (cmd, args, capture) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let out = '';
    if (capture) for (const s of [child.stdout, child.stderr]) s.on('data', (c) => (out += c));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });

const typecheck = run(bin('tsc'), ['--noEmit', '--pretty'], true);
const suite = await run(bin('vitest'), ['run', ...process.argv.slice(2)], false);
const types = await typecheck;
if (types.code !== 0) process.stderr.write(`\ntsc --noEmit found type errors:\n${types.out}`);
else console.log('tsc --noEmit: no type errors');
process.exit(suite.code || types.code);
