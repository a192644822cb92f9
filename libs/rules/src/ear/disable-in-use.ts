import { KMS_DISPLAY_NAME, fieldPath } from '@mock-atlas/model';
import { defineRule } from '../define-rule';

/**
 * Atlas's error table (D): 409 CANNOT_DISABLE_ENCRYPTION_AT_REST while clusters of the
 * project still use the provider. One finding for the request, naming every such cluster,
 * with each cluster's `encryptionAtRestProvider` as a related location to change first.
 */
export default defineRule({
  id: 'ear/disable-in-use',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'CANNOT_DISABLE_ENCRYPTION_AT_REST',
  httpStatus: 409,
  description: 'A provider cannot be turned off while a cluster of the project still uses it as its `encryptionAtRestProvider`.',
  sources: ['D'],
  appliesTo: ['updateEncryptionAtRest'],
  check({ op, project }) {
    if (op.request['enabled'] !== false || !op.before.enabled) return [];
    const users = project.clusters.filter((c) => c.encryptionAtRestProvider === op.provider);
    if (users.length === 0) return [];
    const names = users.map((c) => c.name);
    const one = names.length === 1;
    const clusterList = one ? `cluster ${names[0]}` : `clusters ${names.join(', ')}`;
    return [
      {
        path: [...op.at, 'enabled'],
        message: `${KMS_DISPLAY_NAME[op.provider]} cannot be disabled while ${clusterList} still ${one ? 'uses' : 'use'} it; set encryptionAtRestProvider to NONE on ${one ? 'it' : 'each of them'} first.`,
        related: users.map((c) => ({
          path: fieldPath(c, 'encryptionAtRestProvider'),
          message: `cluster ${c.name} uses ${KMS_DISPLAY_NAME[op.provider]} here`,
        })),
      },
    ];
  },
});
