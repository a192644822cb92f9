import { fieldPath } from '@mock-atlas/model';
import { defineRule } from '../define-rule';

/**
 * D `CANNOT_DOWNLOAD_SNAPSHOT_WITH_ENCRYPTION`: a snapshot encrypted with a customer key
 * is not handed out as a download; restore it into a cluster instead.
 */
export default defineRule({
  id: 'restore/no-download-with-cmk',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'CANNOT_DOWNLOAD_SNAPSHOT_WITH_ENCRYPTION',
  httpStatus: 400,
  description: '`deliveryType: download` is refused for a snapshot encrypted with a customer-managed key.',
  sources: ['D'],
  appliesTo: ['createRestoreJob'],
  check({ op }) {
    const { job, snapshot } = op;
    if (job.deliveryType !== 'download' || !snapshot?.encryptionKey) return [];
    return [
      {
        path: fieldPath(job, 'deliveryType'),
        message: `Snapshot ${snapshot.id} of cluster ${snapshot.clusterName} is encrypted with ${snapshot.encryptionKey.provider} key ${snapshot.encryptionKey.keyId} and cannot be downloaded; use an automated restore instead.`,
        parameters: [snapshot.id],
        related: [{ path: fieldPath(snapshot, 'encryptionKey'), message: 'the snapshot records its customer key here' }],
      },
    ];
  },
});
