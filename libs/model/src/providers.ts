/** The three clouds whose key management services Atlas can use. */
export const CLOUD_PROVIDERS = ['AWS', 'AZURE', 'GCP'] as const;
export type CloudProvider = (typeof CLOUD_PROVIDERS)[number];

/** A cluster's `encryptionAtRestProvider`. */
export const EAR_PROVIDER_NAMES = ['NONE', ...CLOUD_PROVIDERS] as const;
export type EarProviderName = (typeof EAR_PROVIDER_NAMES)[number];

/** The document of the EncryptionAtRest body that configures each provider. */
export const EAR_DOCUMENT = {
  AWS: 'awsKms',
  AZURE: 'azureKeyVault',
  GCP: 'googleCloudKms',
} as const satisfies Record<CloudProvider, string>;
export type EarDocumentName = (typeof EAR_DOCUMENT)[CloudProvider];

/** The field of each provider document that names the key. */
export const KEY_ID_FIELD = {
  AWS: 'customerMasterKeyID',
  AZURE: 'keyIdentifier',
  GCP: 'keyVersionResourceID',
} as const satisfies Record<CloudProvider, string>;

/** Human names, as the Atlas docs write them. */
export const KMS_DISPLAY_NAME = {
  AWS: 'AWS KMS',
  AZURE: 'Azure Key Vault',
  GCP: 'Google Cloud KMS',
} as const satisfies Record<CloudProvider, string>;

/**
 * Settings a provider needs when it is turned on (S3:199-205). Each entry is one
 * requirement; an array means "one of these alternatives", each alternative a list of
 * fields that must all be present (AWS: a role, or an access key pair).
 */
export const REQUIRED_TO_ENABLE: Record<CloudProvider, readonly (string | readonly (readonly string[])[])[]> = {
  AWS: ['customerMasterKeyID', 'region', [['roleId'], ['accessKeyID', 'secretAccessKey']]],
  AZURE: ['azureEnvironment', 'clientID', 'subscriptionID', 'resourceGroupName', 'keyVaultName', 'keyIdentifier', 'tenantID', 'secret'],
  GCP: ['keyVersionResourceID', [['serviceAccountKey'], ['roleId']]],
};

/** Write-only settings: accepted, never echoed, never logged. */
export const SECRET_FIELDS: Record<CloudProvider, readonly string[]> = {
  AWS: ['secretAccessKey'],
  AZURE: ['secret'],
  GCP: ['serviceAccountKey'],
};

/** Every setting each provider document knows besides `enabled` and `valid`. */
export const PROVIDER_SETTINGS: Record<CloudProvider, readonly string[]> = {
  AWS: ['accessKeyID', 'secretAccessKey', 'customerMasterKeyID', 'region', 'roleId', 'requirePrivateNetworking'],
  AZURE: [
    'azureEnvironment', 'clientID', 'subscriptionID', 'resourceGroupName', 'keyVaultName', 'keyIdentifier',
    'tenantID', 'secret', 'roleId', 'requirePrivateNetworking',
  ],
  GCP: ['keyVersionResourceID', 'serviceAccountKey', 'roleId'],
};

/** The provider whose EncryptionAtRest document has this name, if any. */
export function providerOfDocument(name: string): CloudProvider | undefined {
  return CLOUD_PROVIDERS.find((p) => EAR_DOCUMENT[p] === name);
}

export function isCloudProvider(value: unknown): value is CloudProvider {
  return typeof value === 'string' && (CLOUD_PROVIDERS as readonly string[]).includes(value);
}
