import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // A hang guard, not a speed check: fake-indexeddb is slow, and files run in parallel on 2 cores.
    testTimeout: 20_000,
  },
});
