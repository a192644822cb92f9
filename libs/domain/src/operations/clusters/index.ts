// The clusters slice of the mock's operations (timers.ts is wired in by operations/clock.ts).
export { listClusters, getCluster } from './read-clusters';
export { createCluster, CLUSTER_SCHEMA_OF_LAYOUT } from './create-cluster';
export { updateCluster } from './update-cluster';
export { deleteCluster, removeCluster, type DeleteClusterOptions } from './delete-cluster';
export {
  DEFAULT_MONGODB_MAJOR_VERSION,
  applyClusterSettings,
  clusterFacts,
  clusterWithPendingChanges,
  defaultDiskSizeGB,
  mongoDBVersionOf,
} from './cluster-state';
