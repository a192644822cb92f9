import { describe, expect, it } from 'vitest';
import rule from './key-valid';
import { AWS_KEY, AZURE_KEY, GCP_KEY, aCluster, aRestoreJob, aSnapshot, anEnabledKey, contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const OLD_AWS_KEY = '1a2b3c4d-0000-4000-8000-old0aws0key0';
const pitJob = aRestoreJob({ deliveryType: 'pointInTime', snapshotId: undefined, pointInTimeUTCSeconds: 1_764_000_000 });
const cmkSource = aCluster({ encryptionAtRestProvider: 'AWS', pitEnabled: true });
const snapshotSrc = { base: ['snapshots', 0], fields: { encryptionKey: ['encryptionKey'] } };

testRule(rule, {
  valid: [
    {
      name: 'S0:90 restoring a snapshot whose AWS key is still enabled',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob(), snapshot: aSnapshot() }),
    },
    {
      name: 'S0:90 a snapshot taken without customer keys needs no key',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob(), snapshot: aSnapshot({ encryptionKey: undefined }) }, { keys: [] }),
    },
    {
      name: 'S0:93 a key the linter has not seen is unknown, not invalid',
      ctx: contextFor(
        { kind: 'createRestoreJob', job: aRestoreJob(), snapshot: aSnapshot({ encryptionKey: { provider: 'AWS', keyId: OLD_AWS_KEY } }) },
        { unseenKeys: 'unknown' },
      ),
    },
    {
      name: 'S0:91 a point-in-time restore while the source cluster’s current key is enabled',
      ctx: contextFor({ kind: 'createRestoreJob', job: pitJob, sourceCluster: cmkSource }),
    },
  ],
  invalid: [
    {
      name: 'S0:93 the AWS key of the snapshot has been disabled',
      ctx: contextFor(
        { kind: 'createRestoreJob', job: aRestoreJob({ src: { base: ['restoreJobs', 0] } }), snapshot: aSnapshot({ src: snapshotSrc }) },
        { keys: [anEnabledKey('AWS', AWS_KEY, { state: 'DISABLED' })] },
      ),
      errors: [
        {
          ruleId: 'restore/key-valid',
          path: ['restoreJobs', 0, 'snapshotId'],
          errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED',
          httpStatus: 400,
          message: `AWS KMS key ${AWS_KEY} is disabled`,
          parameters: [AWS_KEY],
        },
      ],
    },
    {
      name: 'S0:90 the key active when the snapshot was taken counts, not the current one',
      ctx: contextFor(
        { kind: 'createRestoreJob', job: aRestoreJob(), snapshot: aSnapshot({ encryptionKey: { provider: 'AWS', keyId: OLD_AWS_KEY } }) },
        { keys: [anEnabledKey('AWS', AWS_KEY), anEnabledKey('AWS', OLD_AWS_KEY, { state: 'PENDING_DELETION' })] },
      ),
      errors: [
        {
          ruleId: 'restore/key-valid',
          path: ['snapshotId'],
          errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_PENDING_DELETION',
          httpStatus: 400,
          message: `${OLD_AWS_KEY} is pending deletion`,
        },
      ],
    },
    {
      name: 'S0:93 the Azure key of the snapshot has been deleted',
      ctx: contextFor(
        { kind: 'createRestoreJob', job: aRestoreJob(), snapshot: aSnapshot({ encryptionKey: { provider: 'AZURE', keyId: AZURE_KEY } }) },
        { keys: [anEnabledKey('AZURE', AZURE_KEY, { state: 'DELETED' })] },
      ),
      errors: [
        {
          ruleId: 'restore/key-valid',
          path: ['snapshotId'],
          errorCode: 'AZURE_KEY_VAULT_KEY_NOT_ACTIVE',
          httpStatus: 400,
          message: /Azure Key Vault key .* has been deleted/,
        },
      ],
    },
    {
      name: 'S0:93 the strict mock has never seen the AWS key: 404',
      ctx: contextFor(
        { kind: 'createRestoreJob', job: aRestoreJob(), snapshot: aSnapshot({ encryptionKey: { provider: 'AWS', keyId: OLD_AWS_KEY } }) },
        { unseenKeys: 'not-found' },
      ),
      errors: [{ ruleId: 'restore/key-valid', path: ['snapshotId'], errorCode: 'AWS_CUSTOMER_MASTER_KEY_NOT_FOUND', httpStatus: 404, message: /does not exist/ }],
    },
    {
      name: 'S0:93 invalid GCP credentials are reported before the key state',
      ctx: contextFor(
        { kind: 'createRestoreJob', job: aRestoreJob(), snapshot: aSnapshot({ encryptionKey: { provider: 'GCP', keyId: GCP_KEY } }) },
        { credentials: { GCP: false } },
      ),
      errors: [
        {
          ruleId: 'restore/key-valid',
          path: ['snapshotId'],
          errorCode: 'INVALID_GOOGLE_CLOUD_CREDENTIALS',
          httpStatus: 400,
          message: /cannot be reached with the configured credentials/,
        },
      ],
    },
    {
      name: 'S0:91 a point-in-time restore whose oplog key (the current AWS key) is disabled',
      ctx: contextFor({ kind: 'createRestoreJob', job: pitJob, sourceCluster: cmkSource }, { keys: [anEnabledKey('AWS', AWS_KEY, { state: 'DISABLED' })] }),
      errors: [
        {
          ruleId: 'restore/key-valid',
          path: ['deliveryType'],
          errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED',
          message: /point-in-time oplog of cluster orders/,
        },
      ],
    },
  ],
});

describe('restore/key-valid related location', () => {
  it('S0:90 points at the key the snapshot recorded', () => {
    const [finding] = rule.run(
      contextFor(
        { kind: 'createRestoreJob', job: aRestoreJob(), snapshot: aSnapshot({ src: snapshotSrc }) },
        { keys: [anEnabledKey('AWS', AWS_KEY, { state: 'DISABLED' })] },
      ),
    );
    expect(finding?.related?.map((r) => r.path)).toEqual([['snapshots', 0, 'encryptionKey']]);
  });

  it('S0:91 points at the project’s current key for a point-in-time restore', () => {
    const [finding] = rule.run(
      contextFor({ kind: 'createRestoreJob', job: pitJob, sourceCluster: cmkSource }, { keys: [anEnabledKey('AWS', AWS_KEY, { state: 'DELETED' })] }),
    );
    expect(finding?.related?.map((r) => r.path)).toEqual([['awsKms', 'customerMasterKeyID']]);
  });
});
