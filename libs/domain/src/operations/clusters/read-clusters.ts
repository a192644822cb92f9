import type { Cluster } from '@mock-atlas/model';
import type { MockState } from '../../state/mock-state';
import { findProjectCluster } from '../lookups';
import { accepted, notFound, refused, type OperationResult } from '../result';

/** GET /groups/{groupId}/clusters: every cluster of the project, in creation order. */
export function listClusters(state: MockState, groupId: string): OperationResult<readonly Cluster[]> {
  const project = state.projects[groupId];
  return project ? accepted(state, project.clusters) : refused([notFound.group(groupId)]);
}

/**
 * GET /groups/{groupId}/clusters/{clusterName}; 404 CLUSTER_NOT_FOUND
 * `No cluster named %s exists in group %s.` (README §5.2, recorded).
 */
export function getCluster(state: MockState, groupId: string, name: string): OperationResult<Cluster> {
  const found = findProjectCluster(state, groupId, name);
  return found.ok ? accepted(state, found.value.cluster) : found;
}
