import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Storage tests start DynamoDB Local (a JVM); keep the 2-core machine from thrashing.
    maxWorkers: 2,
  },
});
