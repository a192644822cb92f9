import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One mock for the whole run, started before any test file and closed after the last.
    globalSetup: ['./global-setup.ts'],
    // Every test file talks to that one mock: run the files one after another so that one
    // file's reset cannot pull the state from under another. (For isolation per test, see
    // the vitest-fixture recipe: an instance costs milliseconds.)
    fileParallelism: false,
  },
});
