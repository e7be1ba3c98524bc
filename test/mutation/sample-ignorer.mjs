// The StrykerJS ignorer behind test/mutation/sample.mjs: with `--mutate` ranges alone, drawing a
// block or a function body would also run every mutant inside it. This ignorer leaves out every
// node whose subtree holds no drawn location, so a run makes exactly the drawn mutants (and the
// nodes between, which the ranges leave out). The drawn set is read from the file named by
// DUOFEED_MUTATION_SAMPLE (written by sample.mjs --out).
import fs from 'node:fs';
import path from 'node:path';
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const file = process.env.DUOFEED_MUTATION_SAMPLE;
/** file (relative, forward slashes) → drawn locations [startLine, startCol, endLine, endCol] (babel lines, 1-based) */
const drawn = new Map();
if (file) {
  for (const key of JSON.parse(fs.readFileSync(file, 'utf8')).locations) {
    const m = /^(.*):(\d+):(\d+)-(\d+):(\d+)$/.exec(key);
    if (!m) continue;
    const list = drawn.get(m[1]) ?? [];
    list.push([+m[2], +m[3], +m[4], +m[5]]);
    drawn.set(m[1], list);
  }
}
const before = (l1, c1, l2, c2) => l1 < l2 || (l1 === l2 && c1 <= c2);

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'sample', {
    shouldIgnore(p) {
      if (!file) return undefined;
      const loc = p.node.loc;
      const name = p.hub?.file?.opts?.filename;
      if (!loc || !name) return undefined;
      const list = drawn.get(path.relative(process.cwd(), name).split(path.sep).join('/'));
      if (!list) return 'not in the sample';
      const { start, end } = loc;
      const holds = list.some(([sl, sc, el, ec]) => before(start.line, start.column, sl, sc) && before(el, ec, end.line, end.column));
      return holds ? undefined : 'not in the sample';
    },
  }),
];
