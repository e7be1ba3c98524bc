// A sampled mutation run (test/mutation/sample.mjs): the main configuration plus the ignorer that
// keeps a run to the drawn mutants. Usage in test/mutation/sample.mjs's header.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  plugins: ['@stryker-mutator/vitest-runner', './test/mutation/sample-ignorer.mjs'],
  ignorers: ['sample'],
  jsonReporter: { fileName: 'reports/mutation/sample.json' },
  htmlReporter: { fileName: 'reports/mutation/sample.html' },
};
