import { clusterFacts, primaryCloudOf, snapshotToRepresentation, type Cluster, type Snapshot } from '@mock-atlas/domain';

// A stand-in for what a snapshot stores once written: 5% of the cluster's disk (Atlas
// reports 0 while a snapshot is queued, README §9).
const STORED_SHARE = 0.05;
const GIB = 1024 ** 3;

function storageSizeBytes(snapshot: Snapshot, cluster: Cluster): number {
  return snapshot.status === 'queued' ? 0 : Math.round((cluster.diskSizeGB ?? 0) * GIB * STORED_SHARE);
}

/**
 * A snapshot as `DiskBackupReplicaSet` (v1.0 and v2 2023-01-01 share it): the cluster's
 * cloud and MongoDB version, the cluster's name as the replica set's, links under the API
 * root the client used. Sharded clusters are reported in the replica set shape too.
 */
export function presentSnapshot(snapshot: Snapshot, stored: Cluster, groupId: string, apiRoot: string): Record<string, unknown> {
  return snapshotPresenter(stored, groupId, apiRoot)(snapshot);
}

/**
 * {@link presentSnapshot} for any number of snapshots of one cluster, which is read once
 * (a list page has up to 500 of them).
 * @example snapshots.map(snapshotPresenter(cluster, groupId, apiRoot))
 */
export function snapshotPresenter(stored: Cluster, groupId: string, apiRoot: string): (snapshot: Snapshot) => Record<string, unknown> {
  // The cluster as its own body shows it, so that a snapshot's size and version match it.
  const cluster = clusterFacts(stored, groupId);
  const cloudProvider = primaryCloudOf(cluster) ?? 'AWS';
  return (snapshot) =>
    snapshotToRepresentation(snapshot, {
      groupId,
      cloudProvider,
      replicaSetName: cluster.name,
      ...(cluster.mongoDBVersion === undefined ? {} : { mongodVersion: cluster.mongoDBVersion }),
      storageSizeBytes: storageSizeBytes(snapshot, cluster),
      baseUrl: apiRoot,
    });
}
