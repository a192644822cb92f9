import { EAR_DOCUMENT, KMS_DISPLAY_NAME, fieldPath } from '@mock-atlas/model';
import { defineRule } from '../define-rule';

/**
 * D `ENCRYPTION_AT_REST_NOT_ENABLED`: a cluster can only use a provider the project has
 * configured (S0:15 "After configuring at least one key management provider ..."). The
 * provider need not match the cluster's cloud (S0:15), so that is not checked. Only a
 * request that names the provider is checked: turning a provider off under a cluster is
 * `ear/disable-in-use`'s business. In a config file whose configuration of the provider was
 * itself refused, that refusal is the finding (`providerRefused`).
 */
export default defineRule({
  id: 'cluster/ear-provider-enabled',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'ENCRYPTION_AT_REST_NOT_ENABLED',
  httpStatus: 400,
  description:
    "A cluster's `encryptionAtRestProvider` must be enabled for the project; it need not match the cluster's cloud provider.",
  sources: ['S0:15', 'D'],
  appliesTo: ['createCluster', 'updateCluster'],
  check({ op, project }) {
    const cluster = op.cluster;
    const provider = cluster.encryptionAtRestProvider;
    if (provider === 'NONE') return [];
    if (op.kind === 'updateCluster' && !op.changed.includes('encryptionAtRestProvider')) return [];
    if (op.kind === 'createCluster' && op.providerRefused) return [];
    const ear = project.encryptionAtRest;
    if (ear.providers[provider].enabled) return [];
    return [
      {
        path: fieldPath(cluster, 'encryptionAtRestProvider'),
        message: `Cluster ${cluster.name} asks for Encryption at Rest using ${KMS_DISPLAY_NAME[provider]}, which is not enabled for project ${project.name}; configure it first.`,
        parameters: [provider],
        related: [{ path: fieldPath(ear, EAR_DOCUMENT[provider]), message: `${KMS_DISPLAY_NAME[provider]} is not enabled here` }],
      },
    ];
  },
});
