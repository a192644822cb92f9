// What the backup operations share: the refusals that are lookups rather than rules, and
// whether a cluster runs Cloud Backup.
import { backupModeOf, type Cluster, type Finding } from '@mock-atlas/model';

/** Refusals for backup resources that do not exist (README §5.2). */
export const backupNotFound = {
  /** D `SNAPSHOT_NOT_FOUND`, preferred over the generic RESOURCE_NOT_FOUND because D gives its template. */
  snapshot: (snapshotId: string, clusterName: string): Finding => ({
    ruleId: 'api/not-found',
    severity: 'error',
    errorCode: 'SNAPSHOT_NOT_FOUND',
    httpStatus: 404,
    message: `No snapshot with ID ${snapshotId} exists for cluster ${clusterName}.`,
    path: [],
    parameters: [snapshotId, clusterName],
  }),
  /** D `RESTORE_JOB_NOT_FOUND`, for the same reason. */
  restoreJob: (restoreJobId: string, clusterName: string): Finding => ({
    ruleId: 'api/not-found',
    severity: 'error',
    errorCode: 'RESTORE_JOB_NOT_FOUND',
    httpStatus: 404,
    message: `No restore job with ID ${restoreJobId} exists for cluster ${clusterName}.`,
    path: [],
    parameters: [restoreJobId, clusterName],
  }),
  /**
   * A cluster without Cloud Backup has no backup configuration: no schedule, and no
   * snapshot can be taken. The code is the one MongoDB's Terraform provider tolerates when
   * it reads the schedule of such a cluster (404 or `BACKUP_CONFIG_NOT_FOUND`,
   * terraform-provider-mongodbatlas internal/service/cluster); the detail is the Cloud
   * Manager error table's wording for that code.
   */
  backupConfig: (clusterName: string): Finding => ({
    ruleId: 'api/not-found',
    severity: 'error',
    errorCode: 'BACKUP_CONFIG_NOT_FOUND',
    httpStatus: 404,
    message: `No backup configuration exists for cluster ${clusterName}.`,
    path: [],
    parameters: [clusterName],
  }),
};


/** True when the cluster runs Cloud Backup (snapshots, schedules), not legacy backup or none. */
export function hasCloudBackup(cluster: Cluster): boolean {
  return backupModeOf(cluster) === 'CLOUD';
}
