import { describe, expect, it } from 'vitest';
import { advanceClock } from '../clock';
import { deleteSnapshot, getSnapshot, listSnapshots, takeSnapshot, updateSnapshotRetention } from './snapshots';
import { AWS_KEY, AWS_KEY_2, GROUP, NOW, STEP_MS, at, awsProvider, ctx, ok, paymentsState, withCluster } from './testing/fixtures';
import { masterKeyUuidOf } from '../../mappers/snapshot';
import type { MockState } from '../../state/mock-state';

function statusAfter(state: MockState, snapshotId: string, ms: number): string | undefined {
  const later = advanceClock(state, at(ms));
  return later.projects[GROUP]!.snapshots.find((s) => s.id === snapshotId)?.status;
}

function rotateTo(state: MockState, keyId: string): MockState {
  const project = state.projects[GROUP]!;
  const providers = { ...project.encryptionAtRest.providers, AWS: awsProvider(keyId) };
  return { ...state, projects: { ...state.projects, [GROUP]: { ...project, encryptionAtRest: { providers } } } };
}

describe('takeSnapshot', () => {
  it('README §9 takes an on-demand snapshot: queued, onDemand, expiresAt = now + retentionInDays', () => {
    const { value } = ok(takeSnapshot(paymentsState(), GROUP, 'plain', { description: 'before migration', retentionInDays: 3 }, ctx));
    expect(value.snapshot).toMatchObject({
      clusterName: 'plain',
      createdAt: NOW,
      status: 'queued',
      snapshotType: 'onDemand',
      description: 'before migration',
      expiresAt: '2026-11-25T12:00:00.000Z',
    });
    expect(value.snapshot.id).toMatch(/^[a-f0-9]{24}$/);
    expect(value.snapshot.encryptionKey).toBeUndefined();
  });

  it('issue 4 item 2 progresses queued → inProgress → completed, one backup step each, on the clock', () => {
    const { state, value } = ok(takeSnapshot(paymentsState(), GROUP, 'plain', {}, ctx));
    expect(statusAfter(state, value.snapshot.id, STEP_MS - 1)).toBe('queued');
    expect(statusAfter(state, value.snapshot.id, STEP_MS)).toBe('inProgress');
    expect(statusAfter(state, value.snapshot.id, 2 * STEP_MS)).toBe('completed');
  });

  it('S0:87-90 records the provider, key id and masterKeyUUID active when taken; later key changes do not alter it', () => {
    const first = ok(takeSnapshot(paymentsState(), GROUP, 'orders', {}, ctx));
    expect(first.value.snapshot.encryptionKey).toEqual({ provider: 'AWS', keyId: AWS_KEY, masterKeyUUID: masterKeyUuidOf({ provider: 'AWS', keyId: AWS_KEY }) });

    const rotated = advanceClock(rotateTo(first.state, AWS_KEY_2), at(2 * STEP_MS));
    const second = ok(takeSnapshot(rotated, GROUP, 'orders', {}, at(2 * STEP_MS)));
    const snapshots = second.state.projects[GROUP]!.snapshots;
    expect(snapshots.find((s) => s.id === first.value.snapshot.id)?.encryptionKey?.keyId).toBe(AWS_KEY);
    expect(second.value.snapshot.encryptionKey?.keyId).toBe(AWS_KEY_2);
    expect(second.value.snapshot.encryptionKey?.masterKeyUUID).not.toBe(first.value.snapshot.encryptionKey?.masterKeyUUID);
  });

  it('D refuses a second on-demand snapshot while one is queued or in progress (400 UNFINISHED_ON_DEMAND_SNAPSHOT)', () => {
    const { state } = ok(takeSnapshot(paymentsState(), GROUP, 'plain', {}, ctx));
    const again = takeSnapshot(state, GROUP, 'plain', {}, ctx);
    expect(again.ok || again.error).toMatchObject({ errorCode: 'UNFINISHED_ON_DEMAND_SNAPSHOT', httpStatus: 400, parameters: ['plain'] });
    const inProgress = advanceClock(state, at(STEP_MS));
    expect(takeSnapshot(inProgress, GROUP, 'plain', {}, at(STEP_MS)).ok).toBe(false);
    const done = advanceClock(state, at(2 * STEP_MS));
    expect(takeSnapshot(done, GROUP, 'plain', {}, at(2 * STEP_MS)).ok).toBe(true);
  });

  it('S0:63-65 refuses a snapshot of a cluster disabled by an invalid key (409, cluster/disabled-accepts-updates)', () => {
    const state = withCluster(paymentsState(), GROUP, 'orders', { disabled: { reason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID', since: NOW } });
    const result = takeSnapshot(state, GROUP, 'orders', {}, ctx);
    expect(result.ok || result.error).toMatchObject({ ruleId: 'cluster/disabled-accepts-updates', errorCode: 'ENCRYPTION_AT_REST_SETTINGS_INVALID', httpStatus: 409 });
  });

  it('decision: a cluster without Cloud Backup (none, or legacy) has no backup configuration (404 BACKUP_CONFIG_NOT_FOUND)', () => {
    for (const name of ['nobackup', 'legacy']) {
      const result = takeSnapshot(paymentsState(), GROUP, name, {}, ctx);
      expect(result.ok || result.error).toMatchObject({ errorCode: 'BACKUP_CONFIG_NOT_FOUND', httpStatus: 404, parameters: [name] });
    }
  });

  it('README §5.2 answers CLUSTER_NOT_FOUND for an unknown cluster and GROUP_NOT_FOUND for an unknown project', () => {
    const cluster = takeSnapshot(paymentsState(), GROUP, 'ghost', {}, ctx);
    expect(cluster.ok || cluster.error).toMatchObject({ errorCode: 'CLUSTER_NOT_FOUND', httpStatus: 404, parameters: ['ghost', GROUP] });
    const group = takeSnapshot(paymentsState(), 'aaaaaaaaaaaaaaaaaaaaaaaa', 'orders', {}, ctx);
    expect(group.ok || group.error).toMatchObject({ errorCode: 'GROUP_NOT_FOUND', httpStatus: 404 });
  });

  it('spec refuses a body the schema rejects (retentionInDays below 1, unknown field)', () => {
    expect(takeSnapshot(paymentsState(), GROUP, 'plain', { retentionInDays: 0 }, ctx).ok).toBe(false);
    const unknown = takeSnapshot(paymentsState(), GROUP, 'plain', { retention: 3 }, ctx);
    expect(unknown.ok || unknown.error).toMatchObject({ errorCode: 'INVALID_ATTRIBUTE', httpStatus: 400 });
  });

  // Found by the request fuzzer: 945052464 days is past what a Date can hold, and toISOString threw (500).
  it('refuses a retention that ends after the year 9999 (no date-time can write it): 400 INVALID_ATTRIBUTE', () => {
    for (const retentionInDays of [945_052_464, 2_940_000]) {
      const result = takeSnapshot(paymentsState(), GROUP, 'plain', { retentionInDays }, ctx);
      expect(result.ok || result.error).toMatchObject({ errorCode: 'INVALID_ATTRIBUTE', httpStatus: 400, parameters: ['retentionInDays'] });
    }
    expect(ok(takeSnapshot(paymentsState(), GROUP, 'plain', { retentionInDays: 2_900_000 }, ctx)).value.snapshot.expiresAt).toMatch(/^9\d{3}-/);
  });
});

describe('listSnapshots / getSnapshot', () => {
  it('lists only the path cluster’s snapshots, oldest first, and gets one by id', () => {
    let state = ok(takeSnapshot(paymentsState(), GROUP, 'plain', {}, ctx)).state;
    state = ok(takeSnapshot(state, GROUP, 'orders', {}, ctx)).state;
    state = advanceClock(state, at(2 * STEP_MS));
    state = ok(takeSnapshot(state, GROUP, 'plain', { description: 'second' }, at(2 * STEP_MS))).state;
    const { value } = ok(listSnapshots(state, GROUP, 'plain'));
    expect(value.snapshots.map((s) => [s.clusterName, s.description])).toEqual([
      ['plain', undefined],
      ['plain', 'second'],
    ]);
    const id = value.snapshots[1]!.id;
    expect(ok(getSnapshot(state, GROUP, 'plain', id)).value.snapshot.description).toBe('second');
  });

  it('D answers SNAPSHOT_NOT_FOUND for an unknown id, and for a snapshot of another cluster', () => {
    const { state, value } = ok(takeSnapshot(paymentsState(), GROUP, 'orders', {}, ctx));
    const other = getSnapshot(state, GROUP, 'plain', value.snapshot.id);
    expect(other.ok || other.error).toMatchObject({ errorCode: 'SNAPSHOT_NOT_FOUND', httpStatus: 404, parameters: [value.snapshot.id, 'plain'] });
  });
});

describe('updateSnapshotRetention', () => {
  it('spec sets a completed snapshot’s retention, counted from when it was taken', () => {
    const taken = ok(takeSnapshot(paymentsState(), GROUP, 'plain', {}, ctx));
    const done = advanceClock(taken.state, at(2 * STEP_MS));
    const { value } = ok(updateSnapshotRetention(done, GROUP, 'plain', taken.value.snapshot.id, { retentionUnit: 'WEEKS', retentionValue: 2 }, at(2 * STEP_MS)));
    expect(value.snapshot.expiresAt).toBe('2026-12-06T12:00:00.000Z');
    const months = ok(updateSnapshotRetention(done, GROUP, 'plain', taken.value.snapshot.id, { retentionUnit: 'MONTHS', retentionValue: 3 }, at(2 * STEP_MS)));
    expect(months.value.snapshot.expiresAt).toBe('2027-02-22T12:00:00.000Z');
  });

  it('D refuses to change the retention of a snapshot that is not complete (400 CANNOT_MODIFY_IN_PROGRESS_SNAPSHOT_RETENTION)', () => {
    const taken = ok(takeSnapshot(paymentsState(), GROUP, 'plain', {}, ctx));
    const result = updateSnapshotRetention(taken.state, GROUP, 'plain', taken.value.snapshot.id, { retentionUnit: 'DAYS', retentionValue: 5 }, ctx);
    expect(result.ok || result.error).toMatchObject({ errorCode: 'CANNOT_MODIFY_IN_PROGRESS_SNAPSHOT_RETENTION', httpStatus: 400 });
  });

  it('spec refuses a lower-case unit, a missing value and a retention below 1', () => {
    const taken = ok(takeSnapshot(paymentsState(), GROUP, 'plain', {}, ctx));
    const done = advanceClock(taken.state, at(2 * STEP_MS));
    const id = taken.value.snapshot.id;
    expect(updateSnapshotRetention(done, GROUP, 'plain', id, { retentionUnit: 'days', retentionValue: 5 }, ctx).ok).toBe(false);
    expect(updateSnapshotRetention(done, GROUP, 'plain', id, { retentionUnit: 'DAYS' }, ctx).ok).toBe(false);
    const zero = updateSnapshotRetention(done, GROUP, 'plain', id, { retentionUnit: 'DAYS', retentionValue: 0 }, ctx);
    expect(zero.ok || zero.error).toMatchObject({ errorCode: 'INVALID_ATTRIBUTE', parameters: ['retentionValue'] });
  });

  it('refuses a retention that ends after the year 9999, in any unit: 400 INVALID_ATTRIBUTE', () => {
    const taken = ok(takeSnapshot(paymentsState(), GROUP, 'plain', {}, ctx));
    const done = advanceClock(taken.state, at(2 * STEP_MS));
    for (const [retentionUnit, retentionValue] of [['YEARS', 2_147_483_647], ['YEARS', 7974], ['MONTHS', 100_000], ['WEEKS', 500_000]] as const) {
      const result = updateSnapshotRetention(done, GROUP, 'plain', taken.value.snapshot.id, { retentionUnit, retentionValue }, at(2 * STEP_MS));
      expect(result.ok || result.error, `${retentionValue} ${retentionUnit}`).toMatchObject({ errorCode: 'INVALID_ATTRIBUTE', parameters: ['retentionValue'] });
    }
  });
});

describe('deleteSnapshot', () => {
  it('D refuses to delete a queued or in-progress snapshot (400 CANNOT_DELETE_IN_PROGRESS_SNAPSHOT), then deletes it once complete', () => {
    const taken = ok(takeSnapshot(paymentsState(), GROUP, 'plain', {}, ctx));
    const id = taken.value.snapshot.id;
    const early = deleteSnapshot(taken.state, GROUP, 'plain', id, ctx);
    expect(early.ok || early.error).toMatchObject({ errorCode: 'CANNOT_DELETE_IN_PROGRESS_SNAPSHOT', httpStatus: 400, parameters: [id] });
    const done = advanceClock(taken.state, at(2 * STEP_MS));
    const { state } = ok(deleteSnapshot(done, GROUP, 'plain', id, at(2 * STEP_MS)));
    expect(state.projects[GROUP]!.snapshots).toEqual([]);
    expect(deleteSnapshot(state, GROUP, 'plain', id, ctx).ok).toBe(false);
  });
});
