// Mutation testing of the pure core with StrykerJS (`npm run mutate`; not in CI: a full run
// takes long on a shared machine). Mutants are judged by the unit tests
// (vitest.mutation.config.ts); narrow a run with `npx stryker run --mutate <file>`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['lambdas/core/**/*.ts'],
  // Only the mutated files get `// @ts-nocheck`: the default glob also rewrites test files,
  // some of which hold Big5/GBK bytes that the rewrite breaks.
  disableTypeChecks: 'lambdas/core/**/*.ts',
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants, regexes built at load) would each run the whole unit
  // set (~30 s): about 400 of them in lambdas/core/*.ts alone, 87% of the run time. They are
  // left out and counted as Ignored in the report.
  ignoreStatic: true,
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 70, break: null },
  ignorePatterns: ['dist', 'cdk.out', '.duofeed', 'reports'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
