import { fieldPath, type DeliveryType, type RestoreJob } from '@mock-atlas/model';
import { defineRule, type Violation } from '../define-rule';

// Keyed by the type so that a new delivery type cannot be added without its article.
const A_RESTORE: Readonly<Record<DeliveryType, string>> = {
  automated: 'an automated restore',
  download: 'a download restore',
  pointInTime: 'a pointInTime restore',
};

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
    const type = job.deliveryType;
    if (type === undefined) return [missing(job, 'deliveryType', 'it must be automated, download or pointInTime')];
    const snapshotWhy = (kind: 'automated' | 'download') => `${A_RESTORE[kind]} restores one snapshot, so name it`;
    if (type === 'download') return job.snapshotId === undefined ? [missing(job, 'snapshotId', snapshotWhy(type))] : [];
    if (type !== 'automated' && type !== 'pointInTime') return [];
    const found: Violation[] = [];
    const targetWhy = `${A_RESTORE[type]} needs the cluster and project to restore into`;
    if (job.targetClusterName === undefined) found.push(missing(job, 'targetClusterName', targetWhy));
    if (job.targetGroupId === undefined) found.push(missing(job, 'targetGroupId', targetWhy));
    if (type !== 'pointInTime') {
      if (job.snapshotId === undefined) found.push(missing(job, 'snapshotId', snapshotWhy(type)));
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
