import { AWS_ACCESS_KEY_ID_LENGTH, AWS_REGIONS, AZURE_ENVIRONMENTS, CUSTOMER_MASTER_KEY_ID_LENGTH } from '../atlas-enums';
import type { JsonProperties, JsonSchema } from '../json-schema';
import { bool, closedObject, DRAFT_07, objectId, readOnly, schemaId, secret, str, stringEnum } from './common';

// No `required` anywhere: which fields a PATCH must carry depends on whether the provider
// was already on (S3:199-207), which only the rule ear/provider-fields-complete can know.

const enabled = (): JsonSchema =>
  bool('Whether this provider encrypts the project\'s clusters. `{"enabled": false}` alone turns it off and clears its configuration.');

/** Reported by Atlas; the schema lets it through so that ear/valid-is-read-only answers ATTRIBUTE_READ_ONLY (S3:496-501). */
const valid = (): JsonSchema => readOnly(bool('Whether the key can encrypt and decrypt data. System-controlled; not accepted from a client.'));

const roleId = (): JsonSchema => objectId('Id of the cloud provider access role Atlas uses to reach the key.');

const requirePrivateNetworking = (): JsonSchema =>
  bool('Whether Atlas reaches the key management service over private networking only.');

/** The properties of `awsKms`. */
export const AWS_KMS_PROPERTIES: JsonProperties = {
  enabled: enabled(),
  accessKeyID: { ...str('IAM access key id with access to the customer master key.'), ...AWS_ACCESS_KEY_ID_LENGTH },
  secretAccessKey: secret('IAM secret access key for accessKeyID.'),
  customerMasterKeyID: { ...str('The AWS KMS customer master key that encrypts the MongoDB master keys.'), ...CUSTOMER_MASTER_KEY_ID_LENGTH },
  region: stringEnum(AWS_REGIONS, 'AWS region in which the customer master key exists.'),
  roleId: roleId(),
  requirePrivateNetworking: requirePrivateNetworking(),
  valid: valid(),
};

/** The properties of `azureKeyVault`. */
export const AZURE_KEY_VAULT_PROPERTIES: JsonProperties = {
  enabled: enabled(),
  azureEnvironment: stringEnum(AZURE_ENVIRONMENTS, 'Azure cloud the key vault lives in.'),
  clientID: { ...str('Client (application) id of the Azure application with access to the key vault.'), format: 'uuid' },
  subscriptionID: { ...str('Azure subscription that holds the key vault.'), format: 'uuid' },
  resourceGroupName: str('Azure resource group that holds the key vault.'),
  keyVaultName: str('Name of the Azure key vault.'),
  keyIdentifier: str('Web address of the key, including its version.'),
  secret: secret('Secret of the Azure application (clientID).'),
  tenantID: { ...str('Azure Active Directory tenant of the application.'), format: 'uuid' },
  roleId: roleId(),
  requirePrivateNetworking: requirePrivateNetworking(),
  valid: valid(),
};

/** The properties of `googleCloudKms`. */
export const GOOGLE_CLOUD_KMS_PROPERTIES: JsonProperties = {
  enabled: enabled(),
  serviceAccountKey: secret('JSON key of a Google Cloud service account with access to the key. Not accepted once roleId is set.'),
  keyVersionResourceID: str('Resource path of the key version, projects/…/cryptoKeyVersions/N.'),
  roleId: roleId(),
  valid: valid(),
};

/** The body of PATCH /groups/{groupId}/encryptionAtRest (v1.0 and v2 2023-01-01), also the config's `encryptionAtRest`. */
export const encryptionAtRestRequestSchema = {
  $schema: DRAFT_07,
  $id: schemaId('encryption-at-rest.request'),
  title: 'Encryption at Rest using Customer Key Management',
  description: 'The body of PATCH /groups/{groupId}/encryptionAtRest: one document per key management provider.',
  type: 'object',
  additionalProperties: false,
  properties: {
    awsKms: closedObject(AWS_KMS_PROPERTIES, { description: 'AWS KMS configuration.' }),
    azureKeyVault: closedObject(AZURE_KEY_VAULT_PROPERTIES, { description: 'Azure Key Vault configuration.' }),
    googleCloudKms: closedObject(GOOGLE_CLOUD_KMS_PROPERTIES, { description: 'Google Cloud KMS configuration.' }),
    enabledForSearchNodes: bool('Whether search nodes also encrypt with the customer key.'),
  },
} satisfies JsonSchema;
