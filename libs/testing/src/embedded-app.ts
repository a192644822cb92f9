/* eslint-disable @nx/enforce-module-boundaries -- The harness runs the mock-atlas app in-process,
   so it imports the app, which eslint.config.mjs allows (type:testing may depend on type:app) but
   the rule's built-in "Imports of apps are forbidden" check does not know; this file is the one
   place the harness reaches into the app. The reverse re-export (mock-atlas/testing) would be a
   cycle: see docs/testing.md. */
// The pieces of the mock-atlas app the harness embeds.
export { startServer, ConfigLoadError, type ConfigSource, type RunningMockAtlas } from 'mock-atlas/src/server/start';
export { startupInfo } from 'mock-atlas/src/cli/banner';
export { durationMs } from 'mock-atlas/src/server/virtual-clock';
export { readFaultSpec, type Fault, type FaultSpec } from 'mock-atlas/src/http/faults';
export type { JournalEntry } from 'mock-atlas/src/http/journal';
export type { MockStore } from 'mock-atlas/src/server/mock-store';
