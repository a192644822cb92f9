import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each spec file runs its own in-process mock; the property runs take tens of seconds.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
