// The project's EncryptionAtRest document: PATCH merge semantics and the GET body per version.
import {
  CLOUD_PROVIDERS,
  DISABLED_PROVIDER,
  EAR_DOCUMENT,
  PROVIDER_SETTINGS,
  SECRET_FIELDS,
  emptyEncryptionAtRest,
  type CloudProvider,
  type EarProviderState,
  type EncryptionAtRest,
  type SettingValue,
} from '@mock-atlas/model';
import { asBoolean, asRecord } from './read';
import { sortedKeys } from './sorted-keys';

/** The EncryptionAtRest resource versions: the deprecated v1.0 API and v2 2023-01-01. */
export type EarVersion = 'v1.0' | '2023-01-01';

/**
 * The readable fields of each provider document, besides `enabled` and `valid`.
 * - v1.0: exactly the fields of the S3:591-612 example response (which has no
 *   `azureEnvironment`, no `roleId` and no `requirePrivateNetworking`), always present,
 *   null when unset, as in that example.
 * - 2023-01-01: every non-secret property of the spec's provider schemas, except AWS
 *   `roleId`, which the spec marks write-only; present only when set, because none of
 *   those properties is `nullable` in the spec, so a null would break the contract.
 */
const READABLE: Record<EarVersion, Record<CloudProvider, readonly string[]>> = {
  'v1.0': {
    AWS: ['accessKeyID', 'customerMasterKeyID', 'region'],
    AZURE: ['clientID', 'keyIdentifier', 'keyVaultName', 'resourceGroupName', 'subscriptionID', 'tenantID'],
    GCP: ['keyVersionResourceID'],
  },
  '2023-01-01': {
    AWS: ['accessKeyID', 'customerMasterKeyID', 'region', 'requirePrivateNetworking'],
    AZURE: [
      'azureEnvironment', 'clientID', 'keyIdentifier', 'keyVaultName', 'requirePrivateNetworking', 'resourceGroupName',
      'roleId', 'subscriptionID', 'tenantID',
    ],
    GCP: ['keyVersionResourceID', 'roleId'],
  },
};

/**
 * Fields v1.0 shows only when they hold a value: the v1 client reads AWS `roleId` and
 * Azure `azureEnvironment` back, but the S3 example of a disabled project has neither.
 */
const SHOWN_WHEN_SET: Record<EarVersion, Record<CloudProvider, readonly string[]>> = {
  'v1.0': { AWS: ['roleId'], AZURE: ['azureEnvironment'], GCP: [] },
  '2023-01-01': { AWS: [], AZURE: [], GCP: [] },
};

/** The provider settings a body's document may set: the provider's known fields with string or boolean values. */
function isSetting(provider: CloudProvider, field: string): boolean {
  return PROVIDER_SETTINGS[provider].includes(field);
}

/**
 * One provider document of a PATCH encryptionAtRest body applied to the provider's state.
 * `enabled: false` turns the provider off and clears its configuration (S3:291-297), so
 * the result is DISABLED_PROVIDER whatever else the document holds. Otherwise the
 * settings the document names replace the stored ones (null unsets one; S3:207 lets an
 * enabled provider send only the changed fields), `enabled` is the document's or the
 * previous value, and `valid` is left as it was: it is read-only for clients (spec), and
 * the operation recomputes it from the KMS. Unknown fields and non-scalar values are
 * ignored (the schema has refused them already).
 * @example applyEarRequest(DISABLED_PROVIDER, 'AWS', { enabled: true, customerMasterKeyID: 'k', region: 'US_EAST_1', roleId: 'r' })
 */
export function applyEarRequest(before: EarProviderState, provider: CloudProvider, doc: Readonly<Record<string, unknown>>): EarProviderState {
  if (doc['enabled'] === false) return DISABLED_PROVIDER;
  const settings: Record<string, SettingValue> = { ...before.settings };
  for (const [field, value] of Object.entries(doc)) {
    if (!isSetting(provider, field)) continue;
    if (value === null) delete settings[field];
    else if (typeof value === 'string' || typeof value === 'boolean') settings[field] = value;
  }
  return { enabled: asBoolean(doc['enabled']) ?? before.enabled, valid: before.valid, settings };
}

function providerDocument(provider: CloudProvider, state: EarProviderState, version: EarVersion): Record<string, unknown> {
  const secrets = SECRET_FIELDS[provider];
  const doc: Record<string, unknown> = { enabled: state.enabled, valid: state.valid };
  for (const field of READABLE[version][provider]) {
    if (secrets.includes(field)) continue;
    const value = state.settings[field];
    if (value !== undefined) doc[field] = value;
    else if (version === 'v1.0') doc[field] = null;
  }
  for (const field of SHOWN_WHEN_SET[version][provider]) {
    const value = state.settings[field];
    if (value !== undefined && !secrets.includes(field)) doc[field] = value;
  }
  return sortedKeys(doc);
}

/**
 * The GET (and PATCH response) body of a project's Encryption at Rest configuration.
 * All three provider documents always appear, with `enabled` and `valid`; secrets
 * (SECRET_FIELDS) are never written. v1.0 writes the fields of the S3 example, null when
 * unset (S3:591-612), plus AWS `roleId` and Azure `azureEnvironment` when set;
 * 2023-01-01 writes only the fields that hold a value (the spec's schema has no nullable
 * property), adds `requirePrivateNetworking`, Azure and GCP `roleId` and a top-level
 * `enabledForSearchNodes` when set, and omits the write-only AWS `roleId`.
 * @example earToRepresentation(emptyEncryptionAtRest(), 'v1.0').awsKms
 *   // → { accessKeyID: null, customerMasterKeyID: null, enabled: false, region: null, valid: false }
 */
export function earToRepresentation(ear: EncryptionAtRest, version: EarVersion): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const provider of CLOUD_PROVIDERS) body[EAR_DOCUMENT[provider]] = providerDocument(provider, ear.providers[provider], version);
  if (version !== 'v1.0' && ear.enabledForSearchNodes !== undefined) body['enabledForSearchNodes'] = ear.enabledForSearchNodes;
  return sortedKeys(body);
}

/**
 * An EncryptionAtRest body read back into the model (state import, tests). null fields
 * are unset; missing `enabled` and `valid` are false. Secrets are read if present, but a
 * GET body never holds them, so they do not survive earToRepresentation.
 */
export function earFromRepresentation(body: Readonly<Record<string, unknown>>): EncryptionAtRest {
  const empty = emptyEncryptionAtRest();
  const providers = { ...empty.providers };
  for (const provider of CLOUD_PROVIDERS) {
    const doc = asRecord(body[EAR_DOCUMENT[provider]]);
    if (!doc) continue;
    const settings: Record<string, SettingValue> = {};
    for (const [field, value] of Object.entries(doc)) {
      if (isSetting(provider, field) && (typeof value === 'string' || typeof value === 'boolean')) settings[field] = value;
    }
    providers[provider] = { enabled: asBoolean(doc['enabled']) ?? false, valid: asBoolean(doc['valid']) ?? false, settings };
  }
  const enabledForSearchNodes = asBoolean(body['enabledForSearchNodes']);
  return { providers, ...(enabledForSearchNodes === undefined ? {} : { enabledForSearchNodes }), src: { base: [] } };
}
