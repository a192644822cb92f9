import type { CloudProvider, KmsKey } from '@mock-atlas/model';
import type { KmsView } from '@mock-atlas/rules';
import type { MockOptions, MockState } from './mock-state';

/** How the simulated KMS answers for one project. */
export function kmsViewOf(state: MockState, groupId: string, options: MockOptions): KmsView {
  const credentials = state.kmsCredentials[groupId] ?? {};
  return {
    keys: state.kmsKeys,
    // The mock knows: credentials work unless a test broke them through the control API.
    credentialsValid: (provider: CloudProvider) => credentials[provider] ?? true,
    unseenKeys: options.kms === 'strict' ? 'not-found' : 'unknown',
  };
}

/**
 * In lenient mode a key id the KMS has never seen is registered as ENABLED on first use,
 * so the seed's curl examples work as written (PRODUCT.md "Unknown key ids").
 */
export function registerUnseenKeys(
  state: MockState,
  wanted: readonly { provider: CloudProvider; keyId: string }[],
  options: MockOptions,
  now: string,
): MockState {
  if (options.kms === 'strict') return state;
  const added: KmsKey[] = [];
  for (const { provider, keyId } of wanted) {
    const known = [...state.kmsKeys, ...added].some((k) => k.provider === provider && k.keyId === keyId);
    if (!known) added.push({ provider, keyId, state: 'ENABLED', createdAt: now });
  }
  return added.length === 0 ? state : { ...state, kmsKeys: [...state.kmsKeys, ...added] };
}
