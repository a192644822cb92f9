import { KMS_DISPLAY_NAME, type CloudProvider, type KeyState } from '@mock-atlas/model';

/** Why a provider cannot use a key: what Atlas answers, per provider. */
export type KeyProblem = 'NOT_FOUND' | 'DISABLED' | 'PENDING_DELETION' | 'DELETED' | 'BAD_CREDENTIALS';

interface KeyError {
  readonly errorCode: string;
  readonly httpStatus: number;
}

// From the Atlas error-code table (atlas-openapi README §5.3). AWS answers 404 for an
// unknown key; Azure and GCP answer 400. Azure has no "pending deletion" state: a key
// in soft delete is no longer active.
const KEY_ERRORS: Record<CloudProvider, Record<KeyProblem, KeyError>> = {
  AWS: {
    NOT_FOUND: { errorCode: 'AWS_CUSTOMER_MASTER_KEY_NOT_FOUND', httpStatus: 404 },
    DISABLED: { errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED', httpStatus: 400 },
    PENDING_DELETION: { errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_PENDING_DELETION', httpStatus: 400 },
    DELETED: { errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_PENDING_DELETION', httpStatus: 400 },
    BAD_CREDENTIALS: { errorCode: 'INVALID_AWS_CREDENTIALS', httpStatus: 400 },
  },
  AZURE: {
    NOT_FOUND: { errorCode: 'AZURE_KEY_VAULT_KEY_NOT_FOUND', httpStatus: 400 },
    DISABLED: { errorCode: 'AZURE_KEY_VAULT_KEY_NOT_ENABLED', httpStatus: 400 },
    PENDING_DELETION: { errorCode: 'AZURE_KEY_VAULT_KEY_NOT_ACTIVE', httpStatus: 400 },
    DELETED: { errorCode: 'AZURE_KEY_VAULT_KEY_NOT_ACTIVE', httpStatus: 400 },
    BAD_CREDENTIALS: { errorCode: 'INVALID_AZURE_CREDENTIALS', httpStatus: 400 },
  },
  GCP: {
    NOT_FOUND: { errorCode: 'GOOGLE_CLOUD_KMS_KEY_VERSION_NOT_FOUND', httpStatus: 400 },
    DISABLED: { errorCode: 'GOOGLE_CLOUD_KMS_KEY_VERSION_DISABLED', httpStatus: 400 },
    PENDING_DELETION: { errorCode: 'GOOGLE_CLOUD_KMS_KEY_VERSION_DESTROYED', httpStatus: 400 },
    DELETED: { errorCode: 'GOOGLE_CLOUD_KMS_KEY_VERSION_DESTROYED', httpStatus: 400 },
    BAD_CREDENTIALS: { errorCode: 'INVALID_GOOGLE_CLOUD_CREDENTIALS', httpStatus: 400 },
  },
};

/**
 * The one mapping from (provider, key problem) to Atlas's error; used when a provider is
 * configured (ear/credentials-and-key-valid) and when a snapshot is restored (restore/key-valid).
 * @example keyError('AWS', 'DISABLED') // → { errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED', httpStatus: 400 }
 */
export function keyError(provider: CloudProvider, problem: KeyProblem): KeyError {
  return KEY_ERRORS[provider][problem];
}

/** The problem a key's state poses, or undefined when the key is usable. */
export function problemOfState(state: KeyState): KeyProblem | undefined {
  return state === 'ENABLED' ? undefined : state;
}

const PROBLEM_TEXT: Record<KeyProblem, string> = {
  NOT_FOUND: 'does not exist',
  DISABLED: 'is disabled',
  PENDING_DELETION: 'is pending deletion',
  DELETED: 'has been deleted',
  BAD_CREDENTIALS: 'cannot be reached with the configured credentials',
};

/** A sentence naming the key and its problem, for finding messages. */
export function describeKeyProblem(provider: CloudProvider, keyId: string, problem: KeyProblem): string {
  return `${KMS_DISPLAY_NAME[provider]} key ${keyId} ${PROBLEM_TEXT[problem]}`;
}

/** The problem of a key id under a KMS view, or undefined when usable or unknowable. */
export function keyProblemOf(
  keys: readonly { provider: CloudProvider; keyId: string; state: KeyState }[],
  unseenKeys: 'not-found' | 'unknown',
  provider: CloudProvider,
  keyId: string,
): KeyProblem | undefined {
  const key = keys.find((k) => k.provider === provider && k.keyId === keyId);
  if (!key) return unseenKeys === 'not-found' ? 'NOT_FOUND' : undefined;
  return problemOfState(key.state);
}
