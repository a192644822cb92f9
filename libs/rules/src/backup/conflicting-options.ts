import { fieldPath } from '@mock-atlas/model';
import { defineRule } from '../define-rule';

const INVOLVED = ['legacyBackupEnabled', 'cloudBackupEnabled'];

/**
 * D `ATLAS_BACKUP_CONFLICTING_OPTIONS`: v1.0 `backupEnabled` (legacy, continuous backup)
 * and `providerBackupEnabled` (Cloud Backup) exclude each other. v2 cannot express the
 * conflict (its `backupEnabled` is Cloud Backup). The legacy flag is blamed because legacy
 * backup is the deprecated choice and the one to drop.
 */
export default defineRule({
  id: 'backup/conflicting-options',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'ATLAS_BACKUP_CONFLICTING_OPTIONS',
  httpStatus: 409,
  description: 'v1.0 `backupEnabled` (Legacy Backups) and `providerBackupEnabled` (Cloud Backup) may not both be true.',
  sources: ['D'],
  appliesTo: ['createCluster', 'updateCluster'],
  check({ op }) {
    const cluster = op.cluster;
    if (!cluster.legacyBackupEnabled || !cluster.cloudBackupEnabled) return [];
    if (op.kind === 'updateCluster' && !op.changed.some((f) => INVOLVED.includes(f))) return [];
    return [
      {
        path: fieldPath(cluster, 'legacyBackupEnabled'),
        message: `Cluster ${cluster.name} cannot run Legacy Backups and Cloud Backup at once; turn legacy backup off.`,
        parameters: [cluster.name],
        related: [{ path: fieldPath(cluster, 'cloudBackupEnabled'), message: 'Cloud Backup is on here' }],
      },
    ];
  },
});
