// The key that encrypts the secrets of a --state-file (server/state-secrets.ts). It comes from
// the environment variable MOCK_ATLAS_STATE_KEY when that is set (so that a CI job or a
// container can keep it apart from the file), else from a key file beside the state file,
// `<state-file>.key`, which the mock creates (mode 0600) the first time it saves and reads at
// every later start. Whoever holds the state file without the key holds no usable secret.
//
// A key is 32 random bytes, written as 64 hex digits or as base64 / base64url (43 or 44
// characters); the key file holds the hex form and a newline.
import { randomBytes } from 'node:crypto';
import { PRIVATE_FILE_MODE, writeFileAtomically } from './atomic-write';
import { readTextFile } from './read-config-file';

/** The environment variable that gives the key instead of the key file. */
export const STATE_KEY_ENV = 'MOCK_ATLAS_STATE_KEY';

/** AES-256: 32 bytes. */
export const STATE_KEY_BYTES = 32;

/** The key file's permissions: it unlocks the state file's secrets. */
export const KEY_FILE_MODE = PRIVATE_FILE_MODE;

/**
 * The key file that belongs to a state file.
 * @example keyFilePath('state.json') // → 'state.json.key'
 */
export function keyFilePath(stateFile: string): string {
  return `${stateFile}.key`;
}

/**
 * The 32 bytes a key text stands for (64 hex digits, or base64 / base64url of 32 bytes), or
 * undefined when it stands for no key. Surrounding white space is ignored.
 * @example parseStateKey('00'.repeat(32))?.length // → 32
 */
export function parseStateKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === STATE_KEY_BYTES) return bytes;
  }
  return undefined;
}

/** A key file holds one key and a line break; anything much longer is not one. */
const MAX_KEY_FILE_BYTES = 1024;
const KEY_FORMS = `${STATE_KEY_BYTES} bytes written as 64 hex digits or as base64 (e.g. \`openssl rand -hex 32\`)`;

/** Why no key could be had; the caller turns it into a StateFileError naming the state file. */
export class StateKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateKeyError';
  }
}

/**
 * The key of one state file: from MOCK_ATLAS_STATE_KEY, from an existing key file, or (when
 * there is neither) none yet, until {@link StateKeyring.ensure} creates the key file.
 */
export class StateKeyring {
  #key: Buffer | undefined;
  #source: 'env' | 'file' | 'none';

  private constructor(
    readonly keyFile: string,
    key: Buffer | undefined,
    source: 'env' | 'file' | 'none',
  ) {
    this.#key = key;
    this.#source = source;
  }

  /**
   * Finds the key of `stateFile`: MOCK_ATLAS_STATE_KEY in `env` if set, else the key file if it
   * exists. Throws a StateKeyError (never quoting the value) when either holds something that
   * is not a key; a missing key file is not an error here (see {@link StateKeyring.ensure}).
   * @example const keyring = StateKeyring.open('state.json', process.env);
   */
  static open(stateFile: string, env: Readonly<Record<string, string | undefined>>): StateKeyring {
    const keyFile = keyFilePath(stateFile);
    const fromEnv = env[STATE_KEY_ENV];
    if (fromEnv !== undefined && fromEnv !== '') {
      const key = parseStateKey(fromEnv);
      if (!key) throw new StateKeyError(`${STATE_KEY_ENV} is set but is not a key: it must be ${KEY_FORMS}.`);
      return new StateKeyring(keyFile, key, 'env');
    }
    let text: string;
    try {
      // Read like the state file: a named pipe at the key's path must not hang the start.
      text = readTextFile(keyFile, MAX_KEY_FILE_BYTES, 'a key file', 'a key file');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new StateKeyring(keyFile, undefined, 'none');
      throw new StateKeyError(`its key file ${keyFile} cannot be read: ${(error as Error).message}`);
    }
    const key = parseStateKey(text);
    if (!key) throw new StateKeyError(`its key file ${keyFile} does not hold a key: it must hold ${KEY_FORMS}.`);
    return new StateKeyring(keyFile, key, 'file');
  }

  /** The key, if there is one yet. */
  get key(): Buffer | undefined {
    return this.#key;
  }

  /** Where the key comes from, for messages: `the key in MOCK_ATLAS_STATE_KEY` or `the key file F`. */
  describe(): string {
    return this.#source === 'env' ? `the key in ${STATE_KEY_ENV}` : `the key file ${this.keyFile}`;
  }

  /** Whether the key came from MOCK_ATLAS_STATE_KEY (the key file is then not read). */
  get fromEnv(): boolean {
    return this.#source === 'env';
  }

  /** How a user supplies the missing key, for messages. */
  static howToSupply(keyFile: string): string {
    return `put back the key file ${keyFile}, or set ${STATE_KEY_ENV} to the key`;
  }

  /** How a user supplies the right key instead of this wrong one, for messages. */
  howToReplace(): string {
    return this.fromEnv
      ? `set ${STATE_KEY_ENV} to the key the file was saved with, or unset it to use the key file ${this.keyFile} (read only when ${STATE_KEY_ENV} is not set)`
      : `put back the key file ${this.keyFile} the file was saved with, or set ${STATE_KEY_ENV} to that key`;
  }

  /**
   * The key, creating the key file first (32 random bytes, mode 0600, written atomically and
   * fsynced) when there is none: a state file is never written with a key that is not on disk.
   */
  async ensure(): Promise<Buffer> {
    if (this.#key) return this.#key;
    const key = randomBytes(STATE_KEY_BYTES);
    await writeFileAtomically(this.keyFile, `${key.toString('hex')}\n`, KEY_FILE_MODE);
    this.#key = key;
    this.#source = 'file';
    return key;
  }
}
