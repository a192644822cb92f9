import type { CloudProvider } from './providers';
import type { Source } from './path';

/** The lifecycle of a key in the customer's KMS, normalised across the three clouds. */
export const KEY_STATES = ['ENABLED', 'DISABLED', 'PENDING_DELETION', 'DELETED'] as const;
export type KeyState = (typeof KEY_STATES)[number];

/** A key held by the customer's key management service (the simulated KMS). */
export interface KmsKey {
  readonly provider: CloudProvider;
  readonly keyId: string;
  readonly state: KeyState;
  /** When the key (version) was created; drives the rotation reminder. */
  readonly createdAt?: string;
  readonly src?: Source;
}

/** Only an enabled key can encrypt and decrypt (S0:63, S0:93). */
export function isKeyUsable(state: KeyState): boolean {
  return state === 'ENABLED';
}

/** The key with this provider and id, if the KMS holds it. */
export function findKey(keys: readonly KmsKey[], provider: CloudProvider, keyId: string): KmsKey | undefined {
  return keys.find((k) => k.provider === provider && k.keyId === keyId);
}
