import { EAR_DOCUMENT, KEY_ID_FIELD, keyIdOf } from '@mock-atlas/model';
import { defineRule } from '../define-rule';
import { describeKeyProblem, keyProblemOf } from '../key-state-code';

/**
 * S0:78: "You cannot change a key or disable Encryption at Rest using Customer Key
 * Management without a valid key." While the current key is disabled, pending deletion or
 * gone, the request may neither name another key nor turn the provider off; the user must
 * restore the key first. Changing only credentials stays allowed: that is how access is
 * regained (S0:73-75). A key the KMS has never seen counts as invalid only where unseen
 * keys mean "not found" (the strict mock), never for the linter.
 */
export default defineRule({
  id: 'ear/key-valid-to-change',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'ENCRYPTION_AT_REST_SETTINGS_INVALID',
  httpStatus: 400,
  description:
    'While the current key is invalid (disabled, pending deletion, deleted), the key id may not be changed and the provider may not be turned off; restore the key first.',
  sources: ['S0:78', 'D'],
  appliesTo: ['updateEncryptionAtRest'],
  check({ op, kms }) {
    const { provider, before, request } = op;
    if (!before.enabled) return [];
    const currentKey = keyIdOf(provider, before);
    if (currentKey === undefined) return [];
    const problem = keyProblemOf(kms.keys, kms.unseenKeys, provider, currentKey);
    if (problem === undefined) return [];

    const keyField = KEY_ID_FIELD[provider];
    const requestedKey = request[keyField];
    const disables = request['enabled'] === false;
    const changesKey = typeof requestedKey === 'string' && requestedKey !== currentKey;
    if (!disables && !changesKey) return [];

    // A request that both turns the provider off and names a new key is one refusal: the
    // disable is what it asks for, so that is where the finding points.
    const doc = EAR_DOCUMENT[provider];
    const action = disables ? `turn ${doc} off` : `switch ${doc} to key ${String(requestedKey)}`;
    return [
      {
        path: [...op.at, disables ? 'enabled' : keyField],
        message: `${describeKeyProblem(provider, currentKey, problem)}; you cannot ${action} without a valid key, so restore key ${currentKey} first.`,
        parameters: [currentKey],
      },
    ];
  },
});
