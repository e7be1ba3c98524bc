import { configDefaults, defineConfig } from 'vitest/config';
import { SDK_NODE_NOTICE_OFF } from './lambdas/local/node-support.js';

/**
 * The two test sets. `npm run test:unit` (vitest --project unit) needs Node alone and takes
 * seconds: the core, pure functions and in-memory handlers. `npm test` runs both sets; the
 * integration set is every other test file (real stand-ins, DynamoDB Local, loopback
 * servers, child processes, jing, newsboat, Chromium, feedparser, CDK synth). A new test
 * file lands in integration unless listed here; test/test-sets.test.ts checks that every
 * file is in exactly one set.
 */
export const UNIT_TESTS = [
  'test/core/**/*.test.ts',
  'test/quality/**/*.test.ts',
  'test/test-sets.test.ts',
  'test/feed/render.test.ts',
  'test/feed/etag.test.ts',
  'test/feed/handler.test.ts',
  'test/fetch/backoff.test.ts',
  'test/fetch/links.test.ts',
  'test/fetch/robots.test.ts',
  'test/fetch/sources.test.ts',
  'test/fetch/ssrf.test.ts',
  'test/fetch/handler-env.test.ts',
  'test/parse/time-budget.test.ts',
  'test/reliability/properties.test.ts',
];
export const ALL_TESTS = ['test/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Storage tests start DynamoDB Local (a JVM); keep the 2-core machine from thrashing.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    // The SDK's Node-version notice, handled as every local command handles it.
    env: { ...SDK_NODE_NOTICE_OFF },
    // isolate: false — a worker keeps its loaded modules from one test file to the next instead
    // of importing the SDK, aws-cdk-lib, the parser's tables… again for each of ~110 files (the
    // imports were a fifth of the run). Test files therefore must not leave global state behind:
    // they restore process.env, close their servers and clients, and mock nothing at module level.
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT_TESTS, pool: 'threads', isolate: false } },
      { extends: true, test: { name: 'integration', isolate: false, include: ALL_TESTS, exclude: [...configDefaults.exclude, ...UNIT_TESTS] } },
    ],
  },
});
