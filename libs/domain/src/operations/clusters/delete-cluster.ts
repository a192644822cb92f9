import type { Cluster } from '@mock-atlas/model';
import type { MockState } from '../../state/mock-state';
import { findProjectCluster } from '../lookups';
import { later, reschedule, unschedule } from '../../state/timers';
import { accepted, refused, type OperationContext, type OperationResult } from '../result';
import { clusterFindings } from './cluster-findings';
import { findCluster, putCluster, putProject } from './cluster-state';

/** Options of DELETE /clusters/{clusterName}. */
export interface DeleteClusterOptions {
  /** `?retainBackups=true`: keep the cluster's snapshots and restore jobs after it is gone. */
  readonly retainBackups?: boolean;
}

/**
 * DELETE /groups/{groupId}/clusters/{clusterName}: refused while termination protection is
 * on (400 CANNOT_TERMINATE_CLUSTER_WHEN_TERMINATION_PROTECTION_ENABLED, README §5.2) or when
 * the cluster is already DELETING (400 CLUSTER_ALREADY_REQUESTED_DELETION); otherwise the
 * cluster goes DELETING, its pending transitions are dropped, and a `cluster-transition`
 * timer removes it `options.clusterTransitionMs` later (see removeCluster).
 * @example deleteCluster(state, groupId, 'orders', { retainBackups: true }, ctx)
 */
export function deleteCluster(
  state: MockState,
  groupId: string,
  name: string,
  options: DeleteClusterOptions,
  ctx: OperationContext,
): OperationResult<Cluster> {
  const found = findProjectCluster(state, groupId, name);
  if (!found.ok) return found;
  const { cluster: current } = found.value;
  if (current.terminationProtectionEnabled) return refused([clusterFindings.terminationProtected(name, groupId)]);
  if (current.stateName === 'DELETING') return refused([clusterFindings.alreadyDeleting(name)]);

  const deleting: Cluster = { ...current, stateName: 'DELETING' };
  let next = putCluster(state, groupId, deleting);
  next = reschedule(next, (t) => t.kind === 'cluster-transition' && t.groupId === groupId && t.clusterName === name, {
    kind: 'cluster-transition',
    at: later(ctx.now, ctx.options.clusterTransitionMs),
    groupId,
    clusterName: name,
    to: 'DELETED',
    ...(options.retainBackups ? { retainBackups: true } : {}),
  });
  return accepted(next, deleting);
}

/**
 * Removes a cluster for good: the cluster, its backup schedule and, unless `retainBackups`,
 * its snapshots and restore jobs, together with every timer about what was removed. A
 * cluster that no longer exists leaves the state as it is.
 */
export function removeCluster(state: MockState, groupId: string, name: string, retainBackups = false): MockState {
  const project = state.projects[groupId];
  if (!project || !findCluster(project, name)) return state;
  const goneSnapshots = new Set(retainBackups ? [] : project.snapshots.filter((s) => s.clusterName === name).map((s) => s.id));
  const goneJobs = new Set(
    retainBackups ? [] : project.restoreJobs.filter((j) => j.clusterName === name && j.id !== undefined).map((j) => j.id as string),
  );
  const next = putProject(state, {
    ...project,
    clusters: project.clusters.filter((c) => c.name !== name),
    backupSchedules: project.backupSchedules.filter((s) => s.clusterName !== name),
    snapshots: retainBackups ? project.snapshots : project.snapshots.filter((s) => s.clusterName !== name),
    restoreJobs: retainBackups ? project.restoreJobs : project.restoreJobs.filter((j) => j.clusterName !== name),
  });
  return unschedule(next, (t) => {
    if (t.kind === 'cluster-transition') return t.groupId === groupId && t.clusterName === name;
    if (t.kind === 'snapshot-transition') return t.groupId === groupId && goneSnapshots.has(t.snapshotId);
    if (t.kind === 'restore-transition') return t.groupId === groupId && goneJobs.has(t.restoreJobId);
    return false;
  });
}
