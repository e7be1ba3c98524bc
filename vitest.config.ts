import { defineConfig } from 'vitest/config';
import { SDK_NODE_NOTICE_OFF } from './lambdas/local/node-support.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Storage tests start DynamoDB Local (a JVM); keep the 2-core machine from thrashing.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    // The SDK's Node-version notice, handled as every local command handles it.
    env: { ...SDK_NODE_NOTICE_OFF },
  },
});
