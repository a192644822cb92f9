// Issue 8 item 6: the secrets of a --state-file are encrypted at rest (AES-256-GCM), under a key
// from MOCK_ATLAS_STATE_KEY or the key file `<state-file>.key`; everything else stays plain JSON.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mapSecrets, type MockState } from '@mock-atlas/domain';
import { EVERY_SECRET, EVERY_SECRET_PATH, stateWithEverySecret } from '@mock-atlas/domain/testing';
import { MockStore } from './mock-store';
import { parseStateFile, persistStore, readStateFile, serializeState, StateFileError } from './persistence';
import { keyFilePath, parseStateKey, StateKeyError, StateKeyring, STATE_KEY_ENV } from './state-key';
import { isSealed, openSecret, sealSecret, sealState, UnsealError, unsealState } from './state-secrets';
import { VirtualClock } from './virtual-clock';
import { refusal } from '../testing/refusal';

const SAVED_AT = '2026-03-01T12:00:00.000Z';
const KEY_HEX = '0123456789abcdef'.repeat(4);
const KEY = Buffer.from(KEY_HEX, 'hex');
const OTHER_KEY_HEX = 'fe'.repeat(32);

const SECRETS = EVERY_SECRET;

let dir: string;
let stateFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mock-atlas-state-key-'));
  stateFile = join(dir, 'state.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const envKey = (hex = KEY_HEX) => ({ [STATE_KEY_ENV]: hex });
const mode = (path: string) => statSync(path).mode & 0o777;

describe('parseStateKey', () => {
  it('reads 32 bytes as 64 hex digits, base64 or base64url, ignoring surrounding white space', () => {
    const bytes = Buffer.from(KEY_HEX, 'hex');
    expect(parseStateKey(KEY_HEX)).toEqual(bytes);
    expect(parseStateKey(` ${KEY_HEX.toUpperCase()}\n`)).toEqual(bytes);
    expect(parseStateKey(bytes.toString('base64'))).toEqual(bytes);
    expect(parseStateKey(bytes.toString('base64url'))).toEqual(bytes);
  });

  it.each([
    ['too short hex', 'ab'.repeat(31)],
    ['too long hex', 'ab'.repeat(33)],
    ['16 bytes of base64', Buffer.alloc(16, 1).toString('base64')],
    ['a passphrase', 'correct horse battery staple'],
    ['empty', ''],
  ])('refuses %s', (_name, text) => {
    expect(parseStateKey(text)).toBeUndefined();
  });
});

describe('StateKeyring', () => {
  it('takes MOCK_ATLAS_STATE_KEY over the key file', () => {
    writeFileSync(keyFilePath(stateFile), `${OTHER_KEY_HEX}\n`);
    const keyring = StateKeyring.open(stateFile, envKey());
    expect(keyring.key).toEqual(KEY);
    expect(keyring.describe()).toBe('the key in MOCK_ATLAS_STATE_KEY');
  });

  it('reads the key file when the variable is not set', () => {
    writeFileSync(keyFilePath(stateFile), `${KEY_HEX}\n`);
    const keyring = StateKeyring.open(stateFile, {});
    expect(keyring.key).toEqual(KEY);
    expect(keyring.describe()).toBe(`the key file ${stateFile}.key`);
  });

  it('refuses a variable that is not a key without quoting it', () => {
    const error = refusal(() => StateKeyring.open(stateFile, { [STATE_KEY_ENV]: 'hunter2-not-a-key' }));
    expect(error).toBeInstanceOf(StateKeyError);
    expect(error.message).toMatch(/MOCK_ATLAS_STATE_KEY is set but is not a key: it must be 32 bytes written as 64 hex digits or as base64/);
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses a key file that does not hold a key without quoting it', () => {
    writeFileSync(keyFilePath(stateFile), 'hunter2-not-a-key\n');
    const error = refusal(() => StateKeyring.open(stateFile, {}));
    expect(error.message).toContain(`its key file ${stateFile}.key does not hold a key`);
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses a named pipe at the key file path instead of waiting on it', () => {
    execFileSync('mkfifo', [keyFilePath(stateFile)]);
    const error = refusal(() => StateKeyring.open(stateFile, {}));
    expect(error).toBeInstanceOf(StateKeyError);
    expect(error.message).toContain(`its key file ${stateFile}.key cannot be read: it is a named pipe, not a regular file`);
  });

  it('has no key until ensure() creates the key file, with mode 0600, and then keeps it', async () => {
    const keyring = StateKeyring.open(stateFile, {});
    expect(keyring.key).toBeUndefined();
    const key = await keyring.ensure();
    expect(key).toHaveLength(32);
    expect(mode(keyFilePath(stateFile))).toBe(0o600);
    expect(readFileSync(keyFilePath(stateFile), 'utf8')).toBe(`${key.toString('hex')}\n`);
    expect(await keyring.ensure()).toBe(key);
    expect(StateKeyring.open(stateFile, {}).key).toEqual(key);
  });

  it('never creates a key file when the variable gives the key', async () => {
    await StateKeyring.open(stateFile, envKey()).ensure();
    expect(existsSync(keyFilePath(stateFile))).toBe(false);
  });
});

describe('sealSecret / openSecret', () => {
  it('round-trips, with a fresh IV each time so equal secrets look different', () => {
    const a = sealSecret('s3cret ✓', KEY);
    const b = sealSecret('s3cret ✓', KEY);
    expect(a).toMatch(/^enc:v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(openSecret(a, KEY)).toBe('s3cret ✓');
    expect(openSecret(b, KEY)).toBe('s3cret ✓');
  });

  it('refuses the wrong key and an altered value instead of returning a wrong secret', () => {
    const sealed = sealSecret('s3cret', KEY);
    expect(() => openSecret(sealed, Buffer.from(OTHER_KEY_HEX, 'hex'))).toThrow(UnsealError);
    const last = sealed.at(-1) === 'A' ? 'B' : 'A';
    expect(() => openSecret(`${sealed.slice(0, -1)}${last}`, KEY)).toThrow(UnsealError);
    expect(() => openSecret('enc:v1:not:sealed', KEY)).toThrow(UnsealError);
  });
});

describe('sealState', () => {
  it('seals exactly the secret fields and leaves everything else as it was', () => {
    const state = stateWithEverySecret();
    const sealed = sealState(state, KEY);
    const seen: string[] = [];
    mapSecrets(sealed, (value, at) => {
      expect(isSealed(value), at).toBe(true);
      seen.push(at);
      return value;
    });
    expect(seen.sort()).toEqual(Object.values(EVERY_SECRET_PATH).sort());
    // Apart from the secrets, the sealed state is the original.
    const blank = (s: MockState) => mapSecrets(s, () => '');
    expect(blank(sealed)).toEqual(blank(state));
    expect(unsealState(sealed, KEY)).toEqual(state);
  });
});

describe('the state file on disk', () => {
  it('holds no secret in clear, and reads back whole with the key', () => {
    const state = stateWithEverySecret();
    const text = serializeState(state, SAVED_AT, KEY);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
    // The rest is plain JSON: ids, names and settings are readable in a bug report.
    expect(text).toContain('"publicKey":"owner"');
    expect(text).toContain('"accessKeyID":"AKIAEXAMPLE"');
    expect(parseStateFile(text, stateFile, StateKeyring.open(stateFile, envKey()))).toEqual({ state, savedAt: SAVED_AT });
  });

  it('reads a version-1 file (secrets in clear, earlier builds) without any key', () => {
    const state = stateWithEverySecret();
    const v1 = JSON.stringify({ format: 'mock-atlas-state', version: 1, savedAt: SAVED_AT, state });
    expect(parseStateFile(v1, stateFile, StateKeyring.open(stateFile, {}))).toEqual({ state, savedAt: SAVED_AT });
  });

  it('without a key: refuses a file with encrypted secrets, naming the missing key file, and leaves it untouched', () => {
    const bytes = Buffer.from(serializeState(stateWithEverySecret(), SAVED_AT, KEY));
    writeFileSync(stateFile, bytes);
    const error = refusal(() => readStateFile(stateFile, StateKeyring.open(stateFile, {})));
    expect(error).toBeInstanceOf(StateFileError);
    expect(error.message).toContain(`state file ${stateFile} holds 7 encrypted secret(s), but there is no key to open them: the key file ${stateFile}.key does not exist and MOCK_ATLAS_STATE_KEY is not set.`);
    expect(error.message).toContain(`put back the key file ${stateFile}.key, or set MOCK_ATLAS_STATE_KEY to the key`);
    expect(readFileSync(stateFile).equals(bytes)).toBe(true);
    expect(existsSync(keyFilePath(stateFile))).toBe(false);
  });

  it('with the wrong key: refuses, naming where the key came from and the first field that does not open', () => {
    writeFileSync(stateFile, serializeState(stateWithEverySecret(), SAVED_AT, KEY));
    const error = refusal(() => readStateFile(stateFile, StateKeyring.open(stateFile, envKey(OTHER_KEY_HEX))));
    expect(error.message).toMatch(/holds encrypted secrets that the key in MOCK_ATLAS_STATE_KEY does not open \(state\.projects\.5e2211c17a3e5a48f5497de3\.encryptionAtRest\.providers\.AWS\.settings\.secretAccessKey: wrong key or altered value\): it is not the key they were saved with/);
    expect(error.message).toContain(`or unset it to use the key file ${stateFile}.key`);
  });

  it('with a wrong key file: says to put back the one the file was saved with', () => {
    writeFileSync(stateFile, serializeState(stateWithEverySecret(), SAVED_AT, KEY));
    writeFileSync(`${stateFile}.key`, `${OTHER_KEY_HEX}\n`, { mode: 0o600 });
    const error = refusal(() => readStateFile(stateFile, StateKeyring.open(stateFile, {})));
    expect(error.message).toContain(`does not open`);
    expect(error.message).toContain(`put back the key file ${stateFile}.key the file was saved with`);
    expect(error.message).not.toContain('unset');
  });

  it('never quotes the file in a JSON error (V8 quotes the text around the error, secrets included)', () => {
    const v1 = JSON.stringify({ format: 'mock-atlas-state', version: 1, savedAt: SAVED_AT, state: stateWithEverySecret() });
    const broken = [v1.replace(`"${SECRETS.apiKey}"`, SECRETS.apiKey), v1.replace(`"${SECRETS.apiKey}"`, `"${SECRETS.apiKey}" x`), `\n  ${SECRETS.apiKey}`];
    const messages = broken.map((text) => refusal(() => parseStateFile(text, stateFile)).message);
    for (const message of messages) {
      expect(message).toMatch(/is not valid JSON \(/);
      expect(message).not.toContain(SECRETS.apiKey);
      expect(message).not.toContain(SECRETS.apiKey.slice(0, 6));
    }
    expect(messages[1]).toMatch(/is not valid JSON \(Expected ',' or '}' after property value at line 1, column \d+\)/);
    expect(messages[2]).toMatch(/is not valid JSON \(an unexpected character\)/);
  });

  it('persistStore creates the key file (0600) before the first state file, and a restart opens it', async () => {
    const store = new MockStore(stateWithEverySecret(), new VirtualClock('manual'));
    const keyring = StateKeyring.open(stateFile, {});
    const persisted = await persistStore(store, stateFile, { loaded: false, onError: (e) => expect.fail(String(e)), keyring });
    await persisted.close();
    expect(mode(stateFile)).toBe(0o600);
    expect(mode(keyFilePath(stateFile))).toBe(0o600);
    const bytes = readFileSync(stateFile, 'utf8');
    for (const secret of Object.values(SECRETS)) expect(bytes).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(readStateFile(stateFile, StateKeyring.open(stateFile, {}))?.state).toEqual(store.state);
  });

  it('a version-1 file loaded is rewritten as version 2, encrypted, at the next change', async () => {
    const state = stateWithEverySecret();
    writeFileSync(stateFile, JSON.stringify({ format: 'mock-atlas-state', version: 1, savedAt: SAVED_AT, state }));
    const keyring = StateKeyring.open(stateFile, {});
    const saved = readStateFile(stateFile, keyring)!;
    const store = new MockStore(saved.state, new VirtualClock('manual'));
    const persisted = await persistStore(store, stateFile, { loaded: true, onError: (e) => expect.fail(String(e)), keyring });
    store.replace({ ...store.state, sequence: store.state.sequence + 1 });
    await persisted.close();
    const text = readFileSync(stateFile, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 2 });
    expect(text).not.toContain(SECRETS.apiKey);
    expect(readStateFile(stateFile, StateKeyring.open(stateFile, {}))?.state.apiKeys[0]?.privateKey).toBe(SECRETS.apiKey);
  });
});
