import type { Cluster, Project } from '@mock-atlas/model';
import type { MockState } from '../state/mock-state';
import { findCluster } from './clusters/cluster-state';
import { accepted, notFound, refused, type OperationResult } from './result';

/** A project and one of its clusters, as the path names them. */
export interface ProjectCluster {
  readonly project: Project;
  readonly cluster: Cluster;
}

/** The project and cluster a path names; GROUP_NOT_FOUND or CLUSTER_NOT_FOUND otherwise. */
export function findProjectCluster(state: MockState, groupId: string, clusterName: string): OperationResult<ProjectCluster> {
  const project = state.projects[groupId];
  if (!project) return refused([notFound.group(groupId)]);
  const cluster = findCluster(project, clusterName);
  if (!cluster) return refused([notFound.cluster(clusterName, groupId)]);
  return accepted(state, { project, cluster });
}
