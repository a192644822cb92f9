import rule from './key-rotation-age';
import { AWS_KEY, AZURE_KEY, aProject, anEnabledKey, contextFor, enabledProvider } from '../testing/builders';
import { testRule } from '../testing/rule-tester';
import type { ReviewConfigOp } from '../context';

const review: ReviewConfigOp = { kind: 'reviewConfig' };
// NOW is 2026-11-22T12:00:00Z; these instants are counted by hand from it.
const DAYS_311_AGO = '2026-01-15T00:00:00Z';
const DAYS_386_AGO = '2025-11-01T00:00:00Z';
const EXACTLY_90_DAYS_AGO = '2026-08-24T12:00:00Z';
const RETIRED_AWS_KEY = '5c0aa111-2222-4333-8444-555566667777';
const keySrc = (i: number) => ({ base: ['kms', 'keys', i] });

const awsAndAzureOn = aProject({
  encryptionAtRest: {
    providers: { AWS: enabledProvider('AWS'), AZURE: enabledProvider('AZURE'), GCP: { enabled: false, valid: false, settings: {} } },
  },
});

testRule(rule, {
  valid: [
    {
      name: 'S3:57 a key created 52 days ago is within the 90-day threshold',
      ctx: contextFor(review),
    },
    {
      name: 'S3:57 a key exactly 90 days old is not yet older than the threshold',
      ctx: contextFor(review, { keys: [anEnabledKey('AWS', AWS_KEY, { createdAt: EXACTLY_90_DAYS_AGO })] }),
    },
    {
      name: 'S0:17 with the 365-day threshold of S0:17 a 311-day-old key is fine',
      ctx: contextFor(review, { keys: [anEnabledKey('AWS', AWS_KEY, { createdAt: DAYS_311_AGO })], keyRotationDays: 365 }),
    },
    {
      name: 'S0:90 an old key kept only so that older snapshots stay restorable does not warn',
      ctx: contextFor(review, { keys: [anEnabledKey('AWS', AWS_KEY), anEnabledKey('AWS', RETIRED_AWS_KEY, { createdAt: DAYS_386_AGO })] }),
    },
    {
      name: 'S3:57 an old key of a provider that is off does not warn',
      ctx: contextFor(review, { keys: [anEnabledKey('AZURE', AZURE_KEY, { createdAt: DAYS_386_AGO })] }),
    },
  ],
  invalid: [
    {
      name: 'S3:57 the AWS key in use is 311 days old, past the default 90 days',
      ctx: contextFor(review, { keys: [anEnabledKey('AWS', AWS_KEY, { createdAt: DAYS_311_AGO, src: keySrc(0) })] }),
      errors: [{ ruleId: 'kms/key-rotation-age', path: ['kms', 'keys', 0, 'createdAt'], message: /311 days ago, more than the 90-day/ }],
    },
    {
      name: 'S0:17 a 386-day-old key is past even the 365-day threshold',
      ctx: contextFor(review, { keys: [anEnabledKey('AWS', AWS_KEY, { createdAt: DAYS_386_AGO, src: keySrc(0) })], keyRotationDays: 365 }),
      errors: [{ ruleId: 'kms/key-rotation-age', path: ['kms', 'keys', 0, 'createdAt'], message: /386 days ago, more than the 365-day/ }],
    },
    {
      name: 'S3:57 each enabled provider’s old key warns once, the retired one not at all',
      ctx: contextFor(review, {
        project: awsAndAzureOn,
        keys: [
          anEnabledKey('AWS', RETIRED_AWS_KEY, { createdAt: DAYS_386_AGO, src: keySrc(0) }),
          anEnabledKey('AWS', AWS_KEY, { createdAt: DAYS_311_AGO, src: keySrc(1) }),
          anEnabledKey('AZURE', AZURE_KEY, { createdAt: DAYS_386_AGO, src: keySrc(2) }),
        ],
      }),
      errors: [
        { ruleId: 'kms/key-rotation-age', path: ['kms', 'keys', 1, 'createdAt'], message: `AWS KMS key ${AWS_KEY}` },
        { ruleId: 'kms/key-rotation-age', path: ['kms', 'keys', 2, 'createdAt'], message: /Azure Key Vault key .* 386 days ago/ },
      ],
    },
  ],
});
