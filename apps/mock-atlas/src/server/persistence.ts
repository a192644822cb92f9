// --state-file: the mock's state on disk, so that it survives a restart.
//
// The file is JSON: `{"format": "mock-atlas-state", "version": 1, "savedAt": <virtual clock>,
// "state": <MockState>}`. It holds the state's secrets in clear (API private keys, client
// secrets, KMS provider secrets): that is what lets the same keys authenticate after a restart.
// So it is created with mode 0600 (owner read/write only); keep it out of version control.
//
// Saving is atomic: the JSON goes to `<file>.tmp` in the same directory, which is fsynced and
// renamed over the file, then the directory is fsynced. A crash (even kill -9) at any moment
// leaves either the previous complete file or the new complete one, never a mix; at worst a
// stale `<file>.tmp` stays behind and is overwritten by the next save. Saves run after every
// change, one at a time, and a burst of changes collapses into one save of the latest state:
// the file may trail the last responses by one save, never by a queue of thousands.
//
// Loading never repairs: a file that is not JSON, not a mock-atlas state, of another version or
// of the wrong shape stops the start with an error naming the file and the problem, and the
// file is left exactly as it was.
import { readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MockState } from '@mock-atlas/domain';
import type { MockStore } from './mock-store';
import { checkMockState, formatProblems } from './state-shape';

/** The `format` marker of a state file. */
export const STATE_FILE_FORMAT = 'mock-atlas-state';

/** The state file layout this build reads and writes. */
export const STATE_FILE_VERSION = 1;

/** The file's permissions: it holds secrets. */
export const STATE_FILE_MODE = 0o600;

/** What a state file holds besides its format marker. */
export interface SavedState {
  readonly state: MockState;
  /** The virtual clock when the file was written; a restart resumes no earlier than this. */
  readonly savedAt: string;
}

/** A state file that cannot be read, parsed or used; the message names the file and the problem (`state file F is …`). */
export class StateFileError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`state file ${path} ${problem}`);
    this.name = 'StateFileError';
  }
}

const UNTOUCHED = 'The file was left untouched: repair it, or move it away to start from the configs.';

/**
 * Parses the text of a state file; throws a StateFileError saying what is wrong.
 * @example parseStateFile(readFileSync(path, 'utf8'), path).state
 */
export function parseStateFile(text: string, path: string): SavedState {
  if (text.trim() === '') throw new StateFileError(path, `is empty. ${UNTOUCHED}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(path, `is not valid JSON (${(error as Error).message}). ${UNTOUCHED}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const what = json === null ? 'null' : Array.isArray(json) ? 'an array' : `a ${typeof json}`;
    throw new StateFileError(path, `is not a mock-atlas state file: it holds ${what}, not an object. ${UNTOUCHED}`);
  }
  const file = json as Record<string, unknown>;
  if (file.format !== STATE_FILE_FORMAT) {
    throw new StateFileError(path, `is not a mock-atlas state file: "format" is ${JSON.stringify(file.format) ?? 'missing'}, expected "${STATE_FILE_FORMAT}". ${UNTOUCHED}`);
  }
  if (file.version !== STATE_FILE_VERSION) {
    throw new StateFileError(path, `has version ${JSON.stringify(file.version) ?? '(none)'}; this mock-atlas reads version ${STATE_FILE_VERSION}. ${UNTOUCHED}`);
  }
  if (typeof file.savedAt !== 'string' || Number.isNaN(Date.parse(file.savedAt))) {
    throw new StateFileError(path, `has no valid "savedAt" (an ISO-8601 instant). ${UNTOUCHED}`);
  }
  const checked = checkMockState(file.state, 'state');
  if (!checked.ok) throw new StateFileError(path, `does not hold a valid mock-atlas state:\n${formatProblems(checked.problems)}\n${UNTOUCHED}`);
  return { state: checked.state, savedAt: file.savedAt };
}

/**
 * Reads a state file at start-up: undefined when there is none yet, else its state; throws a
 * StateFileError (never touching the file) when it cannot be used.
 */
export function readStateFile(path: string): SavedState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(path, `cannot be read: ${(error as Error).message}`);
  }
  return parseStateFile(text, path);
}

/** The text of a state file. */
export function serializeState(state: MockState, savedAt: string): string {
  return `${JSON.stringify({ format: STATE_FILE_FORMAT, version: STATE_FILE_VERSION, savedAt, state })}\n`;
}

// Some platforms (Windows) cannot open or fsync a directory; the rename is then as durable as they allow.
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Replaces `path` with `text` atomically and durably: temp file in the same directory (mode
 * 0600), fsync, rename over the target, fsync the directory.
 * @example await writeFileAtomically('state.json', serializeState(state, now))
 */
export async function writeFileAtomically(path: string, text: string, mode = STATE_FILE_MODE): Promise<void> {
  const temp = `${path}.tmp`;
  const handle = await open(temp, 'w', mode);
  try {
    // A stale temp file from a killed run keeps its old mode through open(): set it again.
    await handle.chmod(mode);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  await syncDirectory(dirname(path));
}

/** How many changes a writer was told about and how many saves it made. */
export interface WriterStats {
  readonly changes: number;
  readonly writes: number;
  readonly failures: number;
}

/**
 * Saves the latest state to a file, one save at a time: changes arriving during a save collapse
 * into one more save of the newest state, so a burst costs at most two writes.
 */
export class StateFileWriter {
  private latest: MockState | undefined;
  private draining: Promise<void> | undefined;
  private counts = { changes: 0, writes: 0, failures: 0 };

  constructor(
    readonly path: string,
    /** The virtual clock's instant, recorded as `savedAt`. */
    private readonly now: () => string,
    /** Told about a save that failed; the mock keeps running and the next change tries again. */
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Schedules a save of `state` (the newest one wins). */
  save(state: MockState): void {
    this.counts.changes += 1;
    this.latest = state;
    this.draining ??= this.drain();
  }

  /** Saves `state` now and reports failure to the caller (the first save at start-up). */
  async saveNow(state: MockState): Promise<void> {
    await this.flush();
    await writeFileAtomically(this.path, serializeState(state, this.now()));
    this.counts.writes += 1;
  }

  /** Resolves once every scheduled save has been written (or has failed and been reported). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  get stats(): WriterStats {
    return { ...this.counts };
  }

  private async drain(): Promise<void> {
    try {
      for (let state = this.take(); state; state = this.take()) {
        try {
          await writeFileAtomically(this.path, serializeState(state, this.now()));
          this.counts.writes += 1;
        } catch (error) {
          this.counts.failures += 1;
          this.onError(error);
        }
      }
    } finally {
      this.draining = undefined;
    }
  }

  private take(): MockState | undefined {
    const state = this.latest;
    this.latest = undefined;
    return state;
  }
}

/** A store bound to its state file. */
export interface PersistedStore {
  readonly path: string;
  /** True when the state was loaded from the file; false when the file was created at this start. */
  readonly loaded: boolean;
  readonly stats: WriterStats;
  /** Waits for pending saves. */
  flush(): Promise<void>;
  /** Stops saving after the pending saves are written. */
  close(): Promise<void>;
}

/**
 * Saves `store` to `path` after every change. Unless the state was just loaded from that file,
 * writes it once now, so that a missing directory or a permission problem stops the start
 * (StateFileError) instead of surfacing at the first change.
 * @example const persisted = await persistStore(store, 'state.json', { loaded: false, onError: console.error });
 */
export async function persistStore(
  store: MockStore,
  path: string,
  options: { readonly loaded: boolean; readonly onError: (error: unknown) => void },
): Promise<PersistedStore> {
  const writer = new StateFileWriter(path, () => store.clock.now().toISOString(), options.onError);
  if (!options.loaded) {
    try {
      await writer.saveNow(store.state);
    } catch (error) {
      throw new StateFileError(path, `cannot be written: ${(error as Error).message}`);
    }
  }
  const unsubscribe = store.onChange((state) => writer.save(state));
  return {
    path,
    loaded: options.loaded,
    get stats() {
      return writer.stats;
    },
    flush: () => writer.flush(),
    close: async () => {
      unsubscribe();
      await writer.flush();
    },
  };
}
