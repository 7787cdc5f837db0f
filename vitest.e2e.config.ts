// End-to-end tests: real Chromium and Firefox ESR with the built extension (`npm run test:e2e`, after a build).
// One file at a time: each launches both browsers, and the machine has 2 cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    environment: 'node',
  },
});
