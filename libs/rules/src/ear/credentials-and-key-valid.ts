import { KEY_ID_FIELD, KMS_DISPLAY_NAME, PROVIDER_SETTINGS, keyIdOf, type CloudProvider } from '@mock-atlas/model';
import { defineRule, type Violation } from '../define-rule';
import { describeKeyProblem, keyError, keyProblemOf } from '../key-state-code';

/**
 * The settings that decide whether Atlas can reach the key: the key id, where it lives and
 * the credentials. `requirePrivateNetworking` only changes the network path, so toggling
 * it alone does not send Atlas back to the KMS.
 */
function accessSettings(provider: CloudProvider): readonly string[] {
  return PROVIDER_SETTINGS[provider].filter((field) => field !== 'requirePrivateNetworking');
}

/**
 * S0:21: Encryption at Rest "requires valid key management provider credentials and an
 * encryption key". Atlas checks both when a provider is turned on or when the request
 * changes what decides access to the key; the error names the provider and the key state
 * (one mapping, shared with restore/key-valid). Bad credentials are reported alone: without
 * them the key's state cannot be known. The linter cannot test credentials and judges only
 * keys declared in `kms.keys` (an unseen key is 'unknown' to it).
 */
export default defineRule({
  id: 'ear/credentials-and-key-valid',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED',
  httpStatus: 400,
  description:
    'Turning a provider on or changing its key or credentials needs credentials that work and a key that exists and is enabled in the KMS; the error code names the provider and the problem.',
  sources: ['S0:21', 'D'],
  codeNote:
    'The code varies per provider and problem, as mapped by key-state-code.ts from the Atlas error-code table (e.g. INVALID_GOOGLE_CLOUD_CREDENTIALS, AZURE_KEY_VAULT_KEY_NOT_ACTIVE, 404 AWS_CUSTOMER_MASTER_KEY_NOT_FOUND); the AWS disabled-key code is listed as the usual one.',
  appliesTo: ['updateEncryptionAtRest'],
  check({ op, kms }) {
    const { provider, before, after } = op;
    if (!after.enabled) return [];
    const turnsOn = !before.enabled;
    const accessChanged = accessSettings(provider).some((field) => after.settings[field] !== before.settings[field]);
    if (!turnsOn && !accessChanged) return [];

    if (kms.credentialsValid(provider) === false) {
      const violation: Violation = {
        path: op.at,
        message: `Atlas cannot reach ${KMS_DISPLAY_NAME[provider]} with the configured credentials; fix the role or access keys so that Atlas can use the key.`,
        ...keyError(provider, 'BAD_CREDENTIALS'),
      };
      return [violation];
    }

    const keyId = keyIdOf(provider, after);
    if (keyId === undefined) return [];
    const problem = keyProblemOf(kms.keys, kms.unseenKeys, provider, keyId);
    if (problem === undefined) return [];
    return [
      {
        path: [...op.at, KEY_ID_FIELD[provider]],
        message: `${describeKeyProblem(provider, keyId, problem)}, so Atlas cannot encrypt with it; use an existing, enabled key.`,
        parameters: [keyId],
        ...keyError(provider, problem),
      },
    ];
  },
});
