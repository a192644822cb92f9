import { fieldPath, type RestoreJob } from '@mock-atlas/model';
import { defineRule, type Violation } from '../define-rule';

function missing(job: RestoreJob, field: string, why: string): Violation {
  return {
    path: fieldPath(job, field),
    message: `The restore job for cluster ${job.clusterName} lacks ${field}; ${why}.`,
    parameters: [field],
  };
}

/**
 * The spec makes `deliveryType` the only always-required field and says in prose that
 * automated and pointInTime restores need a target, and that pointInTime needs a time
 * (seconds, or an oplog timestamp and increment) from a source with continuous backup.
 * Automated and download restores restore a snapshot, so they need `snapshotId` (the API
 * answers 400 MISSING_ATTRIBUTE snapshotId without one, as the mock does).
 */
export default defineRule({
  id: 'restore/required-fields',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'MISSING_ATTRIBUTE',
  httpStatus: 400,
  description:
    'A restore job needs `deliveryType`; automated and download jobs need `snapshotId`; automated and pointInTime jobs need `targetClusterName` and `targetGroupId`; pointInTime needs `pointInTimeUTCSeconds` or `oplogTs`+`oplogInc` and a source cluster with `pitEnabled`.',
  sources: ['spec'],
  appliesTo: ['createRestoreJob'],
  check({ op }) {
    const { job, sourceCluster } = op;
    if (job.deliveryType === undefined) return [missing(job, 'deliveryType', 'it must be automated, download or pointInTime')];
    const snapshotWhy = `a ${job.deliveryType} restore restores one snapshot, so name it`;
    if (job.deliveryType === 'download') return job.snapshotId === undefined ? [missing(job, 'snapshotId', snapshotWhy)] : [];
    if (job.deliveryType !== 'automated' && job.deliveryType !== 'pointInTime') return [];
    const found: Violation[] = [];
    const targetWhy = `a ${job.deliveryType} restore needs the cluster and project to restore into`;
    if (job.targetClusterName === undefined) found.push(missing(job, 'targetClusterName', targetWhy));
    if (job.targetGroupId === undefined) found.push(missing(job, 'targetGroupId', targetWhy));
    if (job.deliveryType !== 'pointInTime') {
      if (job.snapshotId === undefined) found.push(missing(job, 'snapshotId', snapshotWhy));
      return found;
    }

    if (job.pointInTimeUTCSeconds === undefined) {
      const timeWhy = 'a pointInTime restore needs pointInTimeUTCSeconds, or oplogTs and oplogInc together';
      if (job.oplogTs !== undefined && job.oplogInc === undefined) found.push(missing(job, 'oplogInc', timeWhy));
      else if (job.oplogInc !== undefined && job.oplogTs === undefined) found.push(missing(job, 'oplogTs', timeWhy));
      else if (job.oplogTs === undefined) found.push(missing(job, 'pointInTimeUTCSeconds', timeWhy));
    }
    if (sourceCluster && !sourceCluster.pitEnabled) {
      found.push({
        path: fieldPath(job, 'deliveryType'),
        message: `Cluster ${sourceCluster.name} does not have continuous cloud backup (pitEnabled) on, so it cannot be restored to a point in time.`,
        parameters: ['deliveryType'],
        errorCode: 'INVALID_ATTRIBUTE',
        httpStatus: 400,
        related: [{ path: fieldPath(sourceCluster, 'pitEnabled'), message: 'continuous cloud backup is off here' }],
      });
    }
    return found;
  },
});
