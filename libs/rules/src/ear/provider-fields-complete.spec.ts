import rule from './provider-fields-complete';
import { AWS_KEY, AZURE_KEY, GCP_KEY, contextFor, earUpdate, enabledProvider } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const ROLE = '5f232b94af0a6b41747bcc2d';

testRule(rule, {
  valid: [
    {
      name: 'S3:199 turning AWS KMS on with the key, the region and a role',
      ctx: contextFor(earUpdate('AWS', { enabled: true, customerMasterKeyID: AWS_KEY, region: 'US_EAST_1', roleId: ROLE })),
    },
    {
      name: 'S3:199 an access key pair is the other AWS alternative to a role',
      ctx: contextFor(
        earUpdate('AWS', { enabled: true, customerMasterKeyID: AWS_KEY, region: 'US_EAST_1', accessKeyID: 'AKIAEXAMPLE', secretAccessKey: '${env:AWS_SECRET}' }),
      ),
    },
    {
      name: 'S3:199 Google Cloud KMS may be turned on with a role instead of a service account key',
      ctx: contextFor(earUpdate('GCP', { enabled: true, keyVersionResourceID: GCP_KEY, roleId: ROLE })),
    },
    {
      name: 'S3:207 once AWS KMS is on, a PATCH may carry only the changed region',
      ctx: contextFor(earUpdate('AWS', { region: 'US_WEST_2' }, enabledProvider('AWS'))),
    },
    {
      name: 'S3:207 turning a provider off needs no other field',
      ctx: contextFor(earUpdate('AZURE', { enabled: false }, enabledProvider('AZURE'))),
    },
  ],
  invalid: [
    {
      name: 'S3:199 turning AWS KMS on without a region',
      ctx: contextFor(earUpdate('AWS', { enabled: true, customerMasterKeyID: AWS_KEY, roleId: ROLE })),
      errors: [{ ruleId: 'ear/provider-fields-complete', path: ['awsKms', 'region'], parameters: ['awsKms.region'], message: /awsKms\.region/ }],
    },
    {
      name: 'S3:199 an AWS access key id without its secret satisfies neither alternative',
      ctx: contextFor(earUpdate('AWS', { enabled: true, customerMasterKeyID: AWS_KEY, region: 'US_EAST_1', accessKeyID: 'AKIAEXAMPLE' })),
      errors: [
        {
          ruleId: 'ear/provider-fields-complete',
          path: ['awsKms'],
          parameters: ['awsKms.secretAccessKey'],
          message: 'awsKms.roleId or awsKms.accessKeyID with awsKms.secretAccessKey',
        },
      ],
    },
    {
      name: 'S3:199 Azure Key Vault turned on with only its key identifier misses the seven other fields',
      ctx: contextFor(earUpdate('AZURE', { enabled: true, keyIdentifier: AZURE_KEY })),
      errors: [
        { ruleId: 'ear/provider-fields-complete', path: ['azureKeyVault', 'azureEnvironment'], parameters: ['azureKeyVault.azureEnvironment'] },
        { ruleId: 'ear/provider-fields-complete', path: ['azureKeyVault', 'clientID'], parameters: ['azureKeyVault.clientID'] },
        { ruleId: 'ear/provider-fields-complete', path: ['azureKeyVault', 'subscriptionID'], parameters: ['azureKeyVault.subscriptionID'] },
        { ruleId: 'ear/provider-fields-complete', path: ['azureKeyVault', 'resourceGroupName'], parameters: ['azureKeyVault.resourceGroupName'] },
        { ruleId: 'ear/provider-fields-complete', path: ['azureKeyVault', 'keyVaultName'], parameters: ['azureKeyVault.keyVaultName'] },
        { ruleId: 'ear/provider-fields-complete', path: ['azureKeyVault', 'tenantID'], parameters: ['azureKeyVault.tenantID'] },
        { ruleId: 'ear/provider-fields-complete', path: ['azureKeyVault', 'secret'], parameters: ['azureKeyVault.secret'] },
      ],
    },
    {
      name: 'S3:199 a config file turning Google Cloud KMS on with nothing but enabled',
      ctx: contextFor(earUpdate('GCP', { enabled: true }, undefined, ['encryptionAtRest', 'googleCloudKms'])),
      errors: [
        {
          ruleId: 'ear/provider-fields-complete',
          path: ['encryptionAtRest', 'googleCloudKms', 'keyVersionResourceID'],
          parameters: ['googleCloudKms.keyVersionResourceID'],
        },
        {
          ruleId: 'ear/provider-fields-complete',
          path: ['encryptionAtRest', 'googleCloudKms'],
          parameters: ['googleCloudKms.serviceAccountKey'],
          message: 'googleCloudKms.serviceAccountKey or googleCloudKms.roleId',
        },
      ],
    },
    {
      name: 'S3:199 a field sent as null is not specified',
      ctx: contextFor(earUpdate('AWS', { enabled: true, customerMasterKeyID: null, region: 'US_EAST_1', roleId: ROLE })),
      errors: [{ ruleId: 'ear/provider-fields-complete', path: ['awsKms', 'customerMasterKeyID'], parameters: ['awsKms.customerMasterKeyID'] }],
    },
  ],
});
