// A vitest fixture: every test that names `atlas` gets a mock-atlas of its own, started for it
// and closed after it. Instances share nothing, so such tests may run concurrently.
import { startMockAtlas, type MockAtlas } from '@mock-atlas/testing';
import { test as base } from 'vitest';

export const test = base.extend<{ atlas: MockAtlas }>({
  // Vitest reads a fixture's dependencies from its first parameter, which must be a pattern: none here.
  atlas: async ({}, use) => {
    const atlas = await startMockAtlas();
    await use(atlas);
    await atlas.close();
  },
});
