import type { Project } from '@mock-atlas/model';
import { describe, expect, it } from 'vitest';
import type { MockState, Timer } from '../../state/mock-state';
import { schedule } from '../../state/timers';
import { advanceClock } from '../clock';
import type { OperationContext } from '../result';
import { createCluster } from './create-cluster';
import { deleteCluster, removeCluster } from './delete-cluster';
import { updateCluster } from './update-cluster';
import { clusterTimerHandlers } from './timers';
import { GROUP, OWNER, legacyBody, projectState, stateOf } from './spec-fixtures';

const at = (now: string): OperationContext => ({ ...OWNER, now });
const T1 = '2026-11-22T12:05:00.000Z';
const FAR = '2026-12-01T00:00:00.000Z';

/** `orders` (IDLE, with a snapshot, a restore job, a schedule and a pending snapshot timer) and `sales`. */
function withBackups(): MockState {
  let state = stateOf(createCluster(projectState(), GROUP, legacyBody('orders', { providerBackupEnabled: true }), 'legacy', OWNER));
  state = stateOf(createCluster(state, GROUP, legacyBody('sales', { providerBackupEnabled: true }), 'legacy', OWNER));
  state = advanceClock(state, at(T1));
  const project = state.projects[GROUP]!;
  const snapshot = (id: string, clusterName: string) => ({ id, clusterName, createdAt: T1, status: 'inProgress' as const, snapshotType: 'onDemand' as const });
  const withBackup: Project = {
    ...project,
    snapshots: [snapshot('aaaaaaaaaaaaaaaaaaaaaaa1', 'orders'), snapshot('aaaaaaaaaaaaaaaaaaaaaaa2', 'sales')],
    restoreJobs: [{ id: 'bbbbbbbbbbbbbbbbbbbbbbb1', clusterName: 'orders', snapshotId: 'aaaaaaaaaaaaaaaaaaaaaaa1', deliveryType: 'download' }],
    backupSchedules: [
      { clusterName: 'orders', policies: [] },
      { clusterName: 'sales', policies: [] },
    ],
  };
  state = { ...state, projects: { ...state.projects, [GROUP]: withBackup } };
  const timers: Timer[] = [
    { kind: 'snapshot-transition', at: FAR, groupId: GROUP, snapshotId: 'aaaaaaaaaaaaaaaaaaaaaaa1', to: 'completed' },
    { kind: 'snapshot-transition', at: FAR, groupId: GROUP, snapshotId: 'aaaaaaaaaaaaaaaaaaaaaaa2', to: 'completed' },
    { kind: 'restore-transition', at: FAR, groupId: GROUP, restoreJobId: 'bbbbbbbbbbbbbbbbbbbbbbb1', to: 'completed' },
  ];
  return timers.reduce(schedule, state);
}

describe('deleteCluster', () => {
  it('spec DELETE 202: the cluster goes DELETING and is gone clusterTransitionMs later with its backups', () => {
    const state = withBackups();
    const deleting = stateOf(deleteCluster(state, GROUP, 'orders', {}, at(T1)));
    expect(deleting.projects[GROUP]!.clusters.find((c) => c.name === 'orders')?.stateName).toBe('DELETING');
    expect(deleting.timers[0]).toEqual({ kind: 'cluster-transition', at: '2026-11-22T12:06:00.000Z', groupId: GROUP, clusterName: 'orders', to: 'DELETED' });

    const gone = advanceClock(deleting, at('2026-11-22T12:06:00.000Z'));
    const project = gone.projects[GROUP]!;
    expect(project.clusters.map((c) => c.name)).toEqual(['sales']);
    expect(project.snapshots.map((s) => s.clusterName)).toEqual(['sales']);
    expect(project.restoreJobs).toEqual([]);
    expect(project.backupSchedules.map((s) => s.clusterName)).toEqual(['sales']);
    expect(gone.timers).toEqual([{ kind: 'snapshot-transition', at: FAR, groupId: GROUP, snapshotId: 'aaaaaaaaaaaaaaaaaaaaaaa2', to: 'completed' }]);
  });

  it('spec retainBackups keeps the snapshots and restore jobs of the deleted cluster', () => {
    const deleting = stateOf(deleteCluster(withBackups(), GROUP, 'orders', { retainBackups: true }, at(T1)));
    const gone = advanceClock(deleting, at('2026-11-22T12:06:00.000Z'));
    const project = gone.projects[GROUP]!;
    expect(project.clusters.map((c) => c.name)).toEqual(['sales']);
    expect(project.snapshots.map((s) => s.clusterName)).toEqual(['orders', 'sales']);
    expect(project.restoreJobs.map((j) => j.id)).toEqual(['bbbbbbbbbbbbbbbbbbbbbbb1']);
    expect(gone.timers.filter((t) => t.kind !== 'cluster-transition')).toHaveLength(3);
  });

  it('spec a cluster deleted while CREATING never becomes IDLE', () => {
    const created = stateOf(createCluster(projectState(), GROUP, legacyBody('orders'), 'legacy', OWNER));
    const deleting = stateOf(deleteCluster(created, GROUP, 'orders', {}, at('2026-11-22T12:00:10.000Z')));
    expect(deleting.timers.map((t) => (t.kind === 'cluster-transition' ? t.to : t.kind))).toEqual(['DELETED']);
    const halfway = advanceClock(deleting, at('2026-11-22T12:01:00.000Z'));
    expect(halfway.projects[GROUP]!.clusters[0]?.stateName).toBe('DELETING');
  });

  it('R termination protection refuses with 400 and the whole sentence as the one parameter', () => {
    const protectedState = stateOf(createCluster(projectState(), GROUP, legacyBody('orders', { terminationProtectionEnabled: true }), 'legacy', OWNER));
    const result = deleteCluster(protectedState, GROUP, 'orders', {}, at(T1));
    const sentence = `Cannot terminate cluster orders in group ${GROUP} because termination protection is enabled. Disable termination protection and try again.`;
    expect(result.ok ? undefined : result.error).toMatchObject({
      errorCode: 'CANNOT_TERMINATE_CLUSTER_WHEN_TERMINATION_PROTECTION_ENABLED',
      httpStatus: 400,
      parameters: [sentence],
    });
    const unprotected = stateOf(updateCluster(protectedState, GROUP, 'orders', { terminationProtectionEnabled: false }, 'legacy', at(T1)));
    expect(deleteCluster(unprotected, GROUP, 'orders', {}, at(T1)).ok).toBe(true);
  });

  it('D a second DELETE is 400 CLUSTER_ALREADY_REQUESTED_DELETION; an unknown cluster is 404', () => {
    const deleting = stateOf(deleteCluster(withBackups(), GROUP, 'orders', {}, at(T1)));
    const again = deleteCluster(deleting, GROUP, 'orders', {}, at(T1));
    expect(again.ok ? undefined : again.error).toMatchObject({ errorCode: 'CLUSTER_ALREADY_REQUESTED_DELETION', parameters: ['orders'] });
    const unknown = deleteCluster(deleting, GROUP, 'nope', {}, at(T1));
    expect(unknown.ok ? undefined : unknown.error).toMatchObject({ errorCode: 'CLUSTER_NOT_FOUND' });
  });
});

describe('clusterTimerHandlers', () => {
  it('spec CREATING becomes IDLE only when the transition comes due', () => {
    const created = stateOf(createCluster(projectState(), GROUP, legacyBody('orders'), 'legacy', OWNER));
    expect(advanceClock(created, at('2026-11-22T12:00:59.999Z')).projects[GROUP]!.clusters[0]?.stateName).toBe('CREATING');
    expect(advanceClock(created, at('2026-11-22T12:01:00.000Z')).projects[GROUP]!.clusters[0]?.stateName).toBe('IDLE');
  });

  it('spec a transition for a cluster that is gone changes nothing', () => {
    const state = projectState();
    const handler = clusterTimerHandlers['cluster-transition']!;
    const timer = { kind: 'cluster-transition', at: T1, groupId: GROUP, clusterName: 'ghost', to: 'IDLE' } as const;
    expect(handler(state, timer, at(T1))).toBe(state);
    expect(removeCluster(state, GROUP, 'ghost')).toBe(state);
  });
});
