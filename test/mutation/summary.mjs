// The mutation score per folder of lambdas/core from a StrykerJS JSON report (npm run mutate
// writes reports/mutation/mutation.json). Usage: node test/mutation/summary.mjs [report.json]
//
// Two numbers per row. "raw" is Stryker's score. "in functions" leaves out the mutants placed in
// module-level code (a constant, a regex or a table built when the module loads, an arrow
// function's definition): Stryker's vitest runner evaluates each module once per worker, so
// such a mutant is never switched on while tests run and shows as Survived whatever the tests
// do. Ignored mutants (ignoreStatic, `// Stryker disable`, outside a sample) count in neither.
// With --ci (for a sampled run, test/mutation/sample.mjs) each raw score gets its 95% Wilson
// interval; mutants drawn at one location are not independent, so read it as a little narrow.
import fs from 'node:fs';
import ts from 'typescript';

const report = JSON.parse(fs.readFileSync(process.argv[2] ?? 'reports/mutation/mutation.json', 'utf8'));
const folder = (f) => (f.startsWith('lambdas/core/feed/') ? 'lambdas/core/feed' : f.startsWith('lambdas/core/parse/') ? 'lambdas/core/parse' : 'lambdas/core (top level)');
const rows = {};
for (const [file, data] of Object.entries(report.files)) {
  const sf = ts.createSourceFile(file, data.source, ts.ScriptTarget.Latest, true);
  const bodies = [];
  const visit = (n) => {
    if (ts.isFunctionLike(n) && n.body) bodies.push([n.body.getStart(sf), n.body.end]);
    if (ts.isPropertyDeclaration(n) && n.initializer) bodies.push([n.initializer.getStart(sf), n.initializer.end]); // runs per instance
    ts.forEachChild(n, visit);
  };
  visit(sf);
  const lineStarts = sf.getLineStarts();
  for (const m of data.mutants) {
    if (m.status === 'Ignored') continue;
    const pos = lineStarts[m.location.start.line - 1] + m.location.start.column - 1;
    const inFunction = bodies.some(([a, b]) => pos >= a && pos < b);
    const detected = m.status === 'Killed' || m.status === 'Timeout';
    for (const key of [file, folder(file), 'lambdas/core (all)']) {
      const r = (rows[key] ??= { detected: 0, total: 0, fnDetected: 0, fnTotal: 0, survived: 0, noCoverage: 0 });
      r.total++;
      if (detected) r.detected++;
      if (inFunction) {
        r.fnTotal++;
        if (detected) r.fnDetected++;
        else if (m.status === 'NoCoverage') r.noCoverage++;
        else r.survived++;
      }
    }
  }
}
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(2) + '%' : '—');
const only = process.argv.includes('--files') ? () => true : (k) => !k.endsWith('.ts');
const ci = process.argv.includes('--ci');
/** 95% Wilson score interval of a proportion a/b, in percent. */
const wilson = (a, b) => {
  if (!b) return '';
  const z = 1.96;
  const p = a / b;
  const mid = (p + (z * z) / (2 * b)) / (1 + (z * z) / b);
  const half = (z / (1 + (z * z) / b)) * Math.sqrt((p * (1 - p)) / b + (z * z) / (4 * b * b));
  return ` [${(100 * (mid - half)).toFixed(1)}–${(100 * (mid + half)).toFixed(1)}%]`;
};
console.log('| Where | raw score | in functions | survived / no coverage (in functions) |\n|---|---|---|---|');
for (const [k, r] of Object.entries(rows).sort()) if (only(k)) console.log(`| ${k} | ${pct(r.detected, r.total)} (${r.detected}/${r.total})${ci ? wilson(r.detected, r.total) : ''} | ${pct(r.fnDetected, r.fnTotal)} (${r.fnDetected}/${r.fnTotal}) | ${r.survived} / ${r.noCoverage} |`);
// --survivors: every undetected mutant (file:line:column, mutator, replacement), to work through.
if (process.argv.includes('--survivors')) {
  for (const [file, data] of Object.entries(report.files))
    for (const m of data.mutants)
      if (m.status === 'Survived' || m.status === 'NoCoverage') console.log(`${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName}: ${String(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 100)}`);
}
