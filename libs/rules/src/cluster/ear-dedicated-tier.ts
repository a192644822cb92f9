import { fieldPath, isDedicatedTier } from '@mock-atlas/model';
import { defineRule } from '../define-rule';

const INVOLVED = ['encryptionAtRestProvider', 'instanceSize'];

/**
 * S3:34 "This feature is not available for M0 free clusters, M2, and M5 clusters", and the
 * spec text limits customer key management to dedicated tiers (M10 and up), so FLEX and
 * serverless are out too. The finding points at the provider unless the update only
 * changes the size (a CMK cluster scaled down to a shared tier).
 */
export default defineRule({
  id: 'cluster/ear-dedicated-tier',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'CANNOT_USE_ENCRYPTION_AT_REST_TENANT',
  httpStatus: 400,
  description:
    'A cluster with `encryptionAtRestProvider` other than NONE must run on a dedicated tier (M10 and up): not M0, M2, M5, FLEX or serverless.',
  sources: ['S3:34', 'spec'],
  appliesTo: ['createCluster', 'updateCluster'],
  check({ op }) {
    const cluster = op.cluster;
    if (cluster.encryptionAtRestProvider === 'NONE' || isDedicatedTier(cluster.instanceSize)) return [];
    if (op.kind === 'updateCluster' && !op.changed.some((f) => INVOLVED.includes(f))) return [];
    const sizeOnly = op.kind === 'updateCluster' && op.changed.includes('instanceSize') && !op.changed.includes('encryptionAtRestProvider');
    const blamed = sizeOnly ? 'instanceSize' : 'encryptionAtRestProvider';
    const other = sizeOnly ? 'encryptionAtRestProvider' : 'instanceSize';
    return [
      {
        path: fieldPath(cluster, blamed),
        message: `Cluster ${cluster.name} cannot use Encryption at Rest using ${cluster.encryptionAtRestProvider} customer key management on the ${cluster.instanceSize} tier; it needs a dedicated tier (M10 or larger).`,
        parameters: [cluster.name],
        related: [
          {
            path: fieldPath(cluster, other),
            message: sizeOnly ? 'customer key management is set here' : `the ${cluster.instanceSize} tier is set here`,
          },
        ],
      },
    ];
  },
});
