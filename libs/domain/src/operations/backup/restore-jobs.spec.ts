import { describe, expect, it } from 'vitest';
import { emptyProject, type Snapshot } from '@mock-atlas/model';
import { advanceClock } from '../clock';
import type { MockState } from '../../state/mock-state';
import { cancelRestoreJob, createRestoreJob, getRestoreJob, listRestoreJobs } from './restore-jobs';
import { AWS_KEY, GROUP, NOW, OTHER_GROUP, STEP_MS, at, awsProvider, cluster, ctx, ok, paymentsProject, paymentsState, withCluster } from './testing/fixtures';

const CMK_SNAPSHOT = '6a793f6b2c88faeba59bae37';
const PLAIN_SNAPSHOT = '6a793f6b2c88faeba59bae38';

const snapshots: Snapshot[] = [
  { id: CMK_SNAPSHOT, clusterName: 'orders', createdAt: '2026-11-01T06:00:00Z', status: 'completed', snapshotType: 'scheduled', encryptionKey: { provider: 'AWS', keyId: AWS_KEY } },
  { id: PLAIN_SNAPSHOT, clusterName: 'plain', createdAt: '2026-11-01T06:00:00Z', status: 'completed', snapshotType: 'scheduled' },
];

function state(): MockState {
  return paymentsState(paymentsProject({ snapshots }));
}

function automated(target = 'orders-copy', groupId = GROUP) {
  return { deliveryType: 'automated', snapshotId: CMK_SNAPSHOT, targetClusterName: target, targetGroupId: groupId };
}

function withKeyState(s: MockState, keyState: 'DISABLED' | 'PENDING_DELETION'): MockState {
  return { ...s, kmsKeys: s.kmsKeys.map((k) => (k.keyId === AWS_KEY ? { ...k, state: keyState } : k)) };
}

describe('createRestoreJob', () => {
  it('README §9 creates an automated job: id, createdAt, its target, cancelled/expired/failed false', () => {
    const { value } = ok(createRestoreJob(state(), GROUP, 'orders', automated(), ctx));
    expect(value.job).toMatchObject({
      clusterName: 'orders',
      snapshotId: CMK_SNAPSHOT,
      deliveryType: 'automated',
      targetClusterName: 'orders-copy',
      targetGroupId: GROUP,
      createdAt: NOW,
      cancelled: false,
      expired: false,
      failed: false,
    });
    expect(value.job.id).toMatch(/^[a-f0-9]{24}$/);
    expect(value.job.finishedAt).toBeUndefined();
    expect(value.snapshot?.id).toBe(CMK_SNAPSHOT);
  });

  it('issue 4 item 3 completes on the clock after two backup steps, and marks the target as restored from the snapshot', () => {
    const created = ok(createRestoreJob(state(), GROUP, 'orders', automated(), ctx));
    const id = created.value.job.id!;
    const before = advanceClock(created.state, at(2 * STEP_MS - 1));
    expect(before.projects[GROUP]!.restoreJobs[0]!.finishedAt).toBeUndefined();
    const after = advanceClock(created.state, at(2 * STEP_MS));
    const finishedAt = new Date(Date.parse(NOW) + 2 * STEP_MS).toISOString();
    expect(after.projects[GROUP]!.restoreJobs[0]).toMatchObject({ id, finishedAt, failed: false });
    const target = after.projects[GROUP]!.clusters.find((c) => c.name === 'orders-copy');
    expect(target?.restoredFrom).toEqual({ snapshotId: CMK_SNAPSHOT, restoreJobId: id, sourceClusterName: 'orders', at: finishedAt });
  });

  it('restores into a cluster of another project named by targetGroupId, and marks that cluster', () => {
    const other = { ...emptyProject(OTHER_GROUP, 'analytics'), encryptionAtRest: { providers: { ...emptyProject(OTHER_GROUP, 'x').encryptionAtRest.providers, AWS: awsProvider() } } };
    const s = paymentsState(paymentsProject({ snapshots }), { ...other, clusters: [cluster('warehouse', { encryptionAtRestProvider: 'AWS' })] });
    const created = ok(createRestoreJob(s, GROUP, 'orders', automated('warehouse', OTHER_GROUP), ctx));
    const after = advanceClock(created.state, at(2 * STEP_MS));
    expect(after.projects[OTHER_GROUP]!.clusters[0]!.restoredFrom?.restoreJobId).toBe(created.value.job.id);
    expect(after.projects[GROUP]!.restoreJobs[0]!.finishedAt).toBeDefined();
  });

  it('README §9 a download job leaves the target out, even when one is sent', () => {
    const { value } = ok(
      createRestoreJob(state(), GROUP, 'plain', { deliveryType: 'download', snapshotId: PLAIN_SNAPSHOT, targetClusterName: 'orders', targetGroupId: GROUP }, ctx),
    );
    expect(value.job.deliveryType).toBe('download');
    expect(value.job).not.toHaveProperty('targetClusterName');
    expect(value.job).not.toHaveProperty('targetGroupId');
  });

  it('D refuses to download a CMK-encrypted snapshot (400 CANNOT_DOWNLOAD_SNAPSHOT_WITH_ENCRYPTION)', () => {
    const result = createRestoreJob(state(), GROUP, 'orders', { deliveryType: 'download', snapshotId: CMK_SNAPSHOT }, ctx);
    expect(result.ok || result.error).toMatchObject({ ruleId: 'restore/no-download-with-cmk', errorCode: 'CANNOT_DOWNLOAD_SNAPSHOT_WITH_ENCRYPTION', httpStatus: 400 });
  });

  it('S0:90-93 refuses a snapshot whose recorded key was disabled, with the key-state code naming the key', () => {
    const result = createRestoreJob(withKeyState(state(), 'DISABLED'), GROUP, 'orders', automated(), ctx);
    expect(result.ok || result.error).toMatchObject({
      ruleId: 'restore/key-valid',
      errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED',
      httpStatus: 400,
      parameters: [AWS_KEY],
    });
    const pending = createRestoreJob(withKeyState(state(), 'PENDING_DELETION'), GROUP, 'orders', automated(), ctx);
    expect(pending.ok || pending.error).toMatchObject({ errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_PENDING_DELETION' });
  });

  it('S0:90 judges the key recorded on the snapshot, not the project’s current key', () => {
    const project = paymentsProject({ snapshots });
    const rotated = { ...project, encryptionAtRest: { providers: { ...project.encryptionAtRest.providers, AWS: awsProvider('4b1d2c3e-0f9a-4e8b-b7c6-d5e4f3a2b1c0') } } };
    expect(createRestoreJob(paymentsState(rotated), GROUP, 'orders', automated(), ctx).ok).toBe(true);
    const result = createRestoreJob(withKeyState(paymentsState(rotated), 'DISABLED'), GROUP, 'orders', automated(), ctx);
    expect(result.ok || result.error).toMatchObject({ errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED', parameters: [AWS_KEY] });
  });

  it('D refuses a CMK snapshot into a cluster with other encryption (400 INVALID_SNAPSHOT_RESTORE_ENCRYPTION)', () => {
    const result = createRestoreJob(state(), GROUP, 'orders', automated('plain'), ctx);
    expect(result.ok || result.error).toMatchObject({ ruleId: 'restore/target-encryption-matches', errorCode: 'INVALID_SNAPSHOT_RESTORE_ENCRYPTION', httpStatus: 400 });
  });

  it('S0:65, D refuses a missing (404), paused (400) or disabled (409) target', () => {
    const missing = createRestoreJob(state(), GROUP, 'orders', automated('ghost'), ctx);
    expect(missing.ok || missing.error).toMatchObject({ errorCode: 'CLUSTER_NOT_FOUND', httpStatus: 404, parameters: ['ghost', GROUP] });
    const paused = createRestoreJob(withCluster(state(), GROUP, 'orders-copy', { paused: true }), GROUP, 'orders', automated(), ctx);
    expect(paused.ok || paused.error).toMatchObject({ errorCode: 'CLUSTER_PAUSED_CANNOT_RESTORE', httpStatus: 400 });
    const disabled = withCluster(state(), GROUP, 'orders-copy', { disabled: { reason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID', since: NOW } });
    const refusedDisabled = createRestoreJob(disabled, GROUP, 'orders', automated(), ctx);
    expect(refusedDisabled.ok || refusedDisabled.error).toMatchObject({ errorCode: 'ENCRYPTION_AT_REST_SETTINGS_INVALID', httpStatus: 409 });
  });

  it('spec needs deliveryType (schema), targets for automated, a time for pointInTime, and a snapshot for automated', () => {
    const noType = createRestoreJob(state(), GROUP, 'orders', { snapshotId: CMK_SNAPSHOT }, ctx);
    expect(noType.ok || noType.error).toMatchObject({ errorCode: 'MISSING_ATTRIBUTE', httpStatus: 400 });
    const noTarget = createRestoreJob(state(), GROUP, 'orders', { deliveryType: 'automated', snapshotId: CMK_SNAPSHOT }, ctx);
    expect(noTarget.ok || noTarget.error).toMatchObject({ ruleId: 'restore/required-fields', errorCode: 'MISSING_ATTRIBUTE', parameters: ['targetClusterName'] });
    const noTime = createRestoreJob(state(), GROUP, 'orders', { deliveryType: 'pointInTime', targetClusterName: 'orders-copy', targetGroupId: GROUP }, ctx);
    expect(noTime.ok || noTime.error).toMatchObject({ errorCode: 'MISSING_ATTRIBUTE', parameters: ['pointInTimeUTCSeconds'] });
    const noSnapshot = createRestoreJob(state(), GROUP, 'orders', { deliveryType: 'automated', targetClusterName: 'orders-copy', targetGroupId: GROUP }, ctx);
    expect(noSnapshot.ok || noSnapshot.error).toMatchObject({ errorCode: 'MISSING_ATTRIBUTE', parameters: ['snapshotId'] });
  });

  it('spec a pointInTime restore needs no snapshot, and marks the target without one', () => {
    const body = { deliveryType: 'pointInTime', pointInTimeUTCSeconds: 1_790_000_000, targetClusterName: 'orders-copy', targetGroupId: GROUP };
    const created = ok(createRestoreJob(state(), GROUP, 'orders', body, ctx));
    const after = advanceClock(created.state, at(2 * STEP_MS));
    expect(after.projects[GROUP]!.clusters.find((c) => c.name === 'orders-copy')?.restoredFrom).toMatchObject({ restoreJobId: created.value.job.id, sourceClusterName: 'orders' });
  });

  it('D answers SNAPSHOT_NOT_FOUND for a snapshot the cluster does not have', () => {
    const result = createRestoreJob(state(), GROUP, 'plain', { ...automated(), snapshotId: CMK_SNAPSHOT }, ctx);
    expect(result.ok || result.error).toMatchObject({ errorCode: 'SNAPSHOT_NOT_FOUND', httpStatus: 404, parameters: [CMK_SNAPSHOT, 'plain'] });
  });

  it('D refuses an incomplete snapshot (409) and a second restore into a target being restored (409)', () => {
    const queued = paymentsState(paymentsProject({ snapshots: [{ ...snapshots[0]!, status: 'inProgress' }] }));
    const incomplete = createRestoreJob(queued, GROUP, 'orders', automated(), ctx);
    expect(incomplete.ok || incomplete.error).toMatchObject({ errorCode: 'CANNOT_START_RESTORE_JOB_FOR_INCOMPLETE_CLUSTER_SNAPSHOT', httpStatus: 409 });

    const first = ok(createRestoreJob(state(), GROUP, 'orders', automated(), ctx));
    const second = createRestoreJob(first.state, GROUP, 'orders', automated(), ctx);
    expect(second.ok || second.error).toMatchObject({ errorCode: 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS', httpStatus: 409, parameters: ['orders-copy'] });
    expect(createRestoreJob(advanceClock(first.state, at(2 * STEP_MS)), GROUP, 'orders', automated(), at(2 * STEP_MS)).ok).toBe(true);
  });
});

describe('listRestoreJobs / getRestoreJob / cancelRestoreJob', () => {
  it('lists the cluster’s jobs (not a config file’s planned ones, which have no id) and gets one', () => {
    const planned = { clusterName: 'orders', snapshotId: CMK_SNAPSHOT, deliveryType: 'automated', targetClusterName: 'orders-copy', targetGroupId: GROUP };
    const s = paymentsState(paymentsProject({ snapshots, restoreJobs: [planned] }));
    const created = ok(createRestoreJob(s, GROUP, 'orders', automated(), ctx));
    // The planned job targets orders-copy too, and does not count as a restore in progress.
    const listed = ok(listRestoreJobs(created.state, GROUP, 'orders')).value;
    expect(listed.map((v) => v.job.id)).toEqual([created.value.job.id]);
    expect(ok(getRestoreJob(created.state, GROUP, 'orders', created.value.job.id!)).value.job.deliveryType).toBe('automated');
    const unknown = getRestoreJob(created.state, GROUP, 'orders', 'aaaaaaaaaaaaaaaaaaaaaaaa');
    expect(unknown.ok || unknown.error).toMatchObject({ errorCode: 'RESTORE_JOB_NOT_FOUND', httpStatus: 404 });
  });

  it('D refuses to cancel an automated restore (400 CANNOT_CANCEL_AUTOMATED_RESTORE)', () => {
    const created = ok(createRestoreJob(state(), GROUP, 'orders', automated(), ctx));
    const result = cancelRestoreJob(created.state, GROUP, 'orders', created.value.job.id!, ctx);
    expect(result.ok || result.error).toMatchObject({ errorCode: 'CANNOT_CANCEL_AUTOMATED_RESTORE', httpStatus: 400, parameters: [created.value.job.id] });
  });

  it('cancels a download job: cancelled, and it never completes', () => {
    const created = ok(createRestoreJob(state(), GROUP, 'plain', { deliveryType: 'download', snapshotId: PLAIN_SNAPSHOT }, ctx));
    const cancelled = ok(cancelRestoreJob(created.state, GROUP, 'plain', created.value.job.id!, ctx));
    expect(cancelled.value.cancelled).toBe(true);
    const later = advanceClock(cancelled.state, at(10 * STEP_MS));
    expect(later.projects[GROUP]!.restoreJobs[0]).toMatchObject({ cancelled: true });
    expect(later.projects[GROUP]!.restoreJobs[0]!.finishedAt).toBeUndefined();
  });
});
