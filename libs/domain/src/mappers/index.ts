// The mappers between Atlas representations (v1.0, v2 media types, config files) and the model.
export { CLUSTER_DEFAULTS, DEFAULT_CLOUD, DEFAULT_ZONE_NAME } from './cluster-common';
export { LEGACY_CLUSTER_FIELDS, clusterFromLegacy, clusterToLegacy } from './cluster-legacy';
export { CLUSTER_20240805_FIELDS, clusterFrom20240805, clusterTo20240805 } from './cluster-20240805';
export { clusterFromAnyLayout, clusterLayoutOf, type ClusterLayout } from './cluster-layout';
export { applyClusterUpdate, type ClusterUpdate } from './cluster-update';
export { applyEarRequest, earFromRepresentation, earToRepresentation, type EarVersion } from './encryption-at-rest';
export {
  masterKeyUuidOf,
  snapshotFromConfig,
  snapshotFromRepresentation,
  snapshotToRepresentation,
  type SnapshotContext,
} from './snapshot';
export { restoreJobFromRequest, restoreJobToRepresentation, type RestoreJobExtra } from './restore-job';
export { backupScheduleFromRepresentation, backupScheduleToRepresentation, type BackupScheduleExtra } from './backup-schedule';
export { envReferenceOf, secretResolver, type SecretResolver } from './env-secrets';
export { projectConfigToModel, type ProjectConfigOptions, type ProjectConfigResult } from './project-config';
export { deterministicObjectId, deterministicUuid, derivedClusterId } from './ids';
export { DEFAULT_LINK_BASE, type Link } from './links';
export { sortedKeys } from './sorted-keys';
