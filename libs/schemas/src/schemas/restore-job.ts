import { OPLOG_INC, OPLOG_TS, POINT_IN_TIME_UTC_SECONDS, RESTORE_DELIVERY_TYPES } from '../atlas-enums';
import type { JsonProperties, JsonSchema } from '../json-schema';
import { arrayOf, bool, closedObject, clusterName, dateTime, DRAFT_07, int, links, objectId, readOnly, schemaId, str, stringEnum } from './common';

// No conditional `required`: which targets and times a job needs depends on deliveryType
// and on the source cluster, which the rule restore/required-fields checks.

/** What a client sets on a restore job; the config's `restoreJobs[]` reuses exactly these. */
export const RESTORE_JOB_PROPERTIES: JsonProperties = {
  deliveryType: stringEnum(RESTORE_DELIVERY_TYPES, 'automated (into a cluster), download, or pointInTime.'),
  snapshotId: objectId('Id of the snapshot to restore.'),
  targetClusterName: clusterName('Cluster to restore into (automated and pointInTime).'),
  targetGroupId: objectId('Project of the target cluster (automated and pointInTime).'),
  pointInTimeUTCSeconds: { ...int('Epoch seconds to restore to (pointInTime).'), ...POINT_IN_TIME_UTC_SECONDS },
  oplogTs: { ...int('Oplog timestamp, epoch seconds, to restore to (pointInTime, with oplogInc).'), ...OPLOG_TS },
  oplogInc: { ...int('Oplog operation ordinal within oplogTs (pointInTime).'), ...OPLOG_INC },
};

function privateDownloadUrls(): JsonSchema {
  return readOnly(
    arrayOf(
      closedObject({
        deliveryUrl: str('Download URL over the private endpoint.'),
        endpointId: { ...str('AWS interface endpoint id.'), pattern: '^vpce-[0-9a-f]{17}$' },
      }),
      'Download URLs over private endpoints.',
    ),
  );
}

/** Attributes Atlas reports on a job; accepted so that a GET body can be sent back. */
const RESTORE_JOB_READ_ONLY_PROPERTIES: JsonProperties = {
  id: readOnly(objectId('Id of the restore job.')),
  cancelled: readOnly(bool('Whether the job was cancelled.')),
  expired: readOnly(bool('Whether the download URL expired.')),
  failed: readOnly(bool('Whether the job failed.')),
  expiresAt: readOnly(dateTime('When the download URL expires.')),
  finishedAt: readOnly(dateTime('When the job finished.')),
  timestamp: readOnly(dateTime('Time of the restored data.')),
  deliveryUrl: readOnly(arrayOf(str('A download URL.'), 'Download URLs.')),
  components: readOnly(
    arrayOf(
      closedObject({
        downloadUrl: readOnly(str('Download URL of this replica set.')),
        privateDownloadDeliveryUrls: privateDownloadUrls(),
        replicaSetName: readOnly(str('Replica set of this component.')),
      }),
      'Per-shard parts of a sharded restore.',
    ),
  ),
  desiredTimestamp: readOnly(
    closedObject(
      {
        date: readOnly(dateTime('Time of the oplog entry.')),
        increment: readOnly({ ...int('Ordinal of the oplog entry.'), ...OPLOG_TS }),
      },
      { description: 'BSON timestamp the job restores to.' },
    ),
  ),
  privateDownloadDeliveryUrls: privateDownloadUrls(),
  links: links(),
};

/** POST /clusters/{clusterName}/backup/restoreJobs (`DiskBackupSnapshotRestoreJob`). */
export const restoreJobRequestSchema = {
  $schema: DRAFT_07,
  $id: schemaId('restore-job.request'),
  title: 'Restore job',
  description: 'The body of POST /groups/{groupId}/clusters/{clusterName}/backup/restoreJobs.',
  type: 'object',
  additionalProperties: false,
  required: ['deliveryType'],
  properties: { ...RESTORE_JOB_PROPERTIES, ...RESTORE_JOB_READ_ONLY_PROPERTIES },
} satisfies JsonSchema;
