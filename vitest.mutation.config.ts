import { defineConfig } from 'vitest/config';
import baseConfig, { UNIT_TESTS } from './vitest.config.js';

/** The unit test set alone, for StrykerJS (stryker.config.mjs): mutants are judged by the tests that need only Node. */
export default defineConfig({
  test: {
    include: UNIT_TESTS,
    testTimeout: baseConfig.test?.testTimeout,
    env: baseConfig.test?.env,
  },
});
