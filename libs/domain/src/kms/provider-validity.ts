import { keyIdOf, type CloudProvider, type EarProviderState } from '@mock-atlas/model';
import { keyProblemOf, type KmsView } from '@mock-atlas/rules';

/**
 * Whether an enabled provider can use its key right now: credentials that work and an
 * ENABLED key (RULES.md "Validity checks"). Unknown credentials or an unseen key the
 * caller treats as unknown count as valid: there is nothing to say they are not.
 */
export function isProviderValid(kms: KmsView, provider: CloudProvider, state: EarProviderState): boolean {
  if (!state.enabled) return false;
  if (kms.credentialsValid(provider) === false) return false;
  const keyId = keyIdOf(provider, state);
  if (keyId === undefined) return false;
  return keyProblemOf(kms.keys, kms.unseenKeys, provider, keyId) === undefined;
}
