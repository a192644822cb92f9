// --state-file: the mock's state on disk, so that it survives a restart.
//
// The file is JSON: `{"format": "mock-atlas-state", "version": 2, "savedAt": <virtual clock>,
// "state": <MockState>}`. The state's secrets (API private keys, client secrets, KMS provider
// secrets) are what lets the same keys authenticate after a restart, so they are kept, but
// encrypted at rest: each secret field holds `enc:v1:<iv>:<tag>:<ciphertext>` (AES-256-GCM,
// server/state-secrets.ts) under a key from MOCK_ATLAS_STATE_KEY or from the key file
// `<file>.key` (server/state-key.ts), which is created with the first save. Everything else is
// plain JSON, readable in a bug report. Both files are created with mode 0600 (owner read/write
// only); keep them out of version control, and the key file away from wherever the state file
// is shared. Version 1 files (secrets in clear, written by earlier builds) are still read; the
// next save writes version 2. The version changed so that an earlier build refuses a version-2
// file instead of taking its sealed values for the secrets themselves.
//
// Saving is atomic: the JSON goes to `<file>.tmp` in the same directory, which is fsynced and
// renamed over the file, then the directory is fsynced. A crash (even kill -9) at any moment
// leaves either the previous complete file or the new complete one, never a mix; at worst a
// stale `<file>.tmp` stays behind and is overwritten by the next save. The key file is written
// the same way, before the first state file that needs it. Saves run after every change, one
// at a time, and a burst of changes collapses into one save of the latest state: the file may
// trail the last responses by one save, never by a queue of thousands.
//
// Loading never repairs: a file that is not JSON, not a mock-atlas state, of another version, of
// the wrong shape, or whose secrets do not open with the key (or have no key) stops the start
// with an error naming the file and the problem, and the file is left exactly as it was. No
// message quotes the file's content (JSON.parse's own messages may quote it, secrets included).
import { constants } from 'node:buffer';
import type { MockState } from '@mock-atlas/domain';
import { PRIVATE_FILE_MODE, writeFileAtomically } from './atomic-write';
import type { MockStore } from './mock-store';
import { readTextFile } from './read-config-file';
import { keyFilePath, StateKeyError, StateKeyring } from './state-key';
import { sealedPaths, sealState, unsealState, UnsealError } from './state-secrets';
import { checkMockState, formatProblems } from './state-shape';

export { writeFileAtomically } from './atomic-write';

/** The `format` marker of a state file. */
export const STATE_FILE_FORMAT = 'mock-atlas-state';

/** The state file layout this build writes: 2, secrets encrypted. */
export const STATE_FILE_VERSION = 2;

/** The layouts this build reads: 1 (secrets in clear, earlier builds) and 2. */
export const READABLE_STATE_FILE_VERSIONS: readonly number[] = [1, 2];

/** The file's permissions: it holds (encrypted) secrets. */
export const STATE_FILE_MODE = PRIVATE_FILE_MODE;

/**
 * The largest state file read: far above any state a test builds, a bound on memory, and no more
 * bytes than V8 can hold as one string (its text is decoded whole; ~512 MiB on Node 20).
 */
export const MAX_STATE_FILE_BYTES = Math.min(1024 ** 3, constants.MAX_STRING_LENGTH);

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
 * What went wrong in JSON.parse, without the input: V8's messages quote the text around the
 * error (`Unexpected token 'x', "…" is not valid JSON`), which may be a secret.
 */
function jsonProblem(error: unknown, text: string): string {
  const message = (error as Error).message;
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) {
    const before = text.slice(0, Number(position)).split('\n');
    const what = message.includes('"') ? 'an unexpected character' : message.replace(/\s*(?:in JSON )?at position \d+[\s\S]*$/, '');
    return `${what} at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
  }
  if (/Unexpected end of JSON input/.test(message)) return 'it ends before the JSON does';
  return 'an unexpected character';
}

function keyProblem(path: string, keyring: StateKeyring | undefined, paths: readonly string[], error?: UnsealError): StateFileError {
  const keyFile = keyring?.keyFile ?? keyFilePath(path);
  const remedy = (how: string): string => `The file was left untouched: ${how}, or move both away to start from the configs.`;
  if (!keyring?.key) {
    return new StateFileError(
      path,
      `holds ${paths.length} encrypted secret(s), but there is no key to open them: the key file ${keyFile} does not exist and MOCK_ATLAS_STATE_KEY is not set. ${remedy(StateKeyring.howToSupply(keyFile))}`,
    );
  }
  return new StateFileError(
    path,
    `holds encrypted secrets that ${keyring.describe()} does not open (${error?.message ?? paths[0]}): it is not the key they were saved with. ${remedy(keyring.howToReplace())}`,
  );
}

/**
 * Parses the text of a state file and opens its secrets with the keyring's key; throws a
 * StateFileError saying what is wrong (never quoting the file).
 * @example parseStateFile(readFileSync(path, 'utf8'), path, StateKeyring.open(path, process.env)).state
 */
export function parseStateFile(text: string, path: string, keyring?: StateKeyring): SavedState {
  if (text.trim() === '') throw new StateFileError(path, `is empty. ${UNTOUCHED}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(path, `is not valid JSON (${jsonProblem(error, text)}). ${UNTOUCHED}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const what = json === null ? 'null' : Array.isArray(json) ? 'an array' : `a ${typeof json}`;
    throw new StateFileError(path, `is not a mock-atlas state file: it holds ${what}, not an object. ${UNTOUCHED}`);
  }
  const file = json as Record<string, unknown>;
  if (file.format !== STATE_FILE_FORMAT) {
    throw new StateFileError(path, `is not a mock-atlas state file: "format" is ${JSON.stringify(file.format)?.slice(0, 40) ?? 'missing'}, expected "${STATE_FILE_FORMAT}". ${UNTOUCHED}`);
  }
  if (typeof file.version !== 'number' || !READABLE_STATE_FILE_VERSIONS.includes(file.version)) {
    throw new StateFileError(
      path,
      `has version ${JSON.stringify(file.version)?.slice(0, 40) ?? '(none)'}; this mock-atlas reads versions ${READABLE_STATE_FILE_VERSIONS.join(' and ')}. ${UNTOUCHED}`,
    );
  }
  if (typeof file.savedAt !== 'string' || Number.isNaN(Date.parse(file.savedAt))) {
    throw new StateFileError(path, `has no valid "savedAt" (an ISO-8601 instant). ${UNTOUCHED}`);
  }
  const checked = checkMockState(file.state, 'state');
  if (!checked.ok) throw new StateFileError(path, `does not hold a valid mock-atlas state:\n${formatProblems(checked.problems)}\n${UNTOUCHED}`);
  const sealed = sealedPaths(checked.state).map((at) => `state.${at}`);
  if (sealed.length === 0) return { state: checked.state, savedAt: file.savedAt };
  if (!keyring?.key) throw keyProblem(path, keyring, sealed);
  try {
    return { state: unsealState(checked.state, keyring.key), savedAt: file.savedAt };
  } catch (error) {
    if (error instanceof UnsealError) throw keyProblem(path, keyring, sealed, new UnsealError(`state.${error.message}`));
    throw error;
  }
}

/**
 * The keyring of a state file (MOCK_ATLAS_STATE_KEY in `env`, else the key file), or a
 * StateFileError when either holds something that is not a key.
 * @example const keyring = openKeyring('state.json', process.env);
 */
export function openKeyring(path: string, env: Readonly<Record<string, string | undefined>>): StateKeyring {
  try {
    return StateKeyring.open(path, env);
  } catch (error) {
    if (error instanceof StateKeyError) throw new StateFileError(path, `cannot be used: ${error.message}`);
    throw error;
  }
}

/**
 * Reads a state file at start-up: undefined when there is none yet, else its state, secrets
 * opened; throws a StateFileError (never touching the file) when it cannot be used.
 */
export function readStateFile(path: string, keyring?: StateKeyring): SavedState | undefined {
  let text: string;
  try {
    // Not readFileSync: a named pipe would hang the start, and invalid UTF-8 would be replaced
    // silently (in a version-1 file, inside a secret).
    text = readTextFile(path, MAX_STATE_FILE_BYTES, 'a state file', 'a JSON state file');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(path, `cannot be read: ${(error as Error).message}. ${UNTOUCHED}`);
  }
  return parseStateFile(text, path, keyring);
}

/** The text of a state file, every secret sealed under `key`. */
export function serializeState(state: MockState, savedAt: string, key: Buffer): string {
  return `${JSON.stringify({ format: STATE_FILE_FORMAT, version: STATE_FILE_VERSION, savedAt, state: sealState(state, key) })}\n`;
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
    /** The key the secrets are sealed with (its key file is created before the first save). */
    private readonly keyring: StateKeyring,
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
    await this.write(state);
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
          await this.write(state);
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

  private async write(state: MockState): Promise<void> {
    const key = await this.keyring.ensure();
    await writeFileAtomically(this.path, serializeState(state, this.now(), key));
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
 * @example const persisted = await persistStore(store, 'state.json', { loaded: false, onError: console.error, keyring: openKeyring('state.json', process.env) });
 */
export async function persistStore(
  store: MockStore,
  path: string,
  options: { readonly loaded: boolean; readonly onError: (error: unknown) => void; readonly keyring: StateKeyring },
): Promise<PersistedStore> {
  const writer = new StateFileWriter(path, () => store.clock.now().toISOString(), options.onError, options.keyring);
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
