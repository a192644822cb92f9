import rule from './valid-is-read-only';
import { AWS_KEY, contextFor, earUpdate, enabledProvider } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'S3:501 a request that leaves valid to Atlas',
      ctx: contextFor(earUpdate('AWS', { enabled: true, customerMasterKeyID: AWS_KEY, region: 'US_EAST_1', roleId: '5f232b94af0a6b41747bcc2d' })),
    },
  ],
  invalid: [
    {
      name: 'S3:501 valid: true sent with an AWS KMS update',
      ctx: contextFor(earUpdate('AWS', { region: 'US_WEST_2', valid: true }, enabledProvider('AWS'))),
      errors: [{ ruleId: 'ear/valid-is-read-only', path: ['awsKms', 'valid'], parameters: ['valid'], message: /awsKms\.valid is read-only/ }],
    },
    {
      name: 'S3:500 even valid: false is refused, here in a config file',
      ctx: contextFor(earUpdate('GCP', { enabled: false, valid: false }, enabledProvider('GCP'), ['encryptionAtRest', 'googleCloudKms'])),
      errors: [{ ruleId: 'ear/valid-is-read-only', path: ['encryptionAtRest', 'googleCloudKms', 'valid'], parameters: ['valid'] }],
    },
  ],
});
