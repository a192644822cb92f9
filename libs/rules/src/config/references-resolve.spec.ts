import { describe, expect, it } from 'vitest';
import rule from './references-resolve';
import { AWS_KEY, GCP_KEY, GROUP_ID, aCluster, aProject, aRestoreJob, aSnapshot, anEnabledKey, contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';
import type { ReviewConfigOp } from '../context';

const review: ReviewConfigOp = { kind: 'reviewConfig' };
const LEDGER_SNAPSHOT_ID = '6a793f6b2c88faeba59bae99';
const snapshotSrc = (i: number) => ({ base: ['snapshots', i], fields: { clusterName: ['cluster'] } });
const jobSrc = (i: number) => ({ base: ['restoreJobs', i], fields: { clusterName: ['cluster'] } });
const orders = aCluster({ encryptionAtRestProvider: 'AWS', src: { base: ['clusters', 0] } });
const ledger = aCluster({ name: 'ledger', src: { base: ['clusters', 1] } });

testRule(rule, {
  valid: [
    {
      name: 'D every reference resolves; targetClusterName is restore/target-available’s, not checked here',
      ctx: contextFor(review, {
        project: aProject({
          clusters: [orders],
          snapshots: [aSnapshot({ src: snapshotSrc(0) })],
          restoreJobs: [aRestoreJob({ targetClusterName: 'not-declared', src: jobSrc(0) })],
        }),
      }),
    },
    {
      name: 'S0:90 a snapshot of a cluster without customer keys has no key to declare',
      ctx: contextFor(review, {
        project: aProject({ clusters: [ledger], snapshots: [aSnapshot({ clusterName: 'ledger', encryptionKey: undefined })] }),
        keys: [],
      }),
    },
  ],
  invalid: [
    {
      name: 'D a snapshot of an undeclared cluster is CLUSTER_NOT_FOUND',
      ctx: contextFor(review, { project: aProject({ clusters: [orders], snapshots: [aSnapshot({ clusterName: 'ghost', src: snapshotSrc(0) })] }) }),
      errors: [{ ruleId: 'config/references-resolve', path: ['snapshots', 0, 'cluster'], parameters: ['ghost', GROUP_ID], message: /Snapshot .* cluster ghost/ }],
    },
    {
      name: 'D a restore job of an undeclared cluster is one CLUSTER_NOT_FOUND, its snapshot is not judged again',
      ctx: contextFor(review, {
        project: aProject({ clusters: [orders], snapshots: [aSnapshot()], restoreJobs: [aRestoreJob({ clusterName: 'ghost', src: jobSrc(0) })] }),
      }),
      errors: [{ ruleId: 'config/references-resolve', path: ['restoreJobs', 0, 'cluster'], parameters: ['ghost', GROUP_ID] }],
    },
    {
      name: 'D a restore job naming another cluster’s snapshot is SNAPSHOT_NOT_FOUND',
      ctx: contextFor(review, {
        project: aProject({
          clusters: [orders, ledger],
          snapshots: [aSnapshot(), aSnapshot({ id: LEDGER_SNAPSHOT_ID, clusterName: 'ledger', encryptionKey: undefined })],
          restoreJobs: [aRestoreJob({ snapshotId: LEDGER_SNAPSHOT_ID, src: jobSrc(0) })],
        }),
      }),
      errors: [
        {
          ruleId: 'config/references-resolve',
          path: ['restoreJobs', 0, 'snapshotId'],
          errorCode: 'SNAPSHOT_NOT_FOUND',
          httpStatus: 404,
          parameters: [LEDGER_SNAPSHOT_ID, 'orders'],
          message: `no snapshot with ID ${LEDGER_SNAPSHOT_ID} exists for cluster orders`,
        },
      ],
    },
    {
      name: 'S0:90 D a snapshot whose key kms.keys does not declare gets the provider’s not-found code',
      ctx: contextFor(review, {
        project: aProject({
          clusters: [orders],
          snapshots: [
            aSnapshot({ src: snapshotSrc(0) }),
            aSnapshot({ id: '6a793f6b2c88faeba59bae38', encryptionKey: { provider: 'GCP', keyId: GCP_KEY }, src: snapshotSrc(1) }),
          ],
        }),
        keys: [],
      }),
      errors: [
        {
          ruleId: 'config/references-resolve',
          path: ['snapshots', 0, 'encryptionKey'],
          errorCode: 'AWS_CUSTOMER_MASTER_KEY_NOT_FOUND',
          httpStatus: 404,
          parameters: [AWS_KEY],
          message: `AWS KMS key ${AWS_KEY}, which kms.keys does not declare`,
        },
        {
          ruleId: 'config/references-resolve',
          path: ['snapshots', 1, 'encryptionKey'],
          errorCode: 'GOOGLE_CLOUD_KMS_KEY_VERSION_NOT_FOUND',
          httpStatus: 400,
          parameters: [GCP_KEY],
        },
      ],
    },
  ],
});

describe('config/references-resolve related locations', () => {
  it('D a missing snapshot points back at the cluster it was looked up in', () => {
    const [finding] = rule.run(
      contextFor(review, {
        project: aProject({ clusters: [orders], snapshots: [], restoreJobs: [aRestoreJob({ src: jobSrc(0) })] }),
        keys: [anEnabledKey('AWS', AWS_KEY)],
      }),
    );
    expect(finding?.related?.map((r) => r.path)).toEqual([['clusters', 0, 'name']]);
  });
});
