import { defaultBackupSchedule } from '@mock-atlas/model';
import { describe, expect, it } from 'vitest';
import rule from './references-resolve';
import { AWS_KEY, GCP_KEY, GROUP_ID, aCluster, aProject, aRestoreJob, aSnapshot, anEnabledKey, contextFor } from '../testing/builders';
import { testRule } from '../testing/rule-tester';
import type { CreateRestoreJobOp, ReviewConfigOp } from '../context';

const review: ReviewConfigOp = { kind: 'reviewConfig' };
const LEDGER_SNAPSHOT_ID = '6a793f6b2c88faeba59bae99';
const snapshotSrc = (i: number) => ({ base: ['snapshots', i], fields: { clusterName: ['cluster'] } });
const jobSrc = (i: number) => ({ base: ['restoreJobs', i], fields: { clusterName: ['cluster'] } });
const scheduleSrc = (i: number) => ({ base: ['backupSchedules', i], fields: { clusterName: ['cluster'] } });
const orders = aCluster({ encryptionAtRestProvider: 'AWS', src: { base: ['clusters', 0] } });
const ledger = aCluster({ name: 'ledger', cloudBackupEnabled: false, src: { base: ['clusters', 1] } });
const restore = (job: CreateRestoreJobOp['job'], found: Omit<CreateRestoreJobOp, 'kind' | 'job'> = {}): CreateRestoreJobOp => ({
  kind: 'createRestoreJob',
  job,
  ...found,
});
const schedule = (clusterName: string) => ({ kind: 'updateBackupSchedule' as const, schedule: { ...defaultBackupSchedule(clusterName), src: scheduleSrc(0) } });

testRule(rule, {
  valid: [
    {
      name: 'D every snapshot fixture resolves; restore jobs are judged per request, not in the review',
      ctx: contextFor(review, {
        project: aProject({
          clusters: [orders],
          snapshots: [aSnapshot({ src: snapshotSrc(0) })],
          restoreJobs: [aRestoreJob({ clusterName: 'ghost', targetClusterName: 'not-declared', src: jobSrc(0) })],
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
    {
      name: 'D a restore job whose cluster and snapshot were found; targetClusterName is restore/target-available’s',
      ctx: contextFor(restore(aRestoreJob({ targetClusterName: 'not-declared' }), { sourceCluster: orders, snapshot: aSnapshot() }), {
        project: aProject({ clusters: [orders] }),
      }),
    },
    {
      name: 'spec a pointInTime job names no snapshot, so none is looked up',
      ctx: contextFor(restore(aRestoreJob({ deliveryType: 'pointInTime', snapshotId: undefined, pointInTimeUTCSeconds: 1_772_344_800 }), { sourceCluster: orders }), {
        project: aProject({ clusters: [orders] }),
      }),
    },
    {
      name: 'D a new cluster whose name is free',
      ctx: contextFor({ kind: 'createCluster', cluster: ledger }, { project: aProject({ clusters: [orders] }) }),
    },
    {
      name: 'S0:95 a schedule of a cluster with Cloud Backup',
      ctx: contextFor(schedule('orders'), { project: aProject({ clusters: [orders] }) }),
    },
    {
      name: 'D a schedule of a cluster the file declares but whose create was refused: that refusal is the finding',
      ctx: contextFor({ ...schedule('ledger'), clusterRefused: true }, { project: aProject({ clusters: [orders] }) }),
    },
    {
      name: 'D a restore job of a cluster the file declares but whose create was refused: neither it nor its snapshot is looked up',
      ctx: contextFor(restore(aRestoreJob({ clusterName: 'ledger', snapshotId: LEDGER_SNAPSHOT_ID, src: jobSrc(0) }), { sourceRefused: true }), {
        project: aProject({ clusters: [orders], snapshots: [aSnapshot()] }),
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
      name: 'D a restore job of an unknown cluster is one CLUSTER_NOT_FOUND, its snapshot is not looked up',
      ctx: contextFor(restore(aRestoreJob({ clusterName: 'ghost', src: jobSrc(0) })), { project: aProject({ clusters: [orders], snapshots: [aSnapshot()] }) }),
      errors: [{ ruleId: 'config/references-resolve', path: ['restoreJobs', 0, 'cluster'], errorCode: 'CLUSTER_NOT_FOUND', httpStatus: 404, parameters: ['ghost', GROUP_ID] }],
    },
    {
      name: 'D a restore job naming no snapshot of its cluster (another cluster’s) is SNAPSHOT_NOT_FOUND',
      ctx: contextFor(restore(aRestoreJob({ snapshotId: LEDGER_SNAPSHOT_ID, src: jobSrc(0) }), { sourceCluster: orders }), {
        project: aProject({
          clusters: [orders, ledger],
          snapshots: [aSnapshot(), aSnapshot({ id: LEDGER_SNAPSHOT_ID, clusterName: 'ledger', encryptionKey: undefined })],
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
    {
      name: 'D a second cluster with a taken name is 400 DUPLICATE_CLUSTER_NAME at its name',
      ctx: contextFor({ kind: 'createCluster', cluster: aCluster({ src: { base: ['clusters', 1] } }) }, { project: aProject({ clusters: [orders] }) }),
      errors: [
        {
          ruleId: 'config/references-resolve',
          path: ['clusters', 1, 'name'],
          errorCode: 'DUPLICATE_CLUSTER_NAME',
          httpStatus: 400,
          parameters: ['orders', GROUP_ID],
          message: /A cluster named orders is already present/,
        },
      ],
    },
    {
      name: 'D a schedule of an unknown cluster is CLUSTER_NOT_FOUND',
      ctx: contextFor(schedule('ghost'), { project: aProject({ clusters: [orders] }) }),
      errors: [{ ruleId: 'config/references-resolve', path: ['backupSchedules', 0, 'cluster'], errorCode: 'CLUSTER_NOT_FOUND', httpStatus: 404, parameters: ['ghost', GROUP_ID] }],
    },
    {
      name: 'D a schedule of a cluster without Cloud Backup is BACKUP_CONFIG_NOT_FOUND',
      ctx: contextFor(schedule('ledger'), { project: aProject({ clusters: [orders, ledger] }) }),
      errors: [
        {
          ruleId: 'config/references-resolve',
          path: ['backupSchedules', 0, 'cluster'],
          errorCode: 'BACKUP_CONFIG_NOT_FOUND',
          httpStatus: 404,
          parameters: ['ledger'],
          message: /cluster ledger, which does not use Cloud Backup/,
        },
      ],
    },
  ],
});

describe('config/references-resolve related locations', () => {
  it('D a missing snapshot points back at the cluster it was looked up in', () => {
    const [finding] = rule.run(
      contextFor(restore(aRestoreJob({ src: jobSrc(0) }), { sourceCluster: orders }), {
        project: aProject({ clusters: [orders], snapshots: [] }),
        keys: [anEnabledKey('AWS', AWS_KEY)],
      }),
    );
    expect(finding?.related?.map((r) => r.path)).toEqual([['clusters', 0, 'name']]);
  });

  it('D a duplicate name points back at the cluster that took it', () => {
    const [finding] = rule.run(contextFor({ kind: 'createCluster', cluster: aCluster({ src: { base: ['clusters', 1] } }) }, { project: aProject({ clusters: [orders] }) }));
    expect(finding?.related?.map((r) => r.path)).toEqual([['clusters', 0, 'name']]);
  });
});

describe('config/references-resolve on a list that grows between checks (the config replay)', () => {
  const create = (clusters: readonly ReturnType<typeof aCluster>[], name: string, at: number) =>
    rule.run(contextFor({ kind: 'createCluster', cluster: aCluster({ name, src: { base: ['clusters', at] } }) }, { project: aProject({ clusters }) }));

  it('D sees clusters appended after an earlier check, and answers the first of a name', () => {
    const accepted: ReturnType<typeof aCluster>[] = [];
    const names = ['a', 'b', 'a', 'c', 'b', 'd'];
    const duplicates: string[] = [];
    names.forEach((name, i) => {
      const findings = create(accepted, name, i);
      if (findings.length > 0) duplicates.push(`${name} first at ${JSON.stringify(findings[0]?.related?.[0]?.path)}`);
      else accepted.push(aCluster({ name, src: { base: ['clusters', i] } }));
    });
    expect(duplicates).toEqual(['a first at ["clusters",0,"name"]', 'b first at ["clusters",1,"name"]']);
    expect(accepted.map((c) => c.name)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('D a list that got shorter is looked at afresh', () => {
    const clusters = [aCluster({ name: 'a' }), aCluster({ name: 'b' })];
    expect(create(clusters, 'b', 2)).toHaveLength(1);
    clusters.pop();
    expect(create(clusters, 'b', 1)).toEqual([]);
    clusters.push(aCluster({ name: 'c' }));
    expect(create(clusters, 'b', 2)).toEqual([]);
  });
});
