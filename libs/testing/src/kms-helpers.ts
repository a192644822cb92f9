import {
  CLOUD_PROVIDERS,
  keyIdOf,
  listKmsKeys,
  setKmsCredentials,
  upsertKmsKey,
  type CloudProvider,
  type KeyState,
  type KmsKey,
} from '@mock-atlas/domain';
import type { MockStore } from './embedded-app';

/** A key of the simulated KMS as `kms.setKey` takes it (POST /_mock/kms/keys). */
export interface KmsKeyInput {
  readonly provider: CloudProvider;
  readonly keyId: string;
  readonly state: KeyState;
  /** When the key was created (ISO-8601); default: the existing key's, or now. */
  readonly createdAt?: string;
}

/**
 * The simulated customer KMS. Like the real one, Atlas notices a change only at its next
 * validity check: call `validate()` (the console's "Try Again") or advance the clock 15 minutes.
 */
export interface KmsHelpers {
  /** Disables a key (POST /_mock/kms/keys `state: DISABLED`); the provider is found from the key id unless given. */
  disableKey(keyId: string, provider?: CloudProvider): Promise<KmsKey>;
  /** Enables a key again (`state: ENABLED`). */
  restoreKey(keyId: string, provider?: CloudProvider): Promise<KmsKey>;
  /** Creates or changes a key in any state, e.g. `PENDING_DELETION`. */
  setKey(key: KmsKeyInput): Promise<KmsKey>;
  /** Every key the KMS holds (GET /_mock/kms/keys). */
  keys(): Promise<readonly KmsKey[]>;
  /** The project's credentials for `provider` stop working (POST /_mock/kms/credentials `valid: false`). */
  breakCredentials(provider: CloudProvider, groupId?: string): Promise<void>;
  /** The project's credentials for `provider` work again. */
  fixCredentials(provider: CloudProvider, groupId?: string): Promise<void>;
}

/** The providers a key id belongs to: keys the KMS holds, then keys a project is configured with. */
function providersOf(store: MockStore, keyId: string): CloudProvider[] {
  const found = new Set<CloudProvider>(store.state.kmsKeys.filter((k) => k.keyId === keyId).map((k) => k.provider));
  if (found.size === 0) {
    for (const project of Object.values(store.state.projects)) {
      for (const provider of CLOUD_PROVIDERS) {
        if (keyIdOf(provider, project.encryptionAtRest.providers[provider]) === keyId) found.add(provider);
      }
    }
  }
  return [...found];
}

function providerOf(store: MockStore, keyId: string): CloudProvider {
  const providers = providersOf(store, keyId);
  if (providers.length === 1) return providers[0]!;
  throw new Error(
    providers.length === 0
      ? `The simulated KMS has no key ${keyId} and no project is configured with it: pass its provider (AWS, AZURE or GCP).`
      : `Key ${keyId} exists for ${providers.join(' and ')}: pass the provider.`,
  );
}

/** The KMS helpers of one store; `groupId` is the project credentials default to. */
export function kmsHelpers(store: MockStore, groupId: string): KmsHelpers {
  const setKey = async (key: KmsKeyInput): Promise<KmsKey> => {
    store.catchUp();
    return store.commit(upsertKmsKey(store.state, key, store.context()));
  };
  const setState = async (keyId: string, state: KeyState, provider?: CloudProvider) => {
    store.catchUp();
    return setKey({ provider: provider ?? providerOf(store, keyId), keyId, state });
  };
  const setCredentials = async (provider: CloudProvider, valid: boolean, forGroup = groupId) => {
    store.catchUp();
    store.commit(setKmsCredentials(store.state, { groupId: forGroup, provider, valid }));
  };
  return {
    disableKey: (keyId, provider) => setState(keyId, 'DISABLED', provider),
    restoreKey: (keyId, provider) => setState(keyId, 'ENABLED', provider),
    setKey,
    keys: async () => {
      store.catchUp();
      return listKmsKeys(store.state);
    },
    breakCredentials: (provider, forGroup) => setCredentials(provider, false, forGroup),
    fixCredentials: (provider, forGroup) => setCredentials(provider, true, forGroup),
  };
}
