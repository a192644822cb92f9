import { cloudProvidersOf, fieldPath, isMultiCloud } from '@mock-atlas/model';
import { defineRule } from '../define-rule';

const INVOLVED = ['encryptionAtRestProvider', 'replicationSpecs'];

/**
 * S0:3-5 "Atlas doesn't support this feature in multi-cloud clusters at this time." Only a
 * v2 body (regionConfigs across clouds) can express such a cluster. The finding points at
 * the provider unless the update only changes the placements (a CMK cluster spreading to
 * a second cloud).
 */
export default defineRule({
  id: 'cluster/ear-no-multi-cloud',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'ENCRYPTION_AT_REST_PROVIDER_NOT_SUPPORTED',
  httpStatus: 400,
  description: 'Customer key management is not available on a cluster whose nodes span more than one cloud provider.',
  sources: ['S0:3-5'],
  appliesTo: ['createCluster', 'updateCluster'],
  check({ op }) {
    const cluster = op.cluster;
    // The cheap tests first: most updates touch neither field, and most clusters use no key.
    if (op.kind === 'updateCluster' && !op.changed.some((f) => INVOLVED.includes(f))) return [];
    if (cluster.encryptionAtRestProvider === 'NONE' || !isMultiCloud(cluster)) return [];
    const placementsOnly =
      op.kind === 'updateCluster' && op.changed.includes('replicationSpecs') && !op.changed.includes('encryptionAtRestProvider');
    const blamed = placementsOnly ? 'replicationSpecs' : 'encryptionAtRestProvider';
    const other = placementsOnly ? 'encryptionAtRestProvider' : 'replicationSpecs';
    const clouds = cloudProvidersOf(cluster).join(', ');
    return [
      {
        path: fieldPath(cluster, blamed),
        message: `Cluster ${cluster.name} spans several cloud providers (${clouds}) and so cannot use Encryption at Rest using ${cluster.encryptionAtRestProvider} customer key management.`,
        parameters: [cluster.encryptionAtRestProvider],
        related: [
          {
            path: fieldPath(cluster, other),
            message: placementsOnly ? 'customer key management is set here' : `the nodes are placed on ${clouds} here`,
          },
        ],
      },
    ];
  },
});
