import rule from './key-valid-to-change';
import { AWS_KEY, AZURE_KEY, GCP_KEY, anEnabledKey, contextFor, earUpdate, enabledProvider } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const OTHER_AWS_KEY = '7b1d2c3e-4f50-4a61-8b72-93a4b5c6d7e8';
const OTHER_GCP_KEY = 'projects/demo/locations/global/keyRings/atlas/cryptoKeys/cmk/cryptoKeyVersions/2';
const awsKeyDisabled = [anEnabledKey('AWS', AWS_KEY, { state: 'DISABLED' }), anEnabledKey('AWS', OTHER_AWS_KEY)];

testRule(rule, {
  valid: [
    {
      name: 'S0:78 changing only the credentials while the key is disabled is how access is regained',
      ctx: contextFor(earUpdate('AWS', { roleId: '6a0000000000000000000001' }, enabledProvider('AWS')), { keys: awsKeyDisabled }),
    },
    {
      name: 'S0:78 changing the key while the current key is valid',
      ctx: contextFor(earUpdate('AWS', { customerMasterKeyID: OTHER_AWS_KEY }, enabledProvider('AWS')), {
        keys: [anEnabledKey('AWS', AWS_KEY), anEnabledKey('AWS', OTHER_AWS_KEY)],
      }),
    },
    {
      name: 'S0:78 re-sending the current key id is no change',
      ctx: contextFor(earUpdate('AWS', { customerMasterKeyID: AWS_KEY }, enabledProvider('AWS')), { keys: awsKeyDisabled }),
    },
    {
      name: 'S0:78 the linter does not judge a current key that kms.keys does not declare',
      ctx: contextFor(earUpdate('AWS', { enabled: false }, enabledProvider('AWS')), { keys: [], unseenKeys: 'unknown' }),
    },
  ],
  invalid: [
    {
      name: 'S0:78 switching to another key while the current AWS key is disabled',
      ctx: contextFor(earUpdate('AWS', { customerMasterKeyID: OTHER_AWS_KEY }, enabledProvider('AWS')), { keys: awsKeyDisabled }),
      errors: [
        {
          ruleId: 'ear/key-valid-to-change',
          path: ['awsKms', 'customerMasterKeyID'],
          parameters: [AWS_KEY],
          message: `AWS KMS key ${AWS_KEY} is disabled`,
        },
      ],
    },
    {
      name: 'S0:78 turning Azure Key Vault off while its key is pending deletion',
      ctx: contextFor(earUpdate('AZURE', { enabled: false }, enabledProvider('AZURE')), {
        keys: [anEnabledKey('AZURE', AZURE_KEY, { state: 'PENDING_DELETION' })],
      }),
      errors: [{ ruleId: 'ear/key-valid-to-change', path: ['azureKeyVault', 'enabled'], parameters: [AZURE_KEY], message: /turn azureKeyVault off/ }],
    },
    {
      name: 'S0:78 strict mock: a current Google Cloud key the KMS never saw counts as not found',
      ctx: contextFor(earUpdate('GCP', { keyVersionResourceID: OTHER_GCP_KEY }, enabledProvider('GCP')), { keys: [], unseenKeys: 'not-found' }),
      errors: [
        { ruleId: 'ear/key-valid-to-change', path: ['googleCloudKms', 'keyVersionResourceID'], parameters: [GCP_KEY], message: /does not exist/ },
      ],
    },
    {
      name: 'S0:78 turning off and naming a new key at once is one refusal, at enabled',
      ctx: contextFor(earUpdate('AWS', { enabled: false, customerMasterKeyID: OTHER_AWS_KEY }, enabledProvider('AWS')), {
        keys: [anEnabledKey('AWS', AWS_KEY, { state: 'DELETED' })],
      }),
      errors: [{ ruleId: 'ear/key-valid-to-change', path: ['awsKms', 'enabled'], message: /has been deleted/ }],
    },
  ],
});
