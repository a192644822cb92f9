import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyState, initialTimers, type MockState } from '@mock-atlas/domain';
import { MockStore } from './mock-store';
import {
  parseStateFile,
  persistStore,
  readStateFile,
  serializeState,
  StateFileError,
  StateFileWriter,
  writeFileAtomically,
} from './persistence';
import { StateKeyring } from './state-key';
import { VirtualClock } from './virtual-clock';
import { refusal } from '../testing/refusal';

const SAVED_AT = '2026-03-01T12:00:00.000Z';
const KEY_HEX = 'ab'.repeat(32);
const KEY = Buffer.from(KEY_HEX, 'hex');
/** A keyring holding KEY, as MOCK_ATLAS_STATE_KEY gives it. */
const keyring = (path = 'state.json') => StateKeyring.open(path, { MOCK_ATLAS_STATE_KEY: KEY_HEX });

function stateWithKey(publicKey: string, privateKey: string): MockState {
  return {
    ...emptyState(),
    timers: initialTimers(SAVED_AT),
    apiKeys: [{ publicKey, privateKey, grants: [{ role: 'GROUP_OWNER' }] }],
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mock-atlas-persistence-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function fileMode(path: string): number {
  return statSync(path).mode & 0o777;
}

describe('parseStateFile', () => {
  it('reads back what serializeState wrote, secrets included', () => {
    const state = stateWithKey('k1', 'private-1');
    const parsed = parseStateFile(serializeState(state, SAVED_AT, KEY), 'state.json', keyring());
    expect(parsed).toEqual({ state, savedAt: SAVED_AT });
  });

  it('writes a format marker and a version an older or newer build can recognise', () => {
    const json = JSON.parse(serializeState(emptyState(), SAVED_AT, KEY)) as Record<string, unknown>;
    expect(json).toMatchObject({ format: 'mock-atlas-state', version: 2, savedAt: SAVED_AT });
  });

  const good = JSON.parse(serializeState(stateWithKey('k1', 'p1'), SAVED_AT, KEY)) as Record<string, unknown>;
  const cases: [name: string, text: string, message: RegExp][] = [
    ['an empty file', '', /state file \/x\/state\.json is empty/],
    ['truncated JSON', serializeState(stateWithKey('k1', 'p1'), SAVED_AT, KEY).slice(0, 40), /state file \/x\/state\.json is not valid JSON \(/],
    ['a JSON array', '[]', /is not a mock-atlas state file: it holds an array, not an object/],
    ['JSON null', 'null', /is not a mock-atlas state file: it holds null, not an object/],
    ['a JSON string', '"hello"', /is not a mock-atlas state file: it holds a string, not an object/],
    ['a foreign JSON object', '{"name":"my-package","version":"1.0.0"}', /is not a mock-atlas state file: "format" is missing, expected "mock-atlas-state"/],
    ['a newer version', JSON.stringify({ ...good, version: 3 }), /has version 3; this mock-atlas reads versions 1 and 2/],
    ['no version', JSON.stringify({ ...good, version: undefined }), /has version \(none\); this mock-atlas reads versions 1 and 2/],
    ['a bad savedAt', JSON.stringify({ ...good, savedAt: 'yesterday' }), /has no valid "savedAt"/],
    ['a state that is not an object', JSON.stringify({ ...good, state: [] }), /does not hold a valid mock-atlas state:\n {2}state: expected a mock-atlas state \(a JSON object\), found an array/],
    [
      'a state of the wrong shape',
      JSON.stringify({ ...good, state: { ...(good.state as object), apiKeys: [{ publicKey: 7 }], sequence: -1 } }),
      /state\.apiKeys\[0\]\.publicKey: expected a non-empty string, found number 7\n {2}state\.apiKeys\[0\]\.privateKey: missing[\s\S]*state\.sequence: expected a whole number >= 0/,
    ],
  ];
  it.each(cases)('refuses %s with an error naming the file and the problem', (_name, text, message) => {
    const error = refusal(() => parseStateFile(text, '/x/state.json', keyring('/x/state.json')));
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/The file was left untouched/);
  });
});

describe('readStateFile', () => {
  it('answers undefined when there is no file yet', () => {
    expect(readStateFile(join(dir, 'absent.json'))).toBeUndefined();
  });

  it('says why a path that is not a regular file cannot be used, and does not wait on a named pipe', () => {
    expect(() => readStateFile(dir)).toThrow(`state file ${dir} cannot be read: it is a directory, not a regular file.`);
    const fifo = join(dir, 'state.fifo');
    execFileSync('mkfifo', [fifo]);
    expect(() => readStateFile(fifo)).toThrow(`state file ${fifo} cannot be read: it is a named pipe, not a regular file.`);
  });

  it('refuses bytes that are not UTF-8 instead of replacing them (they could sit inside a secret)', () => {
    const path = join(dir, 'state.json');
    writeFileSync(path, Buffer.concat([Buffer.from('{"format":"mock-atlas-state","x":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]));
    expect(() => readStateFile(path)).toThrow(`state file ${path} cannot be read: it is not valid UTF-8 text.`);
  });

  it('never modifies a file it refuses', () => {
    const path = join(dir, 'state.json');
    const bytes = Buffer.from('{"format":"mock-atlas-state","version":1,"savedAt":"2026-03-01T12:00:00Z","state":{"projects":');
    writeFileSync(path, bytes);
    const before = statSync(path);
    expect(() => readStateFile(path)).toThrow(StateFileError);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });
});

describe('writeFileAtomically', () => {
  it('replaces the file with mode 0600 and leaves no temp file', async () => {
    const path = join(dir, 'state.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o644);
    await writeFileAtomically(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(fileMode(path)).toBe(0o600);
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });

  it('reuses a temp file a killed run left behind, tightening its mode', async () => {
    const path = join(dir, 'state.json');
    writeFileSync(`${path}.tmp`, 'half a state from a killed run, much longer than the new text');
    chmodSync(`${path}.tmp`, 0o666);
    await writeFileAtomically(path, 'whole');
    expect(readFileSync(path, 'utf8')).toBe('whole');
    expect(fileMode(path)).toBe(0o600);
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });
});

describe('StateFileWriter', () => {
  it('collapses a burst of changes into at most two writes, ending with the latest state', async () => {
    const path = join(dir, 'state.json');
    const errors: unknown[] = [];
    const writer = new StateFileWriter(path, () => SAVED_AT, (e) => errors.push(e), keyring(path));
    for (let i = 0; i < 1000; i += 1) writer.save(stateWithKey('k', `private-${i}`));
    await writer.flush();
    expect(writer.stats).toEqual({ changes: 1000, writes: 2, failures: 0 });
    expect(readStateFile(path, keyring(path))?.state.apiKeys[0]?.privateKey).toBe('private-999');
    expect(errors).toEqual([]);
  });

  it('saves a change made while a save is in flight', async () => {
    const path = join(dir, 'state.json');
    const writer = new StateFileWriter(path, () => SAVED_AT, () => undefined, keyring(path));
    writer.save(stateWithKey('k', 'first'));
    await new Promise((resolve) => setTimeout(resolve, 1));
    writer.save(stateWithKey('k', 'second'));
    await writer.flush();
    expect(readStateFile(path, keyring(path))?.state.apiKeys[0]?.privateKey).toBe('second');
  });

  it('reports a failed save and keeps going with the next change', async () => {
    const missing = join(dir, 'no-such-dir', 'state.json');
    const errors: unknown[] = [];
    const writer = new StateFileWriter(missing, () => SAVED_AT, (e) => errors.push(e), keyring(missing));
    writer.save(stateWithKey('k', 'x'));
    await writer.flush();
    expect(writer.stats).toMatchObject({ writes: 0, failures: 1 });
    expect((errors[0] as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});

describe('persistStore', () => {
  it('creates the file at once when the state did not come from it, then saves every change', async () => {
    const path = join(dir, 'state.json');
    const clock = new VirtualClock('manual');
    const store = new MockStore(undefined, clock);
    const persisted = await persistStore(store, path, { loaded: false, onError: (e) => expect.fail(String(e)), keyring: keyring(path) });
    expect(readStateFile(path, keyring(path))?.state).toEqual(store.state);
    expect(fileMode(path)).toBe(0o600);

    clock.advance(3_600_000);
    store.replace(stateWithKey('added', 'secret-added'));
    await persisted.close();
    expect(readStateFile(path, keyring(path))).toEqual({ state: stateWithKey('added', 'secret-added'), savedAt: clock.now().toISOString() });
  });

  it('does not rewrite a file it just loaded until something changes', async () => {
    const path = join(dir, 'state.json');
    const text = serializeState(stateWithKey('k', 'p'), SAVED_AT, KEY);
    writeFileSync(path, text);
    const before = statSync(path).mtimeMs;
    const store = new MockStore(parseStateFile(text, path, keyring(path)).state, new VirtualClock('manual'));
    const persisted = await persistStore(store, path, { loaded: true, onError: (e) => expect.fail(String(e)), keyring: keyring(path) });
    await persisted.close();
    expect(statSync(path).mtimeMs).toBe(before);
    expect(persisted.stats.writes).toBe(0);
  });

  it('stops the start with a StateFileError when the file cannot be created', async () => {
    const path = join(dir, 'missing-dir', 'state.json');
    const store = new MockStore(undefined, new VirtualClock('manual'));
    await expect(persistStore(store, path, { loaded: false, onError: () => undefined, keyring: keyring(path) })).rejects.toThrow(
      new RegExp(`state file ${path} cannot be written: ENOENT`),
    );
  });
});
