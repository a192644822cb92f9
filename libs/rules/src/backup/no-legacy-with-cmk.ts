import { fieldPath } from '@mock-atlas/model';
import { defineRule } from '../define-rule';

/**
 * S0:95 "You cannot enable Legacy Backups on clusters encrypted with keys that you
 * manage." Enforced in both orders: legacy backup on a CMK cluster, and CMK on a cluster
 * that runs legacy backup. The finding points at whichever of the two the request changes.
 */
export default defineRule({
  id: 'backup/no-legacy-with-cmk',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'CANNOT_USE_ENCRYPTION_AT_REST_BACKUP_TYPE',
  httpStatus: 400,
  description:
    'Legacy Backups (v1.0 `backupEnabled: true`) cannot be on for a cluster that uses customer key management, in either order of enabling.',
  sources: ['S0:95', 'D'],
  appliesTo: ['createCluster', 'updateCluster'],
  check({ op }) {
    const cluster = op.cluster;
    if (!cluster.legacyBackupEnabled || cluster.encryptionAtRestProvider === 'NONE') return [];
    const providerChanged = op.kind === 'updateCluster' && op.changed.includes('encryptionAtRestProvider') && !op.changed.includes('legacyBackupEnabled');
    const blamed = providerChanged ? 'encryptionAtRestProvider' : 'legacyBackupEnabled';
    const other = providerChanged ? 'legacyBackupEnabled' : 'encryptionAtRestProvider';
    return [
      {
        path: fieldPath(cluster, blamed),
        message: `Cluster ${cluster.name} cannot use Legacy Backups together with Encryption at Rest using ${cluster.encryptionAtRestProvider} customer key management; use Cloud Backup instead.`,
        parameters: [cluster.name],
        related: [{ path: fieldPath(cluster, other), message: providerChanged ? 'legacy backup is on here' : 'customer key management is set here' }],
      },
    ];
  },
});
