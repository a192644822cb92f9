import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The e2e tests run the built bundle; build it once before any test file runs.
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
