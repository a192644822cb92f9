import rule from './credentials-and-key-valid';
import { AWS_KEY, AZURE_KEY, GCP_KEY, anEnabledKey, contextFor, earUpdate, enabledProvider } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const ROLE = '5f232b94af0a6b41747bcc2d';
const turnAwsOn = (keyId: string) => earUpdate('AWS', { enabled: true, customerMasterKeyID: keyId, region: 'US_EAST_1', roleId: ROLE });
const NEW_AZURE_KEY = 'https://demo-vault.vault.azure.net/keys/atlas-key/fedcba9876543210fedcba9876543210';
const awsKeyDisabled = [anEnabledKey('AWS', AWS_KEY, { state: 'DISABLED' })];

testRule(rule, {
  valid: [
    {
      name: 'S0:21 turning AWS KMS on with working credentials and an enabled key',
      ctx: contextFor(turnAwsOn(AWS_KEY), { credentials: { AWS: true } }),
    },
    {
      name: 'S0:21 the linter only judges keys declared in kms.keys: an unseen key is unknown',
      ctx: contextFor(turnAwsOn('11111111-2222-3333-4444-555555555555'), { unseenKeys: 'unknown' }),
    },
    {
      name: 'S0:21 toggling requirePrivateNetworking alone does not re-check a disabled key',
      ctx: contextFor(earUpdate('AWS', { requirePrivateNetworking: true }, enabledProvider('AWS')), { keys: awsKeyDisabled }),
    },
    {
      name: 'S0:21 turning a provider off does not need a valid key (ear/key-valid-to-change judges that)',
      ctx: contextFor(earUpdate('AWS', { enabled: false }, enabledProvider('AWS')), { keys: awsKeyDisabled, credentials: { AWS: false } }),
    },
  ],
  invalid: [
    {
      name: 'S0:21 D bad AWS credentials are reported alone, since the key cannot be seen without them',
      ctx: contextFor(turnAwsOn(AWS_KEY), { credentials: { AWS: false }, keys: awsKeyDisabled }),
      errors: [
        { ruleId: 'ear/credentials-and-key-valid', path: ['awsKms'], errorCode: 'INVALID_AWS_CREDENTIALS', httpStatus: 400, message: /AWS KMS/ },
      ],
    },
    {
      name: 'D strict mock: an AWS key the KMS has never seen is 404 AWS_CUSTOMER_MASTER_KEY_NOT_FOUND',
      ctx: contextFor(turnAwsOn('11111111-2222-3333-4444-555555555555'), { unseenKeys: 'not-found' }),
      errors: [
        {
          ruleId: 'ear/credentials-and-key-valid',
          path: ['awsKms', 'customerMasterKeyID'],
          errorCode: 'AWS_CUSTOMER_MASTER_KEY_NOT_FOUND',
          httpStatus: 404,
          parameters: ['11111111-2222-3333-4444-555555555555'],
          message: 'AWS KMS key 11111111-2222-3333-4444-555555555555 does not exist',
        },
      ],
    },
    {
      name: 'D switching Azure Key Vault to a disabled key is AZURE_KEY_VAULT_KEY_NOT_ENABLED',
      ctx: contextFor(earUpdate('AZURE', { keyIdentifier: NEW_AZURE_KEY }, enabledProvider('AZURE')), {
        keys: [anEnabledKey('AZURE', AZURE_KEY), anEnabledKey('AZURE', NEW_AZURE_KEY, { state: 'DISABLED' })],
      }),
      errors: [
        {
          ruleId: 'ear/credentials-and-key-valid',
          path: ['azureKeyVault', 'keyIdentifier'],
          errorCode: 'AZURE_KEY_VAULT_KEY_NOT_ENABLED',
          httpStatus: 400,
          parameters: [NEW_AZURE_KEY],
          message: /is disabled/,
        },
      ],
    },
    {
      name: 'D a config file turning Google Cloud KMS on with a key pending deletion is GOOGLE_CLOUD_KMS_KEY_VERSION_DESTROYED',
      ctx: contextFor(
        earUpdate('GCP', { enabled: true, keyVersionResourceID: GCP_KEY, serviceAccountKey: '${env:GCP_SA_KEY}' }, undefined, ['encryptionAtRest', 'googleCloudKms']),
        { keys: [anEnabledKey('GCP', GCP_KEY, { state: 'PENDING_DELETION' })] },
      ),
      errors: [
        {
          ruleId: 'ear/credentials-and-key-valid',
          path: ['encryptionAtRest', 'googleCloudKms', 'keyVersionResourceID'],
          errorCode: 'GOOGLE_CLOUD_KMS_KEY_VERSION_DESTROYED',
          httpStatus: 400,
          parameters: [GCP_KEY],
          message: /is pending deletion/,
        },
      ],
    },
    {
      name: 'S0:21 changing the AWS role makes Atlas check the current key again, which is disabled',
      ctx: contextFor(earUpdate('AWS', { roleId: '6a0000000000000000000001' }, enabledProvider('AWS')), { keys: awsKeyDisabled }),
      errors: [
        {
          ruleId: 'ear/credentials-and-key-valid',
          path: ['awsKms', 'customerMasterKeyID'],
          errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED',
          httpStatus: 400,
          parameters: [AWS_KEY],
        },
      ],
    },
  ],
});
