import { configDefaults, defineConfig } from 'vitest/config';

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
    env: {
      // The SDK's Node 20 end-of-support banner is known (DESIGN.md); Lambdas run Node 24.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT_TESTS } },
      { extends: true, test: { name: 'integration', include: ALL_TESTS, exclude: [...configDefaults.exclude, ...UNIT_TESTS] } },
    ],
  },
});
