import type { ClusterSettings } from '@mock-atlas/model';
import type { MockState } from '../../state/mock-state';
import { accepted, notFound, refused, type OperationResult } from '../result';

/** What the mock knows about a cluster that Atlas's API does not show (GET /_mock/groups/{id}/clusters/{name}). */
export interface MockClusterStatus {
  readonly name: string;
  readonly disabled: boolean;
  readonly disabledReason: string | null;
  readonly disabledSince: string | null;
  readonly pendingChanges: Partial<ClusterSettings> | null;
}

/** Whether an invalid key keeps the cluster disabled, and the updates waiting for the key (S0:65). */
export function getMockClusterStatus(state: MockState, groupId: string, clusterName: string): OperationResult<MockClusterStatus> {
  const project = state.projects[groupId];
  if (!project) return refused([notFound.group(groupId)]);
  const cluster = project.clusters.find((c) => c.name === clusterName);
  if (!cluster) return refused([notFound.cluster(clusterName, groupId)]);
  return accepted(state, {
    name: cluster.name,
    disabled: cluster.disabled !== undefined,
    disabledReason: cluster.disabled?.reason ?? null,
    disabledSince: cluster.disabled?.since ?? null,
    pendingChanges: cluster.pendingChanges ?? null,
  });
}
