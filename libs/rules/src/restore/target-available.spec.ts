import rule from './target-available';
import { GROUP_ID, aCluster, aRestoreJob, contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';

const target = aCluster({ name: 'orders-copy' });
const disabled = { reason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID', since: '2026-11-20T00:15:00Z' } as const;

testRule(rule, {
  valid: [
    {
      name: 'D a target in a project the checker cannot see (the linter reads one file) is not called missing',
      ctx: contextFor({
        kind: 'createRestoreJob',
        job: aRestoreJob({ targetGroupId: '6a793f6b2c88faeba59bae99' }),
        targetOutOfView: true,
      }),
    },
    {
      name: 'D a target the config file declares but whose create was refused is not called missing again',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob({ targetClusterName: 'orders-copy' }), targetRefused: true }),
    },
    {
      name: 'D an automated restore into a running cluster',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob(), target }),
    },
    {
      name: 'D a download restore has no target to look up',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob({ deliveryType: 'download', targetClusterName: undefined, targetGroupId: undefined }) }),
    },
  ],
  invalid: [
    {
      name: 'D the target cluster does not exist: 404 CLUSTER_NOT_FOUND',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob({ targetClusterName: 'orders-cpy', src: { base: ['restoreJobs', 0] } }) }),
      errors: [
        {
          ruleId: 'restore/target-available',
          path: ['restoreJobs', 0, 'targetClusterName'],
          message: `No cluster named orders-cpy exists in group ${GROUP_ID}.`,
          parameters: ['orders-cpy', GROUP_ID],
        },
      ],
    },
    {
      name: 'D a paused target: 400 CLUSTER_PAUSED_CANNOT_RESTORE',
      ctx: contextFor({ kind: 'createRestoreJob', job: aRestoreJob(), target: aCluster({ name: 'orders-copy', paused: true }) }),
      errors: [
        {
          ruleId: 'restore/target-available',
          path: ['targetClusterName'],
          errorCode: 'CLUSTER_PAUSED_CANNOT_RESTORE',
          httpStatus: 400,
          message: /paused/,
          parameters: ['orders-copy'],
        },
      ],
    },
    {
      name: 'S0:65 a pointInTime restore into a cluster disabled by an invalid key: 409',
      ctx: contextFor({
        kind: 'createRestoreJob',
        job: aRestoreJob({ deliveryType: 'pointInTime', snapshotId: undefined, pointInTimeUTCSeconds: 1_764_000_000 }),
        target: aCluster({ name: 'orders-copy', encryptionAtRestProvider: 'AWS', disabled }),
      }),
      errors: [
        {
          ruleId: 'restore/target-available',
          path: ['targetClusterName'],
          errorCode: 'ENCRYPTION_AT_REST_SETTINGS_INVALID',
          httpStatus: 409,
          message: /disabled/,
        },
      ],
    },
  ],
});
