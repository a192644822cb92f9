// The secrets of a MockState, sealed for the --state-file. Each secret field is replaced by a
// self-describing string, `enc:v1:<iv>:<tag>:<ciphertext>` (base64url parts): AES-256-GCM with a
// fresh 12-byte IV per value, so equal secrets look different and any change to a sealed value
// (or the wrong key) fails authentication instead of yielding a wrong secret. Everything else in
// the state stays as it is, so the file is still readable in a bug report.
//
// The secret fields (the domain's mapSecrets, which GET /_mock/state redacts through too):
//   apiKeys[i].privateKey, serviceAccounts[i].clientSecret,
//   projects[g].credentials[i].secret,
//   projects[g].encryptionAtRest.providers[P].settings[<SECRET_FIELDS[P]>]
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mapSecrets, type MockState } from '@mock-atlas/domain';

/** The prefix of a sealed secret. */
export const SEALED_PREFIX = 'enc:v1:';

const IV_BYTES = 12;

/**
 * Whether a value is a sealed secret (whatever its key).
 * @example isSealed('enc:v1:…') // → true
 */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

/**
 * Encrypts one secret with AES-256-GCM.
 * @example sealSecret('s3cret', key) // → 'enc:v1:…:…:…'
 */
export function sealSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${SEALED_PREFIX}${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${body.toString('base64url')}`;
}

/** A sealed value that is malformed or does not open with the key. */
export class UnsealError extends Error {}

/**
 * Decrypts a value written by {@link sealSecret}; throws an UnsealError when it is malformed or
 * the key is not the one it was sealed with.
 * @example openSecret(sealSecret('s3cret', key), key) // → 's3cret'
 */
export function openSecret(sealed: string, key: Buffer): string {
  const parts = sealed.slice(SEALED_PREFIX.length).split(':');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) throw new UnsealError('malformed');
  const [iv, tag, body] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== 16) throw new UnsealError('malformed');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new UnsealError('wrong key or altered value');
  }
}

/**
 * The state with every secret sealed under `key`.
 * @example sealState(store.state, key).apiKeys[0].privateKey // → 'enc:v1:…'
 */
export function sealState(state: MockState, key: Buffer): MockState {
  return mapSecrets(state, (value) => sealSecret(value, key));
}

/**
 * The paths of the secret fields that hold sealed values.
 * @example sealedPaths(sealState(state, key)) // → ['apiKeys[0].privateKey', …]
 */
export function sealedPaths(state: MockState): string[] {
  const paths: string[] = [];
  mapSecrets(state, (value, at) => {
    if (isSealed(value)) paths.push(at);
    return value;
  });
  return paths;
}

/**
 * The state with every sealed secret opened with `key`; a secret written in clear (a hand edit,
 * a version-1 file) is taken as it is. Throws an UnsealError naming the first field that does
 * not open.
 * @example unsealState(sealState(state, key), key) // equal to state
 */
export function unsealState(state: MockState, key: Buffer): MockState {
  return mapSecrets(state, (value, at) => {
    if (!isSealed(value)) return value;
    try {
      return openSecret(value, key);
    } catch (error) {
      throw new UnsealError(`${at}: ${(error as Error).message}`);
    }
  });
}
