import { fieldPath } from '@mock-atlas/model';
import { defineRule } from '../define-rule';

/**
 * D `INVALID_SNAPSHOT_RESTORE_ENCRYPTION`: a snapshot encrypted with a customer key
 * restores only into a cluster that uses the same key management provider.
 */
export default defineRule({
  id: 'restore/target-encryption-matches',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'INVALID_SNAPSHOT_RESTORE_ENCRYPTION',
  httpStatus: 400,
  description: 'A snapshot encrypted with a customer-managed key restores only into a cluster that uses the same provider.',
  sources: ['D'],
  appliesTo: ['createRestoreJob'],
  check({ op }) {
    const { job, snapshot, target } = op;
    const key = snapshot?.encryptionKey;
    if (!snapshot || !key || !target || target.encryptionAtRestProvider === key.provider) return [];
    return [
      {
        path: fieldPath(job, 'targetClusterName'),
        message: `Snapshot ${snapshot.id} is encrypted with ${key.provider} customer key management, but target cluster ${target.name} uses encryptionAtRestProvider ${target.encryptionAtRestProvider}; restore into a cluster that uses ${key.provider}.`,
        parameters: [snapshot.id, target.name],
        related: [{ path: fieldPath(target, 'encryptionAtRestProvider'), message: `the target uses ${target.encryptionAtRestProvider} here` }],
      },
    ];
  },
});
