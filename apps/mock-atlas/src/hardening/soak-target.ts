// The mock a soak runs against when none is given: in this process, on 127.0.0.1, a free
// port, with a manual clock that only the soak's ticks move, so no transition completes
// behind the check's back, and transitions short enough for one tick.
import { DEFAULT_MOCK_OPTIONS } from '@mock-atlas/domain';
import { startServer, type RunningMockAtlas } from '../server/start';

/** Virtual time per tick for the in-process mock: its cluster transitions and backup steps fit in one. */
export const IN_PROCESS_TICK_MS = 10_000;

/** Virtual time per tick against another mock: its default cluster transition time. */
export const DEFAULT_TICK_MS = DEFAULT_MOCK_OPTIONS.clusterTransitionMs;

/**
 * Starts the in-process mock the soak runs against; close it when done.
 * @example const atlas = await startSoakTarget(); try { … } finally { await atlas.close(); }
 */
export function startSoakTarget(): Promise<RunningMockAtlas> {
  return startServer({
    host: '127.0.0.1',
    port: 0,
    clock: 'manual',
    options: { clusterTransitionMs: IN_PROCESS_TICK_MS, backupStepMs: IN_PROCESS_TICK_MS / 2 },
  });
}
