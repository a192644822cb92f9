import type { Cluster } from '@mock-atlas/model';
import { describe, expect, it } from 'vitest';
import type { MockState } from '../../state/mock-state';
import { advanceClock } from '../clock';
import type { OperationContext } from '../result';
import { createCluster } from './create-cluster';
import { deleteCluster } from './delete-cluster';
import { updateCluster } from './update-cluster';
import { GROUP, MANAGER, NOW, OWNER, legacyBody, projectState, stateOf, v2Body } from './spec-fixtures';

const LATER = '2026-11-22T12:05:00.000Z';
const at = (ctx: OperationContext, now: string): OperationContext => ({ ...ctx, now });

/** A state where `orders` (v1.0 body plus `extra`) has been created and has become IDLE. */
function idle(extra: Readonly<Record<string, unknown>> = {}, name = 'orders'): MockState {
  const created = stateOf(createCluster(projectState(), GROUP, legacyBody(name, extra), 'legacy', OWNER));
  return advanceClock(created, at(OWNER, LATER));
}

function clusterIn(state: MockState, name = 'orders'): Cluster {
  const cluster = state.projects[GROUP]!.clusters.find((c) => c.name === name);
  if (!cluster) throw new Error(`no cluster ${name}`);
  return cluster;
}

/** Marks a cluster disabled, as the KMS validity check does when its key turns invalid (S0:63). */
function disable(state: MockState, name = 'orders'): MockState {
  const project = state.projects[GROUP]!;
  const clusters = project.clusters.map((c) => (c.name === name ? { ...c, disabled: { reason: 'ENCRYPTION_AT_REST_SETTINGS_INVALID' as const, since: LATER } } : c));
  return { ...state, projects: { ...state.projects, [GROUP]: { ...project, clusters } } };
}

describe('updateCluster', () => {
  it('spec PATCH applies the change, goes UPDATING, and IDLE after clusterTransitionMs', () => {
    const state = idle();
    expect(clusterIn(state).stateName).toBe('IDLE');
    const result = updateCluster(state, GROUP, 'orders', { diskSizeGB: 160 }, 'legacy', at(OWNER, LATER));
    const next = stateOf(result);
    expect(clusterIn(next)).toMatchObject({ diskSizeGB: 160, stateName: 'UPDATING' });
    expect(next.timers).toEqual([{ kind: 'cluster-transition', at: '2026-11-22T12:06:00.000Z', groupId: GROUP, clusterName: 'orders', to: 'IDLE' }]);
    expect(clusterIn(advanceClock(next, at(OWNER, '2026-11-22T12:06:00.000Z'))).stateName).toBe('IDLE');
  });

  it('spec a cluster still CREATING stays CREATING, and the transition restarts from the update', () => {
    const created = stateOf(createCluster(projectState(), GROUP, legacyBody('orders'), 'legacy', OWNER));
    const next = stateOf(updateCluster(created, GROUP, 'orders', { diskSizeGB: 80 }, 'legacy', at(OWNER, '2026-11-22T12:00:30.000Z')));
    expect(clusterIn(next).stateName).toBe('CREATING');
    expect(next.timers.map((t) => t.at)).toEqual(['2026-11-22T12:01:30.000Z']);
  });

  it('spec a body that changes nothing leaves the state as it is', () => {
    const state = idle({ providerBackupEnabled: true });
    const result = updateCluster(state, GROUP, 'orders', legacyBody('orders', { providerBackupEnabled: true }), 'legacy', at(OWNER, LATER));
    expect(result.ok && result.state).toBe(state);
  });

  it('spec a major version change moves mongoDBVersion with it', () => {
    const next = stateOf(updateCluster(idle(), GROUP, 'orders', { mongoDBMajorVersion: '7.0' }, 'legacy', at(OWNER, LATER)));
    expect(clusterIn(next)).toMatchObject({ mongoDBMajorVersion: '7.0', mongoDBVersion: '7.0.16' });
  });

  it('S0:95 turning legacy backup on for a CMK cluster is 400 CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE', () => {
    const state = idle({ encryptionAtRestProvider: 'AWS' });
    const result = updateCluster(state, GROUP, 'orders', { backupEnabled: true }, 'legacy', at(OWNER, LATER));
    expect(result.ok ? undefined : result.error).toMatchObject({ errorCode: 'CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE', path: ['backupEnabled'] });
  });

  it('S0:95 turning CMK on for a cluster with legacy backup is refused the same way, blaming the provider', () => {
    const state = idle({ backupEnabled: true });
    const result = updateCluster(state, GROUP, 'orders', { encryptionAtRestProvider: 'AWS' }, 'legacy', at(OWNER, LATER));
    expect(result.ok ? undefined : result.error).toMatchObject({ errorCode: 'CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE', path: ['encryptionAtRestProvider'] });
    expect(clusterIn(state).encryptionAtRestProvider).toBe('NONE');
  });

  it('S0:3-5 spreading a CMK cluster to a second cloud (v2 layout) is 400 ENCRYPTION_AT_REST_PROVIDER_NOT_SUPPORTED', () => {
    const state = idle({ encryptionAtRestProvider: 'AWS' });
    const body = { replicationSpecs: v2Body('orders', ['AWS', 'GCP'])['replicationSpecs'] };
    const result = updateCluster(state, GROUP, 'orders', body, '20240805', at(OWNER, LATER));
    expect(result.ok ? undefined : result.error).toMatchObject({ errorCode: 'ENCRYPTION_AT_REST_PROVIDER_NOT_SUPPORTED', path: ['replicationSpecs'] });
  });

  it('S3:34 scaling a CMK cluster down to M5 is 400 CANNOT_USE_ENCRYPTION_AT_REST_TENANT', () => {
    const state = idle({ encryptionAtRestProvider: 'AWS' });
    const body = { providerSettings: { providerName: 'TENANT', backingProviderName: 'AWS', instanceSizeName: 'M5', regionName: 'US_EAST_1' } };
    const result = updateCluster(state, GROUP, 'orders', body, 'legacy', at(OWNER, LATER));
    expect(result.ok ? undefined : result.error).toMatchObject({ errorCode: 'CANNOT_USE_ENCRYPTION_AT_REST_TENANT' });
  });

  it('R an unknown cluster is 404 CLUSTER_NOT_FOUND', () => {
    const result = updateCluster(idle(), GROUP, 'cluster-29', { diskSizeGB: 80 }, 'legacy', at(OWNER, LATER));
    expect(result.ok ? undefined : result.error).toMatchObject({ errorCode: 'CLUSTER_NOT_FOUND', parameters: ['cluster-29', GROUP] });
  });

  it('D a different name in the body is 400 CLUSTER_CANNOT_CHANGE_NAME; the same name is fine', () => {
    const renamed = updateCluster(idle(), GROUP, 'orders', { name: 'sales' }, 'legacy', at(OWNER, LATER));
    expect(renamed.ok ? undefined : renamed.error).toMatchObject({ errorCode: 'CLUSTER_CANNOT_CHANGE_NAME', httpStatus: 400 });
    expect(updateCluster(idle(), GROUP, 'orders', { name: 'orders', diskSizeGB: 80 }, 'legacy', at(OWNER, LATER)).ok).toBe(true);
  });

  it('D a paused cluster refuses changes with 409 CANNOT_UPDATE_PAUSED_CLUSTER but accepts paused:false', () => {
    const paused = advanceClock(stateOf(updateCluster(idle(), GROUP, 'orders', { paused: true }, 'legacy', at(OWNER, LATER))), at(OWNER, '2026-11-22T12:10:00.000Z'));
    expect(clusterIn(paused)).toMatchObject({ paused: true, stateName: 'IDLE' });
    const resize = updateCluster(paused, GROUP, 'orders', { diskSizeGB: 80 }, 'legacy', at(OWNER, LATER));
    expect(resize.ok ? undefined : resize.error).toMatchObject({ errorCode: 'CANNOT_UPDATE_PAUSED_CLUSTER', httpStatus: 409, parameters: ['orders'] });
    const both = updateCluster(paused, GROUP, 'orders', { paused: false, diskSizeGB: 80 }, 'legacy', at(OWNER, LATER));
    expect(both.ok).toBe(false);
    const resumed = stateOf(updateCluster(paused, GROUP, 'orders', { paused: false }, 'legacy', at(OWNER, LATER)));
    expect(clusterIn(resumed)).toMatchObject({ paused: false, stateName: 'UPDATING' });
  });

  it('spec changing termination protection needs Project Owner (401 USER_UNAUTHORIZED); other changes do not', () => {
    const state = idle();
    const byManager = updateCluster(state, GROUP, 'orders', { terminationProtectionEnabled: true }, 'legacy', at(MANAGER, LATER));
    expect(byManager.ok ? undefined : byManager.error).toMatchObject({ errorCode: 'USER_UNAUTHORIZED', httpStatus: 401 });
    expect(updateCluster(state, GROUP, 'orders', { diskSizeGB: 80 }, 'legacy', at(MANAGER, LATER)).ok).toBe(true);
    const byOwner = updateCluster(state, GROUP, 'orders', { terminationProtectionEnabled: true }, 'legacy', at(OWNER, LATER));
    expect(byOwner.ok && byOwner.value.terminationProtectionEnabled).toBe(true);
  });

  it('D a cluster being deleted refuses updates with 400 CLUSTER_ALREADY_REQUESTED_DELETION', () => {
    const deleting = stateOf(deleteCluster(idle(), GROUP, 'orders', {}, at(OWNER, LATER)));
    const result = updateCluster(deleting, GROUP, 'orders', { diskSizeGB: 80 }, 'legacy', at(OWNER, LATER));
    expect(result.ok ? undefined : result.error).toMatchObject({ errorCode: 'CLUSTER_ALREADY_REQUESTED_DELETION' });
  });

  it('S0:65 a disabled cluster accepts a disk size change as pending; what is visible stays as it was', () => {
    const state = disable(idle({ encryptionAtRestProvider: 'AWS' }));
    const result = updateCluster(state, GROUP, 'orders', { diskSizeGB: 160 }, 'legacy', at(OWNER, LATER));
    const next = stateOf(result);
    expect(clusterIn(next)).toMatchObject({ diskSizeGB: 40, stateName: 'IDLE', pendingChanges: { diskSizeGB: 160 } });
    expect(result.ok && result.value.pendingChanges).toEqual({ diskSizeGB: 160 });
    expect(next.timers).toEqual(state.timers);
  });

  it('S0:65 later pending changes merge over earlier ones, and one back to the visible value drops out', () => {
    const state = disable(idle({ encryptionAtRestProvider: 'AWS' }));
    let next = stateOf(updateCluster(state, GROUP, 'orders', { diskSizeGB: 160 }, 'legacy', at(OWNER, LATER)));
    const resize = { providerSettings: { providerName: 'AWS', instanceSizeName: 'M40', regionName: 'US_EAST_1' } };
    next = stateOf(updateCluster(next, GROUP, 'orders', resize, 'legacy', at(OWNER, LATER)));
    expect(clusterIn(next).pendingChanges).toEqual({ instanceSize: 'M40', diskSizeGB: 160 });
    next = stateOf(updateCluster(next, GROUP, 'orders', { diskSizeGB: 40 }, 'legacy', at(OWNER, LATER)));
    expect(clusterIn(next).pendingChanges).toEqual({ instanceSize: 'M40' });
    expect(clusterIn(next).instanceSize).toBe('M30');
  });

  it('S0:65 S0:95 a disabled cluster still refuses what the rules refuse', () => {
    const state = disable(idle({ encryptionAtRestProvider: 'AWS' }));
    const result = updateCluster(state, GROUP, 'orders', { backupEnabled: true }, 'legacy', at(OWNER, LATER));
    expect(result.ok ? undefined : result.error).toMatchObject({ errorCode: 'CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE' });
  });

  // Found by the request fuzzer: the AWS cluster moved to CENTRAL_US and was reported with an AWS regionName the contract refuses.
  it('README §5.2 a v1.0 zone in a region of another cloud than the cluster\'s is 400 INVALID_ENUM_VALUE', () => {
    const result = updateCluster(idle(), GROUP, 'orders', { replicationSpec: { CENTRAL_US: { electableNodes: 3, priority: 7 } } }, 'legacy', at(OWNER, NOW));
    expect(result.ok ? undefined : result.error).toMatchObject({ errorCode: 'INVALID_ENUM_VALUE', httpStatus: 400, parameters: ['CENTRAL_US'] });
    const aws = updateCluster(idle(), GROUP, 'orders', { replicationSpec: { EU_WEST_1: { electableNodes: 3, priority: 7 } } }, 'legacy', at(OWNER, NOW));
    expect(clusterIn(stateOf(aws)).replicationSpecs[0]?.regions.map((r) => r.region)).toEqual(['EU_WEST_1']);
    const moved = updateCluster(idle(), GROUP, 'orders', { providerSettings: { providerName: 'GCP', instanceSizeName: 'M30', regionName: 'CENTRAL_US' } }, 'legacy', at(OWNER, NOW));
    expect(moved.ok).toBe(true);
  });

  it('spec the update is checked against the schema of its layout', () => {
    const result = updateCluster(idle(), GROUP, 'orders', { diskSizeGB: 5 }, 'legacy', at(OWNER, NOW));
    expect(result.ok ? undefined : result.error).toMatchObject({ errorCode: 'INVALID_ATTRIBUTE', parameters: ['diskSizeGB'] });
  });
});
