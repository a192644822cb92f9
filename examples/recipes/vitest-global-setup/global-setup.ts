// Starts one mock-atlas for the whole test run and hands its address and credentials to the
// tests with `provide` (they read them with `inject`). The mock runs in the main vitest
// process, not in the test workers, so tests drive it over HTTP: the Atlas API, and the
// control API under /_mock for what only the test should do (reset, break the KMS).
import { startMockAtlas } from '@mock-atlas/testing';
import type { TestProject } from 'vitest/node';

/** What the tests get from `inject('mockAtlas')`. */
export interface MockAtlasConnection {
  readonly baseUrl: string;
  readonly groupId: string;
  readonly apiKey: { readonly publicKey: string; readonly privateKey: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    mockAtlas: MockAtlasConnection;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const atlas = await startMockAtlas();
  project.provide('mockAtlas', { baseUrl: atlas.baseUrl, groupId: atlas.groupId, apiKey: atlas.apiKey });
  return () => atlas.close();
}
